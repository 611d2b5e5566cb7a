"""Each table rule: a passing and a failing case, with the message a clerk needs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter import forms
from drafter.model import Report
from drafter.rules import REGISTRY, check_report
from drafter.tables import certainly_unequal, complete


def rules_of(findings, rule):
    return [f for f in findings if f.rule == rule]


def test_example_is_clean(project):
    findings = check_report(project, project.last_year)
    assert findings == []


def test_every_registered_rule_has_an_id_and_title():
    ids = {r.id for r in REGISTRY}
    assert {"V1", "V2", "V3", "R1", "R2", "R3", "R4", "X1", "X2", "C3", "C4"} <= ids
    assert all(r.title for r in REGISTRY)


def test_v1_negative_count(project):
    project.tables.set("active.penalty", -3)
    [finding] = rules_of(check_report(project), "V1")
    assert finding.severity == "error"
    assert finding.location.cell == "active.penalty"
    assert "表二「行政处罚」「本年处理决定数量」为 -3" in finding.message


def test_v2_negative_and_overlong_amount(project):
    project.tables.set("active.fees_wan_yuan", Decimal("-1.5"))
    [neg] = rules_of(check_report(project), "V2")
    assert neg.severity == "error" and "不能为负数" in neg.message
    project.tables.set("active.fees_wan_yuan", Decimal("5949.088667"))
    [long] = rules_of(check_report(project), "V2")
    assert long.severity == "warning" and "4 位小数" in long.message
    project.tables.set("active.fees_wan_yuan", Decimal("0.1234"))
    assert rules_of(check_report(project), "V2") == []


def test_v3_blank_cells_one_finding_per_row(project):
    project.tables.set("requests.granted.research", None)
    project.tables.set("requests.granted.other_org", None)
    [finding] = rules_of(check_report(project), "V3")
    assert finding.severity == "warning"
    assert finding.location.cells == ["requests.granted.research", "requests.granted.other_org"]
    assert "（一）予以公开" in finding.message and "科研机构、其他" in finding.message


def test_v3_leaves_out_a_total_that_follows_blank_parts(project):
    """Typing is refused in a total: a blank one whose parts are blank is no V3 of its own."""
    for row in forms.request_rows(project.format):
        if row.outcome:
            project.tables.set(f"requests.{row.key}.natural_person", None)
    project = complete(project)
    flagged = {p for f in rules_of(check_report(project), "V3") for p in f.location.cells}
    assert "requests.granted.natural_person" in flagged
    assert "requests.total.natural_person" not in flagged


def test_v3_reports_a_blank_total_beside_known_parts(project):
    """A published report that left a total out: that blank is the report's own."""
    project.tables.set("requests.total.natural_person", None)
    [v3] = rules_of(check_report(project), "V3")
    assert v3.location.cells == ["requests.total.natural_person"]


def test_r1_names_both_sides(project):
    project.tables.set("requests.carried_out.natural_person", 5)
    project.tables.set("requests.carried_out.total", 6)  # keep R3 quiet
    findings = check_report(project)
    [r1] = [f for f in rules_of(findings, "R1") if "自然人" in f.message]
    assert r1.severity == "error"
    assert r1.location.cell == "requests.carried_out.natural_person"
    assert "一、本年新收 23 + 二、上年结转 2 = 25" in r1.message
    assert "三、（七）总计 24 + 四、结转下年度 5 = 29" in r1.message
    assert set(r1.location.cells) == {
        "requests.new.natural_person",
        "requests.carried_in.natural_person",
        "requests.total.natural_person",
        "requests.carried_out.natural_person",
    }


def test_r2_total_row(project):
    project.tables.set("requests.total.business", 9)
    r2 = rules_of(check_report(project), "R2")
    assert [f.location.cell for f in r2] == ["requests.total.business"]
    assert "（七）总计为 9，但各项办理结果之和为 3" in r2[0].message
    assert "（一）予以公开 2" in r2[0].message


def test_r3_row_total(project):
    project.tables.set("requests.partial.total", 4)
    [r3] = rules_of(check_report(project), "R3")
    assert r3.location.cell == "requests.partial.total"
    assert (
        "表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行：总计为 4" in r3.message
    )
    assert "自然人 3 + 商业企业 0" in r3.message


def test_r3_blank_total_is_unknown_not_zero():
    """The 2019 上海 table prints every 总计 of rows （一）–（六） blank: V3, not R3."""
    report = Report.empty("上海市人民政府办公厅", 2019, "2019")
    report.tables.set("requests.granted.natural_person", 258)
    report.tables.set("requests.granted.business", 12)
    findings = check_report(report)
    assert rules_of(findings, "R3") == []
    assert any("requests.granted.total" in f.location.cells for f in rules_of(findings, "V3"))


