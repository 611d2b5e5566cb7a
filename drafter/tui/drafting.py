"""What the UI drafts with, and how it says so: :func:`drafter.llm.choice.open_drafter`
on the settings ``drafter draft`` uses (config file, then environment).

Everything is imported here on first use — jinja2 for the prompts, openai for the model
(``drafter.llm``) — so none of it slows the start-up.
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
async def drafting_setup(*, offline: bool) -> AsyncIterator[DraftingSetup]:
    """The drafter to use now, with the UI's wording for what stops it."""
    from drafter.config import ConfigError, load_settings
    from drafter.drafting.prompts import PromptError, Prompts
    from drafter.llm.choice import ModelUnusable, open_drafter, uses_model
    from drafter.tui.endpoint import OFFLINE, describe_settings

    try:
        settings = load_settings()
        prompts = Prompts(settings.prompts_dir)
    except (ConfigError, PromptError) as exc:
        raise DraftingUnavailable(f"无法起草：{exc}") from None
    try:
        uses_model(settings, offline=offline)
    except ModelUnusable as exc:
        raise DraftingUnavailable(f"{exc}也可以用 drafter tui --offline 打开，离线起草。") from None
    label = OFFLINE if offline else describe_settings(settings)
    async with open_drafter(settings, prompts, offline=offline) as drafter:
        yield DraftingSetup(drafter, settings.concurrency, label)
