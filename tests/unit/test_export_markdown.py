"""Markdown export: a golden file, its structure, and escaping checked by a real renderer."""

from __future__ import annotations

import html
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from drafter import forms
from drafter.exporters import render_report
from drafter.exporters.markdown import escape_markdown
from drafter.model import Project
from tests.factories import random_report
from tests.readback import expected_cells, html_cells, parse_html

COMMONMARK = MarkdownIt("commonmark")


class MarkdownSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    _file_extension = "md"


def markdown(report: Project) -> str:
    data, _ = render_report(report, "markdown")
    return data.decode("utf-8")


def test_example_matches_the_golden_file(project, snapshot):
    assert markdown(project) == snapshot(extension_class=MarkdownSnapshot)


def test_headings_and_paragraphs(project):
    text = markdown(project)
    lines = text.split("\n")
    assert lines[0] == f"# {project.title}"
    assert [ln[3:] for ln in lines if ln.startswith("## ")] == [s.heading for s in forms.SECTIONS]
    assert "### （一）主动公开" in lines
    for paragraph in project.text("problems").split("\n\n"):
        assert paragraph in lines  # one paragraph per line, blank lines between
    assert text.endswith("。\n")


@pytest.mark.parametrize("fmt", forms.FORMATS)
def test_tables_are_embedded_html_with_the_official_spans(fmt):
    report = random_report(random.Random(11), fmt)
    rendered = COMMONMARK.render(markdown(report))  # what a Markdown viewer shows
    parsed = parse_html(rendered)
    assert len(parsed.tables) == 3
    for rows, key in zip(parsed.tables, forms.TABLE_KEYS, strict=True):
        assert html_cells(rows) == expected_cells(report, key), key


@pytest.mark.parametrize(
    "text",
    [
        "1. 第一项",
        "2）第二项",
        "# 不是标题",
        "> 不是引用",
        "- 不是列表",
        "+ 不是列表",
        "---",
        "***",
        "___",
        "~~~",
        "```code",
        "a*b*c",
        "www.example.gov.cn/a_b_c",
        "_强调_",
        "<b>粗</b>",
        "&amp; &copy;",
        "[链接](http://x)",
        "反斜杠\\*",
        "    四个空格",
    ],
)
def test_escaped_text_renders_back_to_itself(text):
    rendered = COMMONMARK.render(escape_markdown(text.strip()))
    assert rendered == f"<p>{html.escape(text.strip(), quote=False)}</p>\n"


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        st.sampled_from("ab1. #>-+*_`[]()<>&;!\\~=|政府信息公开（一）“”"), min_size=1, max_size=12
    )
)
def test_any_line_renders_back_to_itself(text):
    text = text.strip()
    if not text:
        return
    rendered = COMMONMARK.render(escape_markdown(text))
    assert rendered == f"<p>{html.escape(text, quote=False)}</p>\n"
