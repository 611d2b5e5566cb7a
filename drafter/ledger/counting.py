"""Counting tables 三 and 四 for report year Y from the ledger's dates, row by row.

For an application received on ``r`` and answered on ``f`` (None: not yet):

- 一、本年新收: ``r`` in Y;  二、上年结转: ``r`` before Y and not answered before Y;
- 三、办理结果: ``f`` in Y, in the row its 处理结果 names;
- 四、结转下年度: ``r`` ≤ Y-12-31 and not answered in Y (nor before).

So 一 + 二 = 三（七） + 四 holds by construction (R1). Table 四 likewise: a case closed in Y
counts under its result, one received by Y-12-31 and not closed by then is 尚未审结.
Every counted cell keeps the rows behind it (``Count.sources``). Only input cells are
counted; the totals are ``drafter.tables``' (see ``apply``).

A row that may fall in Y but has no readable received date, a date in the future or
before the 条例 was in force, or an answer before its receipt is an *error* and is not
counted; the same in a row that cannot touch Y is a warning. A type or result that maps
to no row, or to several, is a *question* for the clerk (``choices``), never a guess.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from drafter import forms
from drafter.forms import FormatId
from drafter.ledger.choices import Choices, value_key
from drafter.ledger.columns import LABELS
from drafter.ledger.rows import Entry, Ledger, RowRef
from drafter.ledger.vocabulary import FIELDS, candidates

EARLIEST = date(2008, 5, 1)
"""The 条例 came into force on 2008-05-01: no application is older."""


@dataclass
class Issue:
    severity: Literal["error", "warning"]
    message: str
    """Chinese, naming the rows."""
    refs: list[RowRef] = field(default_factory=list)


@dataclass
class Question:
    """A value the clerk must map: it names no target, or several (``candidates``)."""

    field: str
    value: str
    """As first written in the ledger."""
    candidates: tuple[str, ...]
    refs: list[RowRef] = dataclasses.field(default_factory=list)

    @property
    def key(self) -> str:
        return value_key(self.value)


@dataclass
class Count:
    year: int
    format: FormatId
    tables: tuple[str, ...]
    """The tables the ledger has registers for: requests (三), appeals (四) or both."""
    values: dict[str, int] = field(default_factory=dict)
    """Every input cell of the counted tables (totals excluded)."""
    sources: dict[str, list[RowRef]] = field(default_factory=dict)
    entries: dict[RowRef, Entry] = field(default_factory=dict)
    """The entries counted, for showing provenance."""
    issues: list[Issue] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def complete(self) -> bool:
        """True when the count can replace the tables: no error and no open question."""
        return not self.errors and not self.questions


def input_paths(table: str, fmt: FormatId) -> list[str]:
    """The cells of ``table`` the ledger fills: every cell that is not a total."""
    return [c.path for c in forms.table_form(table, fmt).cells if not c.computed]


class _Resolver:
    """Values to targets through the vocabulary and the clerk's choices; collects questions."""

    def __init__(self, fmt: FormatId, choices: Choices) -> None:
        self.fmt = fmt
        self.choices = choices
        self.questions: dict[tuple[str, str], Question] = {}

    def __call__(self, field_name: str, value: str, ref: RowRef) -> str | None:
        chosen = self.choices.get(field_name, {})
        key = value_key(value)
        target = chosen.get(key)
        if target is None:
            found = candidates(field_name, value, self.fmt)
            if len(found) == 1:
                return found[0]
            target = chosen.get("*")
            if target is None:
                question = self.questions.setdefault(
                    (field_name, key), Question(field_name, value, found)
                )
                question.refs.append(ref)
                return None
        return target


def count(
    ledger: Ledger,
    year: int,
    fmt: FormatId = "2021",
    choices: Mapping[str, Mapping[str, str]] | None = None,
    today: date | None = None,
) -> Count:
    """Tables 三 and 四 of ``year`` from ``ledger``; see the module docstring for the rules."""
    today = today or date.today()
    tables = tuple(
        t
        for t, entries in (("requests", ledger.applications), ("appeals", ledger.appeals))
        if entries
    )
    result = Count(year, fmt, tables)
    for table in tables:
        result.values.update(dict.fromkeys(input_paths(table, fmt), 0))
    resolve = _Resolver(fmt, {k: dict(v) for k, v in (choices or {}).items()})
    for entry in ledger.applications:
        if _valid(entry, year, today, result):
            _count_application(entry, year, resolve, result)
    for entry in ledger.appeals:
        if _valid(entry, year, today, result):
            _count_appeal(entry, year, resolve, result)
    result.questions = list(resolve.questions.values())
    _year_not_in_ledger(ledger, year, result)
    return result


