"""Claims: sentences of the prose that state a table figure (rule C1) — the engine.

``全年新收政府信息公开申请29件`` states 表三「一、本年新收政府信息公开申请数量」「总计」;
``不予公开2件`` states the sum of the eight 不予公开 rows. The phrases are data: the claims
table (:mod:`drafter.narrative.claim_table`, ``ALL_CLAIMS``) is one table of *subject
phrase → cell expression*, so a new way of writing a figure is one more row, not more
code. This module finds those phrases in a sentence, attributes figures to them, applies
the guards and evaluates the cell expressions.

Public API (also used by the offline drafter to re-state last year's claim sentences
with this year's figures):

- ``find_claims(text, report, *, section=None, year=None) -> list[Claim]``: every claim
  in ``text`` (one section's text). A :class:`Claim` carries the sentence span, the
  subject span, the parsed :class:`~drafter.narrative.numbers.Number` (its span is what
  to replace; ``None`` for a nil statement such as 未收到申请), the value stated, the
  :class:`CellExpr` it states (``.paths``) and that expression's value in ``report``
  (``table_value``; None while a cell is unknown). ``claim.holds`` says whether they agree.
- ``restate(text, report, *, year=None) -> Restated``: ``text`` with every claim's figure
  replaced by ``report``'s value, and the claims it could not re-state. Shift the years
  of last year's text first (or pass ``year=`` = the year the text speaks of), because a
  figure attributed to another year is not taken as a claim.

How a claim is recognised, per sentence: each figure with a suitable unit is attributed
to the nearest subject phrase before it, after the previous figure, at most a few
characters away (``本年新收政府信息公开申请共计29件``). At equal extent the longer phrase
wins (``予以公开及部分公开258件`` is the sum of both rows), then the earlier row of the
table. A figure is *not* a claim when its clause speaks of another year (``去年``,
``2024年``, ``同期``), of a change (``较上年增加``, ``同比``), of a share (``占``), of a
part (``其中自然人申请``, a sub-unit ``其中XX所``), of something else handled the same
way (``咨询``, ``投诉``, ``领导信箱``), or when it is approximate (``30余件``). Missing a
claim is better than a false C1 error: every guard errs towards silence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fnmatch import fnmatchcase
from functools import cache

from drafter import forms
from drafter.forms import FormatId
from drafter.model import Report, Tables
from drafter.narrative.claim_table import (
    ALL_CLAIMS,
    CLAIM_UNITS,
    CLAUSE_CHAR,
    ClaimPattern,
    Topic,
)
from drafter.narrative.numbers import MONEY_UNITS, Number, extract_numbers, figure_screen
from drafter.narrative.scan import required_chars
from drafter.narrative.text import CLAUSE_BREAK, clause_start, lines_matching, sentences
from drafter.tables import sum_known

# --------------------------------------------------------------------------- guards

# Between the subject and the figure: a change, a share, a part, several values.
_GAP_STOP = re.compile(
    r"较|比|同比|环比|增加|减少|增长|下降|上升|回落|提高|降低|占|分别|各|均|都|其中|以上|以下|"
    r"不到|不足|超过|率|平均|以内|期限|日内|工作日"
)
# In the clause: another year, a total over years.
_OTHER_TIME = re.compile(r"上一?年|去年|前年|同期|往年|以往|历年|累计|近[两三五]年")
_SUB_UNIT = re.compile(
    rf"其中{CLAUSE_CHAR}{{0,12}}?(?:局|委|办|镇|乡|街道|中心|所|站|队|院|部门|单位|社区|村|科|股|室)|"
    r"(?:各|下属|所属|直属)(?:部门|单位|街道|乡镇|镇|乡|科室|股室|所|中心|县|区|市)"
)
_APPLICANT = re.compile(r"自然人|法人|企业|组织|个人|科研机构|公益|律师|法律服务")
_NOT_A_REQUEST = re.compile(
    r"咨询|投诉|信箱|留言|来信|来访|热线|诉求|建议|提案|许可|信访件|信访事项|复议|诉讼|起诉|转办|"
    r"依申请公开目录|事项清单"
)
_NOT_A_DECISION = re.compile(r"事项|信息|清单|目录|公示|申请|结果|权力")
_REVIEWING_BODY = re.compile(r"复议机关")
_NARROW_CAUSE = re.compile(r"因(?![^，。；]*公开)")
"""A cause named in a nil statement that is not 政府信息公开 itself."""
_YEAR = re.compile(r"((?:19|20)\d{2}|二[〇零][〇零一二三四五六七八九]{2})年(?!\d{1,2}月)")
_DOC_NAMED = re.compile(r"规章|规范性文件")
_CASE_NAMED = re.compile(
    r"(?P<litigation_after_review>复议后(?:提起)?(?:行政)?(?:起诉|诉讼))"
    r"|(?P<litigation_direct>(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼))"
    r"|(?P<review>复议)|(?P<litigation>诉讼|起诉)"
)
"""The cases a sentence names, most precise first: 复议后起诉 is one litigation row."""
_OPEN_PAREN = re.compile(r"[（(]")
_CLOSE_PAREN = re.compile(r"[）)]")

# --------------------------------------------------------------------------- expressions


@dataclass(frozen=True)
class CellExpr:
    """A table cell or a sum of cells, as a claim states it."""

    text: str
    """As written in the claims table (after ``{doc}`` substitution)."""
    paths: tuple[str, ...]
    """The cells summed, in table order."""

    def evaluate(self, tables: Tables) -> Decimal | None:
        """The sum of the cells; None while any of them is unknown.

        A blank 总计 cell is read as the sum of its row (R3, R4), blanks counting 0 as the
        table rules count them: published tables often leave 总计 empty (V3 reports it).
        """
        total = Decimal(0)
        for path in self.paths:
            value = tables.get(path)
            if value is None:
                value = _row_sum(tables, path)
            if value is None:
                return None
            total += Decimal(value)
        return total

    def describe(self, fmt: FormatId) -> str:
        """The cells as a clerk reads them in the form (Chinese)."""
        cells = [forms.cell_def(p, fmt) for p in self.paths]
        if len(cells) == 1:
            return cells[0].label
        rows = {r.key: r for r in forms.request_rows(fmt)}
        subgroups = {rows[c.row].subgroup if c.row in rows else None for c in cells}
        columns = {c.column_label for c in cells}
        if len(subgroups) == 1 and None not in subgroups and len(columns) == 1:
            return f"表三「{subgroups.pop()}」各项「{columns.pop()}」之和"
        return " + ".join(c.label for c in cells)


def _row_sum(tables: Tables, path: str) -> int | None:
    table, row, column = (path.split(".") + ["", ""])[:3]
    if column != "total" or row == "total":
        return None
    if table == "requests":
        parts = forms.APPLICANT_COLUMNS
    elif table == "appeals":
        parts = forms.APPEAL_PARTS
    else:
        return None
    values = [tables.get(f"{table}.{row}.{p}") for p in parts]
    return sum_known(v for v in values if not isinstance(v, Decimal))


@cache
def cell_expression(text: str, fmt: FormatId) -> CellExpr | None:
    """Parse ``"a + b"`` with globs into the cells of ``fmt``; None if one has no cell."""
    known = forms.cells_by_path(fmt)
    paths: list[str] = []
    for part in text.split("+"):
        part = part.strip()
        if "*" in part:
            matched = [p for p in known if fnmatchcase(p, part)]
        else:
            matched = [part] if part in known else []
        if not matched:
            return None
        paths.extend(matched)
    return CellExpr(text, tuple(paths))


_CASE_CELLS = {
    "review": "appeals.review.{col}",
    "litigation": "appeals.litigation_direct.{col} + appeals.litigation_after_review.{col}",
    "litigation_direct": "appeals.litigation_direct.{col}",
    "litigation_after_review": "appeals.litigation_after_review.{col}",
}
"""What ``appeals.{case}.{col}`` stands for once the sentence has named 复议 or 诉讼."""
_CASE_TERM = re.compile(r"appeals\.\{case\}\.(\w+)")


def expand(text: str, *, doc: str | None = None, case: str | None = None) -> str:
    """A cell expression with ``{doc}`` (regulations, normative_documents) and ``{case}``
    (review, litigation: the two litigation rows summed) filled in."""
    if doc is not None:
        text = text.replace("{doc}", doc)
    if case is not None:
        text = _CASE_TERM.sub(lambda m: _CASE_CELLS[case].format(col=m[1]), text)
    return text


def _readings(
    pattern: ClaimPattern, fmt: FormatId, doc: str | None, case: str | None = None
) -> tuple[CellExpr, ...]:
    cells = pattern.cells
    if isinstance(cells, Mapping):
        chosen = cells.get(fmt)
        texts: Sequence[str] = () if chosen is None else (chosen,)
    elif isinstance(cells, tuple):
        texts = cells
    else:
        texts = (cells,)
    readings = []
    for text in texts:
        if ("{doc}" in text and doc is None) or ("{case}" in text and case is None):
            continue
        text = expand(text, doc=doc, case=case)
        expr = cell_expression(text, fmt)
        if expr is not None:
            readings.append(expr)
    return tuple(readings)


# --------------------------------------------------------------------------- claims


@dataclass(frozen=True)
class Claim:
    """A figure the prose states, matched to the table cells it states."""

    section: str | None
    sentence: tuple[int, int]
    """Span of the sentence in the checked text."""
    subject: tuple[int, int]
    """Span of the subject phrase (本年新收政府信息公开申请)."""
    number: Number | None
    """The figure; None for a nil statement (未收到申请), whose value is 0."""
    value: Decimal
    """What the text states, in the unit of the cells (元 converted to 万元)."""
    pattern: ClaimPattern
    expression: CellExpr
    """The reading compared: the one that agrees, else the preferred one."""
    table_value: Decimal | None
    """The expression's value in the report; None while a cell is unknown."""
    readings: tuple[CellExpr, ...] = field(default=(), compare=False)

    @property
    def holds(self) -> bool | None:
        """True when the text agrees with the tables, None when the tables don't say."""
        if self.table_value is None:
            return None
        return _same(self.value, self.table_value, self.number)

    @property
    def span(self) -> tuple[int, int]:
        """What a re-statement replaces: the numeral, or the nil phrase."""
        if self.number is not None:
            return self.number.start, self.number.end
        return self.subject


