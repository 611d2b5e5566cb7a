"""The claims table (rule C1): every way the prose states a table figure, as data.

One row per phrase: *subject phrase → cell expression* (format-2021.md §3.5). A new way
of writing a figure is one more :class:`ClaimPattern` here, not more code; the engine
that finds the phrases in a sentence and compares the figures is
:mod:`drafter.narrative.claims`. Rows for the numbered sub-items of 不予公开 / 无法提供 /
不予处理 are generated from :mod:`drafter.forms`, so their labels are never retyped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from drafter import forms
from drafter.forms import FormatId
from drafter.narrative.numbers import MONEY_UNITS


class Topic(StrEnum):
    """Which guards apply: requests (table 三), appeals (四) or active disclosure (二)."""

    REQUESTS = "requests"
    APPEALS = "appeals"
    ACTIVE = "active"


REQUEST_UNITS = ("件", "条")
"""条 as well: 受理政府信息公开申请4条 (威海市文登区发展和改革局 2020)."""
CASE_UNITS = ("件", "起", "宗")
DOC_UNITS = ("件", "部", "个", "份")
DECISION_UNITS = ("件", "起", "宗", "个")


@dataclass(frozen=True, eq=False)
class ClaimPattern:
    """One row of the claims table: a way the prose states a table figure."""

    key: str
    label: str
    """What the sentence states, in Chinese, for messages: 本年新收申请."""
    subject: str
    """Regex of the subject phrase written before the figure."""
    cells: str | Mapping[FormatId, str] | tuple[str, ...]
    """Cell expression(s): ``"a.b.c + d.e.f"``, globs (``requests.withheld_*.total``),
    ``{doc}`` for the document type named earlier in the sentence. A mapping gives one per
    format (absent format: no such cell); a tuple lists accepted readings of an
    ambiguous phrase, the first preferred."""
    topic: Topic
    units: tuple[str, ...] = REQUEST_UNITS
    context: str | None = None
    """Regex the sentence must contain (generic verbs such as 办结 need 申请 nearby)."""
    after: str | None = None
    """Regex that must follow the figure: 结转1件下年度."""
    gap: int = 10
    """Most characters allowed between the subject and the figure."""
    nil: bool = False
    """The subject itself states zero: 未收到政府信息公开申请."""
    avoid: str | None = None
    """Regex that must not occur inside the subject phrase."""


_REQ, _APP, _ACT = Topic.REQUESTS, Topic.APPEALS, Topic.ACTIVE
CLAUSE_CHAR = r"[^，。；;,]"
"""One character inside a clause (not a clause or sentence break)."""
_LAST_YEAR_SUBJECT = r"上一?年度?"
_DOC = r"(?:行政)?规范性文件"
_OTHER_MATTERS = r"许可|复议|诉讼|咨询|投诉|信箱|留言|建议|提案"
"""Applications of other kinds, inside a 收到…申请 phrase: 受理行政许可申请."""

CLAIMS: tuple[ClaimPattern, ...] = (
    # ---- table 三: received, carried, handled
    ClaimPattern(
        "requests.new+carried_in",
        "本年新收和上年结转的申请",
        rf"新收到?的?(?:和|及|与|、|以及){_LAST_YEAR_SUBJECT}(?:结转|转结){CLAUSE_CHAR}{{0,12}}?"
        r"(?:申请|依申请公开)",
        "requests.new.total + requests.carried_in.total",
        _REQ,
        avoid=_OTHER_MATTERS,
    ),
    ClaimPattern(
        "requests.new",
        "本年新收申请",
        rf"(?:新收|新受理){CLAUSE_CHAR}{{0,14}}?(?:申请|依申请公开)",
        "requests.new.total",
        _REQ,
        avoid=_OTHER_MATTERS,
    ),
    # 收到/受理 may count last year's carried-over requests too (沭阳 2025: 受理749 = 新收 713
    # + 上年结转 36): either reading is accepted, 新收 first.
    ClaimPattern(
        "requests.received",
        "收到（受理）的申请",
        rf"(?:收到|受理|接收|接到){CLAUSE_CHAR}{{0,14}}?(?:申请|依申请公开)",
        ("requests.new.total", "requests.new.total + requests.carried_in.total"),
        _REQ,
        avoid=_OTHER_MATTERS,
    ),
    ClaimPattern(
        "requests.received.after",
        "收到（受理）的申请",
        r"(?:政府信息公开|依申请公开|信息公开)申请(?:件)?(?:受理|收到|接收)(?:量|数量?)?",
        ("requests.new.total", "requests.new.total + requests.carried_in.total"),
        _REQ,
        gap=4,
    ),
    ClaimPattern(
        "requests.handled",
        "办理的申请",
        rf"办理了?{CLAUSE_CHAR}{{0,10}}?(?:申请|依申请公开)",
        (
            "requests.new.total",
            "requests.new.total + requests.carried_in.total",
            "requests.total.total",
        ),
        _REQ,
        avoid=_OTHER_MATTERS,
    ),
    ClaimPattern(
        "requests.carried_in",
        "上年结转的申请",
        rf"{_LAST_YEAR_SUBJECT}(?:结转|转结)的?(?:政府信息公开申请|申请)?",
        "requests.carried_in.total",
        _REQ,
    ),
    ClaimPattern(
        "requests.carried_out",
        "结转下年度继续办理的申请",
        r"(?:结转|转结|顺延)(?:至|到)?下一?个?年度?(?:继续)?(?:办理|答复)?",
        "requests.carried_out.total",
        _REQ,
    ),
    ClaimPattern(
        "requests.carried_out.after",
        "结转下年度继续办理的申请",
        r"(?<![年度])结转",
        "requests.carried_out.total",
        _REQ,
        after=rf"{CLAUSE_CHAR}{{0,3}}?(?:至|到)?下一?个?年",
        gap=2,
    ),
    ClaimPattern(
        "requests.total",
        "办结（答复）的申请",
        r"(?:办结|答复|办复|回复)数?(?:政府信息公开申请|申请)?",
        "requests.total.total",
        _REQ,
        context="申请",
    ),
    # ---- table 三: outcomes (sub-rows are added from forms below)
    ClaimPattern(
        "requests.granted+partial",
        "予以公开和部分公开的申请",
        r"(?<!不)予以公开的?(?:及|和|或|与|、|以及)部分公开",
        "requests.granted.total + requests.partial.total",
        _REQ,
    ),
    # An outcome "answered" (同意公开答复 9 件) is the outcome, not the 答复 total: the
    # longer subject wins over 答复 (requests.total) at the same place.
    ClaimPattern(
        "requests.granted",
        "予以公开",
        r"(?:(?<!不)予以公开|同意公开)(?:答复|的)?",
        "requests.granted.total",
        _REQ,
    ),
    ClaimPattern(
        "requests.partial", "部分公开", r"部分公开(?:答复|的)?", "requests.partial.total", _REQ
    ),
    ClaimPattern(
        "requests.withheld",
        "不予公开",
        r"不(?:予以?|同意)公开(?:答复|的)?",
        "requests.withheld_*.total",
        _REQ,
    ),
    ClaimPattern(
        "requests.unavailable", "无法提供", r"无法提供", "requests.unavailable_*.total", _REQ
    ),
    ClaimPattern(
        "requests.not_processed",
        "不予处理",
        r"不予以?处理",
        "requests.not_processed_*.total",
        _REQ,
    ),
    ClaimPattern(
        "requests.other", "其他处理", r"其他处理", "requests.other_*.total", _REQ, context="申请"
    ),
    # ---- table 四
    ClaimPattern(
        "appeals.review+litigation",
        "行政复议和行政诉讼",
        r"行政复议(?:和|及|与|、|以及)(?:行政)?诉讼(?:案件)?",
        "appeals.review.total + appeals.litigation_direct.total"
        " + appeals.litigation_after_review.total",
        _APP,
        units=CASE_UNITS,
        context="公开",
    ),
    ClaimPattern(
        "appeals.review",
        "行政复议",
        r"(?:行政)?复议(?!机关|后)(?:案件)?",
        "appeals.review.total",
        _APP,
        units=CASE_UNITS,
        context="公开",
    ),
    ClaimPattern(
        "appeals.litigation_after_review",
        "复议后起诉",
        r"复议后(?:提起)?(?:行政)?(?:起诉|诉讼)(?:案件)?",
        "appeals.litigation_after_review.total",
        _APP,
        units=CASE_UNITS,
        context="公开",
    ),
    ClaimPattern(
        "appeals.litigation_direct",
        "未经复议直接起诉",
        r"(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)(?:案件)?",
        "appeals.litigation_direct.total",
        _APP,
        units=CASE_UNITS,
        context="公开",
    ),
    ClaimPattern(
        "appeals.litigation",
        "行政诉讼",
        r"(?:行政)?诉讼(?:案件)?|被(?:提起)?(?:行政)?起诉",
        "appeals.litigation_direct.total + appeals.litigation_after_review.total",
        _APP,
        units=CASE_UNITS,
        context="公开",
    ),
    # Results of the cases named earlier in the sentence (行政复议 351件，其中结果维持 72件，
    # 结果纠正 64件…): {case} is the last of 复议/诉讼 named before the figure.
    ClaimPattern(
        "appeals.{case}.upheld",
        "结果维持",
        r"(?:结果)?维持(?:原?(?:行政行为|决定))?",
        "appeals.{case}.upheld",
        _APP,
        units=CASE_UNITS,
        gap=4,
    ),
    ClaimPattern(
        "appeals.{case}.corrected",
        "结果纠正",
        r"(?:结果)?纠正|被?纠错|败诉",
        "appeals.{case}.corrected",
        _APP,
        units=CASE_UNITS,
        gap=4,
    ),
    ClaimPattern(
        "appeals.{case}.other",
        "其他结果",
        r"其他结果",
        "appeals.{case}.other",
        _APP,
        units=CASE_UNITS,
    ),
    ClaimPattern(
        "appeals.{case}.pending",
        "尚未审结",
        r"尚未审结|未审结|正在审理|审理中",
        "appeals.{case}.pending",
        _APP,
        units=CASE_UNITS,
    ),
    # ---- table 二 (2021: 制发/废止/现行有效; 2019: only 本年新制作数量 is comparable)
    ClaimPattern(
        "active.normative_documents.issued",
        "本年制发行政规范性文件",
        rf"(?:新制发|制发|新制定|制定|出台|印发)了?{CLAUSE_CHAR}{{0,8}}?{_DOC}",
        {
            "2021": "active.normative_documents.issued",
            "2019": "active.normative_documents.made",
        },
        _ACT,
        units=DOC_UNITS,
        avoid=r"部门|各|转发|备案|审核|审查|清理|解读",
    ),
    ClaimPattern(
        "active.regulations.issued",
        "本年制发规章",
        rf"(?:新制发|制发|新制定|制定|出台|印发)了?{CLAUSE_CHAR}{{0,8}}?规章",
        {"2021": "active.regulations.issued", "2019": "active.regulations.made"},
        _ACT,
        units=DOC_UNITS,
        avoid=r"部门|各|转发|备案|审核|审查|清理|解读",
    ),
    ClaimPattern(
        "active.normative_documents.repealed",
        "本年废止行政规范性文件",
        rf"废止了?{CLAUSE_CHAR}{{0,8}}?{_DOC}",
        {"2021": "active.normative_documents.repealed"},
        _ACT,
        units=DOC_UNITS,
        avoid=r"部门|各",
    ),
    ClaimPattern(
        "active.regulations.repealed",
        "本年废止规章",
        rf"废止了?{CLAUSE_CHAR}{{0,8}}?规章",
        {"2021": "active.regulations.repealed"},
        _ACT,
        units=DOC_UNITS,
        avoid=r"部门|各",
    ),
    ClaimPattern(
        "active.normative_documents.in_force",
        "现行有效行政规范性文件",
        rf"现行有效的?{CLAUSE_CHAR}{{0,6}}?{_DOC}|{_DOC}{CLAUSE_CHAR}{{0,4}}?现行有效",
        {"2021": "active.normative_documents.in_force"},
        _ACT,
        units=DOC_UNITS,
        avoid=r"部门|各",
    ),
    ClaimPattern(
        "active.regulations.in_force",
        "现行有效规章",
        rf"现行有效的?{CLAUSE_CHAR}{{0,6}}?规章|规章{CLAUSE_CHAR}{{0,4}}?现行有效",
        {"2021": "active.regulations.in_force"},
        _ACT,
        units=DOC_UNITS,
        avoid=r"部门|各",
    ),
    # The document type is named earlier in the sentence: 制发行政规范性文件2件、废止1件.
    ClaimPattern(
        "active.{doc}.issued",
        "本年制发",
        r"(?:新制发|制发|新制定|制定|出台|印发)了?",
        {"2021": "active.{doc}.issued", "2019": "active.{doc}.made"},
        _ACT,
        units=DOC_UNITS,
        gap=2,
    ),
    ClaimPattern(
        "active.{doc}.repealed",
        "本年废止",
        r"废止了?",
        {"2021": "active.{doc}.repealed"},
        _ACT,
        units=DOC_UNITS,
        gap=2,
    ),
    ClaimPattern(
        "active.{doc}.in_force",
        "现行有效",
        r"现行有效的?",
        {"2021": "active.{doc}.in_force"},
        _ACT,
        units=DOC_UNITS,
        gap=2,
    ),
    ClaimPattern(
        "active.licensing",
        "行政许可决定",
        r"行政许可(?:决定)?",
        {"2021": "active.licensing", "2019": "active.licensing.decisions"},
        _ACT,
        units=DECISION_UNITS,
    ),
    ClaimPattern(
        "active.penalty",
        "行政处罚决定",
        r"行政处罚(?:决定|案件)?",
        {"2021": "active.penalty", "2019": "active.penalty.decisions"},
        _ACT,
        units=DECISION_UNITS,
    ),
    ClaimPattern(
        "active.enforcement",
        "行政强制决定",
        r"行政强制(?:决定|措施)?",
        {"2021": "active.enforcement", "2019": "active.enforcement.decisions"},
        _ACT,
        units=DECISION_UNITS,
    ),
    ClaimPattern(
        "active.fees_wan_yuan",
        "行政事业性收费金额",
        r"行政事业性收费(?:金额)?",
        {"2021": "active.fees_wan_yuan"},
        _ACT,
        units=MONEY_UNITS,
    ),
    # ---- nil statements: the subject itself says zero
    ClaimPattern(
        "requests.new.nil",
        "未收到申请",
        rf"(?:未|没有|无)(?:收到|受理|接到|发生){CLAUSE_CHAR}{{0,12}}?(?:申请|依申请公开)|无依?申请公开",
        "requests.new.total",
        _REQ,
        nil=True,
    ),
    # 纠错/败诉 are the 结果纠正 columns, not the cases: 「全年未发生因依申请公开被行政复议
    # 纠错或行政诉讼败诉情形」 says 纠正 = 0, whatever the number of cases.
    ClaimPattern(
        "appeals.review.corrected.nil",
        "未发生行政复议被纠错",
        rf"(?:未|没有|无){CLAUSE_CHAR}{{0,24}}?复议{CLAUSE_CHAR}{{0,6}}?(?:纠错|纠正|撤销|确认违法)",
        "appeals.review.corrected",
        _APP,
        context="公开",
        nil=True,
    ),
    ClaimPattern(
        "appeals.litigation.corrected.nil",
        "未发生行政诉讼败诉",
        rf"(?:未|没有|无){CLAUSE_CHAR}{{0,40}}?诉讼{CLAUSE_CHAR}{{0,6}}?(?:败诉|纠错|纠正)",
        "appeals.litigation_direct.corrected + appeals.litigation_after_review.corrected",
        _APP,
        context="公开",
        nil=True,
    ),
    ClaimPattern(
        "appeals.review.nil",
        "未发生行政复议",
        rf"(?:未|没有|无){CLAUSE_CHAR}{{0,20}}?行政复议(?!{CLAUSE_CHAR}{{0,6}}?(?:纠错|纠正|败诉|撤销|确认违法))",
        "appeals.review.total",
        _APP,
        context="公开",
        nil=True,
        avoid=r"纠错|纠正|败诉|撤销|确认违法|维持",
    ),
    ClaimPattern(
        "appeals.litigation.nil",
        "未发生行政诉讼",
        rf"(?:未|没有|无){CLAUSE_CHAR}{{0,30}}?(?:行政诉讼|被起诉|提起诉讼)"
        rf"(?!{CLAUSE_CHAR}{{0,6}}?(?:纠错|纠正|败诉|撤销|确认违法))",
        "appeals.litigation_direct.total + appeals.litigation_after_review.total",
        _APP,
        context="公开",
        nil=True,
        avoid=r"纠错|纠正|败诉|撤销|确认违法|维持",
    ),
)
"""The claims table. Earlier rows win ties, so a combined phrase precedes its parts."""

# Short ways the prose names a numbered sub-row of table 三 (the full label, taken from
# forms, is always accepted too). The group word after it (不予公开 …) may follow.
_SUB_ROW_SHORT: dict[str, str] = {
    "withheld_1": "国家秘密",
    "withheld_3": "三安全一稳定",
    "withheld_4": "第三方合法权益",
    "withheld_5": "内部事务信息",
    "withheld_6": "过程性信息",
    "withheld_7": "行政执法案卷",
    "withheld_8": "行政查询事项",
    "unavailable_1": "不掌握",
    "unavailable_2": "(?:没有|无)现成信息|另行制作",
    "unavailable_3": "申请内容仍?不明确",
    "not_processed_1": "信访举报投诉",
    "not_processed_2": "重复申请",
    "not_processed_3": "公开出版物",
    "not_processed_4": "大量反复申请",
    "not_processed_5": "确认或重新出具",
}


def _sub_row_patterns() -> tuple[ClaimPattern, ...]:
    """One row per numbered sub-item of 不予公开 / 无法提供 / 不予处理, from ``forms``."""
    groups = (forms.WITHHELD, forms.UNAVAILABLE, forms.NOT_PROCESSED)
    rows = []
    for row in forms.request_rows("2021"):
        if row.subgroup not in groups:
            continue
        group_word = re.sub(r"^（.）", "", row.subgroup)
        label = re.escape(re.sub(r"^\d+\.", "", row.label))
        names = f"{label}|{_SUB_ROW_SHORT[row.key]}" if row.key in _SUB_ROW_SHORT else label
        rows.append(
            ClaimPattern(
                f"requests.{row.key}",
                f"{group_word}（{re.sub(r'^[0-9]+[.]', '', row.label)}）",
                rf"(?:{names})(?:[^，。；;,等]{{0,8}}?{group_word})?",
                f"requests.{row.key}.total",
                _REQ,
            )
        )
    return tuple(rows)


_OUTCOMES_AT = next(i for i, p in enumerate(CLAIMS) if p.key == "requests.granted+partial")
ALL_CLAIMS: tuple[ClaimPattern, ...] = (
    CLAIMS[:_OUTCOMES_AT] + _sub_row_patterns() + CLAIMS[_OUTCOMES_AT:]
)
"""The table with the sub-rows placed before the group rows they are more precise than."""

CLAIM_UNITS = frozenset(REQUEST_UNITS + CASE_UNITS + DOC_UNITS + DECISION_UNITS + MONEY_UNITS)
"""Every unit a claimed figure can have."""
