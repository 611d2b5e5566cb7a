"""Turn what a clerk typed or a source file holds into a cell value, saying what was odd.

One place decides how ``１２``, ``12件``, ``1,234``, ``—``, ``无`` or ``-3`` become a
value: the project loader, the importers and the TUI's cell editor all call
:func:`parse_cell`. The result carries a Chinese note when the input was normalised
(rule V3, a warning) or could not be used (V1/V2, an error).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from drafter.forms import CellKind

CellValue = int | Decimal | None

# Written in published tables where the value is nil; read as blank (V3).
BLANK_MARKS = frozenset(
    {"", "—", "——", "-", "--", "－", "/", "／", "无", "空", "nil", "null", "none"}
)
# Units a clerk may type after a figure.
_UNIT_SUFFIX = re.compile(r"(件|条|次|个|项|人次|起|宗|份|万元|元)$")
_SPACES = re.compile(r"[\s\u3000]+")
_INT = re.compile(r"[+-]?\d+")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


@dataclass(frozen=True)
class Parsed:
    """A parsed cell value and, when the input was not a clean figure, why."""

    value: CellValue
    note: str | None = None
    """Chinese explanation of a normalisation or rejection."""
    rejected: bool = False
    """True when the input could not be used: the value is None and the note says why."""


def normalise_text(raw: str) -> str:
    """Full-width digits and signs to half-width, spaces removed (NFKC)."""
    text = unicodedata.normalize("NFKC", raw)
    text = text.replace("−", "-").replace("﹣", "-")
    return _SPACES.sub("", text)


def parse_cell(raw: object, kind: CellKind = CellKind.COUNT) -> Parsed:
    """Parse one cell value of the given kind; never raises."""
    if raw is None:
        return Parsed(None)
    if isinstance(raw, bool):
        return Parsed(None, f"「{raw}」不是数字", rejected=True)
    if isinstance(raw, int):
        return _check_int(raw, kind, str(raw))
    if isinstance(raw, Decimal):
        return _from_decimal(raw, kind, str(raw), normalised=False)
    if isinstance(raw, float):
        return _from_decimal(Decimal(repr(raw)), kind, repr(raw), normalised=False)
    if not isinstance(raw, str):
        return Parsed(None, f"「{raw!r}」不是数字", rejected=True)
    return _parse_text(raw, kind)


def _parse_text(raw: str, kind: CellKind) -> Parsed:
    if raw.isascii() and raw.isdigit():  # a plain figure, most of what tables hold
        return Parsed(Decimal(raw) if kind is CellKind.AMOUNT else int(raw))
    text = normalise_text(raw)
    if text.lower() in BLANK_MARKS:
        if text == "":
            return Parsed(None)
        return Parsed(None, f"「{raw}」按空白处理；数值为零时请填写 0")
    if text == "零":
        return Parsed(0, f"已将「{raw}」记为 0")
    stripped = _UNIT_SUFFIX.sub("", text)
    if _GROUPED.fullmatch(stripped):
        stripped = stripped.replace(",", "")
    if kind is CellKind.AMOUNT:
        if not _DECIMAL.fullmatch(stripped):
            return Parsed(None, f"「{raw}」不是金额，请填写数字（单位：万元）", rejected=True)
        return _from_decimal(Decimal(stripped), kind, raw, normalised=stripped != raw)
    if not _INT.fullmatch(stripped):
        if _DECIMAL.fullmatch(stripped):
            return _from_decimal(Decimal(stripped), kind, raw, normalised=True)
        return Parsed(None, f"「{raw}」不是整数，请填写件数（如 0、12）", rejected=True)
    if kind is CellKind.COUNT and stripped.startswith("+"):
        stripped = stripped[1:]
    value = int(stripped)
    parsed = _check_int(value, kind, raw)
    if parsed.note is None and stripped != raw:
        return Parsed(value, f"已将「{raw}」规范为 {value}")
    return parsed


def _check_int(value: int, kind: CellKind, raw: str) -> Parsed:
    # A negative count is kept as typed so the clerk sees it; rule V1 reports it.
    if kind is CellKind.AMOUNT:
        return _from_decimal(Decimal(value), kind, raw, normalised=False)
    return Parsed(value)


def _from_decimal(value: Decimal, kind: CellKind, raw: str, *, normalised: bool) -> Parsed:
    if not value.is_finite():
        return Parsed(None, f"「{raw}」不是有效数字", rejected=True)
    if kind is CellKind.AMOUNT:
        note = f"已将「{raw}」规范为 {value}" if normalised else None
        return Parsed(value, note)
    if value != value.to_integral_value():
        return Parsed(None, f"「{raw}」不是整数：件数只能是整数", rejected=True)
    as_int = int(value)
    return Parsed(as_int, f"已将「{raw}」规范为 {as_int}")
