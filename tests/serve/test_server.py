"""``drafter serve`` over plain HTTP: who is let in, what the page loads, Ctrl+C, bad starts.

The browser itself is driven in test_browser.py; these need no browser.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import sys
import urllib.error
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from drafter.lock import lock_path
from tests.serve.conftest import gone

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read().decode("utf-8", "replace")
            return response.status, dict(response.headers), body
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


async def ws_status(url: str, origin: str | None = None) -> int:
    """The HTTP status of a WebSocket handshake (101 when accepted; then closed at once)."""
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


def test_requests_without_the_token_are_refused(serve, served_project):
    served = serve(str(served_project))
    base, token = f"http://127.0.0.1:{served.port}", served.token
    refused = [
        f"{base}/",
        f"{base}/static/js/textual.js",
        f"{base}/ws",
        f"{base}/{token[:-1]}/",  # one character short
        f"{base}/{token[:-1]}x/static/js/textual.js",
        f"{base}/download/x",
        f"{base}/favicon.ico",
    ]
    for url in refused:
        status, headers, body = get(url)
        assert status == 403, url
        assert "请用 drafter serve 启动时显示的完整地址打开" in body
    # the right token, but a name other than this computer's (DNS rebinding)
    assert get(served.url, {"Host": f"drafter.example.com:{served.port}"})[0] == 403
    # the WebSocket: no token, or a page from elsewhere, is refused before any app starts
    ws = f"ws://127.0.0.1:{served.port}"
    assert asyncio.run(ws_status(f"{ws}/ws")) == 403
    assert asyncio.run(ws_status(f"{ws}/{token}/ws", origin="http://evil.example")) == 403
    assert served.tab_processes() == []
    assert served.interrupt()[0] == 0


def test_the_page_loads_nothing_from_outside_this_computer(serve, served_project):
    served = serve(str(served_project))
    status, headers, page = get(served.url)
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "googleapis" not in page
    addresses = re.findall(r'(?<![\w-])(?:src|href)="([^"]*)"|url\("([^"]*)"\)', page)
    addresses = [a or b for a, b in addresses]
    assert addresses, page
    prefix = f"/{served.token}/static/"
    for address in addresses:
        assert address.startswith(prefix) or address.startswith("data:"), address
        if address.startswith(prefix):
            assert get(f"http://127.0.0.1:{served.port}{address}")[0] == 200, address
    assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/{served.token}/ws"' in page
    # the package's files only: no way out of its static folder
    for escape in ("../server.py", "..%2fserver.py", "%2e%2e/%2e%2e/drafter/lock.py"):
        assert get(f"http://127.0.0.1:{served.port}{prefix}{escape}")[0] == 404, escape
    served.interrupt()


@linux_only
def test_it_listens_on_127_0_0_1_only(serve, served_project):
    served = serve(str(served_project))
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port = local.rsplit(":", 1)
            if state == "0A" and int(port, 16) == served.port:
                listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, little-endian; nothing on IPv6
    served.interrupt()


@linux_only
def test_ctrl_c_saves_ends_every_tab_and_lets_go_of_the_project(serve, served_project):
    served = serve(str(served_project))

    async def open_tab() -> None:
        async with aiohttp.ClientSession() as session:
            url = f"ws://127.0.0.1:{served.port}/{served.token}/ws?width=120&height=40"
            origin = f"http://127.0.0.1:{served.port}"
            async with session.ws_connect(url, headers={"Origin": origin}) as ws:
                screen = b""
                while "本年制发件数".encode() not in screen:  # the figures screen is drawn
                    message = await asyncio.wait_for(ws.receive(), 60)
                    assert message.type == aiohttp.WSMsgType.BINARY, message
                    screen += message.data
                await ws.send_str(json.dumps(["stdin", "7\r"]))  # 表二 规章 本年制发件数
                tabs = served.tab_processes()
                assert len(tabs) == 1 and lock_path(served_project).exists()
                status, out, err = served.interrupt()
                assert status == 0
                assert "drafter serve 已停止" in out
                assert "Traceback" not in out + err and "Error" not in out + err, out + err
                assert all(gone(pid) for pid in tabs)

    asyncio.run(open_tab())
    assert not lock_path(served_project).exists()
    saved = json.loads(served_project.read_text(encoding="utf-8"))
    assert saved["tables"]["active"]["regulations"]["issued"] == 7


@linux_only
def test_a_tab_whose_app_died_is_closed_and_its_lock_taken_over(serve, served_project):
    """The page of a killed app shows 已关闭 (its socket closes) instead of staying blank;
    the next tab opens the project: the dead app's lock is stale."""
    served = serve(str(served_project))
    url = f"ws://127.0.0.1:{served.port}/{served.token}/ws?width=120&height=40"

    async def drawn(ws: aiohttp.ClientWebSocketResponse) -> bytes:
        screen = b""
        while "本年制发件数".encode() not in screen and "已在别处打开".encode() not in screen:
            message = await asyncio.wait_for(ws.receive(), 60)
            assert message.type == aiohttp.WSMsgType.BINARY, message
            screen += message.data
        return screen

    async def tabs() -> None:
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(url) as ws:
                await drawn(ws)
                (pid,) = served.tab_processes()
                os.kill(pid, signal.SIGKILL)
                while True:
                    message = await asyncio.wait_for(ws.receive(), 60)
                    if message.type != aiohttp.WSMsgType.BINARY:
                        break
                assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            assert lock_path(served_project).exists()  # left behind by the killed app
            async with session.ws_connect(url) as ws:
                assert "本年制发件数".encode() in await drawn(ws)

    asyncio.run(tabs())
    assert served.interrupt()[0] == 0
    assert not lock_path(served_project).exists()


def test_a_project_that_cannot_be_opened_is_said_before_serving(serve, tmp_path):
    served = serve(str(tmp_path / "没有这个文件.json"), wait=False)
    assert served.process.wait(timeout=60) == 2
    assert served.process.stderr is not None
    assert "找不到文件" in served.process.stderr.read()


def test_a_port_in_use_is_said_in_chinese(serve):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        served = serve("--port", str(port), wait=False)
        assert served.process.wait(timeout=60) == 2
        assert served.process.stderr is not None
        message = served.process.stderr.read()
    assert f"无法使用端口 {port}" in message and "--port" in message
