"""The export dialog: format and path, the gate's refusal with the errors, the override."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Button, Input, RadioButton, Static
from textual.widgets._toast import Toast

from drafter.store import load_project, save_project
from drafter.tui.screens.checks import ChecksScreen
from drafter.tui.screens.export import ExportScreen
from tests.tui.conftest import SIZE, eventually, handled

TITLE = "云溪县市场监督管理局2025年政府信息公开工作年度报告"


async def open_dialog(app, pilot) -> ExportScreen:
    await pilot.press("f10")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportScreen)
    return dialog


async def press(pilot, dialog: ExportScreen, button: str) -> None:
    """Press a button and wait until the dialog has handled it (the export runs in the
    handler: importing python-docx takes a moment on a busy machine) and the app has
    its result (the notice), however long that takes."""
    pressed = dialog.query_one(f"#{button}", Button)
    pressed.press()
    await handled(pilot, pressed)


def message_of(dialog: ExportScreen) -> str:
    return str(dialog.query_one("#export-message", Static).render())


async def test_a_clean_report_exports_next_to_the_project(make_app, project_file):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        field = dialog.query_one("#export-path", Input)
        assert field.value == str(project_file.parent / f"{TITLE}.docx")
        dialog.query_one("#fmt-html", RadioButton).value = True
        html = str(project_file.parent / f"{TITLE}.html")
        await eventually(pilot, lambda: field.value == html)  # the suffix follows
        await press(pilot, dialog, "export-go")
        assert not isinstance(app.screen, ExportScreen)
        [note] = [n for n in app._notifications if n.title == "导出"]
        assert note.message.startswith(f"已导出（网页）：\n{project_file.parent / TITLE}.html")
        assert note.severity == "information"
        # The dialog remembers the last export for the next one.
        dialog = await open_dialog(app, pilot)
        assert dialog.query_one("#export-path", Input).value.endswith(".html")
        assert dialog.query_one("#fmt-html", RadioButton).value
    page = (project_file.parent / f"{TITLE}.html").read_text(encoding="utf-8")
    assert TITLE in page and "<table" in page


async def test_the_export_notice_keeps_its_first_line_whole_at_80x24(make_app, project_file):
    """The path is long and wraps; 「已导出（Word 文档）：」 must not break at its space."""
    app = make_app(project_file)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        dialog = await open_dialog(app, pilot)
        await press(pilot, dialog, "export-go")

        def shown() -> list[Toast]:
            toasts = app.screen.query(Toast)
            return [t for t in toasts if t.region.height and "已导出" in str(t.render())]

        await eventually(pilot, shown)
        [toast] = shown()
        drawn = toast.render_lines(toast.region.reset_offset)
        lines = [strip.text.strip("▌ ") for strip in drawn]
        assert "已导出（Word 文档）：" in lines


@pytest.fixture
def with_errors(project_file):
    project = load_project(project_file).project
    project.tables.set("requests.granted.business", 9)  # R1 and R2 in table 三
    save_project(project, project_file)
    return project_file


async def test_errors_refuse_the_export_and_list_themselves(make_app, with_errors):
    app = make_app(with_errors)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        target = Path(dialog.query_one("#export-path", Input).value)
        force = dialog.query_one("#export-force", Button)
        assert not force.display or not dialog.has_class("refused")
        await press(pilot, dialog, "export-go")
        assert app.screen is dialog and not target.exists()
        errors = [f for f in app.session.findings if f.severity == "error"]
        assert errors
        assert f"报告还有{len(errors)}项错误，已拒绝导出" in message_of(dialog)
        listed = str(dialog.query_one("#export-error-list", Static).render())
        for finding in errors:
            assert f"{finding.rule} " in listed and finding.message[:20] in listed
        assert dialog.has_class("refused") and force.display
        await press(pilot, dialog, "export-checks")
        assert isinstance(app.screen, ChecksScreen)


async def test_the_clerk_can_confirm_an_override(make_app, with_errors):
    app = make_app(with_errors)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        target = Path(dialog.query_one("#export-path", Input).value)
        await press(pilot, dialog, "export-force")  # before the list: nothing
        assert app.screen is dialog and not target.exists()
        await press(pilot, dialog, "export-go")
        await press(pilot, dialog, "export-force")
        # the export runs after the dialog closes: wait for its notice, not a pause
        await eventually(pilot, lambda: any(n.title == "导出" for n in app._notifications))
        assert not isinstance(app.screen, ExportScreen)
        [note] = [n for n in app._notifications if n.title == "导出"]
        errors = sum(1 for f in app.session.findings if f.severity == "error")
        assert note.message.startswith(f"已强制导出（Word 文档）：\n{target}")
        assert f"报告仍有{errors}项错误" in note.message and note.severity == "warning"
    assert target.stat().st_size > 0


async def test_unusable_paths_are_explained_in_chinese(make_app, project_file, tmp_path):
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        field = dialog.query_one("#export-path", Input)
        field.value = str(tmp_path / "没有这个文件夹" / "报告.docx")
        await press(pilot, dialog, "export-go")
        assert app.screen is dialog
        assert "文件夹" in message_of(dialog) and "不存在" in message_of(dialog)
        (tmp_path / "旧报告.docx").mkdir()
        field.value = str(tmp_path / "旧报告.docx")
        await press(pilot, dialog, "export-go")
        assert "是一个文件夹" in message_of(dialog)
        field.value = str(tmp_path / "报告.pdf")
        await press(pilot, dialog, "export-go")
        assert "不支持导出为 .pdf" in message_of(dialog)
        if os.geteuid() != 0:  # root writes anywhere: a read-only folder proves nothing
            locked = tmp_path / "只读"
            locked.mkdir(mode=0o500)
            field.value = str(locked / "报告.md")
            await press(pilot, dialog, "export-go")
            assert "权限" in message_of(dialog)
        await pilot.press("escape")
        await eventually(pilot, lambda: not isinstance(app.screen, ExportScreen))


async def test_a_file_held_open_by_word_is_explained(make_app, project_file, monkeypatch):
    """Windows refuses to replace a file Word holds open: the OS says PermissionError."""
    import drafter.exporters

    def locked(path, data, **_):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(drafter.exporters, "atomic_write", locked)
    app = make_app(project_file)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await press(pilot, dialog, "export-go")
        assert app.screen is dialog
        assert "Word 或 WPS 中打开" in message_of(dialog) and "关闭该文件后重试" in message_of(
            dialog
        )


@pytest.fixture
def with_blanks(project_file):
    project = load_project(project_file).project
    for col in ("business", "natural_person"):
        project.tables.set(f"requests.withheld_2.{col}", None)
    project.tables.set("appeals.review.pending", None)
    save_project(project, project_file)
    return project_file


async def test_blank_cells_refuse_in_one_line_per_table_and_go_to_the_first(make_app, with_blanks):
    from drafter.tui.screens.figures import FiguresScreen

    app = make_app(with_blanks)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        blank = dialog.query_one("#export-blank", Button)
        assert not dialog.has_class("blanks")
        await press(pilot, dialog, "export-go")
        assert app.screen is dialog and dialog.has_class("blanks")
        listed = str(dialog.query_one("#export-error-list", Static).render())
        assert "表三还有2个单元格未填写" in listed.replace(" ", "")
        assert "表四还有1个单元格未填写" in listed.replace(" ", "")
        assert "不予公开" not in listed  # no V3 line per row besides
        assert app.focused is blank
        await press(pilot, dialog, "export-blank")
        figures = app.screen
        assert isinstance(figures, FiguresScreen)
        # The first blank cell in table order: 自然人 comes before 商业企业.
        await eventually(
            pilot,
            lambda: (
                (grid := figures.current_grid()) is not None
                and grid.cursor == "requests.withheld_2.natural_person"
                and app.focused is grid
            ),
        )
