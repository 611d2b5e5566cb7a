"""The seam to a chat model: messages in, streamed text out, and what can go wrong.

``drafter.llm`` implements :class:`ChatModel` with the openai client; tests implement it
with scripted replies. Nothing here knows about openai: errors arrive already turned
into a :class:`ChatError` whose message is Chinese and says what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

Role = Literal["system", "user", "assistant"]

ErrorKind = Literal[
    "auth",
    "permission",
    "model",
    "rate",
    "quota",
    "unreachable",
    "timeout",
    "server",
    "filtered",
    "too_long",
    "bad_request",
    "blocked",
    "protocol",
    "cut",
    "config",
]


@dataclass(frozen=True)
class ChatMessage:
    role: Role
    content: str


@dataclass(frozen=True)
class Usage:
    """Token counts as the server reported them (absent when it did not)."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None


@dataclass
class Completion:
    """One finished model call."""

    text: str
    """The content as streamed (reasoning_content deltas already dropped)."""
    finish_reason: str | None
    """``stop`` when the model ended its answer; anything else means incomplete."""
    usage: Usage | None = None
    retries: int = 0
    reasoning_chars: int = 0
    """How much reasoning output the server sent (and we discarded)."""


@dataclass
class ChatError(Exception):
    """A call that failed; ``partial`` holds the text that arrived before it failed."""

    kind: ErrorKind
    message: str
    """Chinese, one or two sentences, ending with what to do."""
    partial: str = ""
    status: int | None = None
    details: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message


TextSink = Callable[[str], None]


class ChatModel(Protocol):
    """A chat model reached somewhere: the OpenAI-compatible client, or a test double."""

    @property
    def model(self) -> str: ...

    @property
    def host(self) -> str:
        """Where the calls go (host name only), for logs and the draft's origin."""
        ...

    async def complete(
        self, messages: Sequence[ChatMessage], on_text: TextSink | None = None
    ) -> Completion:
        """Stream one reply, passing each content delta to ``on_text``.

        Raises :class:`ChatError` (with the partial text) when the call fails; a
        stream that simply ends early returns with ``finish_reason`` not ``stop``.
        """
        ...
