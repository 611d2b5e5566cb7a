"""Each narrative rule on the bundled example: quiet on the example, loud when broken."""

from __future__ import annotations

import pytest

from drafter.model import Report
from drafter.narrative.authorship import Identity
from drafter.rules import REGISTRY, check_report
from drafter.rules.identity_rules import INFERRED
from drafter.similarity import COPIED_SHARE, carried_over, sentence_keys
from drafter.source import HeadingHit, SourceText
from drafter.store import load_project
from drafter.tables import complete
from tests.factories import EXAMPLE_LAST_YEAR


def of(findings, rule):
    return [f for f in findings if f.rule == rule]


def edit(project, key, old, new):
    text = project.text(key)
    assert old in text, old
    project.set_text(key, text.replace(old, new, 1))


def test_bundled_examples_are_clean(project):
    assert check_report(project, project.last_year) == []
    last = load_project(EXAMPLE_LAST_YEAR).project
    assert check_report(last) == []


def test_every_rule_is_registered():
    ids = {r.id for r in REGISTRY}
    assert {"C1", "C2", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "A1", "A2", "A3"} <= ids


# --------------------------------------------------------------------------- C1, C2


def test_c1_changed_figure_in_the_prose(project):
    edit(project, "overview", "全年新收政府信息公开申请29件", "全年新收政府信息公开申请31件")
    [c1] = of(check_report(project), "C1")
    assert c1.severity == "error"
    assert c1.location.section == "overview" and c1.location.cell == "requests.new.total"
    assert "本年新收申请 31件" in c1.message
    assert "表三「一、本年新收政府信息公开申请数量」「总计」为 29 件" in c1.message
    assert c1.excerpt.startswith("修订依申请公开办理流程") is False
    assert "全年新收政府信息公开申请31件，上年结转2件" in c1.excerpt


def test_c1_changed_figure_in_the_table(project):
    project.tables.set("requests.withheld_4.natural_person", 0)
    project.tables.set("requests.granted.natural_person", 13)
    project = complete(project)
    [c1] = of(check_report(project), "C1")
    assert c1.location.cell == "requests.granted.total" and "予以公开 15件" in c1.message


def test_c1_sum_of_rows_and_nil_statement():
    report = Report.empty("示例县交通运输局", 2025)
    report.set_text("overview", "不予公开3件。全年未发生因政府信息公开工作被申请行政复议的情况。")
    for path, value in {"requests.withheld_1.total": 1, "requests.withheld_6.total": 1}.items():
        report.tables.set(path, value)
    for i in (2, 3, 4, 5, 7, 8):
        report.tables.set(f"requests.withheld_{i}.total", 0)
    report.tables.set("appeals.review.total", 2)
    findings = of(check_report(report), "C1")
    assert [f.location.cell for f in findings] == [
        "requests.withheld_1.total",
        "appeals.review.total",
    ]
    assert "表三「（三）不予公开」各项「总计」之和为 2 件" in findings[0].message
    assert len(findings[0].location.cells) == 8
    assert "（即 0）" in findings[1].message


def test_c2_fee_notices(project):
    project.tables.set("requests.other_1.natural_person", 0)
    project.tables.set("requests.other_2.natural_person", 1)
    project = complete(project)
    [c2] = of(check_report(project), "C2")
    assert c2.severity == "warning" and "写明未发出收费通知" in c2.message
    edit(
        project,
        "other",
        "本年度我局未发出信息处理费收费通知，未收取信息处理费。",
        "本年度发出收费通知1件，金额200元，申请人未缴费。",
    )
    assert of(check_report(project), "C2") == []


# --------------------------------------------------------------------------- N1


def test_n1_headings_from_the_model(project):
    project.section("problems").heading = "五、存在的主要问题和改进措施"
    project.section("appeals").heading = "四、政府信息公开行政复议和行政诉讼情况"
    project.section("other").heading = "五、其他需要报告的事项"
    findings = of(check_report(project), "N1")
    assert [(f.severity, f.location.section) for f in findings] == [
        ("warning", "appeals"),
        ("error", "problems"),
        ("warning", "other"),
    ]
    assert "「五、存在的主要问题及改进情况」不符" in findings[1].message
    assert "编号应为「六、」" in findings[2].message


