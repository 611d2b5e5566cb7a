"""`drafter import` and `drafter new`: JSON out, files written safely, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from drafter.cli import main
from drafter.store import load_project
from drafter.tables import complete
from tests import writers
from tests.factories import CORPUS, example

SEED = CORPUS / "seed" / "000_20272e85d49a1cc6.txt"


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_import_prints_report_json(capsys):
    status, out, err = run(capsys, "import", str(SEED))
    assert status == 0
    data = json.loads(out)
    assert data["schema"] == "drafter.report/1"
    assert (data["agency"], data["year"], data["format"]) == ("川汇区信访局", 2021, "2021")
    assert data["tables"]["requests"]["new"]["total"] == 0
    assert data["tables"]["active"]["regulations"]["in_force"] is None
    assert data["imported"]["recovered_cells"] == 198
    assert "active.regulations.in_force" in data["imported"]["missing_cells"]
    assert "198/200" in err and "V3" in err


def test_blank_as_zero_for_import_and_new(capsys, tmp_path):
    status, out, err = run(capsys, "import", str(SEED), "--blank-as-zero")
    assert status == 0
    data = json.loads(out)
    assert data["tables"]["active"]["regulations"]["in_force"] == 0
    assert data["imported"]["recovered_cells"] == 200 and data["imported"]["missing_cells"] == []
    assert "200/200" in err and "已按 0 导入" in err and "--blank-as-zero" not in err

    made = tmp_path / "new.json"
    status, _, err = run(
        capsys, "new", "--agency", "川汇区信访局", "--year", "2022",
        "--from", str(SEED), "-o", str(made), "--blank-as-zero",
    )  # fmt: skip
    assert status == 0 and "200/200" in err
    last = load_project(made).project.last_year
    assert last is not None and last.tables.get("active.normative_documents.in_force") == 0


def test_import_records_the_heading_oddities_of_the_seed(capsys):
    """Issue 3: what was odd about the outline is a finding (N1), not a failure."""
    status, out, err = run(capsys, "import", str(SEED))
    assert status == 0
    n1 = [f for f in json.loads(out)["imported"]["findings"] if f["rule"] == "N1"]
    assert [(f["severity"], f["location"]["line"]) for f in n1] == [("error", 91), ("warning", 5)]
    assert "「六、其他需要报告的事项」出现了 2 次（第 80、91 行）" in n1[0]["message"]
    assert "「一、2021年工作开展情况」用了一级标题的编号「一、」" in n1[1]["message"]
    assert all(f["file"] == str(SEED) and f["excerpt"] for f in n1)
    assert "N1 2 项" in err and "第 91 行" in err and "第 5 行" in err


def test_import_of_a_well_formed_report_notes_no_heading(capsys, tmp_path):
    path = writers.write(example(), "txt", tmp_path)
    status, out, _ = run(capsys, "import", str(path))
    assert status == 0
    assert [f for f in json.loads(out)["imported"]["findings"] if f["rule"] == "N1"] == []


def test_import_writes_project_and_refuses_to_overwrite(capsys, tmp_path):
    out = tmp_path / "last.json"
    assert run(capsys, "import", str(SEED), "-o", str(out))[0] == 0
    project = load_project(out).project
    assert project.agency == "川汇区信访局" and project.imported is not None
    out.write_text("手写的内容", encoding="utf-8")
    status, _, err = run(capsys, "import", str(SEED), "-o", str(out))
    assert status == 2 and "--force" in err
    assert out.read_text(encoding="utf-8") == "手写的内容"
    assert run(capsys, "import", str(SEED), "-o", str(out), "--force")[0] == 0


def test_import_agency_and_year_flags_override(capsys):
    status, out, _ = run(capsys, "import", str(SEED), "--agency", "某局", "--year", "2022年")
    assert status == 0
    data = json.loads(out)
    assert (data["agency"], data["year"]) == ("某局", 2022)


def test_import_unusable_file_exits_2_in_chinese(capsys, tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"\x00\x01garbage" * 10)
    status, out, err = run(capsys, "import", str(bad))
    assert status == 2 and out == ""
    assert "二进制" in err and "Traceback" not in err
    status, _, err = run(capsys, "import", str(tmp_path / "none.pdf"))
    assert status == 2 and "找不到文件" in err
    with pytest.raises(SystemExit) as exited:
        main(["import", str(SEED), "--year", "abc"])
    assert exited.value.code == 2 and "不是年份" in capsys.readouterr().err


def test_import_console_script_no_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "drafter", "import", str(empty)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "空的" in proc.stderr and "Traceback" not in proc.stderr


def test_new_from_last_years_docx_carries_over(capsys, tmp_path):
    last = example().last_year
    assert last is not None
    source = writers.write(last, "docx", tmp_path, stem="2024")
    out = tmp_path / "2025.json"
    status, _, err = run(
        capsys,
        "new",
        "--agency",
        "云溪县市场监督管理局",
        "--year",
        "2025",
        "--from",
        str(source),
        "-o",
        str(out),
    )
    assert status == 0 and "结转 7 个单元格" in err
    project = load_project(out).project
    assert (project.agency, project.year, project.format) == ("云溪县市场监督管理局", 2025, "2021")
    assert project.last_year is not None
    assert project.last_year.text("problems") == last.text("problems")  # for the drafter
    assert project.tables.requests["carried_in"] == last.tables.requests["carried_out"]  # X1
    # X2 fills 现行有效件数 once this year's 制发/废止 are entered.
    project.tables.set("active.normative_documents.issued", 3)
    project.tables.set("active.normative_documents.repealed", 1)
    done = complete(project, project.last_year)
    expected = last.tables.get("active.normative_documents.in_force")
    assert isinstance(expected, int)
    assert done.tables.get("active.normative_documents.in_force") == expected + 2


def test_new_from_project_json_and_without_from(capsys, tmp_path):
    out = tmp_path / "a.json"
    status, _, err = run(
        capsys,
        "new",
        "--agency",
        "云溪县市场监督管理局",
        "--year",
        "2026",
        "--from",
        str(writers.EXAMPLE_JSON),
        "-o",
        str(out),
    )
    assert status == 0
    project = load_project(out).project
    assert project.last_year is not None and project.last_year.year == 2025
    assert "imported" not in json.loads(out.read_text(encoding="utf-8"))["last_year"]
    blank = tmp_path / "b.json"
    assert run(capsys, "new", "--agency", "某局", "--year", "2025", "-o", str(blank))[0] == 0
    fresh = load_project(blank).project
    assert fresh.last_year is None and len(fresh.sections) == 7


def test_new_refuses_bad_source_and_existing_output(capsys, tmp_path):
    out = tmp_path / "p.json"
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    status, _, err = run(
        capsys, "new", "--agency", "某局", "--year", "2025", "--from", str(bad), "-o", str(out)
    )
    assert status == 2 and "去年的报告无法使用" in err and not out.exists()
    out.write_text("{}", encoding="utf-8")
    status, _, err = run(capsys, "new", "--agency", "某局", "--year", "2025", "-o", str(out))
    assert status == 2 and out.read_text(encoding="utf-8") == "{}"
