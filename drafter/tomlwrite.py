"""A tiny TOML writer for drafter's own settings file (Python reads TOML with tomllib).

The settings file holds a handful of scalars and one ``[extra_body]`` table of
provider options, so a writer of a few dozen lines does the job; a library
(tomli-w, tomlkit) would be one more dependency for the same output. Strings use
TOML basic-string escapes; nested tables inside a table are written inline.
A round-trip test (``tomllib.loads(dumps(x)) == x``) guards it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date, datetime

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def value(v: object) -> str:
    """One TOML value (inline form)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str):
        return _string(v)
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, Mapping):
        inner = ", ".join(f"{_key(str(k))} = {value(x)}" for k, x in v.items())
        return "{" + inner + "}" if inner else "{}"
    if isinstance(v, list | tuple):
        return "[" + ", ".join(value(x) for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def dumps(data: Mapping[str, object], header: str = "") -> str:
    """A TOML document: top-level scalars first, then one ``[table]`` per mapping."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    if lines:
        lines.append("")
    tables = {k: v for k, v in data.items() if isinstance(v, Mapping)}
    for k, v in data.items():
        if k not in tables:
            lines.append(f"{_key(k)} = {value(v)}")
    for name, table in tables.items():
        assert isinstance(table, Mapping)
        lines.append("")
        lines.append(f"[{_key(name)}]")
        for k, v in table.items():
            lines.append(f"{_key(str(k))} = {value(v)}")
    return "\n".join(lines).lstrip("\n") + "\n"
