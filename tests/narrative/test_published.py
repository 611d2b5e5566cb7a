"""The checker on published reports: the errors their reviewers would find, and no others.

Sections are read with the test sectioniser (``tests.narrative.corpus``); the real
importer's turn is in ``test_imported.py``. Agency and year come from the manifest.
"""

from __future__ import annotations

import csv
import json

import pytest

from drafter import forms
from drafter.model import Project, Section
from drafter.rules import check_report
from tests.factories import CORPUS
from tests.narrative.corpus import REPORTS, SEED, read, split_sections

MANIFEST = list(
    csv.DictReader(
        (CORPUS / "manifest.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t"
    )
)


def corpus_report(row: dict[str, str]):
    text = read(row["file"])
    sections, source = split_sections(text, row["file"])
    report = Project(
        agency="" if "某" in row["agency"] else row["agency"],
        year=int(row["year"]),
        format=row["format"],
    )
    report.sections = [
        Section(key=k, heading="" if k == "preamble" else forms.SECTION_BY_KEY[k].heading, text=v)
        for k, v in sections.items()
    ]
    return report, source


# Errors in the text itself that the manifest records for these files (not the missing
# headings of pages cut short, nor the blank tables of partial captures).
EXPECTED_TEXT_ERRORS = {
    ("2021_anyue_dpz_1.txt", "N6"),  # 〔202130号, 自202111日至20221231日
    ("2021_yanjiang_qzfbgs_1.txt", "N6"),  # 〔202130号, 202111日至20211231日
    ("2022_gaoping_szfbgs_1.txt", "N8"),  # a 2022 report citing 〔2019〕60号
    ("2025_dongchang_jcz_1.txt", "N6"),  # 20251231日
    ("2025_lishui_qzfbgs_1.txt", "N6"),  # 编制的2024年度…年度报告 in the 2025 report
}


def test_corpus_text_errors_are_exactly_the_known_ones():
    found = set()
    for row in MANIFEST:
        report, source = corpus_report(row)
        for f in check_report(report, source=source):
            if f.severity == "error" and f.rule[0] not in "RV" and f.rule != "N1":
                found.add((row["file"], f.rule))
    assert found == EXPECTED_TEXT_ERRORS
    assert len(MANIFEST) == len(list(REPORTS.glob("*.txt")))


def test_stale_year_in_a_published_preamble_points_at_its_line():
    [row] = [r for r in MANIFEST if r["file"] == "2025_lishui_qzfbgs_1.txt"]
    report, source = corpus_report(row)
    [n6] = [f for f in check_report(report, source=source) if f.rule == "N6"]
    assert n6.location.line == 1 and "2024 年度的报告" in n6.message
    assert "编制的2024年度政府信息公开年度报告" in (n6.excerpt or "")


def test_narrative_against_the_hand_checked_tables_of_a_published_report():
    """上海市人民政府办公厅 2019: the manifest notes two prose figures the table contradicts."""
    truth = json.loads((CORPUS / "full" / "truth.json").read_text(encoding="utf-8"))
    entry = truth["2019_shanghai_szfbgt_1.html"]
    sections, source = split_sections(read("2019_shanghai_szfbgt_1.txt"))
    report = Project.model_validate(
        {
            "schema": "drafter.report/1",
            "agency": entry["agency"],
            "year": entry["year"],
            "format": entry["format"],
            "tables": entry["tables"],
            "sections": [
                {"key": k, "heading": "", "text": v} for k, v in sections.items() if k == "preamble"
            ]
            + [
                {"key": k, "heading": forms.SECTION_BY_KEY[k].heading, "text": v}
                for k, v in sections.items()
                if k != "preamble"
            ],
        }
    )
    c1 = [f for f in check_report(report, source=source) if f.rule == "C1"]
    assert [(f.location.cell, f.location.line) for f in c1] == [
        ("requests.granted.total", 14),
        ("requests.unavailable_1.total", 14),
    ]
    assert "258件" in c1[0].message and "为 275 件" in c1[0].message
    assert "265件" in c1[1].message and "为 337 件" in c1[1].message


def test_seed_headings_and_no_false_claim():
    text = SEED.read_text(encoding="utf-8")
    sections, source = split_sections(text, SEED.name)
    report = Project(agency="川汇区信访局", year=2021, title=text.splitlines()[0])
    report.sections = [
        Section(key=k, heading="" if k == "preamble" else forms.SECTION_BY_KEY[k].heading, text=v)
        for k, v in sections.items()
    ]
    for cell in forms.all_cells("2021"):
        report.tables.set(cell.path, 0)  # the seed's tables are all 0
    findings = check_report(report, source=source)
    n1 = [(f.severity, f.location.line, f.message) for f in findings if f.rule == "N1"]
    assert (
        "error",
        91,
        "一级标题「六、其他需要报告的事项」出现了 2 次（第 80、91 行）：请删除重复的标题",
    ) in n1
    assert any(s == "warning" and line == 5 and "一、2021年工作开展情况" in m for s, line, m in n1)
    assert [f for f in findings if f.rule == "C1"] == []
    assert [f for f in findings if f.severity == "error" and f.rule != "N1"] == []


@pytest.mark.parametrize("row", MANIFEST, ids=lambda r: r["file"])
def test_every_corpus_text_checks_with_lines(row):
    report, source = corpus_report(row)
    findings = check_report(report, source=source)
    for f in findings:
        if f.location.section in forms.SECTION_KEYS and f.excerpt and f.location.line:
            line = source.text.splitlines()[f.location.line - 1]
            assert f.excerpt[:6] in " ".join(line.split()) or f.rule == "N1", (
                f.rule,
                f.excerpt,
                line,
            )


def _with_truth(name: str) -> tuple[Project, object]:
    truth = json.loads((CORPUS / "full" / "truth.json").read_text(encoding="utf-8"))[name]
    text = (CORPUS / "full" / name).read_text(encoding="utf-8")
    sections, source = split_sections(text, name)
    data = {
        "schema": "drafter.report/1",
        "agency": truth["agency"],
        "year": truth["year"],
        "format": truth["format"],
        "tables": truth["tables"],
        "sections": [
            {
                "key": k,
                "heading": "" if k == "preamble" else forms.SECTION_BY_KEY[k].heading,
                "text": v,
            }
            for k, v in sections.items()
        ],
    }
    return Project.model_validate(data), source


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # truth.json notes: '现行有效行政规范性文件393件' vs table 470; the 依申请 figures match.
        ("2023_pingtan_gwh_1.txt", [("active.normative_documents.in_force", "393件", "470")]),
        ("2024_pingtan_gwh_1.txt", []),  # 办理218件, 制发62件 match
        # 受理749 = 新收 713 + 上年结转 36: 受理 may include the carried-over requests.
        ("2025_shuyang_xzf_1.txt", []),
    ],
)
def test_complete_published_reports_against_their_hand_checked_tables(name, expected):
    report, source = _with_truth(name)
    c1 = [f for f in check_report(report, source=source) if f.rule == "C1"]
    assert [f.location.cell for f in c1] == [cell for cell, _, _ in expected]
    for finding, (_, figure, table) in zip(c1, expected, strict=True):
        assert figure in finding.message and f"为 {table} 件" in finding.message
