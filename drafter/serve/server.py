"""The web server of ``drafter serve``: the terminal app in a browser, for this computer only.

Every browser tab gets its own app process, driven through textual-serve's
``AppService`` (the Textual web-driver protocol over the process's stdin/stdout); the
tab's WebSocket carries keys in and screen updates out. The page, its script, CSS and
fonts all come from this server: nothing is loaded from outside the computer.

Who may connect, and why:

* The server listens on 127.0.0.1 only.
* The URL's first path segment is a random token (32 bytes from ``secrets``), made when
  the server starts, printed once and never stored. Every request (the page, the script,
  the fonts, the WebSocket) must carry it; anything else is refused with 403. The page
  uses relative addresses, so the token travels without cookies.
* The Host header must be ``127.0.0.1:port`` or ``localhost:port`` (a web page whose
  name was re-pointed at 127.0.0.1 cannot talk to us), and a WebSocket's Origin, when
  there is one, must be this server (no other page may open the app's socket).
* The page forbids everything but this server in its Content-Security-Policy.

This module is the only one that imports aiohttp and textual-serve (import-linter).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import secrets
import shlex
import signal
import socket
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

DRIVER = "drafter.serve.driver:ServedDriver"
STOP_TIMEOUT = 15.0
"""Seconds a tab's app gets to save and exit when its page closes or the server stops."""
KILL_TIMEOUT = 5.0
STATIC = Path(str(resources.files("textual_serve") / "static"))
FORBIDDEN = (
    "需要带口令的地址：请用 drafter serve 启动时显示的完整地址打开"
    "（其中含本次启动的一次性口令）。\n"
)


class ServeError(Exception):
    """The server cannot start; ``str(error)`` is the Chinese line for the clerk."""


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (``port`` 0: one the system picks)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ServeError(
            f"无法使用端口 {port}（{exc.strerror}）：换一个端口（--port），或不指定端口由系统选择。"
        ) from None
    sock.setblocking(False)
    return sock


