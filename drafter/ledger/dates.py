"""Dates as offices type them into a ledger, read exactly or refused with a reason.

Accepted: real date and datetime cells; Excel serial numbers (in a number cell, or typed
as text, e.g. 45000); ``2023-1-5``, ``2023/01/05``, ``2023.1.5``, ``2023年1月5日`` (with
or without a time after it, full-width digits too); ``20230105``. A blank cell, ``—``,
``/``, ``无`` or words like 办理中/未答复 are no date (None). Anything else that holds
digits is refused (:class:`DateProblem`) rather than guessed: ``23.1.5`` could be 2023
or a typo, ``1月5日`` has no year.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time, timedelta
from functools import lru_cache

EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of Excel's 1900 date system (it counts the non-existent 1900-02-29)."""
SERIAL_RANGE = (20_000, 80_000)
"""Serial numbers read as dates: 1954-10-03 … 2119-01-11."""

_YMD = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:$|[\sT]\d{1,2}[:：]\d{2})"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_BLANK = {"", "-", "—", "——", "/", "无", "空", "暂无", "null", "none", "n/a"}
_NOT_YET = ("未", "中", "待", "暂")
"""Words meaning "not (yet) done": 未办结, 办理中, 待答复, 暂未答复."""


class DateProblem(ValueError):
    """A cell that is meant as a date but cannot be read as one (Chinese reason)."""


def parse_date(value: object) -> date | None:
    """The date in a ledger cell; None for no date; DateProblem when unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise DateProblem(f"「{value}」不是日期")
    if isinstance(value, int | float):
        return _from_number(value)
    if isinstance(value, time | timedelta):
        raise DateProblem(f"「{value}」是时间，不是日期")
    return _parse_text(str(value))


@lru_cache(maxsize=8192)
def _parse_text(written: str) -> date | None:
    """A date typed as text (cached: a register repeats its dates many times)."""
    text = unicodedata.normalize("NFKC", written).strip()
    if text.lower() in _BLANK:
        return None
    match = _YMD.match(text) or _COMPACT.match(text)
    if match:
        return _ymd(text, *match.groups())
    if _SERIAL.match(text):
        return _from_number(float(text))
    if not any(ch.isdigit() for ch in text):
        if any(word in text for word in _NOT_YET):
            return None
        raise DateProblem(f"「{text}」不是日期")
    if re.match(r"^\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?$", text):
        raise DateProblem(f"「{text}」没有年份：请写成 2023-1-5 或 2023年1月5日 这样的完整日期")
    raise DateProblem(f"「{text}」不是可识别的日期：请写成 2023-1-5 或 2023年1月5日")


def _from_number(value: float) -> date:
    if not math.isfinite(value):
        raise DateProblem(f"「{value}」不是日期")
    compact = _COMPACT.match(str(int(value))) if value == int(value) else None
    if compact:
        return _ymd(compact.string, *compact.groups())
    low, high = SERIAL_RANGE
    if low <= value < high:
        return EXCEL_EPOCH + timedelta(days=int(value))
    raise DateProblem(f"数字 {value:g} 不是日期")


def _ymd(text: str, year: str, month: str, day: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise DateProblem(f"「{text}」不是存在的日期") from None
