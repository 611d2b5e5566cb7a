"""The work of ``drafter ledger`` (parsed in ``cli/ledger.py``, imported only when run).

Counts tables 三 and 四 from the application ledger into the project; ``drafter ledger
PROJECT --explain CELL`` prints the ledger rows behind a cell. The work is
``drafter.ledger``'s; this module prints it. Nothing is written unless the count is
complete (no row error, no open question) and replaces no figure the clerk typed
(``--force`` consents). Exit status: 0 written (or shown), 1 errors, questions or typed
figures stop the write, 2 unusable ledger, project or mapping file.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from drafter import forms, oserrors
from drafter.importers.decoding import ImportFailed, decode
from drafter.ledger import Counted, LedgerError, count_file
from drafter.ledger.choices import mapping_template, parse_mapping, rows_text
from drafter.ledger.counting import Count
from drafter.ledger.record import CellChange, apply, changes, explain
from drafter.ledger.vocabulary import FIELDS, target_label
from drafter.model import Project
from drafter.store import ProjectError, load_project, read_input, save_project


def run(args: argparse.Namespace) -> int:
    if len(args.files) > 2 or (len(args.files) == 1 and not args.explain):
        print("请给出台账文件和项目文件：drafter ledger 台账.xlsx 项目.json", file=sys.stderr)
        return 2
    ledger_file = args.files[0] if len(args.files) == 2 else None
    project_file = args.files[-1]
    try:
        project = load_project(project_file).project
    except ProjectError as exc:
        print(f"项目无法使用：{exc}", file=sys.stderr)
        return 2
    if args.explain and args.explain not in forms.cells_by_path(project.format):
        print(
            f"没有单元格「{args.explain}」："
            "请写如 requests.new.natural_person、appeals.review.total",
            file=sys.stderr,
        )
        return 2
    if ledger_file is None:
        print("\n".join(explain(project, args.explain)))
        return 0
    if (
        args.year
        and project.year
        and args.year != project.year
        and not (args.dry_run or args.explain)
    ):
        print(
            f"统计年度 {args.year} 与项目年度 {project.year} 不同，不能写入这个项目："
            "只查看时加 --dry-run，或换用该年度的项目文件",
            file=sys.stderr,
        )
        return 2
    try:
        choices = _read_mapping(args.map, project) if args.map and Path(args.map).exists() else {}
        counted = count_file(
            ledger_file, project, year=args.year, choices=choices, sheets=args.sheet
        )
    except LedgerError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    return _report(counted, project, Path(ledger_file).name, project_file, args, sys.stdout)


def _read_mapping(path: str, project: Project) -> dict[str, dict[str, str]]:
    """The clerk's mapping file, UTF-8 or GBK as Notepad or WPS saved it."""
    data = read_input(Path(path), LedgerError)
    try:
        text, _ = decode(data)
    except ImportFailed:
        raise LedgerError(f"取值对照文件 {path} 不是文本文件：请用记事本编辑后保存") from None
    return parse_mapping(text, project.format, Path(path).name)


def _report(
    counted: Counted,
    project: Project,
    name: str,
    project_file: str,
    args: argparse.Namespace,
    out: TextIO,
) -> int:
    count = counted.count
    out.write(_summary(counted) + "\n")
    for note in counted.ledger.notes:
        out.write(f"说明：{note}\n")
    errors, warnings = count.errors, [i for i in count.issues if i.severity == "warning"]
    if errors:
        out.write(f"错误 {len(errors)} 项（这些行没有计入）：\n")
        out.writelines(f"  {issue.message}\n" for issue in errors)
    if warnings:
        out.write(f"警告 {len(warnings)} 项：\n")
        out.writelines(f"  {issue.message}\n" for issue in warnings)
    if count.questions:
        _ask(count, args.map, project, out)
    work = project.model_copy(deep=True)
    found = changes(work, count)
    apply(work, count, name, counted.choices, datetime.now())
    if args.explain:
        out.write("\n".join(explain(work, args.explain)) + "\n")
        return 0
    _list_changes(found, out)
    typed = [c for c in found if c.typed]
    if not count.complete:
        out.write(f"未写入 {project_file}：请先处理以上错误和待选择的取值，再运行同一命令。\n")
        return 1
    broken = _identities(work)
    if broken:
        out.write("统计结果不符合勾稽关系（程序错误，请报告维护人员）：\n")
        out.writelines(f"  {line}\n" for line in broken)
        return 1
    if args.dry_run:
        out.write("（--dry-run：没有写入项目）\n")
        return 0
    if typed and not args.force:
        out.write(
            f"未写入 {project_file}：以上 {len(typed)} 个单元格是您填写的数字，与台账统计不同；"
            "核对后确认以台账为准时加 --force。\n"
        )
        return 1
    from drafter.lock import ProjectLocked, acquire

    try:  # a window editing the project would save its copy over the count
        lock = acquire(project_file, "命令行（drafter ledger）", "等它运行完")
    except ProjectLocked as exc:
        print(f"未写入 {project_file}：{exc}", file=sys.stderr)
        return 2
    try:
        save_project(work, project_file)
    except OSError as exc:
        print(f"无法写入 {project_file}：{oserrors.explain(exc)}", file=sys.stderr)
        return 2
    finally:
        lock.release()
    out.write(
        f"已写入 {project_file}：{len(found)} 个单元格有变化，合计已重新计算。"
        f"查看某格来自哪些行：drafter ledger {project_file} --explain requests.new.total\n"
    )
    return 0


