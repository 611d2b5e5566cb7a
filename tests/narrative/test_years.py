"""Years, dates, placeholders: what is stale, what is legitimate, what is malformed."""

from __future__ import annotations

import pytest

from drafter.narrative import years


def stale(text: str, year: int = 2025) -> list[tuple[str, bool]]:
    return [
        (text[s.mention.start : s.mention.end], s.serious) for s in years.stale_years(text, year)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年，我局共收到政府信息公开申请20件。", [("2024年", True)]),
        ("2024年度我局进一步加强政务公开。", [("2024年", True)]),
        ("全年主动公开，2023年度共计发布信息100条。", [("2023年", True)]),
        ("我局于2024年11月开展了业务培训。", [("2024年", False)]),
        ("本年报由区政府办公室编制，是2024年度政府信息公开年度报告。", [("2024年", True)]),
        ("我局2024年印发了公开指南。", [("2024年", False)]),
    ],
)
def test_stale_years(text, expected):
    assert stale(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "主动公开信息1268条，较2024年增加222条。",
        "与2024年相比，申请数量有所下降。",
        "截至2024年12月31日，结转下年度继续办理2件。",
        "截至2024年底，现行有效行政规范性文件8件。",
        "上年结转的申请均为2024年12月收到。",
        "对照2024年度报告提出的问题，逐项整改。",
        "2024年报告中指出的问题已整改。",
        "按照《2024年政务公开工作要点》要求推进。",
        "2024年以来，我局持续推进政务公开。",
        "2021—2025年规划全部落实。",
        "2024年收到申请20件，2025年增长50%。",
        "2026年，我局将继续加强政务公开工作。",
        "《条例》于2008年5月1日起施行，2019年修订。",
        "现将2025年度政府信息公开工作报告如下。",
    ],
)
def test_legitimate_mentions_of_other_years(text):
    assert stale(text) == []


def test_chinese_years():
    assert stale("二〇二四年，我局继续推进。") == [("二〇二四年", True)]
    assert years.title_year("二〇二五年政府信息公开工作年度报告") == 2025


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("统计期限自20231月1日至202312月31日。", ["20231月", "202312月"]),
        ("截至202512月31日。", ["202512月"]),
        ("统计期限自202111日至20221231日。", ["202111日", "20221231日"]),
        ("于2025年2月30日印发。", ["2025年2月30日"]),
        ("国办公开办函〔202130号", ["〔202130号"]),
    ],
)
def test_malformed_dates(text, bad):
    assert [text[m.start : m.end] for m in years.malformed_dates(text)] == bad


@pytest.mark.parametrize(
    "text",
    [
        "自2025年1月1日起至2025年12月31日止。",
        "电话：0356-5221239，邮编：414000。",
        "国办公开办函〔2021〕30号",
        "2025年1-9月临时救助情况",
    ],
)
def test_well_formed_dates(text):
    assert years.malformed_dates(text) == []


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("XX县市场监督管理局", ["XX"]),
        ("××局", ["××"]),
        ("请与（单位名称）联系", ["（单位名称）"]),
        ("全年新收申请29件【待核实】", ["【待核实】"]),
        ("网址 http://xxgk.jcgov.gov.cn/ 查阅", []),
        ("XXL型号", []),
    ],
)
def test_placeholders(text, marks):
    assert [text[a:b] for a, b in years.placeholders(text)] == marks


def test_period_and_title_years():
    text = "本报告中所列数据统计期限自2024年1月1日起至2024年12月31日止。"
    assert [(a, b) for a, b, _, _ in years.period_years(text)] == [(2024, 2024)]
    assert years.title_year("云溪县市场监督管理局2025年政府信息公开工作年度报告") == 2025
    assert years.title_year("关于印发工作要点的通知") is None


@pytest.mark.parametrize(
    "text",
    ["国办公开办函〔2019〕60号", "国办公开办函[2019]60号", "（2019）60 号", "【2019】60号"],
)
def test_superseded_basis(text):
    assert years.SUPERSEDED_BASIS.search(text)


def test_current_basis_is_not_superseded():
    assert not years.SUPERSEDED_BASIS.search("国办公开办函〔2021〕30号")
