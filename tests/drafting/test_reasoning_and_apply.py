"""Reasoning never reaches the draft; a draft never overwrites what the clerk wrote."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.drafting.apply import apply_draft, section_untouched
from drafter.drafting.engine import tidy
from drafter.drafting.reasoning import ThinkFilter, strip_reasoning
from drafter.model import Draft

ANSWER = "（一）主动公开\n本年度主动公开信息。"


def stream(chunks: list[str]) -> tuple[str, ThinkFilter]:
    f = ThinkFilter()
    shown = ""
    for chunk in chunks:
        out = f.feed(chunk)
        shown = out.text if out.reset else shown + out.text
    shown += f.finish().text
    return shown, f


def split(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts})
    return [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 200), max_size=12))
def test_think_block_removed_however_the_stream_is_cut(cuts):
    text = "<think>先想一想：数字是29件吗？</think>\n\n" + ANSWER
    shown, f = stream(split(text, cuts))
    assert shown == ANSWER and f.text == ANSWER
    assert f.reasoning_chars == len("先想一想：数字是29件吗？")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 200), max_size=12))
def test_lone_closing_tag_takes_back_what_was_shown(cuts):
    text = "好的，我来起草。数字要核对。</think>" + ANSWER
    shown, _ = stream(split(text, cuts))
    assert shown == ANSWER


def test_text_without_tags_and_lookalikes_pass_untouched():
    for text in (ANSWER, "比较 a<b 与 <thinking 的写法", "<thin"):
        assert strip_reasoning(text) == text
    assert strip_reasoning("<think>没有结束") == ""


def test_tidy_drops_repeated_headings_only():
    assert tidy("一、总体情况\n\n正文。", "overview") == "正文。"
    assert tidy("**总体情况**\n正文。", "overview") == "正文。"
    assert tidy("六、其他需要报告的事项\n（一）信息处理费", "other") == "（一）信息处理费"
    assert (
        tidy("（一）主动公开\n正文。\n\n\n\n下一段。", "overview")
        == "（一）主动公开\n正文。\n\n下一段。"
    )


# --------------------------------------------------------------------------- apply


def complete(text: str) -> Draft:
    return Draft(text=text, status="complete", origin="t")


def test_empty_section_gets_the_draft(project):
    project.set_text("overview", "  ")
    assert apply_draft(project, "overview", complete("新稿")) == "applied"
    assert project.text("overview") == "新稿" and project.drafts["overview"].applied


def test_untouched_earlier_draft_is_replaced(project):
    project.set_text("overview", "")
    apply_draft(project, "overview", complete("第一稿"))
    assert section_untouched(project, "overview")
    assert apply_draft(project, "overview", complete("第二稿")) == "applied"
    assert project.text("overview") == "第二稿"


def test_edited_section_keeps_its_text(project):
    project.set_text("overview", "")
    apply_draft(project, "overview", complete("第一稿"))
    project.set_text("overview", "第一稿，我改过了。")
    assert apply_draft(project, "overview", complete("第二稿")) == "suggested"
    assert project.text("overview") == "第一稿，我改过了。"
    assert project.drafts["overview"].text == "第二稿" and not project.drafts["overview"].applied
    # The clerk's text never counts as an untouched draft later on either.
    assert apply_draft(project, "overview", complete("第三稿")) == "suggested"


def test_incomplete_drafts_are_never_applied(project):
    project.set_text("problems", "")
    cut = Draft(text="一半", status="incomplete", origin="t", message="中断")
    assert apply_draft(project, "problems", cut) == "stored"
    assert project.text("problems") == "" and project.drafts["problems"].text == "一半"


def test_incomplete_draft_never_replaces_a_complete_one(project):
    project.set_text("problems", "")
    apply_draft(project, "problems", complete("完整稿"))
    failed = Draft(text="", status="failed", origin="t", message="401")
    assert apply_draft(project, "problems", failed) == "kept"
    assert project.drafts["problems"].text == "完整稿" and project.text("problems") == "完整稿"
