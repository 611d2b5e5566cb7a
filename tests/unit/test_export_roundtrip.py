"""Round trip: what drafter exports, ``drafter import`` reads back unchanged.

Tables cell by cell and every section's text (paragraph by paragraph: a Word or HTML
paragraph has no blank lines around it to keep).
"""

from __future__ import annotations

import random

import pytest

from drafter import forms
from drafter.exporters import export_report
from drafter.importers import import_file
from drafter.model import Report
from tests.factories import example, random_report


def paragraphs(text: str, title: str = "") -> list[str]:
    """Non-empty lines; a leading title line is dropped (a preamble may hold the title)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[1:] if lines and title and lines[0] == title else lines


def random_with_text(seed: int, fmt: forms.FormatId) -> Report:
    report = random_report(random.Random(seed), fmt, year=2020 if fmt == "2019" else 2025)
    report.set_text(forms.PREAMBLE_KEY, "本报告根据《中华人民共和国政府信息公开条例》编制。")
    report.set_text("overview", "（一）主动公开\n全年主动公开信息86条。\n\n（二）依申请公开\n无。")
    report.set_text("problems", "一是公开不够及时。\n改进措施：建立台账。")
    report.set_text("other", "本年度未收取信息处理费。")
    return report


REPORTS = {
    "example": example,
    "random-2021": lambda: random_with_text(1, "2021"),
    "random-2019": lambda: random_with_text(2, "2019"),
}


@pytest.mark.parametrize("suffix", [".docx", ".html", ".md"])
@pytest.mark.parametrize("name", list(REPORTS))
def test_exported_report_imports_back_unchanged(tmp_path, name, suffix):
    report = REPORTS[name]()
    path = tmp_path / f"report{suffix}"
    export_report(report, path)
    back = import_file(path).project
    assert back.format == report.format
    assert back.agency == report.agency and back.year == report.year
    assert back.title == report.title
    for cell, value in report.tables.values(report.format):
        assert back.tables.get(cell.path) == value, cell.label
    for key in forms.SECTION_KEYS:
        assert paragraphs(back.text(key), back.title) == paragraphs(report.text(key)), key
