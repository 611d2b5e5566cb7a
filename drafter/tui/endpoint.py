"""What the status line says about drafting: the endpoint and model, or 离线起草."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

OFFLINE = "离线起草"


def describe_endpoint(env: Mapping[str, str] | None = None) -> str:
    """``模型 @ 主机`` when drafting can use an endpoint, else 离线起草.

    Drafting through an endpoint exists only with ``drafter.config`` (issue 5); until
    then everything is offline. Phase 2: ask drafter.config for the effective settings
    instead of reading its environment variables here.
    """
    if importlib.util.find_spec("drafter.config") is None:
        return OFFLINE
    env = os.environ if env is None else env
    base = env.get("DRAFTER_BASE_URL") or env.get("OPENAI_BASE_URL") or ""
    model = env.get("DRAFTER_MODEL") or ""
    if not base and not model:
        return OFFLINE
    host = urlsplit(base).netloc or base or "默认接口"
    return f"{model or '未设置模型'} @ {host}"
