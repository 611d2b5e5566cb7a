"""`drafter export`: exit codes 0/1/2, Chinese messages, the gate as the user sees it."""

from __future__ import annotations

import subprocess
import sys

import docx
import pytest

from drafter.cli import main
from tests.factories import EXAMPLE


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("name", ["report.docx", "report.html", "report.md"])
def test_clean_project_exports_each_format(capsys, tmp_path, name):
    out_path = tmp_path / name
    status, out, err = run(capsys, "export", str(EXAMPLE), "-o", str(out_path))
    assert status == 0, err
    assert out_path.stat().st_size > 1000
    assert "已导出" in out and str(out_path) in out and err == ""


def test_errors_refuse_with_the_list_in_chinese(capsys, tmp_path, project, write_json):
    project.tables.set("requests.total.business", 9)
    path = write_json(project)
    out_path = tmp_path / "r.docx"
    status, out, _ = run(capsys, "export", str(path), "-o", str(out_path))
    assert status == 1 and not out_path.exists()
    assert "已拒绝导出" in out and "--force" in out
    assert "R2" in out and "requests.total.business" in out and "错误" in out


def test_force_exports_and_says_it_was_forced(capsys, tmp_path, project, write_json):
    project.tables.set("requests.total.business", 9)
    path = write_json(project)
    out_path = tmp_path / "r.docx"
    status, out, _ = run(capsys, "export", str(path), "-o", str(out_path), "--force")
    assert status == 0 and out_path.exists()
    assert "已强制导出" in out and "仍有" in out
    docx.Document(str(out_path))  # a valid Word file


def test_warnings_are_listed_but_do_not_block(capsys, tmp_path, project, write_json):
    project.set_text("other", "本年度未收取信息处理费。\x07")
    path = write_json(project)
    status, out, _ = run(capsys, "export", str(path), "-o", str(tmp_path / "r.md"))
    assert status == 0
    assert "警告 1 项" in out and "EX" in out and "控制字符" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{missing}", "-o", "{tmp}/r.docx"], "找不到文件"),
        (["{example}", "-o", "{tmp}/r.pdf"], "不支持导出为 .pdf"),
        (["{example}", "-o", "{tmp}/none/r.docx"], "不存在"),
        (["{example}", "-o", "{tmp}"], "是一个文件夹"),
        (["{example}", "-o", "{tmp}/r.docx", "--template", "{tmp}/no.docx"], "找不到模板"),
        (["{example}", "-o", "{tmp}/r.docx", "--template", "{bad}"], "不是有效的 Word 文档"),
        (["{example}", "-o", "{tmp}/r.md", "--template", "{bad}"], "只有导出 Word"),
    ],
)
def test_unusable_input_exits_2_with_one_chinese_line(capsys, tmp_path, args, message):
    bad = tmp_path / "bad.docx"
    bad.write_text("这不是 Word 文件", encoding="utf-8")
    values = {"missing": tmp_path / "none.json", "example": EXAMPLE, "tmp": tmp_path, "bad": bad}
    status, out, err = run(capsys, "export", *(a.format(**values) for a in args))
    assert status == 2
    assert message in err and err.startswith("无法导出：") and err.count("\n") == 1
    assert "Traceback" not in out + err
    assert not (tmp_path / "r.docx").exists()


def test_missing_output_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["export", str(EXAMPLE)])
    assert info.value.code == 2 and "参数有误" in capsys.readouterr().err


def test_command_line_start_up_does_not_load_python_docx():
    """Only an actual Word export imports python-docx (start-up cost, TECH.md §1)."""
    code = "import sys, drafter.cli; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_blank_cells_refuse_with_one_summary_line_per_table(capsys, tmp_path, project, write_json):
    for col in ("natural_person", "business", "research"):
        project.tables.set(f"requests.granted.{col}", None)
    project.tables.set("active.penalty", None)
    path = write_json(project)
    out_path = tmp_path / "r.docx"
    status, out, _ = run(capsys, "export", str(path), "-o", str(out_path))
    assert status == 1 and not out_path.exists()
    lines = [line for line in out.splitlines() if "未填写" in line]
    assert [line.split("]")[1].split("：")[0].strip() for line in lines] == [
        "表二还有 1 个单元格未填写",
        "表三还有 3 个单元格未填写",
    ]
    assert "[requests.granted.natural_person]" in lines[1]
    assert out.count("V3") == 2  # no warning per row besides
    # drafter check reviews the same project: V3 stays a warning there.
    status, out, _ = run(capsys, "check", str(path))
    assert "V3" in out and "警告" in out
