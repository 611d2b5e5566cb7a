"""Last year's section text cleaned on every import path (importers.cleaning).

Markdown and HTML marks, list bullets, page numbers and running headers, half-width
sub-heading numerals and sub-headings numbered like sections must not reach a draft:
each would be printed in the Word file as a literal character or a second 一、.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drafter import forms
from drafter.importers import import_file
from drafter.importers.cleaning import (
    clean_lines,
    clean_text,
    demote,
    full_width_punctuation,
    normalise_numbering,
    strip_marks,
)
from drafter.narrative.outline import outline_of_text
from drafter.newproject import read_last_year
from drafter.store import save_project
from tests.factories import CORPUS, example
from tests.writers import write

SEED = CORPUS / "seed" / "000_20272e85d49a1cc6.txt"

# What must not remain at the start of a line, or anywhere, of a cleaned section text.
_LEADING_MARK = re.compile(r"^(?:[-*+>#•●◆■]|[(（]\s*[一二三四五六七八九十]+\s*[)）]\s)")
_ANY_MARK = re.compile(r"\*\*|__|~~|`|<br|</?[bp]>|&nbsp;|\(\s*[一二三四五六七八九十]+\s*\)")
_FURNITURE = re.compile(r"^\s*(?:[-—]\s*\d+\s*[-—]|\d+\s*/\s*\d+|第\s*\d+\s*页)")


def assert_clean(text: str, where: str = "") -> None:
    for line in text.splitlines():
        assert not _LEADING_MARK.match(line), (where, line)
        assert not _ANY_MARK.search(line), (where, line)
        assert not _FURNITURE.match(line), (where, line)
    assert outline_of_text(text) == [], (where, outline_of_text(text))


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("- **1、主动公开政务信息情况。**一是…", "1、主动公开政务信息情况。一是…"),
        ("### （一）主动公开 ###", "（一）主动公开"),
        ("* 二是加强。", "二是加强。"),
        ("• 三是完善。", "三是完善。"),
        ("> 引用。", "引用。"),
        ("全年&nbsp;公开<br/>信息<b>1268</b>条&amp;目录", "全年 公开信息1268条&目录"),
        ("详见[政府网站](http://www.gov.cn)。![图](a.png)", "详见政府网站。"),
        ("\\*注：\\#3", "*注：#3"),
        ("*注：单独的星号不是标记", "*注：单独的星号不是标记"),
        ("a_b 与 1+1、2-1", "a_b 与 1+1、2-1"),
        ("---", ""),
    ],
)
def test_marks_are_stripped_and_the_words_kept(raw, clean):
    assert strip_marks(raw) == clean


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("(一) 建立健全工作机制", "（一）建立健全工作机制"),
        ("（ 二 ）依申请公开", "（二）依申请公开"),
        ("(3) 党员活动", "（3）党员活动"),
        ("1、主动公开", "1.主动公开"),
        ("2．依申请公开", "2.依申请公开"),
        ("一.总体情况", "一、总体情况"),
        ("1.5万元的收费", "1.5万元的收费"),
        ("一、二季度共发布", "一、二季度共发布"),
    ],
)
def test_heading_numerals_take_the_standard_form(raw, normal):
    assert normalise_numbering(raw) == normal


def test_demoting_moves_every_level_down_one():
    assert [demote(x) for x in ("一、工作情况", "（二）机制", "3.主动公开", "（4）其他")] == [
        "（一）工作情况",
        "2.机制",
        "（3）主动公开",
        "（4）其他",
    ]
    text = "一、2021年工作开展情况\n(一) 建立健全机制\n1、主动公开\n二、下一步打算"
    assert (
        clean_text(text)
        == "（一）2021年工作开展情况\n1.建立健全机制\n（1）主动公开\n（二）下一步打算"
    )
    # A section that does not number like a section keeps its levels.
    assert clean_text("（一）主动公开\n1.发布信息") == "（一）主动公开\n1.发布信息"
    # Table 三's own numbered rows are not sub-headings.
    assert clean_text("一、本年新收政府信息公开申请数量") == "一、本年新收政府信息公开申请数量"


def test_prose_punctuation_is_chinese_figures_and_addresses_keep_theirs():
    assert (
        full_width_punctuation("2022年, 我局(区)主要表现在:一是")
        == "2022年，我局（区）主要表现在：一是"
    )
    assert full_width_punctuation("共1,234件，12:30开会") == "共1,234件，12:30开会"
    assert full_width_punctuation("见 http://a.cn/x?a=1,2") == "见 http://a.cn/x?a=1,2"


def test_page_furniture_and_glued_sub_headings_in_lines():
    title = "川汇区信访局2021年政府信息公开工作年度报告"
    lines = [
        ("全年公开信息。", 1),
        ("- 2 -", 2),
        ("第 3 页 共 9 页", 3),
        ("1/29  川汇区信访问2021年政府信息公开工作中度报告", 4),
        ("一是加强。（二）依申请公开方面严格执行登记制度，按时答复。", 5),
    ]
    assert clean_lines(lines, title) == [
        ("全年公开信息。", 1),
        ("一是加强。", 5),
        ("（二）依申请公开方面", 5),
        ("严格执行登记制度，按时答复。", 5),
    ]


def test_the_seed_imports_with_nothing_of_that_left():
    project = import_file(SEED).project
    for section in project.sections:
        assert_clean(section.text, section.key)
    overview = project.text("overview")
    assert "1.建立健全政务信息公开工作机制" in overview
    assert "（1）主动公开政务信息情况。一是通过各媒体发表政务信息39条。" in overview
    assert project.text("other").startswith("2022年，我局将在区委、区政府的正确领导下，")


MARKED = (
    "一、2024年工作开展情况\n"
    "(一) 主动公开\n"
    "- **1、全年主动公开信息1046条。**其中政策文件138条。\n"
    "* 二是加强解读&nbsp;工作。\n"
    "(二) 依申请公开\n"
    "全年新收政府信息公开申请22件。"
)


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx"])
def test_every_file_kind_is_cleaned(kind, tmp_path):
    report = example()
    report.set_text("overview", MARKED)
    path = write(report, kind, tmp_path)
    overview = import_file(path).project.text("overview")
    assert_clean(overview, kind)
    assert overview.startswith(
        "（一）2024年工作开展情况\n1.主动公开\n（1）全年主动公开信息1046条。"
    )


@pytest.mark.parametrize("name", ["2023_hongze_qzf_1.pdf", "2024_huaian_szf_1.pdf"])
def test_pdf_reports_are_cleaned(name):
    project = import_file(CORPUS / "full" / name).project
    assert any(project.text(k) for k in forms.NARRATIVE_KEYS)
    for section in project.sections:
        assert_clean(section.text, f"{name} {section.key}")


def test_a_project_file_given_as_last_year_is_cleaned(tmp_path):
    last = example()
    last.set_text("overview", MARKED)
    path = tmp_path / "last.json"
    save_project(last, path)
    report, imported = read_last_year(path)
    assert imported is None
    assert_clean(report.text("overview"), "json")
    assert json.loads(Path(path).read_text("utf-8"))["sections"]  # the file itself untouched
    assert "**" in Path(path).read_text("utf-8")
