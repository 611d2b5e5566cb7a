"""What a ledger's words mean in the tables: applicant types, results, appeal kinds and results.

Each *field* maps a value as written to one *target*: a column of table 三 (applicant
type), an outcome row of table 三 (result), a block of table 四 (复议, 直接起诉, 复议后起诉)
or a result column of table 四. The targets and their official wording come from
``drafter.forms``; this module adds only the common variants offices write (``VARIANTS``).

:func:`candidates` never guesses: a value matches a target by its official wording or a
listed variant, exactly or (for wording of 3+ characters) by containment; a value naming
only a group (「不予公开」, 「法人或其他组织」, 「行政诉讼」) matches every target of the
group. The caller treats no match and several matches alike: the clerk chooses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from drafter import forms
from drafter.forms import FormatId

FIELDS: dict[str, str] = {
    "applicant_type": "申请人类型",
    "result": "处理结果",
    "appeal_kind": "复议/诉讼类别",
    "appeal_result": "复议/诉讼结果",
}
"""field → its name for the clerk (also the section names of a mapping file)."""

VARIANTS: dict[str, dict[str, tuple[str, ...]]] = {
    "applicant_type": {
        "natural_person": ("个人", "公民", "群众", "居民", "自然人申请", "律师"),
        "business": ("企业", "公司", "企业法人", "商户", "个体工商户", "有限公司"),
        "research": ("研究机构", "科研院所", "研究所", "研究院", "科研单位"),
        "public_interest": ("公益组织", "社会组织", "基金会", "公益机构"),
        "legal_services": ("律师事务所", "律所", "法律服务所", "法律援助中心", "律师"),
        "other_org": ("其他组织", "其他法人", "机关", "事业单位", "村委会", "居委会", "社会团体"),
    },
    "result": {
        "granted": ("公开", "同意公开", "全部公开", "已公开", "予以公开答复"),
        "partial": ("部分公开", "部分同意公开", "部分予以公开", "部分不予公开", "区分处理"),
        "withheld_1": ("国家秘密", "涉密", "涉及国家秘密"),
        "withheld_2": ("法律法规禁止公开", "法律行政法规禁止公开"),
        "withheld_3": ("三安全一稳定", "危及国家安全公共安全经济安全社会稳定"),
        "withheld_4": ("第三方合法权益", "商业秘密", "个人隐私", "涉及商业秘密", "涉及个人隐私"),
        "withheld_5": ("内部事务信息", "内部事务", "三类内部事务"),
        "withheld_6": ("过程性信息", "四类过程性信息"),
        "withheld_7": ("行政执法案卷", "执法案卷"),
        "withheld_8": ("行政查询事项", "查询事项"),
        "unavailable_1": (
            "本机关不掌握",
            "不掌握",
            "信息不存在",
            "政府信息不存在",
            "非本机关掌握",
            "不属于本机关",
            "本机关不掌握该信息",
        ),
        "unavailable_2": ("另行制作", "需要另行制作", "没有现成信息", "需另行制作"),
        "unavailable_3": ("补正后仍不明确", "申请内容不明确", "内容不明确"),
        "not_processed_1": ("信访举报投诉", "信访类", "信访件", "投诉举报", "信访投诉举报"),
        "not_processed_2": ("重复申请",),
        "not_processed_3": ("公开出版物",),
        "not_processed_4": ("大量反复申请",),
        "not_processed_5": ("确认或重新出具", "重新出具已获取信息"),
        "other_1": ("逾期不补正", "未补正", "不补正", "逾期未补正"),
        "other_2": ("逾期未缴费", "未缴纳费用", "逾期未缴纳信息处理费", "未缴费"),
        "other_3": ("撤回", "申请人撤回", "撤回申请", "主动撤回", "其他"),
    },
    "appeal_kind": {
        "review": ("复议", "行政复议申请"),
        "litigation_direct": ("直接起诉", "未经复议"),
        "litigation_after_review": ("经复议后起诉", "经复议"),
    },
    "appeal_result": {
        "upheld": ("维持", "驳回诉讼请求", "维持原行政行为", "确认合法", "驳回", "胜诉"),
        "corrected": (
            "纠正",
            "撤销",
            "确认违法",
            "责令履行",
            "责令重新答复",
            "变更",
            "责令改正",
            "败诉",
            "纠错",
        ),
        "other": ("其他", "终止", "撤回", "撤诉", "驳回起诉", "不予受理", "调解", "和解", "驳回"),
    },
}

GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "不予公开": ("不公开", "不予以公开"),
    "无法提供": ("不能提供",),
    "不予处理": ("不处理",),
    "其他处理": (),
    forms.ORG_HEADER: ("法人", "法人或者其他组织", "单位"),
    forms.LITIGATION_HEADER: ("诉讼", "起诉"),
}
"""Words naming a group of targets, beside the group's own label from forms."""

MIN_CONTAINED = 3

_NUMBERING = re.compile(
    r"[（(][一二三四五六七八九十\d]{1,2}[)）]"
    r"|(?<![\d一二三四五六七八九十])[一二三四五六七八九十\d]{1,2}[、.．)）]"
)
"""Item numbers anywhere: 「（三）」「3.」「一、」 (the official labels are numbered)."""
_NOTES = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")
_PUNCTUATION = re.compile(r"[\s\W_]+")


