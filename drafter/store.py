"""Reading and writing project files, safely.

Loading never raises anything but :class:`ProjectError`, whose message is one Chinese
line saying what is wrong and what to do. Cell values that are not clean figures are
normalised (``１２`` → 12, ``—`` → blank) and reported as findings, not failures.
Saving is atomic: a crash mid-write leaves the previous file intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from drafter import forms
from drafter.forms import CellKind
from drafter.model import SCHEMA, Finding, Location, Project, Severity
from drafter.oserrors import explain
from drafter.values import parse_cell


class ProjectError(Exception):
    """A project file that cannot be used; ``str(error)`` is the message for the user."""


@dataclass
class Loaded:
    project: Project
    findings: list[Finding] = field(default_factory=list)
    """Notes on values that were normalised (V3) or could not be used (V1/V2)."""


def read_input(path: Path, error: type[Exception] = ProjectError) -> bytes:
    """The bytes of a file the clerk named (a project or a report to import).

    A missing file, a folder or an unreadable file raises ``error`` with one Chinese line
    saying what to do: the one wording for ``drafter check``, ``import``, ``new`` and the UI.
    """
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"找不到文件 {path}：请检查路径是否正确") from None
    except IsADirectoryError:
        raise error(f"{path} 是一个文件夹：请指定其中的文件") from None
    except OSError as exc:
        raise error(f"无法读取 {path}：{explain(exc)}") from None


def load_project(path: str | Path) -> Loaded:
    """Read and validate a project file."""
    path = Path(path)
    return parse_project(read_input(path), path.name)


def parse_project(data: bytes | str, name: str = "项目文件") -> Loaded:
    """Parse project JSON from bytes or text; see :func:`load_project`."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ProjectError(
                f"{name} 不是 UTF-8 编码的项目文件。若这是报告原文，请用 drafter import 导入"
            ) from None
    if not data.strip():
        raise ProjectError(
            f"{name} 是空文件，不是项目文件：请从备份恢复，或用 drafter new 新建项目"
        )
    try:
        raw = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ProjectError(
            f"{name} 不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列{json_problem(exc)}。"
            "若这是报告原文，请用 drafter import 导入；若是项目文件，请用文本编辑器修正该处，"
            "或从备份恢复"
        ) from None
    if not isinstance(raw, dict) or raw.get("schema") != SCHEMA:
        found = raw.get("schema") if isinstance(raw, dict) else None
        what = f"schema 为「{found}」" if found else '缺少 "schema" 字段'
        raise ProjectError(
            f'{name} 不是 drafter 项目文件（{what}，应为 "{SCHEMA}"）。'
            "若这是报告原文，请用 drafter import 导入"
        )
    findings = normalise_cells(raw)
    if isinstance(raw.get("last_year"), dict):
        normalise_cells(raw["last_year"])
    try:
        project = Project.model_validate(raw)
    except ValidationError as exc:
        raise ProjectError(f"{name} 的内容有误：{describe_validation(exc)}") from None
    return Loaded(project, findings)


_JSON_PROBLEMS = {
    "Expecting value": "缺少一个值（可能多了逗号，或少了引号、括号）",
    "Expecting property name enclosed in double quotes": (
        "应为用双引号括起的字段名（可能多了一个逗号）"
    ),
    "Expecting ':' delimiter": "字段名后缺少冒号",
    "Expecting ',' delimiter": "缺少逗号（或前一项的引号、括号没有闭合）",
    "Unterminated string starting at": "的引号没有闭合",
    "Invalid control character at": "的文字中有不能直接出现的控制字符（如换行）",
    "Invalid \\escape": "有错误的反斜杠转义（文字中的 \\ 应写成 \\\\）",
    "Invalid \\uXXXX escape": "有错误的 \\u 转义",
    "Extra data": "之后还有多余的内容（文件应只有一个 {…}）",
    "Illegal trailing comma before end of object": "多了一个逗号（} 前不能有逗号）",
    "Illegal trailing comma before end of array": "多了一个逗号（] 前不能有逗号）",
}
"""Python's JSON error messages (``JSONDecodeError.msg``) in the clerk's words."""


def json_problem(exc: json.JSONDecodeError) -> str:
    """What is wrong at the error's position, in Chinese (never Python's English)."""
    return _JSON_PROBLEMS.get(exc.msg, "的写法有误")


def normalise_cells(raw: dict[str, Any]) -> list[Finding]:
    """Replace raw cell values by parsed ones in place; findings for what was changed."""
    fmt = raw.get("format", "2021")
    tables = raw.get("tables")
    if fmt not in forms.FORMATS or not isinstance(tables, dict):
        return []  # validation reports it
    findings: list[Finding] = []
    for cell in forms.all_cells(fmt):
        owner: Any = tables
        *parents, leaf = cell.path.split(".")
        for part in parents:
            owner = owner.get(part) if isinstance(owner, dict) else None
        if not isinstance(owner, dict) or leaf not in owner:
            continue
        parsed = parse_cell(owner[leaf], cell.kind)
        owner[leaf] = parsed.value
        if parsed.note:
            severity: Severity = "error" if parsed.rejected else "warning"
            if parsed.rejected:
                rule = "V2" if cell.kind is CellKind.AMOUNT else "V1"
            else:
                rule = "V3"
            findings.append(
                Finding(
                    rule=rule,
                    severity=severity,
                    message=f"{cell.label}：{parsed.note}",
                    location=Location(section=cell.table, cell=cell.path, cells=[cell.path]),
                )
            )
    return findings


_MESSAGES = {
    "missing": "缺少此项",
    "extra_forbidden": "不认识的字段",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "string_type": "应为文字",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "list_type": "应为列表",
    "dict_type": "应为对象（{…}）",
    "model_type": "应为对象（{…}）",
    "literal_error": "取值不在允许范围内",
    "bool_type": "应为 true 或 false",
}


def describe_validation(exc: ValidationError, limit: int = 3) -> str:
    """A short Chinese description of pydantic validation errors."""
    parts = []
    errors = exc.errors(include_url=False)
    for err in errors[:limit]:
        where = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-"))
        if err["type"] == "value_error":
            what = str(err["msg"]).removeprefix("Value error, ")
        else:
            what = _MESSAGES.get(err["type"], str(err["msg"]))
        parts.append(f"{where}：{what}" if where else what)
    more = f"（另有 {len(errors) - limit} 处）" if len(errors) > limit else ""
    return "；".join(parts) + more


def dump_project(project: Project) -> str:
    """Project JSON text; project-only keys are left out while they are empty."""
    data = project.model_dump(mode="json", by_alias=True)
    for key in ("last_year", "key_facts", "drafts", "imported"):
        if not data.get(key):
            data.pop(key, None)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def atomic_write(path: str | Path, data: str | bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, whole.

    The new file keeps the old file's permissions (or gets the usual umask default);
    ``mode`` overrides that, e.g. 0o600 for a file holding an API key.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if mode is None:
        mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _default_mode() -> int:
    """Mode of a newly created file under the process umask (read without setting it)."""
    umask = 0o022
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    umask = int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o666 & ~umask


def save_project(project: Project, path: str | Path) -> None:
    """Write the project file atomically."""
    atomic_write(path, dump_project(project))