class TabProcess(AppService):
    """textual-serve's app process, started without a shell and in its own session.

    Its own session: Ctrl+C in the server's terminal reaches the server only, which
    then tells every app to save and quit. The web driver is ours (``ServedDriver``),
    which also quits when the server disappears without saying so.
    """

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        super().__init__(shlex.join(argv), **kwargs)
        self.argv = argv

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        environment = self._build_environment(width=width, height=height)
        environment["TEXTUAL_DRIVER"] = DRIVER
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
        self._stdin = process.stdin
        return process

    async def run(self) -> None:
        """Relay the app's output until it ends, then close the page's WebSocket: a page
        whose app died (killed, crashed) says so instead of staying blank."""
        try:
            await super().run()
        finally:
            with contextlib.suppress(Exception):
                await self.remote_close()

    async def close(self) -> None:
        """Ask the app to quit (it saves first); end it if it does not within the timeout."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stop(), STOP_TIMEOUT)
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()  # the driver saves and exits on SIGTERM too
            try:
                await asyncio.wait_for(process.wait(), KILL_TIMEOUT)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
        await process.wait()


@dataclass
class TabServer:
    """Serves one app process per browser tab, to whoever has the token."""

    argv: list[str]
    """The command of one tab's app."""
    sock: socket.socket
    title: str = "drafter"
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    tabs: set[web.WebSocketResponse] = field(default_factory=set)
    closing: set[asyncio.Task[None]] = field(default_factory=set)
    downloads: DownloadManager = field(default_factory=DownloadManager)

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.token}/"

    @property
    def hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    # ---------------------------------------------------------------- the web app

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard])
        prefix = f"/{self.token}"
        app.add_routes(
            [
                web.get(prefix, self.to_page),
                web.get(f"{prefix}/", self.page),
                web.get(f"{prefix}/ws", self.websocket),
                web.get(f"{prefix}/static/{{name:.+}}", self.static),
            ]
        )
        return app

    @web.middleware
    async def guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """403 unless the request names this server and carries the token."""
        first = request.path.lstrip("/").split("/", 1)[0]
        token_ok = hmac.compare_digest(first.encode("utf-8"), self.token.encode("ascii"))
        if request.host not in self.hosts or not token_ok:
            return forbidden()
        response: web.StreamResponse = await handler(request)
        return response

    async def to_page(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"/{self.token}/")

    async def page(self, request: web.Request) -> web.Response:
        nonce = secrets.token_urlsafe(16)
        host = request.host
        template = jinja2.Template(
            resources.files("drafter.serve").joinpath("page.html").read_text("utf-8"),
            autoescape=True,
        )
        html = template.render(
            title=self.title,
            static=f"/{self.token}/static/",
            websocket=f"ws://{host}/{self.token}/ws",
            font_size=_int(request.query.get("fontsize"), 16, 8, 40),
            nonce=nonce,
        )
        policy = "; ".join(
            [
                "default-src 'none'",
                f"script-src 'self' 'nonce-{nonce}'",
                "style-src 'self' 'unsafe-inline'",  # xterm.js adds <style> elements
                "font-src 'self'",
                "img-src 'self' data:",
                f"connect-src 'self' ws://{host}",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'",
            ]
        )
        return web.Response(
            text=html,
            content_type="text/html",
            charset="utf-8",
            headers={
                "Content-Security-Policy": policy,
                "Referrer-Policy": "no-referrer",
                "X-Content-Type-Options": "nosniff",
                "X-Frame-Options": "DENY",
                "Cache-Control": "no-store",
            },
        )

    async def static(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's script, CSS, fonts and background, and nothing else."""
        name = request.match_info["name"]
        path = (STATIC / name).resolve()
        if not path.is_relative_to(STATIC.resolve()) or not path.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(path, headers={"X-Content-Type-Options": "nosniff"})

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        """One tab: its app process, keys in, screen out, until either side closes."""
        origin = request.headers.get("Origin")
        if origin is not None and origin not in {f"http://{h}" for h in self.hosts}:
            return forbidden()
        ws = web.WebSocketResponse(heartbeat=15)
        await ws.prepare(request)
        if self.closing:  # a reloaded page: its old app lets go of the project first
            await asyncio.wait(set(self.closing), timeout=STOP_TIMEOUT + KILL_TIMEOUT)
        tab = TabProcess(
            self.argv,
            write_bytes=ws.send_bytes,
            write_str=ws.send_str,
            close=ws.close,
            download_manager=self.downloads,
        )
        self.tabs.add(ws)
        try:
            await tab.start(
                _int(request.query.get("width"), 80, 20, 500),
                _int(request.query.get("height"), 24, 5, 300),
            )
            await relay(ws, tab)
        finally:
            self.tabs.discard(ws)
            closing = asyncio.ensure_future(tab.close())
            self.closing.add(closing)
            closing.add_done_callback(self.closing.discard)
            await asyncio.shield(closing)
        return ws

    # ---------------------------------------------------------------- running

    async def run(self, started: Any = None) -> None:
        """Serve until SIGINT/SIGTERM; then every tab's app saves and quits.

        Once stopped, further SIGINT/SIGTERM are ignored (a second Ctrl+C, or a signal
        sent to the whole process group, must not end the exit in a KeyboardInterrupt).
        """
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        signals = (signal.SIGINT, signal.SIGTERM)
        for sig in signals:
            with contextlib.suppress(NotImplementedError):  # Windows: KeyboardInterrupt
                loop.add_signal_handler(sig, stop.set)
        runner = web.AppRunner(self.make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        await web.SockSite(runner, self.sock).start()
        if started is not None:
            started(self)
        try:
            await stop.wait()
        finally:
            for ws in list(self.tabs):
                await ws.close(code=WSCloseCode.GOING_AWAY, message=b"drafter serve stopped")
            while self.closing:
                await asyncio.wait(set(self.closing))
            await runner.cleanup()
            for sig in signals:
                with contextlib.suppress(NotImplementedError):
                    loop.remove_signal_handler(sig)
                    signal.signal(sig, signal.SIG_IGN)


async def relay(ws: web.WebSocketResponse, tab: AppService) -> None:
    """Pass the page's messages (keys, size, focus) to the tab's app process."""
    async for message in ws:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = json.loads(message.data)
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        except (ValueError, TypeError, IndexError, KeyError):
            continue
        if kind == "stdin" and isinstance(data, str):
            await tab.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            width = _int(str(data.get("width")), 80, 20, 500)
            await tab.set_terminal_size(width, _int(str(data.get("height")), 24, 5, 300))
        elif kind == "ping":
            await ws.send_json(["pong", data])
        elif kind == "blur":
            await tab.blur()
        elif kind == "focus":
            await tab.focus()


def forbidden() -> web.Response:
    return web.Response(
        status=403, text=FORBIDDEN, charset="utf-8", headers={"Cache-Control": "no-store"}
    )


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return min(max(int(value or default), low), high)
    except ValueError:
        return default


def tab_command(project: Path | None, offline: bool) -> list[str]:
    """The command of one tab's app: ``python -m drafter.serve [--offline] [PROJECT]``."""
    argv = [sys.executable, "-m", "drafter.serve"]
    if offline:
        argv.append("--offline")
    if project is not None:
        argv.append(str(project))
    return argv
