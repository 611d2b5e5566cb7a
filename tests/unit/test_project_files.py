"""Recent projects, recovery copies and new projects (the core behind the start screen)."""

import json
from pathlib import Path

import pytest

from drafter import recent, recovery
from drafter.model import Report
from drafter.newproject import new_project, read_last_year
from drafter.store import ProjectError, load_project, save_project
from tests.factories import CORPUS, EXAMPLE, EXAMPLE_LAST_YEAR, example

SEED = CORPUS / "seed" / "000_20272e85d49a1cc6.txt"


def test_recent_keeps_newest_first_without_duplicates(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    recent.remember(a)
    recent.remember(b)
    recent.remember(a)
    assert recent.load_recent() == [a.resolve(), b.resolve()]
    recent.forget(b)
    assert recent.load_recent() == [a.resolve()]


def test_recent_list_survives_damage(tmp_path):
    recent.recent_file().parent.mkdir(parents=True, exist_ok=True)
    recent.recent_file().write_text("{not json", encoding="utf-8")
    assert recent.load_recent() == []
    recent.remember(tmp_path / "x.json")
    assert recent.load_recent() == [(tmp_path / "x.json").resolve()]


def test_recovery_copy_equal_to_the_file_is_stale_and_removed(tmp_path, project):
    path = tmp_path / "p.json"
    save_project(project, path)
    copy = recovery.write_recovery(project, path)
    assert copy.is_file() and copy.parent == recovery.recovery_dir()
    assert recovery.pending_recovery(path) is None
    assert not copy.exists()


def test_recovery_copy_newer_than_the_file_is_offered(tmp_path, project):
    path = tmp_path / "p.json"
    save_project(project, path)
    project.set_text("overview", "崩溃前输入的文字。")
    recovery.write_recovery(project, path)
    found = recovery.pending_recovery(path)
    assert found is not None
    assert found.project.text("overview") == "崩溃前输入的文字。"
    assert load_project(path).project.text("overview") != "崩溃前输入的文字。"
    recovery.discard_recovery(path)
    assert recovery.pending_recovery(path) is None


def test_recovery_is_offered_when_the_project_file_is_damaged(tmp_path, project):
    path = tmp_path / "p.json"
    recovery.write_recovery(project, path)
    path.write_text("{", encoding="utf-8")
    found = recovery.pending_recovery(path)
    assert found is not None and found.project.agency == project.agency


def test_damaged_recovery_copy_is_ignored(tmp_path, project):
    path = tmp_path / "p.json"
    save_project(project, path)
    recovery.recovery_path(path).parent.mkdir(parents=True, exist_ok=True)
    recovery.recovery_path(path).write_text(json.dumps({"schema": "x"}), encoding="utf-8")
    assert recovery.pending_recovery(path) is None


def test_new_blank_project_has_every_section_and_no_figures():
    project = new_project(" 示例镇人民政府 ", "2025")
    assert project.agency == "示例镇人民政府" and project.year == 2025
    assert project.title == "示例镇人民政府2025年政府信息公开工作年度报告"
    assert project.last_year is None
    assert project.tables.get("requests.new.natural_person") is None


def test_new_project_from_last_years_project_file_carries_over():
    project = new_project("云溪县市场监督管理局", 2025, last_year_file=EXAMPLE_LAST_YEAR)
    last = load_project(EXAMPLE_LAST_YEAR).project
    assert project.last_year is not None
    assert type(project.last_year) is Report
    assert project.last_year.text("overview") == last.text("overview")
    for col in ("natural_person", "total"):
        assert project.tables.get(f"requests.carried_in.{col}") == last.tables.get(
            f"requests.carried_out.{col}"
        )


@pytest.mark.parametrize(
    ("agency", "year", "words"),
    [("", 2025, "机关全称"), ("某局", "二〇二五", "不是年份"), ("某局", 1999, "不在")],
)
def test_new_project_refuses_bad_agency_or_year(agency, year, words):
    with pytest.raises(ProjectError, match=words):
        new_project(agency, year)


def test_last_year_must_be_the_year_before():
    with pytest.raises(ProjectError, match="请选择 2025 年的报告"):
        new_project("云溪县市场监督管理局", 2026, last_year_file=EXAMPLE_LAST_YEAR)


def test_new_project_from_last_years_published_file():
    """The seed: 川汇区信访局's 2021 report as published (text), read by the importer."""
    project = new_project("川汇区信访局", 2022, last_year_file=SEED)
    assert project.last_year is not None and type(project.last_year) is Report
    assert (project.last_year.agency, project.last_year.year) == ("川汇区信访局", 2021)
    assert "依申请公开政务信息办理情况" in project.last_year.text("overview")
    assert project.tables.get("requests.carried_in.total") == 0  # X1 from its table


def test_unusable_last_year_file_is_a_chinese_error(tmp_path):
    doc = tmp_path / "2024年报.docx"
    doc.write_bytes(b"PK")
    with pytest.raises(ProjectError, match="请确认选对了去年的报告文件"):
        read_last_year(doc)
    with pytest.raises(ProjectError, match="不认识的文件类型"):
        read_last_year(tmp_path / "notes.xlsx")


def test_last_year_from_a_project_drops_project_parts():
    report = read_last_year(Path(EXAMPLE))
    assert type(report) is Report
    assert report.year == example().year
