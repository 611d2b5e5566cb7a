"""The main journey, as a clerk does it, in one run of the real app.

New report from last year's published file (the seed report: 川汇区信访局 2021) →
this year's figures typed and pasted, every other cell 0 (the export gate refuses a
blank cell) → the prose drafted offline (this year's figures stated from the tables) →
the 【待核实】 marks on last year's figures and names the checker flags resolved in the
editor → exported to Word and Markdown, the files read back.
"""

from __future__ import annotations

from pathlib import Path

import docx
from textual import events
from textual.widgets import Button, Input, RadioButton, Tree

from drafter import forms
from drafter.store import load_project
from drafter.tui.screens.checks import ChecksScreen
from drafter.tui.screens.export import ExportScreen
from drafter.tui.screens.figures import FiguresScreen
from drafter.tui.screens.narrative import NarrativeScreen
from tests.factories import CORPUS
from tests.readback import docx_cells, expected_cells
from tests.tui.conftest import SIZE, eventually

SEED = CORPUS / "seed" / "000_20272e85d49a1cc6.txt"
TITLE = "川汇区信访局2022年政府信息公开工作年度报告"
MARKED_SENTENCE = "一是通过各媒体发表政务信息39条【待核实】。"
FIXED_SENTENCE = "一是通过各媒体发表政务信息42条。"
STATED = "本年度新收政府信息公开申请6件，没有上年结转的申请。"
ZEROS = "\t".join("0" * 6)


async def new_report_from_the_seed(app, pilot, workdir: Path) -> None:
    start = app.screen
    start.query_one("#agency", Input).value = "川汇区信访局"
    start.query_one("#year", Input).value = "2022"
    start.query_one("#last-year", Input).value = str(SEED)
    await pilot.pause()
    assert start.query_one("#new-path", Input).value == str(workdir / "川汇区信访局2022年报告.json")
    start.query_one("#create", Button).press()
    # The import runs, the tables are shown, then the notice says what was carried.
    await eventually(
        pilot,
        lambda: (
            isinstance(app.screen, FiguresScreen)
            and any("从去年结转" in n.message for n in app._notifications)
        ),
    )
    project = app.session.project
    assert project.last_year is not None and project.last_year.year == 2021
    assert project.last_year.agency == "川汇区信访局"
    assert "未收取任何信息公开费用" in project.last_year.text("overview")
    carried_out = project.last_year.tables.requests["carried_out"]
    assert project.tables.requests["carried_in"] == carried_out  # X1


async def paste(figures, pilot, path: str, text: str) -> None:
    figures.focus_cell(path)
    await pilot.pause()
    figures.grid(path.split(".")[0]).post_message(events.Paste(text))
    await pilot.pause()


async def enter_figures(app, pilot) -> None:
    figures = app.screen
    # Zero where there is nothing: pasted as a block, as copied from a spreadsheet.
    outcomes = [r.key for r in forms.request_rows("2021") if r.outcome]
    await paste(figures, pilot, "requests.granted.natural_person", "\n".join([ZEROS] * 21))
    assert len(outcomes) == 21
    for row in ("regulations", "normative_documents"):
        await paste(figures, pilot, f"active.{row}.issued", "0\t0\t0")
    for row in ("licensing", "penalty", "enforcement", "fees_wan_yuan"):
        await paste(figures, pilot, f"active.{row}", "0\t0")  # the 2nd falls outside
    await paste(figures, pilot, "appeals.review.upheld", "\t".join("0" * 15))
    await paste(figures, pilot, "requests.carried_out.business", "\t".join("0" * 5))
    grid = figures.grid("requests")
    figures.focus_cell("requests.new.natural_person")
    await pilot.pause()
    grid.post_message(events.Paste("5\t1\t0\t0\t0\t0"))  # a row copied from Excel
    await pilot.pause()
    figures.focus_cell("requests.granted.natural_person")
    await pilot.pause()
    grid.post_message(events.Paste("4 1 0 0 0 0"))  # a row copied from a web page
    await pilot.pause()
    figures.focus_cell("requests.carried_out.natural_person")
    await pilot.pause()
    await pilot.press("１", "enter")  # full-width, as an IME may type it
    await eventually(pilot, lambda: not app.session.first_check_pending and not app.session.dirty)
    await app.workers.wait_for_complete()
    tables = app.session.project.tables
    assert tables.get("requests.new.total") == 6  # R3, computed
    assert tables.get("requests.total.total") == 5  # R2
    assert tables.get("requests.carried_out.total") == 1
    assert not [f for f in app.session.findings if f.rule in ("R1", "R2", "R3")]


async def draft_offline(app, pilot) -> NarrativeScreen:
    await pilot.press("f3")
    await pilot.pause()
    narrative = app.screen
    assert isinstance(narrative, NarrativeScreen)
    await pilot.press("ctrl+g")  # 全部起草
    project = app.session.project
    drafted = ("overview", "problems", "other")

    def applied() -> bool:
        drafts = [project.drafts.get(key) for key in drafted]
        return all(d is not None and d.applied and d.status == "complete" for d in drafts)

    await eventually(pilot, lambda: applied() and not narrative.drafting, 30)
    await eventually(pilot, lambda: not app.session.first_check_pending)
    for key in drafted:
        draft = project.drafts[key]
        assert draft.status == "complete" and draft.applied and draft.origin == "offline"
        assert project.text(key) == draft.text
    assert "2021" not in project.text("problems")  # last year's year rolled on
    return narrative


