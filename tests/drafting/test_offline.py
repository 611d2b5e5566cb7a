"""The offline drafter: years moved on, figures re-stated or marked 【待核实】, never passed off."""

from __future__ import annotations

import asyncio

import pytest

from drafter import forms
from drafter.drafting.engine import draft_sections
from drafter.drafting.offline import OfflineDrafter, offline_text, roll_forward
from drafter.drafting.prompts import Prompts
from drafter.drafting.rollforward import (
    drop_claim_clauses,
    event_date_spans,
    figure_spans,
    mark_unverified,
    name_spans,
    restate_claims,
    shift_years,
)
from drafter.narrative.similarity import carried_over, sentence_keys


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("2024年，我局推进公开工作。", "2025年，我局推进公开工作。"),
        ("2025年，我局将继续努力。", "2026年，我局将继续努力。"),  # plans: next year
        ("与2023年相比有所增加。", "与2024年相比有所增加。"),
        ("自2024年1月1日起至2024年12月31日止", "自2025年1月1日起至2025年12月31日止"),
        ("2024年度", "2025年度"),
        ("2023—2025年规划", "2024—2026年规划"),
        ("二〇二四年一月", "二〇二五年一月"),
        ("２０２４年", "２０２５年"),
        # Kept: older years, document numbers, relative words, numbers that are not years.
        ("《条例》于2019年修订。", "《条例》于2019年修订。"),
        ("国办公开办函〔2024〕30号", "国办公开办函〔2024〕30号"),
        ("上年结转1件，去年的问题已整改。", "上年结转1件，去年的问题已整改。"),
        ("主动公开信息2024条。", "主动公开信息2024条。"),
        ("12024年", "12024年"),
    ],
)
def test_years_move_on_by_one(before, after):
    assert shift_years(before, 2024) == after


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("主动公开信息1046条，其中文件138条。", ["1046条", "138条"]),
        ("收费0.5万元，办结率100%，培训120人次。", ["0.5万元", "100%", "120人次"]),
        ("组织培训两次、十二场，共二十余次。", ["两次", "十二场", "二十余次"]),
        ("在7个工作日内公开，第二十条第（一）项，〔2021〕30号。", []),
        ("一次性告知，三安全一稳定，一是加强，二是完善。", []),
        ("电话0730-8421036，12345热线。", []),
    ],
)
def test_figures_are_numbers_with_units(text, figures):
    assert [text[s:u] for s, _, u in figure_spans(text)] == figures


def test_dated_events_but_not_the_years_bounds():
    text = "2025年6月召开会议，3月15日培训；截至12月31日，自1月1日起，12月底前完成。"
    assert [text[s:e] for s, e in event_date_spans(text)] == ["2025年6月", "3月15日"]


def test_unverified_figures_and_dates_are_marked_once():
    text = "全年新收申请22件，培训2次。2025年6月召开会议。"
    marked = mark_unverified(text)
    assert marked == "全年新收申请22件【待核实】，培训2次【待核实】。2025年6月【待核实】召开会议。"
    assert mark_unverified(marked) == marked
    start = text.index("22")
    assert "22件【" not in mark_unverified(text, [(start, start + 2)])


def test_claims_are_restated_with_this_years_figures(project):
    out = roll_forward("2024年新收政府信息公开申请22件，培训2次。", project, project.last_year)
    assert out == "2025年新收政府信息公开申请29件，培训2次【待核实】。"


def test_a_claim_whose_cell_is_unknown_is_marked(project):
    for col, _ in forms.REQUEST_COLUMNS:
        project.tables.set(f"requests.new.{col}", None)
    restated = restate_claims("新收政府信息公开申请22件。", project)
    assert restated.verified == []
    out = roll_forward("新收政府信息公开申请22件。", project, project.last_year)
    assert out == "新收政府信息公开申请22件【待核实】。"


def test_restated_figures_are_the_verified_ones(project):
    text = "新收政府信息公开申请22件，上年结转1件，予以公开10件。"
    restated = restate_claims(text, project)
    assert restated.text == "新收政府信息公开申请29件，上年结转2件，予以公开15件。"
    assert [restated.text[s:e] for s, e in restated.verified] == ["29", "2", "15"]


