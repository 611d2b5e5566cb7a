"""Is what a clerk reads Chinese? Flags English words left in a message.

A message may name things a clerk types or sees on screen: drafter's commands, option
names (``--force``), option values (``json``, ``deepseek``), keys to press (Ctrl+C),
settings to type (``model=…``), file names and paths, format names (DOCX, JSON, PDF …),
rule ids (R1, IO). Any other run of two or more Latin letters is English the clerk
should not have to read (``Permission denied``, ``Expecting value``, ``usage``, ``offline``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from drafter.cli import COMMANDS
from drafter.forms import NARRATIVE_KEYS
from drafter.presets import PRESETS

NAMES = frozenset(
    {
        "drafter",
        *("DOCX", "docx", "JSON", "json", "HTML", "html", "htm", "PDF", "pdf", "CSV", "csv"),
        *("Markdown", "md", "txt", "text", "TOML", "Word", "WPS", "Excel", "UTF", "GBK"),
        *("API", "Key", "OpenAI", "IO", "EX"),
        *("Ctrl", "Shift", "Alt", "Esc", "Enter", "Tab", "Delete"),  # keys to press
        *COMMANDS,
        *NARRATIVE_KEYS,
        "all",
        *PRESETS,
    }
)
"""Names a message may contain: formats, commands, option values, rule ids."""

_ASSIGNMENT = re.compile(r"[\w.]+=[^\s、，。；）]+")
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
_PATH = re.compile(r"[^\s「」（）()，。：；、'\"]*[/\\.][^\s「」（）()，。：；、'\"]*")
_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The English words in ``text`` beyond :data:`NAMES` and ``allowed`` (e.g. what
    the clerk typed, echoed back); empty when the text reads as Chinese."""
    names = NAMES | set(allowed)
    text = _ASSIGNMENT.sub(" ", text)  # a setting to type: model=deepseek-chat
    text = _OPTION.sub(" ", text)
    text = _PATH.sub(lambda m: " " if re.search(r"\w[/\\.]\w|[/\\]", m[0]) else m[0], text)
    return [word for word in _WORD.findall(text) if word not in names]
