"""The checker on published reports: the errors their reviewers would find, and no others.

Each file is read by the importer, as ``drafter check`` reads it; agency and year come
from the manifest (given as ``--agency``/``--year`` would give them).
"""

from __future__ import annotations

import csv
import unicodedata
from typing import Any

import pytest

from drafter.checking import check_file
from tests.factories import CORPUS
from tests.narrative.corpus import FULL, REPORTS, SEED, check, imported, with_truth

MANIFEST = list(
    csv.DictReader(
        (CORPUS / "manifest.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t"
    )
)


def options(row: dict[str, str]) -> dict[str, Any]:
    """The manifest's agency and year (an anonymised agency, 某…, is left to the file)."""
    return {"agency": None if "某" in row["agency"] else row["agency"], "year": int(row["year"])}


# Errors in the text itself that the manifest records for these files (not the missing
# headings of pages cut short, nor the blank tables of partial captures).
EXPECTED_TEXT_ERRORS = {
    ("2021_anyue_dpz_1.txt", "N6"),  # 〔202130号, 自202111日至20221231日
    ("2021_yanjiang_qzfbgs_1.txt", "N6"),  # 〔202130号, 202111日至20211231日
    ("2022_gaoping_szfbgs_1.txt", "N8"),  # a 2022 report citing 〔2019〕60号
    ("2025_dongchang_jcz_1.txt", "N6"),  # 20251231日
    ("2025_lishui_qzfbgs_1.txt", "N6"),  # 编制的2024年度…年度报告 in the 2025 report
    # The only page that carries its tables: the manifest notes two prose figures that
    # contradict them (258 予以公开和部分公开 vs 275, 265 无法提供 vs 337).
    ("2019_shanghai_szfbgt_1.txt", "C1"),
}


def test_corpus_text_errors_are_exactly_the_known_ones():
    found = set()
    for row in MANIFEST:
        result = check_file(REPORTS / row["file"], **options(row))
        assert result.unusable is None, (row["file"], result.unusable)
        for f in result.findings:
            if f.severity == "error" and f.rule[0] not in "RV" and f.rule != "N1":
                found.add((row["file"], f.rule))
    assert found == EXPECTED_TEXT_ERRORS
    assert len(MANIFEST) == len(list(REPORTS.glob("*.txt")))


def test_stale_year_in_a_published_preamble_points_at_its_line():
    [n6] = [f for f in check_file(REPORTS / "2025_lishui_qzfbgs_1.txt").findings if f.rule == "N6"]
    assert n6.location.line == 1 and "2024 年度的报告" in n6.message
    assert "编制的2024年度政府信息公开年度报告" in (n6.excerpt or "")


def test_narrative_against_the_tables_of_a_published_report():
    """上海市人民政府办公厅 2019: the prose figures against the tables the page carries."""
    c1 = [f for f in check_file(REPORTS / "2019_shanghai_szfbgt_1.txt").findings if f.rule == "C1"]
    assert [(f.location.cell, f.location.line) for f in c1] == [
        ("requests.granted.total", 14),
        ("requests.unavailable_1.total", 14),
    ]
    assert "258件" in c1[0].message and "为 275 件" in c1[0].message
    assert "265件" in c1[1].message and "为 337 件" in c1[1].message


TEXT_FILES = sorted(REPORTS.glob("*.txt")) + sorted(FULL.glob("*.txt")) + [SEED]


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_every_finding_quotes_the_line_it_points_at(path):
    result = check_file(path)
    assert result.unusable is None
    lines = path.read_text(encoding="utf-8").splitlines()
    for f in result.findings:
        if f.excerpt and f.location.line:
            line = lines[f.location.line - 1]
            assert _plain(f.excerpt)[:6] in _plain(line), (f.rule, f.excerpt, line)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # truth.json notes: '现行有效行政规范性文件393件' vs table 470; the 依申请 figures match.
        # (The page glues table 二's figures, 77132470, which the importer will not guess.)
        ("2023_pingtan_gwh_1.txt", [("active.normative_documents.in_force", "393件", "470")]),
        ("2024_pingtan_gwh_1.txt", []),  # 办理218件, 制发62件 match
        # 受理749 = 新收 713 + 上年结转 36: 受理 may include the carried-over requests.
        ("2025_shuyang_xzf_1.txt", []),
    ],
)
def test_complete_published_reports_against_their_hand_checked_tables(name, expected):
    found = imported(FULL / name)
    report = with_truth(found, name)
    c1 = [f for f in check(found, report) if f.rule == "C1"]
    assert [f.location.cell for f in c1] == [cell for cell, _, _ in expected]
    for finding, (_, figure, table) in zip(c1, expected, strict=True):
        assert figure in finding.message and f"为 {table} 件" in finding.message
