"""Tables 二, 三 and 四 from row candidates: which row is which, and every cell's value.

Rows are matched by their labels, never by position: each candidate's label (the text
before its figures, condensed) is compared with the tail of every official row label
from :mod:`drafter.forms`, fuzzily for OCR noise (``T政处罚``), and an order-keeping
alignment picks the best assignment over the whole table, so a missing or extra row
shifts nothing. The format (2019 or 2021, format-2021.md §4) is decided first from the
table text. Figures become values through :func:`drafter.values.parse_cell`; blanks
stay ``None`` (V3), rows not found stay ``None`` (I1), glued figures are split only
where certain (I2, :mod:`drafter.importers.glued`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from functools import cache

from drafter import forms
from drafter.forms import APPEAL_COLUMNS, APPEAL_ROWS, REQUEST_COLUMNS, CellKind, FormatId
from drafter.importers import glued, labels
from drafter.importers.normalise import condense, shared_chars
from drafter.importers.rows import Candidate, Value, read_candidates
from drafter.importers.sections import Outline, Segment
from drafter.model import CellValue, Finding, Location
from drafter.values import parse_cell

TABLE_SECTIONS = ("active", "requests", "appeals")
_NUMBERING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])\s*"
)
_PRE_2019 = ("概述", "政府信息公开的收费及减免情况", "咨询处理情况", "申诉和诉讼")


@dataclass(frozen=True)
class RowDef:
    """An official row to look for, with the cells its figures fill (in order)."""

    table: str
    key: str
    label: str
    variants: tuple[str, ...]
    paths: tuple[str, ...]
    kinds: tuple[CellKind, ...]
    groups: tuple[int, ...] | None = None
    """Sum groups of the row (R3: six parts and their total) for splitting glued runs."""


def _variants(label: str) -> tuple[str, ...]:
    core = _NUMBERING.sub("", label)
    full = condense(core)
    short = condense(re.split(r"[（(]", core, maxsplit=1)[0])
    return (full,) if short == full or len(short) < 2 else (full, short)


@cache
def row_defs(fmt: FormatId) -> tuple[RowDef, ...]:
    """The rows of tables 二 and 三 in table order (table 四 has no row labels)."""
    defs: list[RowDef] = []
    for block in forms.active_blocks(fmt):
        for item, label in block.items:
            paths = tuple(
                f"active.{item}.{c}" if c else f"active.{item}" for c, _, _ in block.columns
            )
            kinds = tuple(k for _, _, k in block.columns)
            defs.append(RowDef("active", item, label, _variants(label), paths, kinds))
    counts = tuple(CellKind.COUNT for _ in REQUEST_COLUMNS)
    for row in forms.request_rows(fmt):
        if fmt == "2021" and row.key == "other_1":
            # Some 2021-layout tables keep the single （六）其他处理 row of 2019.
            defs.append(
                RowDef(
                    "requests",
                    "other_single",
                    forms.OTHER,
                    _variants(forms.OTHER),
                    _request_paths("other_1"),
                    counts,
                    (6,),
                )
            )
        defs.append(
            RowDef(
                "requests",
                row.key,
                row.label,
                _variants(row.label),
                _request_paths(row.key),
                counts,
                (6,),
            )
        )
    return tuple(defs)


def _request_paths(key: str) -> tuple[str, ...]:
    return tuple(f"requests.{key}.{c}" for c, _ in REQUEST_COLUMNS)


APPEAL_PATHS = tuple(f"appeals.{r}.{c}" for r, _ in APPEAL_ROWS for c, _ in APPEAL_COLUMNS)


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
    return score(defn, candidate.label)


def align(candidates: list[Candidate], defs: Sequence[RowDef]) -> list[tuple[int, int]]:
    """The order-keeping assignment of candidates to rows with the best total score."""
    m, n = len(candidates), len(defs)
    scores = [[_score(d, c) for d in defs] for c in candidates]
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        row, prev = best[i], best[i - 1]
        s_row = scores[i - 1]
        for j in range(1, n + 1):
            value = max(prev[j], row[j - 1])
            s = s_row[j - 1]
            if s > 0 and prev[j - 1] + s > value:
                value = prev[j - 1] + s
            row[j] = value
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


def detect_format(text: str, year: int | None) -> tuple[FormatId, str]:
    """2021 or 2019 (format-2021.md §4) from the condensed table text, else by year."""
    if any(m in text for m in labels.MARKERS_2021):
        return "2021", "表二栏目（本年制发件数等）"
    if any(m in text for m in labels.MARKERS_2019):
        return "2019", "表二栏目（本年新制作数量等）"
    if labels.SINGLE_OTHER_ROW in text:
        return "2019", "表三（六）其他处理只有一行"
    if year is not None and year <= 2020:
        return "2019", f"报告年度 {year}"
    return "2021", "默认（未见表格栏目）"


# --------------------------------------------------------------------------- the tables


@dataclass
class TableResult:
    format: FormatId
    format_reason: str
    values: dict[str, CellValue] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    """The document line each matched row's cells were read from."""
    consumed: set[int] = field(default_factory=set)
    tables_found: set[str] = field(default_factory=set)
    blank_as_zero: bool = False
    """Cells a found row leaves blank are read as 0 (the clerk says so), not null."""