@dataclass(frozen=True)
class Target:
    key: str
    """A column key (natural_person), outcome row key (withheld_4), block key or result key."""
    label: str
    """The official wording, as the clerk reads it in the table."""
    group: str | None = None


@cache
def targets(field: str, fmt: FormatId = "2021") -> tuple[Target, ...]:
    """Every target of ``field`` in form order, labels from ``drafter.forms``."""
    if field == "applicant_type":
        return tuple(
            Target(
                key,
                forms.REQUEST_COLUMN_LABELS[key],
                forms.ORG_HEADER if key in forms.ORG_COLUMNS else None,
            )
            for key in forms.APPLICANT_COLUMNS
        )
    if field == "result":
        return tuple(
            Target(r.key, r.full_label, r.subgroup) for r in forms.request_rows(fmt) if r.outcome
        )
    if field == "appeal_kind":
        return tuple(
            Target(key, label, forms.LITIGATION_HEADER if key != "review" else None)
            for key, label in forms.APPEAL_ROWS
        )
    if field == "appeal_result":
        return tuple(
            Target(key, label)
            for key, label in forms.APPEAL_COLUMNS
            if key in ("upheld", "corrected", "other")
        )
    raise KeyError(field)


@lru_cache(maxsize=8192)
def core(text: str, *, notes: bool = True) -> str:
    """Wording as compared: no numbering, spaces or punctuation; full-width folded.

    「1.属于国家秘密」 → 属于国家秘密; 「不予公开（国家秘密）」 → 不予公开国家秘密. With
    ``notes=False`` bracketed notes go too (the official 「部分公开（区分处理的，…）」).
    """
    folded = _NUMBERING.sub("", unicodedata.normalize("NFKC", text).strip().lower())
    if not notes:
        folded = _NOTES.sub("", folded)
    return _PUNCTUATION.sub("", folded)


@cache
def _aliases(field: str, fmt: FormatId) -> dict[str, frozenset[str]]:
    """target key → its normalised wordings (official, shortened, variants)."""
    table: dict[str, set[str]] = {}
    for target in targets(field, fmt):
        names = {core(target.label, notes=False)}
        if target.group:
            names.add(core(target.group) + core(target.label, notes=False))
        names |= {n.removeprefix("属于").removeprefix("要求") for n in names}
        names |= {core(v) for v in VARIANTS[field].get(target.key, ())}
        table[target.key] = names
    if fmt == "2019" and field == "result":  # one （六）其他处理 row takes all three variants
        for key in ("other_2", "other_3"):
            table["other_1"] |= {core(v) for v in VARIANTS[field][key]}
    return {key: frozenset(n for n in names if n) for key, names in table.items()}


@cache
def _groups(field: str, fmt: FormatId) -> dict[str, tuple[str, ...]]:
    """normalised group word → the target keys of the group."""
    groups: dict[str, list[str]] = {}
    for target in targets(field, fmt):
        if target.group:
            for word in (target.group, *GROUP_WORDS.get(target.group, ())):
                groups.setdefault(core(word), []).append(target.key)
    return {word: tuple(keys) for word, keys in groups.items()}


@lru_cache(maxsize=8192)
def candidates(field: str, value: str, fmt: FormatId = "2021") -> tuple[str, ...]:
    """The targets ``value`` may mean, in form order: one is a match, none or several a question.

    Cached: a ledger repeats a handful of wordings over thousands of rows.
    """
    text = core(value)
    if not text:
        return ()
    aliases = _aliases(field, fmt)
    exact = [key for key, names in aliases.items() if text in names]
    if exact:
        return tuple(exact)
    groups = _groups(field, fmt)
    for word in sorted(groups, key=len, reverse=True):
        if text.startswith(word):
            rest = text[len(word) :]
            if not rest:
                return groups[word]
            inside = {key: aliases[key] for key in groups[word]}
            found = _contained(rest, inside) or [k for k, names in inside.items() if rest in names]
            return tuple(found) if found else ()
    return tuple(_contained(text, aliases))


def _contained(text: str, aliases: dict[str, frozenset[str]]) -> list[str]:
    exact = [key for key, names in aliases.items() if text in names]
    if exact:
        return exact
    return [
        key
        for key, names in aliases.items()
        if any(
            (len(name) >= MIN_CONTAINED and name in text) or (len(text) >= 2 and text in name)
            for name in names
        )
    ]


def target_label(field: str, key: str, fmt: FormatId = "2021") -> str:
    """The official wording of a target key (KeyError for an unknown key)."""
    for target in targets(field, fmt):
        if target.key == key:
            return target.label
    raise KeyError(key)


def resolve_target(field: str, text: str, fmt: FormatId = "2021") -> str | None:
    """The target a clerk named in a mapping (its key, official wording or a variant), or None."""
    stripped = text.strip()
    keys = [t.key for t in targets(field, fmt)]
    if stripped in keys:
        return stripped
    found = candidates(field, stripped, fmt)
    return found[0] if len(found) == 1 else None
