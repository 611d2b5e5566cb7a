"""Which drafter drafts: the configured model, or the offline drafter.

One choice for ``drafter draft`` and the UI. The offline drafter when asked for
(``--offline``) or when no endpoint is configured; otherwise the model drafter over the
endpoint of ``drafter.config``'s settings, with the prompts and the call log. Settings
that name an endpoint but cannot be used raise :class:`ModelUnusable` before any call.
openai loads only when the model drafter is opened (:func:`drafter.llm.make_chat`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from drafter.config import Settings
from drafter.drafting.calllog import CallLog
from drafter.drafting.engine import Drafter, ModelDrafter
from drafter.drafting.offline import OfflineDrafter
from drafter.drafting.prompts import Prompts
from drafter.llm import make_chat


class ModelUnusable(Exception):
    """The settings name an endpoint that cannot be used; ``problem`` says why (Chinese).

    ``str(error)`` is ``无法使用模型起草：…。``; each caller adds how to draft offline.
    """

    def __init__(self, problem: str) -> None:
        super().__init__(f"无法使用模型起草：{problem}。")
        self.problem = problem


def uses_model(settings: Settings, *, offline: bool) -> bool:
    """True when drafting calls the configured endpoint, False for the offline drafter.

    Raises :class:`ModelUnusable` when an endpoint is configured but incomplete.
    """
    if offline or not settings.base_url:
        return False
    problem = settings.problem()
    if problem is not None:
        raise ModelUnusable(problem)
    return True


@asynccontextmanager
async def open_drafter(
    settings: Settings, prompts: Prompts, *, offline: bool
) -> AsyncIterator[Drafter]:
    """The drafter to draft with (see :func:`uses_model`); a model's connection is closed
    on leaving."""
    if not uses_model(settings, offline=offline):
        yield OfflineDrafter(prompts)
        return
    log = CallLog(secrets=[settings.key_value()], log_prompts=settings.log_prompts)
    async with make_chat(settings) as chat:
        yield ModelDrafter(chat, prompts, log)