def _finding(
    rule: str, message: str, paths: list[str], line: int | None, excerpt: str | None = None
) -> Finding:
    section = paths[0].split(".", 1)[0] if paths else None
    return Finding(
        rule=rule,
        severity="warning",
        message=message,
        location=Location(
            section=section, cell=paths[0] if paths else None, line=line or None, cells=paths
        ),
        excerpt=excerpt,
    )


def _label(path: str, fmt: FormatId) -> str:
    return forms.cell_def(path, fmt).label


def _row_name(defn: RowDef, fmt: FormatId) -> str:
    cell = forms.cell_def(defn.paths[0], fmt)
    return f"表{forms.TABLE_NUMERALS[cell.table]}「{cell.row_label}」"


def parse_tables(ol: Outline, year: int | None, *, blank_as_zero: bool = False) -> TableResult:
    """Every cell of tables 二, 三 and 四 that the outline's table text gives.

    A blank cell in a row that was found is null with a V3 note; with ``blank_as_zero``
    (format-2021.md V3: "import them as 0 only if configured to") it is 0, still noted.
    """
    indices = zones(ol)
    text = "".join(condense(ol.segments[i].text) for i in indices)
    fmt, reason = detect_format(text, year)
    result = TableResult(fmt, reason, blank_as_zero=blank_as_zero)
    candidates = [c for c in read_candidates(ol.segments, indices) if c.anchored]
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
    pairs = align(candidates[:start4], defs)
    matched = _drop_conflicts(pairs, defs)
    _read_rows(result, candidates, defs, matched)
    _read_appeals(result, candidates[start4:])
    _report_missing(result, defs, matched)
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


def _values_for(candidate: Candidate, n: int) -> list[Value]:
    values = list(candidate.values)
    while len(values) > n and values[-1].blank:
        values.pop()
    while len(values) > n and values[0].blank:
        values.pop(0)
    return values[:n]


def _read_rows(
    result: TableResult,
    candidates: list[Candidate],
    defs: Sequence[RowDef],
    matched: list[tuple[int, int]],
) -> None:
    fmt = result.format
    glued_rows: dict[str, tuple[Candidate, RowDef, list[glued.Split], str]] = {}
    clean: dict[str, list[int | None]] = {}
    for ci, dj in matched:
        candidate, defn = candidates[ci], defs[dj]
        result.tables_found.add(defn.table)
        if candidate.lineno:
            result.lines.update(dict.fromkeys(defn.paths, candidate.lineno))
        n = len(defn.paths)
        if n > 1 and candidate.glued and len(candidate.values) < n:
            if len(candidate.values) > 1:  # signed runs glued together: no certain cut
                glued_rows[defn.key] = (candidate, defn, [], "")
                continue
            run = re.fullmatch(r"(\d+)(\.\d+)?", candidate.values[0].raw)
            # A decimal point can only belong to the last cell, an amount (采购总金额).
            if run and (run.group(2) is None or defn.kinds[-1] is CellKind.AMOUNT):
                opts = glued.options(run.group(1), n, defn.groups)
                glued_rows[defn.key] = (candidate, defn, opts, run.group(2) or "")
                continue
        values = _values_for(candidate, n)
        figures = sum(1 for v in candidate.values if not v.blank)
        if (len(values) < n and not candidate.positional) or figures > n:
            result.findings.append(_unplaced(defn.paths, candidate, _row_name(defn, fmt), n))
            continue
        blanks: list[str] = []
        row_values: list[int | None] = []
        for k, path in enumerate(defn.paths):
            value = values[k] if k < len(values) else None
            if value is None or value.blank:
                blanks.append(path)
                row_values.append(None)
                continue
            parsed = parse_cell(value.raw, defn.kinds[k])
            if parsed.rejected:
                result.findings.append(
                    _finding(
                        "I1",
                        f"{_label(path, fmt)}：{parsed.note}，已记为空（null），请对照原文填写",
                        [path],
                        candidate.lineno,
                        candidate.excerpt,
                    )
                )
                row_values.append(None)
                continue
            result.values[path] = parsed.value
            row_values.append(parsed.value if isinstance(parsed.value, int) else None)
        if defn.table == "requests":
            clean[defn.key] = row_values
        if blanks:
            names = "、".join(forms.cell_def(p, fmt).column_label for p in blanks)
            _blank_cells(result, _row_name(defn, fmt), names, blanks, candidate)
        if defn.key == "other_single" and fmt == "2021":
            result.findings.append(
                _finding(
                    "I3",
                    "表三「（六）其他处理」在原文中只有一行（2019 年格式的写法），"
                    "其数字已记入「1.申请人无正当理由逾期不补正…」，2、3 两项记为空（null）："
                    "请按 2021 年格式分项填写",
                    [*_request_paths("other_2"), *_request_paths("other_3")],
                    candidate.lineno,
                    candidate.excerpt,
                )
            )
    if glued_rows:
        _resolve_glued(result, glued_rows, clean)


