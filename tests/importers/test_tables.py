"""Table text in the shapes published files give it, matched to rows by label."""

from __future__ import annotations

import random

import pytest

from drafter import forms
from drafter.importers import import_text
from drafter.model import Project
from tests import writers
from tests.factories import random_report

HEAD = "示例县文化和旅游局2024年政府信息公开工作年度报告\n\n一、总体情况\n内容。\n"
T3_HEAD = f"三、收到和处理政府信息公开申请情况\n{forms.REQUESTS_CAPTION}\n"


def imported(body: str, name: str = "r.txt") -> Project:
    return import_text(HEAD + body, name).project


def findings(project: Project, rule: str) -> list[str]:
    assert project.imported is not None
    return [p for f in project.imported.findings if f.rule == rule for p in f.location.cells]


def request_row(project: Project, key: str) -> list[int | None]:
    return [project.tables.get(f"requests.{key}.{c}") for c, _ in forms.REQUEST_COLUMNS]


def test_pdf_layout_labels_split_over_lines_and_group_labels_split_across_cells():
    body = T3_HEAD + "\n".join(
        [
            "申请人情况",
            "自然人",
            "法人或其他组织",
            "总计 商 业 企",
            "业",
            "一、本年新收政府信息公开申请数量 12 1 0 0 0 0 13",
            "三、",
            "本",
            "年",
            "度",
            "（四）无",
            "1.本机关不掌握相关政府信息 4 0 0 0 0 0 4",
            "法提供 2.没有现成信息需要另行制作 2 0 0 0 0 0 2",
            "5.要求行政机关确认或重新出",
            "具已获取信息",
            "1 0 0 0 0 0 1",
            "- 7 -",
            "（六）其",
            "他处理",
            "1、申请人无正当理由逾期不补",
            "正、行政机关不再处理其政府信",
            "息公开申请",
            "3 0 0 0 1 0 4",
        ]
    )
    project = imported(body)
    assert request_row(project, "new") == [12, 1, 0, 0, 0, 0, 13]
    assert request_row(project, "unavailable_1") == [4, 0, 0, 0, 0, 0, 4]
    assert request_row(project, "unavailable_2") == [2, 0, 0, 0, 0, 0, 2]
    assert request_row(project, "not_processed_5") == [1, 0, 0, 0, 0, 0, 1]
    assert request_row(project, "other_1") == [3, 0, 0, 0, 1, 0, 4]


def test_ocr_noise_in_labels_and_full_width_digits():
    body = (
        "二、主动公开政府信息情况\n第二十条第（六）项\n信息内容\t本年处理决定数量\n"
        "行政处罚\tT政处罚 １２\n行政强制\t３\n"
    )
    project = imported(body)
    assert project.tables.get("active.penalty") == 12
    assert project.tables.get("active.enforcement") == 3


def test_one_cell_per_line_with_repeated_header_after_a_page_break():
    rows = ["申请人情况", "自然人", "总计", "一、本年新收政府信息公开申请数量", *"5000005"]
    rows += ["二、上年结转政府信息公开申请数量", *"0000000"]
    rows += ["申请人情况", "自然人", "商业企业", "科研机构", "总计"]  # header repeated on page 2
    rows += ["（一）予以公开", *"3000003"]
    project = imported(T3_HEAD + "\n".join(rows))
    assert request_row(project, "new") == [5, 0, 0, 0, 0, 0, 5]
    assert request_row(project, "carried_in") == [0] * 7
    assert request_row(project, "granted") == [3, 0, 0, 0, 0, 0, 3]


def test_bar_separated_rows_keep_blank_cells_in_place():
    body = T3_HEAD + (
        "申请人情况 | 自然人 | 商业企业\n"
        "一、本年新收政府信息公开申请数量 | 821 | 35 |  |  | 2 | 1 | 859\n"
        "三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 |  | 3 |  |  |  |  | 3\n"
    )
    project = imported(body)
    assert request_row(project, "new") == [821, 35, None, None, 2, 1, 859]
    assert request_row(project, "withheld_2") == [None, 3, None, None, None, None, 3]
    assert set(findings(project, "V3")) >= {
        "requests.new.research",
        "requests.withheld_2.natural_person",
    }


