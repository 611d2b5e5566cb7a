"""The import's notes on table cells: why a cell is blank or was not read, at its line.

Every cell the import leaves empty gets one of these (format-2021.md V3 and the project
rules I1–I3), in plain Chinese: 「记为空」 for a cell blank in the file, 「未读出」 for one
the file gives but the import could not place or read. The cell paths stay in
``location.cells`` for the JSON output, never in the message.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter import forms
from drafter.forms import FormatId
from drafter.importers.rows import Candidate
from drafter.model import Finding, Location


def finding(
    rule: str,
    message: str,
    paths: Sequence[str],
    line: int | None,
    excerpt: str | None = None,
) -> Finding:
    """An import note (a warning) on the cells ``paths``, at a line of the file."""
    section = paths[0].split(".", 1)[0] if paths else None
    return Finding(
        rule=rule,
        severity="warning",
        message=message,
        location=Location(
            section=section,
            cell=paths[0] if paths else None,
            line=line or None,
            cells=list(paths),
        ),
        excerpt=excerpt,
    )


def column_names(paths: Sequence[str], fmt: FormatId) -> str:
    """The cells of one row by their column labels: 商业企业、科研机构."""
    return "、".join(forms.cell_def(p, fmt).column_label for p in paths)


def appeal_names(paths: Sequence[str]) -> str:
    """Table 四's cells by block and column: 行政复议结果纠正、复议后起诉总计."""
    cells = [forms.cell_def(p) for p in paths]
    return "、".join(f"{c.row_label}{c.column_label}" for c in cells)


def unplaced(paths: Sequence[str], candidate: Candidate, name: str, n: int) -> Finding:
    """I1: a row whose figures cannot be put into its columns: none is guessed."""
    shown = " ".join(v.raw or "空" for v in candidate.values[: n + 8])
    count = len(candidate.values)
    how = f"只有 {count} 栏（{shown}），少于" if count < n else f"有 {count} 个数字，多于"
    return finding(
        "I1",
        f"{name}在原文中{how} {n} 栏，无法确定各属于哪一栏，"
        f"{n} 个单元格未读出（记为空）：请对照原表填写",
        paths,
        candidate.lineno,
        candidate.excerpt,
    )


def short_row(
    name: str,
    candidate: Candidate,
    n: int,
    read: str,
    unsure: Sequence[str],
    unsure_names: str,
) -> Finding:
    """I1: a row printed with fewer cells than columns, partly placed by its totals."""
    shown = " ".join(v.raw or "空" for v in candidate.values)
    placed = f"按合计关系能确定的已读入（{read}），" if read else ""
    return finding(
        "I1",
        f"{name}在原文中只有 {len(candidate.values)} 栏（{shown}），少于 {n} 栏；{placed}"
        f"其余 {len(unsure)} 个单元格（{unsure_names}）无法确定属于哪一栏，"
        "未读出（记为空）：请对照原表填写",
        unsure,
        candidate.lineno,
        candidate.excerpt,
    )


def glued(
    paths: Sequence[str],
    unsure: Sequence[str],
    candidate: Candidate,
    name: str,
    names: str,
    n_options: int,
) -> Finding:
    """I2: digits run together with more than one (or no) split the table allows."""
    how = "没有一种拆分符合表内勾稽关系" if n_options == 0 else f"有 {n_options} 种拆分都说得通"
    return finding(
        "I2",
        f"{name}的数字在原文中连在一起（「{''.join(v.raw for v in candidate.values)}」），{how}，"
        f"无法确定的 {len(unsure)} 个单元格（{names}）未读出（记为空）：请对照原表填写",
        unsure,
        candidate.lineno,
        candidate.excerpt,
    )


def blank_cells(
    subject: str,
    names: str,
    blanks: Sequence[str],
    candidate: Candidate,
    *,
    as_zero: bool,
) -> Finding:
    """V3: cells a found row leaves blank, read as blank or (when the clerk chose so) as 0."""
    if as_zero:
        outcome = "已按 0 导入（导入时选择了「空白按 0 计」）：请对照原文核对"
    else:
        outcome = "已记为空：数值为零时应填写 0"
    return finding(
        "V3",
        f"{subject}有 {len(blanks)} 个单元格在原文中为空白（{names}），{outcome}",
        blanks,
        candidate.lineno,
        candidate.excerpt,
    )
