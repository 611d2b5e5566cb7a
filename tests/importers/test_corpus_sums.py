"""The sum rules on the corpus: the source's own errors, and nothing else (issue 10).

Checked by hand against the files and ``full/truth.json``:

- 2023 洪泽区 (PDF): table 四's 行政复议 prints 维持 10, 纠正 1 and 总计 0; 复议后起诉
  维持 5 and 总计 0 — wrong in the published report itself (truth.json notes): two R4.
- 2019 上海市人民政府办公厅 (HTML page and its text copy): every 总计 of rows （一）–（六）
  is printed blank. Blank is unknown, not 0, so no R2/R3 (there were 12 R3 and 1 R2
  before): each blank is a V3 at its row. Its applicant columns do add up (truth.json).
- No other corpus file has a sum error (their tables are consistent or partly unread).
"""

from __future__ import annotations

import pytest

from drafter.checking import check_file
from tests.factories import CORPUS

SUMS = {"R1", "R2", "R3", "R4", "C4"}
FILES = sorted(
    p
    for folder in ("reports", "full", "seed")
    for p in (CORPUS / folder).iterdir()
    if p.suffix in (".txt", ".html", ".pdf") and p.name != "README.md"
)
TRUE_SUM_ERRORS = {
    "2023_hongze_qzf_1.pdf": [
        (
            "R4",
            114,
            "appeals.review.total",
            "表四「行政复议」：总计为 0，但 结果维持 10 + 结果纠正 1",
        ),
        ("R4", 114, "appeals.litigation_after_review.total", "表四「复议后起诉」：总计为 0"),
    ]
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sum_errors_are_the_sources_own(path):
    found = [f for f in check_file(path).findings if f.rule in SUMS]
    expected = TRUE_SUM_ERRORS.get(path.name, [])
    assert [(f.rule, f.location.line, f.location.cell) for f in found] == [
        (rule, line, cell) for rule, line, cell, _ in expected
    ]
    for finding, (*_, text) in zip(found, expected, strict=True):
        assert finding.severity == "error" and text in finding.message
        assert finding.excerpt  # the quoted row of figures


@pytest.mark.parametrize(
    "name", ["reports/2019_shanghai_szfbgt_1.txt", "full/2019_shanghai_szfbgt_1.html"]
)
def test_blank_totals_of_the_2019_shanghai_table_are_v3_at_their_rows(name):
    result = check_file(CORPUS / name)
    v3 = {
        f.location.line
        for f in result.findings
        if f.rule == "V3" and any(c.endswith(".total") for c in f.location.cells)
    }
    granted = next(
        f
        for f in result.findings
        if f.rule == "V3" and "requests.granted.total" in f.location.cells
    )
    assert "（一）予以公开" in (granted.excerpt or "") and "已记为空" in granted.message
    assert len(v3) >= 11  # 予以公开 … 其他处理: each row with its blank 总计, at its line
