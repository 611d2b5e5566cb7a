"""Sections by their headings: variants, numbering noise, duplicates, missing sections.

Also the title, agency and year, and page furniture inside the text.
"""

from __future__ import annotations

import pytest

from drafter import forms, headings
from drafter.importers import import_text

TITLE = "云溪县交通运输局2024年政府信息公开工作年度报告"
PREAMBLE = (
    "本报告根据《中华人民共和国政府信息公开条例》编制。统计期限自2024年1月1日起至2024年12月31日止。"
)


def report(*parts: str, title: str = TITLE) -> str:
    return "\n".join([title, "", PREAMBLE, "", *parts, ""])


def keys(text: str, name: str = "r.txt") -> list[str]:
    return [s.key for s in import_text(text, name).project.sections]


def test_official_headings_give_six_sections_and_exact_text():
    text = report(
        "一、总体情况",
        "（一）主动公开",
        "全年主动公开信息12条。",
        "",
        "（二）依申请公开",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "一是解读不够。",
        "六、其他需要报告的事项",
        "无。",
    )
    project = import_text(text).project
    assert [s.key for s in project.sections] == [
        "preamble",
        "overview",
        "active",
        "requests",
        "appeals",
        "problems",
        "other",
    ]
    assert project.text("preamble") == PREAMBLE
    assert project.text("overview") == "（一）主动公开\n全年主动公开信息12条。\n\n（二）依申请公开"
    assert project.text("problems") == "一是解读不够。"
    assert project.section("overview").heading == "一、总体情况"
    assert (project.agency, project.year, project.title) == ("云溪县交通运输局", 2024, TITLE)


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况", "appeals"),
        ("四、政府信息公开行政复议和行政诉讼情况", "appeals"),
        ("五、政府信息公开工作存在的主要问题及改进情况", "problems"),
        ("五、存在的主要问题和改进措施", "problems"),
        ("三、依申请公开政府信息情况", "requests"),
        ("六、其他需要汇报事项", "other"),
        ("六、其他应报告的事项", "other"),
        ("一、概 述", "overview"),
        ("## 一、总体情况", "overview"),
        ("- 六、其他需要报告的事项", "other"),
        ("**五、存在的主要问题及改进情况**", "problems"),
        ("一、总体情况。", "overview"),
        ("一.总体情况", "overview"),
        ("总体情况", "overview"),  # numeral dropped
        ("一、主动公开政府信息情况", "active"),  # renumbered: the words decide
    ],
)
def test_heading_variants_open_their_section(heading, key):
    source = import_text(report(heading, "内容。")).source
    assert [(h.key, h.line) for h in source.headings] == [(key, 5)]


@pytest.mark.parametrize(
    "line",
    [
        "（一）主动公开政府信息情况",  # a sub-heading of 一、
        "1.主动公开政府信息情况",
        "一、本年新收政府信息公开申请数量",  # a row of table 三
        "三、本年度办理结果",
        "一、加强组织领导，完善工作机制，确保各项任务落实到位。",  # a sentence
        "本报告包括总体情况、主动公开政府信息情况等六个部分。",
    ],
)
def test_lines_that_are_not_section_headings(line):
    source = import_text(report("一、总体情况", line, "内容。")).source
    assert [h.key for h in source.headings] == ["overview"]


def test_numbering_noise_and_unknown_numbered_lines_are_recorded():
    """The seed's 一、总体情况 then 一、2021年工作开展情况: one section, two hits."""
    text = report(
        "一、总体情况",
        "一、2024年工作开展情况",
        "全年公开12条。",
        "五、存在的主要问题及改进情况",
        "无。",
    )
    imported = import_text(text)
    hits = [(h.text, h.key) for h in imported.source.headings]
    assert hits == [
        ("一、总体情况", "overview"),
        ("一、2024年工作开展情况", None),
        ("五、存在的主要问题及改进情况", "problems"),
    ]
    # In the text the sub-heading is demoted (importers.cleaning); N1 judges the file.
    assert imported.project.text("overview") == "（一）2024年工作开展情况\n全年公开12条。"


def test_sub_heading_inside_a_section_with_wrong_numeral_stays_text():
    text = report(
        "五、存在的主要问题及改进情况", "一、存在的问题", "解读不够。", "二、改进措施", "加强解读。"
    )
    imported = import_text(text)
    assert (
        imported.project.text("problems")
        == "（一）存在的问题\n解读不够。\n（二）改进措施\n加强解读。"
    )
    assert [h.key for h in imported.source.headings] == ["problems", None, None]


def test_duplicate_heading_keeps_both_texts_in_order_and_both_hits():
    text = report(
        "六、其他需要报告的事项", "第一段。", "", "六、其他需要报告的事项", "", "第二段。"
    )
    imported = import_text(text)
    assert imported.project.text("other") == "第一段。\n\n第二段。"
    assert [(h.key, h.line) for h in imported.source.headings] == [("other", 5), ("other", 8)]
    assert imported.source.section_lines["other"] == [6, 10, 10]


