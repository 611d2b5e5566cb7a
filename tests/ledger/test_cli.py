"""`drafter ledger`: the clerk's whole round — questions, mapping file, write, explain, re-count."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook

from drafter.cli import main
from drafter.ledger.record import stored
from drafter.model import Project, RequestRow
from drafter.store import load_project, save_project
from tests.factories import EXAMPLE, FIXTURES
from tests.ledger.test_fixtures import MESSY_2023, nonzero

LEDGERS = FIXTURES / "ledger"
BAD = LEDGERS / "bad"


def run(capsys, *args: object) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "2023.json"
    save_project(Project.empty("某某县人民政府办公室", 2023), path)
    return path


def counted_values(path) -> dict[str, int]:
    project = load_project(path).project
    record = stored(project)
    assert record is not None
    return {p: project.tables.get(p) for p in record.cells}  # type: ignore[misc]


def test_questions_become_a_mapping_file_and_the_second_run_writes(capsys, tmp_path, project_file):
    before = project_file.read_bytes()
    mapping = tmp_path / "对照.txt"
    status, out, _ = run(capsys, "ledger", LEDGERS / "messy.xlsx", project_file, "--map", mapping)
    assert status == 1 and project_file.read_bytes() == before
    assert "处理结果「补正」（「2023年」第 19 行）" in out and "已写出对照表模板" in out
    template = mapping.read_text(encoding="utf-8")
    assert "[申请人类型]" in template and "法人或其他组织 =" in template
    assert "#   other_1 （六）其他处理 1." in template
    filled = template.replace("法人或其他组织 =", "法人或其他组织 = 商业企业").replace(
        "补正 =", "补正 = 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    )
    mapping.write_text(filled, encoding="gbk")  # as Notepad may save it
    status, out, _ = run(capsys, "ledger", LEDGERS / "messy.xlsx", project_file, "--map", mapping)
    assert status == 0, out
    assert "已写入" in out
    assert nonzero(counted_values(project_file)) == MESSY_2023
    project = load_project(project_file).project
    assert project.tables.get("requests.new.total") == 11  # totals by drafter.tables
    assert project.tables.get("requests.total.total") == 11 + 2 - 3
    # The choices are kept in the project: the next count asks nothing.
    status, out, _ = run(capsys, "ledger", LEDGERS / "messy.xlsx", project_file)
    assert status == 0 and "没有变化" in out


def write_counted(capsys, project_file, tmp_path):
    mapping = tmp_path / "m.txt"
    mapping.write_text("[申请人类型]\n法人或其他组织 = 商业企业\n[处理结果]\n补正 = other_1\n")
    status, out, _ = run(capsys, "ledger", LEDGERS / "messy.xlsx", project_file, "--map", mapping)
    assert status == 0, out


def test_explain_lists_the_rows_behind_a_cell_and_a_total(capsys, tmp_path, project_file):
    write_counted(capsys, project_file, tmp_path)
    status, out, _ = run(capsys, "ledger", project_file, "--explain", "requests.granted.total")
    assert status == 0
    assert "表三「（一）予以公开」「总计」 = 3" in out
    assert "「2023年」第 5–6、18 行（共 3 行）" in out
    assert (
        "「2023年」第 5 行：收到日期 2023-1-5，答复日期 2023/01/20，"
        "申请人类型 自然人，处理结果 予以公开" in out
    )
    status, out, _ = run(capsys, "ledger", project_file, "--explain", "active.licensing")
    assert status == 0 and "不是从台账统计的" in out
    status, _, err = run(capsys, "ledger", project_file, "--explain", "requests.nope.total")
    assert status == 2 and "没有单元格" in err


def test_a_recount_never_replaces_a_typed_figure_without_consent(capsys, tmp_path, project_file):
    write_counted(capsys, project_file, tmp_path)
    project = load_project(project_file).project
    project.tables.set("requests.granted.natural_person", 5)  # the clerk typed over the count
    save_project(project, project_file)
    ledger = tmp_path / "台账.xlsx"
    shutil.copy(LEDGERS / "messy.xlsx", ledger)
    wb = load_workbook(ledger)
    wb["2023年"].insert_rows(21)  # a new application above the 合计 row
    for col, value in enumerate(
        ["16", "2023-10-10", "网络", "申请人16", "自然人", "2023-10-30", "公开"], 1
    ):
        wb["2023年"].cell(row=20, column=col, value=value)
    wb.save(ledger)
    before = project_file.read_bytes()
    status, out, _ = run(capsys, "ledger", ledger, project_file)
    assert status == 1 and project_file.read_bytes() == before
    assert "表三「（一）予以公开」「自然人」：5 → 3（您填写的数字，将被替换）" in out
    assert (
        "表三「一、本年新收政府信息公开申请数量」「自然人」：6 → 7\n" in out
    )  # a count, not typed
    status, out, _ = run(capsys, "ledger", ledger, project_file, "--dry-run")
    assert status == 0 and project_file.read_bytes() == before
    status, out, _ = run(capsys, "ledger", ledger, project_file, "--force")
    assert status == 0, out
    project = load_project(project_file).project
    assert project.tables.get("requests.granted.natural_person") == 3
    assert project.tables.get("requests.new.natural_person") == 7


def test_last_years_carry_over_disagreeing_is_reported(capsys, tmp_path, project_file):
    project = load_project(project_file).project
    last = Project.empty("某某县人民政府办公室", 2022)
    last.tables.requests["carried_out"] = RequestRow(natural_person=3, business=0, total=3)
    project.last_year = last
    save_project(project, project_file)
    mapping = tmp_path / "m.txt"
    mapping.write_text("[申请人类型]\n* = 商业企业\n[处理结果]\n补正 = other_1\n")
    status, out, _ = run(capsys, "ledger", LEDGERS / "messy.xlsx", project_file, "--map", mapping)
    assert status == 0, out
    assert "X1 上年结转与上年报告的「结转下年度继续办理」不一致（自然人 台账 2、上年报告 3）" in out


@pytest.mark.parametrize(
    ("ledger", "args", "says"),
    [
        (BAD / "empty.xlsx", (), "是空的"),
        (BAD / "corrupt.xlsx", (), "已损坏"),
        (BAD / "locked.xlsx", (), "设置了打开密码"),
        (BAD / "no-date.xlsx", (), "没有收到日期（或申请日期）列"),
        (BAD / "wrong-sheet.xlsx", (), "没有找到申请登记台账"),
        (LEDGERS / "messy.xlsx", ("--sheet", "2024年"), "台账中没有工作表「2024年」"),
        (LEDGERS / "missing.xlsx", (), "找不到文件"),
        (EXAMPLE, (), "没有找到申请登记台账"),  # a project given as the ledger
    ],
)
def test_unusable_input_is_one_chinese_line_exit_2_and_the_project_untouched(
    capsys, project_file, ledger, args, says
):
    before = project_file.read_bytes()
    status, out, err = run(capsys, "ledger", ledger, project_file, *args)
    assert status == 2 and out == ""
    assert says in err and err.count("\n") == 1 and "Traceback" not in err
    assert project_file.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "网页格式的表格"),
        (b"%PDF-1.7\n...", "是 PDF 文件"),
        (bytes(range(256)) * 8, "既不是 Excel 表格"),
    ],
)
def test_files_that_are_not_ledgers_are_named_for_what_they_are(
    capsys, tmp_path, project_file, content, says
):
    ledger = tmp_path / "台账.xls"
    ledger.write_bytes(content)
    status, _, err = run(capsys, "ledger", ledger, project_file)
    assert status == 2 and says in err and err.count("\n") == 1


def test_another_years_count_is_shown_but_never_written(capsys, project_file):
    before = project_file.read_bytes()
    status, _, err = run(capsys, "ledger", LEDGERS / "messy.xlsx", project_file, "--year", "2022")
    assert status == 2 and "统计年度 2022 与项目年度 2023 不同" in err
    status, out, _ = run(
        capsys, "ledger", LEDGERS / "messy.xlsx", project_file, "--year", "2022", "--dry-run"
    )
    assert "2022 年：本年新收" in out
    assert project_file.read_bytes() == before


def test_the_detail_line_says_when_a_cell_no_longer_holds_its_count(capsys, tmp_path, project_file):
    from drafter.ledger.record import provenance_line

    write_counted(capsys, project_file, tmp_path)
    project = load_project(project_file).project
    line = provenance_line(project, "requests.granted.natural_person")
    assert line == "台账 messy.xlsx（2023 年）：「2023年」第 5–6 行（共 2 行）"
    project.tables.set("requests.granted.natural_person", 4)
    line = provenance_line(project, "requests.granted.natural_person")
    assert line is not None and line.endswith("；台账统计为 2，现在是 4")
    assert provenance_line(project, "active.licensing") is None


def test_a_project_open_in_a_window_is_not_written(capsys, tmp_path):
    """The window would save its copy over the count: refused, with where it is open."""
    from drafter.lock import acquire, lock_path

    path = tmp_path / "2025.json"
    save_project(Project.empty("云溪县市场监督管理局", 2025), path)
    before = path.read_bytes()
    window = acquire(path, "浏览器", "按 Ctrl+Q 退出或关闭那个标签页")
    status, _, err = run(capsys, "ledger", LEDGERS / "yunxi-2025-台账.xlsx", path)
    assert status == 2 and path.read_bytes() == before
    assert "未写入" in err and "2025.json 已在浏览器中打开" in err
    window.release()
    status, out, _ = run(capsys, "ledger", LEDGERS / "yunxi-2025-台账.xlsx", path)
    assert status == 0 and "已写入" in out, out
    assert not lock_path(path).exists()
