"""The six section headings as reports write them: official, accepted variant or renamed.

The one place for what a section heading may say (format-2021.md §3.5 N1). The official
headings come from :mod:`drafter.forms`; :data:`VARIANTS` are the 条例-worded headings N1
accepts with a warning; :data:`RENAMINGS` are other wordings seen in published reports,
which the importer still recognises and N1 flags. :func:`section_of` says which section
a heading's words speak of, and :func:`classify` how the heading is worded.

The importer's outline (:mod:`drafter.importers.sections`) finds heading lines with
:data:`WORDINGS` and :func:`section_of`; rule N1 (:mod:`drafter.rules.outline_rules`)
judges them with :func:`classify`, so both agree on which section a heading stands for.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from drafter import forms

NUMERALS = "一二三四五六七八九十"
Status = Literal["official", "variant", "renamed", "unknown"]

OFFICIAL: dict[str, str] = {s.key: s.heading.removeprefix(f"{s.numeral}、") for s in forms.SECTIONS}
"""Each section's official heading without its numeral: 总体情况."""

VARIANTS: dict[str, tuple[str, ...]] = {
    "appeals": (
        "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "政府信息公开行政复议和行政诉讼情况",
        "政府信息公开行政复议及行政诉讼情况",
    ),
    "problems": ("政府信息公开工作存在的主要问题及改进情况",),
}
"""The 条例-worded headings N1 accepts with a warning (format-2021.md §3.5 N1, E6)."""

RENAMINGS: dict[str, tuple[str, ...]] = {
    "overview": ("概述", "总体概况", "基本情况"),
    "requests": ("依申请公开政府信息情况", "收到和处理政府信息公开申请的情况"),
    "problems": ("存在的主要问题和改进措施",),
    "other": ("其他需要汇报事项", "其他应报告的事项", "其他需要报告事项"),
}
"""Other wordings seen in published reports: recognised as the section, flagged by N1."""

WORDINGS: dict[str, tuple[str, ...]] = {
    key: (official, *VARIANTS.get(key, ()), *RENAMINGS.get(key, ()))
    for key, official in OFFICIAL.items()
}
"""Every known wording of each section's heading, the official one first."""

TABLE_ROW_TITLES: tuple[str, ...] = (
    *(r.label for r in forms.request_rows("2021") if r.group is None),
    forms.RESULTS_GROUP,
)
"""Table 三's own numbered rows (一、本年新收… 三、本年度办理结果 四、结转下年度…), which look
like section headings but are not."""


def section_of(words: str) -> str | None:
    """The section a heading's words (punctuation and numeral removed) speak of."""
    # 四's 被申请行政复议 contains 申请: appeals are asked first.
    if "复议" in words or "诉讼" in words:
        return "appeals"
    if "问题" in words or "改进" in words:
        return "problems"
    if "其他" in words and ("事项" in words or "报告" in words or "汇报" in words):
        return "other"
    if "申请" in words and ("收到" in words or "处理" in words or "依申请" in words):
        return "requests"
    if "主动公开" in words:
        return "active"
    if "总体情况" in words or words in RENAMINGS["overview"]:
        return "overview"
    return None


# --------------------------------------------------------------------------- wording

NUMBERED_LINE = re.compile(
    rf"^[\s>#*\-•·|]*(?P<num>[{NUMERALS}]{{1,2}})\s*[、.．]\s*(?P<title>[^\t|]*?)[\s*|]*$"
)
"""A line numbered like a section (一、 … 十、), Markdown and bullet marks allowed."""
_CONNECTORS = str.maketrans({"及": "和", "与": "和"})
_PUNCT = re.compile(r"[\W_]+")


def words_only(text: str) -> str:
    """``text`` without punctuation, spaces or marks."""
    return _PUNCT.sub("", text)


def comparable_heading(text: str) -> str:
    """A heading's words only: no numeral, punctuation, spaces or markdown."""
    text = unicodedata.normalize("NFKC", text).strip()
    m = NUMBERED_LINE.match(text)
    if m:
        text = m["title"]
    return words_only(text)


def numeral_of(heading: str) -> str | None:
    """The 一、 … 十、 numeral a heading line starts with."""
    m = NUMBERED_LINE.match(unicodedata.normalize("NFKC", heading).strip())
    return m["num"] if m else None


def _loose(heading: str) -> str:
    """Wording with connectors made equal: 、 和 及 与 all read 和."""
    m = NUMBERED_LINE.match(unicodedata.normalize("NFKC", heading).strip())
    title = m["title"] if m else heading
    return comparable_heading(title.replace("、", "和").translate(_CONNECTORS))


_OFFICIAL_WORDS: dict[str, str] = {comparable_heading(s.heading): s.key for s in forms.SECTIONS}
"""Each official heading's words, to the section it heads."""
_LOOSE_VARIANTS: dict[str, frozenset[str]] = {
    key: frozenset(_loose(v) for v in (*variants, forms.SECTION_BY_KEY[key].heading))
    for key, variants in VARIANTS.items()
}
"""The accepted variants of a section's heading, connectors made equal."""


@dataclass(frozen=True)
class HeadingClass:
    key: str | None
    status: Status


def classify(heading: str, key: str | None = None) -> HeadingClass:
    """Which section ``heading`` stands for (``key`` when the importer already knows)
    and whether it is worded as prescribed, as an accepted variant, or renamed."""
    words = comparable_heading(heading)
    if words in _OFFICIAL_WORDS:
        return HeadingClass(_OFFICIAL_WORDS[words], "official")
    loose = _loose(heading)
    for k, variants in _LOOSE_VARIANTS.items():
        if loose in variants:
            return HeadingClass(k, "variant")
    if key is None:
        key = section_of(words)
    return HeadingClass(key, "renamed" if key else "unknown")
