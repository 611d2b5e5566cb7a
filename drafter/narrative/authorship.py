"""Whose report and which year, as the report states them — read, never guessed (rule A3).

A reviewer reads the agency and the year off the title (``XX2023年政府信息公开工作年度报告``)
or, when a page lost its title, off the first lines: ``本报告由XX编制``, ``根据……，XX编制
本报告``, ``现将XX2023年度政府信息公开工作情况报告如下``, a signature with its date. Those
are *statements*: the agency is taken from them. Weaker signs — the contact office
(``请与XX联系``), the page's 发布机构, the body opening a paragraph (``2023年，XX坚持…``)
— are taken only when two of them agree, or when the report's own self-designation
confirms one (``我局`` for a 局): a contact is often the government's 办公室 for the
government's report. Otherwise the agency stays unknown: rule A3 says so once, and the
rules that depend on it (A1, A2, N3, C3) do not run on a guess.

A name is accepted only when it reads as a body's name (``classify`` knows its kind) —
never a fragment of a sentence (``我局办公室``, ``XX信访局认真落实``, ``根据《中华人民共和国``).

The year: the title's, else the statistical period's, else the one the opening sentence
gives this report; the years the text uses most only when none is stated (then A3 warns).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from drafter.agency import AgencyKind, classify, is_territory, region_parts, self_designations
from drafter.narrative.identity import TERRITORY_NOUNS, designations
from drafter.narrative.scan import Lazy
from drafter.narrative.years import YEAR, YEARS, period_years, year_value

# --------------------------------------------------------------------------- names

_NAME_CHARS = r"[\u3400-\u4dbf\u4e00-\u9fff（）()·]"
_NOT_A_NAME = Lazy(
    r"^(?:本|该|各|全|贵|其|此|上级|有关|相关|在|依托|通过|经|度|年)|我|《|》|根据|依据|按照|条例|认真|"
    r"坚持|贯彻|落实|年度|报告|工作|信息公开|政务公开|以来|进一步|积极|主动|高度|联系|负责|编制|"
    r"网站|门户|平台|专栏|栏目|系统|公众号|的"
)
"""Words no body's name holds: a pronoun, a verb, a channel (…门户网站), 的."""
_LEVEL = frozenset("省市区县镇乡州旗")
_HAN_YEAR = Lazy(r"[二][〇零○][〇零○一二三四五六七八九]{2}(?=\s*年)")
_HAN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")


def arabic_years(text: str) -> str:
    """二〇二三年 → 2023年 (titles written with Chinese numerals)."""
    return _HAN_YEAR.sub(lambda m: m.group(0).translate(_HAN_DIGITS), text)


@lru_cache(maxsize=4096)
def plausible_name(raw: str, *, territory: bool = False) -> str:
    """``raw`` as an agency name, or '' when it is not one (a fragment, a pronoun).

    With ``territory``, the name must also say where (``襄阳市审计局``, not ``区政府``):
    weak signs are only taken when they name a body fully.
    """
    name = re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw)).strip("“”\"'‘’「」『』")
    name = name.replace("(", "（").replace(")", "）")
    if not 2 <= len(name) <= 40 or not re.fullmatch(_NAME_CHARS + "+", name):
        return ""
    if _NOT_A_NAME.search(name):
        return ""
    if classify(name).body == "unknown":
        return ""
    if territory and (name[0] in _LEVEL or not (region_parts(name) or is_territory(name))):
        return ""  # 区政府, 县委县政府: a level, not a place
    return name


# --------------------------------------------------------------------------- the title

_TITLE_PREFIX = Lazy(r"^(?:标题|题目|title)\s*[:：]\s*", re.IGNORECASE)
_TITLE_YEAR = Lazy(r"(?:19|20)\d{2}\s*年度?")
_MARKERS = ("政府信息公开", "政务公开", "信息公开", "年度报告", "工作报告", "年报")
_REGION_END = frozenset("省市区县镇乡州旗")


