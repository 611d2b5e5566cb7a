"""One narrative section: last year's text (or a suggestion) beside this year's editor.

The right pane is the clerk's text (every keystroke goes to the model and is
autosaved; Ctrl+Z undoes). The left pane is read-only: last year's text of the same
section, or the latest draft suggestion. A suggestion replaces the clerk's text only on
request, and only after asking when the text has been edited.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static, TextArea

from drafter.model import Draft
from drafter.similarity import overlap
from drafter.tui.session import Session

LAST_YEAR = "last-year"
SUGGESTION = "suggestion"


class SectionEditor(Vertical):
    """Edit one section's text beside last year's."""

    def __init__(self, session: Session, key: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.key = key

    @property
    def draft(self) -> Draft | None:
        return self.session.project.drafts.get(self.key)

    @property
    def last_year_text(self) -> str:
        last = self.session.project.last_year
        return last.text(self.key) if last is not None else ""

    def compose(self) -> ComposeResult:
        draft = self.draft
        with Horizontal(classes="panes"):
            with Vertical(classes="reference"):
                yield Static("", classes="pane-title", id="reference-title")
                with ContentSwitcher(initial=LAST_YEAR, id="reference"):
                    yield TextArea(
                        self.last_year_text, read_only=True, soft_wrap=True, id=LAST_YEAR
                    )
                    yield TextArea(
                        draft.text if draft else "", read_only=True, soft_wrap=True, id=SUGGESTION
                    )
            with Vertical(classes="mine"):
                yield Static("今年（编辑区）", classes="pane-title")
                yield TextArea(self.session.project.text(self.key), soft_wrap=True, id="this-year")
        yield Static("", classes="section-info")

    def on_mount(self) -> None:
        self.show_info()

    @property
    def editor(self) -> TextArea:
        return self.query_one("#this-year", TextArea)

    @property
    def showing_suggestion(self) -> bool:
        return self.query_one("#reference", ContentSwitcher).current == SUGGESTION

    @on(TextArea.Changed, "#this-year")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.session.set_text(self.key, event.text_area.text)
        self.show_info()

    def toggle_reference(self) -> bool:
        """Switch the left pane between last year's text and the suggestion."""
        switcher = self.query_one("#reference", ContentSwitcher)
        if switcher.current == LAST_YEAR and self.draft is None:
            return False
        switcher.current = SUGGESTION if switcher.current == LAST_YEAR else LAST_YEAR
        self.show_info()
        return True

    def show_suggestion(self, draft: Draft) -> None:
        """Put a (new) suggestion in the left pane."""
        self.query_one(f"#{SUGGESTION}", TextArea).load_text(draft.text)
        self.query_one("#reference", ContentSwitcher).current = SUGGESTION
        self.show_info()

    def replace_with(self, text: str) -> None:
        """Replace the clerk's text as one undoable edit (Ctrl+Z brings it back)."""
        editor = self.editor
        editor.replace(text, (0, 0), editor.document.end)
        editor.move_cursor((0, 0))

    def move_to(self, excerpt: str | None, line: int | None) -> None:
        """Put the caret at ``excerpt`` in the text, else at ``line`` (1-based), and focus."""
        editor = self.editor
        text = editor.text
        index = text.find(excerpt) if excerpt else -1
        location: tuple[int, int]
        if index >= 0:
            row = text.count("\n", 0, index)
            location = (row, index - (text.rfind("\n", 0, index) + 1))
        elif line:
            location = (min(line, editor.document.line_count) - 1, 0)
        else:
            location = (0, 0)
        editor.focus()
        editor.move_cursor(location, center=True)

    def show_info(self) -> None:
        last_year = self.session.project.last_year
        title = self.query_one("#reference-title", Static)
        draft = self.draft
        if self.showing_suggestion and draft is not None:
            state = {"complete": "完整", "incomplete": "不完整", "failed": "失败"}[draft.status]
            title.update(f"起草建议（{draft.origin}，{state}）")
        else:
            year = f"{last_year.year}年" if last_year is not None and last_year.year else "去年"
            title.update(f"{year}原文（只读）")
        parts: list[Content] = []
        if not self.last_year_text:
            parts.append(Content("去年没有这一节的文字"))
        else:
            share = overlap(self.session.project.text(self.key), self.last_year_text)
            tint = "$warning" if share.percent >= 50 else "$text-muted"
            parts.append(
                Content.from_markup(
                    f"[{tint}]与去年相同的句子 $carried/$total（$percent%）[/]",
                    carried=str(share.carried),
                    total=str(share.total),
                    percent=str(share.percent),
                )
            )
        if draft is not None and not draft.applied:
            parts.append(Content("有起草建议：F7 查看，F8 采用"))
        self.query_one(".section-info", Static).update(Content(" · ").join(parts))
