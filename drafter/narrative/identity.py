"""Who wrote the report and for which year, as the text itself says (rules A1–A3).

Three questions a reviewer asks of every report:

- Does it call itself what it is? A 镇 writes 我镇, a 局 writes 我局; ``我局`` in a town's
  report, or ``我镇`` in a bureau's, is text pasted from another body's report (A1).
- Does it name another body as if it were the author? (A2: the title names another agency,
  or ``2025年，XX县交通运输局坚持…`` in the report of XX县市场监督管理局.)
- When a file states neither agency nor year: :mod:`drafter.narrative.authorship` (A3).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from drafter.agency import classify, is_territory, region_parts, self_designations
from drafter.narrative.years import YEAR

# --------------------------------------------------------------------------- A1

TOWNSHIP_NOUNS = frozenset({"镇", "乡", "街道", "街"})
TERRITORY_NOUNS = frozenset({"区", "县", "市", "州", "省", "旗"})
BODY_NOUNS = frozenset({"局", "委", "办", "厅", "部", "署", "院", "处", "所", "站", "队", "中心"})

DESIGNATION = re.compile(
    r"(?:我|本)(街道|中心|局|委|办|厅|部|署|院|处|所|站|队|镇|乡|街|区|县|市|州|省|旗)"
    r"(?!门|法|域|场|级|理|属|间|际|内|外|人|次|长|领导|单位|会议)"
)
"""我局, 本镇, 我街道 … — not 本部门, 本办法, 本区域, 本市场."""


@dataclass(frozen=True)
class Designation:
    word: str
    """As written: 我局."""
    noun: str
    """局."""
    start: int
    end: int


def designations(text: str) -> list[Designation]:
    """Every self-designation in ``text``, in order."""
    return [Designation(m.group(), m[1], m.start(), m.end()) for m in DESIGNATION.finditer(text)]


def own_nouns(agency: str) -> frozenset[str]:
    """The nouns an agency may call itself by: 局 for a 局, 镇 for a 镇 …"""
    return frozenset(d[1:] for d in self_designations(agency))


@dataclass(frozen=True)
class WrongDesignation:
    noun: str
    serious: bool
    """A township calling itself a bureau or the reverse: an error, not a warning."""
    why: str


def judge_designation(agency: str, noun: str) -> WrongDesignation | None:
    """None when ``我{noun}`` fits ``agency``; else why not. Unknown agencies pass."""
    own = own_nouns(agency)
    territory = {part[-1] for part in region_parts(agency)}
    if not own or noun in own or noun in territory and noun in TERRITORY_NOUNS:
        return None
    kind = classify(agency)
    township = kind.level == "township" or bool(own & TOWNSHIP_NOUNS)
    mine = "、".join(f"我{n}" for n in sorted(own))
    if township:
        if noun in TOWNSHIP_NOUNS and own & {"街道"} and noun == "街":
            return None
        if noun in ("办", "处"):  # 党政办, 街道办事处
            return None
        if noun in BODY_NOUNS:
            return WrongDesignation(
                noun, True, f"乡镇（街道）的报告应自称{mine}，不应出现「我{noun}」"
            )
        if noun in TOWNSHIP_NOUNS:
            return WrongDesignation(noun, False, f"本报告应自称{mine}")
        return None  # 我区/我县: the territory it belongs to
    if noun in TOWNSHIP_NOUNS:
        return WrongDesignation(noun, True, f"「{agency}」不是乡镇（街道），不应自称「我{noun}」")
    if kind.body == "government":
        if noun in ("办", "厅"):  # the 办公室/办公厅 writes for its government
            return None
        if noun in TERRITORY_NOUNS:
            return WrongDesignation(noun, False, f"本报告应自称{mine}")
        office = agency.endswith(("办公室", "办公厅"))
        # A people's government is no 局 or 委: the word came with another body's text.
        return WrongDesignation(
            noun, not office, f"人民政府的报告应自称{mine}，「我{noun}」是部门的用语"
        )
    if noun in BODY_NOUNS:
        return WrongDesignation(noun, False, f"本报告应自称{mine}")
    return None  # a department speaking of its territory: 我区, 我县


# --------------------------------------------------------------------------- A2


@lru_cache(maxsize=4096)
def _plain(name: str) -> str:
    name = unicodedata.normalize("NFKC", name)
    name = re.sub(r"[\s（）()·]", "", name)
    # 鼓楼区人民政府华侨路街道办事处 is 鼓楼区华侨路街道办事处: the government named inside.
    name = re.sub(r"(?:人民)?政府(?!办公[室厅]$)(?=[\u4e00-\u9fff]{2,})", "", name)
    return name.replace("人民政府", "政府")


@lru_cache(maxsize=4096)
def same_agency(a: str, b: str) -> bool:
    """Whether two names can denote the same body.

    One may omit the region or 人民 (高平市政府 / 高平市人民政府), or abbreviate the body
    (国资局 for 国有资产监督管理局, 市场监管局 for 市场监督管理局): the shorter body
    name is then a subsequence of the longer one. Two places that differ are two bodies.
    """
    x, y = _plain(a), _plain(b)
    if not x or not y or x in y or y in x:
        return True
    places = _places(x), _places(y)
    if all(places) and not _same_place(places[0][-1], places[1][-1]):
        return False  # 云溪县交通运输局 is not 荣成市交通运输局
    short, long = sorted((_body(x), _body(y)), key=len)
    return bool(short) and short[-1] == long[-1] and _subsequence(short, long)


def _places(name: str) -> list[str]:
    """Every territory a name starts with, a bare one included: [安岳县, 周礼镇]."""
    base = re.sub(r"(人民政府|政府|办事处)$", "", name) or name
    parts = region_parts(base)
    rest = base[len("".join(parts)) :]
    return parts + [rest] if rest and is_territory(rest) else parts


def _same_place(a: str, b: str) -> bool:
    return a.endswith(b) or b.endswith(a)


@lru_cache(maxsize=4096)
def part_of(unit: str, agency: str) -> bool:
    """Whether ``unit`` is the agency or one of its offices: 石门镇党政办 of 石门镇人民政府,
    高淳区人民政府办公室 of 南京市高淳区人民政府 (the city left out)."""
    if same_agency(unit, agency):
        return True
    core = re.sub(r"(人民政府|政府|办事处)$", "", _plain(agency)) or _plain(agency)
    plain = _plain(unit)
    for part in ["", *region_parts(core)]:
        core = core[len(part) :]
        if len(core) > 1 and plain.startswith(core):  # a place, not a bare 区
            return True
    return False


def _body(name: str) -> str:
    """The name less its territory and government suffix: 国资局, 大平镇."""
    base = re.sub(r"(人民政府|政府|办事处|党委|党工委)$", "", name) or name
    parts = region_parts(base)
    return base[len("".join(parts)) :] or base


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


_DEPARTMENT_SUFFIX = r"(?:局|委员会|委|办公室|中心|处|厅)"
_TOWNSHIP_SUFFIX = r"(?:镇|乡|街道)"
_DEPARTMENT_BODY = re.compile(rf"[\u4e00-\u9fff]{{1,12}}?{_DEPARTMENT_SUFFIX}")
_TOWNSHIP_BODY = re.compile(rf"[\u4e00-\u9fff]{{1,12}}?{_TOWNSHIP_SUFFIX}")
"""A body's name after its territory: 交通运输局 of 云溪县交通运输局."""
_ENDS_TOWNSHIP = re.compile(rf"{_TOWNSHIP_SUFFIX}$")


