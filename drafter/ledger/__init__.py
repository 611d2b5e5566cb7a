"""Tables 三 and 四 counted from the application ledger (政府信息公开申请登记台账).

The pipeline, one module a step: ``reading`` (file → sheets of cells) → ``columns``
(header row and column roles by content) → ``rows`` (entries with parsed ``dates``) →
``counting`` (year Y by dates; values map through ``vocabulary`` and the clerk's
``choices``) → ``record`` (cells set in the project, totals by ``drafter.tables``,
provenance kept). The CLI (``drafter ledger``) and the TUI (「从台账生成」) call
:func:`count_file` and ``record.apply``. Core: no Textual, no openai.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from drafter import forms
from drafter.ledger.choices import Choices, merge
from drafter.ledger.counting import Count, Issue
from drafter.ledger.reading import LedgerError, Workbook, read_workbook
from drafter.ledger.record import stored_choices
from drafter.ledger.rows import Ledger, extract
from drafter.model import Project, Report

__all__ = ["LedgerError", "Counted", "count_file", "count_workbook"]


@dataclass
class Counted:
    """A ledger read and counted for one project and year."""

    workbook: Workbook
    ledger: Ledger
    count: Count
    choices: Choices
    """The choices used: the project's, then the mapping file's."""


def count_file(
    path: str | Path,
    project: Project,
    *,
    year: int | None = None,
    choices: Choices | None = None,
    sheets: Sequence[str] = (),
    today: date | None = None,
) -> Counted:
    """Read ``path`` and count ``year`` (default: the project's); LedgerError if unusable."""
    return count_workbook(
        read_workbook(path), project, year=year, choices=choices, sheets=sheets, today=today
    )


def count_workbook(
    workbook: Workbook,
    project: Project,
    *,
    year: int | None = None,
    choices: Choices | None = None,
    sheets: Sequence[str] = (),
    today: date | None = None,
) -> Counted:
    from drafter.ledger.counting import count

    year = year or project.year
    if year is None:
        raise LedgerError("项目没有写报告年度：请指定要统计的年度（如 --year 2025）")
    ledger = extract(workbook, sheets)
    used = merge(stored_choices(project), choices or {})
    result = count(ledger, year, project.format, used, today)
    if project.last_year is not None and "requests" in result.tables:
        result.issues.extend(carried_in_disagreement(result, project.last_year))
    return Counted(workbook, ledger, result, used)


def carried_in_disagreement(result: Count, last_year: Report) -> list[Issue]:
    """X1: the ledger's 上年结转 against last year's published 结转下年度, column by column."""
    last = last_year.tables.requests.get("carried_out")
    if last is None:
        return []
    differing = []
    for column in forms.APPLICANT_COLUMNS:
        published = getattr(last, column)
        counted = result.values[f"requests.carried_in.{column}"]
        if published is not None and published != counted:
            differing.append(
                f"{forms.REQUEST_COLUMN_LABELS[column]} 台账 {counted}、上年报告 {published}"
            )
    if not differing:
        return []
    message = (
        "X1 上年结转与上年报告的「结转下年度继续办理」不一致（" + "；".join(differing) + "）："
        "以台账为准填入，请核对上年报告或台账中上年收到、跨年办结的申请"
    )
    return [Issue("warning", message)]
