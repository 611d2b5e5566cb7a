"""A cell the importer cannot read is never a sum error (issue 10).

Complete reports whose identities all hold are written the way published files lay their
tables out (``tests/writers.py``: tab-separated text, PDF text with single spaces, HTML,
Markdown, Word), then damaged the way real files are: cells printed blank or misread
(OCR), cells left out of their row, blank cells merged, whole rows left out. Checking the
file as ``drafter check`` does must then give

- no R1–R4, C4, V1 or V2 error (the report written has none);
- no cell read as a figure other than the one written: nothing is guessed or shifted;
- for every cell left empty, an import note (V3 blank, I1 unread or not found, I2
  glued) naming it; for a damaged row, at the line of that row (a row left out: at the
  line of the row before it, or the table's heading).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import forms
from drafter.checking import check_file
from drafter.importers import import_file
from drafter.model import CellValue, Finding, Project
from tests import writers
from tests.factories import random_report

KINDS = ("txt", "pdf", "html", "md", "docx")
"""``pdf``: a text file as copying a PDF gives it (single spaces, blank cells vanish)."""
FALSE_ERRORS = {"R1", "R2", "R3", "R4", "C4", "V1", "V2"}
NOTES = {"V3", "I1", "I2", "I3"}
MISREAD = ("O", "l2", "1O", "＊", "?", "×")
GRID_KINDS = ("html", "md", "docx")


@dataclass
class Damaged:
    """A report and how its file prints it: what a checker may know, cell by cell."""

    truth: Project
    printed: writers.Printed = field(default_factory=writers.Printed)
    rows: dict[str, str] = field(default_factory=dict)
    """Damaged row id → what was done to it."""
    unknown: set[str] = field(default_factory=set)
    """Cells the file does not show as a figure (blank, misread, left out, dropped)."""


def _row_cells(report: Project, row: str) -> list[str]:
    return [c.path for c in forms.all_cells(report.format) if writers.row_id(c.path) == row]


def _starts_group(report: Project, table: str, row: str) -> bool:
    """Whether a merged (rowspan) label starts in this row: leaving it out of a grid
    would shift the rows under it, which is another kind of damage."""
    form = forms.table_form(table, report.format)
    rows = {c.row for c in form.grid if c.path and writers.row_id(c.path) == row}
    return any(c.row in rows and c.rowspan > 1 for c in form.grid)


def damage(report: Project, rng: random.Random, kind: str) -> Damaged:
    done = Damaged(report)
    rows = sorted({writers.row_id(c.path) for c in forms.all_cells(report.format)})
    for row in rng.sample(rows, rng.randint(1, 4)):
        cells = _row_cells(report, row)
        table = row.split(".", 1)[0]
        how = rng.choice(("blank", "misread", "short", "merged", "dropped"))
        zeros = [p for p in cells if report.tables.get(p) == 0]
        if how == "short" and (len(cells) == 1 or not zeros):
            how = "blank"
        if how == "merged" and (kind not in GRID_KINDS or len(zeros) < 2):
            how = "blank"
        if how == "dropped" and kind in GRID_KINDS and _starts_group(report, table, row):
            how = "misread"
        done.rows[row] = how
        if how == "blank":
            for path in rng.sample(cells, rng.randint(1, min(3, len(cells)))):
                report.tables.set(path, None)
                done.unknown.add(path)
        elif how == "misread":
            path = rng.choice(cells)
            done.printed.text[path] = rng.choice(MISREAD)
            done.unknown.add(path)
        elif how == "short":  # the row prints only its non-zero cells
            done.printed.omitted.update(zeros)
            done.unknown.update(zeros)
        elif how == "merged":
            for path in zeros:
                report.tables.set(path, None)
            done.printed.merged.update(zeros)
            done.unknown.update(zeros)
        else:
            done.printed.dropped.add(row)
            done.unknown.update(cells)
    return done


def _plain(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def _label_line(lines: list[str], report: Project, row: str) -> int | None:
    """The source line printing the row's own label (tables 二, 三)."""
    first = _row_cells(report, row)[0]
    label = _plain(forms.cell_def(first, report.format).row_label.split(" ")[-1])
    if row == "requests.total":
        label = _plain("（七）总计")
    for n, line in enumerate(lines, start=1):
        if label in _plain(line):
            return n
    return None


def _notes(found: Project) -> list[Finding]:
    assert found.imported is not None
    return [f for f in found.imported.findings if f.rule in NOTES]


def check_damaged(damaged: Damaged, kind: str, folder: Path) -> None:
    truth = damaged.truth
    suffix = "txt" if kind == "pdf" else kind
    printed = damaged.printed
    printed.spaces = kind == "pdf"
    path = writers.write(truth, suffix, folder, stem=f"r-{kind}", printed=printed)
    result = check_file(path)
    assert result.unusable is None
    false = [f for f in result.findings if f.rule in FALSE_ERRORS and f.severity == "error"]
    assert false == [], [f.message for f in false]

    imported = import_file(path)
    found = imported.project
    assert found.format == truth.format
    lines = imported.source.text.split("\n")
    written: dict[str, CellValue] = {c.path: v for c, v in truth.tables.values(truth.format)}
    read = {c.path: v for c, v in found.tables.values(found.format)}
    for cell, value in read.items():
        if value is None:
            continue
        assert cell not in damaged.unknown or value == 0, (cell, value, "read from damage")
        assert value == written[cell], (cell, value, written[cell])

    notes = _notes(found)
    noted: dict[str, list[Finding]] = {}
    for note in notes:
        for cell in note.location.cells:
            noted.setdefault(cell, []).append(note)
    for cell, value in read.items():
        if value is None:
            assert cell in noted, f"{cell} left empty without a note"
    # Table 四's data row: where it was read, or (nothing of it printed) its heading.
    appeal_line = imported.source.cell_lines.get("appeals.review.upheld")
    appeal_line = appeal_line or imported.source.heading_line("appeals")
    for row, how in damaged.rows.items():
        cells = _row_cells(truth, row)
        empty = [c for c in cells if read[c] is None]
        if not empty:
            continue
        if how == "dropped":
            continue  # where the row should be is checked in test_missing_rows_*
        line = appeal_line if row == "appeals" else _label_line(lines, truth, row)
        assert line is not None
        for cell in empty:
            assert any(n.location.line == line for n in noted[cell]), (
                row,
                how,
                cell,
                line,
                [(n.rule, n.location.line, n.message) for n in noted[cell]],
            )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", forms.FORMATS)
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10**6))
def test_damaged_tables_give_notes_at_their_lines_never_sum_errors(kind, fmt, seed, tmp_path):
    rng = random.Random(seed)
    report = random_report(rng, fmt, year=2023 if fmt == "2021" else 2020)
    check_damaged(damage(report, rng, kind), kind, tmp_path)