@dataclass(frozen=True)
class OtherAgency:
    name: str
    start: int
    end: int
    leading: bool
    """The name opens its clause (``2025年，XX局坚持…``): it speaks as the author."""


def other_agencies(text: str, agency: str) -> list[OtherAgency]:
    """Names of bodies of the same kind as ``agency`` that are not ``agency``.

    Only names whose left edge is certain are taken: those starting with the agency's own
    territory (云溪县…局, 安岳县…镇; running Chinese text has no word breaks, so a bare
    ``大平镇`` cannot be told from ``现将我镇``). Other departments are often mentioned in
    passing (会同云溪县财政局), so for departments only those opening a clause (speaking as
    the author) are returned; for townships every other named 镇/乡/街道.
    """
    if not agency:
        return []
    kind = classify(agency)
    parts = region_parts(agency)
    township = kind.level == "township"
    if not township and kind.body != "department":
        return []
    found: dict[int, OtherAgency] = {}
    if township:  # anchor at the territory above the township: 荣成市 of 荣成市大疃镇
        parts = [p for p in parts if not _ENDS_TOWNSHIP.search(p)]
    if parts:
        # The territory is found with str.find and the rest matched by a pattern compiled
        # once: a pattern per agency would be compiled anew for nearly every report.
        region, body = parts[-1], _TOWNSHIP_BODY if township else _DEPARTMENT_BODY
        at = text.find(region)
        while at >= 0:
            m = body.match(text, at + len(region))
            if m is None:
                at = text.find(region, at + 1)
                continue
            name = text[at : m.end()]
            leading = _opens_clause(text, at)
            if (township or leading) and not same_agency(name, agency):
                found[at] = OtherAgency(name, at, m.end(), leading)
            at = text.find(region, m.end())
    return [found[k] for k in sorted(found)]


def _own_core(agency: str) -> str:
    """周礼镇 of 安岳县周礼镇人民政府."""
    return _body(_plain(agency))


def _opens_clause(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12) : pos]
    tail = re.split(r"[，,；;：:。！？!?\n]", before)[-1]
    tail = re.sub(r"[\s度]|全年|今年|本年", "", YEAR.sub("", tail))
    return tail == ""
