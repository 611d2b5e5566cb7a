"""The Textual web driver of a ``drafter serve`` tab."""

from __future__ import annotations

from textual import messages
from textual.drivers.web_driver import WebDriver


class ServedDriver(WebDriver):
    """Textual's web driver, which also quits when the server goes away.

    The server tells an app to quit when its page closes; a server that was killed
    cannot, and the app would otherwise stay running, holding its project's lock. The
    end of its input (the server's end of the pipe closed) means the same: quit, which
    saves.
    """

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():
            self._app.post_message(messages.ExitApp())
