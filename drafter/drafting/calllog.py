"""A JSONL log of model calls in the user data dir: an audit trail without secrets.

One line per call: time, endpoint host, model, template, section, attempt, a hash of
the prompt (so identical prompts can be recognised), token usage when the server gave
it, duration, outcome and the Chinese error message. Never the API key (any text
written is scrubbed of it), and the full prompt only when the ``log_prompts`` setting
asks for it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from drafter import paths
from drafter.drafting.chat import ChatMessage, Usage

LOG_NAME = "llm-calls.jsonl"


def log_path() -> Path:
    return paths.data_dir() / LOG_NAME


def prompt_hash(messages: Sequence[ChatMessage]) -> str:
    """A short stable digest of the messages sent."""
    payload = json.dumps([[m.role, m.content] for m in messages], ensure_ascii=False)
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass
class CallRecord:
    host: str
    model: str
    template: str
    section: str
    attempt: int
    prompt_hash: str
    prompt_chars: int
    outcome: str
    """complete, incomplete, failed or cancelled."""
    duration_s: float
    finish_reason: str | None = None
    usage: Usage | None = None
    error: str | None = None
    reasoning_chars: int = 0
    prompt: list[dict[str, str]] | None = None
    time: str = field(default_factory=lambda: datetime.now().astimezone().isoformat())


class CallLog:
    """Appends call records to the log file; failures to write never stop drafting."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        secrets: Iterable[str | None] = (),
        log_prompts: bool = False,
    ) -> None:
        self.path = path or log_path()
        self.secrets = [s for s in secrets if s]
        self.log_prompts = log_prompts

    def record(self, record: CallRecord, messages: Sequence[ChatMessage] = ()) -> None:
        if self.log_prompts and messages:
            record.prompt = [{"role": m.role, "content": m.content} for m in messages]
        data: dict[str, Any] = asdict(record)
        if record.usage is None:
            data["usage"] = None
        line = self._scrub(json.dumps(data, ensure_ascii=False))
        try:
            paths.ensure(self.path.parent)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(line + "\n")
        except OSError:
            pass  # the log is an aid; a full disk must not lose the draft

    def _scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text
