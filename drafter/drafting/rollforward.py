"""Last year's sentences moved on a year: years shifted, claims handled, the rest marked.

What the offline drafter does to each line of last year's text it keeps:

1. years move one year on: last year's report year L becomes this year's, L+1 (its
   plans) becomes next year, L-1 (its comparisons) becomes L; older years (laws,
   documents) and 〔2021〕-style document numbers stay; 上年/去年 are relative and
   stay right as they are (:func:`shift_years`);
2. a figure the checker maps to a table cell is either re-stated with this year's
   figure (:func:`restate_claims`) or, where the draft states the tables itself, its
   clause is dropped (:func:`drop_claim_clauses`);
3. every other figure (counts, amounts, percentages), every dated event and every
   person's name is marked 【待核实】 right after it (:func:`mark_unverified`): last
   year's 39条, 6月 or 局长张三 cannot be passed off as this year's unseen, and the
   checker turns the mark into an export-blocking error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.drafting.figures import UNKNOWN
from drafter.model import Report
from drafter.narrative.claims import find_claims, restate
from drafter.narrative.numbers import DATE_UNITS, extract_numbers
from drafter.narrative.text import CLAUSE_BREAK, sentences

# --------------------------------------------------------------------------- years

_DIGITS = "0123456789"
_WIDE = "０１２３４５６７８９"
_HAN = "〇一二三四五六七八九"
_TO_ASCII = str.maketrans(_WIDE + _HAN + "零", _DIGITS + _DIGITS + "0")

_YEAR = re.compile(
    r"(?<![0-9０-９])([12１２][0-9０-９]{3}|[一二][〇零一二三四五六七八九]{3})"
    r"(?=\s*(?:年|[-—–~～至到]\s*(?:[12１２][0-9０-９]{3}|[一二][〇零一二三四五六七八九]{3})\s*年))"
)


def shift_years(text: str, last_year: int) -> str:
    """Years L-1, L, L+1 (L = last year's report year) moved on by one; others kept."""

    def repl(m: re.Match[str]) -> str:
        written = m.group(1)
        year = int(written.translate(_TO_ASCII))
        if year not in (last_year - 1, last_year, last_year + 1):
            return written
        new = str(year + 1)
        if written[0] in _HAN:
            return new.translate(str.maketrans(_DIGITS, _HAN))
        if written[0] in _WIDE:
            return new.translate(str.maketrans(_DIGITS, _WIDE))
        return new

    return _YEAR.sub(repl, text)


# --------------------------------------------------------------------------- figures

_EVENT_DATE = re.compile(
    r"(?:[12][0-9]{3}年)?(?<![0-9])(?P<month>1[0-2]|[1-9])月(?:(?P<day>[0-9]{1,2})日)?"
)
# A count followed by these is a deadline or an age, not a figure of the year's work.
_NOT_A_FIGURE_AFTER = ("工作日", "周岁", "以内", "日内")


def figure_spans(text: str) -> list[tuple[int, int, int]]:
    """(start of number, end of number, end of unit) of every figure in ``text``.

    A figure is a number with a unit of count, money or share (件, 条, 万元, % …), as the
    checker's :func:`~drafter.narrative.numbers.extract_numbers` finds them; ordinals and
    legal numbering (第二十条), years, dates and deadlines (7个工作日) are not figures.
    """
    spans = []
    for n in extract_numbers(text):
        if n.unit is None or n.unit in DATE_UNITS:
            continue
        if n.start and text[n.start - 1] == "第":
            continue
        if text.startswith(_NOT_A_FIGURE_AFTER, n.unit_end):
            continue
        spans.append((n.start, n.end, n.unit_end))
    return spans


def event_date_spans(text: str) -> list[tuple[int, int]]:
    """Dated events (2024年6月, 3月15日) other than the year's bounds (1月1日, 12月31日, 年底)."""
    spans = []
    for m in _EVENT_DATE.finditer(text):
        month, day = int(m.group("month")), m.group("day")
        if (month, day) in ((1, "1"), (12, "31"), (12, None)) or text.startswith("底", m.end()):
            continue
        if text.startswith(("份", "日内", "个"), m.end()):
            continue
        spans.append((m.start(), m.end()))
    return spans


# --------------------------------------------------------------------------- names

_TITLES = (
    "党组书记|党委书记|党工委书记|书记|副局长|局长|副主任|主任|副镇长|镇长|副乡长|乡长|副县长|县长|"
    "副区长|区长|副市长|市长|副主席|主席|副处长|处长|副科长|科长|股长|副部长|部长|秘书长|"
    "副组长|组长|委员|干事|负责人|联络员"
)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_NOT_IN_A_NAME = "长组任为副书记员主席处科股部委同志负责分管牵头兼及和与等"
_NOT_NAMES = frozenset(
    "单位 成员 人员 任务 全面 全体 全局 高度 直接 江苏 安全 成立 文件 向上 明确 万元".split()
)
"""Words that start with a surname character and may follow a title (组长单位)."""
_NAME = re.compile(
    rf"(?:(?:{_TITLES})(?P<after>[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}?)"
    r"(?=任|为|担任|兼|同志|牵头|主持|分管|负责|[、，,。；;（(）)]|$))"
    rf"|(?P<before>[{_SURNAMES}][\u4e00-\u9fff]{{1,2}})(?=同志)"
)


def name_spans(text: str) -> list[tuple[int, int]]:
    """People's names: 局长张勋华任组长, 副局长戚高岭为…, 王五同志 (officials change)."""
    spans = []
    for m in _NAME.finditer(text):
        group = "after" if m.group("after") else "before"
        name = m.group(group)
        if any(ch in _NOT_IN_A_NAME for ch in name[1:]) or name[:2] in _NOT_NAMES:
            continue
        spans.append((m.start(group), m.end(group)))
    return spans


# --------------------------------------------------------------------------- marks


def mark_unverified(text: str, verified: Sequence[tuple[int, int]] = ()) -> str:
    """``text`` with 【待核实】 after every figure, dated event and name not ``verified``.

    ``verified`` holds the (start, end) spans of numbers known to be this year's table
    figures; a mark already in place is not repeated.
    """
    ends: set[int] = set()
    for start, end, unit_end in figure_spans(text):
        if not any(s < end and start < e for s, e in verified):
            ends.add(unit_end)
    for _, end in event_date_spans(text):
        ends.add(end)
    for _, end in name_spans(text):
        ends.add(end)
    out, last = [], 0
    for end in sorted(ends):
        out.append(text[last:end])
        if not text.startswith(UNKNOWN, end):
            out.append(UNKNOWN)
        last = end
    out.append(text[last:])
    return "".join(out)


# --------------------------------------------------------------------------- claims


@dataclass
class Restated:
    text: str
    verified: list[tuple[int, int]] = field(default_factory=list)
    """Number spans in ``text`` that now equal this year's table figures."""


def restate_claims(text: str, report: Report) -> Restated:
    """Re-state each claim sentence of ``text`` with ``report``'s figures.

    The checker's claim recogniser (:func:`drafter.narrative.claims.restate`) replaces
    every figure it can map to a known table cell; the text is then recognised again
    and the numbers that now agree with the tables are ``verified``. A claim whose cell
    is unknown this year stays as written and is marked 【待核实】 with the rest.
    """
    done = restate(text, report, year=report.year)
    again = find_claims(done.text, report, year=report.year)
    verified = [c.span for c in again if c.number is not None and c.holds]
    return Restated(done.text, verified)


def drop_claim_clauses(line: str, report: Report) -> str:
    """``line`` without the clauses that state figures of tables 三 and 四 or a claim.

    The draft states the tables itself (:mod:`.statements`), so last year's
    ``全年新收政府信息公开申请22件，上年结转1件，均在法定期限内答复。`` becomes
    ``均在法定期限内答复。``: a clause the claim recogniser maps to a cell goes, and so
    does any clause with a figure in a sentence about applications, 复议 or 诉讼 (all
    of which tables 三 and 四 count), with what only qualifies a dropped figure (其中：,
    占51.85%, 均在期限内答复).
    A sentence left with nothing to say goes altogether.
    """
    spans = [c.span for c in find_claims(line, report, year=report.year)]
    for a, b in sentences(line):
        sentence = line[a:b]
        if _TABLE_TOPIC.search(sentence) and not _OTHER_MATTERS.search(sentence):
            spans += [(a + s, a + e) for s, e, _ in figure_spans(sentence)]
    if not spans:
        return line
    cuts = [_clause(line, start, end) for start, end in spans]
    cuts.sort()
    out, last = [], 0
    for a, b in cuts:
        if b <= last:
            continue
        out.append(line[last : max(a, last)])
        last = b
        while _SHARE.match(line, last):  # 占51.85%；: a share of the dropped figure
            last = _clause(line, last, last + 1)[1]
    out.append(line[last:])
    return _tidy_clauses("".join(out))


_TABLE_TOPIC = re.compile(r"申请|复议|诉讼")
_OTHER_MATTERS = re.compile(r"许可|咨询|投诉|信箱|留言|热线|建议|提案|信访|审批")
_SHARE = re.compile(r"[，,；;、]?\s*(?:占|约占|同比|比上年|较上年|均|全部|都)")


_CONNECTIVE = re.compile(r"(?:其中|同时|此外|另外|具体如下|具体情况如下)[：:，,]\s*$")


def _clause(line: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding ``line[start:end]``, with the separator after it (and the
    connective before it: 其中：予以公开42件 goes whole)."""
    a = max((m.end() for m in CLAUSE_BREAK.finditer(line, 0, start)), default=0)
    a = max(a, _sentence_start(line, start))
    lead = _CONNECTIVE.search(line, _sentence_start(line, a), a)
    if lead is not None:
        a = lead.start()
    m = CLAUSE_BREAK.search(line, end)
    stop = _sentence_end(line, end)
    return a, (m.end() if m and m.start() < stop else stop)


_SENTENCE_ENDS = "。！？!?"


def _sentence_start(text: str, pos: int) -> int:
    return max((i + 1 for i in range(pos) if text[i] in _SENTENCE_ENDS), default=0)


def _sentence_end(text: str, pos: int) -> int:
    """Just before the sentence end after ``pos`` (the 。 is kept)."""
    for i in range(pos, len(text)):
        if text[i] in _SENTENCE_ENDS:
            return i
    return len(text)


_DANGLING = re.compile(r"[，,；;：:、]+(?=[。！？!?]|$)")
_EMPTY_SENTENCE = re.compile(
    r"(?:(?<=[。！？!?])|^)[，,；;：:、\s]*(?:其中|同时|此外|另外|具体如下|具体情况如下)?"
    r"[，,；;：:、\s]*[。！？!?]"
)


def _tidy_clauses(text: str) -> str:
    """Separators left dangling by a dropped clause, and sentences left empty, removed."""
    text = _DANGLING.sub("", text)
    text = _EMPTY_SENTENCE.sub("", text)
    return re.sub(r"^[，,；;：:、\s]+", "", text)