def title_agency(title: str) -> str:
    """The agency a title names: 川汇区信访局 of 川汇区信访局2021年政府信息公开工作年度报告.

    Also when the year comes first (2019年上海市人民政府办公厅政府信息公开…) and when the
    name's 政府 runs into the marker (洪山区人民政府信息公开…, 上海市政府信息公开…).
    '' when the title names none (a sentence, or only the year).
    """
    text = re.sub(
        r"\s+", "", _TITLE_PREFIX.sub("", arabic_years(unicodedata.normalize("NFKC", title)))
    )
    text = _TITLE_YEAR.sub("\x00", text, count=1)
    for marker in _MARKERS:
        cut = text.find(marker)
        if cut < 0:
            continue
        before = text[:cut]
        # 洪山区人民|政府信息公开, 上海市|政府信息公开: 政府 belongs to the name.
        if marker == "政府信息公开" and (before.endswith("人民") or before[-1:] in _REGION_END):
            before += "政府"
        name = re.sub(r"^关于|(?:关于|的|年度)+$", "", before.replace("\x00", ""))
        return plausible_name(name)
    return ""


# --------------------------------------------------------------------------- statements

_N = _NAME_CHARS + "{2,40}?"
_VERB = (
    r"(?:负责|牵头|组织|结合[^，。,]{0,20}?|根据[^。]{0,120}?|依据[^。]{0,120}?|按照[^。]{0,120}?)?"
)
_REPORT_WORDS = (
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:情况)?(?:年度)?(?:工作)?(?:报告|年报)"
)
_YEAR_PHRASE = r"(?P<y>(?:19|20)\d{2}|二[〇零][〇零一二三四五六七八九]{2})\s?年度?的?"

STATEMENTS: tuple[tuple[str, Lazy], ...] = (
    ("本报告由…编制", Lazy(rf"由(?P<a>{_N}){_VERB}(?:编制|编写|制作|起草|汇总)")),
    (
        "本报告是…编制",
        Lazy(rf"本(?:年度)?(?:报告|年报)(?:是|系)(?P<a>{_N})(?:根据|依据|按照|结合|编制)"),
    ),
    (
        "…编制本报告",
        Lazy(rf"(?:^|[，,。；;：:\n])\s*(?P<a>{_N}){_VERB}(?:特|现)?编制(?:了)?(?:本|此)"),
    ),
    (
        "现将…报告如下",
        Lazy(
            rf"(?:现将|现公布|现予以?公布|特向社会公布|向社会公布|现发布|特发布|本报告包括)"
            rf"(?P<a>{_N})?\s?{_YEAR_PHRASE}(?P<b>{_N})?{_REPORT_WORDS}"
        ),
    ),
    (
        "结合…工作实际",
        Lazy(
            rf"结合(?:{_YEAR_PHRASE})?(?P<a>{_N})(?:政府信息公开|政务公开|信息公开)工作(?:实际|情况)"
        ),
    ),
)
"""Sentences of the first lines in which a report names its author (and its year)."""
_PRESENTS = STATEMENTS[3][1]
"""现将…2025年度政府信息公开工作情况报告如下: the report presents itself, with its year."""

_METADATA = Lazy(
    rf"(?:发布机构|发布单位|发文机关|来源单位|信息来源)\s*[:：|｜]?\s*[|｜]?\s*"
    rf"(?P<a>{_N})(?=$|[\s|｜，,。])",
    re.M,
)
_CONTACT = Lazy(
    rf"请与(?P<a>{_N})联系|(?:请联系|联系单位|联系部门)\s*[:：]\s*(?P<b>{_N})(?=$|[\s，,。；;（(])",
    re.M,
)
_OFFICE = Lazy(
    r"^(?P<body>.+?(?:局|委员会|委|办事处|街道|中心|院|署|厅|人民政府|政府|镇|乡))"
    r"(?P<office>[\u4e00-\u9fff]{0,8}?(?:办公室|办公厅|科|股|室|组|办))$"
)
"""A contact office: 综合科 of 襄阳市审计局综合科, 办公室 of 高淳区人民政府办公室."""
_OPENING = Lazy(
    r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）.、．]\s*[^。，,]{0,12}?[。.：:]\s*)?"
    r"(?:(?:19|20)\d{2}\s?年度?|全年|今年|本年度?|近年来)?\s*[，,]?\s*"
    rf"(?P<a>{_NAME_CHARS}{{2,30}}?(?:人民政府办公室|人民政府办公厅|政府办公室|人民政府|政府|"
    r"街道办事处|办事处|街道|镇|乡|局|委员会|委|办公室|中心|处|厅|管委会|管理委员会))"
    r"(?=坚持|认真|深入|严格|紧紧|紧密|全面|按照|根据|围绕|以|在|聚焦|持续|进一步|积极|高度|始终|"
    r"着力|牢固|继续|扎实|不断|结合|共|未|主动|通过|依托|把|将|对|全年)"
)
"""A paragraph whose first clause speaks as the author: 2025年，西安市阎良区信访局认真…"""
_SIGNATURE_DATE = Lazy(
    r"^(?:(?:19|20)\d{2}|二[〇零○][〇零○一二三四五六七八九]{2})\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月"
    r"\s*[0-9一二三四五六七八九十]{1,3}\s*日$"
)


