"""The ``drafter`` command: one sub-command per module, all calling the same core.

Every command returns an exit status (report-json.md): 0 ok, 1 findings/refused/failed,
2 unusable input. Usage errors and unexpected failures are Chinese one-liners, never a
traceback on the terminal (the traceback of an internal error goes to the log file).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from typing import NoReturn

from drafter import __version__, paths
from drafter.cli import check, config, draft, export, import_, ledger, new, tui

COMMANDS = (tui, import_, new, check, draft, export, ledger, config)
"""Modules providing ``add_parser(subparsers)``; each sets ``run`` on its parser."""


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese error lines and exit status 2 for usage errors."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：参数有误：{message}\n用 {self.prog} --help 查看用法。\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="drafter",
        description="起草、核对和导出政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。",
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``drafter`` console script."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None and sys.stdout.isatty() and sys.stdin.isatty():
        run = tui.run  # bare `drafter` in a terminal opens the UI
        args.project = None
    if run is None:
        parser.print_help()
        return 0
    try:
        status: int = run(args)
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except Exception:
        log = _log_crash()
        print(
            f"drafter 内部错误，操作未完成。详细信息已写入 {log}，请将该文件发给维护人员。",
            file=sys.stderr,
        )
        return 2
    return status


def _log_crash() -> str:
    """Append the current traceback to the crash log; return its path for the message."""
    try:
        path = paths.ensure(paths.log_dir()) / "crash.log"
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat()} drafter {__version__}\n")
            fh.write(traceback.format_exc())
        return str(path)
    except OSError:
        traceback.print_exc()
        return "（日志无法写入，见上方）"