def test_r3_parts_beyond_the_total_are_an_error_whatever_the_blanks_hold():
    report = Report.empty("甲局", 2025)
    report.tables.set("requests.granted.natural_person", 258)
    report.tables.set("requests.granted.business", 12)
    report.tables.set("requests.granted.total", 260)
    [r3] = rules_of(check_report(report), "R3")
    assert "总计为 260" in r3.message and "= 270" in r3.message
    assert "另有 4 个单元格为空，填上任何数都不能使两边相等" in r3.message
    report.tables.set("requests.granted.total", 280)  # 科研机构 … could hold the 10
    assert rules_of(check_report(report), "R3") == []


@pytest.mark.parametrize(
    ("left", "right", "broken"),
    [
        ((1, 2), (3,), False),
        ((1, 2), (4,), True),
        ((1, None), (4,), False),  # the blank may be 3
        ((1, None), (0,), True),  # nothing added to 1 gives 0
        ((None, None), (5,), False),
        ((5,), (None,), False),
        ((None, 2), (None, 9), False),  # blanks on both sides: anything can balance
        ((None,), (None,), False),
        ((0, 0), (0,), False),
    ],
)
def test_certainly_unequal(left, right, broken):
    assert certainly_unequal(left, right) is broken


def test_r4_appeals(project):
    project.tables.set("appeals.review.total", 0)
    [r4] = rules_of(check_report(project), "R4")
    assert r4.location.cell == "appeals.review.total"
    assert (
        "表四「行政复议」：总计为 0，但 结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2"
        == r4.message
    )


def test_identities_quiet_on_an_empty_report():
    report = Report.empty("甲镇人民政府", 2025)
    table_rules = {"V1", "V2", "V3", "R1", "R2", "R3", "R4", "C3", "C4"}
    rules = {f.rule for f in check_report(report, only=table_rules)}
    assert rules == {"V3"}


def test_x1_carry_in(project):
    assert rules_of(check_report(project, project.last_year), "X1") == []
    project.tables.set("requests.carried_in.natural_person", 0)
    [x1] = rules_of(check_report(project, project.last_year), "X1")
    assert x1.severity == "warning" and x1.location.cell == "requests.carried_in.natural_person"
    assert "2024年报告「四、结转下年度继续办理」为 2" in x1.message
    assert rules_of(check_report(project), "X1") == []  # no last year, no cross-year check


def test_x2_in_force(project):
    assert rules_of(check_report(project, project.last_year), "X2") == []
    project.tables.set("active.normative_documents.in_force", 12)
    [x2] = rules_of(check_report(project, project.last_year), "X2")
    assert x2.location.cell == "active.normative_documents.in_force"
    assert "上年现行有效 8 + 本年制发 2 − 本年废止 1 = 9" in x2.message


def test_x2_not_applied_across_the_2019_format(project):
    last = Report.empty(project.agency, 2020, "2019")
    last.tables.set("active.normative_documents.public_total", 100)
    assert rules_of(check_report(project, last), "X2") == []


@pytest.mark.parametrize(
    ("agency", "fires"),
    [
        ("安岳县清流镇人民政府", True),
        ("云溪县市场监督管理局", True),
        ("江苏省司法厅", True),
        ("淮安市人民政府", False),
        ("江苏省人民政府", False),
        ("生态环境部", False),
        ("平潭综合实验区", False),  # the name does not tell: no guess
    ],
)
def test_c3_regulations(agency, fires):
    report = complete(Report.empty(agency, 2023))
    report.tables.set("active.regulations.in_force", 6)
    found = rules_of(check_report(report), "C3")
    assert bool(found) is fires
    if fires:
        assert found[0].location.cell == "active.regulations.in_force"
        assert "不能制定规章" in found[0].message


def test_c4_no_requests_but_outcomes():
    report = Report.empty("甲局", 2025)
    for col in forms.APPLICANT_COLUMNS:
        report.tables.set(f"requests.new.{col}", 0)
        report.tables.set(f"requests.carried_in.{col}", 0)
    report.tables.set("requests.granted.natural_person", 2)
    report = complete(report)
    [c4] = rules_of(check_report(report), "C4")
    assert c4.location.cell == "requests.granted.total" and "（一）予以公开" in c4.message
    report.tables.set("requests.granted.natural_person", 0)
    assert rules_of(check_report(complete(report)), "C4") == []
