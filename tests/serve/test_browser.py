"""A clerk in a browser: ``drafter serve`` driven through headless Chromium.

Opens the printed URL, sees the tables and the agency, types a figure and sees the
total follow, types Chinese through the input method into a cell and into the editor,
is refused a second tab on the same project, and the page requested nothing outside
this server. Skipped, with the reason, where Chromium cannot be installed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafter.lock import lock_path
from drafter.store import load_project
from tests.serve.browser import (
    Network,
    Terminal,
    external,
    missing_reason,
    start_browser,
    wait_until,
)
from tests.serve.conftest import gone


@pytest.fixture(scope="session")
def chromium() -> None:
    reason = missing_reason()
    if reason is not None:
        pytest.skip(f"浏览器测试跳过：{reason}")


@pytest.fixture
def browser(chromium: None, tmp_path: Path) -> Iterator[Any]:
    driver = start_browser(tmp_path / "chromium-profile")
    yield driver
    driver.quit()


def row_figures(text: str, label: str) -> list[int]:
    """The ASCII figures on the screen line of table 三's row ``label`` (full-width ones
    are text being typed, shown as typed); none while the row is not drawn yet."""
    lines = [line for line in text.splitlines() if line.startswith("│") and label in line]
    if len(lines) != 1:
        return []
    return [int(n) for n in re.findall(r"[0-9]+", lines[0].split(label, 1)[1])]


def drawn_row(text: str) -> list[int] | None:
    """本年新收's seven figures once the row is drawn in full."""
    figures = row_figures(text, "本年新收")
    return figures if len(figures) == 7 else None


def settled(text: str, column: int, value: int) -> list[int] | None:
    """本年新收's figures once ``column`` shows ``value`` and 总计 is their sum (R3): the
    figure is confirmed and computed, not merely being typed or half drawn."""
    figures = row_figures(text, "本年新收")
    if len(figures) == 7 and figures[column] == value and figures[-1] == sum(figures[:-1]):
        return figures
    return None


def test_a_clerk_fills_in_the_report_in_a_browser(serve, served_project, browser):
    from selenium.webdriver.common.keys import Keys

    project = load_project(served_project).project
    served = serve("--offline", str(served_project))
    network = Network(browser)
    browser.get(served.url)
    screen = Terminal(browser)
    opened = f"{project.agency}{project.year}年 · {served_project.name}"  # the status line
    screen.wait_for_text(opened)
    screen.press(Keys.F6)  # 表二 → 表三
    # 表三 is built when first shown: wait for its row drawn in full, not the label alone
    before = screen.wait_for(drawn_row, "表三's row 本年新收 drawn")
    assert before[-1] == sum(before[:-1])  # 总计 = 自然人 + 五类法人或其他组织

    # a figure typed into 自然人 (where the cursor starts): the row's 总计 follows
    screen.wait_for_text("表三「一、本年新收政府信息公开申请数量」「自然人」")
    screen.press("12", Keys.ENTER)
    after = screen.wait_for(lambda text: settled(text, 0, 12), "自然人 12, 总计 following")
    assert after[-1] != before[-1]

    # full-width figures from the input method reach a cell: 商业企业 of the same row
    screen.press(Keys.UP, Keys.TAB)
    screen.wait_for_text("表三「一、本年新收政府信息公开申请数量」「商业企业」")
    screen.ime("５件")
    screen.press(Keys.ENTER)
    typed = screen.wait_for(lambda text: settled(text, 1, 5), "商业企业 5, 总计 following")
    assert typed[-1] == after[-1] - after[1] + 5

    # Chinese through the input method reaches the editor (一、总体情况), at its caret
    screen.press(Keys.F3)
    first_character = project.text("overview")[0]
    wait_until(
        lambda: "f5起草本节" in screen.text and screen.caret == first_character,
        60,
        "the caret at the start of 一、总体情况",
    )
    screen.ime("本年度经浏览器输入，")
    screen.wait_for_text("本年度经浏览器输入，")

    # a second tab on the same project is told where it is open, and opens nothing
    first = browser.current_window_handle
    browser.switch_to.new_window("tab")
    browser.get(served.url)
    second = Terminal(browser)
    second.wait_for_text("已在别处打开")
    assert "新建报告" in second.text  # the start screen: the project is not open here
    assert len(served.tab_processes()) == 2
    browser.close()
    browser.switch_to.window(first)
    wait_until(lambda: len(served.tab_processes()) == 1, 60, "the closed tab's app ended")

    # reloading the page: the new app waits until the old one has saved and let go
    browser.refresh()
    screen = Terminal(browser)
    screen.wait_for_text(opened)
    assert "已在别处打开" not in screen.text

    # without the token: refused
    browser.switch_to.new_window("tab")
    browser.get(f"http://127.0.0.1:{served.port}/")
    refusal = "请用 drafter serve 启动时显示的完整地址打开"
    wait_until(lambda: refusal in browser.page_source, 60, "the refusal shown")
    assert network.status(f"http://127.0.0.1:{served.port}/") == 403
    browser.close()
    browser.switch_to.window(first)

    # nothing was requested from outside this server, nothing was blocked by the CSP
    urls = network.urls()
    assert f"ws://127.0.0.1:{served.port}/{served.token}/ws?" in " ".join(urls)
    assert external(urls, served.port) == []
    console = browser.get_log("browser")
    assert not [e for e in console if "Content Security Policy" in e["message"]], console
    failed = [e for e in console if e["level"] == "SEVERE" and served.token in e["message"]]
    assert failed == [], failed

    # Ctrl+C: every tab's app saves and ends; the project is free again
    tabs = served.tab_processes()
    status, out, err = served.interrupt()
    assert status == 0 and "Traceback" not in out + err, out + err
    assert all(gone(pid) for pid in tabs)
    assert not lock_path(served_project).exists()
    saved = load_project(served_project).project
    assert saved.tables.get("requests.new.natural_person") == 12
    assert saved.tables.get("requests.new.business") == 5
    assert saved.text("overview").startswith("本年度经浏览器输入，2025年")
