"""``drafter check`` on report files: imported, checked, findings at the file's lines.

The seed report and copies of it with one error planted on a known line; GBK bytes,
``--agency``/``--year``, a file without a title, many files with an unusable one.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import forms
from drafter.checking import check_file
from drafter.cli import main
from drafter.importers import ImportFailed, import_file, import_text
from drafter.model import Project
from tests import writers
from tests.factories import CORPUS, EXAMPLE, random_report
from tests.importers.test_robustness import PIECES
from tests.narrative.corpus import REPORTS, SEED

SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()


def seed_with(tmp_path: Path, line: int, old: str, new: str, name: str = "seed.txt") -> Path:
    lines = list(SEED_LINES)
    assert old in lines[line - 1], (line, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_seed_duplicate_heading_and_numbering_no_false_claim():
    result = check_file(SEED)
    assert result.unusable is None and result.project is not None
    assert (result.project.agency, result.project.year) == ("川汇区信访局", 2021)
    n1 = [f for f in result.findings if f.rule == "N1"]
    assert any(
        f.severity == "error" and f.location.line == 91 and "出现了 2 次" in f.message for f in n1
    ), [(f.location.line, f.message) for f in n1]
    assert any(f.location.line == 5 and "一、2021年工作开展情况" in f.message for f in n1)
    assert [f for f in result.findings if f.rule == "C1"] == []
    assert [(f.rule, f.location.line) for f in result.errors] == [("N1", 91)]
    assert all(f.file == str(SEED) for f in result.findings)


@pytest.mark.parametrize(
    ("line", "old", "new", "rule"),
    [
        (14, "无申请公开政务信息情况", "共收到政府信息公开申请3件", "C1"),
        (14, "2021年度我局", "2020年度我局", "N6"),
        (76, "2021年,我局", "20211月,我局", "N6"),
        (93, "未收取信息处理费", "（单位名称）未收取信息处理费", "N6"),
        (14, "我局", "我镇", "A1"),
        (74, "五、存在的主要问题及改进情况", "五、存在的主要问题和改进措施", "N1"),
    ],
)
def test_planted_errors_in_a_text_file_point_at_their_line(tmp_path, line, old, new, rule):
    before = {(f.rule, f.location.line) for f in check_file(SEED).errors}
    result = check_file(seed_with(tmp_path, line, old, new))
    added = [
        (f.rule, f.location.line) for f in result.errors if (f.rule, f.location.line) not in before
    ]
    assert added == [(rule, line)], [(f.rule, f.location.line, f.message) for f in result.errors]


def test_gbk_file_gives_the_same_findings(tmp_path):
    path = tmp_path / "seed-gbk.txt"
    path.write_bytes(SEED.read_bytes().decode("utf-8").encode("gb18030"))
    plain = {(f.rule, f.location.line) for f in check_file(SEED).findings}
    gbk = {(f.rule, f.location.line) for f in check_file(path).findings}
    assert gbk == plain


def test_agency_and_year_overrides(capsys):
    status = main(["check", str(SEED), "--year", "2022", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)
    assert status == 1
    assert any(f["rule"] == "N6" and "标题写的是 2021 年" in f["message"] for f in findings)


def test_inferred_when_the_title_is_missing(tmp_path):
    path = tmp_path / "untitled.txt"
    path.write_text("\n".join(SEED_LINES[2:]) + "\n", encoding="utf-8")
    result = check_file(path)
    assert result.project is not None and result.project.year == 2021
    assert any(f.rule == "A3" for f in result.findings)


def test_many_files_at_once_with_an_unusable_one(capsys, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    status = main(["check", str(SEED), str(EXAMPLE), str(bad), "--format", "json"])
    findings = json.loads(capsys.readouterr().out)
    assert status == 2
    assert {f["file"] for f in findings} >= {str(SEED), str(bad)}
    assert any(f["rule"] == "IO" and f["file"] == str(bad) for f in findings)


def test_tables_missing_from_the_file_are_reported_once_per_table():
    """A page with the text only: the import says each table was not found (I1); the
    blank-cell rule (V3) does not repeat that for every row of it."""
    result = check_file(REPORTS / "2022_yuyao_sjj_1.txt")
    i1 = [f for f in result.findings if f.rule == "I1"]
    assert [f.location.section for f in i1] == ["active", "requests", "appeals"]
    assert sum(len(f.location.cells) for f in i1) == 200
    assert [f for f in result.findings if f.rule == "V3"] == []


# --------------------------------------------------------------------------- V3 at import
# ``drafter check`` does not run rule V3 on an imported report (importers.COVERED_RULES):
# the import has already said, for every cell it left null, why — blank in the file (V3),
# not found or unreadable (I1), glued figures (I2), the old single （六） row (I3).

BLANK_NOTES = {"V3", "I1", "I2", "I3"}


def unexplained(project: Project) -> set[str]:
    """Cells the import left null without a note naming them."""
    assert project.imported is not None
    noted = {
        c for f in project.imported.findings if f.rule in BLANK_NOTES for c in f.location.cells
    }
    blank = {cell.path for cell, value in project.tables.values(project.format) if value is None}
    return blank - noted


@pytest.mark.parametrize(
    "path",
    sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".html", ".pdf")),
    ids=lambda p: p.name,
)
def test_every_cell_a_published_file_leaves_blank_has_a_note(path):
    assert unexplained(import_file(path).project) == set()


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    blanks=st.integers(0, 30),
    kind=st.sampled_from(["txt", "md", "html", "crawler"]),
)
def test_every_cell_a_written_report_leaves_blank_has_a_note(seed, blanks, kind):
    rng = random.Random(seed)
    report = random_report(rng, rng.choice(["2021", "2019"]))
    for cell in rng.sample(forms.all_cells(report.format), blanks):
        report.tables.set(cell.path, None)
    text = writers.to_crawler(report) if kind == "crawler" else writers.WRITERS[kind](report)
    project = import_text(text, f"report.{'txt' if kind == 'crawler' else kind}").project
    assert unexplained(project) == set()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES + SEED_LINES), max_size=80))
def test_every_cell_a_jumble_of_report_pieces_leaves_blank_has_a_note(parts):
    try:
        project = import_text("".join(parts), "a.txt").project
    except ImportFailed:
        return
    assert unexplained(project) == set()
