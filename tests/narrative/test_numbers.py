"""Figures in prose: every way reports write a number, with its unit and position."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.narrative.numbers import chinese_to_decimal, extract_numbers, figure_screen


def figures(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[n.start : n.end], _plain(n.value), n.unit) for n in extract_numbers(text)]


def _plain(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新收申请29件", [("29", "29", "件")]),
        ("新收申请２９件", [("２９", "29", "件")]),
        ("共收到申请34,290件", [("34,290", "34290", "件")]),
        ("办结率83.3%", [("83.3", "83.3", "%")]),
        ("办结率８３．３％", [("８３．３", "83.3", "%")]),
        ("收到十二件", [("十二", "12", "件")]),
        ("一百零三件", [("一百零三", "103", "件")]),
        ("两件", [("两", "2", "件")]),
        ("〇件", [("〇", "0", "件")]),
        ("零件", [("零", "0", "件")]),
        ("三百五件", [("三百五", "350", "件")]),
        ("一万二千件", [("一万二千", "12000", "件")]),
        ("收费3万元", [("3", "3", "万元")]),
        ("收费三万元", [("三", "3", "万元")]),
        ("收取费用1500元", [("1500", "1500", "元")]),
        ("发布信息1.35万余条", [("1.35万", "13500", "条")]),
        ("培训120人次", [("120", "120", "人次")]),
        ("54 场", [("54", "54", "场")]),
        ("百分之九十", [("百分之九十", "90", "%")]),
        ("二〇二五年", [("二〇二五", "2025", "年")]),
    ],
)
def test_figures_and_units(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    ["一是加强领导", "统一部署", "一起研究", "一次性告知", "第一件事", "三安全一稳定", "二是"],
)
def test_words_with_numerals_are_not_figures(text):
    assert extract_numbers(text) == []


def test_positions_and_order_mixing_scripts():
    text = "予以公开十五件，部分公开3件；不予公开两件。"
    numbers = extract_numbers(text)
    assert [text[n.start : n.unit_end] for n in numbers] == ["十五件", "3件", "两件"]
    assert [n.chinese for n in numbers] == [True, False, True]


def test_dates_are_three_figures():
    text = "自2025年1月1日起至2025年12月31日止"
    assert [(n.value, n.unit) for n in extract_numbers(text)] == [
        (Decimal(2025), "年"),
        (Decimal(1), "月"),
        (Decimal(1), "日"),
        (Decimal(2025), "年"),
        (Decimal(12), "月"),
        (Decimal(31), "日"),
    ]


@pytest.mark.parametrize("text", ["30余件", "30多件", "近30件", "约30件", "超过30件"])
def test_approximate_figures_are_marked(text):
    [number] = extract_numbers(text)
    assert number.value == 30 and number.approx


def test_thousands_separator_needs_three_digits():
    # 上年结转2件，2024年… : the comma is punctuation, not a separator.
    assert figures("结转1，2024年") == [("1", "1", None), ("2024", "2024", "年")]


@pytest.mark.parametrize("bad", ["百", "十十", "一二三百", "点"])
def test_malformed_chinese_numerals(bad):
    assert chinese_to_decimal(bad) is None


_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Standard reading of ``n`` (0 ≤ n < 10^12), as a clerk writes it."""
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10_000)
        n //= 10_000
    words = ""
    pending_zero = False
    for i in range(len(groups) - 1, -1, -1):
        group = groups[i]
        if group == 0:
            pending_zero = bool(words)
            continue
        if words and (pending_zero or group < 1000):
            words += "零"
        pending_zero = False
        part = ""
        zero = False
        for unit, digit in zip(("千", "百", "十", ""), f"{group:04d}", strict=True):
            d = int(digit)
            if d == 0:
                zero = bool(part)
                continue
            if zero:
                part += "零"
                zero = False
            part += _DIGITS[d] + unit
        words += part + ("", "万", "亿")[i] if i < 3 else part
    if words.startswith("一十"):
        words = words[1:]
    return words


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=99_999_999))
def test_chinese_numerals_round_trip(n):
    written = to_chinese(n)
    assert chinese_to_decimal(written) == n, written
    [number] = extract_numbers(f"共{written}件")
    assert number.value == n and number.unit == "件"


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**9), st.booleans(), st.booleans())
def test_arabic_figures_round_trip(n, grouped, full_width):
    written = f"{n:,}" if grouped else str(n)
    if full_width:
        written = written.translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
    text = f"收到申请{written}件，办结"
    [number] = extract_numbers(text)
    assert number.value == n and number.unit == "件"
    assert text[number.start : number.end] == written


CLAIM_LIKE_UNITS = ("件", "起", "宗", "部", "个", "份", "万元", "元")
FIGURE_PIECES = (
    *("29", "１２", "34,290", "1.5", "3万", "7亿", "十二", "一百零三", "两", "〇", "三万", "点五"),
    *(" ", "\u3000", "余", "约", "第", "统一", "百分之", "%", "是", "，"),
    *CLAIM_LIKE_UNITS,
    *("人次", "条", "个百分点", "年"),
)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(FIGURE_PIECES), max_size=10).map("".join))
def test_figure_screen_finds_every_exact_figure(text):
    """The screen may pass a text without a figure, never miss one."""
    screen = figure_screen(CLAIM_LIKE_UNITS)
    for n in extract_numbers(text):
        if n.unit in CLAIM_LIKE_UNITS and not n.approx:
            assert screen.search(text, n.start, n.unit_end), text[n.start : n.unit_end]


def test_figure_screen_passes_over_text_without_such_figures():
    screen = figure_screen(CLAIM_LIKE_UNITS)
    assert screen.search("全年新收申请二十九件")
    assert not screen.search("文件、条件和事件")  # no numeral before the unit
    assert not screen.search("发布信息29条，占比3%")  # figures of other units