def _summary(counted: Counted) -> str:
    count = counted.count
    sheets = "；".join(
        f"「{s.name}」{s.entries} {'件申请' if s.kind == 'applications' else '件复议、诉讼案件'}"
        for s in counted.ledger.sheets
    )
    lines = [f"台账 {counted.workbook.file}：{sheets}。"]
    if "requests" in count.tables:
        v = count.values
        new = sum(v[f"requests.new.{c}"] for c in forms.APPLICANT_COLUMNS)
        carried = sum(v[f"requests.carried_in.{c}"] for c in forms.APPLICANT_COLUMNS)
        out = sum(v[f"requests.carried_out.{c}"] for c in forms.APPLICANT_COLUMNS)
        lines.append(
            f"{count.year} 年：本年新收 {new} 件，上年结转 {carried} 件，"
            f"办结 {new + carried - out} 件，结转下年度 {out} 件。"
        )
    if "appeals" in count.tables:
        cases = sum(n for path, n in count.values.items() if path.startswith("appeals."))
        lines.append(f"表四：行政复议、行政诉讼 {cases} 件。")
    return "\n".join(lines)


def _ask(count: Count, map_file: str | None, project: Project, out: TextIO) -> None:
    fmt = project.format
    out.write(f"需要您选择的取值 {len(count.questions)} 项（不会自动猜测）：\n")
    for q in count.questions:
        what = (
            "可能是 " + " / ".join(target_label(q.field, k, fmt) for k in q.candidates)
            if q.candidates
            else "对应不到表格中的任何一项"
        )
        out.write(f"  {FIELDS[q.field]}「{q.value}」（{rows_text(q.refs)}）：{what}\n")
    if map_file is None:
        out.write("  用 --map 对照.txt 写出对照表模板，填写后再运行同一命令。\n")
    elif not Path(map_file).exists():
        try:
            Path(map_file).write_text(mapping_template(count.questions, fmt), encoding="utf-8")
        except OSError as exc:
            out.write(f"  无法写出对照表 {map_file}：{oserrors.explain(exc)}\n")
            return
        out.write(
            f"  已写出对照表模板 {map_file}："
            "在每个「=」后填写表格中的项目，保存后再运行同一命令。\n"
        )
    else:
        out.write(f"  请在 {map_file} 中补上以上写法（每行「台账中的写法 = 表格中的项目」）。\n")


def _list_changes(found: list[CellChange], out: TextIO) -> None:
    if not found:
        out.write("表格中的数字与台账统计一致，没有变化。\n")
        return
    zeros = [c for c in found if c.old is None and c.new == 0]
    listed = [c for c in found if c not in zeros]
    out.write(f"将修改的单元格 {len(found)} 个")
    out.write(f"（其中 {len(zeros)} 个空白单元格填 0）：\n" if zeros else "：\n")
    for change in listed:
        old = "空" if change.old is None else change.old
        mark = "（您填写的数字，将被替换）" if change.typed else ""
        out.write(f"  {forms.cell_def(change.path).label}：{old} → {change.new}{mark}\n")


def _identities(project: Project) -> list[str]:
    """R1–R4 on what would be written: they hold by construction; a failure is a bug."""
    from drafter.rules import check_report

    findings = check_report(project, only=("R1", "R2", "R3", "R4"))
    return [f"{f.rule} {f.message}" for f in findings]
