"""What the status line says about drafting: the model and its host, or 离线起草.

Asked of ``drafter.config`` (the same settings ``drafter draft`` uses: config file,
then environment). Reading them imports pydantic, so the app asks after its first
screen is drawn, not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.config import Settings

OFFLINE = "离线起草"
OFFLINE_ORIGIN = "offline"
"""A draft's ``origin`` when the offline drafter wrote it (``drafting.offline.ORIGIN``,
not imported here: that would load the drafter; a test checks that the two agree)."""


def origin_label(origin: str) -> str:
    """Who wrote a draft, as the clerk reads it: 离线起草, or the model as recorded
    (``模型名 @ 主机``)."""
    return OFFLINE if origin == OFFLINE_ORIGIN else origin


def describe_endpoint(*, offline: bool = False) -> str:
    """``模型 @ 主机`` when drafting will call an endpoint, else 离线起草."""
    if offline:
        return OFFLINE
    from drafter.config import ConfigError, load_settings

    try:
        settings = load_settings()
    except ConfigError:
        return f"{OFFLINE}（模型设置有误，见 drafter config）"
    return describe_settings(settings)


def describe_settings(settings: Settings) -> str:
    if not settings.base_url:
        return OFFLINE
    return f"{settings.model or '未设置模型'} @ {settings.host or settings.base_url}"
