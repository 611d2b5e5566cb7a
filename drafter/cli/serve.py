"""``drafter serve [PROJECT] [--port N]``: the same app in a browser, on this computer only."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="在浏览器中使用（不用终端）：在本机启动，自动打开浏览器",
        description=(
            "在本机启动 drafter 的网页版：与终端界面完全相同，在浏览器中使用。"
            "只有本机能访问，地址中含本次启动的一次性口令。"
            "按 Ctrl+C 停止（各页面中的修改会先保存）。"
        ),
    )
    p.add_argument("project", nargs="?", metavar="项目文件", help="每个页面打开的项目文件（.json）")
    p.add_argument(
        "--port",
        type=_port,
        default=0,
        metavar="端口",
        help="监听的端口（默认由系统选一个空闲的；地址每次启动都不同）",
    )
    p.add_argument("--offline", action="store_true", help="离线起草：即使配置了模型接口也不联网")
    p.add_argument("--no-browser", action="store_true", help="不自动打开浏览器，只显示地址")
    p.set_defaults(run=run)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"端口应为 1–65535 之间的整数，不是「{text}」") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"端口应为 1–65535 之间的整数，不是 {port}")
    return port


def run(args: argparse.Namespace) -> int:
    project: Path | None = None
    if args.project:
        from drafter.store import ProjectError, load_project

        project = Path(args.project).expanduser().absolute()
        try:
            load_project(project)  # a clear line here, not a message in every tab
        except ProjectError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    from drafter.serve.server import ServeError, TabServer, bind, tab_command

    try:
        sock = bind(args.port)
    except ServeError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    server = TabServer(tab_command(project, args.offline), sock)

    def started(server: TabServer) -> None:
        what = f"打开 {project.name}" if project else "开始画面：打开或新建报告"
        print(
            f"drafter 已在本机启动（{what}）。请用浏览器打开：\n\n    {server.url}\n\n"
            "只有本机能访问；地址中含本次启动的一次性口令，请勿发给他人。"
            "每个浏览器标签页是一个独立的窗口。\n按 Ctrl+C 停止（各页面中的修改会先保存）。",
            flush=True,
        )
        if not args.no_browser and not open_browser(server.url):
            print("没有找到可以自动打开的浏览器：请手动复制上面的地址到浏览器中打开。", flush=True)

    import asyncio

    asyncio.run(server.run(started))
    print("drafter serve 已停止。", flush=True)
    return 0


def open_browser(url: str) -> bool:
    """Open ``url`` in a graphical browser; False where there is none.

    Never a text-mode browser (lynx, w3m ...): it would take over this terminal.
    """
    import webbrowser

    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return False
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    if type(browser) is webbrowser.GenericBrowser or not getattr(browser, "background", True):
        return False
    try:
        return bool(browser.open(url))
    except Exception:
        return False
