"""The ``drafter`` command: one sub-command per module, all calling the same core.

Every command returns an exit status (report-json.md): 0 ok, 1 findings/refused/failed,
2 unusable input. Usage errors and unexpected failures are Chinese one-liners, never a
traceback on the terminal (the traceback of an internal error goes to the log file).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from drafter import __version__

COMMANDS = ("tui", "import", "new", "check", "draft", "export", "ledger", "config")
"""Sub-commands, in the order ``--help`` lists them; ``drafter.cli.<name>`` (``import_``
for import) provides ``add_parser(subparsers)``, which sets ``run`` on its parser."""


def command_module(name: str) -> ModuleType:
    """The module of a sub-command, imported when asked for: ``drafter check`` starts
    without loading the drafting, export and configuration code it does not use."""
    return importlib.import_module(f"drafter.cli.{'import_' if name == 'import' else name}")


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese error lines and exit status 2 for usage errors."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：参数有误：{message}\n用 {self.prog} --help 查看用法。\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``only`` a known sub-command, just that one (the others are
    needed only for ``drafter --help`` and for naming a mistyped command)."""
    parser = ChineseArgumentParser(
        prog="drafter",
        description="起草、核对和导出政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。",
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)
    for name in [only] if only in COMMANDS else COMMANDS:
        command_module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``drafter`` console script."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words else None)
    args = parser.parse_args(words)
    run = getattr(args, "run", None)
    if run is None and sys.stdout.isatty() and sys.stdin.isatty():
        run = command_module("tui").run  # bare `drafter` in a terminal opens the UI
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
    import traceback  # only on a crash: not every command's start-up
    from datetime import datetime

    from drafter import paths

    try:
        path = paths.ensure(paths.log_dir()) / "crash.log"
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat()} drafter {__version__}\n")
            fh.write(traceback.format_exc())
        return str(path)
    except OSError:
        traceback.print_exc()
        return "（日志无法写入，见上方）"
