"""Export a report to Word (.docx), a web page (.html) or Markdown (.md).

``export_report(report, path)`` picks the format from the file name, lays the report out
once (``document.build_document``), renders it and replaces the file atomically, so a
failed export never leaves a half-written file. It returns warning findings about what
it had to change (control characters removed, a template body kept). The gate that
refuses export while errors remain is in :mod:`drafter.exporters.gate`.
"""

from __future__ import annotations

import os
from pathlib import Path

from drafter.exporters.document import ExportDocument, build_document
from drafter.exporters.errors import ExportError
from drafter.model import Finding, Report
from drafter.oserrors import explain
from drafter.store import atomic_write

__all__ = [
    "FORMAT_NAMES",
    "SUFFIXES",
    "ExportError",
    "check_output_path",
    "export_format",
    "export_report",
    "render_report",
]

SUFFIXES: dict[str, str] = {
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
FORMAT_NAMES = {"docx": "Word 文档", "html": "网页", "markdown": "Markdown 文本"}


def export_format(path: str | Path) -> str:
    """``docx``, ``html`` or ``markdown`` by the file's extension; ExportError otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        shown = suffix or "（没有扩展名）"
        raise ExportError(f"不支持导出为 {shown}：输出文件名请以 .docx、.html 或 .md 结尾")
    return SUFFIXES[suffix]


def check_output_path(path: str | Path) -> Path:
    """The output path if a file can be written there; ExportError saying why not."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ExportError(f"{path} 是一个文件夹：请在 -o 后给出文件名，如 {path / '报告.docx'}")
        export_format(path)
        parent = path.parent
        if not parent.is_dir():
            raise ExportError(f"文件夹 {parent} 不存在：请先建立它，或换一个保存位置")
        if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise ExportError(f"没有写入 {path} 的权限：请换一个保存位置，或检查文件权限")
    except OSError as exc:  # a name too long, say, fails the checks themselves
        raise ExportError(f"无法写入 {path}：{explain(exc)}") from None
    return path


def render_report(
    report: Report, fmt: str, *, template: Path | None = None
) -> tuple[bytes, list[Finding]]:
    """The exported file's bytes in format ``fmt``, and warning findings."""
    doc = build_document(report)
    findings = list(doc.findings)
    if fmt == "docx":
        from drafter.exporters.docx import render_docx

        data, notes = render_docx(doc, template)
        return data, findings + notes
    if template is not None:
        raise ExportError("只有导出 Word 文档（.docx）时才能使用 --template")
    return _render_text(doc, fmt).encode("utf-8"), findings


def _render_text(doc: ExportDocument, fmt: str) -> str:
    if fmt == "html":
        from drafter.exporters.html import render_html

        return render_html(doc)
    if fmt == "markdown":
        from drafter.exporters.markdown import render_markdown

        return render_markdown(doc)
    raise ExportError(f"不支持的导出格式「{fmt}」")


def export_report(
    report: Report, path: str | Path, *, template: str | Path | None = None
) -> list[Finding]:
    """Write ``report`` to ``path`` (format by extension), replacing it atomically."""
    path = check_output_path(path)
    data, findings = render_report(
        report, export_format(path), template=Path(template) if template else None
    )
    write_output(path, data)
    return findings


def write_output(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping an existing file's permissions.

    A Word or WPS window holding the file open (Windows locks it) or a read-only
    location becomes an ExportError with what to do; the old file stays intact.
    """
    try:
        atomic_write(path, data)
    except PermissionError:
        raise ExportError(
            f"无法写入 {path}：文件可能正在 Word 或 WPS 中打开，或没有写入权限。"
            "请关闭该文件后重试，或换一个文件名"
        ) from None
    except OSError as exc:
        raise ExportError(f"无法写入 {path}：{explain(exc)}") from None
