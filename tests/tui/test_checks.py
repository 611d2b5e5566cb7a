"""The checks screen: findings grouped; Enter goes to the cell or into the text."""

from __future__ import annotations

from textual.widgets import TabbedContent, Tree

from drafter.model import Finding, Location
from drafter.tui.messages import JumpToFinding
from drafter.tui.screens.checks import ChecksScreen, group
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.screens.narrative import NarrativeScreen
from tests.tui.conftest import SIZE, eventually


async def break_a_total(app, pilot) -> None:
    figures = app.screen
    assert isinstance(figures, FiguresScreen)
    figures.focus_cell("requests.granted.natural_person")
    await pilot.pause()
    await pilot.press("2", "0", "enter")  # 12 → 20: column 自然人 no longer balances (R1)


async def test_findings_are_grouped_and_enter_jumps_to_the_cell(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        await break_a_total(app, pilot)
        figures = app.screen
        figures.focus_cell("active.regulations.issued")
        await pilot.press("f4")
        await eventually(pilot, lambda: isinstance(app.screen, ChecksScreen))
        checks = app.screen
        tree = checks.query_one(Tree)
        await eventually(pilot, lambda: app.focused is tree)
        labels = [str(n.label) for n in tree.root.children]
        # R1 in the columns 自然人 and 总计, and C1: the prose still says 结转下年度2件.
        assert labels == ["错误（3）"]
        sections = [str(n.label) for n in tree.root.children[0].children]
        assert sections == ["一、总体情况（1）", "三、收到和处理政府信息公开申请情况（2）"]
        assert app.focused is tree
        r1 = tree.root.children[0].children[1].children[0]
        tree.move_cursor(r1)
        finding = tree.cursor_node.data
        assert finding is not None and finding.rule == "R1"
        assert str(r1.label) == f"R1 {finding.message}"  # the id, a space, the message
        await pilot.press("enter")
        assert finding.location.cell == "requests.carried_out.natural_person"
        grid = figures.grid("requests")
        await eventually(pilot, lambda: app.screen is figures and app.focused is grid)
        await eventually(pilot, lambda: grid.cursor == finding.location.cell)
        assert figures.current_grid() is grid


async def test_enter_on_a_text_finding_puts_the_caret_at_the_sentence(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        text = app.session.project.text("problems")
        sentence = text.split("。")[1] + "。"
        finding = Finding(
            rule="N6",
            severity="error",
            message="年份有误",
            location=Location(section="problems"),
            excerpt=sentence,
        )
        app.post_message(JumpToFinding(finding))
        await eventually(pilot, lambda: isinstance(app.screen, NarrativeScreen))
        screen = app.screen
        editor = screen.editor("problems").editor
        await eventually(pilot, lambda: app.focused is editor and editor.cursor_location != (0, 0))
        row, col = editor.cursor_location
        lines = text.split("\n")
        offset = sum(len(line) + 1 for line in lines[:row]) + col
        assert text[offset:].startswith(sentence)


async def test_a_jump_that_arrives_before_the_text_screen_mounts_is_kept(make_app, project_file):
    """On a loaded machine the jump can run before the screen is composed: on_mount
    must make it rather than fail on the missing tabs or show section 一 over it."""
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.project_screen("narrative")
        assert isinstance(screen, NarrativeScreen) and not screen.is_mounted
        screen.focus_section("other", line=2)
        app.action_show("narrative")
        await eventually(pilot, lambda: app.screen is screen and screen.is_mounted)
        editor = screen.editor("other").editor
        await eventually(pilot, lambda: app.focused is editor)
        assert screen.query_one(TabbedContent).active == "sec-other"
        assert editor.cursor_location == (1, 0)


def test_grouping_puts_errors_first_and_sections_in_report_order():
    def f(sev, section):
        return Finding(rule="X", severity=sev, message="m", location=Location(section=section))

    findings = [
        f("warning", "other"),
        f("error", "appeals"),
        f("warning", "requests"),
        f("error", "overview"),
        f("warning", None),
    ]
    grouped = group(findings)
    assert [s for s, _ in grouped] == ["error", "warning"]
    assert [label for label, _ in grouped[0][1]] == [
        "一、总体情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    assert [label for label, _ in grouped[1][1]][-1] == "其他"
