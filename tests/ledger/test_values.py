"""Dates, header names and wordings: each form offices type, and what is refused."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from drafter import forms
from drafter.ledger.columns import COLUMNS, find_header, header_role
from drafter.ledger.dates import DateProblem, parse_date
from drafter.ledger.reading import Sheet
from drafter.ledger.vocabulary import candidates
from tests.factories import ROOT

D = date(2023, 1, 5)


@pytest.mark.parametrize(
    "written",
    [
        "2023-1-5",
        "2023-01-05",
        "2023/01/05",
        "2023/1/5",
        "2023.1.5",
        "2023年1月5日",
        "2023年01月05日",
        "2023 年 1 月 5 日",
        "２０２３-１-５",
        "2023-1-5 10:30",
        "20230105",
        20230105,
        20230105.0,
        44931,
        44931.0,
        "44931",
        D,
        datetime(2023, 1, 5, 16, 45),
    ],
)
def test_every_date_form_reads_as_the_same_day(written):
    assert parse_date(written) == D


@pytest.mark.parametrize("written", ["", "  ", "—", "/", "无", "办理中", "未答复", "待办结", None])
def test_blank_or_not_yet_is_no_date(written):
    assert parse_date(written) is None


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("1月5日", "没有年份"),
        ("23.1.5", "不是可识别的日期"),
        ("2023-2-30", "不是存在的日期"),
        ("20231305", "不是存在的日期"),
        ("已答复", "不是日期"),
        (12.5, "不是日期"),
        (time(10, 30), "是时间"),
        (True, "不是日期"),
    ],
)
def test_unreadable_dates_are_refused_with_a_reason(written, says):
    with pytest.raises(DateProblem, match=says):
        parse_date(written)


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("收到日期", "received"),
        ("申请日期", "received"),
        ("收到申请日期（年月日）", "received"),
        ("答复日期", "finished"),
        ("办结时间", "finished"),
        ("答复期限", "deadline"),
        ("是否延期", "extended"),
        ("申请人（姓名或名称）", "applicant"),
        ("申请人 类型", "applicant_type"),
        ("答复类型", "result"),
        ("处理结果", "result"),
        ("案号", "case_no"),
        ("结案日期", "closed"),
        ("联系电话", None),
    ],
)
def test_header_names(header, role):
    assert header_role(header) == role


def test_the_header_row_is_found_under_title_rows_and_across_a_two_row_header():
    sheet = Sheet(
        "Sheet1",
        [
            ["某局2023年政府信息公开申请登记台账", "某局2023年政府信息公开申请登记台账", ""],
            ["序号", "收到申请", "收到申请", "答复", "答复"],
            ["序号", "日期", "方式", "日期", "答复类型"],
            [1, "2023-1-5", "网络", "2023-1-9", "予以公开"],
        ],
    )
    header = find_header(sheet)
    assert header is not None and header.row == 2
    assert header.columns == {"seq": 0, "received": 1, "channel": 2, "finished": 3, "result": 4}


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("同意公开", "granted"),
        ("公开", "granted"),
        ("部分公开", "partial"),
        ("不予公开-国家秘密", "withheld_1"),
        ("不予公开（保护第三方合法权益）", "withheld_4"),
        ("本机关不掌握", "unavailable_1"),
        ("信息不存在", "unavailable_1"),
        ("信访举报投诉类", "not_processed_1"),
        ("重复申请", "not_processed_2"),
        ("撤回", "other_3"),
        ("申请人撤回", "other_3"),
    ],
)
def test_result_variants_name_one_row(written, key):
    assert candidates("result", written) == (key,)


def test_every_official_result_label_names_its_own_row():
    for row in forms.request_rows("2021"):
        if row.outcome:
            assert candidates("result", row.full_label) == (row.key,)
            assert candidates("result", row.label) == (row.key,)


@pytest.mark.parametrize(
    ("field", "written", "keys"),
    [
        ("result", "不予公开", tuple(f"withheld_{i}" for i in range(1, 9))),
        ("result", "补正", ("unavailable_3", "other_1")),
        ("result", "办理完毕", ()),
        ("applicant_type", "律师", ("natural_person", "legal_services")),
        ("applicant_type", "法人或其他组织", forms.ORG_COLUMNS),
        ("appeal_kind", "行政诉讼", ("litigation_direct", "litigation_after_review")),
        ("appeal_result", "驳回", ("upheld", "other")),
    ],
)
def test_a_group_word_or_an_unknown_value_is_a_question(field, written, keys):
    assert candidates(field, written) == keys


def test_the_2019_format_takes_every_other_outcome_into_its_one_row():
    assert candidates("result", "申请人撤回", "2019") == ("other_1",)
    assert candidates("result", "逾期不补正", "2019") == ("other_1",)


def test_the_readme_lists_every_header_name():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## 从申请登记台账统计表三、表四") :]
    for label, names in COLUMNS.values():
        row = next(line for line in section.splitlines() if line.startswith(f"| {label} |"))
        assert all(name in row for name in names), label


def test_a_repeated_header_and_a_register_for_both_kinds_of_case():
    from drafter.ledger.reading import Workbook
    from drafter.ledger.rows import extract

    applications = Sheet(
        "台账",
        [
            ["序号", "收到日期", "申请人类型", "答复日期", "处理结果"],
            [1, "2023-1-5", "自然人", "2023-1-9", "予以公开"],
            ["序号", "收到日期", "申请人类型", "答复日期", "处理结果"],  # page two pasted below
            [2, "2023-2-5", "自然人", "2023-2-9", "予以公开"],
        ],
    )
    appeals = Sheet(
        "行政复议和行政诉讼",
        [["案号", "收到日期", "结果", "结案日期"], ["一号", "2023-3-1", "维持", "2023-5-1"]],
    )
    ledger = extract(Workbook("台账.xlsx", "xlsx", [applications, appeals]))
    assert [e.ref.row for e in ledger.applications] == [2, 4]
    assert [e.category for e in ledger.appeals] == [""]  # 类别 unknown: not guessed


def test_row_errors_name_the_row_and_rows_outside_the_year_only_warn():
    from drafter.ledger.counting import count
    from drafter.ledger.reading import Workbook
    from drafter.ledger.rows import extract

    sheet = Sheet(
        "台账",
        [
            ["序号", "收到日期", "申请人类型", "答复日期", "处理结果"],
            [1, "", "自然人", "2023-1-9x", "予以公开"],  # no received date, bad answer date
            [2, "2023-3-5", "自然人", "2023-3-1", "予以公开"],  # answered before received
            [3, "2031-3-5", "自然人", "", ""],  # in the future, so not in 2023: a warning
            [4, "2005-3-5", "自然人", "2005-3-9", "予以公开"],  # before the 条例: outside 2023
            [5, "1月5日", "自然人", "2023-3-1", "予以公开"],  # no year
            [6, "2023-3-5", "", "2023-3-9", "予以公开"],  # no applicant type
            [7, "2023-3-5", "自然人", "2023-3-9", ""],  # answered, no result
        ],
    )
    result = count(extract(Workbook("t.xlsx", "xlsx", [sheet])), 2023, today=date(2026, 1, 1))
    errors = [i.message for i in result.errors]
    assert errors[0].startswith("「台账」第 2 行：答复日期「2023-1-9x」不是可识别的日期")
    assert "；没有收到日期" in errors[0]
    assert (
        errors[1]
        == "「台账」第 3 行：办结日期 2023-03-01 早于收到日期 2023-03-05：请在台账中改正后再统计"
    )
    assert errors[2].startswith("「台账」第 6 行：收到日期「1月5日」没有年份")
    assert errors[3:] == [
        "「台账」第 7 行：没有申请人类型",
        "「台账」第 8 行：2023 年已办结，但没有处理结果",
    ]
    warnings = [i.message for i in result.issues if i.severity == "warning"]
    assert warnings == [
        "「台账」第 4 行：收到日期 2031-03-05 晚于今天（不影响 2023 年的统计，建议改正）",
        "「台账」第 5 行：收到日期 2005-03-05 早于《条例》施行（2008年5月1日）；"
        "办结日期 2005-03-09 早于《条例》施行（2008年5月1日）（不影响 2023 年的统计，建议改正）",
    ]


def test_the_readme_mapping_example_reads_as_it_says():
    from drafter.ledger.choices import parse_mapping

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("  ```\n  [处理结果]") + len("  ```\n")
    example = readme[start : readme.index("  ```", start)]
    assert parse_mapping(example) == {
        "result": {"补正": "other_1", "不予公开": "withheld_4"},
        "applicant_type": {"律师": "legal_services", "*": "natural_person"},
    }


def test_a_year_with_no_application_received_warns_instead_of_silent_zeros():
    from drafter.ledger.counting import count
    from drafter.ledger.reading import Workbook
    from drafter.ledger.rows import extract

    sheet = Sheet(
        "台账",
        [
            ["序号", "收到日期", "申请人类型", "答复日期", "处理结果"],
            [1, "2023-3-5", "自然人", "2023-3-9", "予以公开"],
            [2, "2023-12-20", "商业企业", "2024-1-9", "予以公开"],
        ],
    )
    ledger = extract(Workbook("t.xlsx", "xlsx", [sheet]))
    wrong_year = count(ledger, 2025, today=date(2026, 1, 1))
    assert [i.message for i in wrong_year.issues] == [
        "台账中没有 2025 年收到的申请（收到日期在 2023-03-05 至 2023-12-20 之间），"
        "本年新收将全部为 0：请确认报告年度和台账文件是否选对"
    ]
    assert wrong_year.complete  # a warning: the clerk may mean it (an office with no requests)
    # The year after: nothing new was received either, but one application was carried in.
    assert any("没有 2024 年收到的申请" in i.message for i in count(ledger, 2024).issues)
    assert count(ledger, 2023, today=date(2026, 1, 1)).issues == []
