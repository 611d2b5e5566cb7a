"""Which drafter the UI drafts with: the configured model, or the offline drafter.

The offline drafter when the app was started with ``--offline`` or no endpoint is
configured; otherwise the model drafter built from ``drafter.config`` (the settings
``drafter draft`` uses). Everything is imported here on first use — jinja2 for the
prompts, openai for the model (``drafter.llm``) — so none of it slows the start-up.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.drafting.engine import Drafter


class DraftingUnavailable(Exception):
    """Drafting cannot start; ``str(error)`` is one Chinese line saying what to do."""


@dataclass
class DraftingSetup:
    drafter: Drafter
    concurrency: int
    """How many sections may be drafted at once (``concurrency`` setting)."""
    label: str
    """For the status line: ``模型 @ 主机`` or 离线起草."""


@asynccontextmanager
async def open_drafter(*, offline: bool) -> AsyncIterator[DraftingSetup]:
    """The drafter to use now; a model's connection is closed on leaving."""
    from drafter.config import ConfigError, load_settings
    from drafter.drafting.prompts import PromptError, Prompts
    from drafter.tui.endpoint import OFFLINE, describe_settings

    try:
        settings = load_settings()
        prompts = Prompts(settings.prompts_dir)
    except (ConfigError, PromptError) as exc:
        raise DraftingUnavailable(f"无法起草：{exc}") from None
    if offline or not settings.base_url:
        from drafter.drafting.offline import OfflineDrafter

        yield DraftingSetup(OfflineDrafter(prompts), settings.concurrency, OFFLINE)
        return
    problem = settings.problem()
    if problem is not None:
        raise DraftingUnavailable(
            f"无法使用模型起草：{problem}。也可以用 drafter tui --offline 打开，离线起草。"
        )
    from drafter.drafting.calllog import CallLog
    from drafter.drafting.engine import ModelDrafter
    from drafter.llm import make_chat

    log = CallLog(secrets=[settings.key_value()], log_prompts=settings.log_prompts)
    async with make_chat(settings) as chat:
        yield DraftingSetup(
            ModelDrafter(chat, prompts, log), settings.concurrency, describe_settings(settings)
        )