@dataclass(frozen=True)
class Candidate:
    name: str
    source: str
    """Chinese: where it was read (标题, 「本报告由…编制」, 落款, 联系方式 …)."""
    sure: bool
    origin: int = 0
    """Candidates of one origin (a contact line read two ways) never confirm each other."""
    start: int = 0
    end: int = 0
    """Where the name stands in the text searched."""


_SCREENS: dict[str, Lazy] = {
    "本报告由…编制": Lazy(r"由[^。]*?(?:编制|编写|制作|起草|汇总)"),
    "本报告是…编制": Lazy(r"本(?:年度)?(?:报告|年报)[是系]"),
    "…编制本报告": Lazy(r"编制了?[本此]"),
    "现将…报告如下": Lazy(r"现将|公布|现发布|特发布|本报告包括"),
    "结合…工作实际": Lazy(r"结合[^。]*?工作(?:实际|情况)"),
}
"""What a text must hold for each statement: the statements' patterns, with their lazy
names, are slow to try where they cannot match."""
_CLAUSE_MARK = Lazy(r"[，,。；;：:\n]")


def _statement_matches(what: str, pattern: Lazy, head: str) -> Iterator[re.Match[str]]:
    screen = _SCREENS[what].search(head)
    if screen is None:
        return
    if what != "…编制本报告":
        yield from pattern.finditer(head)
        return
    # The author opens the clause that ends in 编制本报告: try the pattern there only.
    for hit in _SCREENS[what].finditer(head):
        marks = [m.start() for m in _CLAUSE_MARK.finditer(head[: hit.start()])]
        m = pattern.match(head, marks[-1] if marks else 0)
        if m is not None:
            yield m


def _statement_candidates(head: str) -> list[Candidate]:
    found: list[Candidate] = []
    for what, pattern in STATEMENTS:
        for m in _statement_matches(what, pattern, head):
            group = "a" if plausible_name(m["a"] or "") else "b"
            raw = m.groupdict().get(group) or ""
            if raw.endswith("人民") and head.startswith("政府", m.end(group)):
                raw += "政府"  # 结合大疃镇人民|政府信息公开工作实际
            name = plausible_name(raw)
            if name:
                start = m.start(group)
                found.append(Candidate(name, f"开头段「{what}」", True, 0, start, start + len(raw)))
    return found


def _weak_candidates(head: str, paragraphs: Sequence[str]) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _METADATA.finditer(head) if "来源" in head or "发" in head else ():
        name = plausible_name(m["a"], territory=True)
        if name:
            found.append(Candidate(name, "发布机构", False, len(found)))
    found += _contact_candidates(head, first_origin=len(found))
    for paragraph in paragraphs:
        opening = _OPENING.match(paragraph)
        name = plausible_name(opening["a"], territory=True) if opening else ""
        if name:
            found.append(Candidate(name, "段首", False, len(found)))
    return found


def _contact_candidates(head: str, first_origin: int = 0) -> list[Candidate]:
    """The contact office (请与…联系): the body, or one of its offices, read both ways."""
    found: list[Candidate] = []
    for m in _CONTACT.finditer(head) if "联系" in head else ():
        raw = m["a"] or m["b"]
        origin = first_origin + len(found)
        # The contact may be the body or one of its offices: both readings are offered,
        # the self-designation (or another sign) decides.
        office = _OFFICE.match(raw)
        at = m.start("a") if m["a"] else m.start("b")
        for reading in (raw, office["body"]) if office else (raw,):
            name = plausible_name(reading, territory=True)
            if name:
                found.append(Candidate(name, "联系方式", False, origin, at, at + len(reading)))
    return found


