"""Itemised lists whose parts do not add up to the whole they are part of (rule S1)."""

from __future__ import annotations

import pytest

from drafter.model import Report
from drafter.narrative.itemised import mismatched_lists
from drafter.rules import check_report


def sums(text: str) -> list[tuple[str, str, bool]]:
    return [(str(i.whole.value), str(i.total), i.exhaustive) for i in mismatched_lists(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # issue 10: more parts than the whole
            "全年主动公开信息230条，其中政策文件3条、图解解读8条、工作动态64条、通知公告155条、其他4条。",
            [("230", "234", False)],
        ),
        (
            "全年收到申请12件，分别为予以公开2件、部分公开8件、无法提供1件。",
            [("12", "11", True)],
        ),
        ("公开信息包括政策文件3条、图解8条，共计12条。", [("12", "11", True)]),
        (  # the whole before a change figure
            "全年主动公开信息1268条，较上年增加222条，其中行政许可976条、行政处罚318条。",
            [("1268", "1294", False)],
        ),
    ],
)
def test_lists_that_do_not_add_up(text, expected):
    assert sums(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # 其中 lists need not be exhaustive
        "主动公开信息103条，其中工作动态48条、通知公告13条、政策文件14条等。",
        # a breakdown of a part, in parentheses
        "公开信息100条，其中政策文件30条（含规范性文件80条）、工作动态60条。",
        # approximate parts
        "公开信息100条，其中政策文件30余条、工作动态80条。",
        # percentages between the parts (2023_pingtan_gwh_1.txt), then another topic
        "办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；"
        "无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%；"
        "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。",
        # a second whole with its own list (full/2024_huaian_szf_1.pdf)
        "行政复议 351件，其中结果维持 72件，结果纠正 64件，其他结果 178件，尚未审结 37件；"
        "行政诉讼 46件，其中结果维持 25件，结果纠正 5件，其他结果 9件，尚未审结 7件。",
        # 除…外 is no part (2025_hongshan_hpjd_1.txt)
        "新收到及上年度结转的依申请公开22件,其中上年度结转1件,区级转办9件,居民个人提交12件,"
        "除结转1件下年度继续办理外,其他均按期办理。",
        # a 其中 further on is about something else
        "收到申请10件，全部按期答复，其中予以公开6件、部分公开8件。",
        # parts adding up
        "全年收到申请12件，分别为予以公开2件、部分公开8件、无法提供2件。",
    ],
)
def test_lists_left_alone(text):
    assert sums(text) == []


def test_s1_is_a_warning_at_its_sentence():
    report = Report.empty("云溪县交通运输局", 2025)
    report.set_text(
        "overview",
        "（一）主动公开\n全年主动公开信息230条，其中政策文件3条、工作动态64条、通知公告167条。",
    )
    [s1] = [f for f in check_report(report) if f.rule == "S1"]
    assert s1.severity == "warning"
    assert "3 + 64 + 167 = 234条" in s1.message and "230条" in s1.message
    assert s1.excerpt is not None and s1.excerpt.startswith("全年主动公开信息230条")