def _year_not_in_ledger(ledger: Ledger, year: int, result: Count) -> None:
    """A warning when no application was received in ``year``: most often the wrong year
    or last year's ledger, which would otherwise fill table 三 with zeros silently."""
    received = [e.received for e in ledger.applications if e.received is not None]
    if not received or any(d.year == year for d in received):
        return
    span = f"{min(received).isoformat()} 至 {max(received).isoformat()}"
    message = (
        f"台账中没有 {year} 年收到的申请（收到日期在 {span} 之间），本年新收将全部为 0："
        "请确认报告年度和台账文件是否选对"
    )
    result.issues.append(Issue("warning", message))


def _valid(entry: Entry, year: int, today: date, result: Count) -> bool:
    """True if ``entry`` may count in ``year`` and its dates are sound; issues otherwise."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    r, f = entry.received, entry.finished
    outside = (r is not None and r > end) or (f is not None and f < start and (r is None or r <= f))
    problems = list(entry.problems)
    if r is None and not any(p.startswith(LABELS["received"]) for p in entry.problems):
        problems.append("没有收到日期")
    for label, d in (("收到日期", r), ("办结日期", f)):
        if d is not None and d > today:
            problems.append(f"{label} {d.isoformat()} 晚于今天")
        elif d is not None and d < EARLIEST:
            problems.append(f"{label} {d.isoformat()} 早于《条例》施行（2008年5月1日）")
    if r is not None and f is not None and f < r:
        problems.append(f"办结日期 {f.isoformat()} 早于收到日期 {r.isoformat()}")
    if not problems:
        return not outside
    if outside:
        message = f"{entry.ref}：{'；'.join(problems)}（不影响 {year} 年的统计，建议改正）"
        result.issues.append(Issue("warning", message, [entry.ref]))
    else:
        message = f"{entry.ref}：{'；'.join(problems)}：请在台账中改正后再统计"
        result.issues.append(Issue("error", message, [entry.ref]))
    return False


def _add(result: Count, path: str, entry: Entry) -> None:
    result.values[path] += 1
    result.sources.setdefault(path, []).append(entry.ref)
    result.entries[entry.ref] = entry


def _count_application(entry: Entry, year: int, resolve: _Resolver, result: Count) -> None:
    r, f = entry.received, entry.finished
    assert r is not None
    column = resolve("applicant_type", entry.category, entry.ref) if entry.category else None
    if not entry.category:
        result.issues.append(Issue("error", f"{entry.ref}：没有申请人类型", [entry.ref]))
    answered = f is not None and f.year == year
    outcome = None
    if answered:
        if entry.result:
            outcome = resolve("result", entry.result, entry.ref)
        else:
            message = f"{entry.ref}：{year} 年已办结，但没有处理结果"
            result.issues.append(Issue("error", message, [entry.ref]))
    elif f is None and entry.result and len(candidates("result", entry.result, result.format)) == 1:
        result.issues.append(
            Issue(
                "warning",
                f"{entry.ref}：处理结果为「{entry.result}」但没有办结日期，按未办结计入「结转下年度」",
                [entry.ref],
            )
        )
    if column is None:
        return
    _add(result, f"requests.{'new' if r.year == year else 'carried_in'}.{column}", entry)
    if not answered:
        _add(result, f"requests.carried_out.{column}", entry)
    elif outcome is not None:
        _add(result, f"requests.{outcome}.{column}", entry)


def _count_appeal(entry: Entry, year: int, resolve: _Resolver, result: Count) -> None:
    if not entry.category:
        message = f"{entry.ref}：不知道是行政复议还是行政诉讼（没有类别列，工作表名也没有写明）"
        result.issues.append(Issue("error", message, [entry.ref]))
        return
    block = resolve("appeal_kind", entry.category, entry.ref)
    f = entry.finished
    if f is None or f.year > year:
        column: str | None = "pending"
    elif entry.result:
        column = resolve("appeal_result", entry.result, entry.ref)
    else:
        message = f"{entry.ref}：{year} 年已结案，但没有结果"
        result.issues.append(Issue("error", message, [entry.ref]))
        column = None
    if block is not None and column is not None:
        _add(result, f"appeals.{block}.{column}", entry)


def field_name(field_key: str) -> str:
    """The clerk's name of a field (处理结果 …)."""
    return FIELDS[field_key]