def errors_of(app) -> list:
    return [f for f in app.session.findings if f.severity == "error"]


async def fix_the_findings(app, pilot) -> None:
    # The figures are this year's, from the tables: no C1, no N1, and the overview is
    # not last year's (五 may be: N7 warns, the clerk rewrites it); what remains
    # are the marks on last year's figures and names (N6), which block the export.
    findings = app.session.findings
    assert [f for f in findings if f.rule in ("C1", "N1")] == []
    assert [f for f in findings if f.rule == "N7" and f.location.section == "overview"] == []
    assert STATED in app.session.project.text("overview")
    errors = errors_of(app)
    assert {(f.rule, f.location.section) for f in errors} == {("N6", "overview")}
    assert any(f.excerpt == MARKED_SENTENCE for f in errors)
    # The clerk opens the checks list, picks the mark on 39条 and presses Enter …
    await pilot.press("f4")
    await eventually(pilot, lambda: isinstance(app.screen, ChecksScreen) and app.screen.query(Tree))
    checks = app.screen
    assert isinstance(checks, ChecksScreen)
    tree = checks.query_one(Tree)
    await eventually(pilot, lambda: app.focused is tree)
    leaf = next(
        n for n in _leaves(tree.root) if n.data is not None and n.data.excerpt == MARKED_SENTENCE
    )
    tree.move_cursor(leaf)
    await pilot.press("enter")
    await eventually(pilot, lambda: isinstance(app.screen, NarrativeScreen))
    # … lands on the sentence in the editor and rewrites it.
    narrative = app.screen
    assert isinstance(narrative, NarrativeScreen)
    editor = narrative.editor("overview").editor
    assert app.focused is editor
    row, col = editor.cursor_location
    end = (row, col + len(MARKED_SENTENCE))
    assert editor.get_text_range((row, col), end) == MARKED_SENTENCE
    editor.replace(FIXED_SENTENCE, (row, col), end)
    # The other marks (the officials' names): checked by hand, so the marks go.
    while "【待核实】" in editor.text:
        marked = editor.text.index("【待核实】")
        start = editor.document.get_location_from_index(marked)
        stop = editor.document.get_location_from_index(marked + len("【待核实】"))
        editor.delete(start, stop)
    await eventually(pilot, lambda: errors_of(app) == [])
    text = app.session.project.text("overview")
    assert FIXED_SENTENCE in text and "【待核实】" not in text
    claims = narrative.editor("overview").query_one("#claims")
    # 6件 is checked against 表三, ✓ (the panel follows a short pause in typing)
    await eventually(pilot, lambda: any(c.holds for c in claims.claims))


def _leaves(node):
    for child in node.children:
        yield child
        yield from _leaves(child)


async def export(app, pilot, fmt: str) -> Path:
    await pilot.press("f10")
    await eventually(pilot, lambda: isinstance(app.screen, ExportScreen))
    dialog = app.screen
    await eventually(pilot, lambda: dialog.query("#export-go"))
    if fmt != "docx":
        dialog.query_one(f"#fmt-{fmt}", RadioButton).value = True
        field = dialog.query_one("#export-path", Input)
        suffix = dialog.formats[fmt][0]
        await eventually(pilot, lambda: field.value.endswith(suffix))
    path = Path(dialog.query_one("#export-path", Input).value)
    dialog.query_one("#export-go", Button).press()
    # The export runs in the handler (python-docx loads first); the dialog closes and
    # its result reaches the app as a notice naming the file.
    await eventually(
        pilot,
        lambda: (
            not isinstance(app.screen, ExportScreen)
            and any(str(path) in n.message for n in app._notifications)
        ),
        30,
    )
    return path


async def test_new_report_from_the_seed_to_word_and_markdown(make_app, tmp_path):
    app = make_app(offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await new_report_from_the_seed(app, pilot, tmp_path)
        await enter_figures(app, pilot)
        await draft_offline(app, pilot)
        await fix_the_findings(app, pilot)
        word = await export(app, pilot, "docx")
        markdown = await export(app, pilot, "markdown")
        project = app.session.project
        said = [n.message for n in app._notifications]
        assert any(m.startswith(f"已导出（Word 文档）：\n{word}") for m in said)
        assert any(m.startswith(f"已导出（Markdown 文本）：\n{markdown}") for m in said)
    assert word == tmp_path / f"{TITLE}.docx" and markdown == tmp_path / f"{TITLE}.md"
    saved = load_project(tmp_path / "川汇区信访局2022年报告.json").project
    assert saved.model_dump() == project.model_dump()  # everything reached the file

    document = docx.Document(str(word))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == TITLE
    assert any(FIXED_SENTENCE in p for p in paragraphs)
    assert any(STATED in p for p in paragraphs)
    assert not any("【待核实】" in p or "**" in p or p.startswith("- ") for p in paragraphs)
    assert len(document.tables) == 3
    assert docx_cells(document.tables[1]) == expected_cells(saved, "requests")  # 表三

    text = markdown.read_text(encoding="utf-8")
    assert text.startswith(f"# {TITLE}")
    assert FIXED_SENTENCE in text and "## 三、收到和处理政府信息公开申请情况" in text
