"""Table text to row candidates: a label and the figures that follow it.

Tables reach us in every shape: real rows with cells (DOCX, HTML, Markdown), one row a
line with tabs, spaces or ``|`` between cells, one cell a line, labels broken over
several lines with the figures on the next, group labels split across cells
(``（四）无`` / ``法提供``), or — from crawlers — everything glued together
(``一、本年新收政府信息公开申请数量21710000218二、…``). All of them are read as one
stream: text accumulates into a label until figures come, and the figures close the
row. Which official row a candidate is, is decided later by its label
(:mod:`drafter.importers.matching`), never by its position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from drafter.importers.document import Cell
from drafter.importers.labels import TABLE_ANCHORS
from drafter.importers.normalise import condense, is_cjk, nfkc
from drafter.importers.sections import Segment
from drafter.values import BLANK_MARKS

_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"  # 447,228 is one figure
    r"|(?P<sep>[\s|｜]+)|(?P<other>[^\d\s|｜]+)"
)
# A figure followed by one of these is part of the text: 2021年, 第711号, 保留4位小数.
_TEXT_AFTER = frozenset("年月日号位页时分秒%‰")
_ITEM_MARK = frozenset(".、")
_BLANKS = BLANK_MARKS - {"", "nil", "null", "none"}
_UNIT = re.compile(r"(件|条|次|个|项|人次|起|宗|份|万元|元)$")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


@dataclass
class Value:
    """One figure (or blank cell) as the source wrote it."""

    raw: str
    lineno: int
    blank: bool = False
    touching: bool = False
    """No separator between this figure and the label before it (crawler glue)."""


@dataclass
class Candidate:
    """A row as found: the label text before its figures, and the figures."""

    label: str = ""
    """Condensed label (Chinese characters and letters only), for matching."""
    raw_label: str = ""
    values: list[Value] = field(default_factory=list)
    segments: list[int] = field(default_factory=list)
    section: str = ""
    anchored: bool = False
    """A table header or caption came before these figures in the section."""
    grid: bool = False
    """From a real table row, where blank cells keep their position."""
    positional: bool = False
    """Where a cell is empty the source says so (a table cell, bars, tabs, a dash), so
    figures can be placed even when fewer than the row's cells."""
    glued_source: bool = False
    """The source glues cells elsewhere, so a lone run of digits is glued even after a space."""

    @property
    def glued(self) -> bool:
        """Digits stuck to their label: several cells without separators between them."""
        if not self.values or self.grid or any(v.blank for v in self.values):
            return False
        if len(self.values) == 1:
            return self.values[0].touching or self.glued_source
        return all(v.touching for v in self.values)  # 1103-181510: runs split by a sign

    @property
    def lineno(self) -> int:
        return self.values[0].lineno if self.values else 0

    @property
    def excerpt(self) -> str:
        shown = " ".join(v.raw or "空" for v in self.values)
        return f"{self.raw_label[-40:]} {shown}".strip()


def is_value_text(text: str) -> bool:
    """A table cell holding a figure or a blank mark (``—``, ``/``, ``无``, empty)."""
    core = re.sub(r"[\s,，]", "", nfkc(text))
    return core.lower() in BLANK_MARKS or bool(_NUMBER.match(_UNIT.sub("", core)))


class RowReader:
    """Turns the segments of one section (in order) into candidates."""

    def __init__(self, section: str) -> None:
        self.section = section
        self.out: list[Candidate] = []
        self.anchored = False
        self.current = Candidate(section=section)

    def _flush(self) -> None:
        if self.current.values:
            self.out.append(self.current)
            self.current = Candidate(section=self.section, anchored=self.anchored)

    def _text(self, text: str, index: int) -> None:
        if self.current.values:
            self._flush()
        core = condense(text)
        if core:
            if not self.anchored and any(a in self.current.label + core for a in TABLE_ANCHORS):
                self.anchored = self.current.anchored = True
            self.current.label += core
            self.current.raw_label += text
            if index not in self.current.segments:
                self.current.segments.append(index)

    def _value(self, value: Value, index: int) -> None:
        self.current.values.append(value)
        if index not in self.current.segments:
            self.current.segments.append(index)

    def read_text(self, segment: Segment, index: int) -> None:
        """Labels, figures and blanks of a line of text, in order."""
        line = segment.lineno
        text = nfkc(segment.text)
        # Bars and tabs keep empty cells in place; spaces alone (PDF text) do not.
        marked = "|" in text or "｜" in text or "\t" in text
        for kind, tok, touching in _tokens(text):
            if kind == "text":
                self._text(tok, index)
            else:
                self._value(Value(tok, line, blank=kind == "blank", touching=touching), index)
                self.current.positional = self.current.positional or marked or kind == "blank"

    def read_row(self, cells: list[Cell], segment: Segment, index: int) -> None:
        self._flush()
        shown = [c for c in cells if c.continued != "col"]
        kinds = [is_value_text(c.text) for c in shown]
        labels = [i for i, (c, v) in enumerate(zip(shown, kinds, strict=True)) if not v and c.text]
        last = labels[-1] if labels else -1
        values = [
            Value(_cell_value(c.text), segment.lineno, blank=_is_blank(c.text))
            for i, c in enumerate(shown)
            if i > last and kinds[i] and c.continued is None
        ]
        label_text = "".join(shown[i].text for i in labels)
        if not values or (not labels and all(v.blank for v in values)):
            if label_text:
                self._text(label_text, index)
            return
        if labels:
            self.current = Candidate(section=self.section, anchored=self.anchored)
            self._text(label_text, index)
        self.current.grid = self.current.positional = True
        for value in values:
            self._value(value, index)
        self._flush()

    def finish(self) -> list[Candidate]:
        self._flush()
        return self.out


