"""Every Scanner finds exactly what its pattern's own finditer finds.

A scanner tries its pattern only at the characters it lists as possible starts; a start
left out of the list would silently lose matches. Each scanner of the narrative modules
is compared with its pattern on the corpus texts and on generated text made of the
characters the patterns care about.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import drafter.narrative
from drafter.narrative.claim_table import ALL_CLAIMS
from drafter.narrative.scan import Scanner, required_chars
from tests.factories import CORPUS

SCANNERS = {
    f"{info.name}.{name}": value
    for info in pkgutil.iter_modules(drafter.narrative.__path__)
    for name, value in vars(importlib.import_module(f"drafter.narrative.{info.name}")).items()
    if isinstance(value, Scanner)
}
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
# Pieces of what the patterns look for (every alternative of each), and single
# characters around them, joined at random: ``某某`` or ``统计期限…`` must come up often.
PIECES = (
    "2025年",
    "2025 年",
    "二〇二五年",
    "1999年",
    "20251月",
    "202512月31日",
    "2025年1月1日",
    "统计期限自2025年1月1日起至2025年12月31日止",
    "时间为2024年1月1日至2024年12月31日",
    "XX",
    "ＸＸ",
    "xXX",
    "××",
    "＊＊",
    "某某",
    "○○",
    "△△",
    "【待核实】",
    "【待补充】",
    "（单位名称）",
    "(名称)",
    "[填写]",
    "〔202130号",
    "〔2019〕60号",
    "29件",
    "１２件",
    "34,290件",
    "1.47个工作日",
    "1.35万余条",
    "83.3%",
    "30余件",
    "十二件",
    "一百零三件",
    "两件",
    "〇件",
    "三百五十件",
    "百分之九十",
    "三万元",
    "统一",
    "。",
    "！",
    "？”",
    "!",
    "\n",
    "，",
    "我局",
    "申请",
    "公开",
)
SINGLE = "0123456789０１２３４５６７８９年月日度件万余十百千一二两三零〇【】（）()XＸ×某○△。\n "
TEXT = st.lists(st.sampled_from(PIECES) | st.sampled_from(SINGLE), max_size=12).map("".join)


def spans(matches) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


def test_the_narrative_modules_have_scanners():
    assert {"years.YEARS", "numbers._ARABICS", "text._SENTENCE_ENDS"} <= set(SCANNERS)


@pytest.mark.parametrize("name", sorted(SCANNERS))
def test_scanner_agrees_with_its_pattern_on_the_corpus(name):
    scanner = SCANNERS[name]
    for text in TEXTS:
        assert spans(scanner.finditer(text)) == spans(scanner.pattern.finditer(text))
        middle = len(text) // 2
        assert spans(scanner.finditer(text, 7, middle)) == spans(
            scanner.pattern.finditer(text, 7, middle)
        )


@pytest.mark.parametrize("name", sorted(SCANNERS))
@settings(max_examples=150, deadline=None)
@given(text=TEXT)
def test_scanner_agrees_with_its_pattern_on_any_text(name, text):
    scanner = SCANNERS[name]
    assert spans(scanner.finditer(text)) == spans(scanner.pattern.finditer(text))
    found = scanner.search(text)
    expected = scanner.pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_a_start_left_out_loses_matches():
    """What the tests above guard against: the scanner trusts its list of starts."""
    pattern = re.compile(r"(?:统计)?期限")
    assert [m.span() for m in Scanner(pattern, "期").finditer("统计期限")] == [(2, 4)]
    assert [m.span() for m in Scanner(pattern, "统期").finditer("统计期限")] == [(0, 4)]


@pytest.mark.parametrize(
    ("regex", "required"),
    [
        ("申请", "申请"),
        (r"(?:新收|新受理)[^，]{0,14}?(?:申请|依申请公开)", "新申请"),  # shared by branches
        (r"(?<!不)予以公开", "予以公开"),  # a look-behind requires nothing
        (r"办理了?(?:政府)*信息", "办理信息"),  # optional parts require nothing
        (r"x{2,3}[ab]", "x"),  # a class could be either
        ("甲|乙", ""),
        ("(?i:ab)c", "c"),  # another case would do
        ("(?i)abc", ""),
    ],
)
def test_required_chars(regex, required):
    assert required_chars(regex) == frozenset(required)


REGEXES = sorted({r for p in ALL_CLAIMS for r in (p.subject, p.context) if r})


@pytest.mark.parametrize("regex", REGEXES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_text_lacking_a_required_char_never_matches(regex, data):
    """The screen is safe: whatever matches holds every character said to be required."""
    pattern, required = re.compile(regex), required_chars(regex)
    alphabet = sorted(set(re.sub(r"[\\\[\](){}?*+|^$:!<=.,0-9]", "", regex)) | set("，。未"))
    text = data.draw(st.text(alphabet=alphabet, max_size=24))
    for m in pattern.finditer(text):
        assert required <= set(m.group())


@pytest.mark.parametrize("regex", REGEXES)
def test_every_match_in_the_corpus_holds_the_required_chars(regex):
    pattern, required = re.compile(regex), required_chars(regex)
    for text in TEXTS:
        for m in pattern.finditer(text):
            assert required <= set(m.group()), m.group()
