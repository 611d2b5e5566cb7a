"""Years, dates and placeholders in the prose (rules N6 and N8).

The commonest review finding after wrong sums is a year: last year's report copied and
``2024年`` left standing in the 2025 text, a title that says one year and a statistical
period that says another, or a date with its 年/月 lost (``20231月1日``, ``202111日``,
``截至202512月31日``). This module finds each of them with its span; the rules decide
the severity and word the message.

Not every mention of an earlier year is stale. Legitimate ones, kept silent:
comparisons (``较2024年``, ``与2024年相比``, ``同比``), time points and ranges
(``2024年12月31日``, ``截至2024年底``, ``2024年以来``, ``2021—2025年``), references to last
year's report (``2024年度报告提出的问题``), titles of documents (``《…2024年…》``), and the
plans for next year (``2026年``) — only earlier years are looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from drafter.narrative.scan import Scanner

_CN_YEAR_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4"}
_CN_YEAR_DIGITS.update({"五": "5", "六": "6", "七": "7", "八": "8", "九": "9"})
_CN_Y = "[〇零一二三四五六七八九]"

YEAR = re.compile(rf"(?<![0-9０-９])((?:19|20)[0-9]{{2}}|二[〇零]{_CN_Y}{{2}})\s?年")
"""A year: ``2025年``, ``2025 年``, ``二〇二五年``."""
YEARS = Scanner(YEAR, "12二")
"""Every year of a text (a year starts with 1, 2 or 二)."""


def year_value(raw: str) -> int:
    """``2025`` or ``二〇二五`` as an int."""
    if raw.isdigit():
        return int(raw)
    return int("".join(_CN_YEAR_DIGITS[ch] for ch in raw))


@dataclass(frozen=True)
class YearMention:
    year: int
    start: int
    end: int
    """End of ``YYYY年``."""


def year_mentions(text: str) -> list[YearMention]:
    return [YearMention(year_value(m[1]), m.start(), m.end()) for m in YEARS.finditer(text)]


# --------------------------------------------------------------------------- stale years

# What follows the year when it names a time point, a range or a period since. Of last
# year's dates only December is a legitimate reference (the carry-over at 12月31日).
_POINT_AFTER = re.compile(
    r"\s?度?(?:底|末|年底|年末|以来|之前|以前|起|至|到|—|－|-|~|～|、|和|及|与)"
    r"|\s?(?:12|十二)\s?月"
)
# What precedes the year in its clause when it is a comparison or a point of reference.
_REFERENCE_BEFORE = re.compile(
    r"(?:较|比|与|同|相比|对比|对照|截至|截止|至|自|从|针对|根据|按照|依据|上年|去年|—|－|-|~|～|、)\s?$"
)
# Last year's report, referred to as such.
_REPORT = re.compile(
    r"\s?度?的?(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:开展)?(?:情况)?(?:年度)?(?:工作)?"
    r"(?:报告|年报)"
)
_NAMED_REPORT = re.compile(
    r"\s?度?的?[\u4e00-\u9fff（）()]{2,24}?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:情况)?(?:年度)?"
    r"(?:工作)?(?:报告|年报)"
)
"""The report with its agency between year and name: 2024年度XX局信息公开工作年度报告."""
_REPORT_REFERENCE = re.compile(
    r"(?:中|里|所)?(?:提出|指出|反映|发现|查找|存在|提到|提及|列出|的问题|问题|整改)"
)
_OWN_REPORT = re.compile(
    r"本报告|本年报|本年度报告|编制|报告如下|现将|(?:现|特)?向社会(?:公布|公开|发布)|"
    r"现(?:予以?)?(?:公布|发布)"
)
"""The sentence presents this very report: 本报告是…, 现将…报告如下, 现公布…."""
_COMPARISON = re.compile(r"较|比|相比|同比|环比|增长|下降|增加|减少|上升|回落|持平")


@dataclass(frozen=True)
class StaleYear:
    """A mention of an earlier year where the report's own year is expected."""

    mention: YearMention
    leading: bool
    """The year opens its sentence or clause (``2024年，我局…``): a statement about the
    year, the classic copied-text error, rather than a passing mention."""
    names_report: bool = False
    """The report names itself with this year (``编制的2024年度政府信息公开年度报告``)."""

    @property
    def serious(self) -> bool:
        """An error rather than a warning."""
        return self.leading or self.names_report