def test_n1_missing_section(project):
    project.sections = [s for s in project.sections if s.key != "appeals"]
    [n1] = of(check_report(project), "N1")
    assert (
        n1.severity == "error"
        and "缺少一级标题「四、政府信息公开行政复议、行政诉讼情况」" in n1.message
    )
    project.section("other").heading = " "
    assert [f.message[:6] for f in of(check_report(project), "N1")] == ["缺少一级标题"] * 2


def test_n1_reads_a_projects_text_as_it_will_be_printed(project):
    """一、2025年工作开展情况 in 一's text prints as a second 一、 under 一、总体情况."""
    project.set_text("overview", "一、2025年工作开展情况\n我局推进公开。\n（二）依申请公开")
    project.set_text("problems", "一、本年新收政府信息公开申请数量\n一是问题。")  # a table row
    [n1] = of(check_report(project), "N1")
    assert (n1.severity, n1.location.section, n1.excerpt) == (
        "warning",
        "overview",
        "一、2025年工作开展情况",
    )
    assert "下级编号" in n1.message


def _source(hits: list[tuple[str, str | None, int]], text: str = "") -> SourceText:
    return SourceText("r.txt", text, {}, [HeadingHit(t, k, line) for t, k, line in hits])


def test_n1_headings_from_the_file_duplicates_and_order(project):
    source = _source(
        [
            ("一、总体情况", "overview", 3),
            ("三、收到和处理政府信息公开申请情况", "requests", 20),
            ("二、主动公开政府信息情况", "active", 30),
            ("四、政府信息公开行政复议、行政诉讼情况", "appeals", 40),
            ("五、存在的主要问题及改进情况", "problems", 50),
            ("六、其他需要报告的事项", "other", 60),
            ("六、其他需要报告的事项", "other", 70),
        ]
    )
    findings = of(check_report(project, source=source), "N1")
    messages = [(f.severity, f.location.line, f.message) for f in findings]
    assert (
        "error",
        70,
        "一级标题「六、其他需要报告的事项」出现了 2 次（第 60、70 行）：请删除重复的标题",
    ) in messages
    assert any(s == "error" and line == 30 and "排在" in m for s, line, m in messages)


# --------------------------------------------------------------------------- N2, N3, N4, N5


def test_n2_empty_narrative(project):
    project.set_text("problems", "  \n")
    [n2] = of(check_report(project), "N2")
    assert n2.severity == "error" and n2.location.section == "problems"


def test_n3_aspects(project):
    edit(project, "overview", "（五）监督保障\n", "")
    for word in ("监督", "考核", "培训", "责任追究", "评议"):
        project.set_text("overview", project.text("overview").replace(word, "推进"))
    [n3] = of(check_report(project), "N3")
    assert n3.severity == "warning" and "未写到：监督保障" in n3.message


def test_n3_people_government_adds_three():
    report = Report.empty("甲县人民政府", 2025)
    report.set_text(
        "overview",
        "主动公开、依申请公开、政府信息管理、平台建设、监督保障均已落实，将公开纳入考核。",
    )
    [n3] = of(check_report(report), "N3")
    assert "社会评议、责任追究" in n3.message and "工作考核" not in n3.message.split("未写到")[1]
    report.agency = "甲县人民政府办公室"
    assert of(check_report(report), "N3") == []


def test_n4_problems_and_measures(project):
    """五 names problems and measures; with last year's 五 at hand, it reports on them."""
    assert of(check_report(project, project.last_year), "N4") == []
    project.set_text("problems", "本年度政府信息公开工作开展顺利，各项工作按计划推进。")
    [n4] = of(check_report(project), "N4")
    assert n4.severity == "warning" and "没有写到存在的问题" in n4.message
    assert "改进措施" not in n4.message.split("：")[0]  # 推进 … 计划 states a measure
    project.set_text("problems", "一是政策解读形式单一；二是公开平台信息更新不够及时。")
    [n4] = of(check_report(project), "N4")
    assert "没有写到改进措施" in n4.message

    # Problems and measures, but nothing on last year's problems: said only with last year.
    fresh = "一是解读形式单一。下一步，我局将丰富解读形式，加强业务培训。"
    project.set_text("problems", fresh)
    assert of(check_report(project), "N4") == []
    [n4] = of(check_report(project, project.last_year), "N4")
    assert "上年报告所列问题的改进情况" in n4.message
    project.set_text("problems", "对照2024年报告提出的问题已逐项落实。" + fresh)
    assert of(check_report(project, project.last_year), "N4") == []