def find_claims(
    text: str, report: Report, *, section: str | None = None, year: int | None = None
) -> list[Claim]:
    """Every claim in ``text``, compared with ``report``'s tables (see module docstring).

    ``year`` is the year the text speaks of (default ``report.year``): a figure
    attributed to another year is not taken as a claim about these tables.
    """
    year = year if year is not None else report.year
    claims: list[Claim] = []
    for line_start, line_end in lines_matching(_WORTH_READING, text):
        line = text[line_start:line_end]
        for start, end in sentences(line):
            sentence = line[start:end]
            if not _worth_reading(sentence):
                continue
            for claim in _sentence_claims(sentence, report, year, section):
                claims.append(_shift(claim, line_start + start))
    return claims


_NIL_HINT = re.compile(r"未|没有|无")
_NIL_TOPIC = re.compile(r"申请|复议|诉讼|起诉")


_WORTH_READING = re.compile(f"{_NIL_HINT.pattern}|{figure_screen(CLAIM_UNITS).pattern}")
"""A figure in a claim's unit or a nil statement's negation: one search per sentence, and
most sentences (no figure, or figures of other things) go no further."""


def _worth_reading(sentence: str) -> bool:
    return _WORTH_READING.search(sentence) is not None


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    """A regex of the claims table (subject, context, avoid, after), compiled once."""
    return re.compile(regex)


