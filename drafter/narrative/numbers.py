"""Figures in prose: every number a report's text states, with its unit and position.

Reports write figures as Arabic digits (``29件``), full-width digits (``２９件``), with
thousands separators (``34,290件``), decimals (``1.47个工作日``), a 万/亿 multiplier
(``1.35万余条``), percentages (``83.3%``, ``百分之九十``) and Chinese numerals (``十二件``,
``一百零三件``, ``两件``, ``〇件``). :func:`extract_numbers` finds them all, in text order,
with the span of the numeral (what a re-statement replaces) and the unit after it.

Chinese numerals are converted by a small hand-written function rather than a library
(cn2an, chinese2digits): those convert a string that *is* a numeral, or rewrite a whole
sentence without positions, so finding the spans would be ours anyway; the conversion
itself is twenty lines; and cn2an loads a YAML config and ``proces`` at import (≈ 40 ms,
two more dependencies) for a job this module does in microseconds. A Chinese numeral is
only read as a figure when a unit follows it (``一是``, ``统一部署`` are words, not figures).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from drafter.narrative.scan import Scanner

COUNT_UNITS: tuple[str, ...] = (
    "人次",
    "件",
    "条",
    "次",
    "个",
    "项",
    "起",
    "宗",
    "份",
    "篇",
    "期",
    "部",
    "场",
    "家",
    "名",
    "人",
)
"""Units of counted things. ``人次`` before ``人`` so the longer unit wins."""
MONEY_UNITS: tuple[str, ...] = ("万元", "元")
PERCENT = "%"
DATE_UNITS: tuple[str, ...] = ("年", "月", "日")

_UNITS = (*COUNT_UNITS[:1], *MONEY_UNITS, *COUNT_UNITS[1:], "个百分点", *DATE_UNITS)
_UNIT_ALT = "|".join(sorted({re.escape(u) for u in _UNITS}, key=len, reverse=True))

_D = "0-9０-９"
_ARABIC = re.compile(
    rf"(?<![{_D}.．])"
    rf"(?P<int>[{_D}]{{1,3}}(?:[,，][{_D}]{{3}})+(?![{_D}])|[{_D}]+)"
    rf"(?P<frac>[.．][{_D}]+)?"
    r"(?P<mult>[万亿](?!元))?"
    r"(?P<approx>[余多])?"
    r"[ \u3000]?"
    rf"(?P<unit>[%％]|{_UNIT_ALT})?"
)
_ARABICS = Scanner(_ARABIC, "0123456789０１２３４５６７８９")
_CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_ALL = _CN_DIGITS + "十百千万亿拾佰仟点"
_CHINESE = re.compile(
    rf"(?P<pct>百分之)?(?P<cn>[{_CN_ALL}]+)(?P<approx>[余多])?(?P<unit>[%％]|{_UNIT_ALT})?"
)
_CHINESES = Scanner(_CHINESE, _CN_ALL)  # 百分之 starts with 百, one of them
# 一 glued to a neighbour is a word, not a figure: 统一部署, 第一次, 唯一, 一起, 一次性.
_WORD_BEFORE_ONE = frozenset("第统唯同之逐万进专单划归合如某每任")
_WORD_AFTER = re.compile(r"起(?!诉)|次性|部分|个别|件事|样|般|律|致")
_APPROX_BEFORE = re.compile(r"(约|近|逾|超过|不足|不到|多达|将近|大约)$")


@dataclass(frozen=True)
class Number:
    """One figure in a text."""

    start: int
    """Start of the numeral (digits, separators, decimal point, 万/亿 multiplier)."""
    end: int
    """End of the numeral; a re-statement replaces ``text[start:end]``."""
    unit_end: int
    """End of the unit (``== end`` when no unit follows)."""
    value: Decimal
    """The value, multiplier applied: ``1.35万`` is 13500; ``3万元`` is 3 (unit 万元)."""
    unit: str | None
    """Normalised unit: ``件`` … ``万元``, ``元``, ``%``, ``年``; None when absent."""
    approx: bool = False
    """``30余件``, ``近30件``: not an exact figure."""
    chinese: bool = False
    """Written in Chinese numerals."""

    @property
    def is_integer(self) -> bool:
        return self.value == self.value.to_integral_value()


def extract_numbers(text: str) -> list[Number]:
    """Every figure in ``text``, in order; Chinese numerals only when a unit follows."""
    found: list[Number] = []
    for m in _ARABICS.finditer(text):
        found.append(_arabic(text, m))
    if _has_chinese_numeral(text):
        taken = [(n.start, n.unit_end) for n in found]
        for m in _CHINESES.finditer(text):
            number = _chinese(text, m)
            if number is None:
                continue
            if any(a < number.unit_end and number.start < b for a, b in taken):
                continue
            found.append(number)
        found.sort(key=lambda n: n.start)
    return found


_ANY_CN = re.compile(f"[{_CN_ALL}]")


def figure_screen(units: Iterable[str]) -> re.Pattern[str]:
    """A regex found wherever an exact figure in one of ``units`` is written.

    It looks for a numeral's last character, an optional space and the unit (``29件``,
    ``十二件``, ``3万元``): a cheap screen before :func:`extract_numbers`. A text it does
    not match states no such figure; a text it matches may still state none (``一是``
    aside, ``第一件``).
    """
    alternatives = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    return re.compile(rf"[{_D}{_CN_ALL}][ \u3000]?(?:{alternatives})")


def _has_chinese_numeral(text: str) -> bool:
    return _ANY_CN.search(text) is not None


def _arabic(text: str, m: re.Match[str]) -> Number:
    raw_int = unicodedata.normalize("NFKC", m["int"]).replace(",", "")
    frac = unicodedata.normalize("NFKC", m["frac"] or "")
    value = Decimal(raw_int + frac)
    end = m.end("frac") if m["frac"] else m.end("int")
    if m["mult"]:
        value *= 10_000 if m["mult"] == "万" else 100_000_000
        end = m.end("mult")
    unit = _unit(m["unit"])
    unit_end = m.end("unit") if m["unit"] else end
    approx = bool(m["approx"]) or bool(_APPROX_BEFORE.search(text, 0, m.start()))
    return Number(m.start(), end, unit_end, value, unit, approx)


def _chinese(text: str, m: re.Match[str]) -> Number | None:
    numeral, start, end = m["cn"], m.start("cn"), m.end("cn")
    unit = m["unit"]
    unit_end = m.end("unit") if unit else end
    # 三万元: the 万 belongs to the unit 万元.
    if unit == "元" and numeral.endswith("万"):
        numeral, end, unit = numeral[:-1], end - 1, "万元"
    if not numeral or numeral in {"点", "万", "亿"}:
        return None
    if m["pct"]:
        unit, unit_end, start = PERCENT, end, m.start("pct")
    elif not unit:
        return None
    if numeral == "一" or len(numeral) == 1 and numeral in "十百千":
        before = text[start - 1] if start else ""
        if before in _WORD_BEFORE_ONE or _WORD_AFTER.match(text, end):
            return None
    value = chinese_to_decimal(numeral)
    if value is None:
        return None
    approx = bool(m["approx"]) or bool(_APPROX_BEFORE.search(text, 0, start))
    return Number(start, end, unit_end, value, _unit(unit), approx, chinese=True)


def _unit(raw: str | None) -> str | None:
    if raw is None:
        return None
    return PERCENT if raw in ("%", "％") else raw


_DIGIT_VALUES = {
    **{ch: i for i, ch in enumerate("零一二三四五六七八九")},
    "〇": 0,
    "两": 2,
    **{ch: i + 1 for i, ch in enumerate("壹贰叁肆伍陆柒捌玖")},
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}


@cache
def chinese_to_decimal(numeral: str) -> Decimal | None:
    """``十二`` → 12, ``一百零三`` → 103, ``两万`` → 20000, ``二〇二五`` → 2025,
    ``三百五`` → 350, ``三点五`` → 3.5; None when it is not a well-formed numeral."""
    whole, _, frac = numeral.partition("点")
    if not whole and not frac:
        return None
    if frac and not all(ch in _DIGIT_VALUES for ch in frac):
        return None
    value = _chinese_int(whole) if whole else 0
    if value is None:
        return None
    if frac:
        return Decimal(f"{value}.{''.join(str(_DIGIT_VALUES[ch]) for ch in frac)}")
    return Decimal(value)


def _chinese_int(numeral: str) -> int | None:
    if all(ch in _DIGIT_VALUES for ch in numeral):
        # 二〇二五 (a year written digit by digit) or a single digit.
        return int("".join(str(_DIGIT_VALUES[ch]) for ch in numeral))
    total = section = 0
    digit: int | None = None
    last_unit = 1
    zero_seen = False
    for ch in numeral:
        if ch in _DIGIT_VALUES:
            if digit is not None and _DIGIT_VALUES[ch] != 0:
                return None  # two digits in a row inside a positional numeral
            digit = _DIGIT_VALUES[ch]
            zero_seen = zero_seen or digit == 0
            if digit == 0:
                digit = None
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if digit is None:
                if unit != 10 or last_unit in (10, 100, 1000) and not zero_seen:
                    return None  # 百 or 千 needs its digit; 十十 is no numeral
                digit = 1  # 十二, 一千零十
            section += digit * unit
            digit, last_unit, zero_seen = None, unit, False
        elif ch in _BIG_UNITS:
            unit = _BIG_UNITS[ch]
            section += digit or 0
            if section == 0:
                return None
            total = (total + section) * unit if unit > 10_000 else total + section * unit
            section, digit, last_unit, zero_seen = 0, None, unit, False
        else:
            return None
    if digit is not None:
        # 三百五 means 350: a trailing digit right after a unit counts in the next place down.
        if last_unit > 10 and not zero_seen:
            digit *= last_unit // 10
        section += digit
    return total + section