def stale_years(text: str, year: int, *, back: int = 2) -> list[StaleYear]:
    """Mentions of the ``back`` years before ``year`` that are not legitimate (see above)."""
    found = []
    for mention in year_mentions(text):
        if not (year - back <= mention.year < year):
            continue
        verdict = _judge(text, mention, year)
        if verdict is not None:
            found.append(verdict)
    return found


def _judge(text: str, m: YearMention, year: int) -> StaleYear | None:
    """None when the mention is legitimate, else how it is stale."""
    if _POINT_AFTER.match(text, m.end):
        return None
    clause_from = _clause_start(text, m.start)
    before = text[clause_from : m.start]
    if _REFERENCE_BEFORE.search(before[-6:]) or _inside_title(text, m.start):
        return None
    sentence = _sentence_around(text, m.start)
    report = _REPORT.match(text, m.end) or _NAMED_REPORT.match(text, m.end)
    if report:
        if _REPORT_REFERENCE.match(text, report.end()) or not _OWN_REPORT.search(sentence):
            return None  # last year's report, referred to as such
        return StaleYear(m, _leading(text, m), names_report=True)
    # Another mention of the report year in the sentence: this one is the comparison,
    # unless it opens the sentence with nothing compared (2024年，…，现将2025年度…).
    leading = _leading(text, m)
    if any(other.year == year for other in year_mentions(sentence)):
        if not leading or _COMPARISON.search(sentence):
            return None
    return StaleYear(m, leading)


def _leading(text: str, m: YearMention) -> bool:
    before = text[_clause_start(text, m.start) : m.start].strip()
    return before in ("", "在", "于", "今年", "全年", "本年") or before.endswith(("。", "\n"))


def _clause_start(text: str, pos: int) -> int:
    start = 0
    for m in re.finditer(r"[，,；;：:。！？!?\n]", text[:pos]):
        start = m.end()
    return start


def _sentence_around(text: str, pos: int) -> str:
    start = max(text.rfind(ch, 0, pos) for ch in "。！？\n") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。！？\n") if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _inside_title(text: str, pos: int) -> bool:
    before = text[max(0, pos - 80) : pos]
    return before.rfind("《") > before.rfind("》")


# --------------------------------------------------------------------------- the period


_Y = rf"(?:19|20)[0-9]{{2}}|二[〇零]{_CN_Y}{{2}}"
_JAN_1 = r"(?:1|一|01)\s?月\s?(?:1|一|01)\s?日"
_DEC = r"(?:12|十二)\s?月(?:\s?(?:31|三十一)\s?日)?"


def _until(to: str) -> str:
    return rf"[^。\n]{{0,6}}?(?:至|到|—|－|-|~|～)[^。\n]{{0,2}}?(?:({to}{_Y})\s?年\s?)?{_DEC}"


PERIOD = re.compile(
    rf"(?:(?:统计)?(?:期限|期间|时限|周期|区间)|统计(?:时间|口径|范围))[^。\n]{{0,12}}?"
    rf"(?P<from>{_Y})\s?年\s?"
    rf"(?:(?:{_JAN_1}|(?:1|一|01)\s?月(?={_until('?:')}))(?:{_until('?P<to>')})?"
    rf"|度(?=[\s,，.。;；)）]|$))"
)
"""统计期限自2025年1月1日起至2025年12月31日止; also 从2025年1月1日到12月31日止 (the second
year left out), 2025年1月至12月, 统计期限为2025年度 (not 2025年度报告)."""
_PERIODS = Scanner(PERIOD, "统期时周区")


