"""Claims: which sentences state a table figure, which cell, and which do not.

Phrasings are taken from published reports in the corpus (the sentence is quoted as
published) and from the bundled example.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.model import Report
from drafter.narrative.claim_table import ALL_CLAIMS, CLAIMS
from drafter.narrative.claims import cell_expression, expand, find_claims, restate
from drafter.tables import complete
from tests.factories import example

LIT = "appeals.litigation_direct.{0} + appeals.litigation_after_review.{0}"
"""Both litigation rows of table 四, one column."""


def blank(year: int = 2025, fmt="2021") -> Report:
    return Report.empty("示例县交通运输局", year, fmt)


def stated(text: str, report: Report | None = None) -> list[tuple[str, str, str]]:
    """(subject, figure, cell expression) of every claim in ``text``."""
    report = report or blank()
    out = []
    for c in find_claims(text, report):
        figure = text[c.number.start : c.number.unit_end] if c.number else "无"
        out.append((text[c.subject[0] : c.subject[1]], figure, c.expression.text))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全年新收政府信息公开申请29件，上年结转2件；予以公开15件，部分公开3件，"
            "本机关不掌握相关政府信息4件，结转下年度继续办理2件。",
            [
                ("新收政府信息公开申请", "29件", "requests.new.total"),
                ("上年结转", "2件", "requests.carried_in.total"),
                ("予以公开", "15件", "requests.granted.total"),
                ("部分公开", "3件", "requests.partial.total"),
                ("本机关不掌握相关政府信息", "4件", "requests.unavailable_1.total"),
                ("结转下年度继续办理", "2件", "requests.carried_out.total"),
            ],
        ),
        (
            "2025年,共新收政府信息公开申请77件,办结81件(含上年度结转4件),信息公开申请主要集中在征地拆迁等领域。",
            [
                ("新收政府信息公开申请", "77件", "requests.new.total"),
                ("办结", "81件", "requests.total.total"),
                ("上年度结转", "4件", "requests.carried_in.total"),
            ],
        ),
        (
            "今年,我街道新收到及上年度结转的依申请公开22件,其中上年度结转1件,区级转办9件,"
            "居民个人向我街道提交12件,除结转1件下年度继续办理外,其他均按期进行了办理回复。",
            [
                (
                    "新收到及上年度结转的依申请公开",
                    "22件",
                    "requests.new.total + requests.carried_in.total",
                ),
                ("上年度结转", "1件", "requests.carried_in.total"),
                ("结转", "1件", "requests.carried_out.total"),
            ],
        ),
        (
            "予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；"
            "因本机关不掌握等原因无法提供265件，占32.9%；不予处理158件，占19.6%；其他处理0件。",
            [
                ("予以公开及部分公开", "258件", "requests.granted.total + requests.partial.total"),
                ("不予公开", "35件", "requests.withheld_*.total"),
                ("无法提供", "265件", "requests.unavailable_*.total"),
                ("不予处理", "158件", "requests.not_processed_*.total"),
            ],
        ),
        (
            "处理结果中,予以公开2件,部分公开8件,因本机关不掌握相关政府信息无法提供1件,信息不存在的1件。",
            [
                ("予以公开", "2件", "requests.granted.total"),
                ("部分公开", "8件", "requests.partial.total"),
                (
                    "本机关不掌握相关政府信息无法提供",
                    "1件",
                    "requests.unavailable_1.total",
                ),
            ],
        ),
        (
            "因属于国家秘密不予公开1件，因重复申请不予处理2件。",
            [
                ("属于国家秘密不予公开", "1件", "requests.withheld_1.total"),
                ("重复申请不予处理", "2件", "requests.not_processed_2.total"),
            ],
        ),
        (
            "本年制发行政规范性文件2件、废止1件，现行有效行政规范性文件9件。",
            [
                ("制发行政规范性文件", "2件", "active.normative_documents.issued"),
                ("废止", "1件", "active.normative_documents.repealed"),
                ("现行有效行政规范性文件", "9件", "active.normative_documents.in_force"),
            ],
        ),
        (
            "办理行政许可3862件，作出行政处罚决定412件、行政强制决定37件。",
            [
                ("行政许可", "3862件", "active.licensing"),
                ("行政处罚决定", "412件", "active.penalty"),
                ("行政强制决定", "37件", "active.enforcement"),
            ],
        ),
        (
            "信息公开类行政复议7件，诉讼9件，均获维持。",
            [
                ("行政复议", "7件", "appeals.review.total"),
                (
                    "诉讼",
                    "9件",
                    LIT.format("total"),
                ),
            ],
        ),
        ("收到政府信息公开类行政复议案件0宗。", [("行政复议案件", "0宗", "appeals.review.total")]),
        (
            "全年收到政府信息公开申请十二件。",
            [("收到政府信息公开申请", "十二件", "requests.new.total")],
        ),
        ("本年度行政事业性收费1500元。", [("行政事业性收费", "1500元", "active.fees_wan_yuan")]),
    ],
)
def test_claims_found_with_their_cells(text, expected):
    assert stated(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本年度未收到政府信息公开申请。",
            [("未收到政府信息公开申请", "无", "requests.new.total")],
        ),
        ("本年度我局无申请公开政务信息情况。", [("无申请公开", "无", "requests.new.total")]),
        (
            "全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
            [
                ("未发生因政府信息公开工作被申请行政复议", "无", "appeals.review.total"),
                (
                    "未发生因政府信息公开工作被申请行政复议、提起行政诉讼",
                    "无",
                    LIT.format("total"),
                ),
            ],
        ),
        # Not a nil statement about requests: the clause is about appeals.
        (
            "全年,我局未发生依申请公开政府信息方面的行政复议。",
            [("未发生依申请公开政府信息方面的行政复议", "无", "appeals.review.total")],
        ),
        # None of one kind is not none at all.
        ("均在法定期限内答复，未发生因答复超期引起的行政复议。", []),
    ],
)
def test_nil_statements(text, expected):
    assert stated(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "受理区政府网站和人民网留言板咨询投诉3607件,办结3607件,办结率100%。",
        "2025年区政府网站共受理领导信箱337件,均按期办结。",
        "全年主动公开政府信息1268条。",
        "去年同期收到政府信息公开申请20件。",
        "2024年收到政府信息公开申请20件。",
        "其中自然人申请件12件，法人或其他组织申请件0件。",
        "申请数量较上年增加5件。",
        "全年收到政府信息公开申请30余件。",
        "其中市场监管所收到政府信息公开申请3件。",
        "梳理行政许可事项清单12项，公开行政许可结果信息476条。",
        "市政府作为复议机关办理政府信息公开类行政复议案件5件。",
        "宣布废止市政府公文61件。",
        "主动公开市政府规章13件(含新制定5件,修改4件,废止4件)。",
        "予以公开、部分公开分别为15件、3件。",
        "对涉及群众切身利益的2件行政规范性文件同步发布图文解读。",
        "本年度承办县人大代表建议3件、县政协提案2件，均按期办结。",
        "受理行政许可申请4000件。",
    ],
)
def test_not_claims(text):
    assert stated(text) == []


def test_only_the_first_of_a_change_is_a_claim():
    assert stated("依申请公开工作有序推进,全年共受理申请1件,较上年增加1件。") == [
        ("受理申请", "1件", "requests.new.total")
    ]


def test_2019_format_has_other_cells():
    report = blank(2020, "2019")
    assert stated("全年制发规范性文件2件，废止1件。", report) == [
        ("制发规范性文件", "2件", "active.normative_documents.made")
    ]  # the 2019 table has no 废止 column
    assert stated("办理行政许可300件。", report) == [
        ("行政许可", "300件", "active.licensing.decisions")
    ]


def test_claims_compare_with_the_tables(project):
    text = project.text("overview")
    claims = find_claims(text, project, section="overview")
    assert len(claims) == 12
    assert all(c.holds for c in claims)
    project.tables.set("requests.new.natural_person", 24)
    done = complete(project)
    wrong = [c for c in find_claims(text, done) if not c.holds]
    assert [(c.expression.text, c.value, c.table_value) for c in wrong] == [
        ("requests.new.total", Decimal(29), Decimal(30))
    ]


def test_unknown_cells_give_no_verdict():
    [claim] = find_claims("全年新收政府信息公开申请29件。", blank())
    assert claim.table_value is None and claim.holds is None


def test_an_ambiguous_phrase_holds_under_any_reading():
    report = blank()
    report.tables.set("requests.new.total", 30)
    report.tables.set("requests.carried_in.total", 4)
    report.tables.set("requests.total.total", 33)
    [claim] = find_claims("2025年共办理政府信息公开申请33件。", report)
    assert claim.holds and claim.expression.text == "requests.total.total"
    [claim] = find_claims("2025年共办理政府信息公开申请34件。", report)
    assert claim.holds
    assert claim.expression.text == "requests.new.total + requests.carried_in.total"
    [claim] = find_claims("2025年共办理政府信息公开申请31件。", report)
    assert claim.holds is False and claim.expression.text == "requests.new.total"
    assert len(claim.readings) == 3


def test_money_in_yuan_against_wan_yuan_cells():
    report = blank()
    report.tables.set("active.fees_wan_yuan", Decimal("0.15"))
    [claim] = find_claims("行政事业性收费1500元。", report)
    assert claim.value == Decimal("0.15") and claim.holds
    report.tables.set("active.fees_wan_yuan", Decimal("1.5234"))
    [claim] = find_claims("行政事业性收费1.5万元。", report)
    assert claim.holds  # rounded to the places written


def test_a_figure_about_another_year_is_not_a_claim_of_this_year():
    text = "2024年，全年新收政府信息公开申请22件。"
    assert stated(text, blank(2025)) == []
    assert stated(text, blank(2024)) == [("新收政府信息公开申请", "22件", "requests.new.total")]
    assert len(find_claims(text, blank(2025), year=2024)) == 1


def test_spans_point_into_the_text():
    text = "前言。\n全年新收政府信息公开申请29件，上年结转2件。"
    first, second = find_claims(text, blank())
    assert text[first.span[0] : first.span[1]] == "29"
    assert (
        text[second.sentence[0] : second.sentence[1]]
        == "全年新收政府信息公开申请29件，上年结转2件。"
    )


def test_every_table_expression_names_cells_of_some_format():
    for pattern in ALL_CLAIMS:
        cells = pattern.cells
        texts = cells.values() if isinstance(cells, dict) else cells
        texts = (texts,) if isinstance(texts, str) else texts
        for text in texts:
            for doc, case in (("regulations", "review"), ("normative_documents", "litigation")):
                expr = expand(text, doc=doc, case=case)
                assert cell_expression(expr, "2021") or cell_expression(expr, "2019"), expr
    assert len({p.key for p in ALL_CLAIMS}) == len(ALL_CLAIMS)
    assert len(ALL_CLAIMS) > len(CLAIMS)  # sub-rows generated from forms


def test_restate_last_years_text_with_this_years_figures():
    project = example()
    assert project.last_year is not None
    last_text = project.last_year.text("overview").replace("2024年", "2025年")
    result = restate(last_text, project)
    assert result.unresolved == []
    assert "全年新收政府信息公开申请29件，上年结转2件" in result.text
    assert "办理行政许可3862件，作出行政处罚决定412件、行政强制决定37件" in result.text
    assert "现行有效行政规范性文件9件" in result.text
    assert all(c.holds for c in find_claims(result.text, project))
    assert "主动公开政府信息1046条" in result.text  # not a table figure: left for the clerk


def test_restate_leaves_what_it_cannot_verify():
    report = blank()
    report.tables.set("requests.new.total", 3)
    result = restate("本年度未收到政府信息公开申请，行政复议2件。", report)
    assert result.text == "本年度未收到政府信息公开申请，行政复议2件。"
    assert {c.pattern.key for c in result.unresolved} == {"requests.new.nil", "appeals.review"}


# ---------------------------------------------------------------- phrasings of real reports

# Each sentence as published (issue 10's blind set, or the corpus file named).


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        (  # blind set: 纠错/败诉 are the 结果纠正 columns, not the number of cases
            "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。",
            2025,
            [
                ("未发生因依申请公开被行政复议纠错", "无", "appeals.review.corrected"),
                (
                    "未发生因依申请公开被行政复议纠错或行政诉讼败诉",
                    "无",
                    LIT.format("corrected"),
                ),
            ],
        ),
        (  # blind set: a breakdown of 办结, outcome by outcome, not 办结 itself
            "所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件。",
            2025,
            [
                ("同意公开答复", "9 件", "requests.granted.total"),
                ("部分公开答复", "0 件", "requests.partial.total"),
            ],
        ),
        (  # 2025_rushan_cqjd_1.txt: 申请 before 受理, counted in 条
            "2025年以来,乳山市城区街道办事处政府信息公开申请受理1条,与上年相比增加1条。",
            2025,
            [("政府信息公开申请受理", "1条", "requests.new.total")],
        ),
        (  # 2020_wendeng_fgj_1.txt
            "2020年度,我局共受理政府信息公开申请4条,已全部办结。",
            2020,
            [("受理政府信息公开申请", "4条", "requests.new.total")],
        ),
        (  # 2023_gaoping_szfbgs_1.txt: 下一年度 is part of the phrase, not a figure
            "处理结果中,部分公开2件,因信息不存在的5件,结转至下一年度办理2件。",
            2023,
            [
                ("部分公开", "2件", "requests.partial.total"),
                ("结转至下一年度办理", "2件", "requests.carried_out.total"),
            ],
        ),
        (  # full/2024_huaian_szf_1.pdf: results of the cases the sentence named
            "政府信息公开行政诉讼 46件，其中结果维持 25件，结果纠正 5件，"
            "其他结果 9件，尚未审结 7件。",
            2024,
            [
                (
                    "行政诉讼",
                    "46件",
                    LIT.format("total"),
                ),
                (
                    "结果维持",
                    "25件",
                    LIT.format("upheld"),
                ),
                (
                    "结果纠正",
                    "5件",
                    LIT.format("corrected"),
                ),
                (
                    "其他结果",
                    "9件",
                    LIT.format("other"),
                ),
                (
                    "尚未审结",
                    "7件",
                    LIT.format("pending"),
                ),
            ],
        ),
        (
            "政府信息公开行政复议 351件，其中结果维持 72件，结果纠正 64件，"
            "其他结果 178件，尚未审结 37件。",
            2024,
            [
                ("行政复议", "351件", "appeals.review.total"),
                ("结果维持", "72件", "appeals.review.upheld"),
                ("结果纠正", "64件", "appeals.review.corrected"),
                ("其他结果", "178件", "appeals.review.other"),
                ("尚未审结", "37件", "appeals.review.pending"),
            ],
        ),
        (  # full/2024_huaian_szf_1.pdf: 答复 counts the carried-over ones; 顺延 is 结转
            "2024年，全市共受理政府信息公开申请 3119件，答复 3050件（含上年度结转申请 34件，"
            "另有 103件顺延到下年度答复），均在法定期限内予以答复。",
            2024,
            [
                ("受理政府信息公开申请", "3119件", "requests.new.total"),
                ("答复", "3050件", "requests.total.total"),
                ("上年度结转申请", "34件", "requests.carried_in.total"),
            ],
        ),
    ],
)
def test_phrasings_of_published_reports(text, year, expected):
    assert stated(text, blank(year)) == expected


def test_results_of_one_litigation_row():
    """The results in parentheses are of the row just named (tests/cli/test_seed_journey.py)."""
    text = (
        "本年度因政府信息公开工作被申请行政复议2件（尚未审结）；被提起行政诉讼11件，其中未经复议"
        "直接起诉5件（结果维持1件、结果纠正4件）、复议后起诉6件（均为结果纠正）。"
    )
    results = [c for c in stated(text) if c[0].startswith("结果")]
    assert results == [
        ("结果维持", "1件", "appeals.litigation_direct.upheld"),
        ("结果纠正", "4件", "appeals.litigation_direct.corrected"),
    ]


def test_no_correction_is_not_no_case():
    """「未发生…被行政复议纠错」 holds with two reviews, both upheld; fails with one corrected."""
    report = blank()
    for row in ("review", "litigation_direct", "litigation_after_review"):
        for col in ("upheld", "corrected", "other", "pending"):
            report.tables.set(f"appeals.{row}.{col}", 0)
    report.tables.set("appeals.review.upheld", 2)
    report = complete(report)
    text = "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。"
    assert [c.holds for c in find_claims(text, report)] == [True, True]
    report.tables.set("appeals.review.corrected", 1)
    report = complete(report)
    assert [c.holds for c in find_claims(text, report)] == [False, True]
