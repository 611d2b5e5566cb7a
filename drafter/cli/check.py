"""``drafter check PATH... [--last-year FILE] [--format text|json|csv]``."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # the checker is imported when a check runs, not to build the parser
    from drafter.checking import FileCheck
    from drafter.model import Finding, Report

UNUSABLE_RULE = "IO"
"""Project-defined rule id of the finding that stands for an unusable input file."""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help="检查报告或项目文件，列出错误和警告",
        description="检查一个或多个文件（项目文件 .json，或报告原文 .txt .md .html .docx .pdf）。"
        "退出码：0 无错误；1 有错误；2 有文件无法读取。",
    )
    p.add_argument(
        "paths", nargs="+", metavar="文件", help="项目文件（.json）或报告原文，可一次检查多个"
    )
    p.add_argument(
        "--last-year",
        metavar="文件",
        help="上一年度的报告或项目文件，用于跨年核对（X1、X2）和雷同检查（N7）",
    )
    p.add_argument("--agency", metavar="机关", help="机关全称（文件未写明或写错时指定）")
    p.add_argument("--year", metavar="年度", type=_year, help="报告年度（文件未写明或写错时指定）")
    p.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="输出格式（默认 text）"
    )
    p.set_defaults(run=run)


def _year(raw: str) -> int:
    value = raw.strip().removesuffix("年").removesuffix("度")
    if not value.isdigit() or not 2000 <= int(value) <= 2100:
        raise argparse.ArgumentTypeError(f"「{raw}」不是年度，请写四位数字，如 2025")
    return int(value)


def run(args: argparse.Namespace) -> int:
    from drafter.checking import check_file, load_any
    from drafter.store import ProjectError

    last_year: Report | None = None
    if args.last_year:
        try:
            last_year = load_any(args.last_year).project
        except ProjectError as exc:
            print(f"上年报告无法使用：{exc}", file=sys.stderr)
            return 2
    results = [
        check_file(path, last_year, agency=args.agency, year=args.year) for path in args.paths
    ]
    render = {"text": render_text, "json": render_json, "csv": render_csv}[args.format]
    render(results, sys.stdout)
    if any(r.unusable for r in results):
        return 2
    return 1 if any(r.errors for r in results) else 0


def as_findings(result: FileCheck) -> list[Finding]:
    """The findings of a file; an unusable file is one error finding with rule IO."""
    from drafter.model import Finding

    if result.unusable:
        return [
            Finding(rule=UNUSABLE_RULE, severity="error", message=result.unusable, file=result.file)
        ]
    return result.findings


def render_json(results: list[FileCheck], out: TextIO) -> None:
    data = [f.model_dump(mode="json", exclude_none=False) for r in results for f in as_findings(r)]
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")  # one write, not one a token


CSV_COLUMNS = ("file", "rule", "severity", "line", "section", "cell", "message", "excerpt")


def render_csv(results: list[FileCheck], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in results:
        for f in as_findings(r):
            loc = f.location
            writer.writerow(
                (
                    f.file,
                    f.rule,
                    f.severity,
                    loc.line or "",
                    loc.section or "",
                    loc.cell or "",
                    f.message,
                    f.excerpt or "",
                )
            )


def _colour(out: TextIO) -> bool:
    return out.isatty() and "NO_COLOR" not in os.environ


def render_text(results: list[FileCheck], out: TextIO) -> None:
    colour = _colour(out)
    red, yellow, bold, reset = (
        ("\033[31m", "\033[33m", "\033[1m", "\033[0m") if colour else ("", "", "", "")
    )
    for r in results:
        out.write(f"{bold}{r.file}{reset}\n")
        if r.unusable:
            out.write(f"  {red}无法读取{reset}：{r.unusable}\n\n")
            continue
        if not r.findings:
            out.write("  未发现问题。\n\n")
            continue
        for title, items, tint in (("错误", r.errors, red), ("警告", r.warnings, yellow)):
            if not items:
                continue
            out.write(f"  {tint}{title} {len(items)} 项{reset}\n")
            for f in items:
                where = f"第 {f.location.line} 行 " if f.location.line else ""
                # The message names the cell in words; its key is for --format json/csv.
                out.write(f"    {tint}{f.rule:<3}{reset} {where}{f.message}\n")
                if f.excerpt:
                    out.write(f"        「{f.excerpt}」\n")
        out.write("\n")
    out.write(_summary(results) + "\n")


def _summary(results: list[FileCheck]) -> str:
    n_err = sum(len(r.errors) for r in results)
    n_warn = sum(len(r.warnings) for r in results)
    bad = sum(1 for r in results if r.unusable)
    text = f"共检查 {len(results)} 个文件：错误 {n_err} 项，警告 {n_warn} 项"
    if bad:
        text += f"，{bad} 个文件无法读取"
    if n_err:
        text += "。有错误时导出会被拒绝，请先修正"
    return text + "。"
