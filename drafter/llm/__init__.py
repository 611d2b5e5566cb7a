"""The only package that talks to the ``openai`` client (an import-linter contract says so).

Importing ``drafter.llm`` is cheap: openai (≈0.5 s to import) loads only when a chat
model is actually made, through :func:`make_chat`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.config import Settings

if TYPE_CHECKING:
    from drafter.llm.openai_chat import OpenAIChat


def make_chat(settings: Settings) -> OpenAIChat:
    """An OpenAI-compatible chat model for ``settings`` (imports openai now)."""
    from drafter.llm.openai_chat import OpenAIChat

    return OpenAIChat(settings)


__all__ = ["make_chat"]
