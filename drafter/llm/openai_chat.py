"""The chat model behind any OpenAI-compatible endpoint, through ``openai.AsyncOpenAI``.

Streaming always: text reaches the UI as it arrives, and a stream that stops early is
seen for what it is (``finish_reason`` is not ``stop``). Explicit timeouts (connect,
and per read), the client's own retries (timeouts, connection errors, 408/409/429/5xx,
``Retry-After`` honoured), ``extra_body`` passed through untouched. ``reasoning_content``
deltas are counted and dropped, never shown.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Sequence
from types import TracebackType
from typing import Any

import httpx2
import openai

from drafter.config import Settings
from drafter.drafting.chat import ChatError, ChatMessage, Completion, TextSink, Usage
from drafter.llm.errors import describe

LOCAL_ONLY_ENV = "DRAFTER_LOCAL_ONLY"
"""The kill switch: when set (tests set it), only loopback endpoints may be called."""

NO_KEY = "not-needed"
"""Sent when no key is configured (local servers ignore it; the client requires one)."""


def requests_allowed(host: str) -> bool:
    """False when the kill switch is on and ``host`` is not this machine."""
    if os.environ.get(LOCAL_ONLY_ENV, "") in ("", "0"):
        return True
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class OpenAIChat:
    """:class:`drafter.drafting.chat.ChatModel` over ``openai.AsyncOpenAI``."""

    def __init__(self, settings: Settings, http_client: httpx2.AsyncClient | None = None) -> None:
        if not settings.base_url or not settings.model:
            raise ValueError("OpenAIChat needs base_url and model (check Settings.problem())")
        self.settings = settings
        self._model = settings.model
        self._client = openai.AsyncOpenAI(
            base_url=settings.base_url,
            api_key=settings.key_value() or NO_KEY,
            timeout=openai.Timeout(settings.timeout, connect=settings.connect_timeout),
            max_retries=settings.max_retries,
            http_client=http_client,
        )

    @property
    def model(self) -> str:
        return self._model

    @property
    def host(self) -> str:
        return self.settings.host

    async def complete(
        self, messages: Sequence[ChatMessage], on_text: TextSink | None = None
    ) -> Completion:
        if not requests_allowed(self.host):
            raise ChatError(
                "blocked",
                f"已禁止连接外部接口（{LOCAL_ONLY_ENV} 已设置）：测试中不得调用 {self.host}",
            )
        parts: list[str] = []
        finish: str | None = None
        usage: Usage | None = None
        reasoning = 0
        try:
            stream = await self._client.chat.completions.create(**self._request(messages))
            async with stream:
                async for chunk in stream:
                    if chunk.usage is not None:
                        usage = Usage(
                            chunk.usage.prompt_tokens,
                            chunk.usage.completion_tokens,
                            chunk.usage.total_tokens,
                        )
                    for choice in chunk.choices:
                        delta = choice.delta
                        if delta is not None:
                            reasoning += len(_reasoning_of(delta))
                            if delta.content:
                                parts.append(delta.content)
                                if on_text is not None:
                                    on_text(delta.content)
                        if choice.finish_reason:
                            finish = choice.finish_reason
        except Exception as exc:
            error = describe(exc, self.settings, partial="".join(parts))
            if error is None:
                raise
            raise error from exc
        return Completion("".join(parts), finish, usage, reasoning_chars=reasoning)

    def _request(self, messages: Sequence[ChatMessage]) -> dict[str, Any]:
        request: dict[str, Any] = {
            "model": self._model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if self.settings.temperature is not None:
            request["temperature"] = self.settings.temperature
        if self.settings.max_tokens is not None:
            request["max_tokens"] = self.settings.max_tokens
        if self.settings.extra_body:
            request["extra_body"] = self.settings.extra_body
        return request

    async def list_models(self) -> list[str]:
        """Model ids the endpoint offers (GET /models); empty when it does not say."""
        if not requests_allowed(self.host):
            return []
        try:
            page = await self._client.with_options(max_retries=0).models.list()
            return sorted(m.id for m in page.data)
        except (openai.OpenAIError, httpx2.HTTPError, ValueError, TypeError):
            return []

    async def aclose(self) -> None:
        await self._client.close()

    async def __aenter__(self) -> OpenAIChat:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


def _reasoning_of(delta: Any) -> str:
    """Reasoning text of a delta (DeepSeek ``reasoning_content``, others ``reasoning``)."""
    for name in ("reasoning_content", "reasoning"):
        value = getattr(delta, name, None)
        if isinstance(value, str):
            return value
    return ""