def _resolve_glued(
    result: TableResult,
    rows: dict[str, tuple[Candidate, RowDef, list[glued.Split], str]],
    clean: dict[str, list[int | None]],
) -> None:
    fmt = result.format
    readings: dict[str, list[glued.Row]] = {k: [tuple(v)] for k, v in clean.items()}
    for _, defn, opts, _ in rows.values():
        if defn.table == "requests":
            readings[defn.paths[0].split(".")[1]] = list(opts)
    outcome_keys = [r.key for r in forms.request_rows(fmt) if r.outcome]
    certain = glued.resolve_requests(readings, outcome_keys)
    for candidate, defn, opts, fraction in rows.values():
        width = len(defn.paths)
        if defn.table == "requests":
            values = certain[defn.paths[0].split(".")[1]]
        else:
            values = glued.agreed(opts, width)
        unsure: list[str] = []
        for k, (path, value) in enumerate(zip(defn.paths, values, strict=True)):
            if value is None:
                unsure.append(path)
            elif k == width - 1 and defn.kinds[k] is CellKind.AMOUNT:
                result.values[path] = Decimal(f"{value}{fraction}")
            else:
                result.values[path] = value
        if unsure:
            result.findings.append(
                _glued_finding(defn.paths, unsure, candidate, _row_name(defn, fmt), fmt, len(opts))
            )


def _unplaced(paths: tuple[str, ...], candidate: Candidate, name: str, n: int) -> Finding:
    """I1: fewer figures than cells, separated by spaces only — which cell is blank is unknown."""
    shown = " ".join(v.raw or "空" for v in candidate.values[: n + 8])
    count = len(candidate.values)
    how = f"只有 {count} 个数字（{shown}），少于" if count < n else f"有 {count} 个数字，多于"
    return _finding(
        "I1",
        f"{name}在原文中{how} {n} 栏，无法确定各属于哪一栏，"
        f"{n} 个单元格记为空（null）：请对照原表填写",
        list(paths),
        candidate.lineno,
        candidate.excerpt,
    )


def _glued_finding(
    paths: tuple[str, ...],
    unsure: list[str],
    candidate: Candidate,
    name: str,
    fmt: FormatId,
    n_options: int,
) -> Finding:
    names = "、".join(forms.cell_def(p, fmt).column_label for p in unsure)
    how = "没有一种拆分符合表内勾稽关系" if n_options == 0 else f"有 {n_options} 种拆分都说得通"
    return _finding(
        "I2",
        f"{name}的数字在原文中连在一起（「{''.join(v.raw for v in candidate.values)}」），{how}，"
        f"无法确定的 {len(unsure)} 个单元格（{names}）记为空（null）：请对照原表填写",
        unsure,
        candidate.lineno,
        candidate.excerpt,
    )


def _appeal_row(candidates: list[Candidate]) -> tuple[list[Candidate], list[Value]]:
    """The candidates holding table 四's data row and its first 15 figures."""

    # Start at the first figures after the header; a blank-only run before more header
    # text is layout (the empty corner of the header), not the data row.
    def header_words(c: Candidate) -> int:
        return sum(1 for w in labels.APPEAL_WORDS if w in c.label) if c.values else 0

    # The data row follows the printed header (结果维持 结果纠正 …), not a sentence that
    # mentions 行政复议 once.
    most = max((header_words(c) for c in candidates), default=0)
    need = 3 if most >= 3 else 1
    start = next(
        (
            k
            for k, c in enumerate(candidates)
            if header_words(c) >= need and any(not v.blank for v in c.values)
        ),
        len(candidates),
    )
    values: list[Value] = []
    used: list[Candidate] = []
    for k, candidate in enumerate(candidates[start:]):
        if k and all(v.blank for v in candidate.values) and not values:
            continue
        if len(values) >= 15:
            break
        values += candidate.values
        used.append(candidate)
    return used, values


