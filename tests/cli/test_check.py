"""`drafter check`: exit codes, formats, unusable files among good ones (report-json.md)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from drafter.cli import main
from tests.factories import EXAMPLE, EXAMPLE_LAST_YEAR


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_clean_project_exits_0(capsys):
    status, out, _ = run(capsys, "check", str(EXAMPLE))
    assert status == 0
    assert "未发现问题" in out and "错误 0 项" in out


def test_broken_identity_exits_1_naming_rule_and_cell(capsys, project, write_json):
    project.tables.set("requests.carried_out.natural_person", 9)
    path = write_json(project)
    status, out, _ = run(capsys, "check", str(path), "--format", "json")
    assert status == 1
    findings = json.loads(out)
    r1 = [f for f in findings if f["rule"] == "R1"]
    assert r1 and r1[0]["location"]["cell"] == "requests.carried_out.natural_person"
    assert r1[0]["severity"] == "error" and r1[0]["file"] == str(path)
    assert set(r1[0]) >= {"file", "rule", "severity", "message", "location", "excerpt"}
    status, text, _ = run(capsys, "check", str(path))
    assert status == 1
    assert "R1" in text and "表三「自然人」列" in text and "错误" in text
    assert "requests." not in text  # the cell's key is for json/csv, not for a clerk


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{oops",
        b"\x00\x01\x02binary",
        b'{"schema": "drafter.report/2"}',
        b"[]",
        b'{"schema": "drafter.report/1", "tables": {"requests": {"new": {"x": 1}}}}',
    ],
)
def test_unusable_file_exits_2_and_others_are_still_checked(
    capsys, tmp_path, project, write_json, content
):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    project.tables.set("appeals.review.total", 99)
    broken = write_json(project, "broken.json")
    status, out, err = run(capsys, "check", str(bad), str(EXAMPLE), str(broken), "--format", "json")
    assert status == 2
    findings = json.loads(out)
    io_findings = [f for f in findings if f["rule"] == "IO"]
    assert len(io_findings) == 1 and io_findings[0]["file"] == str(bad)
    assert "\n" not in io_findings[0]["message"]
    assert any(f["rule"] == "R4" and f["file"] == str(broken) for f in findings)
    assert "Traceback" not in out + err


def test_missing_file_text_output(capsys, tmp_path):
    status, out, _ = run(capsys, "check", str(tmp_path / "missing.json"), str(EXAMPLE))
    assert status == 2
    assert "无法读取" in out and "找不到文件" in out
    assert "1 个文件无法读取" in out


def test_csv_has_one_row_per_finding(capsys, project, write_json):
    project.tables.set("requests.total.business", 9)
    project.tables.set("active.penalty", -1)
    path = write_json(project)
    status, out, _ = run(capsys, "check", str(path), "--format", "csv")
    assert status == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    # C1: the example's prose says 作出行政处罚决定412件, the table now says -1.
    assert {r["rule"] for r in rows} == {"R1", "R2", "R3", "V1", "C1"}
    assert len(rows) == len({(r["rule"], r["cell"]) for r in rows})
    assert all(r["file"] == str(path) for r in rows)
    assert rows[0].keys() == {
        "file",
        "rule",
        "severity",
        "line",
        "section",
        "cell",
        "message",
        "excerpt",
    }


def test_last_year_option_runs_cross_year_rules(capsys, project, write_json):
    project.last_year = None
    project.tables.set("requests.carried_in.natural_person", 0)
    project.tables.set("requests.new.natural_person", 25)
    overview = project.text("overview")  # keep the prose in step with the tables (C1)
    project.set_text(
        "overview",
        overview.replace("新收政府信息公开申请29件，上年结转2件", "新收政府信息公开申请31件"),
    )
    from drafter.tables import complete

    path = write_json(complete(project))
    status, out, _ = run(capsys, "check", str(path), "--format", "json")
    assert status == 0 and json.loads(out) == []
    status, out, _ = run(
        capsys, "check", str(path), "--last-year", str(EXAMPLE_LAST_YEAR), "--format", "json"
    )
    assert status == 0  # X1 is a warning
    x1 = json.loads(out)
    assert {f["rule"] for f in x1} == {"X1"}
    assert {f["location"]["cell"] for f in x1} == {
        "requests.carried_in.natural_person",
        "requests.carried_in.total",
    }


def test_unusable_last_year_exits_2(capsys, tmp_path):
    status, _, err = run(capsys, "check", str(EXAMPLE), "--last-year", str(tmp_path / "none.json"))
    assert status == 2 and "上年报告无法使用" in err


def test_usage_errors_are_chinese_and_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2
    assert "参数有误" in capsys.readouterr().err


def test_version_and_console_script():
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("drafter ")


def test_internal_errors_are_logged_not_shown(capsys, monkeypatch, _isolated_home):
    import drafter.checking as checking

    def explode(*_a, **_k):
        raise RuntimeError("bug")

    monkeypatch.setattr(checking, "check_file", explode)
    status, out, err = run(capsys, "check", str(EXAMPLE))
    assert status == 2
    assert "内部错误" in err and "Traceback" not in err
    log = _isolated_home / "logs" / "crash.log"
    assert "RuntimeError: bug" in log.read_text(encoding="utf-8")


def test_agency_and_year_options_override_the_project(capsys, project, write_json):
    path = write_json(project)
    status, out, _ = run(capsys, "check", str(path), "--year", "2026", "--format", "json")
    assert status == 1
    findings = json.loads(out)
    assert any(f["rule"] == "N6" and "标题写的是 2025 年" in f["message"] for f in findings)
    status, out, _ = run(
        capsys, "check", str(path), "--agency", "云溪县交通运输局", "--format", "json"
    )
    assert status == 1
    assert any(f["rule"] == "A2" for f in json.loads(out))


def test_year_option_must_be_a_year(capsys):
    with pytest.raises(SystemExit) as info:
        main(["check", str(EXAMPLE), "--year", "去年"])
    assert info.value.code == 2
    assert "不是年度" in capsys.readouterr().err


def test_narrative_finding_in_text_and_csv(capsys, project, write_json):
    text = project.text("overview").replace("新收政府信息公开申请29件", "新收政府信息公开申请30件")
    project.set_text("overview", text)
    path = write_json(project)
    status, out, _ = run(capsys, "check", str(path))
    assert status == 1
    assert "C1" in out and "本年新收申请 30件" in out and "「全年新收政府信息公开申请30件" in out
    status, out, _ = run(capsys, "check", str(path), "--format", "csv")
    [row] = [r for r in csv.DictReader(io.StringIO(out)) if r["rule"] == "C1"]
    assert row["section"] == "overview" and row["cell"] == "requests.new.total"
    assert "30件" in row["excerpt"]


def test_project_without_agency_gets_it_inferred(capsys, project, write_json):
    project.agency = ""
    path = write_json(project)
    status, out, _ = run(capsys, "check", str(path), "--format", "json")
    findings = json.loads(out)
    a3 = [f for f in findings if f["rule"] == "A3"]
    assert status == 0 and len(a3) == 1
    assert "云溪县市场监督管理局" in a3[0]["message"] and "指定机关名称" in a3[0]["message"]
    assert "--" not in a3[0]["message"]  # no option names in what a clerk reads


def test_table_findings_in_a_report_file_point_at_its_line(capsys, tmp_path):
    from tests.factories import CORPUS

    seed = (CORPUS / "seed" / "000_20272e85d49a1cc6.txt").read_text(encoding="utf-8")
    lines = seed.splitlines()
    row = next(i for i, t in enumerate(lines) if "8.属于行政查询事项" in t)
    lines[row] = lines[row].replace("\t0\t0", "\t3\t0", 1)  # 自然人 3, 总计 still 0
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, _ = run(capsys, "check", str(path), "--format", "json")
    assert status == 1
    findings = json.loads(out)
    r3 = [f for f in findings if f["rule"] == "R3"]
    assert [f["location"]["line"] for f in r3] == [row + 1]
    assert r3[0]["location"]["cell"] == "requests.withheld_8.total"
    # A blank the importer reported is not reported a second time by rule V3.
    v3 = [f for f in findings if f["rule"] == "V3"]
    assert len(v3) == len({f["location"]["cell"] for f in v3}) == 2
    assert all(f["location"]["line"] and f["excerpt"] for f in v3)
