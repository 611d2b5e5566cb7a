"""One narrative section: last year's text (or a draft) beside this year's editor.

The right pane is the clerk's text (every keystroke goes to the model and is
autosaved; Ctrl+Z undoes) above the list of its figures and the table cells they were
checked against. The left pane is read-only: last year's text of the same section, or
the draft suggestion with what the checker found in it. While a draft is generated it
streams into the left pane; it reaches the clerk's text only as
``drafter.drafting.apply`` allows (empty or untouched section), or when the clerk
accepts it (F8, asking first when the text was edited).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Static, TextArea
from textual.widgets.text_area import Selection

from drafter.model import Draft
from drafter.similarity import is_copied, section_carried
from drafter.tui.endpoint import origin_label
from drafter.tui.session import Session
from drafter.tui.widgets.claims_panel import ClaimsPanel
from drafter.tui.widgets.prose_area import ProseArea

if TYPE_CHECKING:
    from drafter.drafting.apply import Outcome
    from drafter.drafting.engine import AttemptStarted, TextDelta

LAST_YEAR = "last-year"
SUGGESTION = "suggestion"
STATES = {"complete": "完整", "incomplete": "未完成", "failed": "失败"}
CLAIMS_DELAY = 0.3
"""Seconds of quiet typing before the figures list is checked again."""
MAX_LISTED = 6
"""Draft findings listed under the suggestion (the checks screen has them all)."""


def location_of(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of character ``offset`` of ``text``, as TextArea counts them."""
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


