"""Starting a new report: a blank project for agency and year, optionally on last year's.

Last year's report can be a drafter project/report file (.json), read here, or a
published file (.docx, .pdf, .html, .txt, .md), read by the importer
(:mod:`drafter.importers`): :func:`import_report` is the one place that reaches it, so
every front end that starts a project goes through the same path.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from drafter.editing import refresh
from drafter.forms import FormatId
from drafter.model import Project, Report
from drafter.store import ProjectError, load_project

PROJECT_SUFFIXES = (".json",)
REPORT_SUFFIXES = (".docx", ".pdf", ".html", ".htm", ".txt", ".md")
"""Published-report files the importer reads."""

FIRST_YEAR = 2008
"""The first reporting year (the 条例 took effect on 2008-05-01)."""


def check_agency_year(agency: str, year: object) -> tuple[str, int]:
    """The cleaned agency name and year, or ProjectError saying what to fix."""
    name = agency.strip()
    if not name:
        raise ProjectError("请填写机关全称，例如「云溪县市场监督管理局」")
    try:
        number = int(str(year).strip())
    except ValueError:
        raise ProjectError(f"年度「{year}」不是年份，请填写四位数字，例如 2025") from None
    last = date.today().year + 1
    if not FIRST_YEAR <= number <= last:
        raise ProjectError(f"年度 {number} 不在 {FIRST_YEAR}–{last} 之间，请检查")
    return name, number


def new_project(
    agency: str,
    year: object,
    *,
    fmt: FormatId = "2021",
    last_year_file: str | Path | None = None,
) -> Project:
    """A new project; with last year's file, its carry-over cells are filled (X1, X2)."""
    name, number = check_agency_year(agency, year)
    project = Project.empty(name, number, fmt)
    if last_year_file is not None and str(last_year_file).strip():
        last = read_last_year(Path(last_year_file))
        if last.year is not None and last.year != number - 1:
            raise ProjectError(
                f"所选上年报告是 {last.year} 年的，而新报告是 {number} 年："
                f"请选择 {number - 1} 年的报告"
            )
        project.last_year = last
    refresh(project)
    return project


def as_report(project: Report) -> Report:
    """Just the report part of a project (no last_year, drafts, key facts)."""
    fields = {name for name in Report.model_fields}
    data = project.model_dump(by_alias=True, include=fields)
    return Report.model_validate(data)


def read_last_year(path: Path) -> Report:
    """Last year's report from a project file or (via the importer) a published file."""
    suffix = path.suffix.lower()
    if suffix in PROJECT_SUFFIXES:
        return as_report(load_project(path).project)
    if suffix in REPORT_SUFFIXES:
        if not path.is_file():
            raise ProjectError(f"找不到文件 {path}：请检查路径是否正确")
        return import_report(path)
    raise ProjectError(
        f"不认识的文件类型「{path.suffix or path.name}」：上年报告应为 .json 项目文件，"
        f"或 {'、'.join(REPORT_SUFFIXES)} 文件"
    )


def import_report(path: Path) -> Report:
    """Read a published report file with the importer; ProjectError (Chinese) if unusable."""
    # Imported on first use: starting from a project file needs no importer.
    from drafter.importers import ImportFailed, import_file

    try:
        return as_report(import_file(path).project)
    except ImportFailed as exc:
        raise ProjectError(str(exc)) from None
