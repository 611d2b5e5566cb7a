"""``drafter export PROJECT -o OUT.docx|OUT.html|OUT.md [--force] [--template UNIT.docx]``.

The decision (check, refuse, force, write) is the core's ``exporters.gate``; this module
only prints it. Exit status: 0 exported, 1 refused because errors remain, 2 unusable
project, template or output path.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the exporters load when exporting, not to build the parser
    from drafter.exporters.gate import ExportOutcome
    from drafter.model import Finding


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="导出为 Word 文档、网页或 Markdown（有错误时拒绝导出）",
        description=(
            "把项目导出为 Word 文档（.docx，公文格式）、网页（.html）或 Markdown（.md），"
            "格式由输出文件的扩展名决定。报告还有错误时拒绝导出，除非加 --force；警告不影响导出。"
            "退出码：0 已导出；1 有错误，拒绝导出；2 项目、模板或输出路径无法使用。"
        ),
    )
    p.add_argument("project", metavar="项目文件", help="项目文件（.json）")
    p.add_argument(
        "-o", "--output", required=True, metavar="输出文件", help="如 报告.docx、报告.html、报告.md"
    )
    p.add_argument("--force", action="store_true", help="即使还有错误也导出（会注明）")
    p.add_argument(
        "--template",
        metavar="模板.docx",
        help="单位自己的 Word 文件：沿用其页面设置、页眉页脚、红头和同名样式（仅 .docx）",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from drafter.exporters import ExportError, check_output_path
    from drafter.exporters.gate import export_project
    from drafter.store import ProjectError, load_project

    try:
        check_output_path(args.output)
        loaded = load_project(args.project)
    except (ExportError, ProjectError) as exc:
        print(f"无法导出：{exc}", file=sys.stderr)
        return 2
    try:
        outcome = export_project(
            loaded.project,
            args.output,
            force=args.force,
            template=args.template,
            notes=loaded.findings,
        )
    except ExportError as exc:
        print(f"无法导出：{exc}", file=sys.stderr)
        return 2
    report(outcome, args.project, sys.stdout)
    return 1 if outcome.refused else 0


def report(outcome: ExportOutcome, project: str, out: TextIO) -> None:
    """Print the outcome in Chinese: errors first, then what was done."""
    from drafter.exporters import FORMAT_NAMES, export_format

    errors, warnings = outcome.errors, outcome.warnings + outcome.export_notes
    if errors:
        out.write(f"报告还有 {len(errors)} 项错误：\n")
        _list(errors, out)
    if outcome.refused:
        out.write(
            f"\n已拒绝导出：请先修正以上错误（可用 drafter check {project} 复查），"
            "或加 --force 强制导出。\n"
        )
        return
    if warnings:
        out.write(f"警告 {len(warnings)} 项（不影响导出，建议核对）：\n")
        _list(warnings, out)
    kind = FORMAT_NAMES[export_format(outcome.path)]
    if outcome.forced:
        out.write(
            f"已强制导出（{kind}）：{outcome.path}（报告仍有 {len(errors)} 项错误，发布前请修正）\n"
        )
    else:
        out.write(f"已导出（{kind}）：{outcome.path}\n")


def _list(findings: list[Finding], out: TextIO) -> None:
    for f in findings:
        cell = f" [{f.location.cell}]" if f.location.cell else ""
        out.write(f"  {f.rule}{cell} {f.message}\n")
