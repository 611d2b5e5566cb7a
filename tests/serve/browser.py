"""Headless Chromium for the ``drafter serve`` test: installing it, driving it, reading it.

Debian's ``chromium`` and ``chromium-driver`` packages, driven by selenium through
the chromedriver at /usr/bin/chromedriver (given explicitly, so Selenium Manager never
runs and nothing is fetched). Where they are missing, the test set-up installs them
with apt-get if it can (root, apt-get present), else the browser test is skipped with
the reason and the command that installs them.

The page draws the terminal with xterm.js on a canvas (its WebGL renderer needs a GPU,
so the canvas renderer draws), so the screen's text is not in the DOM. It is read
from xterm.js's own buffer, the characters the canvas shows: the DevTools protocol
finds the page's ``Terminal`` object (``Runtime.queryObjects``, as DevTools'
``queryObjects(Terminal)`` console command does) and reads its visible rows.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PACKAGES = ["chromium", "chromium-driver"]
INSTALL = "apt-get install -y --no-install-recommends " + " ".join(PACKAGES)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
]
"""Without the networking flags Chromium's own background connections (refused on a
closed network) would clutter the log the test checks for external requests."""
APT_TIMEOUT = 900


def missing_reason() -> str | None:
    """None when Chromium and its driver are there (installed now if need be); else why not."""
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return None
    how = f"（安装：sudo {INSTALL}）"
    if os.environ.get("DRAFTER_NO_APT"):
        return f"没有 {CHROMIUM} 或 {CHROMEDRIVER}，且设置了 DRAFTER_NO_APT{how}"
    if not sys.platform.startswith("linux") or shutil.which("apt-get") is None:
        return f"没有 {CHROMIUM} 或 {CHROMEDRIVER}，本机也没有 apt-get{how}"
    if os.geteuid() != 0:
        return f"没有 {CHROMIUM} 或 {CHROMEDRIVER}，安装需要 root 权限{how}"
    log = []
    for command in (
        ["apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "--no-install-recommends"],
        ["apt-get", "-o", "DPkg::Lock::Timeout=300", "update"],  # a clean machine: no lists
        ["apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "--no-install-recommends"],
    ):
        if command[-1] != "update":
            command = command + PACKAGES
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=APT_TIMEOUT,
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            )
        except subprocess.TimeoutExpired:
            return f"{' '.join(command)} 超过 {APT_TIMEOUT} 秒没有完成{how}"
        log.append(f"$ {' '.join(command)} → {done.returncode}\n{done.stderr.strip()[-500:]}")
        if done.returncode == 0 and CHROMIUM.exists() and CHROMEDRIVER.exists():
            return None
    return "apt-get 没能安装 chromium 和 chromium-driver：\n" + "\n".join(log)


def start_browser(profile: Path) -> Any:
    """A headless Chromium with a new, empty profile, logging the network and console."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))


