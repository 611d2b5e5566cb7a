"""The clerk's choices for ledger values the vocabulary cannot settle, and their file form.

A mapping file (UTF-8 or GBK text) has one section per field and one line per value::

    [处理结果]
    补正 = （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
    不予公开 = withheld_4
    [申请人类型]
    律师 = 法律服务机构
    * = 自然人

The right side is a target's official wording, its key, or a variant that names exactly
one target; ``*`` stands for every value of the section still unsettled. ``drafter
ledger --map FILE`` writes a template listing each open question (with its rows and
the candidates) when the file does not exist yet. Choices are kept in the project
(``record``) so the next count asks nothing already answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from drafter.forms import FormatId
from drafter.ledger.reading import LedgerError
from drafter.ledger.vocabulary import FIELDS, core, resolve_target, target_label, targets

if TYPE_CHECKING:
    from drafter.ledger.counting import Question

Choices = dict[str, dict[str, str]]
"""field → value key (``value_key``) → target key."""

WILDCARD = "*"
_SECTIONS = {name: key for key, name in FIELDS.items()}
MAX_ROWS_SHOWN = 12


def value_key(value: str) -> str:
    """How a value is remembered: wording without spaces, punctuation or numbering."""
    return WILDCARD if value.strip() == WILDCARD else core(value) or value.strip()


def parse_mapping(text: str, fmt: FormatId = "2021", name: str = "取值对照文件") -> Choices:
    """Choices from a mapping file's text; LedgerError naming the line for a bad one."""
    choices: Choices = {}
    section: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("[", "［")) and line.endswith(("]", "］")):
            title = line[1:-1].strip()
            section = _SECTIONS.get(title)
            if section is None:
                raise LedgerError(
                    f"{name} 第 {number} 行：没有「{title}」这一节，可用的节为 "
                    + "、".join(f"[{n}]" for n in _SECTIONS)
                )
            continue
        if section is None:
            raise LedgerError(f"{name} 第 {number} 行：请先写节名，如 [处理结果]")
        value, sep, target_text = line.replace("＝", "=").partition("=")
        if not sep or not value.strip():
            raise LedgerError(f"{name} 第 {number} 行：应写成「台账中的写法 = 表格中的项目」")
        if not target_text.strip():
            continue  # a template line the clerk has not answered yet
        target = resolve_target(section, target_text, fmt)
        if target is None:
            options = "、".join(t.label for t in targets(section, fmt))
            raise LedgerError(
                f"{name} 第 {number} 行：「{target_text.strip()}」不是「{FIELDS[section]}」中的项目"
                f"（可写：{options}）"
            )
        choices.setdefault(section, {})[value_key(value)] = target
    return choices


def merge(base: Choices, extra: Choices) -> Choices:
    """``base`` with ``extra``'s choices added (``extra`` wins)."""
    merged = {field: dict(values) for field, values in base.items()}
    for field, values in extra.items():
        merged.setdefault(field, {}).update(values)
    return merged


def rows_text(refs: Sequence[object], limit: int = MAX_ROWS_SHOWN) -> str:
    """「Sheet」第 3 行 … as a short list (the rest counted)."""
    shown = "、".join(str(r) for r in refs[:limit])
    return shown + (f" 等 {len(refs)} 行" if len(refs) > limit else "")


def mapping_template(questions: Sequence[Question], fmt: FormatId = "2021") -> str:
    """A mapping file to fill in: one line per open question, the candidates as comments."""
    lines = [
        "# drafter 台账取值对照：在每个「=」后面写表格中的项目（官方名称或编号），",
        "# 保存后再运行同一命令。",
        "# 一个写法对应一个项目；写 * = 项目 表示本节其余未对照的写法都按该项目统计。",
    ]
    for field, title in FIELDS.items():
        mine = [q for q in questions if q.field == field]
        if not mine:
            continue
        lines += ["", f"[{title}]"]
        for q in mine:
            options = q.candidates or tuple(t.key for t in targets(field, fmt))
            lines.append(f"# {rows_text(q.refs)}；可选：")
            lines += [f"#   {key} {target_label(field, key, fmt)}" for key in options]
            lines.append(f"{q.value} =")
    return "\n".join(lines) + "\n"
