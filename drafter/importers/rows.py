"""Table text to row candidates: a label and the figures that follow it.

Tables reach us in every shape: real rows with cells (DOCX, HTML, Markdown), one row a
line with tabs, spaces or ``|`` between cells, one cell a line, labels broken over
several lines with the figures on the next, group labels split across cells
(``（四）无`` / ``法提供``), or — from crawlers — everything glued together
(``一、本年新收政府信息公开申请数量21710000218二、…``). All of them are read as one
stream: text accumulates into a label until figures come, and the figures close the
row. Which official row a candidate is, is decided later by its label
(:mod:`drafter.importers.matching`), never by its position.

Prose is not table: a figure followed by a measure word and more text (``予以公开2件，``)
is part of a sentence, and a sentence end (``。``) or such a figure starts the label afresh,
so the words of a sentence before a table never become part of a row's label.
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

_MISREAD = r"(?:[A-Za-z]+\d[\dA-Za-z]*|\d+[A-Za-z][\dA-Za-z]*|[OolI]|[*?×]+)"
"""l2, 1O, O, *: a figure misread (OCR): a cell that cannot be read, not a label."""
_TOKEN = re.compile(
    rf"(?P<garbled>(?<![A-Za-z\d]){_MISREAD}(?![A-Za-z\d]))"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"  # 447,228 is one figure
    r"|(?P<sep>[\s|｜]+)|(?P<other>[^\d\s|｜]+)"
)
# A figure followed by one of these is part of the text: 2021年, 第711号, 保留4位小数.
_TEXT_AFTER = frozenset("年月日号位页时分秒%‰")
_ITEM_MARK = frozenset(".、")
_BLANKS = BLANK_MARKS - {"", "nil", "null", "none"}
_UNIT = re.compile(r"(件|条|次|个|项|人次|起|宗|份|万元|元)$")
# A figure followed by one of these and then more text is a figure of a sentence.
_MEASURE = re.compile(r"人次|万元|亿元|[件条次个项起宗份篇家人期场元]")
_SENTENCE_END = re.compile(r"[。;!?]")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_MISREAD_CELL = re.compile(_MISREAD)
_SPACE = re.compile(r"\s")
_SPACE_OR_COMMA = re.compile(r"[\s,，]")


@dataclass
class Value:
    """One figure (or blank cell) as the source wrote it."""

    raw: str
    lineno: int
    blank: bool = False
    touching: bool = False
    """No separator between this figure and the label before it (crawler glue)."""
    unit: bool = False
    """Written with a measure word (``12件``): a cell that says so, never a glued run."""


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
    glued_source: bool = False
    """The source glues cells elsewhere, so a lone run of digits is glued even after a space."""

    @property
    def glued(self) -> bool:
        """Digits stuck to their label: several cells without separators between them."""
        if not self.values or self.grid or any(v.blank or v.unit for v in self.values):
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


def has_figures(text: str) -> bool:
    """Whether a line holds a figure or a blank cell (item numbers such as 1. are labels)."""
    return any(kind in ("value", "blank") for kind, _, _, _ in _tokens(nfkc(text)))


def is_prose(text: str) -> bool:
    """A sentence: it ends one (。；！？) or states a figure with a measure word inside it."""
    return any(kind == "prose" for kind, _, _, _ in _tokens(nfkc(text))) or bool(
        _SENTENCE_END.search(nfkc(text))
    )


def is_misread(text: str) -> bool:
    """A table cell holding a misread figure (``l2``, ``O``, ``*``)."""
    return _MISREAD_CELL.fullmatch(_SPACE.sub("", nfkc(text))) is not None


def is_value_text(text: str) -> bool:
    """A table cell holding a figure or a blank mark (``—``, ``/``, ``无``, empty)."""
    core = _SPACE_OR_COMMA.sub("", nfkc(text))
    return core.lower() in BLANK_MARKS or bool(_NUMBER.match(_UNIT.sub("", core)))


class RowReader:
    """Turns the segments of one section (in order) into candidates."""

    def __init__(self, section: str) -> None:
        self.section = section
        self.out: list[Candidate] = []
        self.anchored = False
        self.current = Candidate(section=section)
        self.header: list[str] = []
        """Label text of the table (headers included), prose left out, from its anchor on."""

    def _keep(self, label: str) -> None:
        if not self.anchored and any(a in label for a in TABLE_ANCHORS):
            self.anchored = True
        if self.anchored and label:
            self.header.append(label)

    def _flush(self) -> None:
        if self.current.values:
            self._keep(self.current.label)
            self.current.anchored = self.anchored
            self.out.append(self.current)
            self.current = Candidate(section=self.section)

    def _restart(self) -> None:
        """A sentence ended: the text so far is prose, not the start of a row's label."""
        self._flush()
        self.current = Candidate(section=self.section)

    def _text(self, text: str, index: int) -> None:
        if self.current.values:
            self._flush()
        core = condense(text)
        if core:
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
        for kind, tok, touching, unit in _tokens(nfkc(segment.text)):
            if kind == "text":
                for k, piece in enumerate(_SENTENCE_END.split(tok)):
                    if k:
                        self._restart()
                    self._text(piece, index)
            elif kind == "prose":
                self._restart()
            else:
                blank = kind == "blank"
                self._value(Value(tok, line, blank, touching, unit), index)

    def read_row(self, cells: list[Cell], segment: Segment, index: int) -> None:
        """A row of a real table: labels, then one field per grid column after them.

        A blank cell spanning columns is a blank in each of them; a figure spanning
        columns is one figure (table 二's 本年处理决定数量 spans three columns). Text in
        a cell after the row's first figure is a figure that cannot be read (an OCR
        ``l2``), not a label: it keeps its place and is reported.
        """
        self._flush()
        kinds = [is_value_text(c.text) for c in cells]
        first = next(
            (
                i
                for i, (c, v) in enumerate(zip(cells, kinds, strict=True))
                if c.continued is None and (v and not _is_blank(c.text) or is_misread(c.text))
            ),
            len(cells),
        )
        labels = [
            i
            for i, (c, v) in enumerate(zip(cells, kinds, strict=True))
            if i < first and not v and c.text and c.continued != "col"
        ]
        last = labels[-1] if labels else -1
        values = []
        for i, (c, v) in enumerate(zip(cells, kinds, strict=True)):
            if i <= last:
                continue
            if v and (c.continued is None or _is_blank(c.text)):
                values.append(Value(_cell_value(c.text), segment.lineno, blank=_is_blank(c.text)))
            elif not v and c.continued is None and i >= first:
                values.append(Value(_SPACE.sub("", nfkc(c.text)), segment.lineno))
        label_text = "".join(cells[i].text for i in labels)
        if not values or (not labels and all(v.blank for v in values)):
            if label_text:
                self._text(label_text, index)
            return
        if labels:
            self._keep(self.current.label)  # header rows above this row
            self.current = Candidate(section=self.section)
            self._text(label_text, index)
        self.current.grid = True
        for value in values:
            self._value(value, index)
        self._flush()

    def finish(self) -> list[Candidate]:
        self._flush()
        self._keep(self.current.label)
        return self.out