def wait_until(condition: Callable[[], Any], seconds: float, what: str) -> Any:
    """Poll ``condition`` until it returns something true; fail saying ``what`` otherwise."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(None, seconds, poll_frequency=0.1).until(
        lambda _: condition(), f"{what}: not within {seconds} s"
    )


FIND_TERMINAL_CLASS = """function () {
  return this.find((f) => f.prototype && typeof f.prototype.loadAddon === "function"
    && Object.getOwnPropertyDescriptor(f.prototype, "buffer"));
}"""
READ_ROWS = """function () {
  const buffer = this.buffer.active, rows = [];
  for (let y = 0; y < this.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  const at = buffer.getLine(buffer.viewportY + buffer.cursorY);
  const cell = at && at.getCell(buffer.cursorX);
  return {rows: rows, caret: cell ? cell.getChars() : ""};
}"""


class Terminal:
    """The xterm.js terminal of the page open in ``driver``'s current tab."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self._terminal: str | None = None

    def _cdp(self, method: str, **params: Any) -> Any:
        return self.driver.execute_cdp_cmd(method, params)

    def _find(self) -> str | None:
        functions = self._cdp("Runtime.evaluate", expression="Function.prototype")
        found = self._cdp("Runtime.queryObjects", prototypeObjectId=functions["result"]["objectId"])
        cls = self._cdp(
            "Runtime.callFunctionOn",
            objectId=found["objects"]["objectId"],
            functionDeclaration=FIND_TERMINAL_CLASS,
        )["result"]
        if "objectId" not in cls:
            return None  # textual.js not loaded yet
        prototype = self._cdp(
            "Runtime.callFunctionOn",
            objectId=cls["objectId"],
            functionDeclaration="function () { return this.prototype; }",
        )["result"]["objectId"]
        terminals = self._cdp("Runtime.queryObjects", prototypeObjectId=prototype)
        first = self._cdp(
            "Runtime.callFunctionOn",
            objectId=terminals["objects"]["objectId"],
            functionDeclaration="function () { return this[0]; }",
        )["result"]
        return first.get("objectId")

    def read(self) -> tuple[list[str], str]:
        """The visible rows, and the character at the terminal cursor (where the clerk
        types, and where the browser opens an input method's window)."""
        if self._terminal is None:
            self._terminal = self._find()
            if self._terminal is None:
                return [], ""
        result = self._cdp(
            "Runtime.callFunctionOn",
            objectId=self._terminal,
            functionDeclaration=READ_ROWS,
            returnByValue=True,
        )["result"]["value"]
        return result["rows"], result["caret"]

    @property
    def text(self) -> str:
        return "\n".join(self.read()[0])

    @property
    def caret(self) -> str:
        return self.read()[1]

    def wait_for(self, condition: Callable[[str], Any], what: str, seconds: float = 60.0) -> Any:
        """Wait until ``condition(screen text)`` is true; return what it returned."""
        from selenium.common.exceptions import TimeoutException

        try:
            return wait_until(lambda: condition(self.text), seconds, what)
        except TimeoutException:
            raise AssertionError(f"{what}: not within {seconds} s. Screen:\n{self.text}") from None

    def wait_for_text(self, needle: str, seconds: float = 60.0) -> None:
        self.wait_for(lambda text: needle in text, f"「{needle}」 on screen", seconds)

    def focus(self) -> None:
        """Keyboard focus to the terminal's input (xterm.js's hidden textarea)."""
        self.driver.execute_script("document.querySelector('.xterm-helper-textarea').focus()")

    def press(self, *keys: str) -> None:
        """Keys typed on the keyboard (selenium's ``Keys`` for F-keys, Enter ...)."""
        from selenium.webdriver.common.action_chains import ActionChains

        self.focus()
        ActionChains(self.driver).send_keys(*keys).perform()

    def ime(self, text: str) -> None:
        """``text`` typed through an input method: composed, then committed."""
        self.focus()
        end = len(text)
        self._cdp("Input.imeSetComposition", text=text, selectionStart=end, selectionEnd=end)
        self._cdp("Input.insertText", text=text)


class Network:
    """What the browser asked for, from Chrome's performance log (read once, kept here)."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self.events: list[dict[str, Any]] = []

    def _read(self) -> list[dict[str, Any]]:
        for entry in self.driver.get_log("performance"):
            self.events.append(json.loads(entry["message"])["message"])
        return self.events

    def urls(self) -> list[str]:
        """Every URL requested so far, in every tab: pages, assets, WebSockets."""
        found = []
        for event in self._read():
            if event["method"] == "Network.requestWillBeSent":
                found.append(event["params"]["request"]["url"])
            elif event["method"] == "Network.webSocketCreated":
                found.append(event["params"]["url"])
        return found

    def status(self, url: str) -> int | None:
        """The HTTP status the last response for ``url`` had."""
        statuses = [
            event["params"]["response"]["status"]
            for event in self._read()
            if event["method"] == "Network.responseReceived"
            and event["params"]["response"]["url"] == url
        ]
        return statuses[-1] if statuses else None


def external(urls: list[str], port: int) -> list[str]:
    """The URLs that leave this server: any network scheme to another host or port.

    ``data:`` and the browser's own ``chrome:``/``about:`` pages do not touch the network.
    """
    found = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "chrome", "chrome-untrusted", "devtools"):
            continue
        if parts.scheme not in ("http", "ws") or (parts.hostname, parts.port) != (
            "127.0.0.1",
            port,
        ):
            found.append(url)
    return found
