"""Keep a model's reasoning out of the draft.

Reasoning models put their thinking in ``<think>…</think>`` inside the content (Qwen3,
DeepSeek-R1 distills on Ollama/vLLM), sometimes with the opening tag left in the chat
template so only ``</think>`` arrives. (``reasoning_content`` deltas are dropped by the
client.) :class:`ThinkFilter` works on a stream: it never passes on text that might
still turn out to be reasoning, and says when already-passed text must be taken back.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN = "<think>"
CLOSE = "</think>"


@dataclass
class Filtered:
    """What a chunk contributes to the visible text."""

    text: str = ""
    """New visible text."""
    reset: bool = False
    """True when everything shown so far was reasoning: replace it with ``text``."""


class ThinkFilter:
    """Streaming removal of ``<think>…</think>`` blocks (and of text before a lone ``</think>``)."""

    def __init__(self) -> None:
        self._pending = ""
        self._inside = False
        self.visible: list[str] = []
        self.reasoning_chars = 0

    def feed(self, chunk: str) -> Filtered:
        self._pending += chunk
        out = Filtered()
        while self._pending:
            if self._inside:
                end = self._pending.find(CLOSE)
                if end < 0:
                    keep = _partial_suffix(self._pending, CLOSE)
                    self.reasoning_chars += len(self._pending) - keep
                    self._pending = self._pending[len(self._pending) - keep :]
                    break
                self.reasoning_chars += end
                self._pending = self._pending[end + len(CLOSE) :].lstrip()
                self._inside = False
                continue
            start = self._pending.find(OPEN)
            close = self._pending.find(CLOSE)
            if close >= 0 and (start < 0 or close < start):
                # A lone </think>: all text so far was reasoning.
                self.reasoning_chars += sum(map(len, self.visible)) + close
                self.visible.clear()
                out.text = ""
                out.reset = True
                self._pending = self._pending[close + len(CLOSE) :].lstrip()
                continue
            if start >= 0:
                self._emit(out, self._pending[:start])
                self._pending = self._pending[start + len(OPEN) :]
                self._inside = True
                continue
            keep = max(_partial_suffix(self._pending, OPEN), _partial_suffix(self._pending, CLOSE))
            self._emit(out, self._pending[: len(self._pending) - keep])
            self._pending = self._pending[len(self._pending) - keep :]
            break
        return out

    def finish(self) -> Filtered:
        """Flush what was held back at the end of the stream."""
        out = Filtered()
        if not self._inside:
            self._emit(out, self._pending)
        else:
            self.reasoning_chars += len(self._pending)
        self._pending = ""
        return out

    @property
    def text(self) -> str:
        return "".join(self.visible)

    def _emit(self, out: Filtered, text: str) -> None:
        if text:
            if not self.visible:
                text = text.lstrip()
                if not text:
                    return
            self.visible.append(text)
            out.text += text


def _partial_suffix(text: str, tag: str) -> int:
    """Length of the longest end of ``text`` that is a proper beginning of ``tag``."""
    for n in range(min(len(tag) - 1, len(text)), 0, -1):
        if text.endswith(tag[:n]):
            return n
    return 0


def strip_reasoning(text: str) -> str:
    """``text`` without reasoning blocks (the whole-text form of :class:`ThinkFilter`)."""
    f = ThinkFilter()
    f.feed(text)
    f.finish()
    return f.text
