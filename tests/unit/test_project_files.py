"""Recent projects, recovery copies and new projects (the core behind the start screen)."""

import json
from pathlib import Path

import pytest

from drafter import recent, recovery
from drafter.model import LastYear, Report
from drafter.newproject import change_details, read_last_year, start_report
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
    started = start_report(" 示例镇人民政府 ", "2025年")
    project = started.project
    assert project.agency == "示例镇人民政府" and project.year == 2025
    assert project.title == "示例镇人民政府2025年政府信息公开工作年度报告"
    assert project.last_year is None
    assert project.tables.get("requests.new.natural_person") is None
    assert (started.imported, started.carried, started.notes) == (None, [], [])


def test_new_project_from_last_years_project_file_carries_over():
    started = start_report("云溪县市场监督管理局", 2025, last_year_file=EXAMPLE_LAST_YEAR)
    project = started.project
    last = load_project(EXAMPLE_LAST_YEAR).project
    assert project.last_year is not None
    assert type(project.last_year) is LastYear
    assert project.last_year.text("overview") == last.text("overview")
    for col in ("natural_person", "total"):
        assert project.tables.get(f"requests.carried_in.{col}") == last.tables.get(
            f"requests.carried_out.{col}"
        )
    assert "requests.carried_in.natural_person" in started.carried
    assert started.notes[0] == f"已读取去年的项目文件 {EXAMPLE_LAST_YEAR}"
    assert started.notes[-1].startswith(f"从去年结转：上年结转 {len(started.carried)} 个单元格")
    # A new project has no 本年制发/废止 yet: 现行有效件数 follows once they are typed.
    assert "填写本年制发、废止件数后，按去年的现行有效件数自动计算" in started.notes[-1]


def test_new_project_from_a_published_report_uses_the_importer():
    """The seed report (川汇区信访局, 2021) as last year's file of a 2022 report."""
    started = start_report("川汇区信访局", 2022, last_year_file=SEED)
    project = started.project
    assert started.imported is not None
    last = project.last_year
    assert last is not None and isinstance(last, Report) and last.year == 2021
    # What reading the file found stays with the project (shown in the checks screen).
    assert last.imported is not None
    assert sorted(f.rule for f in last.imported.findings) == ["N1", "N1", "V3", "V3"]
    assert "建立健全政务信息公开工作机制" in last.text("overview")
    # X1: this year's 上年结转 is last year's 结转下年度, column by column.
    for col in ("natural_person", "business", "total"):
        assert project.tables.get(f"requests.carried_in.{col}") == last.tables.get(
            f"requests.carried_out.{col}"
        )
    assert started.carried and started.notes[0].startswith("已导入 000_20272e85d49a1cc6.txt")
    assert "章节" in started.notes[0] and "表格单元格" in started.notes[0]
    # Only what was carried is said: this seed has no 现行有效件数 to carry (X2).
    assert started.notes[-1] == (
        "从去年结转：上年结转 7 个单元格（X1，来自去年的「结转下年度继续办理」）；"
        "去年的报告中没有现行有效件数，需要直接填写"
    )


@pytest.mark.parametrize(
    ("agency", "year", "words"),
    [("", 2025, "机关全称"), ("某局", "二〇二五", "不是年份"), ("某局", 1999, "不在")],
)
def test_new_project_refuses_bad_agency_or_year(agency, year, words):
    with pytest.raises(ProjectError, match=words):
        start_report(agency, year)


def test_last_year_of_another_year_is_used_with_a_warning():
    started = start_report("云溪县市场监督管理局", 2026, last_year_file=EXAMPLE_LAST_YEAR)
    assert started.project.last_year is not None
    assert any("不是 2025 年度" in note for note in started.notes)


def test_unreadable_last_year_files_give_one_chinese_line(tmp_path):
    doc = tmp_path / "2024年报.docx"
    doc.write_bytes(b"PK not really a zip")
    with pytest.raises(ProjectError) as raised:
        read_last_year(doc)
    assert "\n" not in str(raised.value) and "Traceback" not in str(raised.value)
    with pytest.raises(ProjectError, match="找不到"):
        read_last_year(tmp_path / "missing.pdf")
    with pytest.raises(ProjectError):
        read_last_year(tmp_path / "missing.json")


def test_last_year_from_a_project_drops_project_parts():
    report, imported = read_last_year(Path(EXAMPLE))
    assert imported is None
    assert type(report) is LastYear and report.imported is None
    assert report.year == example().year


def test_agency_year_and_a_default_title_can_be_changed_after_creation():
    project = start_report("云溪县市场监督管理局", 2025, last_year_file=EXAMPLE_LAST_YEAR).project
    assert change_details(project, "云溪县市场监管局", "2025年", "") == []
    assert (project.agency, project.year) == ("云溪县市场监管局", 2025)
    assert project.title == "云溪县市场监管局2025年政府信息公开工作年度报告"
    # A title the clerk wrote stays as written.
    change_details(project, "云溪县市场监管局", 2025, "云溪县市场监管局2025年度政务公开报告")
    notes = change_details(project, "云溪县市场监管局", 2026, project.title)
    assert project.title == "云溪县市场监管局2025年度政务公开报告" and project.year == 2026
    assert any("不是 2025 年度" in n for n in notes)  # last year's report is 2024's
    with pytest.raises(ProjectError, match="不是年份"):
        change_details(project, "某局", "明年", "")
    assert (project.agency, project.year) == ("云溪县市场监管局", 2026)  # unchanged