def test_n5_fee_statement(project):
    project.set_text("other", "本年度承办县人大代表建议3件，均按期办结。")
    [n5] = of(check_report(project), "N5")
    assert n5.severity == "warning" and "没有说明信息处理费" in n5.message
    edit(project, "overview", "全年未发生", "全年未收取信息处理费，未发生")
    [n5] = of(check_report(project), "N5")
    assert "写在了「一、总体情况」中" in n5.message


# --------------------------------------------------------------------------- N6


def test_n6_title_and_period(project):
    project.title = project.title.replace("2025年", "2024年")
    edit(
        project,
        "preamble",
        "自2025年1月1日起至2025年12月31日止",
        "自2024年1月1日起至2024年12月31日止",
    )
    findings = of(check_report(project), "N6")
    assert [f.severity for f in findings] == ["error", "error"]
    assert "标题写的是 2024 年" in findings[0].message
    assert "统计期限写的是 2024年1月1日至2024年12月31日" in findings[1].message


def test_n6_stale_year_error_and_warning(project):
    edit(project, "overview", "2025年，云溪县市场监督管理局", "2024年，云溪县市场监督管理局")
    edit(project, "overview", "邀请2名社会监督员", "同时按2024年11月修订的办法邀请2名社会监督员")
    findings = of(check_report(project), "N6")
    assert [(f.severity, f.location.section) for f in findings] == [
        ("error", "overview"),
        ("warning", "overview"),
    ]
    assert "以「2024年」开头" in findings[0].message


def test_n6_a_report_presenting_itself_as_last_years(project):
    """「现将……2024年度政府信息公开工作情况报告如下」 in a 2025 report (format-2021.md)."""
    text = project.text("preamble") + "\n现将我局2024年度政府信息公开工作情况报告如下："
    project.set_text("preamble", text)
    [n6] = of(check_report(project), "N6")
    assert n6.severity == "error" and "2024 年度的报告" in n6.message


def test_n6_stale_period_without_its_second_year(project):
    edit(
        project,
        "preamble",
        "自2025年1月1日起至2025年12月31日止",
        "从2024年1月1日到12月31日止",
    )
    [n6] = of(check_report(project), "N6")
    assert n6.severity == "error" and "统计期限" in n6.message


def test_title_without_year_and_title_form(project):
    project.title = "云溪县市场监督管理局政府信息公开工作年度报告"
    [n6] = of(check_report(project), "N6")
    assert n6.severity == "warning" and "标题中没有写年度" in n6.message
    assert of(check_report(project), "T1") == []
    project.title = "云溪县市场监督管理局2025年度政府信息公开工作报告"
    [t1] = of(check_report(project), "T1")
    assert t1.severity == "warning" and "政府信息公开工作年度报告" in t1.message
    project.title = "2025年政府信息公开工作年度报告"
    [t1] = of(check_report(project), "T1")
    assert "没有写机关名称" in t1.message


def test_n6_stale_year_in_section_five_is_a_warning(project):
    edit(project, "problems", "当前仍存在", "2024年存在")
    [n6] = of(check_report(project), "N6")
    assert n6.severity == "warning"


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("统计期限自2025年1月1日起", "统计期限自20251月1日起", "20251月"),
        ("本年度我局未发出", "截至202512月31日，本年度我局未发出", "202512月"),
        ("云溪县滨江路18号", "XX县滨江路18号", "XX"),
        ("（地址：", "（（单位名称）地址：", "（单位名称）"),
        ("云溪县滨江路18号", "××县滨江路18号", "××"),
    ],
)
def test_n6_malformed_dates_and_placeholders(project, old, new, shown):
    key = "other" if old == "本年度我局未发出" else "preamble"
    edit(project, key, old, new)
    [n6] = of(check_report(project), "N6")
    assert n6.severity == "error" and f"「{shown}」" in n6.message


def test_n6_pending_mark_blocks_export(project):
    edit(
        project,
        "overview",
        "全年新收政府信息公开申请29件",
        "全年新收政府信息公开申请29件【待核实】",
    )
    [n6] = of(check_report(project), "N6")
    assert n6.severity == "error" and n6.blocking and "核实后改正并删除该标记" in n6.message


# --------------------------------------------------------------------------- N7, N8