def named_authors(text: str, *, paragraphs: int = 0) -> list[Candidate]:
    """Bodies an opening text names as the report's author, with where they stand:
    its statements (本报告由…编制, 现将…报告如下), its contact office (请与…联系) and the
    body its first ``paragraphs`` lines open with (2025年，XX局坚持…). Inside a paragraph
    only a sentence opening with its year speaks as the author (…工作。2025年，XX局根据…):
    other sentences name the bodies the author works with."""
    found = _statement_candidates(text)
    found += _contact_candidates(text)
    at = 0
    for line in text.split("\n")[:paragraphs]:
        starts = [m.end() for m in _SENTENCE_END.finditer(line)]
        for start in [0] + [p for p in starts if _YEAR_OPENS.match(line, p)]:
            opening = _OPENING.match(line, start)
            name = plausible_name(opening["a"], territory=True) if opening else ""
            if opening and name:
                where = at + opening.start("a"), at + opening.end("a")
                found.append(Candidate(name, "段首", False, -1, *where))
        at += len(line) + 1
    return found


_SENTENCE_END = Lazy(r"[。！？!?]")
_YEAR_OPENS = Lazy(r"\s*(?:(?:19|20)\d{2}\s?年度?|全年|今年|本年度?)")


def _masthead(head_lines: Sequence[str]) -> list[Candidate]:
    """A line holding only a body's name at the top (the title split off, or a masthead)."""
    found = []
    for line in head_lines[:3]:
        name = plausible_name(line)
        if name:
            found.append(Candidate(name, "首行", True))
    return found


def _signature(lines: Sequence[str]) -> list[Candidate]:
    """A name line next to a date line among the last lines (the report's 落款)."""
    tail = [line.strip() for line in lines[-8:] if line.strip()]
    found = []
    for i, line in enumerate(tail):
        near = tail[max(0, i - 1) : i] + tail[i + 1 : i + 2]
        if any(_SIGNATURE_DATE.match(t) for t in near):
            name = plausible_name(line)
            if name:
                found.append(Candidate(name, "落款", True))
    return found


# --------------------------------------------------------------------------- identity


@dataclass
class Identity:
    """Agency and year as far as the text tells, and how that was found out."""

    agency: str = ""
    """The agency when the text states it or two signs agree; '' when unsure."""
    agency_from: str = ""
    stated: bool = False
    """``agency`` is stated outright (title, an opening statement, the signature)."""
    guess: str = ""
    """When unsure: the likeliest name, for the A3 message only (never used by rules)."""
    guess_from: str = ""
    year: int | None = None
    year_from: str = ""
    year_stated: bool = False
    competing_years: list[int] = field(default_factory=list)
    designation: str | None = None
    """The self-designation used most (我局), when any."""
    kind: AgencyKind | None = None
    """The kind of body the self-designations tell (我镇 → a township) when no name does."""


def identify(title: str, text: str) -> Identity:
    """Agency and year of a report from its title and its text (see the module docstring)."""
    found = Identity()
    first = text.split("\n", 20)[:20]  # the first lines and the last: no need to split all
    last = text.rsplit("\n", 8)[-8:]
    head_lines = [line for line in first if line.strip()]
    head = "\n".join(head_lines)
    all_words = Counter(d.word for d in designations(text))
    words = Counter({w: n for w, n in all_words.items() if w[1:] not in TERRITORY_NOUNS})
    if words:
        found.designation = words.most_common(1)[0][0]
    _settle_agency(found, title, head, head_lines, last, all_words)
    if not found.agency:
        found.kind = kind_of_designations(text)
    _settle_year(found, title, head, text)
    return found


def _settle_agency(
    found: Identity,
    title: str,
    head: str,
    head_lines: list[str],
    lines: list[str],
    words: Counter[str],
) -> None:
    best = next(_stated_authors(title, head, head_lines, lines), None)
    if best is not None:
        name = (
            best.name
            if best.source in ("标题", "首行")
            else _office_or_government(best.name, words)
        )
        found.agency, found.agency_from, found.stated = name, best.source, True
        return
    weak = _weak_candidates(head, head_lines)
    for cand in weak:
        agreeing = [c for c in weak if c.origin != cand.origin and _same(c.name, cand.name)]
        if agreeing or _confirmed_by_designation(cand.name, words):
            name = max([cand, *agreeing], key=lambda c: len(c.name)).name
            found.agency = name
            found.agency_from = "、".join(dict.fromkeys(c.source for c in [cand, *agreeing]))
            if not agreeing:
                found.agency_from += f"与自称「{_top(words)}」"
            return
    if weak:
        found.guess, found.guess_from = weak[0].name, weak[0].source


