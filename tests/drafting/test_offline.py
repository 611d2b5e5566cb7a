"""The offline drafter: years moved on, figures re-stated or marked 【待核实】, never passed off."""

from __future__ import annotations

import asyncio

import pytest

from drafter import forms
from drafter.drafting.engine import draft_sections
from drafter.drafting.offline import (
    OfflineDrafter,
    event_date_spans,
    figure_spans,
    mark_unverified,
    offline_text,
    restate_claims,
    roll_forward,
    shift_years,
)
from drafter.drafting.prompts import Prompts


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


def test_offline_draft_rolls_last_years_text_forward(project):
    text = offline_text(project, "overview", Prompts())
    assert text.startswith("2025年，云溪县市场监督管理局")
    assert "2024年" not in text
    assert "主动公开政府信息1046条【待核实】" in text
    assert "7个工作日内公开" in text  # a statutory deadline is not a figure


def test_offline_skeleton_states_this_years_figures(project):
    assert project.last_year is not None
    project.last_year.set_text("overview", "")
    text = offline_text(project, "overview", Prompts())
    assert "新收政府信息公开申请29件，上年结转2件" in text
    assert "不予公开2件，无法提供5件，不予处理3件，其他处理1件" in text
    assert "被提起行政诉讼1件" in text and "（五）监督保障" in text


def test_offline_drafter_is_deterministic_and_checked(project):
    drafter = OfflineDrafter(Prompts())
    first = asyncio.run(draft_sections(drafter, project, ["overview", "other"]))
    second = asyncio.run(draft_sections(drafter, project, ["overview", "other"]))
    assert [d.text for d in first.values()] == [d.text for d in second.values()]
    overview = first["overview"]
    assert overview.status == "complete" and overview.origin == "offline"
    # Last year's claims now state this year's figures; what could not be verified is
    # marked 【待核实】, which the checker reports as an export-blocking N6 error.
    assert [f for f in overview.findings if f.rule == "C1"] == []
    assert "新收政府信息公开申请29件" in overview.text
    assert any(f.rule == "N6" and "待核实" in f.message for f in overview.findings)