def test_missing_sections_are_left_out_not_invented():
    assert keys(report("一、总体情况", "甲。", "五、存在的主要问题及改进情况", "乙。")) == [
        "preamble",
        "overview",
        "problems",
    ]


def test_crawler_text_on_one_line_is_split_at_its_headings():
    body = (
        "本报告根据条例编制。一、总体情况 2024年，我局公开信息12条。二、主动公开政府信息情况"
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
        "五、存在的主要问题及改进情况解读不够深入，形式还要更加多样。六、其他需要报告的事项无。"
    )
    imported = import_text(f"标题: {TITLE}\n{body}\n")
    project = imported.project
    assert [s.key for s in project.sections] == [
        "preamble",
        "overview",
        "active",
        "problems",
        "other",
    ]
    assert project.text("preamble") == "本报告根据条例编制。"
    assert project.text("overview") == "2024年，我局公开信息12条。"
    assert project.text("problems") == "解读不够深入，形式还要更加多样。"
    assert project.text("other") == "无。"
    assert project.tables.get("active.regulations.in_force") == 0
    assert {h.line for h in imported.source.headings} == {2}


def test_a_list_of_section_names_is_not_split():
    line = (
        "本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。"
    )
    project = import_text(report(line, "一、总体情况", "内容。")).project
    assert project.text("preamble").endswith(line)


# --------------------------------------------------------------------------- title, agency, year


@pytest.mark.parametrize(
    ("lines", "agency", "year"),
    [
        (["2019年上海市人民政府办公厅政府信息公开工作年度报告"], "上海市人民政府办公厅", 2019),
        (["淮安市人民政府", "2024 年政府信息公开工作年度报告"], "淮安市人民政府", 2024),
        (["标题: 平潭综合实验区2024年度政府信息公开工作年度报告"], "平潭综合实验区", 2024),
        (["# 沐阳县人民政府 2025 年 政府信息公开工作年度报告"], "沐阳县人民政府", 2025),
        (["长安区人民政府办公室2022年度政府信息公开年报"], "长安区人民政府办公室", 2022),
        (["2022年上海市政府信息公开工作年度报告"], "上海市政府", 2022),
        (["某某镇人民政府二〇二三年政府信息公开工作年度报告"], "某某镇人民政府", 2023),
    ],
)
def test_title_agency_and_year(lines, agency, year):
    project = import_text("\n".join([*lines, "", "一、总体情况", "内容。"])).project
    assert (project.agency, project.year) == (agency, year)
    assert project.text("preamble") == ""


def test_no_title_year_from_period_agency_from_signature():
    text = "\n".join(
        [
            "本报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。",
            "一、总体情况",
            "内容。",
            "六、其他需要报告的事项",
            "无。",
            "",
            "云溪县交通运输局",
            "2024年1月20日",
        ]
    )
    project = import_text(text).project
    assert (project.agency, project.year, project.title) == ("云溪县交通运输局", 2023, "")


def test_no_title_no_period_findings_and_flags_override():
    text = "一、总体情况\n全年公开信息。\n"
    project = import_text(text).project
    assert project.agency == "" and project.year is None
    assert project.imported is not None
    [said] = [f for f in project.imported.findings if f.rule == "A3"]
    assert "机关名称" in said.message and "年度" in said.message  # said once, both
    assert said.location.line == 1 and "--" not in said.message  # located, no option names
    given = import_text(text, agency="云溪县交通运输局", year=2024).project
    assert (given.agency, given.year) == ("云溪县交通运输局", 2024)
    assert given.imported is not None
    assert not any(f.rule == "A3" for f in given.imported.findings)


def test_flags_override_what_the_title_says():
    project = import_text(report("一、总体情况", "内容。"), agency="某局", year=2020).project
    assert (project.agency, project.year, project.title) == ("某局", 2020, TITLE)


# --------------------------------------------------------------------------- page furniture


def test_page_numbers_and_running_headers_leave_text_and_tables():
    text = report(
        "一、总体情况",
        "第一段。",
        "- 2 -",
        "第二段。",
        "3/29\t\t云溪县交通运输局2024年政府信息公开工作中度报告",
        "第 4 页 共 9 页",
        "第三段。",
    )
    imported = import_text(text)
    assert imported.project.text("overview") == "第一段。\n第二段。\n第三段。"
    assert imported.source.section_lines["overview"] == [6, 8, 11]


@pytest.mark.parametrize(
    ("key", "wording"), [(key, w) for key, ws in headings.WORDINGS.items() for w in ws]
)
def test_every_known_wording_opens_its_section_and_n1_says_how_it_is_worded(key, wording):
    """One list of wordings: what the importer recognises is what N1 judges."""
    heading = f"{forms.SECTION_BY_KEY[key].numeral}、{wording}"
    source = import_text(report(heading, "内容。")).source
    assert [h.key for h in source.headings] == [key]
    if wording == headings.OFFICIAL[key]:
        status = "official"
    elif wording in headings.VARIANTS.get(key, ()):
        status = "variant"
    else:
        status = "renamed"
    assert headings.classify(heading) == headings.HeadingClass(key, status)
