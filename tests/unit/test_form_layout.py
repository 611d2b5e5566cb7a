"""The on-screen geometry of the official tables (drafter.tui.form_layout, no app needed)."""

import pytest
from rich.cells import cell_len

from drafter import forms
from drafter.tui.form_layout import cut, layout, wrap
from drafter.tui.line_buffer import LineBuffer

CASES = [(t, f) for f in forms.FORMATS for t in forms.TABLE_KEYS]


@pytest.mark.parametrize(("table", "fmt"), CASES)
@pytest.mark.parametrize("width", [118, 100, 80])
def test_every_cell_is_placed_once_inside_the_width_without_overlap(table, fmt, width):
    form = forms.table_form(table, fmt)
    grid = layout(form, width)
    if width >= 100:  # narrower terminals scroll sideways
        assert grid.width <= width
    assert sorted(grid.by_path) == sorted(c.path for c in form.cells)
    for line, cells in grid.by_line.items():
        for left, right in zip(cells, cells[1:], strict=False):
            assert left.x + left.width < right.x, (line, left.cell, right.cell)
    for placed in grid.placed:
        assert all(cell_len(text) <= placed.width for text in placed.lines)


@pytest.mark.parametrize(("table", "fmt"), CASES)
def test_labels_on_screen_are_the_form_labels(table, fmt):
    """What is drawn is the form's own text, whole or visibly cut (never retyped)."""
    grid = layout(forms.table_form(table, fmt), 118)
    for placed in grid.placed:
        if placed.cell.text is None:
            continue
        drawn = "".join(placed.lines)
        if drawn.endswith("…"):
            assert placed.cell.text.startswith(drawn[:-1])
        else:
            assert drawn == placed.cell.text


def test_table_three_fits_120_by_40_with_sticky_header():
    grid = layout(forms.table_form("requests"), 118)
    assert grid.header_lines == 5  # three header rows wrap to 4 lines, then the rule
    assert grid.height <= 40 - 9  # tabs, detail, status and footer take 9 lines
    short = [p for p in grid.placed if p.cell.role == "label" and p.cell.rowspan == 1]
    assert sum(1 for p in short if not p.lines[0].endswith("…")) >= len(short) - 4


def test_navigation_moves_between_data_cells():
    grid = layout(forms.table_form("requests"), 118)
    start = "requests.new.natural_person"
    assert grid.neighbour(start, 1, 0) == "requests.new.business"
    assert grid.neighbour(start, 0, 1) == "requests.carried_in.natural_person"
    assert grid.neighbour(start, 0, -1) is None
    assert grid.neighbour(start, -1, 0) is None
    assert grid.next_in_order("requests.new.total", 1) == "requests.carried_in.natural_person"
    active = layout(forms.table_form("active"), 118)
    assert active.neighbour("active.normative_documents.issued", 0, 1) == "active.licensing"


def test_wrap_balances_lines_and_cut_marks_the_cut():
    assert wrap("结果维持", 6) == ["结果", "维持"]
    assert wrap("社会公益组织", 7) == ["社会公", "益组织"]
    assert wrap("总计", 6) == ["总计"]
    assert cut("行政事业性收费", 8) == "行政事…"
    assert cut("规章", 8) == "规章"


def test_line_buffer_keeps_the_caret_visible_with_wide_characters():
    buffer = LineBuffer("１２３４５")
    assert buffer.caret == 5
    assert buffer.window(6) == ("４５", "", "")  # 2 cells each, the caret needs 1 more
    assert buffer.caret_cells(6) == 4
    assert buffer.move(-5) and not buffer.move(-1)
    assert buffer.window(6) == ("", "１", "２３")
    buffer.insert("0")
    buffer.backspace()
    buffer.delete()
    assert buffer.text == "２３４５"


def test_paste_targets_follow_rows_and_report_what_falls_outside():
    grid = layout(forms.table_form("appeals"), 118)
    raw, dropped = grid.paste_targets(
        "appeals.litigation_after_review.other", [["1", "2", "3", "4"], ["5"]]
    )
    assert raw == {
        "appeals.litigation_after_review.other": "1",
        "appeals.litigation_after_review.pending": "2",
        "appeals.litigation_after_review.total": "3",
    }
    assert dropped == 2  # one past the row's end, and a second row below the table


def test_rule_lines_join_the_columns_above_and_below():
    grid = layout(forms.table_form("requests"), 118)
    rule = grid.rule_line(grid.rules[0])
    assert rule[0] == "├" and rule[-1] == "┤"
    assert rule.count("┼") == 7  # the seven data columns continue through the rule
    assert set(rule) <= set("├┤┼┬┴─")


def test_cell_marks_say_what_colour_says():
    from drafter.model import Finding, Location
    from drafter.tui.cell_marks import cell_marks

    cells = forms.cells_by_path("2021")
    total, carried = cells["requests.new.total"], cells["requests.carried_in.business"]
    plain = cells["requests.new.business"]
    error = Finding(
        rule="R1",
        severity="error",
        message="m",
        location=Location(
            cell="requests.new.business", cells=["requests.new.business", "requests.new.total"]
        ),
    )
    assert cell_marks(total, [], False) == (["computed"], "=")
    assert cell_marks(carried, [], True) == (["carried"], "<")
    assert cell_marks(carried, [], False) == ([], " ")
    assert cell_marks(plain, [error], False) == (["error"], "!")
    assert cell_marks(total, [error], False) == (["computed", "related"], "=")
