"""HTML export parsed back: spans, header scopes, escaping, a page without scripts."""

from __future__ import annotations

import random

import pytest

from drafter import forms
from drafter.exporters import render_report
from drafter.model import Project
from tests.factories import example, random_report
from tests.readback import expected_cells, html_cells, parse_html


def page(report: Project) -> str:
    data, _ = render_report(report, "html")
    return data.decode("utf-8")


@pytest.mark.parametrize(
    "make",
    [example, lambda: random_report(random.Random(3), "2019", year=2020)],
    ids=["2021", "2019"],
)
def test_tables_have_the_official_cells_labels_and_spans(make):
    report = make()
    parsed = parse_html(page(report))
    assert len(parsed.tables) == 3
    for rows, key in zip(parsed.tables, forms.TABLE_KEYS, strict=True):
        assert html_cells(rows) == expected_cells(report, key), key


def test_header_cells_are_th_with_scope_and_figures_are_td(project):
    parsed = parse_html(page(project))
    for rows, key in zip(parsed.tables, forms.TABLE_KEYS, strict=True):
        form = forms.table_form(key)
        roles = {(g.row, g.col): g for g in form.grid}
        for r, row in enumerate(rows):
            placed = sorted((g for g in form.grid if g.row == r), key=lambda g: g.col)
            for cell, grid in zip(row, placed, strict=True):
                assert roles[(grid.row, grid.col)] is grid
                if grid.role == "data":
                    assert cell.tag == "td" and "scope" not in cell.attrs
                else:
                    assert cell.tag == "th"
                    scope = cell.attrs["scope"]
                    if grid.role == "label":
                        assert scope == ("rowgroup" if grid.rowspan > 1 else "row")
                    else:
                        assert scope == ("colgroup" if grid.colspan > 1 else "col")


def test_request_table_header_is_thead_and_result_rows_their_own_group(project):
    html = page(project)
    table = html[html.index('<table id="table-requests"') :]
    table = table[: table.index("</table>")]
    thead = table[table.index("<thead>") : table.index("</thead>")]
    assert thead.count("<tr>") == 3
    groups = table.split("<tbody>")[1:]
    assert [g.count("<tr>") for g in groups] == [2, 22, 1]
    assert forms.RESULTS_GROUP in groups[1]


def test_page_is_standalone_without_scripts_and_sections_in_order(project):
    html = page(project)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html
    assert "<script" not in html.lower() and "http" not in html.split("<body>")[0]
    parsed = parse_html(html)
    h2 = [text for tag, text in parsed.text if tag == "h2"]
    assert h2 == [s.heading for s in forms.SECTIONS]
    assert [text for tag, text in parsed.text if tag in ("h1", "title")] == [project.title] * 2
    paragraphs = [text for tag, text in parsed.text if tag == "p"]
    assert project.text("problems").split("\n\n")[1] in paragraphs


def test_everything_typed_is_escaped(project):
    hostile = '<script>alert("x")</script> & <b>粗</b> “引号”'
    project.set_text("other", hostile)
    project.title = "<i>标题</i>"
    project.tables.set("active.fees_wan_yuan", None)
    html = page(project)
    assert "<script>" not in html and "<i>" not in html and "<b>" not in html
    parsed = parse_html(html)
    # Formatting marks (<b>) are not printed (document.split_paragraphs); anything else
    # typed is text, escaped, never markup.
    assert ("p", '<script>alert("x")</script> & 粗 “引号”') in parsed.text
    assert ("h1", "<i>标题</i>") in parsed.text


def test_run_in_sub_heading_is_marked_for_kaiti(project):
    project.set_text("overview", "（一）主动公开。全年主动公开信息1268条。")
    html = page(project)
    assert '<p><span class="subhead">（一）主动公开。</span>全年主动公开信息1268条。</p>' in html
