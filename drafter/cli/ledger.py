"""``drafter ledger LEDGER PROJECT [--year Y] [--sheet S] [--map FILE] [--dry-run] [--force]``.

The command's arguments; the work is ``cli/ledger_run.py``'s, imported only when this
command runs, so the other commands start without the ledger modules.
Exit status: 0 written (or shown), 1 errors, questions or typed figures stop the write,
2 unusable ledger, project or mapping file.
"""

from __future__ import annotations

import argparse
from typing import Any

from drafter.cli.import_ import year_arg


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "ledger",
        help="从政府信息公开申请登记台账统计表三、表四",
        description=(
            "读取申请登记台账（Excel .xlsx/.xls/.ods，或 UTF-8/GBK 编码的 CSV），"
            "按收到日期和办结日期"
            "统计报告年度的表三（和表四，台账有行政复议、行政诉讼工作表时），写入项目；每个数字都记下"
            "它来自台账的哪些行。drafter ledger 项目文件 --explain 单元格 列出某格来自哪些行。"
            "退出码：0 已写入（或已显示）；"
            "1 台账有错误、有待选择的取值或会替换您填写的数字，未写入；"
            "2 台账、项目或对照文件无法使用。"
        ),
    )
    p.add_argument(
        "files",
        nargs="+",
        metavar="文件",
        help="台账文件和项目文件（.json）；只查来源时可只给项目文件",
    )
    p.add_argument("--year", type=year_arg, metavar="年度", help="统计的年度（默认为项目的年度）")
    p.add_argument(
        "--sheet", action="append", default=[], metavar="工作表", help="只统计这个工作表（可重复）"
    )
    p.add_argument(
        "--map",
        metavar="对照文件",
        help="取值对照文件：台账中的写法对应表格中的哪一项；文件不存在时写出待填写的模板",
    )
    p.add_argument(
        "--explain",
        metavar="单元格",
        help="列出某个单元格来自台账的哪些行，如 requests.new.natural_person",
    )
    p.add_argument("--dry-run", action="store_true", help="只显示统计结果和将修改的单元格，不写入")
    p.add_argument("--force", action="store_true", help="以台账为准，替换您手工填写的不同数字")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from drafter.cli.ledger_run import run as run_ledger

    return run_ledger(args)