@lru_cache(maxsize=32)
def period_years(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """(from year, to year, start, end) of every statistical-period statement."""
    found = []
    for m in _PERIODS.finditer(text):
        first = year_value(m["from"])
        found.append((first, year_value(m["to"]) if m["to"] else first, m.start(), m.end()))
    return tuple(found)


TITLE_YEAR = re.compile(
    rf"((?:19|20)[0-9]{{2}}|二[〇零]{_CN_Y}{{2}})\s?年度?\s?(?:政府信息公开|政务公开|信息公开)"
)
"""The year in a report title: 云溪县市场监督管理局2025年政府信息公开工作年度报告."""


def title_year(title: str) -> int | None:
    m = TITLE_YEAR.search(title)
    return year_value(m[1]) if m else None


# --------------------------------------------------------------------------- malformed


@dataclass(frozen=True)
class Malformed:
    start: int
    end: int
    why: str
    """Chinese: what is wrong with it."""


_YEAR_STARTS = Scanner(re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}"), "12")
_GLUED_MONTH = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})([0-9]{1,2})月")
_GLUED_DAY = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})([0-9]{1,4})日")
_FULL_DATE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})\s?年\s?([0-9]{1,2})\s?月(?:\s?([0-9]{1,2})\s?日)?"
)
_GLUED_DOC_NO = re.compile(r"[〔\[［【(（]((?:19|20)[0-9]{3,})号")


def malformed_dates(text: str) -> list[Malformed]:
    """Dates with 年/月 lost (``20231月1日``, ``202111日``) or impossible (``2月30日``),
    and document numbers with the bracket lost (``〔202130号``)."""
    found: list[Malformed] = []
    # One scan for where a year starts; each form is then tried right there.
    for start in (y.start() for y in _YEAR_STARTS.finditer(text)):
        if m := _GLUED_MONTH.match(text, start):
            why = f"年份与月份连在一起，缺少「年」字（应为「{m[1]}年{m[2]}月」）"
            found.append(Malformed(m.start(), m.end(), why))
        elif m := _GLUED_DAY.match(text, start):
            digits = m[2]
            hint = f"{m[1]}年{digits[0]}月{digits[1:]}日" if len(digits) == 2 else None
            if len(digits) == 4:
                hint = f"{m[1]}年{digits[:2]}月{digits[2:]}日"
            fix = f"（应为「{hint}」之类）" if hint else ""
            found.append(Malformed(m.start(), m.end(), f"日期缺少「年」「月」字{fix}"))
        elif m := _FULL_DATE.match(text, start):
            year, month = int(m[1]), int(m[2])
            day = int(m[3]) if m[3] else 1
            try:
                date(year, month, day)
            except ValueError:
                found.append(Malformed(m.start(), m.end(), "日期不存在（月份或日期超出范围）"))
    for m in _GLUED_DOC_NO.finditer(text) if "号" in text else ():
        found.append(
            Malformed(
                m.start(), m.end(), "文号中年份与序号连在一起，缺少「〕」（如「〔2021〕30号」）"
            )
        )
    return sorted(found, key=lambda f: f.start)


# --------------------------------------------------------------------------- placeholders

PENDING_MARK = "【待核实】"
"""What the offline drafter writes next to a figure it could not verify."""

PLACEHOLDER = re.compile(
    r"【待核实】|【待[^】]{1,6}】"
    r"|(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])"
    r"|[×＊]{2,}|某某|○○|△△"
    r"|[（(【\[](?:单位名称|机关名称|部门名称|单位全称|机关全称|名称|待填写|待补充|待定|填写|具体数字|数字)[）)】\]]"
)
"""Text a template left to be filled: XX, ××, （单位名称）, 【待核实】."""
_PLACEHOLDERS = Scanner(PLACEHOLDER, "【XＸ×＊某○△（([")


def placeholders(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PLACEHOLDERS.finditer(text)]


# --------------------------------------------------------------------------- N8

SUPERSEDED_BASIS = re.compile(r"(?:国办公开办函)?\s?[〔\[［【(（]\s?2019\s?[〕\]］】)）]\s?60\s?号")
"""国办公开办函〔2019〕60号: the format notice for the 2019 and 2020 reports only."""
