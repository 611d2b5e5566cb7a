"""What kind of body an agency name denotes: its level and whether it is a government.

Several checks depend on it: only 国务院部门 and the people's governments of provinces,
设区的市 and 自治州 may make 规章 (C3, 《立法法》); a 镇 report should call itself 我镇,
not 我局; 人民政府 reports must cover 考核、社会评议、责任追究 (N3). Names are read
from the end: ``南京市鼓楼区华侨路街道办事处`` is a township-level office, not a city.
When the name does not say, the answer is ``unknown`` and no rule fires on a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Level = Literal["national", "province", "city", "county", "township", "unknown"]
Body = Literal["government", "department", "unknown"]

# 直辖市: their 市人民政府 is provincial level.
MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")

_TOWNSHIP = re.compile(r"(镇|乡|街道|苏木|办事处)(人民政府|政府|办事处|党委|党工委)?$")
_OFFICE = re.compile(
    r"(?:党政|综合|综合事务|政务|政务服务|便民服务)?(?:办公室|办|中心|科|股|室|组)"
)
"""An office of a body: 党政办公室, 综合事务办公室, 便民服务中心."""
_GOVERNMENT = re.compile(r"(人民政府|政府|管委会|管理委员会)$")
_DEPARTMENT_END = re.compile(
    r"(局|委员会|委|办公室|办公厅|办|厅|部|署|院|中心|所|站|队|处|会|社|馆|公司)$"
)
_NATIONAL = re.compile(r"^(国家|国务院|中华人民共和国|中国|海关总署|.*部$)")


@dataclass(frozen=True)
class AgencyKind:
    """Level and body type of an agency, as far as its name tells."""

    level: Level
    body: Body

    @property
    def may_make_regulations(self) -> bool | None:
        """Whether the body may make 规章 (立法法); None when the name does not tell."""
        if self.level == "unknown" or self.body == "unknown":
            return None
        if self.body == "department":
            return self.level == "national"
        return self.level in ("province", "city", "national")


def _region(prefix: str) -> Level:
    """Level of the territory named by ``prefix`` (the name without its body type)."""
    if not prefix:
        return "unknown"
    if _TOWNSHIP.search(prefix):
        return "township"
    last = prefix[-1]
    if last in "县旗" or prefix.endswith("区") and not prefix.endswith("自治区"):
        return "county"
    if prefix.endswith(MUNICIPALITIES) and len(prefix) == 3:
        return "province"
    if prefix.endswith(("省", "自治区")):
        return "province"
    if last in "市州盟" or prefix.endswith("地区"):
        # A 市 inside a 省/州 name (…州…市) may be 县级; the bare name cannot say.
        return "city"
    return "unknown"


def _strip_party(name: str) -> str:
    # 平潭综合实验区（管委会）, 中共XX委员会: keep the administrative name.
    return re.sub(r"[（(].*?[)）]", "", name).strip()


@lru_cache(maxsize=1024)
def classify(name: str) -> AgencyKind:
    """Classify an agency by its name; ``unknown`` parts where the name is not explicit.

    Remembered: every check asks about the report's agency from several rules.
    """
    name = _strip_party(name)
    if not name:
        return AgencyKind("unknown", "unknown")
    if _TOWNSHIP.search(name):
        return AgencyKind("township", "government")
    parts = region_parts(name)
    if parts and _TOWNSHIP.search(parts[-1]) and _OFFICE.fullmatch(name[len("".join(parts)) :]):
        return AgencyKind("township", "government")  # 周礼镇党政办公室: the township's office
    # 人民政府办公厅/办公室 publish on behalf of their government (its 规章 included).
    name = re.sub(r"(人民政府|政府)办公(厅|室)$", r"\1", name)
    gov = _GOVERNMENT.search(name)
    if gov:
        prefix = name[: gov.start()]
        if prefix.endswith("国务院") or prefix == "":
            return AgencyKind("national" if prefix else "unknown", "government")
        return AgencyKind(_region(prefix), "government")
    if _ZONE.search(name):  # 平潭综合实验区: run by a 管委会, of no territory's level
        return AgencyKind("unknown", "government")
    if is_territory(name):  # 高平市, 资阳市雁江区: a title naming the territory is its government's
        return AgencyKind(_region(name), "government")
    if _DEPARTMENT_END.search(name):
        if _NATIONAL.match(name) and not _region_prefix(name):
            return AgencyKind("national", "department")
        prefix = _region_prefix(name)
        return AgencyKind(_region(prefix) if prefix else "unknown", "department")
    return AgencyKind("unknown", "unknown")


_REGION_PREFIX = re.compile(
    r"^(.+?(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|地区|县|区|旗|镇|乡|街道))"
)


def _region_prefix(name: str) -> str:
    """The territorial part of a department's name: 云溪县 of 云溪县市场监督管理局.

    Takes the longest run of territory names from the start (…省…市…县).
    """
    return "".join(region_parts(name))


def region_parts(name: str) -> list[str]:
    """The territory names a body's name starts with: [西安市, 阎良区] of 西安市阎良区信访局."""
    return list(_region_parts(name))


@lru_cache(maxsize=4096)
def _region_parts(name: str) -> tuple[str, ...]:
    parts: list[str] = []
    rest = _strip_party(name)
    while True:
        m = _REGION_PREFIX.match(rest)
        if not m or len(m.group(1)) > 12 or len(rest) == len(m.group(1)):
            return tuple(parts)
        parts.append(m.group(1))
        rest = rest[len(m.group(1)) :]


_ZONE = re.compile(r"(?:实验|试验|开发|示范|合作|保税|高新|园)区$")
"""Zones run by a 管委会, not by a people's government: their level is not a territory's."""


def is_territory(name: str) -> bool:
    """Whether ``name`` is only territory names: 高平市, 资阳市雁江区 (not 平潭综合实验区)."""
    rest = _strip_party(name)
    if _ZONE.search(rest):
        return False
    for part in region_parts(rest):
        rest = rest[len(part) :]
    m = _REGION_PREFIX.match(rest)
    return bool(rest) and m is not None and m.group(1) == rest and len(rest) <= 12


def self_designations(name: str) -> tuple[str, ...]:
    """How the agency refers to itself in its report: 我局/本局, 我镇/本镇, 我区 ...

    Taken from the body name: 局, 委, 办, 厅, 处, 中心 …; a 镇/乡/街道 government calls
    itself by its territory (我街道 also 我街); a 人民政府 by its territory (我市, 我县).
    """
    base = _strip_party(name)
    for suffix in ("人民政府", "政府", "办事处"):
        if base.endswith(suffix) and len(base) > len(suffix):
            base = base[: -len(suffix)]
            break
    if base.endswith("办公室"):
        return ("我办", "本办")
    if base.endswith("街道"):
        return ("我街道", "本街道", "我街")
    if base.endswith("管委会") or base.endswith("管理委员会"):
        return ("我委", "本委", "管委会")
    if base.endswith("中心"):
        return ("我中心", "本中心")
    last = base[-1:]
    if last and last in "局委办厅部署院处所站队镇乡区县市州省旗":
        return (f"我{last}", f"本{last}")
    return ()
