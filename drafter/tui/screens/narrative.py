"""The narrative screen: each prose section beside last year's, drafting, suggestions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from drafter import forms
from drafter.tui.autosave import DRAFT_GROUP
from drafter.tui.clipboard import copy_text
from drafter.tui.messages import JumpToCell
from drafter.tui.screens.choice import ChoiceScreen
from drafter.tui.session import Session
from drafter.tui.widgets.claims_panel import ClaimsPanel
from drafter.tui.widgets.key_bar import KeyBar
from drafter.tui.widgets.section_editor import SectionEditor
from drafter.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from drafter.drafting.engine import DraftEvent
    from drafter.model import Draft
    from drafter.tui.app import DrafterApp

EDITED_SECTIONS: tuple[str, ...] = (forms.PREAMBLE_KEY, *forms.NARRATIVE_KEYS)
"""The prose the clerk writes: the opening paragraph and the narrative sections."""


def section_title(key: str) -> str:
    if key == forms.PREAMBLE_KEY:
        return "开头"
    return forms.SECTION_BY_KEY[key].heading


class NarrativeScreen(Screen[None]):
    """Edit the prose sections side by side with last year's text; draft them."""

    # Here rather than in app.tcss: parsed when this screen is first shown.
    DEFAULT_CSS = """
    NarrativeScreen #section-tabs { height: 1fr; }
    NarrativeScreen SectionEditor { height: 1fr; }
    NarrativeScreen SectionEditor .panes { height: 1fr; }
    NarrativeScreen SectionEditor .reference, NarrativeScreen SectionEditor .mine { width: 1fr; }
    NarrativeScreen SectionEditor .pane-title { height: 1; padding: 0 1; color: $text-muted; }
    NarrativeScreen SectionEditor ContentSwitcher { height: 1fr; }
    NarrativeScreen SectionEditor TextArea { height: 1fr; }
    NarrativeScreen SectionEditor #last-year, NarrativeScreen SectionEditor #suggestion {
        background: $surface;
    }
    NarrativeScreen SectionEditor .section-info { height: 1; padding: 0 1; }
    NarrativeScreen SectionEditor .draft-notes {
        height: auto; max-height: 9; padding: 0 1; border-top: solid $primary-muted;
    }
    /* The editor keeps two thirds of its pane; the figures list below it at most 9 lines. */
    NarrativeScreen SectionEditor .mine TextArea { height: 2fr; }
    NarrativeScreen SectionEditor ClaimsPanel { height: 1fr; max-height: 9; min-height: 4; }
    NarrativeScreen.-short SectionEditor .draft-notes { max-height: 5; }
    """

    BINDINGS = [
        Binding(
            "f5",
            "generate_draft",
            "起草本节",
            id="narrative.generate",
            priority=True,
            tooltip="生成本节草稿（再按一次重新起草）；流式显示在左栏，不会覆盖已编辑的文字",
        ),
        Binding(
            "ctrl+g",
            "draft_all",
            "全部起草",
            id="narrative.draft_all",
            priority=True,
            tooltip="起草一、五、六三个部分",
        ),
        Binding(
            "escape",
            "stop_drafting",
            "停止起草",
            id="narrative.stop",
            priority=True,
            tooltip="停止正在进行的起草；已收到的文字保存为未完成的草稿",
        ),
        Binding(
            "f6",
            "next_section",
            "下一节",
            id="narrative.next",
            priority=True,
            tooltip="切换到下一个章节",
        ),
        Binding(
            "f7",
            "toggle_reference",
            "去年/建议",
            id="narrative.reference",
            priority=True,
            tooltip="左栏在去年原文和起草建议之间切换",
        ),
        Binding(
            "f8",
            "accept_suggestion",
            "采用建议",
            id="narrative.accept",
            priority=True,
            tooltip="用起草建议替换本节文字（已编辑的文字会先询问）",
        ),
        Binding(
            "f9",
            "copy_section",
            "复制本节",
            id="narrative.copy",
            priority=True,
            tooltip="复制本节文字到剪贴板，并另存为项目文件旁的文本文件",
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(name="narrative")
        self.session = session
        self.drafting = False
        """True while a draft worker runs (Esc stops it)."""
        self.pending_jump: tuple[str, str | None, int | None] | None = None
        """A jump asked for before the screen was shown: on_mount makes it, not 一."""
        self.shown = False

    def compose(self) -> ComposeResult:
        with TabbedContent(id="section-tabs"):
            for key in EDITED_SECTIONS:
                with TabPane(section_title(key), id=f"sec-{key}"):
                    yield SectionEditor(self.session, key, id=f"editor-{key}")
        yield StatusLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.shown = True
        if self.pending_jump is None:
            self.show_section(forms.NARRATIVE_KEYS[0])
        else:
            self.focus_section(*self.pending_jump)

    def on_screen_resume(self) -> None:
        self.query_one(StatusLine).show_session(self.session)
        for editor in self.query(SectionEditor):
            editor.refresh_claims()  # the tables may have changed meanwhile

    @property
    def drafter_app(self) -> DrafterApp:
        from drafter.tui.app import DrafterApp

        assert isinstance(self.app, DrafterApp)
        return self.app

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stop_drafting":  # hidden, and Esc left to the widgets, when idle
            return self.drafting
        return True

    def editor(self, key: str | None = None) -> SectionEditor:
        if key is None:
            key = self.query_one(TabbedContent).active.removeprefix("sec-")
        return self.query_one(f"#editor-{key}", SectionEditor)

    def show_section(self, key: str) -> None:
        self.query_one(TabbedContent).active = f"sec-{key}"
        self.editor(key).editor.focus()

    def focus_section(self, key: str, excerpt: str | None = None, line: int | None = None) -> None:
        """Show section ``key`` with the caret at ``excerpt`` (or line) of its text.

        A jump from F4 can arrive before the screen is composed and mounted: it waits
        for on_mount, which would otherwise show section 一 over it.
        """
        if not self.shown:
            self.pending_jump = (key, excerpt, line)
            return
        self.query_one(TabbedContent).active = f"sec-{key}"
        self.editor(key).move_to(excerpt, line)

    @on(TabbedContent.TabActivated)
    def _activated(self) -> None:
        self.editor().editor.focus()

    @on(ClaimsPanel.Chosen)
    def _figure_chosen(self, event: ClaimsPanel.Chosen) -> None:
        self.post_message(JumpToCell(event.cell))

    def action_next_section(self) -> None:
        current = self.editor().key
        self.show_section(
            EDITED_SECTIONS[(EDITED_SECTIONS.index(current) + 1) % len(EDITED_SECTIONS)]
        )

    def action_toggle_reference(self) -> None:
        if not self.editor().toggle_reference():
            self.notify("本节还没有起草建议：按 F5 起草")

    def action_copy_section(self) -> None:
        editor = self.editor()
        title = section_title(editor.key)
        path = self.session.path
        name = f"{path.stem}-{title.split('、')[-1]}"  # 云溪县2025年报告-总体情况.txt
        where = copy_text(self.app, editor.editor.text, path.parent, name)
        if where is None:
            self.notify(f"已复制「{title}」到剪贴板（若终端支持）")
        else:
            self.notify(f"已复制「{title}」。若无法粘贴，请打开文件：{where}", timeout=10)

    # ---------------------------------------------------------------- suggestions

    def action_accept_suggestion(self) -> None:
        """Take the suggestion into the text; ask first when the text was edited."""
        editor = self.editor()
        draft = editor.draft
        if editor.streaming:
            self.notify("正在起草：请等起草完成，或按 Esc 停止")
            return
        if draft is None or not draft.text.strip():
            self.notify("本节还没有起草建议：按 F5 起草")
            return
        current = editor.editor.text
        complete = draft.status == "complete"
        if complete and (not current.strip() or current == draft.text):
            self._apply_suggestion(editor)
            return

        def answered(choice: str | None) -> None:
            if choice == "replace":
                self._apply_suggestion(editor)

        what = "起草建议" if complete else f"未完成的草稿（{draft.message or '起草中断'}）"
        question = (
            f"用{what}替换「{section_title(editor.key)}」现有的文字吗？\n"
            "替换后仍可按 Ctrl+Z 撤销，找回现有文字。"
        )
        choices = [("replace", "替换", "warning"), ("cancel", "保留现有文字", "primary")]
        self.app.push_screen(ChoiceScreen(question, choices), answered)

    def _apply_suggestion(self, editor: SectionEditor) -> None:
        draft = editor.draft
        assert draft is not None
        editor.replace_with(draft.text)
        draft.applied = True
        self.session.changed()
        editor.show_info()
        editor.editor.focus()

    # ---------------------------------------------------------------- drafting

    def action_generate_draft(self) -> None:
        self.generate_draft(self.editor().key)

    def action_draft_all(self) -> None:
        self.start_drafting(list(forms.NARRATIVE_KEYS))

    def generate_draft(self, key: str) -> None:
        """Draft (or re-draft) section ``key``, streaming into its suggestion pane."""
        if key not in forms.NARRATIVE_KEYS:
            self.notify("开头一段不需要起草：请直接编辑。F5 起草一、五、六各部分。")
            return
        self.start_drafting([key])

    def start_drafting(self, keys: list[str]) -> None:
        if self.drafting:
            self.notify("正在起草：请等起草完成，或按 Esc 停止后再起草")
            return
        self.drafting = True
        self.refresh_bindings()
        self._draft(keys)

    def action_stop_drafting(self) -> None:
        for worker in self.workers:
            if worker.group == DRAFT_GROUP:
                worker.cancel()

    @work(exclusive=True, group=DRAFT_GROUP, exit_on_error=False)
    async def _draft(self, keys: list[str]) -> None:
        """Draft ``keys`` with the configured drafter; events stream into the editors."""
        from drafter.drafting.engine import draft_sections
        from drafter.tui.drafting import DraftingUnavailable, drafting_setup

        app = self.drafter_app
        try:
            async with drafting_setup(offline=app.offline) as setup:
                app.set_endpoint(setup.label)
                for key in keys:
                    self.editor(key).start_stream(setup.drafter.origin)
                self.query_one(StatusLine).show_session(self.session)
                await draft_sections(
                    setup.drafter,
                    self.session.project,
                    keys,
                    concurrency=setup.concurrency,
                    on_event=self._on_draft_event,
                )
        except DraftingUnavailable as exc:
            self.notify(str(exc), title="无法起草", severity="error", timeout=15)
        finally:
            self._drafting_over(keys)

    def _drafting_over(self, keys: list[str]) -> None:
        self.drafting = False
        if not self.is_attached:  # the app is closing: nothing left to show
            return
        for key in keys:
            editor = self.editor(key)
            if editor.streaming:  # ended before its SectionDone (unavailable, crash)
                editor.streaming = None
                draft = editor.draft
                editor.suggestion_area.load_text(draft.text if draft else "")
                editor.show_info()
        self.refresh_bindings()

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == DRAFT_GROUP and event.state == WorkerState.ERROR:
            self.notify(
                f"起草时出现意外错误（{event.worker.error}）。正文和已有草稿都没有改动；"
                "请重试，若反复出现请把日志发给维护人员。",
                title="起草失败",
                severity="error",
                timeout=15,
            )

    def _on_draft_event(self, event: DraftEvent) -> None:
        from drafter.drafting.engine import AttemptStarted, SectionDone, TextDelta

        editor = self.editor(event.key)
        if isinstance(event, TextDelta):
            editor.stream_text(event)
        elif isinstance(event, AttemptStarted):
            editor.attempt_started(event)
        elif isinstance(event, SectionDone):
            self._section_done(editor, event.draft)

    def _section_done(self, editor: SectionEditor, draft: Draft) -> None:
        """Record the draft; into the text only while the clerk has not edited it."""
        from drafter.drafting.apply import apply_draft

        key = editor.key
        # What is in the editor is what the clerk has typed, even a keystroke whose
        # change message is still queued: decide on that, never on an older copy.
        self.session.set_text(key, editor.editor.text)
        outcome = apply_draft(self.session.project, key, draft)
        editor.finish_stream(draft, outcome)
        self.session.changed()
        title = section_title(key)
        if draft.status == "complete":
            errors = sum(1 for f in draft.findings if f.severity == "error")
            checked = f"，核对发现{errors}项错误，见左栏" if errors else ""
            said = "已写入正文" if outcome == "applied" else "正文已有修改，草稿作为建议放在左栏"
            self.notify(f"「{title}」起草完成，{said}{checked}。", timeout=8)
        else:
            kept = "；保留上次的完整草稿" if outcome == "kept" else ""
            self.notify(
                f"「{title}」{draft.message or '起草未完成'}。正文没有改动{kept}。",
                title="起草未完成" if draft.status == "incomplete" else "起草失败",
                severity="warning" if draft.status == "incomplete" else "error",
                timeout=15,
            )
