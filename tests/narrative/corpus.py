"""Reports made from corpus texts for the checker's tests (and its benchmark).

A deliberately small sectioniser, not an importer: a line that classifies as one of the
six headings (official, variant or renamed wording) starts that section; text before the
first is the preamble. It records a :class:`SourceText` like an importer would (each
section line's file line, every heading hit), so the rules' line numbers can be tested
before the real importer is merged. Tables are filled by the tests: from figures the
text states, completed with ``tables.complete``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from drafter import forms
from drafter.forms import FormatId
from drafter.model import Project, Section
from drafter.narrative import outline
from drafter.source import HeadingHit, SourceText
from drafter.tables import complete
from tests.factories import CORPUS

REPORTS = CORPUS / "reports"
SEED = CORPUS / "seed" / "000_20272e85d49a1cc6.txt"


def split_sections(text: str, path: str = "report.txt") -> tuple[dict[str, str], SourceText]:
    """Section texts by key and the SourceText recording where they came from."""
    texts: dict[str, list[str]] = {forms.PREAMBLE_KEY: []}
    lines: dict[str, list[int]] = {forms.PREAMBLE_KEY: []}
    hits: list[HeadingHit] = []
    current = forms.PREAMBLE_KEY
    seen: set[str] = set()
    numbered = {line.line for line in outline.outline_of_text(text)}
    for number, raw in enumerate(text.splitlines(), start=1):
        kind = outline.classify(raw) if number in numbered else None
        if kind is not None and kind.key is not None:
            hits.append(HeadingHit(raw.strip(), kind.key, number))
            if kind.key not in seen:
                seen.add(kind.key)
                current = kind.key
                texts[current], lines[current] = [], []
                continue
        texts[current].append(raw)
        lines[current].append(number)
    sections = {k: "\n".join(v).strip("\n") for k, v in texts.items()}
    # Keep the line map aligned with the stripped text: drop leading blank lines.
    for key, body in texts.items():
        while body and not body[0].strip():
            body.pop(0)
            lines[key].pop(0)
    source = SourceText(path=path, text=text, section_lines=lines, headings=hits)
    return sections, source


def headings_of(source: SourceText) -> dict[str, str]:
    return {h.key: h.text for h in reversed(source.headings) if h.key}


def report_from_text(
    text: str,
    agency: str,
    year: int,
    fmt: FormatId = "2021",
    *,
    figures: dict[str, int] | None = None,
    extra: dict[str, str] | None = None,
    title: str | None = None,
    path: str = "report.txt",
) -> tuple[Project, SourceText]:
    """A complete Project from a corpus text: its sections, tables from ``figures``.

    ``figures`` sets table cells (natural_person columns and table 二/四 parts; totals are
    computed); every other cell is 0. ``extra`` supplies text for sections the (cut-off)
    corpus page lacks, so the report is complete.
    """
    sections, source = split_sections(text, path)
    for key, body in (extra or {}).items():
        if not sections.get(key, "").strip():
            sections[key] = body
    headings = headings_of(source)
    report = Project(agency=agency, year=year, format=fmt)
    report.title = title if title is not None else report.default_title()
    report.sections = [
        Section(
            key=k,
            heading=headings.get(
                k, "" if k == forms.PREAMBLE_KEY else forms.SECTION_BY_KEY[k].heading
            ),
            text=sections.get(k, ""),
        )
        for k in forms.SECTION_KEYS
        if k in sections or k != forms.PREAMBLE_KEY
    ]
    zero_tables(report)
    for path_, value in (figures or {}).items():
        report.tables.set(path_, value)
    done = complete(report)
    assert isinstance(done, Project)
    return done, source


def zero_tables(report: Project) -> None:
    """Every input cell 0 (totals are computed by ``complete``)."""
    for cell in forms.all_cells(report.format):
        zero = Decimal(0) if cell.kind is forms.CellKind.AMOUNT else 0
        report.tables.set(cell.path, zero)


def read(name: str) -> str:
    return (REPORTS / name).read_text(encoding="utf-8")


def corpus_path(name: str) -> Path:
    return REPORTS / name


def render_text(report: Project) -> str:
    """The report as a plain-text file: title, preamble, each heading and its text."""
    lines = [report.title, ""]
    preamble = report.text(forms.PREAMBLE_KEY)
    if preamble:
        lines += [preamble, ""]
    for section in report.sections:
        if section.key == forms.PREAMBLE_KEY:
            continue
        lines.append(section.heading)
        if section.text:
            lines.append(section.text)
        lines.append("")
    return "\n".join(lines)


def from_text(text: str, like: Project, path: str = "report.txt") -> tuple[Project, SourceText]:
    """``like`` (agency, year, tables, last year) with its sections read from ``text``."""
    sections, source = split_sections(text, path)
    headings = headings_of(source)
    report = like.model_copy(deep=True)
    report.sections = [
        Section(key=k, heading=headings.get(k, ""), text=body)
        for k, body in sections.items()
        if k == forms.PREAMBLE_KEY or k in headings
    ]
    report = Project.model_validate(report.model_dump(by_alias=True))
    return report, source
