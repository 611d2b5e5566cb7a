"""The narrative screen: each prose section beside last year's, with suggestions."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent, TabPane

from drafter import forms
from drafter.tui.clipboard import copy_text
from drafter.tui.screens.choice import ChoiceScreen
from drafter.tui.session import Session
from drafter.tui.widgets.section_editor import SectionEditor
from drafter.tui.widgets.status_line import StatusLine

EDITED_SECTIONS: tuple[str, ...] = (forms.PREAMBLE_KEY, *forms.NARRATIVE_KEYS)
"""The prose the clerk writes: the opening paragraph and the narrative sections."""


def section_title(key: str) -> str:
    if key == forms.PREAMBLE_KEY:
        return "开头"
    return forms.SECTION_BY_KEY[key].heading


class NarrativeScreen(Screen[None]):
    """Edit the prose sections side by side with last year's text."""

    BINDINGS = [
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
            tooltip="复制本节文字到剪贴板，并另存为文本文件",
        ),
        Binding(
            "f5",
            "generate_draft",
            "起草",
            id="narrative.generate",
            priority=True,
            show=False,
            tooltip="生成本节草稿（需要起草功能）",
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(name="narrative")
        self.session = session

    def compose(self) -> ComposeResult:
        with TabbedContent(id="section-tabs"):
            for key in EDITED_SECTIONS:
                with TabPane(section_title(key), id=f"sec-{key}"):
                    yield SectionEditor(self.session, key, id=f"editor-{key}")
        yield StatusLine()
        yield Footer()

    def on_mount(self) -> None:
        self.show_section(forms.NARRATIVE_KEYS[0])

    def on_screen_resume(self) -> None:
        self.query_one(StatusLine).show_session(self.session)

    def editor(self, key: str | None = None) -> SectionEditor:
        if key is None:
            key = self.query_one(TabbedContent).active.removeprefix("sec-")
        return self.query_one(f"#editor-{key}", SectionEditor)

    def show_section(self, key: str) -> None:
        self.query_one(TabbedContent).active = f"sec-{key}"
        self.editor(key).editor.focus()

    def focus_section(self, key: str, excerpt: str | None = None, line: int | None = None) -> None:
        """Show section ``key`` with the caret at ``excerpt`` (or line) of its text."""
        self.query_one(TabbedContent).active = f"sec-{key}"
        self.editor(key).move_to(excerpt, line)

    @on(TabbedContent.TabActivated)
    def _activated(self) -> None:
        self.editor().editor.focus()

    def action_next_section(self) -> None:
        current = self.editor().key
        self.show_section(
            EDITED_SECTIONS[(EDITED_SECTIONS.index(current) + 1) % len(EDITED_SECTIONS)]
        )

    def action_toggle_reference(self) -> None:
        if not self.editor().toggle_reference():
            self.notify("本节还没有起草建议")

    def action_copy_section(self) -> None:
        editor = self.editor()
        project = self.session.project
        name = f"{project.agency}{project.year or ''}-{editor.key}"
        where = copy_text(self.app, editor.editor.text, name)
        title = section_title(editor.key)
        if where is None:
            self.notify(f"已复制「{title}」到剪贴板（若终端支持）")
        else:
            self.notify(f"已复制「{title}」。若无法粘贴，请打开文件：{where}", timeout=10)

    # ---------------------------------------------------------------- suggestions

    def action_accept_suggestion(self) -> None:
        """Take the suggestion into the text; ask first when the text was edited."""
        editor = self.editor()
        draft = editor.draft
        if draft is None or not draft.text.strip():
            self.notify("本节还没有起草建议")
            return
        current = editor.editor.text
        if not current.strip() or current == draft.text:
            self._apply_suggestion(editor)
            return

        def answered(choice: str | None) -> None:
            if choice == "replace":
                self._apply_suggestion(editor)

        question = (
            f"「{section_title(editor.key)}」已有编辑过的文字。用起草建议替换吗？\n"
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

    def generate_draft(self, key: str) -> None:
        """Phase 2 (issue 5) wires drafting here.

        Contract: start ``@work(exclusive=True, group="draft", exit_on_error=False)`` that
        streams the engine's draft of section ``key`` into this section's suggestion pane
        (``SectionEditor.show_suggestion``), Esc cancels (partial text kept as an
        incomplete ``Draft``), and the result is stored in ``project.drafts[key]`` via the
        session. It never writes the clerk's text: accepting is ``action_accept_suggestion``.
        """
        self.notify(
            "这个版本还不能生成草稿：请直接编辑，或采用已有的起草建议。", severity="warning"
        )

    def action_generate_draft(self) -> None:
        self.generate_draft(self.editor().key)