class SectionEditor(Vertical):
    """Edit one section's text beside last year's."""

    def __init__(self, session: Session, key: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.key = key
        self.streaming: str | None = None
        """While a draft streams in: who writes it (offline, or 模型 @ 主机)."""
        self._claims_timer: Timer | None = None

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
                    yield ProseArea(
                        self.last_year_text, read_only=True, soft_wrap=True, id=LAST_YEAR
                    )
                    yield ProseArea(
                        draft.text if draft else "", read_only=True, soft_wrap=True, id=SUGGESTION
                    )
                yield Static("", classes="draft-notes", id="draft-notes")
            with Vertical(classes="mine"):
                yield Static("今年（编辑区）", classes="pane-title")
                yield ProseArea(self.session.project.text(self.key), soft_wrap=True, id="this-year")
                yield ClaimsPanel(self.session, self.key, id="claims")
        yield Static("", classes="section-info")

    def on_mount(self) -> None:
        self.show_info()
        self.refresh_claims()

    @property
    def editor(self) -> TextArea:
        return self.query_one("#this-year", TextArea)

    @property
    def suggestion_area(self) -> TextArea:
        return self.query_one(f"#{SUGGESTION}", TextArea)

    @property
    def showing_suggestion(self) -> bool:
        return self.query_one("#reference", ContentSwitcher).current == SUGGESTION

    @on(TextArea.Changed, "#this-year")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.session.set_text(self.key, event.text_area.text)
        self.show_info()
        if self._claims_timer is not None:
            self._claims_timer.stop()
        self._claims_timer = self.set_timer(CLAIMS_DELAY, self.refresh_claims)

    def refresh_claims(self) -> None:
        """Check the figures of the text against the tables as they are now."""
        self._claims_timer = None
        self.query_one(ClaimsPanel).show_claims(self.editor.text)

    @on(ClaimsPanel.Highlighted)
    def _figure_highlighted(self, event: ClaimsPanel.Highlighted) -> None:
        event.stop()
        text = self.editor.text
        self.editor.selection = Selection(
            location_of(text, event.start), location_of(text, event.end)
        )
        self.editor.scroll_cursor_visible(center=True)

    def toggle_reference(self) -> bool:
        """Switch the left pane between last year's text and the suggestion."""
        switcher = self.query_one("#reference", ContentSwitcher)
        if switcher.current == LAST_YEAR and self.draft is None and not self.streaming:
            return False
        switcher.current = SUGGESTION if switcher.current == LAST_YEAR else LAST_YEAR
        self.show_info()
        return True

    def show_suggestion(self, draft: Draft) -> None:
        """Put a (new) suggestion in the left pane."""
        self.suggestion_area.load_text(draft.text)
        self.query_one("#reference", ContentSwitcher).current = SUGGESTION
        self.show_info()

    # ---------------------------------------------------------------- streaming

    def start_stream(self, origin: str) -> None:
        """A draft starts: the left pane shows it as it arrives."""
        self.streaming = origin
        self.suggestion_area.load_text("")
        self.query_one("#reference", ContentSwitcher).current = SUGGESTION
        self.query_one("#draft-notes", Static).update("")
        self.show_info()

    def attempt_started(self, event: AttemptStarted) -> None:
        if event.reason:
            self.query_one("#draft-notes", Static).update(Content(f"{event.reason}……"))

    def stream_text(self, event: TextDelta) -> None:
        """Append streamed text; a reset (a re-ask, or reasoning dropped) starts over."""
        area = self.suggestion_area
        if event.reset:
            area.load_text(event.text)
        elif event.text:
            area.insert(event.text, area.document.end)
        area.scroll_end(animate=False, immediate=True)

    def finish_stream(self, draft: Draft, outcome: Outcome) -> None:
        """The draft is done; it has been applied per ``drafting.apply`` (``outcome``)."""
        self.streaming = None
        kept = self.draft
        if outcome == "applied":
            self.replace_with(draft.text)  # one undoable edit: Ctrl+Z brings back the old
        self.suggestion_area.load_text(kept.text if kept is not None else draft.text)
        self.show_draft_notes(draft, outcome)
        self.show_info()
        self.refresh_claims()

    def show_draft_notes(self, draft: Draft, outcome: Outcome) -> None:
        """What became of the draft, why it is incomplete, and what the checker found."""
        said = {
            "applied": "已写入正文（Ctrl+Z 可撤销）",
            "suggested": "正文已有修改，未改动正文：F8 采用此建议",
            "stored": "未写入正文",
            "kept": "未写入正文，保留上次的完整草稿",
        }[outcome]
        lines = [Content(f"{STATES[draft.status]}，{said}")]
        if draft.message:
            lines.append(Content.from_markup("[$warning]$message[/]", message=draft.message))
        errors = [f for f in draft.findings if f.severity == "error"]
        if draft.findings:
            lines.append(
                Content(f"核对：错误 {len(errors)} 项，警告 {len(draft.findings) - len(errors)} 项")
            )
        # The same finding at several places (eight 【待核实】) is listed once, counted.
        counted: dict[tuple[str, str, str], int] = {}
        for finding in errors + [f for f in draft.findings if f not in errors]:
            key = (finding.severity, finding.rule, finding.message)
            counted[key] = counted.get(key, 0) + 1
        for (severity, rule, message), count in list(counted.items())[:MAX_LISTED]:
            tint = "$error" if severity == "error" else "$warning"
            times = f"（{count} 处）" if count > 1 else ""
            # No space after the rule id: a space is where Textual would wrap, leaving
            # the id alone on its line before the (unspaced) Chinese message.
            lines.append(
                Content.from_markup(
                    f"[b {tint}]$rule[/]：$message$times", rule=rule, message=message, times=times
                )
            )
        self.query_one("#draft-notes", Static).update(Content("\n").join(lines))

    # ---------------------------------------------------------------- editing

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
            location = location_of(text, index)
        elif line:
            location = (min(line, editor.document.line_count) - 1, 0)
        else:
            location = (0, 0)
        editor.focus()
        editor.move_cursor(location, center=True)
        # Centring needs the editor's size: on a screen still being laid out, again after.
        editor.call_after_refresh(editor.scroll_cursor_visible, center=True)

    def show_info(self) -> None:
        last_year = self.session.project.last_year
        title = self.query_one("#reference-title", Static)
        draft = self.draft
        notes = self.query_one("#draft-notes", Static)
        notes.display = self.showing_suggestion
        if self.showing_suggestion and self.streaming:
            title.update(f"正在起草（{origin_label(self.streaming)}）…… Esc 停止")
        elif self.showing_suggestion and draft is not None:
            title.update(f"起草建议（{origin_label(draft.origin)}，{STATES[draft.status]}）")
        elif self.showing_suggestion:
            title.update("起草建议")
        else:
            year = f"{last_year.year}年" if last_year is not None and last_year.year else "去年"
            title.update(f"{year}原文（只读）")
        parts: list[Content] = []
        if last_year is None:
            parts.append(Content("没有上年报告，无法比较雷同"))
        else:
            # The measure of rule N7 (drafter.similarity): the same figures as in F4.
            carried = section_carried(self.session.project, self.key, last_year)
            tint = "$warning" if is_copied(carried) else "$text-muted"
            parts.append(
                Content.from_markup(
                    f"[{tint}]与去年相同的句子 $carried/$total（$percent%）[/]",
                    carried=str(len(carried.same)),
                    total=str(carried.counted),
                    percent=str(carried.percent),
                )
            )
        if draft is not None and not draft.applied and draft.text:
            parts.append(Content("有起草建议：F7 查看，F8 采用"))
        self.query_one(".section-info", Static).update(Content(" · ").join(parts))