@pytest.mark.parametrize("mark", ["—", "/", "无", "-"])
def test_blank_marks_are_null_with_v3(mark):
    body = T3_HEAD + f"申请人情况\n二、上年结转政府信息公开申请数量\t0\t{mark}\t0\t0\t0\t0\t0\n"
    project = imported(body)
    assert request_row(project, "carried_in") == [0, None, 0, 0, 0, 0, 0]
    assert findings(project, "V3") == ["requests.carried_in.business"]


def test_markdown_pipe_table_with_wrong_header_is_read_by_row_label():
    body = T3_HEAD + (
        "| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713 |\n"
        "| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | 部分公开 | 不予公开 | 结转下年度 "
        "| 总计 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 四、结转下年度继续办理 | 31 | 0 | 0 | 0 | 0 | 0 | 31 |\n"
    )
    project = imported(body, "r.md")
    assert request_row(project, "new") == [705, 3, 0, 0, 5, 0, 713]
    assert request_row(project, "carried_out") == [31, 0, 0, 0, 0, 0, 31]
    assert project.text("requests") == ""


def test_figures_in_prose_are_not_cells():
    body = (
        "三、收到和处理政府信息公开申请情况\n本年度共收到政府信息公开申请5件，均已办结。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n2023,本局没有发生行政复议和行政诉讼。\n"
    )
    project = imported(body)
    assert all(v is None for c, v in project.tables.values("2021") if c.table != "active")
    assert project.text("requests") == "本年度共收到政府信息公开申请5件，均已办结。"


def test_table_four_blank_cells_and_header_corner():
    body = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n"
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
        " |  |  |  |  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 总计\n"
        "5 |  |  | 2 | 7 | 8 |  |  | 1 | 9 |  |  |  |  | \n"
    )
    project = imported(body)
    review = project.tables.appeals.review
    assert (review.upheld, review.corrected, review.pending, review.total) == (5, None, 2, 7)
    assert project.tables.appeals.litigation_direct.total == 9
    assert project.tables.appeals.litigation_after_review.upheld is None


def test_table_four_unreadable_is_i1_blank_is_v3_and_blank_as_zero_fills_only_blanks():
    body = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n"
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
        " |  |  |  |  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 总计\n"
        "5 | 1.5 |  | 2 | 7 | 8 | 0 | 0 | 1 | 9 | 0 | 0 | 0 | 0 | 0\n"
    )
    unreadable, blank = "appeals.review.corrected", "appeals.review.other"

    def noted(project: Project, rule: str) -> list[str]:  # 表二、三 are absent: I1 too
        return [c for c in findings(project, rule) if c.startswith("appeals.")]

    project = imported(body)
    assert noted(project, "I1") == [unreadable] and noted(project, "V3") == [blank]
    assert project.tables.get(unreadable) is None and project.tables.get(blank) is None
    zeroed = import_text(HEAD + body, "r.txt", blank_as_zero=True).project
    assert zeroed.tables.get(blank) == 0 and zeroed.tables.get(unreadable) is None
    assert noted(zeroed, "I1") == [unreadable] and noted(zeroed, "V3") == [blank]


# --------------------------------------------------------------------------- formats


def test_2019_format_detected_from_table_two_and_imported_into_2019_variant():
    report = random_report(random.Random(7), "2019", year=2020)
    project = import_text(writers.to_txt(report), "r.txt").project
    assert project.format == "2019"
    assert project.tables == report.tables
    assert request_row(project, "other_1") == request_row(report, "other_1")


def test_2019_format_detected_from_single_other_row_when_table_two_is_missing():
    body = (
        T3_HEAD
        + "申请人情况\n（六）其他处理\t1\t0\t0\t0\t0\t0\t1\n（七）总计\t1\t0\t0\t0\t0\t0\t1\n"
    )
    project = imported(body)
    assert project.year == 2024 and project.format == "2019"
    assert request_row(project, "other_1") == [1, 0, 0, 0, 0, 0, 1]


