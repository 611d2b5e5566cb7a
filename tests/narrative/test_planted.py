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

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from drafter.checking import FileCheck, check_file
from drafter.exporters.document import build_document
from drafter.exporters.markdown import render_markdown
from drafter.model import Finding, Project, Report
from drafter.narrative.claims import find_claims
from drafter.narrative.identity import own_nouns
from tests.factories import example
from tests.narrative.corpus import REPORTS, imported, with_figures
from tests.writers import to_txt

PROBLEMS = (
    "对照上年度报告提出的问题，已逐项整改到位。当前仍存在的主要问题：一是信息发布的及时性有待提高；"
    "二是政策解读形式较为单一。改进措施：一是建立信息发布提醒机制；二是丰富图解、视频等解读形式。"
)
OTHER = "本年度未发出信息处理费收费通知，未收取信息处理费。"


def _np(**values: int) -> dict[str, int]:
    return {f"requests.{row}.natural_person": v for row, v in values.items()}


def _corpus(name: str, agency: str, year: int, figures: dict[str, int]) -> Project:
    """A published (cut-off) page as imported, completed: 五 and 六 written, tables filled."""
    report = imported(REPORTS / name, agency=agency, year=year).project
    report.title = report.title or report.default_title()
    for key, text in (("problems", PROBLEMS), ("other", OTHER)):
        if not report.text(key).strip():
            report.set_text(key, text)
    for key in ("active", "requests", "appeals"):
        if report.section(key) is None:
            report.set_text(key, "")
    return with_figures(report, figures)


BASES: dict[str, Callable[[], Project]] = {
    "example": example,
    "gaoping-2025": lambda: _corpus(
        "2025_gaoping_szf_1.txt",
        "高平市人民政府",
        2025,
        _np(new=77, carried_in=4, granted=50, partial=10, unavailable_1=21, carried_out=0),
    ),
    "hongshan-2025": lambda: _corpus(
        "2025_hongshan_hpjd_1.txt",
        "武汉市洪山区和平街道办事处",
        2025,
        _np(new=21, carried_in=1, granted=15, partial=2, unavailable_1=4, carried_out=1),
    ),
    "rongcheng-2025": lambda: _corpus(
        "2025_rongcheng_xzspfwj_1.txt",
        "荣成市行政审批服务局",
        2025,
        _np(new=6, carried_in=0, granted=3, partial=1, unavailable_1=1, carried_out=1),
    ),
    "gaoping-2023": lambda: _corpus(
        "2023_gaoping_szfbgs_1.txt",
        "高平市人民政府办公室",
        2023,
        _np(new=9, carried_in=0, partial=2, unavailable_1=5, carried_out=2),
    ),
}


WRITERS: dict[str, Callable[[Project], str]] = {
    "txt": to_txt,
    "md": lambda report: render_markdown(build_document(report)),
}


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


def plant_stale_year(report: Project, text: str) -> Planted:
    year = report.year
    assert year is not None
    start = _overview_start(text)
    m = re.compile(rf"{year}年[，,]").search(text, start)
    assert m is not None
    new = text[: m.start()] + f"{year - 1}年，" + text[m.end() :]
    return Planted(new, "N6", "error", text.count("\n", 0, m.start()) + 1, f"{year - 1}年")


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


def plant_designation(report: Project, text: str) -> Planted:
    wrong = "我局" if own_nouns(report.agency) & {"镇", "乡", "街道", "街"} else "我镇"
    at = _overview_start(text)
    new = _insert_line(text, at, f"{wrong}高度重视政务公开工作，明确专人负责信息发布。")
    return Planted(new, "A1", "error", text.count("\n", 0, at) + 1, wrong)


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


PLANTS = {
    "changed figure": plant_claim,
    "stale year": plant_stale_year,
    "malformed date": plant_malformed_date,
    "wrong self-designation": plant_designation,
    "missing heading": plant_missing_heading,
    "renamed heading": plant_renamed_heading,
    "duplicated heading": plant_duplicate_heading,
}


@pytest.mark.parametrize("kind", sorted(PLANTS))
def test_planted_error_is_found_at_its_line(base, kind):
    planted = PLANTS[kind](base.report, base.text)
    assert planted.text != base.text
    found = [f for f in base.check(planted.text, base.report.last_year) if f.rule == planted.rule]
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