@dataclass(frozen=True)
class _Row:
    """A row of the claims table ready to try on a sentence."""

    order: int
    pattern: ClaimPattern
    subject: re.Pattern[str]
    context: re.Pattern[str] | None
    avoid: re.Pattern[str] | None
    needs: frozenset[str]
    """Characters every sentence the row matches holds (its subject's and context's):
    most rows are ruled out by one set comparison instead of two regex searches."""


@cache
def _rows() -> tuple[_Row, ...]:
    """The claims table compiled, on first use (importing drafter stays cheap)."""
    rows = []
    for order, p in enumerate(ALL_CLAIMS):
        needs = required_chars(p.subject) | (required_chars(p.context) if p.context else set())
        rows.append(
            _Row(
                order,
                p,
                _compiled(p.subject),
                _compiled(p.context) if p.context else None,
                _compiled(p.avoid) if p.avoid else None,
                needs,
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class _Hit:
    pattern: ClaimPattern
    start: int
    end: int
    order: int


def _subjects(sentence: str, *, figures: bool, nil: bool) -> list[_Hit]:
    chars = set(sentence)
    hits = []
    for row in _rows():
        if not (nil if row.pattern.nil else figures) or not row.needs <= chars:
            continue
        if row.context is not None and not row.context.search(sentence):
            continue
        for m in row.subject.finditer(sentence):
            if row.avoid is not None and row.avoid.search(m.group()):
                continue
            hits.append(_Hit(row.pattern, m.start(), m.end(), row.order))
    return hits


def _sentence_claims(
    sentence: str, report: Report, year: int | None, section: str | None
) -> list[Claim]:
    numbers = extract_numbers(sentence)
    figures = any(n.unit in CLAIM_UNITS and not n.approx for n in numbers)
    nil = bool(_NIL_HINT.search(sentence) and _NIL_TOPIC.search(sentence))
    if not (figures or nil):
        return []
    hits = _subjects(sentence, figures=figures, nil=nil)
    if not hits:
        return []
    claims: list[Claim] = []
    previous_end = 0
    for number in numbers:
        if any(h.start <= number.start and number.end <= h.end for h in hits):
            continue  # part of a subject phrase: 下一年度 of 结转至下一年度办理
        hit = _best_subject(sentence, number, hits, previous_end)
        previous_end = number.unit_end
        if hit is None or not _about_this_year(sentence, hit, number.start, year):
            continue
        claim = _make_claim(sentence, report, hit, number, section)
        if claim is not None:
            claims.append(claim)
    nil_hits = [h for h in hits if h.pattern.nil]
    for hit in nil_hits:
        if any(n.start >= hit.start and n.start < hit.end + 4 for n in numbers):
            continue  # 无…申请公开3件 is a figure, not a nil statement
        clause_end = CLAUSE_BREAK.search(sentence, hit.end)
        until = clause_end.start() if clause_end else len(sentence)
        if not _about_this_year(sentence, hit, until, year):
            continue
        claim = _make_claim(sentence, report, hit, None, section)
        if claim is not None:
            claims.append(claim)
    return claims


def _best_subject(sentence: str, number: Number, hits: list[_Hit], floor: int) -> _Hit | None:
    if number.approx or number.unit is None:
        return None
    best: _Hit | None = None
    for hit in hits:
        p = hit.pattern
        if p.nil or hit.start < floor or hit.end > number.start or number.unit not in p.units:
            continue
        gap = sentence[hit.end : number.start]
        if len(gap) > p.gap or _GAP_STOP.search(gap):
            continue
        if p.after and not _compiled(p.after).match(sentence, number.unit_end):
            continue
        if best is None or (hit.end, hit.end - hit.start, -hit.order) > (
            best.end,
            best.end - best.start,
            -best.order,
        ):
            best = hit
    return best


def _about_this_year(sentence: str, hit: _Hit, until: int, year: int | None) -> bool:
    """False when the clause speaks of another year, a part, or another kind of case."""
    p = hit.pattern
    clause_from = clause_start(sentence, hit.start)
    around = sentence[clause_from : hit.start] + sentence[hit.end : until]
    if _OTHER_TIME.search(around) or _SUB_UNIT.search(around):
        return False
    if p.topic is Topic.REQUESTS and (_APPLICANT.search(around) or _NOT_A_REQUEST.search(around)):
        return False
    if p.topic is Topic.ACTIVE and p.key.startswith(
        ("active.licensing", "active.penalty", "active.enforcement")
    ):
        if _NOT_A_DECISION.search(sentence[hit.end : until]):
            return False
    if p.topic is Topic.APPEALS and _REVIEWING_BODY.search(sentence):
        return False
    if p.nil and _NARROW_CAUSE.search(sentence[hit.start : hit.end]):
        return False  # 未发生因答复超期引起的行政复议: none of one kind, not none at all
    if "{doc}" in p.key and _inside_parentheses(sentence, hit.start):
        return False  # （含新制定5件，废止4件）: a breakdown of something else
    if year is not None:
        stated = [m for m in _YEAR.finditer(sentence, 0, hit.start)]
        if stated and _year_value(stated[-1].group(1)) != year:
            return False
    return True


def _year_value(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    digits = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5"}
    digits.update({"六": "6", "七": "7", "八": "8", "九": "9"})
    try:
        return int("".join(digits[ch] for ch in raw))
    except KeyError:
        return None


def _inside_parentheses(sentence: str, pos: int) -> bool:
    before = sentence[:pos]
    return len(_OPEN_PAREN.findall(before)) > len(_CLOSE_PAREN.findall(before))


def _doc_type(sentence: str, before: int) -> str | None:
    named = [m.group() for m in _DOC_NAMED.finditer(sentence, 0, before)]
    if not named:
        return None
    return "regulations" if named[-1] == "规章" else "normative_documents"


def _case_type(sentence: str, before: int) -> str | None:
    """The cases last named before ``before``: review, litigation (both rows) or one of
    the litigation rows (未经复议直接起诉5件（结果维持1件…）)."""
    named = [m.lastgroup for m in _CASE_NAMED.finditer(sentence, 0, before)]
    return named[-1] if named else None


def _make_claim(
    sentence: str, report: Report, hit: _Hit, number: Number | None, section: str | None
) -> Claim | None:
    doc = _doc_type(sentence, hit.start) if "{doc}" in hit.pattern.key else None
    case = _case_type(sentence, hit.start) if "{case}" in hit.pattern.key else None
    readings = _readings(hit.pattern, report.format, doc, case)
    if not readings:
        return None
    if number is None:
        value = Decimal(0)
    elif number.unit == "元" and hit.pattern.units == MONEY_UNITS:
        value = number.value / 10_000  # the table is in 万元
    elif hit.pattern.units != MONEY_UNITS and not number.is_integer:
        return None
    else:
        value = number.value
    values = [r.evaluate(report.tables) for r in readings]
    chosen = 0
    for i, v in enumerate(values):
        if v is not None and _same(value, v, number):
            chosen = i
            break
    return Claim(
        section=section,
        sentence=(0, len(sentence)),
        subject=(hit.start, hit.end),
        number=number,
        value=value,
        pattern=hit.pattern,
        expression=readings[chosen],
        table_value=values[chosen],
        readings=readings,
    )


def _same(stated: Decimal, table: Decimal, number: Number | None) -> bool:
    if stated == table:
        return True
    # 1.5万元 for a cell of 1.5234: the text may round to the places it writes.
    exponent = stated.as_tuple().exponent
    if number is not None and number.unit in MONEY_UNITS and isinstance(exponent, int):
        return table.quantize(Decimal(1).scaleb(exponent)) == stated
    return False


def _shift(claim: Claim, offset: int) -> Claim:
    number = claim.number
    if number is not None:
        number = Number(
            number.start + offset,
            number.end + offset,
            number.unit_end + offset,
            number.value,
            number.unit,
            number.approx,
            number.chinese,
        )
    return Claim(
        section=claim.section,
        sentence=(claim.sentence[0] + offset, claim.sentence[1] + offset),
        subject=(claim.subject[0] + offset, claim.subject[1] + offset),
        number=number,
        value=claim.value,
        pattern=claim.pattern,
        expression=claim.expression,
        table_value=claim.table_value,
        readings=claim.readings,
    )


# --------------------------------------------------------------------------- re-stating


@dataclass(frozen=True)
class Restated:
    """Text whose claims now state the report's figures."""

    text: str
    restated: list[Claim]
    """Claims whose figure was replaced (or already agreed)."""
    unresolved: list[Claim]
    """Claims left as written: the table value is unknown, or a nil statement that the
    table contradicts (a sentence to rewrite, not a figure to replace)."""


def format_value(value: Decimal, number: Number | None) -> str:
    """A table value written the way the claim wrote its figure (元 or 万元)."""
    if number is not None and number.unit == "元":
        value = value * 10_000
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def restate(text: str, report: Report, *, year: int | None = None) -> Restated:
    """Replace every claim's figure by ``report``'s value (see module docstring)."""
    claims = find_claims(text, report, year=year)
    pieces: list[str] = []
    done: list[Claim] = []
    unresolved: list[Claim] = []
    cursor = 0
    for claim in sorted(claims, key=lambda c: c.span[0]):
        if claim.table_value is None or (claim.number is None and not claim.holds):
            unresolved.append(claim)
            continue
        start, end = claim.span
        if claim.number is not None and start >= cursor:
            pieces.append(text[cursor:start])
            pieces.append(format_value(claim.table_value, claim.number))
            cursor = end
        done.append(claim)
    pieces.append(text[cursor:])
    return Restated("".join(pieces), done, unresolved)
