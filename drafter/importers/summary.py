"""What an import recovered, said in Chinese: for ``drafter import``, ``drafter new`` and
the UI's new-report form alike."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from drafter import forms
from drafter.importers.assemble import Imported

MAX_LISTED = 30
"""Hints listed one per line by default; the project's ``imported.findings`` holds all."""


def summary(
    imported: Imported,
    *,
    output: str | None = None,
    listed: int = MAX_LISTED,
    rest: str = "见 JSON 中的 imported.findings",
) -> str:
    """A line on what was recovered (and where it was written), then the hints by rule
    and the first ``listed`` of them one per line; ``rest`` says where the others are."""
    project = imported.project
    info = project.imported
    assert info is not None  # every import says what it recovered
    total = len(forms.all_cells(project.format))
    found = [s.key for s in project.sections if s.key != forms.PREAMBLE_KEY]
    encoding = f"，{info.encoding} 编码" if info.encoding else ""
    lines = [
        f"已导入 {Path(info.file).name}（{info.kind}{encoding}）："
        f"{project.agency or '（未识别机关）'} {project.year or '（未识别年度）'} 年，"
        f"格式 {project.format}，章节 {len(found)}/6，"
        f"表格单元格 {info.recovered_cells}/{total}" + (f"，已写入 {output}" if output else "")
    ]
    if info.findings:
        counts = Counter(f.rule for f in info.findings)
        lines.append(
            "提示 "
            + "、".join(f"{rule} {n} 项" for rule, n in sorted(counts.items()))
            + ("：" if listed else "")
        )
        for finding in info.findings[:listed]:
            where = f"第 {finding.location.line} 行 " if finding.location.line else ""
            lines.append(f"  {finding.rule:<3} {where}{finding.message}")
        if listed and len(info.findings) > listed:
            lines.append(f"  …另有 {len(info.findings) - listed} 项，{rest}")
    return "\n".join(lines)