def test_people_are_marked_by_the_title_before_or_同志_after():
    text = "由党组书记、局长张勋华任组长，副局长戚高岭为副组长，王五同志负责，组长单位牵头。"
    assert [text[a:b] for a, b in name_spans(text)] == ["张勋华", "戚高岭", "王五"]
    assert name_spans("由局长任组长，副局长任副组长，各股室负责人为成员。") == []
    assert "张勋华【待核实】任组长" in mark_unverified(text)


def test_clauses_stating_table_figures_are_dropped_the_rest_kept(project):
    line = (
        "全年新收政府信息公开申请22件，上年结转1件，均在法定期限内答复，"
        "结转下年度继续办理2件，未发生因答复超期引起的行政复议。"
    )
    assert drop_claim_clauses(line, project) == "未发生因答复超期引起的行政复议。"
    # Figures about applications the recogniser cannot tie are table 三's all the same,
    # and so are the shares that follow them.
    line = "全年接收各类申请共计81件，涉及自然人80件。其中：予以公开42件，占51.85%；一是好。"
    assert drop_claim_clauses(line, project) == "一是好。"
    kept = "全年主动公开政府信息1046条，办理咨询12件。"
    assert drop_claim_clauses(kept, project) == kept  # not a table figure


def test_offline_draft_rolls_last_years_text_forward(project):
    text = offline_text(project, "overview", Prompts())
    assert text.startswith("2025年，云溪县市场监督管理局")
    assert "2024年" not in text
    assert "主动公开政府信息1046条【待核实】" in text
    assert "7个工作日内公开" in text  # a statutory deadline is not a figure
    # Last year's figures of the tables are gone: the draft states this year's instead,
    # under last year's sub-headings, none of them marked.
    assert "22件" not in text and "3541件" not in text and "现行有效行政规范性文件8件" not in text
    active = text.index("（一）主动公开\n本年度，我局制发行政规范性文件2件，废止1件，现行有效")
    requests = text.index("（二）依申请公开\n本年度新收政府信息公开申请29件，上年结转2件。")
    assert active < requests < text.index("（三）政府信息管理")
    stated = text[requests : text.index("\n", requests + 10)]
    assert "【待核实】" not in stated and "被申请行政复议2件" in stated


def test_offline_draft_keeps_at_most_half_of_last_years_sentences(project):
    """N7's measure with the marks taken out: the clerk deleting 【待核实】 after checking
    a figure must not turn the draft into a copy."""
    assert project.last_year is not None
    # Last year's overview as four items of prose the tables cannot replace.
    prose = "\n".join(
        f"{n}是加强第{n}项工作，建立健全相关制度，明确专人负责信息发布审核工作。"
        "定期组织开展业务培训，提升工作人员的公开意识和业务能力水平。"
        for n in "一二三四"
    )
    project.last_year.set_text("overview", prose)
    text = offline_text(project, "overview", Prompts())
    keys = sentence_keys(prose)
    carried = carried_over(text.replace("【待核实】", ""), keys)
    assert carried.share <= 0.5 and len(carried.same) >= 4
    # Each item keeps its first sentence (the outline), its elaboration goes first.
    for n in "一二三四":
        assert f"{n}是加强第{n}项工作" in text
    assert text.count("定期组织开展业务培训") < 4


def test_offline_skeleton_states_this_years_figures(project):
    assert project.last_year is not None
    project.last_year.set_text("overview", "")
    text = offline_text(project, "overview", Prompts())
    assert "新收政府信息公开申请29件，上年结转2件" in text
    assert "不予公开2件（保护第三方合法权益1件、属于四类过程性信息1件），无法提供5件" in text
    assert "被提起行政诉讼1件" in text and "（五）监督保障" in text


def test_offline_drafter_is_deterministic_and_checked(project):
    drafter = OfflineDrafter(Prompts())
    first = asyncio.run(draft_sections(drafter, project, ["overview", "other"]))
    second = asyncio.run(draft_sections(drafter, project, ["overview", "other"]))
    assert [d.text for d in first.values()] == [d.text for d in second.values()]
    overview = first["overview"]
    assert overview.status == "complete" and overview.origin == "offline"
    # This year's figures from the tables; what could not be verified is marked
    # 【待核实】, which the checker reports as an export-blocking N6 error.
    assert [f for f in overview.findings if f.rule in ("C1", "N1", "N7")] == []
    assert "新收政府信息公开申请29件" in overview.text
    assert any(f.rule == "N6" and "待核实" in f.message for f in overview.findings)
