"""``drafter import FILE [-o PROJECT.json] [--agency A] [--year Y] [--force]``.

Prints the report JSON (report-json.md) on stdout, or writes it to ``-o``; a short
Chinese summary of what was recovered goes to stderr either way, so the JSON on stdout
stays clean for scripts. Exit status: 0 imported, 2 the file is not a usable report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def year_arg(text: str) -> int:
    """``--year``: a four-digit year, with a Chinese message otherwise."""
    try:
        year = int(text.strip().removesuffix("年"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是年份，请写四位数字，如 2024") from None
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"{year} 不是合理的报告年度（2000–2100）")
    return year


def kept_existing(output: str, force: bool) -> bool:
    """True, and the clerk told, when ``output`` exists and ``--force`` was not given."""
    try:
        exists = Path(output).exists()
    except OSError:  # a name too long, say: writing it says what is wrong
        exists = False
    if exists and not force:
        print(f"{output} 已存在，未覆盖：请换一个文件名，或加 --force 覆盖", file=sys.stderr)
    return exists and not force


BLANK_AS_ZERO_HELP = (
    "表格中找到的行里的空白单元格按 0 导入（默认记为空，逐格提示）；仅在确知原文空白都表示 0 时使用"
)


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="导入一份报告（.docx .pdf .html .txt .md），输出报告 JSON",
        description=(
            "读取去年的报告（Word、PDF 文字版、网页、文本或 Markdown；UTF-8、GBK/GB18030 "
            "或 UTF-16 编码自动识别），找回各部分文字和三张表的每个数字。"
            "退出码：0 成功；2 文件无法读取或不是报告。"
        ),
    )
    p.add_argument("file", metavar="文件", help="报告文件")
    p.add_argument(
        "-o", "--output", metavar="项目文件", help="写入项目文件（.json）；省略时输出到屏幕"
    )
    p.add_argument("--agency", metavar="机关", help="机关全称（覆盖从标题识别的名称）")
    p.add_argument("--year", metavar="年度", type=year_arg, help="报告年度（覆盖从标题识别的年度）")
    p.add_argument("--force", action="store_true", help="项目文件已存在时覆盖它")
    p.add_argument("--blank-as-zero", action="store_true", help=BLANK_AS_ZERO_HELP)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from drafter.importers import ImportFailed, import_file
    from drafter.importers.summary import summary
    from drafter.oserrors import explain
    from drafter.store import atomic_write, dump_project

    if args.output and kept_existing(args.output, args.force):
        return 2
    try:
        imported = import_file(
            args.file, agency=args.agency, year=args.year, blank_as_zero=args.blank_as_zero
        )
    except ImportFailed as exc:
        print(f"{args.file}：{exc}", file=sys.stderr)
        return 2
    text = dump_project(imported.project)
    if args.output:
        try:
            atomic_write(args.output, text)
        except OSError as exc:
            print(f"无法写入 {args.output}：{explain(exc)}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(text)
    print(summary(imported, output=args.output), file=sys.stderr)
    return 0
