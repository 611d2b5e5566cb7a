"""``drafter tui [PROJECT]`` (and bare ``drafter`` in a terminal): the terminal UI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "tui",
        help="打开终端界面：填写数字、编辑文字、查看核对结果",
        description="打开终端界面。给出项目文件时直接打开它，否则显示开始画面。",
    )
    p.add_argument("project", nargs="?", metavar="项目文件", help="要打开的项目文件（.json）")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.__stderr__ is not None and sys.__stderr__.isatty()):
        print("drafter tui 需要在终端中运行（标准输入和标准错误都必须是终端）。", file=sys.stderr)
        return 2
    from drafter.tui import run as run_tui

    project = Path(args.project) if args.project else None
    return run_tui(project)
