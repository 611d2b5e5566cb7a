"""Where drafter keeps per-user files: config, logs, recent projects, autosave.

``DRAFTER_HOME`` puts everything under one folder (tests, portable installs);
otherwise the platform's standard directories (platformdirs) are used.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "drafter"


def _home() -> Path | None:
    home = os.environ.get("DRAFTER_HOME")
    return Path(home).expanduser() if home else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else platformdirs.user_config_path(APP, appauthor=False)


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else platformdirs.user_data_path(APP, appauthor=False)


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else platformdirs.user_log_path(APP, appauthor=False)


def config_file() -> Path:
    """The TOML settings file (see ``drafter config``)."""
    return config_dir() / "config.toml"


def ensure(path: Path) -> Path:
    """Create ``path`` (a directory) if missing and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path
