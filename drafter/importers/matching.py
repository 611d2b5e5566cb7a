"""Tables 二, 三 and 四 from row candidates: which row is which, and every cell's value.

Rows are matched by their labels, never by position: each candidate's label (the text
before its figures, condensed) is compared with the tail of every official row label
from :mod:`drafter.forms`, fuzzily for OCR noise (``T政处罚``), and an order-keeping
alignment picks the best assignment over the whole table, so a missing or extra row
shifts nothing. The format (2019 or 2021, format-2021.md §4) is decided first from the
table text. Figures become values through :func:`drafter.values.parse_cell`; blanks
stay ``None`` (V3), rows not found stay ``None`` (I1), glued figures are split only
where certain (I2, :mod:`drafter.importers.glued`), rows with fewer fields than columns
are placed by their sums or not at all (:mod:`drafter.importers.placement`); see
:mod:`drafter.importers.reading`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from itertools import accumulate, chain

from drafter import forms
from drafter.forms import FormatId
from drafter.importers import labels, notes
from drafter.importers.normalise import condense, shared_chars
from drafter.importers.reading import TableResult, read_appeals, read_rows, row_name
from drafter.importers.rowdefs import APPEAL_PATHS, RowDef, row_defs
from drafter.importers.rows import Candidate, Value, has_figures, is_prose, read_candidates
from drafter.importers.sections import Outline, Segment
from drafter.model import Finding, Location
from drafter.source import where_missing

__all__ = ["TableResult", "align", "detect_format", "parse_tables", "pre_2019", "score", "zones"]

TABLE_SECTIONS = ("active", "requests", "appeals")
_PRE_2019 = ("概述", "政府信息公开的收费及减免情况", "咨询处理情况", "申诉和诉讼")


@cache
def _characters(variant: str) -> frozenset[str]:
    """A row label's characters (labels come from forms: few)."""
    return frozenset(variant)


def score(defn: RowDef, label: str) -> float:
    """How well a candidate's label ends with the row's label (0 = not this row)."""
    best = 0.0
    for variant in defn.variants:
        if label.endswith(variant):
            return 1.0 + len(variant) / 1000  # longer exact labels win ties
        if len(variant) <= 3:
            continue
        chars = _characters(variant)
        widest = label[-(len(variant) + 4) :]
        if len(chars.intersection(widest)) < len(chars) * 0.5:
            continue
        need = 0.75 if len(variant) <= 6 else 0.6
        # The characters a window shares with the label bound its ratio; the windows
        # below are suffixes of the widest, so when it falls short they all do.
        if shared_chars(widest, variant) / len(variant) < need:
            continue
        previous = None
        for extra in (0, 2, 4):
            window = label[-(len(variant) + extra) :]
            if window == previous:
                continue  # a short label: the same window again
            previous = window
            bound = shared_chars(window, variant) / len(variant)
            if bound < need or bound <= best:
                continue  # the matcher could not reach ``need`` or beat the best so far
            matcher = SequenceMatcher(None, variant, window, autojunk=False)
            blocks = matcher.get_matching_blocks()
            last = max((b.b + b.size for b in blocks if b.size), default=0)
            if last < len(window) - 3:  # the label must reach the end of the text
                continue
            ratio = sum(b.size for b in blocks) / len(variant)
            if ratio >= need:
                best = max(best, ratio)
    return best


def _score(defn: RowDef, candidate: Candidate) -> float:
    if not candidate.label:
        return 0.0
    # A table 三 row prints seven cells: one figure after its label is a sentence.
    if defn.table == "requests" and len(candidate.values) < 2:
        if not (candidate.glued or candidate.grid):
            return 0.0
    if defn.key == "total" and _header_total(candidate.label):
        return 0.0
    return score(defn, candidate.label)


def _header_total(label: str) -> bool:
    """总计 closing the column headers (… 法律服务机构 其他 总计), not the row （七）总计."""
    return label.endswith(labels.TOTAL) and label[: -len(labels.TOTAL)].endswith(
        labels.COLUMN_HEADERS
    )


