"""``drafter new --agency A --year Y [--from LAST_YEAR_FILE] -o PROJECT.json [--force]``.

A new project for year Y in the 2021 format. With ``--from`` (a project JSON or any file
``drafter import`` reads), last year's report is kept under ``last_year`` — its section
texts for the drafter, its tables for the cross-year rules — and this year's carry-over
cells are filled from it: 上年结转 from last year's 结转下年度 (X1) and, where this
year's 制发/废止 are known, 现行有效件数 (X2). The work is ``drafter.newproject``'s
(shared with the UI's new-report form); this module parses, writes and prints.
Exit status: 0 created, 2 unusable input.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from drafter.cli.import_ import BLANK_AS_ZERO_HELP, kept_existing, year_arg


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "new",
        help="新建今年的报告项目，可从去年的报告结转数字",
        description=(
            "新建一个年度报告项目（2021 年格式）。用 --from 指定去年的报告（项目文件或任何可导入的"
            "报告文件）时，上年结转和现行有效件数从去年结转，去年各部分文字留作起草参考。"
            "退出码：0 成功；2 输入无法使用。"
        ),
    )
    p.add_argument("--agency", required=True, metavar="机关", help="机关全称")
    p.add_argument("--year", required=True, metavar="年度", type=year_arg, help="报告年度")
    p.add_argument("--from", dest="source", metavar="去年的报告", help="去年的报告或项目文件")
    p.add_argument("-o", "--output", required=True, metavar="项目文件", help="新项目文件（.json）")
    p.add_argument("--force", action="store_true", help="项目文件已存在时覆盖它")
    p.add_argument("--blank-as-zero", action="store_true", help=BLANK_AS_ZERO_HELP)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from drafter.importers.summary import summary
    from drafter.newproject import check_agency_year, start_report
    from drafter.oserrors import explain
    from drafter.store import ProjectError, atomic_write, dump_project

    if kept_existing(args.output, args.force):
        return 2
    try:
        check_agency_year(args.agency, args.year)
    except ProjectError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        started = start_report(
            args.agency, args.year, last_year_file=args.source, blank_as_zero=args.blank_as_zero
        )
    except ProjectError as exc:
        print(f"去年的报告无法使用：{exc}", file=sys.stderr)
        return 2
    try:
        atomic_write(args.output, dump_project(started.project))
    except OSError as exc:
        print(f"无法写入 {args.output}：{explain(exc)}", file=sys.stderr)
        return 2
    project = started.project
    print(f"已创建 {args.output}：{project.agency} {project.year} 年度报告项目", file=sys.stderr)
    notes = started.notes
    if started.imported is not None:
        # The import's full summary (with its hints) stands for the core's one-line note.
        print(summary(started.imported), file=sys.stderr)
        notes = notes[1:]
    for note in notes:
        print(note, file=sys.stderr)
    return 0
