"""``drafter new --agency A --year Y [--from LAST_YEAR_FILE] -o PROJECT.json [--force]``.

A new project for year Y in the 2021 format. With ``--from`` (a project JSON or any file
``drafter import`` reads), last year's report is kept under ``last_year`` — its section
texts for the drafter, its tables for the cross-year rules — and this year's carry-over
cells are filled from it: 上年结转 from last year's 结转下年度 (X1) and, where this
year's 制发/废止 are known, 现行有效件数 (X2). Exit status: 0 created, 2 unusable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from drafter.cli.import_ import summary, year_arg
from drafter.importers import ImportFailed, import_file
from drafter.model import Project, Report
from drafter.store import ProjectError, atomic_write, dump_project, load_project
from drafter.tables import carry_over, complete

REPORT_FIELDS = {"schema_", "agency", "year", "format", "title", "sections", "tables"}


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
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if Path(args.output).exists() and not args.force:
        print(f"{args.output} 已存在，未覆盖：请换一个文件名，或加 --force 覆盖", file=sys.stderr)
        return 2
    project = Project.empty(args.agency, args.year)
    notes: list[str] = []
    if args.source:
        try:
            last_year, note = load_last_year(args.source)
        except (ImportFailed, ProjectError) as exc:
            print(f"去年的报告无法使用：{exc}", file=sys.stderr)
            return 2
        notes.append(note)
        if last_year.year is not None and last_year.year != args.year - 1:
            notes.append(
                f"注意：去年的报告是 {last_year.year} 年度的，不是 {args.year - 1} 年度，"
                "请核对结转的数字"
            )
        filled = carry_over(project.tables, last_year, project.format)
        done = complete(project)
        assert isinstance(done, Project)
        project = done
        project.last_year = last_year
        notes.append(
            f"从去年结转 {len(filled)} 个单元格（上年结转 X1、现行有效件数 X2）"
            if filled
            else "去年的报告中没有可结转的数字（结转下年度、现行有效件数都为空）"
        )
    try:
        atomic_write(args.output, dump_project(project))
    except OSError as exc:
        print(f"无法写入 {args.output}（{exc.strerror}）：请检查路径和权限", file=sys.stderr)
        return 2
    print(f"已创建 {args.output}：{args.agency} {args.year} 年度报告项目", file=sys.stderr)
    for note in notes:
        print(note, file=sys.stderr)
    return 0


def load_last_year(path: str) -> tuple[Report, str]:
    """Last year's report from a project JSON or an importable file, and how it was read."""
    if _is_json(Path(path)):
        loaded = load_project(path)
        return as_report(loaded.project), f"已读取去年的项目文件 {path}"
    imported = import_file(path)
    return as_report(imported.project), summary(imported)


def as_report(project: Report) -> Report:
    """Just the report part (drafter.report/1) of a project, for ``last_year``."""
    data = project.model_dump(by_alias=True, include=REPORT_FIELDS)
    return Report.model_validate(data)


def _is_json(path: Path) -> bool:
    if path.suffix.lower() == ".json":
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
