"""No literal Markdown or HTML mark is exported; what is marked or reads as a heading is one."""

from __future__ import annotations

import io

import docx

from drafter.exporters import render_report
from drafter.exporters.document import Heading, Paragraph, split_paragraphs
from drafter.exporters.docx import HEADING2

MARKED = """\
### （一）主动公开
**（二）依申请公开**
- **1、主动公开政务信息情况。**一是通过各媒体发表政务信息。
* 二是加强&nbsp;解读。<br/>
一、2025年工作开展情况
(三) 政府信息管理
> 引用的一段话。
普通段落，含*星号、a_b 和 1+1。"""


def test_marks_are_dropped_and_marked_headings_are_headings():
    blocks = split_paragraphs(MARKED)
    assert blocks == [
        Heading("（一）主动公开", 2),
        Heading("（二）依申请公开", 2),
        Paragraph("1.主动公开政务信息情况。一是通过各媒体发表政务信息。"),
        Paragraph("二是加强 解读。"),
        Heading("一、2025年工作开展情况", 2),
        Heading("（三）政府信息管理", 2),
        Paragraph("引用的一段话。"),
        Paragraph("普通段落，含*星号、a_b 和 1+1。"),
    ]


def test_word_file_has_no_mark_and_the_headings_in_their_style(project):
    project.set_text("overview", MARKED)
    data, _ = render_report(project, "docx")
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert not [t for t in texts if "**" in t or t.startswith(("- ", "* ", "#", ">")) or "<" in t]
    headings = [p.text for p in document.paragraphs if p.style.name == HEADING2.name]
    for heading in (
        "（一）主动公开",
        "（二）依申请公开",
        "一、2025年工作开展情况",
        "（三）政府信息管理",
    ):
        assert heading in headings


def test_markdown_and_html_print_no_mark_of_the_text(project):
    project.set_text("overview", MARKED)
    markdown = render_report(project, "markdown")[0].decode("utf-8")
    assert "### （一）主动公开" in markdown and "### （二）依申请公开" in markdown
    assert "\\*\\*" not in markdown and "**" not in markdown
    assert "\n- " not in markdown and "\n\\- " not in markdown
    page = render_report(project, "html")[0].decode("utf-8")
    assert "&lt;br" not in page and "&amp;nbsp;" not in page and "**" not in page
