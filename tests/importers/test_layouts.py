"""Table layouts of published reports: read by their structure or left unread, never guessed.

The files in ``fixtures/layouts`` are written for these tests in the form published
reports take (see its README); the tests check them as ``drafter check`` does.
"""

from __future__ import annotations

from drafter import forms
from drafter.checking import check_file
from drafter.importers import import_file, import_text
from drafter.model import Finding, Project
from tests.factories import FIXTURES

LAYOUTS = FIXTURES / "layouts"
SUMS = {"R1", "R2", "R3", "R4", "C4"}
HEAD = "示例县文化和旅游局2024年政府信息公开工作年度报告\n\n一、总体情况\n内容。\n"


def row(project: Project, key: str) -> list[object]:
    return [project.tables.get(f"requests.{key}.{c}") for c, _ in forms.REQUEST_COLUMNS]


def notes(project: Project, cell: str) -> list[Finding]:
    assert project.imported is not None
    return [f for f in project.imported.findings if cell in f.location.cells]


def test_merged_blank_cells_are_blanks_in_place_and_a_two_cell_row_is_not_shifted():
    path = LAYOUTS / "short_rows.html"
    result = check_file(path)
    assert [f for f in result.findings if f.severity == "error"] == []
    found = import_file(path)
    project = found.project
    lines = found.source.text.split("\n")
    # 3 | <td colspan=5> | 3: the merged cell is five blanks, the second 3 is the 总计.
    assert row(project, "new") == [3, None, None, None, None, None, 3]
    assert row(project, "total") == [3, None, None, None, None, None, 3]
    [v3] = notes(project, "requests.new.business")
    assert v3.rule == "V3" and "一、本年新收政府信息公开申请数量" in lines[v3.location.line - 1]
    # 2 | 2 in a row of seven columns: 自然人 and 总计, or two of the parts? Unread.
    assert row(project, "granted") == [None] * 7
    [i1] = notes(project, "requests.granted.natural_person")
    assert i1.rule == "I1" and "（一）予以公开" in lines[i1.location.line - 1]
    assert "只有 2 栏（2 2）" in i1.message and "未读出" in i1.message
    appeals = project.tables.appeals.litigation_direct
    assert (appeals.upheld, appeals.corrected, appeals.total) == (1, None, 1)


def test_sentences_in_table_sections_stay_text_and_decide_nothing():
    path = LAYOUTS / "prose_in_tables.txt"
    result = check_file(path)
    assert result.findings == []
    project = import_file(path).project
    assert project.format == "2021"  # 采购总金额 in a sentence is not table 二's header
    assert project.imported is not None and project.imported.missing_cells == []
    assert row(project, "granted") == [2, 0, 0, 0, 0, 0, 2]
    assert row(project, "carried_in") == [0] * 7 and row(project, "carried_out") == [0] * 7
    text = project.text("requests")
    assert "予以公开2件" in text and "部分公开2件……" in text  # (cleaning makes , into ，)
    assert "上年度结转政府信息公开申请0件" in text and "结转下年度继续办理0件" in text
    assert "采购总金额126.5万元" in project.text("active")
    assert project.text("appeals").startswith("本年度未发生")


def test_header_total_is_not_row_seven():
    """A header ending in 总计 right before figures whose label is missing (a PDF that
    lost it) is not （七）总计: the row stays unfound, the real （七）总计 is read."""
    body = (
        "三、收到和处理政府信息公开申请情况\n"
        + forms.REQUESTS_CAPTION
        + "\n申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
        "5 0 0 0 0 0 5\n"
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
        "（七）总计 5 0 0 0 0 0 5\n"
    )
    project = import_text(HEAD + body).project
    assert row(project, "new") == [None] * 7
    assert row(project, "total") == [5, 0, 0, 0, 0, 0, 5]
    assert [f.rule for f in notes(project, "requests.new.total")] == ["I1"]


def test_a_row_left_out_is_noted_where_it_should_be():
    body = (
        "三、收到和处理政府信息公开申请情况\n" + forms.REQUESTS_CAPTION + "\n申请人情况\n"
        "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"
        "三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
        "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n"
    )
    project = import_text(HEAD + body).project
    [missing] = notes(project, "requests.carried_in.total")
    assert missing.rule == "I1" and missing.location.line == 8  # after 一、本年新收
    assert "没有找到" in missing.message
    # Printed without figures: the row is there, its cells blank.
    [blank] = notes(project, "requests.partial.total")
    assert blank.rule == "V3" and blank.location.line == 10
    check = [f for f in check_file_text(HEAD + body) if f.rule in SUMS]
    assert check == []


def check_file_text(text: str) -> list[Finding]:
    from drafter.checking import check_project

    found = import_text(text)
    return check_project(found.project, source=found.source)
