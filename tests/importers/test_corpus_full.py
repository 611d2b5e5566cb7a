"""The seed and the complete published reports import exactly (fixtures/corpus).

Must-show of issue 3: the seed imports completely; every complete report in
``fixtures/corpus/full/`` imports with every cell equal to its hand-checked
``truth.json``, a cell the source leaves blank is null, and a cell whose glued digits
cannot be split with certainty is null *with an I2 finding* — never a wrong number.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from drafter import forms
from drafter.importers import import_file
from drafter.importers.normalise import condense
from drafter.model import Project
from tests.factories import CORPUS

SEED = CORPUS / "seed" / "000_20272e85d49a1cc6.txt"
FULL = CORPUS / "full"
TRUTH = json.loads((FULL / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed() -> Project:
    return import_file(SEED).project


def test_seed_agency_year_format_and_six_sections(seed):
    assert (seed.agency, seed.year, seed.format) == ("川汇区信访局", 2021, "2021")
    assert seed.title == "川汇区信访局2021年政府信息公开工作年度报告"
    assert [s.key for s in seed.sections] == [s.key for s in forms.SECTIONS]


def test_seed_tables_three_and_four_complete_all_zero(seed):
    for table, count in (("requests", 175), ("appeals", 15)):
        cells = forms.table_form(table).cells
        assert len(cells) == count
        assert {seed.tables.get(c.path) for c in cells} == {0}, table


def test_seed_table_two_zero_and_blank_in_force_is_null_with_v3(seed):
    """The seed prints 规章 0 0 and 行政规范性文件 0 0 with 现行有效件数 left blank."""
    blank = {"active.regulations.in_force", "active.normative_documents.in_force"}
    for cell in forms.table_form("active").cells:
        expected = None if cell.path in blank else 0
        assert seed.tables.get(cell.path) == expected, cell.path
    assert seed.imported is not None
    assert set(seed.imported.missing_cells) == blank
    v3 = [f for f in seed.imported.findings if f.rule == "V3"]
    assert {p for f in v3 for p in f.location.cells} == blank
    assert [f.location.line for f in v3] == [21, 22]


def test_seed_blanks_read_as_zero_when_the_clerk_says_so(seed):
    """format-2021.md V3: blanks are imported as 0 "only if configured to" — then every
    cell of the seed is 0 and the two blanks are still noted, with their lines."""
    zeroed = import_file(SEED, blank_as_zero=True).project
    for table in ("active", "requests", "appeals"):
        for cell in forms.table_form(table).cells:
            assert zeroed.tables.get(cell.path) == 0, cell.path
    assert zeroed.imported is not None and zeroed.imported.missing_cells == []
    v3 = [f for f in zeroed.imported.findings if f.rule == "V3"]
    assert [f.location.line for f in v3] == [21, 22]
    assert all("已按 0 导入" in f.message for f in v3)
    # Only blanks: the same import otherwise, sections included.
    assert zeroed.sections == seed.sections


def test_seed_sections_text_as_written_and_duplicate_six_kept(seed):
    """Each section keeps the file's words line for line (cleaned: importers.cleaning)."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    problems = seed.text("problems")
    assert condense(problems.split("\n")[0]) == condense(lines[75])
    assert condense(problems.split("\n")[-1]) == condense(lines[78])
    other = seed.text("other")
    # Both 六、 sections, in order.
    assert condense(other.split("\n")[0]) == condense(lines[81])
    assert other.endswith("未收取信息处理费。")
    assert "四是强化舆论宣传。通过宣传栏" in other and "六、其他需要报告的事项" not in other
    assert seed.text("requests") == "" and seed.text("active") == ""
    overview = seed.text("overview")
    # 一、2021年工作开展情况 under 一、总体情况 is a sub-heading: demoted, as are those under it.
    assert overview.startswith("（一）2021年工作开展情况\n") and "\n1.建立健全政务" in overview
    assert condense(lines[14]) in condense(overview)


def test_seed_headings_all_recorded_with_lines():
    source = import_file(SEED).source
    hits = [(h.text, h.key, h.line) for h in source.headings]
    assert hits == [
        ("一、总体情况", "overview", 3),
        ("一、2021年工作开展情况", None, 5),
        ("二、主动公开政府信息情况", "active", 17),
        ("三、收到和处理政府信息公开申请情况", "requests", 34),
        ("四、政府信息公开行政复议、行政诉讼情况", "appeals", 67),
        ("五、存在的主要问题及改进情况", "problems", 74),
        ("六、其他需要报告的事项", "other", 80),
        ("六、其他需要报告的事项", "other", 91),
    ]
    assert source.heading_line("other") == 80
    # Every line of a section's text maps to the file line it came from (cleaned).
    text = SEED.read_text(encoding="utf-8").split("\n")
    project = import_file(SEED).project
    for key, numbers in source.section_lines.items():
        section_text = project.text(key)
        assert len(numbers) == (section_text.count("\n") + 1 if section_text else 0), key
        for line, number in zip(section_text.split("\n"), numbers, strict=False):
            assert condense(line) in condense(text[number - 1]), (key, number)


# --------------------------------------------------------------------------- full/


def truth_cells(name: str) -> dict[str, object]:
    """Truth cells by path; absent rows and tables (null in truth) are left out."""
    entry = TRUTH[name]
    cells: dict[str, object] = {}
    absent = set(entry.get("absent_rows", []))
    for cell in forms.all_cells(entry["format"]):
        table = entry["tables"].get(cell.table)
        if table is None or cell.row in absent:
            continue
        value: object = table.get(cell.row)
        if cell.table != "active" or cell.column:
            value = value.get(cell.column) if isinstance(value, dict) else None
        if cell.path == "active.fees_wan_yuan" and value is not None:
            value = Decimal(str(value))
        cells[cell.path] = value
    return cells


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_full_report_cells_equal_truth_or_null_with_i2(name):
    imported = import_file(FULL / name).project
    entry = TRUTH[name]
    assert imported.format == entry["format"]
    assert imported.year == entry["year"]
    # Truth names the agency in full; the report may call itself by a shorter name (洪泽区
    # 人民政府) or as OCR read it (沐阳, noted in the truth's own parenthesis).
    base = re.sub(r"（.*?）", "", entry["agency"])
    assert base.endswith(imported.agency) or imported.agency in entry["agency"]
    assert imported.imported is not None
    flagged = {p for f in imported.imported.findings if f.rule == "I2" for p in f.location.cells}
    wrong, unflagged = [], []
    for path, expected in truth_cells(name).items():
        got = imported.tables.get(path)
        if got == expected:
            continue
        if got is None and path in flagged:
            continue
        (unflagged if got is None else wrong).append((path, got, expected))
    assert wrong == [], "wrong numbers"
    assert unflagged == [], "null without an I2 finding"
    for path in entry.get("absent_rows", []):
        row = imported.tables.requests[path]
        assert all(v is None for v in row.model_dump().values())


def test_full_reports_recover_nearly_everything():
    """Only glued digits with several valid splits may stay null (here: table 二 rows)."""
    for name in TRUTH:
        imported = import_file(FULL / name).project
        assert imported.imported is not None
        truth = truth_cells(name)
        known = [p for p, v in truth.items() if v is not None]
        recovered = [p for p in known if imported.tables.get(p) is not None]
        assert len(recovered) >= len(known) - 3, name
