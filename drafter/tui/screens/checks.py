"""The checks screen: every finding, grouped by severity and section; Enter goes there."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static, Tree
from textual.widgets.tree import NodeID, TreeNode

from drafter import forms
from drafter.model import Finding
from drafter.tui.messages import JumpToFinding
from drafter.tui.session import Session
from drafter.tui.widgets.key_bar import KeyBar
from drafter.tui.widgets.status_line import StatusLine

SEVERITIES = (("error", "错误"), ("warning", "警告"))


def section_label(key: str | None) -> str:
    if key in forms.SECTION_BY_KEY:
        return forms.SECTION_BY_KEY[key].heading
    if key == forms.PREAMBLE_KEY:
        return "开头"
    return "其他"


def group(findings: list[Finding]) -> list[tuple[str, list[tuple[str, list[Finding]]]]]:
    """Findings by severity (errors first), then by section in report order."""
    order = {key: i for i, key in enumerate(forms.SECTION_KEYS)}
    grouped = []
    for severity, _ in SEVERITIES:
        mine = [f for f in findings if f.severity == severity]
        sections: dict[str | None, list[Finding]] = {}
        for finding in mine:
            sections.setdefault(finding.location.section, []).append(finding)
        keys = sorted(sections, key=lambda k: order.get(k or "", len(order)))
        grouped.append((severity, [(section_label(k), sections[k]) for k in keys]))
    return grouped


class ChecksScreen(Screen[None]):
    """All findings of the project; Enter jumps to the cell or the sentence."""

    # Here rather than in app.tcss: parsed when this screen is first shown.
    DEFAULT_CSS = """
    ChecksScreen #checks-summary { height: auto; padding: 0 1; margin-top: 1; }
    ChecksScreen #findings { height: 1fr; overflow-x: hidden; }
    ChecksScreen #finding-detail { height: 5; padding: 0 1; border-top: solid $primary; }
    """

    BINDINGS = [
        Binding(
            "enter",
            "jump",
            "转到",
            id="checks.jump",
            priority=True,
            tooltip="转到问题所在的单元格或句子（在分组上：展开或收起）",
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(name="checks")
        self.session = session
        self.hints: dict[NodeID, Finding] = {}
        """Tree nodes showing last year's import hints, and the hint each shows."""

    def compose(self) -> ComposeResult:
        yield Static("", id="checks-summary")
        tree: Tree[Finding | None] = Tree("核对结果", id="findings")
        tree.show_root = False
        yield tree
        yield Static("", id="finding-detail")
        yield StatusLine()
        yield KeyBar()

    def on_screen_resume(self) -> None:
        self.query_one(StatusLine).show_session(self.session)
        self.rebuild()
        self.query_one(Tree).focus()

    def rebuild(self) -> None:
        findings = self.session.findings
        tree: Tree[Finding | None] = self.query_one(Tree)
        tree.clear()
        errors, warnings = self.session.counts()
        summary = self.query_one("#checks-summary", Static)
        if not findings:
            summary.update("未发现问题。")
        else:
            summary.update(
                f"错误 {errors} 项（导出前必须修正）· 警告 {warnings} 项（请核实）。"
                "选中一项按 Enter 转到该处。"
            )
        first: TreeNode[Finding | None] | None = None
        for severity, sections in group(findings):
            count = sum(len(items) for _, items in sections)
            if not count:
                continue
            name = dict(SEVERITIES)[severity]
            top = tree.root.add(f"{name}（{count}）", expand=True)
            for label, items in sections:
                node = top.add(f"{label}（{len(items)}）", expand=True)
                for finding in items:
                    leaf = node.add_leaf(
                        Text.assemble((f"{finding.rule} ", "bold"), finding.message),
                        data=finding,
                    )
                    first = first or leaf
        self._add_import_hints(tree)
        self.show_detail(None)
        if first is not None:
            tree.call_after_refresh(tree.move_cursor, first)

    def _add_import_hints(self, tree: Tree[Finding | None]) -> None:
        """What reading last year's file found (N1 headings, V3 blanks …): not findings
        of this report, but the clerk must see them to trust the carried figures."""
        self.hints = {}
        last = self.session.project.last_year
        info = last.imported if last is not None else None
        if info is None or not info.findings:
            return
        top = tree.root.add(f"上年报告导入提示（{len(info.findings)}）", expand=True)
        for hint in info.findings:
            where = f"第 {hint.location.line} 行 " if hint.location.line else ""
            leaf = top.add_leaf(Text.assemble((f"{hint.rule} ", "bold"), where, hint.message))
            self.hints[leaf.id] = hint

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[Finding | None]) -> None:
        hint = self.hints.get(event.node.id)
        if hint is not None:
            self.show_hint(hint)
        else:
            self.show_detail(event.node.data)

    def show_hint(self, hint: Finding) -> None:
        last = self.session.project.last_year
        info = last.imported if last is not None else None
        source = Path(info.file).name if info is not None else "上年报告"
        line = f"第 {hint.location.line} 行" if hint.location.line else ""
        parts = [
            Content.assemble((f"{hint.rule} ", "bold"), hint.message),
            Content(f"位置：上年报告 {source} {line}".rstrip()),
            Content("这是读取去年报告原文时发现的问题：请对照原文核实结转和参考的内容。"),
        ]
        self.query_one("#finding-detail", Static).update(Content("\n").join(parts))

    def show_detail(self, finding: Finding | None) -> None:
        detail = self.query_one("#finding-detail", Static)
        if finding is None:
            detail.update("")
            return
        cell = finding.location.cell
        fmt = self.session.project.format
        cells = forms.cells_by_path(fmt)
        where = cells[cell].label if cell in cells else section_label(finding.location.section)
        parts = [Content.assemble((f"{finding.rule} ", "bold"), finding.message)]
        if finding.excerpt:
            parts.append(Content(f"「{finding.excerpt}」"))
        parts.append(Content(f"位置：{where}"))
        detail.update(Content("\n").join(parts))

    def action_jump(self) -> None:
        node = self.query_one(Tree).cursor_node
        if node is not None and node.data is not None:
            self.post_message(JumpToFinding(node.data))
        elif node is not None and node.id in self.hints:
            self.notify("这是去年报告原文中的问题，在本报告中没有对应位置：请对照原文核实")
        elif node is not None:
            node.toggle()
