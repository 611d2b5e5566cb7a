"""Starting this year's report, optionally from last year's: the one way to do it.

``drafter new`` and the UI's new-report form both call :func:`start_report`, so a new
project is made the same way wherever it is started. Last year's report can be a
drafter project/report file (.json) or a published file (.docx, .pdf, .html, .txt,
.md) read by the importer. It is kept under ``last_year`` — its section texts for the
drafter, its tables for the cross-year rules — and this year's carry-over cells are
filled from it: 上年结转 from last year's 结转下年度 (X1) and, where this year's
制发/废止 are known, 现行有效件数 (X2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.forms import FormatId
from drafter.model import Project, Report
from drafter.store import ProjectError, load_project
from drafter.tables import carry_over, compute_totals

if TYPE_CHECKING:
    from drafter.importers import Imported

PROJECT_SUFFIXES = (".json",)

FIRST_YEAR = 2008
"""The first reporting year (the 条例 took effect on 2008-05-01)."""


@dataclass
class NewReport:
    """A new project and what starting it found out (to tell the clerk)."""

    project: Project
    imported: Imported | None = None
    """The importer's result when last year's report was a published file."""
    carried: list[str] = field(default_factory=list)
    """Cells filled from last year's report (X1, X2)."""
    notes: list[str] = field(default_factory=list)
    """What the clerk should know, in Chinese: how last year's file was read, a year
    that does not fit, what was carried over."""


def check_agency_year(agency: str, year: object) -> tuple[str, int]:
    """The cleaned agency name and year, or ProjectError saying what to fix."""
    name = agency.strip()
    if not name:
        raise ProjectError("请填写机关全称，例如「云溪县市场监督管理局」")
    try:
        number = int(str(year).strip().removesuffix("年"))
    except ValueError:
        raise ProjectError(f"年度「{year}」不是年份，请填写四位数字，例如 2025") from None
    last = date.today().year + 1
    if not FIRST_YEAR <= number <= last:
        raise ProjectError(f"年度 {number} 不在 {FIRST_YEAR}–{last} 之间，请检查")
    return name, number


def start_report(
    agency: str,
    year: object,
    *,
    last_year_file: str | Path | None = None,
    fmt: FormatId = "2021",
    blank_as_zero: bool = False,
) -> NewReport:
    """A new project for ``agency`` and ``year``; with last year's file, carried over.

    Raises ProjectError (one Chinese line) for a bad agency or year, or a last-year
    file that cannot be read.
    """
    name, number = check_agency_year(agency, year)
    project = Project.empty(name, number, fmt)
    result = NewReport(project)
    if last_year_file is None or not str(last_year_file).strip():
        compute_totals(project.tables, project.format)
        return result
    last, result.imported = read_last_year(Path(last_year_file), blank_as_zero=blank_as_zero)
    if result.imported is None:
        result.notes.append(f"已读取去年的项目文件 {last_year_file}")
    else:
        from drafter.importers.summary import summary

        # What was recovered and how many hints, not the list: a notice has no room for it.
        result.notes.append(summary(result.imported, listed=0))
    if last.year is not None and last.year != number - 1:
        result.notes.append(
            f"注意：所选上年报告是 {last.year} 年度的，不是 {number - 1} 年度：请核对结转的数字，"
            f"或改选 {number - 1} 年度的报告"
        )
    project.last_year = last
    result.carried = carry_over(project.tables, last, project.format)
    compute_totals(project.tables, project.format)
    result.notes.append(
        f"从去年结转 {len(result.carried)} 个单元格（上年结转 X1、现行有效件数 X2）"
        if result.carried
        else "去年的报告中没有可结转的数字（结转下年度、现行有效件数都为空）"
    )
    return result


def as_report(project: Report) -> Report:
    """Just the report part (drafter.report/1) of a project, for ``last_year``."""
    fields = set(Report.model_fields)
    data = project.model_dump(by_alias=True, include=fields)
    return Report.model_validate(data)


def read_last_year(path: Path, *, blank_as_zero: bool = False) -> tuple[Report, Imported | None]:
    """Last year's report from a project file or (through the importer) a published file.

    Either way its section texts are cleaned of Markdown/HTML marks, bullets, page
    furniture and section-like sub-heading numerals (``importers.cleaning``).

    The importer is what reads anything that is not a project file: it recognises the
    file by its content, so an unusual extension still works, and an unusable file
    gets its one-line Chinese explanation (as ProjectError).
    """
    if _is_json(path):
        from drafter.importers.cleaning import clean_report

        report = as_report(load_project(path).project)
        clean_report(report)  # as an imported file's texts are (importers.cleaning)
        return report, None
    from drafter.importers import ImportFailed, import_file

    try:
        imported = import_file(path, blank_as_zero=blank_as_zero)
    except ImportFailed as exc:
        raise ProjectError(str(exc)) from None
    return as_report(imported.project), imported


def _is_json(path: Path) -> bool:
    """A project file: named .json, or starting with ``{`` whatever its name."""
    if path.suffix.lower() in PROJECT_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
