"""「从台账生成」: count tables 三 and 四 from the ledger, asking the clerk what only they know.

The flow, started from the figures screen (Ctrl+L, or the command palette): pick the
ledger file → count it off the event loop (``drafter.ledger.count_file``) → for each
value the vocabulary cannot settle, a :class:`ValuePicker` → errors are listed and
nothing changes → figures the clerk typed are replaced only after a yes → the cells,
totals and provenance go in through the session (autosaved; Ctrl+Z restores the tables).
Everything here is presentation; the counting and recording are the core's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from drafter.tui.screens.choice import ChoiceScreen
from drafter.tui.screens.file_picker import FilePickerScreen

if TYPE_CHECKING:
    from drafter.forms import FormatId
    from drafter.ledger import Counted
    from drafter.ledger.counting import Question
    from drafter.tui.screens.figures import FiguresScreen

LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt")
MAX_LISTED = 8


class ValuePicker(ModalScreen[str | None]):
    """Which table item a ledger value means; dismisses with the target key, None on Esc."""

    BINDINGS = [
        Binding("escape", "cancel", "取消", id="ledger.cancel", tooltip="不选择，放弃本次统计"),
    ]

    DEFAULT_CSS = """
    ValuePicker { align: center middle; }
    ValuePicker > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ValuePicker OptionList { height: auto; max-height: 16; }
    """

    def __init__(self, question: Question, fmt: FormatId, position: tuple[int, int]) -> None:
        super().__init__()
        self.question = question
        self.fmt = fmt
        self.position = position

    def compose(self) -> ComposeResult:
        from drafter.ledger.choices import rows_text
        from drafter.ledger.vocabulary import FIELDS, target_label, targets

        q = self.question
        fmt = self.fmt
        keys = q.candidates or tuple(t.key for t in targets(q.field, fmt))
        why = "可能是下面几项之一" if q.candidates else "对应不到表格中的任何一项"
        done, total = self.position
        with Vertical():
            yield Static(
                f"台账取值 {done}/{total}：{FIELDS[q.field]}「{q.value}」{why}，请选择"
                f"（{rows_text(q.refs)}；同样写法的行都按所选统计）",
                id="ledger-question",
                markup=False,
            )
            yield OptionList(
                *(Option(target_label(q.field, key, fmt), id=key) for key in keys),
                id="ledger-options",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LedgerFlow:
    """One 「从台账生成」 run for the figures screen's project."""

    def __init__(self, screen: FiguresScreen) -> None:
        self.screen = screen
        self.session = screen.session
        self.path: Path | None = None
        self.choices: dict[str, dict[str, str]] = {}

    def start(self) -> None:
        picker = FilePickerScreen(
            "选择政府信息公开申请登记台账", self.session.path, LEDGER_SUFFIXES
        )
        self.screen.app.push_screen(picker, self._picked)

    def _picked(self, path: Path | None) -> None:
        if path is not None:
            self.path = path
            self._count()

    def _count(self) -> None:
        path, choices = self.path, self.choices
        assert path is not None
        project = self.session.project.model_copy(deep=True)
        app = self.screen.app

        def count() -> None:  # off the event loop: a big ledger takes a moment
            from drafter.ledger import LedgerError, count_file

            result: Counted | str
            try:
                result = count_file(path, project, choices=choices)
            except LedgerError as exc:
                result = str(exc)
            app.call_from_thread(self.counted, result)

        self.screen.notify(f"正在统计 {path.name}……", timeout=3)
        self.screen.run_worker(
            count, thread=True, group="ledger", exclusive=True, exit_on_error=False
        )

    def counted(self, counted: Counted | str) -> None:
        """Back on the event loop with the count (or a Chinese line saying why not)."""
        app = self.screen.app
        if isinstance(counted, str):
            app.notify(counted, title="无法从台账统计", severity="error", timeout=12)
            return
        count = counted.count
        if count.errors:
            lines = [issue.message for issue in count.errors[:MAX_LISTED]]
            more = len(count.errors) - MAX_LISTED
            if more > 0:
                lines.append(f"……另有 {more} 项（drafter ledger 命令列出全部）")
            text = (
                f"台账有 {len(count.errors)} 处错误，表格没有改动。请在台账中改正后再统计：\n"
                + "\n".join(lines)
            )
            app.push_screen(ChoiceScreen(text, [("close", "关闭", "primary")], cancel="close"))
            return
        if count.questions:
            self._ask(counted, 0)
            return
        self._confirm(counted)

    def _ask(self, counted: Counted, index: int) -> None:
        questions = counted.count.questions
        question = questions[index]

        def chosen(target: str | None) -> None:
            if target is None:
                self.screen.notify("已取消从台账统计，表格没有改动。")
                return
            self.choices.setdefault(question.field, {})[question.key] = target
            if index + 1 < len(questions):
                self._ask(counted, index + 1)
            else:
                self._count()

        picker = ValuePicker(question, counted.count.format, (index + 1, len(questions)))
        self.screen.app.push_screen(picker, chosen)

    def _confirm(self, counted: Counted) -> None:
        from drafter import forms
        from drafter.ledger.record import changes

        found = changes(self.session.project, counted.count)
        typed = [c for c in found if c.typed]
        if not typed:
            self._apply(counted, len(found))
            return
        lines = [
            f"{forms.cell_def(c.path).label}：您填写的 {c.old} → 台账 {c.new}"
            for c in typed[:MAX_LISTED]
        ]
        if len(typed) > MAX_LISTED:
            lines.append(f"……另有 {len(typed) - MAX_LISTED} 个")
        question = (
            f"台账统计与您填写的 {len(typed)} 个数字不同：\n"
            + "\n".join(lines)
            + "\n以台账为准替换吗？（之后可按 Ctrl+Z 撤销）"
        )

        def answered(choice: str | None) -> None:
            if choice == "replace":
                self._apply(counted, len(found))
            else:
                self.screen.notify("没有替换，表格保持原样。")

        choices = [("replace", "以台账为准替换", "warning"), ("cancel", "取消", "default")]
        self.screen.app.push_screen(ChoiceScreen(question, choices), answered)

    def _apply(self, counted: Counted, changed: int) -> None:
        from datetime import datetime

        from drafter.ledger.record import apply

        name = self.path.name if self.path else counted.workbook.file
        self.session.replace_tables(
            lambda project: apply(project, counted.count, name, counted.choices, datetime.now())
        )
        tables = "、".join(f"表{'三' if t == 'requests' else '四'}" for t in counted.count.tables)
        self.screen.tables_replaced()
        self.screen.notify(
            f"已从台账 {name} 统计{tables}：{changed} 个单元格有变化。光标所在格的来源显示在下方。",
            title="从台账生成",
            timeout=10,
        )
        warnings = [i.message for i in counted.count.issues if i.severity == "warning"]
        if warnings:
            more = f"\n……另有 {len(warnings) - 3} 项" if len(warnings) > 3 else ""
            self.screen.notify(
                "\n".join(warnings[:3]) + more, title="请核对", severity="warning", timeout=15
            )