def test_n7_identical_section(project):
    last = project.last_year
    project.set_text("overview", last.text("overview"))
    project.set_text("overview", project.text("overview").replace("2024年", "2025年"))
    findings = of(check_report(project, last), "N7")
    assert [f.location.section for f in findings] == ["overview"]
    assert findings[0].severity == "warning" and "沿用了上年报告的原句" in findings[0].message
    assert findings[0].message.startswith("「一、总体情况」90% 的句子（9/10 句）")


def test_n7_below_threshold_and_without_last_year(project):
    last = project.last_year
    paragraphs = project.text("problems").split("\n\n")
    assert len(paragraphs) == 3
    last.set_text("problems", last.text("problems") + "\n" + paragraphs[1])
    carried = carried_over(project.text("problems"), sentence_keys(last.text("problems")))
    assert (len(carried.same), carried.counted) == (1, 3)
    assert of(check_report(project, last), "N7") == []  # 1 of 3 sentences: below the threshold
    assert COPIED_SHARE == 0.5
    project.set_text("overview", last.text("overview"))
    assert of(check_report(project, last), "N7")
    assert of(check_report(project), "N7") == []  # nothing to compare with


def test_n8_superseded_basis(project):
    edit(project, "preamble", "国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号")
    [n8] = of(check_report(project), "N8")
    assert n8.severity == "error" and "国办公开办函〔2021〕30号" in n8.message
    project.year = 2020
    assert of(check_report(project), "N8") == []


# --------------------------------------------------------------------------- A1–A3


def test_a1_wrong_self_designation(project):
    edit(project, "problems", "我局建立了执法信息公开台账", "我镇建立了执法信息公开台账")
    edit(project, "other", "我局牵头完成", "我委牵头完成")
    findings = of(check_report(project), "A1")
    assert [f.severity for f in findings] == ["error", "warning"]
    assert findings[0].excerpt.startswith("对照上年度报告提出的问题")
    assert findings[1].excerpt.startswith("按照县政府办公室印发的")
    assert "「我镇」" in findings[0].message


def test_a1_mixed_designations_without_agency():
    """No body is both a 镇 and a 局: one of them is wrong, whichever the agency is."""
    report = Report.empty("", 2025)
    report.set_text("overview", "我镇高度重视。我镇加强领导。我局完善制度。")
    [a1] = of(check_report(report), "A1")
    assert (
        a1.severity == "error" and "「我局」可能是" in a1.message and "「我镇」2 处" in a1.message
    )
    report.set_text("overview", "我镇高度重视。我镇加强领导。我委完善制度。")
    assert of(check_report(report), "A1") == []  # 我委 may be the town's 党委


def test_a2_title_and_other_agency(project):
    project.title = "云溪县交通运输局2025年政府信息公开工作年度报告"
    edit(project, "problems", "改进措施：", "2025年，云溪县林业局改进措施：")
    findings = of(check_report(project), "A2")
    assert [(f.severity, "云溪县" in f.message) for f in findings] == [
        ("error", True),
        ("warning", True),
    ]


def test_a3_inferred_identity_is_reported(project):
    identity = Identity(
        agency="云溪县市场监督管理局",
        agency_from="开头段「本报告由…编制」",
        stated=True,
        year=2025,
        year_from="统计期限",
        year_stated=True,
    )
    findings = of(check_report(project, options={INFERRED: identity}), "A3")
    assert len(findings) == 1
    assert "机关名称按开头段「本报告由…编制」定为「云溪县市场监督管理局」" in findings[0].message
    assert "年度按统计期限定为 2025 年" in findings[0].message
    project.agency = ""
    project.year = None
    [a3] = of(check_report(project), "A3")
    assert "原文没有写明机关名称" in a3.message and "原文没有写明报告年度" in a3.message
    assert "指定机关名称" in a3.message and "指定报告年度" in a3.message


# --------------------------------------------------------------------------- lines


def test_findings_point_at_file_lines(project):
    edit(project, "overview", "全年新收政府信息公开申请29件", "全年新收政府信息公开申请30件")
    overview = project.text("overview")
    lines = list(range(10, 10 + overview.count("\n") + 1))
    source = SourceText("r.txt", "", {"overview": lines}, [])
    [c1] = of(check_report(project, source=source), "C1")
    row = overview[: overview.index("30件")].count("\n")
    assert c1.location.line == 10 + row