def test_2021_table_with_single_other_row_goes_to_other_1_with_i3():
    report = random_report(random.Random(3), "2021", year=2023)
    text = writers.to_txt(report)
    rows = forms.request_rows("2021")
    labels = [r.label for r in rows if r.key.startswith("other_")]
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if labels[0] in line)
    total = [report.tables.get(f"requests.other_1.{c}") for c, _ in forms.REQUEST_COLUMNS]
    single = "\t" + forms.OTHER + "\t" + "\t".join(str(v) for v in total)
    lines[start : start + 3] = [single]
    project = import_text("\n".join(lines), "r.txt").project
    assert project.format == "2021"
    assert request_row(project, "other_1") == total
    assert request_row(project, "other_2") == [None] * 7
    assert project.imported is not None
    notes = [f for f in project.imported.findings if f.rule == "I3"]
    assert len(notes) == 1 and "requests.other_3.total" in notes[0].location.cells


def test_free_form_report_before_2019_gets_i3():
    text = (
        "某县人民政府2017年政府信息公开工作年度报告\n一、概述\n内容。\n"
        "二、主动公开政府信息情况\n公开信息12条。\n三、政府信息公开的收费及减免情况\n未收费。\n"
    )
    project = import_text(text).project
    assert project.format == "2019" and project.year == 2017
    assert project.imported is not None
    assert [f.rule for f in project.imported.findings].count("I3") == 1


def test_fewer_figures_than_cells_with_spaces_only_are_not_placed():
    """PDF text drops empty cells: 821 35 2 1 859 cannot say which columns were blank
    (859 may be the 总计 or the 其他 of a row whose 总计 is blank): nothing is guessed."""
    body = T3_HEAD + "申请人情况\n一、本年新收政府信息公开申请数量 821 35 2 1 859\n"
    project = imported(body)
    assert request_row(project, "new") == [None] * 7
    assert project.imported is not None
    [note] = [f for f in project.imported.findings if "requests.new.total" in f.location.cells]
    assert note.rule == "I1" and "821 35 2 1 859" in note.message and note.location.line == 8
    assert "requests.new" not in note.message and "null" not in note.message


def test_a_row_short_of_one_cell_is_placed_by_its_total():
    """258 12 _ _ 1 1 and no seventh cell: the last 1 cannot be the 总计 of 272, so the
    row's figures are in their places and the 总计 is what the file leaves out."""
    body = T3_HEAD + "申请人情况\n三、本年度办理结果\t（一）予以公开\t258\t12\t\t\t1\t1\n"
    project = imported(body)
    assert request_row(project, "granted") == [258, 12, None, None, 1, 1, None]
    blank = [f for f in project.imported.findings if f.rule == "V3"]  # type: ignore[union-attr]
    assert [f.location.cells for f in blank] == [
        ["requests.granted.research", "requests.granted.public_interest", "requests.granted.total"]
    ]
    assert blank[0].location.line == 8


def test_fewer_figures_than_cells_with_tabs_keep_their_places():
    body = "二、主动公开政府信息情况\n第二十条第（一）项\n规章\t0\t0\t\t\t\n"
    project = imported(body)
    regulations = project.tables.active.regulations  # type: ignore[union-attr]
    assert (regulations.issued, regulations.repealed, regulations.in_force) == (0, 0, None)


def test_figures_in_column_order_are_not_read_as_rows():
    """A PDF that prints all labels first, then all figures: no row can be placed."""
    labels = [r.label for r in forms.request_rows("2021")[:4]]
    figures = " ".join(str(n) for n in range(1, 29))
    project = imported(T3_HEAD + "申请人情况\n" + "\n".join(labels) + "\n" + figures + "\n")
    assert all(v is None for c, v in project.tables.values("2021") if c.table == "requests")


def test_prose_about_appeals_is_not_table_four():
    sentence = "全年发生行政复议2件、行政诉讼1件，其中结果维持1件，尚未审结2件，总计3件。"
    assert all(v is None for _, v in imported(sentence + "\n").tables.values("2021"))
    body = (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        + sentence
        + "\n行政复议\t行政诉讼\n"
        + "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
        + "\t".join("1 0 0 0 1 0 0 0 0 0 0 0 0 0 0".split())
        + "\n"
    )
    appeals = imported(body).tables.appeals
    assert (appeals.review.upheld, appeals.review.total, appeals.litigation_direct.total) == (
        1,
        1,
        0,
    )


def test_thousands_separators_are_one_figure():
    body = "二、主动公开政府信息情况\n第二十条第（五）项\n本年处理决定数量\n行政许可 447,228\n"
    assert imported(body).tables.get("active.licensing") == 447228
