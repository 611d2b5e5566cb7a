"""One browser tab's app (``python -m drafter.serve [--offline] [PROJECT]``).

Started by ``drafter serve`` for every tab, with Textual's driver set to
``drafter.serve.driver:ServedDriver`` in the environment; not meant to be run by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m drafter.serve")
    parser.add_argument("project", nargs="?")
    parser.add_argument("--offline", action="store_true")
    args = parser.parse_args(argv)
    from drafter.tui import run

    try:
        return run(Path(args.project) if args.project else None, offline=args.offline)
    except Exception:
        from drafter.cli import log_crash

        print(f"drafter 内部错误，详细信息已写入 {log_crash()}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