@dataclass(frozen=True)
class _Screen:
    """Which rows of a format a label can match at all: :func:`score` is above 0 only
    when the label ends with a variant of three characters or less, or when it holds at
    least half the characters of a longer one. Counting those shared characters for all
    rows at once (an index from character to variant) rules out most rows without
    scoring them: a long report has some thirty candidates for thirty-odd rows."""

    variants_with: dict[str, tuple[int, ...]]
    """A character to the longer variants holding it (by position in ``rows``, ``halves``)."""
    rows: tuple[int, ...]
    halves: tuple[float, ...]
    """Half the characters of each longer variant: what a label must share with it."""
    suffixes: tuple[tuple[str, int], ...]
    """The short variants (matched only as the label's end) with their rows."""

    def possible(self, label: str) -> set[int]:
        """Indices of the rows ``label`` may match (a superset of those it does)."""
        shared = Counter(chain.from_iterable(self.variants_with.get(ch, ()) for ch in set(label)))
        found = {self.rows[k] for k, n in shared.items() if n >= self.halves[k]}
        found.update(j for variant, j in self.suffixes if label.endswith(variant))
        return found


@cache
def _screen(fmt: FormatId) -> _Screen:
    variants_with: dict[str, list[int]] = {}
    rows: list[int] = []
    halves: list[float] = []
    suffixes: list[tuple[str, int]] = []
    for j, defn in enumerate(row_defs(fmt)):
        for variant in defn.variants:
            if len(variant) <= 3:
                suffixes.append((variant, j))
                continue
            chars = _characters(variant)
            for ch in chars:
                variants_with.setdefault(ch, []).append(len(rows))
            rows.append(j)
            halves.append(len(chars) * 0.5)
    return _Screen(
        {ch: tuple(ks) for ch, ks in variants_with.items()},
        tuple(rows),
        tuple(halves),
        tuple(suffixes),
    )


def align(candidates: list[Candidate], fmt: FormatId) -> list[tuple[int, int]]:
    """The order-keeping assignment of candidates to the rows of ``fmt`` (``row_defs``)
    with the best total score."""
    defs = row_defs(fmt)
    m, n = len(candidates), len(defs)
    screen = _screen(fmt)
    scores = [[0.0] * n for _ in candidates]
    for c, row_scores in zip(candidates, scores, strict=True):
        for j in screen.possible(c.label):
            row_scores[j] = _score(defs[j], c)
    # best[i][j]: the best total of candidates :i on rows :j. Each cell is the best of
    # skipping the candidate (above), skipping the row (left) and pairing them
    # (diagonal); the left neighbours make it a running maximum along the row.
    best = [[0.0] * (n + 1)]
    for s_row in scores:
        prev = best[-1]
        above_or_pair = [
            max(prev[j], prev[j - 1] + s) if s > 0 else prev[j] for j, s in enumerate(s_row, 1)
        ]
        best.append(list(accumulate(above_or_pair, max, initial=0.0)))
    pairs: list[tuple[int, int]] = []
    i, j = m, n
    while i > 0 and j > 0:
        s = scores[i - 1][j - 1]
        if s > 0 and abs(best[i][j] - (best[i - 1][j - 1] + s)) < 1e-9:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


# --------------------------------------------------------------------------- zones and format


def zones(ol: Outline) -> list[int]:
    """Indices of the segments that may hold table rows, in order."""
    segs = ol.segments
    present = {s.section for s in segs if s.heading}
    table_sections = present & set(TABLE_SECTIONS)
    chosen: list[int] = []
    started: set[str] = set()
    for i, s in enumerate(segs):
        if s.heading or s.furniture:
            continue
        if s.section in TABLE_SECTIONS or s.section in started:
            chosen.append(i)
            continue
        core = condense(s.text)
        anchored = labels.CAPTION_PREFIX in core or labels.REQUESTS_KEY in core
        if not table_sections and any(a in core for a in labels.ZONE_ANCHORS):
            anchored = True
        if anchored:
            started.add(s.section)
            chosen.append(i)
    return chosen