_FREE = ("|", "｜")


def _free(ch: str) -> bool:
    """No character, a space or a cell bar: nothing glues across it."""
    return not ch or ch.isspace() or ch in _FREE


def _tokens(text: str) -> Iterator[tuple[str, str, bool]]:
    """(kind, token, touching) for a line: kind is text, value or blank."""
    tokens = [(m.lastgroup or "", m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    after_value = False
    signed = ""
    for k, (kind, tok, start, end) in enumerate(tokens):
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if kind == "sep":
            # 821 |  |  | 2: the empty cells between bars are blanks in place. Tabs count
            # only between figures (a label's merged columns also leave tabs).
            bars = tok.count("|") + tok.count("｜")
            if not bars and after_value:
                bars = tok.count("\t")
            if k > 0:
                yield from (("blank", "", False) for _ in range(bars - 1))
            continue
        after_value = kind == "num"
        if kind == "other":
            glued_to_next = k + 1 < len(tokens) and tokens[k + 1][0] == "num"
            glued_to_next = glued_to_next and tokens[k + 1][2] == end
            if tok in ("+", "-") and glued_to_next:
                if _free(before):
                    continue  # a sign, read with the figure it follows
                if k and tokens[k - 1][0] == "num":
                    signed = tok  # 1103-181510: a signed figure glued to the one before
                    continue
            if tok.lower() in _BLANKS and _free(before) and _free(after):
                yield "blank", "", False
            else:
                yield "text", tok, False
            continue
        if signed:
            yield "value", signed + tok, True
            signed = ""
            continue
        yield from _number(text, tok, start, end)


def _number(text: str, tok: str, start: int, end: int) -> Iterator[tuple[str, str, bool]]:
    """A run of digits: a figure, part of the text (2021年, 第3页) or an item number."""
    before = text[start - 1] if start else ""
    sign = ""
    if before in ("+", "-") and (start < 2 or text[start - 2].isspace()):
        sign, before = before, text[start - 2] if start >= 2 else ""
    after = text[end] if end < len(text) else ""
    after2 = text[end + 1] if end + 1 < len(text) else ""
    if (
        after in _TEXT_AFTER
        or before == "第"
        or (before in ("(", "（") and after in (")", "）"))
        or (after == "/" and after2.isdigit())
        or (before == "/" and start >= 2 and text[start - 2].isdigit())
    ):
        yield "text", tok, False
        return
    touching = not _free(before) and before not in ("+", "-")
    if after in _ITEM_MARK and (is_cjk(after2) or after2.isalpha()) and "." not in tok:
        # 1.属于国家秘密: an item number. Glued text puts the figures before it:
        # 10000015.属于… is 1000001 then item 5 (items run 1–8).
        if len(tok) > 1:
            yield "value", tok[:-1], touching
        yield "text", tok[-1], False
        return
    yield "value", sign + tok.replace(",", ""), touching


def _is_blank(text: str) -> bool:
    return re.sub(r"\s", "", nfkc(text)).lower() in BLANK_MARKS


def _cell_value(text: str) -> str:
    return "" if _is_blank(text) else re.sub(r"\s", "", nfkc(text))


def read_candidates(segments: list[Segment], indices: list[int]) -> list[Candidate]:
    """Row candidates of the given segments, a fresh label at each section change."""
    out: list[Candidate] = []
    reader: RowReader | None = None
    for index in indices:
        segment = segments[index]
        if reader is None or reader.section != segment.section:
            if reader is not None:
                out += reader.finish()
            reader = RowReader(segment.section)
        if segment.kind == "row" and segment.cells is not None:
            reader.read_row(segment.cells, segment, index)
        elif segment.kind == "text":
            reader.read_text(segment, index)
    if reader is not None:
        out += reader.finish()
    return out
