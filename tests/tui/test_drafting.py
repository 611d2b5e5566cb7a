"""Drafting in the narrative screen: offline, and streamed from a real OpenAI-compatible server.

The server is ``tests/fake_openai.py`` on 127.0.0.1, reached by the real openai client
through the settings the app reads (``drafter.config``). What is asserted is what the
clerk gets: the suggestion pane, the section text, ``project.drafts``, the file.
"""

from __future__ import annotations

import asyncio

from textual.widgets import Static

from drafter.store import load_project, save_project
from drafter.tui.screens.choice import ChoiceScreen
from drafter.tui.screens.narrative import NarrativeScreen
from drafter.tui.widgets.status_line import StatusLine
from tests.fake_openai import Reply, Status
from tests.tui.conftest import SIZE, eventually

GOOD = (
    "（一）主动公开\n本年度制发行政规范性文件2件。\n\n"
    "（二）依申请公开\n全年新收政府信息公开申请29件，均在法定期限内答复。"
)


def emptied(project_file, *keys: str) -> None:
    project = load_project(project_file).project
    for key in keys:
        project.set_text(key, "")
    save_project(project, project_file)


async def narrative(app, pilot) -> NarrativeScreen:
    await pilot.press("f3")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, NarrativeScreen)
    return screen


async def drafted(app, pilot) -> None:
    """Wait until the draft worker has ended (its events applied: they are handled in
    the worker's own task) and what it set off (the check, autosave) has run."""
    screen = app.screen
    assert isinstance(screen, NarrativeScreen)
    await eventually(pilot, lambda: not screen.drafting, 30)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for(condition, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("timed out")


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


# --------------------------------------------------------------------------- offline


async def test_offline_draft_fills_an_empty_section_with_its_findings(make_app, project_file):
    emptied(project_file, "overview")
    app = make_app(project_file, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await narrative(app, pilot)
        await pilot.press("f5")
        await drafted(app, pilot)
        editor = screen.editor("overview")
        draft = app.session.project.drafts["overview"]
        assert (draft.status, draft.origin, draft.applied) == ("complete", "offline", True)
        assert editor.editor.text == draft.text == app.session.project.text("overview")
        assert editor.suggestion_area.text == draft.text
        assert "【待核实】" in draft.text  # last year's unmatched figures are flagged
        notes = str(editor.query_one("#draft-notes", Static).render())
        assert "已写入正文" in notes and "N6" in notes and "待核实" in notes
        assert any("起草完成，已写入正文" in m for m in messages(app))
        await pilot.press("ctrl+z")  # the draft was one undoable edit
        await eventually(pilot, lambda: app.session.project.text("overview") == "")
        assert app.session.project.text("overview") == ""
    saved = load_project(project_file).project
    assert saved.drafts["overview"].text == draft.text


async def test_a_draft_never_overwrites_edited_text_f8_asks_first(make_app, project_file):
    app = make_app(project_file, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await narrative(app, pilot)
        screen.show_section("problems")
        mine = "我们自己写的问题和改进。"
        screen.editor("problems").editor.load_text(mine)
        await pilot.press("f5")
        await drafted(app, pilot)
        draft = app.session.project.drafts["problems"]
        assert draft.status == "complete" and not draft.applied
        assert app.session.project.text("problems") == mine
        assert screen.editor("problems").suggestion_area.text == draft.text
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-replace")
        await eventually(pilot, lambda: app.session.project.text("problems") == draft.text)
        # saved by the autosave (its second may be long on a loaded machine), not by the exit
        await eventually(
            pilot, lambda: load_project(project_file).project.text("problems") == draft.text
        )


async def test_regenerating_replaces_an_untouched_draft_and_draft_all(make_app, project_file):
    emptied(project_file, "overview", "problems", "other")
    app = make_app(project_file, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await narrative(app, pilot)
        await pilot.press("ctrl+g")  # 全部起草
        await drafted(app, pilot)
        project = app.session.project
        assert all(project.drafts[k].applied for k in ("overview", "problems", "other"))
        first = project.drafts["overview"]
        await pilot.press("f5")  # again: the text is still the untouched draft
        await drafted(app, pilot)
        assert project.drafts["overview"] is not first
        assert project.drafts["overview"].applied
        assert project.text("overview") == project.drafts["overview"].text


async def test_the_preamble_is_not_drafted(make_app, project_file):
    app = make_app(project_file, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await narrative(app, pilot)
        screen.show_section("preamble")
        await pilot.press("f5")
        await pilot.pause()
        assert "开头一段不需要起草" in messages(app)[-1]
        assert "preamble" not in app.session.project.drafts


# --------------------------------------------------------------------------- a real endpoint


async def test_status_line_names_the_configured_model_unless_offline(
    make_app, project_file, fake_llm
):
    for offline, expected in ((False, "fake-model @ 127.0.0.1"), (True, "离线起草")):
        app = make_app(project_file, offline=offline)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.endpoint == expected
            assert expected in str(app.screen.query_one(StatusLine).render())


async def test_model_draft_streams_into_the_suggestion_pane(make_app, project_file, fake_llm):
    emptied(project_file, "overview")
    # three pieces, a pause until the test has looked at them, the rest
    fake_llm.add(Reply(GOOD, stall_after=3, stall=60))
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await narrative(app, pilot)
        await pilot.press("f5")
        pane = screen.editor("overview").suggestion_area
        await wait_for(lambda: len(pane.text) == 18)  # part of it, the rest still coming
        assert pane.text == GOOD[:18]
        assert "正在起草（fake-model @ 127.0.0.1）" in str(
            screen.editor("overview").query_one("#reference-title").render()
        )
        fake_llm.resume()
        await drafted(app, pilot)
        draft = app.session.project.drafts["overview"]
        assert (draft.status, draft.text, draft.origin) == (
            "complete",
            GOOD,
            "fake-model @ 127.0.0.1",
        )
        assert app.session.project.text("overview") == GOOD and pane.text == GOOD
    [request] = fake_llm.chat_requests()
    assert request.body["stream"] is True
    assert load_project(project_file).project.text("overview") == GOOD


async def test_esc_cancels_mid_stream_and_keeps_the_partial_text(make_app, project_file, fake_llm):
    fake_llm.add(Reply(GOOD, stall_after=3, stall=60))
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await narrative(app, pilot)
        mine = app.session.project.text("overview")
        await pilot.press("f5")
        pane = screen.editor("overview").suggestion_area
        await wait_for(lambda: len(pane.text) == 18)
        await pilot.press("escape")
        await drafted(app, pilot)
        draft = app.session.project.drafts["overview"]
        assert draft.status == "incomplete" and "取消" in (draft.message or "")
        assert draft.text == GOOD[:18].strip()
        assert pane.text == draft.text  # what arrived is still shown
        assert app.session.project.text("overview") == mine  # never applied
        assert not screen.drafting
        assert any("起草已取消" in m for m in messages(app))
    saved = load_project(project_file).project
    assert saved.drafts["overview"].text == draft.text and saved.text("overview") == mine


async def test_a_failed_call_says_why_and_loses_nothing(make_app, project_file, fake_llm):
    emptied(project_file, "other")
    fake_llm.add(Status(401, "Incorrect API key provided", code="invalid_api_key"))
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await narrative(app, pilot)
        screen.show_section("other")
        screen.editor("other").editor.load_text("已经写好的一句话。")
        await pilot.pause()
        await pilot.press("f5")
        await drafted(app, pilot)
        draft = app.session.project.drafts["other"]
        assert draft.status == "failed" and "API Key" in (draft.message or "")
        assert app.session.project.text("other") == "已经写好的一句话。"
        [failure] = [n for n in app._notifications if n.title == "起草失败"]
        assert "API Key" in failure.message and "正文没有改动" in failure.message
        assert "Traceback" not in failure.message
    assert load_project(project_file).project.text("other") == "已经写好的一句话。"


async def test_unusable_settings_are_explained_before_any_call(
    make_app, project_file, fake_llm, monkeypatch
):
    monkeypatch.delenv("DRAFTER_MODEL")
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await narrative(app, pilot)
        await pilot.press("f5")
        await drafted(app, pilot)
        [note] = [n for n in app._notifications if n.title == "无法起草"]
        assert "未设置模型名" in note.message and "--offline" in note.message
        assert "overview" not in app.session.project.drafts
    assert fake_llm.chat_requests() == []


async def test_a_wrong_figure_is_asked_again_and_the_pane_starts_over(
    make_app, project_file, fake_llm
):
    """C1 on the first reply: one re-ask, whose text replaces the first in the pane."""
    emptied(project_file, "overview")
    wrong = GOOD.replace("申请29件", "申请22件")
    fake_llm.add(Reply(wrong), Reply(GOOD))
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await narrative(app, pilot)
        await pilot.press("f5")
        await drafted(app, pilot)
        assert screen.editor("overview").suggestion_area.text == GOOD
        assert app.session.project.text("overview") == GOOD
    second = fake_llm.chat_requests()[1]
    assert "22" in second.last_user and "29" in second.last_user  # told what to fix


async def test_quitting_while_drafting_keeps_what_arrived(make_app, project_file, fake_llm):
    emptied(project_file, "problems")
    fake_llm.add(Reply(GOOD, stall_after=3, stall=60))
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = await narrative(app, pilot)
        screen.show_section("problems")
        await pilot.press("f5")
        pane = screen.editor("problems").suggestion_area
        await wait_for(lambda: len(pane.text) == 18)
        await pilot.press("ctrl+o")  # another project? not while this one is being drafted
        await pilot.pause()
        app.open_project(project_file)
        await pilot.pause()
        assert "正在起草本项目的文字" in messages(app)[-1]
        await pilot.press("ctrl+q")
        await pilot.pause()
    saved = load_project(project_file).project
    assert saved.drafts["problems"].status == "incomplete"
    assert saved.drafts["problems"].text == GOOD[:18].strip()
    assert saved.text("problems") == ""