def detect_format(
    header: str, candidates: Sequence[Candidate], year: int | None
) -> tuple[FormatId, str]:
    """2021 or 2019 (format-2021.md §4) from the tables' own words, else by year.

    ``header`` is the tables' label and header text without the prose (see
    :class:`~drafter.importers.rows.TableText`): a sentence about 采购总金额 says nothing
    about the table's format.
    """
    if any(m in header for m in labels.MARKERS_2021):
        return "2021", "表二栏目（本年制发件数等）"
    if any(m in header for m in labels.MARKERS_2019):
        return "2019", "表二栏目（本年新制作数量等）"
    rows = [c.label for c in candidates if c.anchored and c.section != "appeals"]
    if any(label.endswith(r) for label in rows for r in labels.ROWS_2019):
        return "2019", "表二的行（政府集中采购等）"
    if labels.SINGLE_OTHER_ROW in header:
        return "2019", "表三（六）其他处理只有一行"
    if year is not None and year <= 2020:
        return "2019", f"报告年度 {year}"
    return "2021", "默认（未见表格栏目）"


# --------------------------------------------------------------------------- the tables


def parse_tables(ol: Outline, year: int | None, *, blank_as_zero: bool = False) -> TableResult:
    """Every cell of tables 二, 三 and 四 that the outline's table text gives.

    A blank cell in a row that was found is null with a V3 note; with ``blank_as_zero``
    (format-2021.md V3: "import them as 0 only if configured to") it is 0, still noted.
    """
    indices = zones(ol)
    stream = read_candidates(ol.segments, indices)
    candidates = [c for c in stream.candidates if c.anchored]
    fmt, reason = detect_format(stream.header, candidates, year)
    result = TableResult(fmt, reason, blank_as_zero=blank_as_zero)
    # Crawler text glues cells; where it does, a lone run of digits under a row of several
    # cells is glued too, even when a space happens to precede it.
    if sum(1 for c in candidates if c.glued and len(c.values[0].raw) >= 4) >= 2:
        for c in candidates:
            c.glued_source = True
    start4 = next(
        (k for k, c in enumerate(candidates) if c.section == "appeals" or _appeals_anchor(c.label)),
        len(candidates),
    )
    defs = row_defs(fmt)
    pairs = align(candidates[:start4], fmt)
    matched = _drop_conflicts(pairs, defs)
    read_rows(result, candidates, defs, matched)
    read_appeals(result, candidates[start4:])
    _report_missing(result, ol, defs, [(candidates[i], defs[j]) for i, j in matched])
    _mark_consumed(
        result, ol.segments, indices, [candidates[i] for i, _ in matched], candidates[start4:]
    )
    return result


def _appeals_anchor(label: str) -> bool:
    return sum(1 for w in labels.APPEAL_WORDS if w in label) >= 2


def _drop_conflicts(pairs: list[tuple[int, int]], defs: Sequence[RowDef]) -> list[tuple[int, int]]:
    """The single （六） row counts only when none of its 2021 sub-rows was found."""
    keys = {defs[j].key for _, j in pairs}
    if "other_single" in keys and keys & {"other_1", "other_2", "other_3"}:
        return [(i, j) for i, j in pairs if defs[j].key != "other_single"]
    return pairs


def _report_missing(
    result: TableResult,
    ol: Outline,
    defs: Sequence[RowDef],
    matched: list[tuple[Candidate, RowDef]],
) -> None:
    """Every row and table not found: a row printed without figures is blank (V3) at its
    line; one not printed is I1 at the line where it should have been."""
    found = {d.key: c for c, d in matched}
    if "other_single" in found:
        found.update(dict.fromkeys(("other_1", "other_2", "other_3"), found["other_single"]))
    titles = {
        "active": "主动公开政府信息情况",
        "requests": "收到和处理政府信息公开申请情况",
        "appeals": "政府信息公开行政复议、行政诉讼情况",
    }
    for table in ("active", "requests"):
        rows = [d for d in defs if d.table == table and d.key != "other_single"]
        missing = [d for d in rows if d.key not in found]
        if len(missing) == len(rows):
            paths = [p for d in rows for p in d.paths]
            result.findings.append(_table_missing(table, titles[table], paths, ol))
            continue
        for d in missing:
            k = rows.index(d)  # where it should be: after the row before it, before the next
            before = [found[r.key] for r in rows[:k] if r.key in found]
            after = [found[r.key] for r in rows[k + 1 :] if r.key in found]
            _missing_row(result, ol, d, before[-1] if before else None, after[0] if after else None)
    if "appeals" not in result.tables_found:
        result.findings.append(_table_missing("appeals", titles["appeals"], APPEAL_PATHS, ol))