def _read_appeals(result: TableResult, candidates: list[Candidate]) -> None:
    """Table 四: the first 15 figures after its header, in the printed column order."""
    used, values = _appeal_row(candidates)
    if not used:
        return
    result.tables_found.add("appeals")
    first = used[0]
    if first.lineno:
        result.lines.update(dict.fromkeys(APPEAL_PATHS, first.lineno))
    if first.glued and len(values) < 15 and first.values[0].raw.isdigit():
        opts = glued.options(first.values[0].raw, 15, (4, 4, 4))
        unsure = []
        for path, figure in zip(APPEAL_PATHS, glued.agreed(opts, 15), strict=True):
            if figure is None:
                unsure.append(path)
            else:
                result.values[path] = figure
        if unsure:
            result.findings.append(
                _glued_finding(APPEAL_PATHS, unsure, first, "表四", result.format, len(opts))
            )
        return
    figures = sum(1 for v in values if not v.blank)
    if (len(values) < 15 and not all(c.positional for c in used)) or figures > 15:
        result.findings.append(_unplaced(APPEAL_PATHS, first, "表四", 15))
        return
    blanks = []
    unreadable = []
    for k, path in enumerate(APPEAL_PATHS):
        value = values[k] if k < len(values) else None
        if value is None or value.blank:
            blanks.append(path)
            continue
        parsed = parse_cell(value.raw, CellKind.COUNT)
        if parsed.rejected:
            unreadable.append(path)
        else:
            result.values[path] = parsed.value
    if unreadable:
        names = "、".join(_appeal_name(p) for p in unreadable)
        result.findings.append(
            _finding(
                "I1",
                f"表四有 {len(unreadable)} 个单元格在原文中无法读取（{names}），"
                "已记为空（null）：请对照原文填写",
                unreadable,
                first.lineno,
                first.excerpt,
            )
        )
    if blanks:
        names = "、".join(_appeal_name(p) for p in blanks)
        _blank_cells(result, "表四", names, blanks, first)


def _blank_cells(
    result: TableResult, subject: str, names: str, blanks: list[str], candidate: Candidate
) -> None:
    """Cells a found row leaves blank: null with a V3 note, or 0 when the clerk said blanks
    are zeros (``--blank-as-zero``), still noted so they can be checked against the file."""
    if result.blank_as_zero:
        result.values.update(dict.fromkeys(blanks, 0))
        outcome = "已按 0 导入（--blank-as-zero）：请对照原文核对"
    else:
        outcome = "已记为空（null）：数值为零时应填写 0；确知空白都是 0 时可加 --blank-as-zero 导入"
    result.findings.append(
        _finding(
            "V3",
            f"{subject}有 {len(blanks)} 个单元格在原文中为空白（{names}），{outcome}",
            blanks,
            candidate.lineno,
            candidate.excerpt,
        )
    )


def _appeal_name(path: str) -> str:
    cell = forms.cell_def(path)
    return f"{cell.row_label}{cell.column_label}"


def _report_missing(
    result: TableResult, defs: Sequence[RowDef], matched: list[tuple[int, int]]
) -> None:
    fmt = result.format
    found = {defs[j].key for _, j in matched}
    if "other_single" in found:
        found |= {"other_1", "other_2", "other_3"}
    titles = {
        "active": "二、主动公开政府信息情况",
        "requests": "三、收到和处理政府信息公开申请情况",
    }
    for table in ("active", "requests"):
        rows = [d for d in defs if d.table == table and d.key != "other_single"]
        missing = [d for d in rows if d.key not in found]
        if not missing:
            continue
        if len(missing) == len(rows):
            paths = [p for d in rows for p in d.paths]
            result.findings.append(
                _finding(
                    "I1",
                    f"原文中没有找到表{forms.TABLE_NUMERALS[table]}（{titles[table][2:]}）的数字，"
                    f"{len(paths)} 个单元格记为空（null）：请对照原文填写",
                    paths,
                    None,
                )
            )
            continue
        for d in missing:
            result.findings.append(
                _finding(
                    "I1",
                    f"原文中没有找到{_row_name(d, fmt)}这一行，"
                    f"{len(d.paths)} 个单元格记为空（null）：请对照原文填写",
                    list(d.paths),
                    None,
                )
            )
    if "appeals" not in result.tables_found:
        result.findings.append(
            _finding(
                "I1",
                "原文中没有找到表四（政府信息公开行政复议、行政诉讼情况）的数字，"
                "15 个单元格记为空（null）：请对照原文填写",
                list(APPEAL_PATHS),
                None,
            )
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
            if i < lo and any(a in condense(segs[i].text) for a in labels.TABLE_ANCHORS)
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
        location=Location(section=forms.PREAMBLE_KEY),
    )
