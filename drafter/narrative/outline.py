"""The outline of a text as written: every line numbered like a section (rule N1).

The format prescribes six headings in a set order (``forms.SECTIONS``). Besides the
headings the importer recognised, N1 looks at every line numbered like a section
(``一、`` … ``十、``): a sub-heading numbered as if it were a section (``一、总体情况``
followed by ``一、2021年工作开展情况``) or a repeated one (``六、`` twice in the seed).
Which section a heading stands for, and how it is worded, is :mod:`drafter.headings`'.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.headings import (
    NUMBERED_LINE,
    NUMERALS,
    TABLE_ROW_TITLES,
    comparable_heading,
    words_only,
)
from drafter.importers.normalise import nfkc


@dataclass(frozen=True)
class OutlineLine:
    line: int
    """1-based line in the file."""
    text: str
    numeral: str


_TABLE_ROW_PREFIXES: tuple[str, ...] = tuple(
    comparable_heading(label)[:4] for label in TABLE_ROW_TITLES
)
"""本年新收, 上年结转, 结转下年, 本年度办: table 三's own 一、二、三、四、 rows."""
_MAX_HEADING = 40


def outline_of_text(text: str) -> list[OutlineLine]:
    """Every line numbered like a section heading, in file order (table rows excluded)."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if "、" not in raw and "．" not in raw and "." not in raw:
            continue
        line = nfkc(raw)  # remembered: the importer has just normalised the same lines
        if line.count("\t") >= 2 or line.count("|") >= 2:
            continue  # a table row
        m = NUMBERED_LINE.match(line.strip())
        if not m:
            continue
        words = words_only(m["title"])
        if not words or len(words) > _MAX_HEADING or words.startswith(_TABLE_ROW_PREFIXES):
            continue
        if m["num"] == "十" and len(m["title"]) > 0 and m["title"][0] in NUMERALS:
            continue
        found.append(OutlineLine(number, raw.strip(), m["num"]))
    return found
