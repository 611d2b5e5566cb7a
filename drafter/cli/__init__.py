"""The ``drafter`` command: one sub-command per module, all calling the same core.

Every command returns an exit status (report-json.md): 0 ok, 1 findings/refused/failed,
2 unusable input. Usage errors and unexpected failures are Chinese one-liners, never a
traceback on the terminal (the traceback of an internal error goes to the log file).

Building the parser imports no more than argparse: each command imports what it needs
when it runs, so ``drafter check`` does not wait for the exporters and the drafting
code, nor ``drafter tui`` for the checker (``tests/cli/test_startup.py``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from drafter import __version__
from drafter.cli.parser import ChineseArgumentParser

COMMANDS = ("tui", "serve", "import", "new", "check", "draft", "export", "ledger", "config")
"""Sub-commands, in the order ``--help`` lists them; ``drafter.cli.<name>`` (``import_``
for import) provides ``add_parser(subparsers)``, which sets ``run`` on its parser."""


def command_module(name: str) -> ModuleType:
    """The module of a sub-command, imported when asked for: ``drafter check`` starts
    without loading the drafting, export and configuration code it does not use."""
    return importlib.import_module(f"drafter.cli.{'import_' if name == 'import' else name}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``only`` a known sub-command, just that one (the others are
    needed only for ``drafter --help`` and for naming a mistyped command)."""
    parser = ChineseArgumentParser(
        prog="drafter",
        description="起草、核对和导出政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。",
    )
    parser.add_argument(
        "--version", action="version", version=f"drafter {__version__}", help="显示版本号并退出"
    )
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
    except BrokenPipeError:
        # The reader went away (`drafter check * | head`): nothing more to say to it.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception:
        log = log_crash()
        print(
            f"drafter 内部错误，操作未完成。详细信息已写入 {log}，请将该文件发给维护人员。",
            file=sys.stderr,
        )
        return 2
    return status


def log_crash() -> str:
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