def _stated_authors(
    title: str, head: str, head_lines: list[str], lines: list[str]
) -> Iterator[Candidate]:
    """The bodies the report states as its author, the most telling first: the title, a
    masthead line, an opening statement, the signature (the first found is taken, so
    the others are not looked for)."""
    named = title_agency(title) if title else ""
    if named:
        yield Candidate(named, "标题", True)
    yield from _masthead(head_lines)
    yield from _statement_candidates(head)
    yield from _signature(lines)


_GOVERNMENT_OFFICE = Lazy(r"(.+?(?:人民政府|政府))办公[室厅]")


def _office_or_government(name: str, words: Counter[str]) -> str:
    """``由XX人民政府办公室编制``: the office compiles its government's report too.

    The self-designation tells which: 我办 for the office's own report, 我区/我市 for the
    government's; without one, the name as written.
    """
    m = _GOVERNMENT_OFFICE.fullmatch(name)
    if m and not _confirmed_by_designation(name, words) and _confirmed_by_designation(m[1], words):
        return m[1]
    return name


def _same(a: str, b: str) -> bool:
    """One body named twice, one name maybe without its territory (阎良区信访局)."""
    x, y = a.replace("人民政府", "政府"), b.replace("人民政府", "政府")
    return x.endswith(y) or y.endswith(x)


def _top(words: Counter[str]) -> str:
    return words.most_common(1)[0][0] if words else ""


def _confirmed_by_designation(name: str, words: Counter[str]) -> bool:
    """The self-designation the text uses most is this body's own (我局 for a 局)."""
    if not words:
        return False
    own = set(self_designations(name))
    return _top(words) in own


_TOWNSHIP_WORDS = Lazy(r"[我本](?:镇|乡|街道|办事处)(?![长内外级属])")
_BODY_WORDS = Lazy(r"[我本](?:局|中心)(?![门属内长域])")


def kind_of_designations(text: str) -> AgencyKind | None:
    """A township when the text calls itself 我镇/我乡/我街道/本办事处 and never 我局."""
    township = len(_TOWNSHIP_WORDS.findall(text))
    body = len(_BODY_WORDS.findall(text))
    if township and not body:
        return AgencyKind("township", "government")
    return None


def _settle_year(found: Identity, title: str, head: str, text: str) -> None:
    m = YEAR.search(arabic_years(unicodedata.normalize("NFKC", title))) if title else None
    if m:
        found.year, found.year_from, found.year_stated = year_value(m[1]), "标题", True
        return
    counted = _count_years(text)
    periods = period_years(text)
    stated: int | None = None
    source = ""
    if periods:
        stated, source = periods[0][0], "统计期限"
    elif opening := _PRESENTS.search(head):
        stated, source = year_value(opening["y"]), "开头段"
    if stated is not None and not _outweighed(stated, counted):
        found.year, found.year_from, found.year_stated = stated, source, True
        return
    if counted:
        year, n = counted[0]
        found.competing_years = [y for y, k in counted[1:] if k * 4 >= n * 3]
        if not found.competing_years:
            found.year = year
            found.year_from = f"正文中出现最多的年份（{year}年，{n} 次）"
            if stated is not None:
                found.year_from += f"，而{source}写的是 {stated} 年"
        else:
            found.year = None
            found.competing_years.insert(0, year)


def _outweighed(stated: int, counted: list[tuple[int, int]]) -> bool:
    """The text speaks of a later year than the one stated: last year's period left in.

    The later year must be used at least twice as often as any other — and at least 3
    times, or twice while the stated year is not used at all outside its statement.
    """
    if not counted or counted[0][0] <= stated:
        return False
    year, n = counted[0]
    others = [k for y, k in counted[1:]]
    own = next((k for y, k in counted if y == stated), 0)
    return all(k * 2 <= n for k in others) and (n >= 3 or (n >= 2 and own == 0))


_DATE_AFTER = Lazy(r"\s?[0-9０-９一二三四五六七八九十]{1,2}\s?月")


def _count_years(text: str) -> list[tuple[int, int]]:
    """Years the text speaks of, most used first: not those of the period statement nor
    dates (2026年1月20日 is when, not what, a report is about)."""
    inside = [(s, e) for _, _, s, e in period_years(text)]
    counts: Counter[int] = Counter()
    for m in YEARS.finditer(text):
        if _DATE_AFTER.match(text, m.end()) or any(s <= m.start() < e for s, e in inside):
            continue
        counts[year_value(m[1])] += 1
    return [(y, n) for y, n in counts.most_common() if 2008 <= y <= 2100]
