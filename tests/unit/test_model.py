"""The report model follows report-json.md: shape, nulls, Decimal strings, validation."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from drafter import forms
from drafter.model import ActiveTable, ActiveTable2019, Project, Report
from drafter.store import dump_project, parse_project


def test_empty_report_has_every_cell_unknown():
    report = Report.empty("某镇人民政府", 2025)
    values = [v for _, v in report.tables.values("2021")]
    assert len(values) == 10 + 175 + 15
    assert all(v is None for v in values)
    data = json.loads(report.to_json())
    assert data["schema"] == "drafter.report/1"
    assert data["tables"]["requests"]["new"]["natural_person"] is None
    assert [s["key"] for s in data["sections"]] == list(forms.SECTION_KEYS)
    assert data["title"] == "某镇人民政府2025年政府信息公开工作年度报告"


def test_json_round_trip_keeps_every_value(project):
    text = dump_project(project)
    again = parse_project(text).project
    assert again == project
    data = json.loads(text)
    assert data["tables"]["active"]["fees_wan_yuan"] == "0"
    assert data["tables"]["requests"]["granted"]["total"] == 15


def test_amount_is_decimal_serialised_exactly():
    report = Report.empty("某局", 2025)
    report.tables.set("active.fees_wan_yuan", Decimal("0.5000"))
    data = json.loads(report.to_json())
    assert data["tables"]["active"]["fees_wan_yuan"] == "0.5000"
    assert Report.model_validate(data).tables.get("active.fees_wan_yuan") == Decimal("0.5000")


def test_minimal_report_json_is_a_valid_project():
    raw = {
        "schema": "drafter.report/1",
        "agency": "甲局",
        "year": 2024,
        "format": "2021",
        "title": "",
        "sections": [],
        "tables": {"requests": {"new": {"total": 3}}},
    }
    project = Project.model_validate(raw)
    assert project.tables.get("requests.new.total") == 3
    assert project.tables.get("requests.new.business") is None
    assert list(project.tables.requests) == [r.key for r in forms.request_rows("2021")]
    assert isinstance(project.tables.active, ActiveTable)


def test_2019_format_takes_2019_table_two():
    raw = {
        "schema": "drafter.report/1",
        "format": "2019",
        "tables": {
            "active": {"licensing": {"previous": 3, "change": -1, "decisions": 5}},
            "requests": {"other_1": {"total": 1}},
        },
    }
    report = Report.model_validate(raw)
    assert isinstance(report.tables.active, ActiveTable2019)
    assert report.tables.get("active.licensing.change") == -1
    assert "other_2" not in report.tables.requests


@pytest.mark.parametrize(
    "tables",
    [
        {"requests": {"bogus": {}}},
        {"requests": {"new": {"nobody": 1}}},
        {"appeals": {"review": {"upheld": "many"}}},
    ],
)
def test_wrong_shapes_are_rejected(tables):
    with pytest.raises(ValidationError):
        Report.model_validate({"schema": "drafter.report/1", "tables": tables})


def test_2021_only_rows_rejected_in_2019():
    with pytest.raises(ValidationError, match="other_2"):
        Report.model_validate(
            {
                "schema": "drafter.report/1",
                "format": "2019",
                "tables": {"requests": {"other_2": {}}},
            }
        )


def test_extra_keys_survive_a_save(project):
    data = json.loads(dump_project(project))
    data["user_notes"] = {"reviewer": "张三"}
    again = parse_project(json.dumps(data, ensure_ascii=False)).project
    assert json.loads(dump_project(again))["user_notes"] == {"reviewer": "张三"}


def test_cell_paths_get_and_set():
    report = Report.empty("甲局", 2025)
    for cell in forms.all_cells("2021"):
        report.tables.set(cell.path, 7 if cell.kind is not forms.CellKind.AMOUNT else Decimal(7))
        assert report.tables.get(cell.path) == 7
    with pytest.raises(KeyError):
        report.tables.get("requests.new.nobody")
    with pytest.raises(KeyError):
        report.tables.get("active.licensing.previous")
    with pytest.raises(KeyError):
        report.tables.get("nothing")


def test_sections_keep_official_order_and_text_exactly():
    report = Report.empty("甲局", 2025)
    report.set_text("other", "  第一行\n\n第二行  ")
    assert report.text("other") == "  第一行\n\n第二行  "
    assert [s.key for s in report.sections] == list(forms.SECTION_KEYS)
    with pytest.raises(ValidationError):
        Report.model_validate(
            {"schema": "drafter.report/1", "sections": [{"key": "seventh", "heading": "七、"}]}
        )