_FREE = ("|", "｜")


def _free(ch: str) -> bool:
    """No character, a space or a cell bar: nothing glues across it."""
    return not ch or ch.isspace() or ch in _FREE


Token = tuple[str, str, bool, bool]
"""(kind, token, touching, unit): kind is text, value, blank or prose (a sentence's figure)."""


def _tokens(text: str) -> Iterator[Token]:
    """The tokens of a line, with the empty cells that bars and tabs leave in place."""
    tokens = [(m.lastgroup or "", m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    after_value = False
    signed = ""
    skip = 0  # characters of the next text token already read (a figure's measure word)
    opened = text.lstrip()[:1] in _FREE  # | a | 1 |: the outer bars close nothing
    for k, (kind, tok, start, end) in enumerate(tokens):
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if kind == "sep":
            # 821 |  |  | 2: the empty cells between bars are blanks in place. Tabs count
            # only between figures (a label's merged columns also leave tabs). A bar with
            # a space after it ends a line of cells joined by " | " whose last one is
            # empty (1 | 1 | ); a bar right at the end closes its cell (0 |).
            bars = tok.count("|") + tok.count("｜")
            if not bars and after_value:
                bars = tok.count("\t")
            if k > 0:
                opens = k == len(tokens) - 1 and bars and not opened and tok[-1] in " \u3000"
                yield from (("blank", "", False, False) for _ in range(bars - (not opens)))
            continue
        after_value = kind in ("num", "garbled")
        if kind == "garbled":
            # A misread figure between separators is a cell that cannot be read; inside
            # text (2O23年, 5G) or opening a line (a bullet *) it is text.
            cell = _free(before) and _free(after) and text[:start].strip(" \t|｜") != ""
            yield ("value", tok, False, False) if cell else ("text", tok, False, False)
            continue
        if kind == "other":
            tok, skip = tok[skip:], 0
            if not tok:
                continue
            glued_to_next = k + 1 < len(tokens) and tokens[k + 1][0] == "num"
            glued_to_next = glued_to_next and tokens[k + 1][2] == end
            if tok in ("+", "-") and glued_to_next:
                if _free(before):
                    continue  # a sign, read with the figure it follows
                if k and tokens[k - 1][0] == "num":
                    signed = tok  # 1103-181510: a signed figure glued to the one before
                    continue
            if tok.lower() in _BLANKS and _free(before) and _free(after):
                yield "blank", "", False, False
            else:
                yield "text", tok, False, False
            continue
        if signed:
            yield "value", signed + tok, True, False
            signed = ""
            continue
        found, skip = _figure(text, tok, start, end)
        yield from found


def _figure(text: str, tok: str, start: int, end: int) -> tuple[list[Token], int]:
    """The tokens of a run of digits, and how many characters of measure word follow it."""
    unit = _MEASURE.match(text, end)
    if not unit:
        return [(k, v, t, False) for k, v, t in _number(text, tok, start, end)], 0
    # 予以公开2件，部分公开2件: a sentence. 12件 alone in its cell: a figure.
    if not _free(text[unit.end() : unit.end() + 1]):
        return [("prose", tok, False, True)], unit.end() - end
    found = [(k, v, t, k == "value") for k, v, t in _number(text, tok, start, end)]
    return found, unit.end() - end


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
    return _SPACE.sub("", nfkc(text)).lower() in BLANK_MARKS


def _cell_value(text: str) -> str:
    return "" if _is_blank(text) else _SPACE.sub("", nfkc(text))


@dataclass
class TableText:
    """What the table zones hold: row candidates and the tables' own words."""

    candidates: list[Candidate]
    header: str
    """Condensed label and header text from each section's first table anchor on, the
    prose (sentences, figures with measure words) left out: what decides the format."""


def read_candidates(segments: list[Segment], indices: list[int]) -> TableText:
    """Row candidates of the given segments, a fresh label at each section change."""
    out: list[Candidate] = []
    header: list[str] = []
    reader: RowReader | None = None
    for index in indices:
        segment = segments[index]
        if reader is None or reader.section != segment.section:
            if reader is not None:
                out += reader.finish()
                header += reader.header
            reader = RowReader(segment.section)
        if segment.kind == "row" and segment.cells is not None:
            reader.read_row(segment.cells, segment, index)
        elif segment.kind == "text":
            reader.read_text(segment, index)
    if reader is not None:
        out += reader.finish()
        header += reader.header
    return TableText(out, "".join(header))
