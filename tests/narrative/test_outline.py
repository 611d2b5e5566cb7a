"""Headings as written, sentence splitting, and carried-over sentences."""

from __future__ import annotations

import pytest

from drafter import forms
from drafter.headings import classify, numeral_of
from drafter.narrative.outline import outline_of_text
from drafter.narrative.text import sentences
from drafter.similarity import carried_over, sentence_keys
from tests.narrative.corpus import SEED


@pytest.mark.parametrize("section", forms.SECTIONS)
def test_official_headings(section):
    found = classify(section.heading)
    assert (found.key, found.status) == (section.key, "official")
    assert classify(f"- **{section.heading}。**").key == section.key


@pytest.mark.parametrize(
    ("heading", "key", "status"),
    [
        ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "appeals", "variant"),
        ("四、因政府信息公开工作被申请行政复议和提起行政诉讼情况", "appeals", "variant"),
        ("四、政府信息公开行政复议和行政诉讼情况", "appeals", "variant"),
        ("四、政府信息公开行政复议及行政诉讼情况", "appeals", "variant"),
        ("五、政府信息公开工作存在的主要问题及改进情况", "problems", "variant"),
        ("三、依申请公开政府信息情况", "requests", "renamed"),
        ("五、存在的主要问题和改进措施", "problems", "renamed"),
        ("六、其他需要汇报事项", "other", "renamed"),
        ("六、其他应报告的事项", "other", "renamed"),
        ("一、概述", "overview", "renamed"),
        ("一、2021年工作开展情况", None, "unknown"),
    ],
)
def test_variants_and_renamings(heading, key, status):
    found = classify(heading)
    assert (found.key, found.status) == (key, status)


def test_numerals():
    assert numeral_of("六、其他需要报告的事项") == "六"
    assert numeral_of("- 六、其他需要报告的事项") == "六"
    assert numeral_of("（一）主动公开") is None


def test_outline_of_the_seed_leaves_out_table_rows():
    lines = outline_of_text(SEED.read_text(encoding="utf-8"))
    assert [(o.line, o.numeral) for o in lines] == [
        (3, "一"),
        (5, "一"),
        (17, "二"),
        (34, "三"),
        (67, "四"),
        (74, "五"),
        (80, "六"),
        (91, "六"),
    ]


def test_sentences():
    text = "第一句。第二句！\n标题\n  第三句？”尾"
    assert [text[a:b] for a, b in sentences(text)] == [
        "第一句。",
        "第二句！",
        "标题",
        "第三句？”",
        "尾",
    ]


def test_carried_over_counts_long_sentences_only():
    last = (
        "（一）主动公开\n全年通过门户网站主动公开政府信息1046条。未收取信息处理费。"
        "严格执行依申请公开登记审核答复制度。"
    )
    this = (
        "（一）主动公开\n全年通过门户网站主动公开政府信息1268条。未收取信息处理费。"
        "严格执行依申请公开登记、审核、答复制度。"
    )
    carried = carried_over(this, sentence_keys(last))
    assert carried.counted == 2  # the sub-heading and the nil statement are too short
    assert [this[a:b] for a, b in carried.same] == ["严格执行依申请公开登记、审核、答复制度。"]
    assert carried.share == 0.5
