"""Planted errors of every kind, on several different reports, found at their line.

Each base report is written out as a file with its tables — plain text as a PDF gives it
when copied (``tests.writers``), and Markdown as drafter exports it — the error is
planted in that text, and the file is checked as ``drafter check`` checks it: imported by
``drafter.importers``, then every rule, so findings carry the file's lines. The bases:
the bundled example (a county bureau) and four reports imported from published texts in
the corpus — a 县级市 people's government, a 街道办事处, a city-level department and a
人民政府办公室 — with tables filled from the figures their prose states. Unmodified,
none gives an error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from drafter.checking import FileCheck, check_file
from drafter.importers import import_text
from drafter.model import Finding, Project, Report
from drafter.narrative.claims import find_claims
from drafter.narrative.identity import own_nouns
from tests.planting import BASES, PLANTERS, WRITERS, Subject


@dataclass
class Base:
    name: str
    report: Project
    suffix: str
    text: str
    """The report as a file of type ``suffix``."""
    folder: Path

    def check_file(self, text: str, last_year: Report | None = None) -> FileCheck:
        """``drafter check`` of ``text`` saved as a file (agency as the base states it)."""
        path = self.folder / f"{self.name}.{self.suffix}"
        path.write_text(text, encoding="utf-8")
        result = check_file(path, last_year, agency=self.report.agency)
        assert result.unusable is None, result.unusable
        said = [(f.rule, f.location.line, f.message) for f in result.findings]
        assert len(said) == len(set(said)), "a finding of the import repeated by a rule"
        return result

    def check(self, text: str, last_year: Report | None = None) -> list[Finding]:
        return self.check_file(text, last_year).findings


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


@pytest.fixture(params=[(b, s) for b in sorted(BASES) for s in WRITERS], ids="-".join)
def base(request, tmp_path) -> Base:
    name, suffix = request.param
    report = BASES[name]()
    return Base(name, report, suffix, WRITERS[suffix](report), tmp_path)


def test_unmodified_reports_have_no_error(base):
    result = base.check_file(base.text, base.report.last_year)
    assert errors(result.findings) == [], base.name
    assert result.project is not None and result.project.tables == base.report.tables


# --------------------------------------------------------------------------- planting


@dataclass
class Planted:
    text: str
    rule: str
    severity: str
    line: int | None
    shows: str
    """What the message or excerpt must contain."""
    rules: tuple[str, ...] = ()
    """Rules any of which may report it (a broken row: R1, R2 or R3); default ``rule``."""


def line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


def _overview_start(text: str) -> int:
    return text.index("\n", text.index("一、总体情况")) + 1


def _insert_line(text: str, at: int, line: str) -> str:
    return text[:at] + line + "\n" + text[at:]


def plant_claim(report: Project, text: str) -> Planted:
    claims = [c for c in find_claims(report.text("overview"), report) if c.number is not None]
    claim = claims[0]
    overview = report.text("overview")
    sentence = overview[claim.sentence[0] : claim.sentence[1]]
    number = claim.number
    assert number is not None
    changed_figure = str(int(number.value) + 3)
    changed = (
        overview[claim.sentence[0] : number.start]
        + changed_figure
        + overview[number.end : claim.sentence[1]]
    )
    return Planted(
        text.replace(sentence, changed, 1), "C1", "error", line_of(text, sentence), changed_figure
    )


def plant_malformed_date(report: Project, text: str) -> Planted:
    year = report.year
    needle = f"{year}年1月1日"
    if needle in text:
        line = line_of(text, needle)
        return Planted(text.replace(needle, f"{year}1月1日", 1), "N6", "error", line, f"{year}1月")
    at = _overview_start(text)
    line = text.count("\n", 0, at) + 1
    new = _insert_line(text, at, f"截至{year}12月31日，各项公开任务均已完成。")
    return Planted(new, "N6", "error", line, f"{year}12月")


PLACEHOLDERS = {"example": "XX", "gaoping-2025": "××", "hongshan-2025": "（单位名称）"}


def plant_placeholder(report: Project, text: str, name: str) -> Planted:
    mark = PLACEHOLDERS.get(name, "【待核实】")
    at = _overview_start(text)
    new = _insert_line(text, at, f"本报告由{mark}负责编制，全年共召开专题会议3次。")
    return Planted(new, "N6", "error", text.count("\n", 0, at) + 1, mark)


HEADING_5 = "五、存在的主要问题及改进情况"
HEADING_6 = "六、其他需要报告的事项"


def plant_missing_heading(report: Project, text: str) -> Planted:
    new = text.replace(HEADING_5 + "\n", "", 1)  # found before the heading that follows it
    return Planted(new, "N1", "error", line_of(new, HEADING_6), f"缺少一级标题「{HEADING_5}」")


def plant_renamed_heading(report: Project, text: str) -> Planted:
    new = text.replace(HEADING_5, "五、存在的主要问题和改进措施", 1)
    return Planted(new, "N1", "error", line_of(text, HEADING_5), "存在的主要问题和改进措施")


def plant_duplicate_heading(report: Project, text: str) -> Planted:
    at = text.index("\n", text.index(HEADING_5)) + 1
    new = _insert_line(text, at, HEADING_6)
    second = line_of(text, HEADING_6) + 1
    return Planted(new, "N1", "error", second, "出现了 2 次")


def shared(kind: str) -> Callable[[Project, str], Planted | None]:
    """A planter of ``tests.planting`` (the ones bench/check.py plants into the corpus)."""

    def plant(report: Project, text: str, suffix: str) -> Planted | None:
        assert report.year is not None
        subject = Subject(
            text,
            report.year,
            bool(own_nouns(report.agency) & {"镇", "乡", "街道", "街"}),
            import_text(text, f"base.{suffix}", agency=report.agency),
        )
        made = PLANTERS[kind](subject)
        if made is None:
            return None
        return Planted(made.text, made.rules[0], made.severity, made.line, made.shows, made.rules)

    return plant


PLANTS: dict[str, Callable[..., Planted | None]] = {
    "changed figure": lambda report, text, _: plant_claim(report, text),
    "malformed date": lambda report, text, _: plant_malformed_date(report, text),
    "missing heading": lambda report, text, _: plant_missing_heading(report, text),
    "renamed heading": lambda report, text, _: plant_renamed_heading(report, text),
    "duplicated heading": lambda report, text, _: plant_duplicate_heading(report, text),
    **{kind: shared(kind) for kind in PLANTERS},
}


@pytest.mark.parametrize("kind", sorted(PLANTS))
def test_planted_error_is_found_at_its_line(base, kind):
    planted = PLANTS[kind](base.report, base.text, base.suffix)
    if planted is None:
        pytest.skip(f"{base.name}.{base.suffix} has no place for a {kind}")
    assert planted.text != base.text
    found = [
        f
        for f in base.check(planted.text, base.report.last_year)
        if f.rule in (planted.rules or (planted.rule,))
    ]
    hits = [
        f
        for f in found
        if f.severity == planted.severity
        and f.location.line == planted.line
        and planted.shows in f.message + (f.excerpt or "")
    ]
    assert hits, (base.name, kind, [(f.location.line, f.message) for f in found])


def test_planted_placeholder_is_found(base):
    planted = plant_placeholder(base.report, base.text, base.name)
    found = [f for f in base.check(planted.text) if f.rule == "N6"]
    assert [(f.severity, f.location.line) for f in found if planted.shows in f.message] == [
        ("error", planted.line)
    ]


def test_section_identical_to_last_year_is_found(base):
    report = base.report
    assert report.year is not None
    last = report.model_copy(deep=True)
    last.year = report.year - 1
    last.last_year = None
    found = [f for f in base.check(base.text, last) if f.rule == "N7"]
    overview = [f for f in found if f.location.section == "overview"]
    assert overview and overview[0].severity == "warning", base.name
    assert "100% 的句子" in overview[0].message
    line = overview[0].location.line
    assert line is not None and (overview[0].excerpt or "?") in base.text.splitlines()[line - 1]