def _missing_row(
    result: TableResult,
    ol: Outline,
    defn: RowDef,
    before: Candidate | None,
    after: Candidate | None,
) -> None:
    """A row not found between two rows that were: printed without figures, or absent."""
    fmt = result.format
    name = row_name(defn, fmt)
    inside = [i for i, s in enumerate(ol.segments) if s.section == defn.table]
    if not inside:
        inside = [0]
    lo = max(before.segments) + 1 if before is not None else inside[0]
    hi = max(after.segments) if after is not None else inside[-1]
    for i in range(lo, hi + 1):
        segment = ol.segments[i]
        if segment.section != defn.table or segment.heading:
            continue
        text = " ".join(c.text for c in segment.cells) if segment.cells else segment.text
        if score(defn, condense(text)) >= 1 and not has_figures(text):
            empty = Candidate(raw_label=text.strip(), values=[Value("", segment.lineno, True)])
            result.blank(name, notes.column_names(defn.paths, fmt), defn.paths, empty)
            return
    at = before or after
    heading = next((h.line for h in ol.headings if h.key == defn.table), None)
    line = at.lineno if at is not None else heading
    result.findings.append(
        notes.finding(
            "I1",
            f"原文中没有找到{name}这一行，{len(defn.paths)} 个单元格记为空：请对照原文填写",
            defn.paths,
            line,
        )
    )


def _table_missing(table: str, title: str, paths: Sequence[str], ol: Outline) -> Finding:
    """I1 for a table not found: at its section's heading, else where that section
    should be (before the next section's heading, or where the file ends)."""
    line = next((h.line for h in ol.headings if h.key == table), None)
    if line is None:
        last = max((s.lineno for s in ol.segments if s.text.strip()), default=None)
        line, _ = where_missing(ol.headings, table, last)
    return notes.finding(
        "I1",
        f"原文中没有找到表{forms.TABLE_NUMERALS[table]}（{title}）的数字，"
        f"{len(paths)} 个单元格记为空：请对照原文填写",
        paths,
        line,
    )


def _mark_consumed(
    result: TableResult,
    segs: list[Segment],
    indices: list[int],
    rows: list[Candidate],
    appeals: list[Candidate],
) -> None:
    """The segments that are table, not text: anchor or first row to last row, per section."""
    used = [c for c in rows] + [c for c in appeals if c.values][:3]
    spans: dict[str, tuple[int, int]] = {}
    for c in used:
        lo, hi = min(c.segments), max(c.segments)
        a, b = spans.get(c.section, (lo, hi))
        spans[c.section] = (min(a, lo), max(b, hi))
    for section, (lo, hi) in spans.items():
        zone = [i for i in indices if segs[i].section == section]
        anchors = [
            i
            for i in zone
            if i < lo
            and any(a in condense(segs[i].text) for a in labels.TABLE_ANCHORS)
            and not is_prose(segs[i].text)  # 其中自然人申请5件。 stays in the text
        ]
        if anchors:
            lo = anchors[0]
        while lo > 0 and segs[lo].kind == "row" and segs[lo - 1].kind in ("row", "rule"):
            lo -= 1
        while (
            hi + 1 < len(segs)
            and segs[hi].kind in ("row", "rule")
            and segs[hi + 1].kind in ("row", "rule")
        ):
            hi += 1
        result.consumed.update(
            i for i in range(lo, hi + 1) if segs[i].section == section and not segs[i].heading
        )


def pre_2019(ol: Outline, result: TableResult) -> Finding | None:
    """I3: a free-form report from before the 2019 format (no tables, old section names)."""
    if result.values or result.tables_found:
        return None
    names = [h.text for h in ol.headings]
    if not any(any(p in condense(n) for p in _PRE_2019) for n in names):
        return None
    return Finding(
        rule="I3",
        severity="warning",
        message="这份报告是 2019 年以前的自由格式（有「概述」等旧章节、没有统计表）："
        "只导入了各部分文字，表格请按现行格式重新填写",
        location=Location(
            section=forms.PREAMBLE_KEY, line=ol.headings[0].line if ol.headings else None
        ),
    )
