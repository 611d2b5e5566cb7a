"""The outline of a report: its top-level headings as written (rule N1).

The format prescribes six headings in a set order (``forms.SECTIONS``). Published reports
rename them (``依申请公开政府信息情况``), use the 条例's wording (accepted with a warning,
format-2021.md §3.5), repeat one (``六、`` twice in the seed), or number a sub-heading as
if it were a section (``一、总体情况`` followed by ``一、2021年工作开展情况``).

:func:`outline_of_text` lists every line of a file that is numbered like a section
(``一、`` … ``十、``), leaving out the rows of table 三 (``一、本年新收…``); :func:`classify`
says which section a heading stands for and whether its wording is the official one,
an accepted variant, or a renaming.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from drafter import forms

NUMERALS = "一二三四五六七八九十"
Status = Literal["official", "variant", "renamed", "unknown"]

_ACCEPTED_VARIANTS: dict[str, tuple[str, ...]] = {
    "appeals": (
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
        "政府信息公开行政复议和行政诉讼情况",
    ),
    "problems": ("政府信息公开工作存在的主要问题及改进情况",),
}
"""The 条例-worded headings format-2021.md §3.5 N1 accepts with a warning."""

# Which section a renamed heading stands for, by its key words; checked in this order
# (四's 被申请行政复议 contains 申请, so appeals goes before requests).
_KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("appeals", re.compile(r"复议|诉讼")),
    ("active", re.compile(r"主动公开")),
    ("requests", re.compile(r"申请")),
    ("problems", re.compile(r"问题|改进|不足")),
    ("other", re.compile(r"其他|其它|需要报告|应报告|汇报")),
    ("overview", re.compile(r"总体|概述|概况|基本情况")),
)

_TOP_LINE = re.compile(
    rf"^[\s>#*\-•·|]*(?P<num>[{NUMERALS}]{{1,2}})\s*[、.．]\s*(?P<title>[^\t|]*?)[\s*|]*$"
)
_CONNECTORS = str.maketrans({"及": "和", "与": "和"})
_PUNCT = re.compile(r"[\W_]+")


def comparable_heading(text: str) -> str:
    """A heading's words only: no numeral, punctuation, spaces or markdown."""
    text = unicodedata.normalize("NFKC", text).strip()
    m = _TOP_LINE.match(text)
    if m:
        text = m["title"]
    return _PUNCT.sub("", text)


@dataclass(frozen=True)
class HeadingClass:
    key: str | None
    status: Status


def _loose(heading: str) -> str:
    """Wording with connectors made equal: 、 和 及 与 all read 和."""
    m = _TOP_LINE.match(unicodedata.normalize("NFKC", heading).strip())
    title = m["title"] if m else heading
    return comparable_heading(title.replace("、", "和").translate(_CONNECTORS))


_OFFICIAL: dict[str, str] = {
    comparable_heading(s.heading): key for key, s in forms.SECTION_BY_KEY.items()
}
"""Each official heading's words, to the section it heads."""
_VARIANTS: dict[str, frozenset[str]] = {
    key: frozenset(_loose(v) for v in (*variants, forms.SECTION_BY_KEY[key].heading))
    for key, variants in _ACCEPTED_VARIANTS.items()
}
"""The accepted variants of a section's heading, connectors made equal."""


def classify(heading: str, key: str | None = None) -> HeadingClass:
    """Which section ``heading`` stands for (``key`` when the importer already knows)."""
    words = comparable_heading(heading)
    if words in _OFFICIAL:
        return HeadingClass(_OFFICIAL[words], "official")
    loose = _loose(heading)
    for k, variants in _VARIANTS.items():
        if loose in variants:
            return HeadingClass(k, "variant")
    if key is None:
        key = next((k for k, pattern in _KEYWORDS if pattern.search(words)), None)
    return HeadingClass(key, "renamed" if key else "unknown")


def numeral_of(heading: str) -> str | None:
    """The 一、 … 十、 numeral a heading line starts with."""
    m = _TOP_LINE.match(unicodedata.normalize("NFKC", heading).strip())
    return m["num"] if m else None


@dataclass(frozen=True)
class OutlineLine:
    line: int
    """1-based line in the file."""
    text: str
    numeral: str


_TABLE_ROW_PREFIXES: tuple[str, ...] = tuple(
    comparable_heading(label)[:4]
    for label in (
        *(r.label for r in forms.request_rows("2021") if r.group is None),
        forms.RESULTS_GROUP,
    )
)
"""本年新收, 上年结转, 本年度办, 结转下年: table 三's own 一、二、三、四、 rows."""
_MAX_HEADING = 40


def outline_of_text(text: str) -> list[OutlineLine]:
    """Every line numbered like a section heading, in file order (table rows excluded)."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if "、" not in raw and "．" not in raw and "." not in raw:
            continue
        line = unicodedata.normalize("NFKC", raw)
        if line.count("\t") >= 2 or line.count("|") >= 2:
            continue  # a table row
        m = _TOP_LINE.match(line.strip())
        if not m:
            continue
        words = _PUNCT.sub("", m["title"])
        if not words or len(words) > _MAX_HEADING or words.startswith(_TABLE_ROW_PREFIXES):
            continue
        if m["num"] == "十" and len(m["title"]) > 0 and m["title"][0] in NUMERALS:
            continue
        found.append(OutlineLine(number, raw.strip(), m["num"]))
    return found
