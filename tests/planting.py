"""Errors planted into copies of reports: for ``tests/narrative/test_planted.py`` and for
``bench/check.py`` (recall on the corpus).

Each planter edits one line of a report's text in place — the number of lines stays, so
every other finding keeps its line — the way a reviewer finds such errors in published
reports: last year's year left in the opening sentence or in the statistical period, a
self-designation pasted from another kind of body, another agency's name in the title, a
figure in the prose that is not the table's, a table row that does not add up. It says
what ``drafter check`` must then report: the rule, the line, a word the message or the
excerpt shows. A planter returns None when the report offers no place for its error
(no period statement, no claim the tables can confirm …): only what was planted counts.

What a planter may know is what a reviewer knows (:class:`Subject`): the report's year and
whether the body is a township — not what drafter inferred.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from drafter.exporters.document import build_document
from drafter.exporters.markdown import render_markdown
from drafter.importers import Imported
from drafter.model import Project
from drafter.narrative.claims import find_claims
from drafter.narrative.years import PERIOD
from tests.factories import example
from tests.narrative.corpus import REPORTS, imported, with_figures
from tests.writers import to_txt


@dataclass(frozen=True)
class Plant:
    kind: str
    text: str
    """The report's text with the error planted."""
    rules: tuple[str, ...]
    """Rules any of which reports it (a broken row: R1, R2 or R3)."""
    line: int
    shows: str
    """What the message or the excerpt of the finding shows."""
    severity: str = "error"


@dataclass
class Subject:
    """A report to plant into, and what a reviewer knows of it."""

    text: str
    year: int
    township: bool
    """A 镇/乡/街道: calling itself 我局 is wrong; otherwise 我镇 is."""
    imported: Imported | None = None
    """The report as drafter imports ``text`` (for the planters that need its tables)."""

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def _replace_line(subject: Subject, index: int, new: str) -> str:
    lines = subject.lines
    lines[index] = new
    return "\n".join(lines)


def _overview(subject: Subject) -> list[int]:
    """Indexes of the lines of 一、总体情况 as drafter reads them (none: no such section)."""
    found = subject.imported
    if found is None:
        return []
    return [n - 1 for n in found.source.section_lines.get("overview", [])]


def _outside_titles(line: str, pos: int) -> bool:
    """Not inside 《…》 (the title of another document)."""
    return line.rfind("《", 0, pos) <= line.rfind("》", 0, pos)


# --------------------------------------------------------------------------- years

_PRESENTING = re.compile(
    r"(?:现将|现公布|现予以?公布|特向社会公布|向社会公布|现发布|编制的|本报告是)[^。]{0,40}?"
    r"(?P<y>(?:19|20)\d{2})\s?年度?[^。]{0,30}?(?:报告|年报)"
)


def stale_opening(subject: Subject) -> Plant | None:
    """Last year's year in the opening sentence: the one presenting the report
    (「现将……2024年度政府信息公开工作情况报告如下」), else the first one of 一
    (「2024年，我局…」)."""
    lines, year = subject.lines, subject.year
    for i, line in enumerate(lines[:15]):
        m = _PRESENTING.search(line)
        if m and int(m["y"]) == year and _outside_titles(line, m.start("y")):
            new = line[: m.start("y")] + str(year - 1) + line[m.end("y") :]
            return Plant(
                "stale year (opening)",
                _replace_line(subject, i, new),
                ("N6",),
                i + 1,
                f"{year - 1}",
            )
    for i in _overview(subject)[:6]:
        m = re.match(
            rf"^(\s*(?:[（(][一二三四五六七八九十]+[)）][^。，,]{{0,12}}?[。.：:]\s*)?){year}(\s?年)",
            lines[i],
        )
        if m:
            new = m[1] + str(year - 1) + lines[i][m.end(1) + 4 :]
            return Plant(
                "stale year (opening)",
                _replace_line(subject, i, new),
                ("N6",),
                i + 1,
                f"{year - 1}",
            )
    return None


def stale_period(subject: Subject) -> Plant | None:
    """The statistical period of last year (自2024年1月1日起至2024年12月31日止 in 2025)."""
    year = subject.year
    for i, line in enumerate(subject.lines):
        m = PERIOD.search(line)
        if m is None or int(m["from"]) != year:
            continue
        span = line[m.start() : m.end()].replace(str(year), str(year - 1))
        new = line[: m.start()] + span + line[m.end() :]
        return Plant("stale period", _replace_line(subject, i, new), ("N6",), i + 1, "统计期限")
    return None


# --------------------------------------------------------------------------- whose report


def wrong_designation(subject: Subject) -> Plant | None:
    """A sentence calling the body 我局 (a township's report) or 我镇 (any other body's),
    pasted at the end of the first paragraph of 一."""
    wrong = "我局" if subject.township else "我镇"
    lines = subject.lines
    for i in _overview(subject)[:8]:
        line = lines[i]
        if len(line.strip()) >= 20 and not re.search(r"[|\t]", line):
            new = f"{line}{wrong}高度重视政务公开工作。"
            return Plant(
                "wrong self-designation", _replace_line(subject, i, new), ("A1",), i + 1, wrong
            )
    return None


def other_agency(subject: Subject) -> Plant | None:
    """Another body of the same kind speaking as the author where the report names itself
    (「现将云溪县交通运输局2025年度…报告如下」, 「2025年，云溪县交通运输局坚持…」): text
    copied from another agency's report. Needs the name the report gives itself."""
    found = subject.imported
    if found is None or not found.project.agency:
        return None
    name = found.project.agency
    title = re.sub(r"\s+", "", found.project.title)
    lines = subject.lines
    for i, line in enumerate(lines[:40]):
        m = re.search(re.escape(name) + r"(?:人民政府)?", line)
        squeezed = re.sub(r"\s+", "", line)
        if m is None or len(squeezed) < len(name) + 12 or title and title in squeezed:
            continue  # not a sentence (a title, a signature line)
        at, end = m.start(), m.end()
        before = line[max(0, at - 12) : at]
        if not re.search(r"(?:现将|公布|由|年[，,]|年度[，,]|^\s*)$", before):
            continue  # a mention, not the author speaking
        if subject.township:
            other = "云溪县石门镇人民政府"
        elif name.endswith(("办公室", "办公厅")):
            other = "云溪县人民政府办公室"
        elif name.endswith(("政府", "县", "市", "区")):
            other = "云溪县人民政府"
        else:
            other = "云溪县交通运输局"
        new = line[:at] + other + line[end:]
        return Plant("another agency's name", _replace_line(subject, i, new), ("A2",), i + 1, other)
    return None


# --------------------------------------------------------------------------- figures


def changed_claim(subject: Subject) -> Plant | None:
    """A figure in the prose that the tables contradict (the tables confirmed it before)."""
    found = subject.imported
    if found is None:
        return None
    report, source = found.project, found.source
    for section in report.sections:
        lines_of = source.section_lines.get(section.key)
        if not lines_of:
            continue
        for claim in find_claims(section.text, report, section=section.key):
            if claim.holds is not True or claim.number is None:
                continue
            index = section.text.count("\n", 0, claim.number.start)
            at = claim.number.start - (section.text.rfind("\n", 0, claim.number.start) + 1)
            line_no = lines_of[min(index, len(lines_of) - 1)]
            line = subject.lines[line_no - 1]
            written = section.text[claim.number.start : claim.number.end]
            if line[at : at + len(written)] != written or claim.number.chinese:
                continue
            figure = str(int(claim.value) + 3)
            new = line[:at] + figure + line[at + len(written) :]
            return Plant(
                "C1 figure", _replace_line(subject, line_no - 1, new), ("C1",), line_no, figure
            )
    return None


_CELL = re.compile(r"(?:(?!\t|[|｜]|\s{2,}).)+")
"""A cell of a table row written as text: runs between tabs, bars or wide spaces."""


def broken_row(subject: Subject) -> Plant | None:
    """A table 三 row whose 自然人 figure no longer adds up to its 总计 (R1–R3)."""
    found = subject.imported
    if found is None:
        return None
    report, source = found.project, found.source
    for row in ("new", "granted", "partial", "unavailable_1", "carried_out"):
        path = f"requests.{row}.natural_person"
        value = report.tables.get(path)
        line_no = source.cell_lines.get(path)
        if value is None or report.tables.get(f"requests.{row}.total") is None or not line_no:
            continue
        line = subject.lines[line_no - 1]
        cells = [m for m in _CELL.finditer(line) if m.group().strip()]
        figures = [m for m in cells if re.fullmatch(r"\s*\d+\s*", m.group())]
        if len(figures) != 7 or cells[-7:] != figures or int(figures[0].group()) != value:
            continue  # not one cell per figure: which one is 自然人 cannot be told
        first = figures[0]
        new = line[: first.start()] + f" {int(value) + 1} " + line[first.end() :]
        return Plant(
            "table sum", _replace_line(subject, line_no - 1, new), ("R1", "R2", "R3"), line_no, ""
        )
    return None


PLANTERS: dict[str, Callable[[Subject], Plant | None]] = {
    "stale year (opening)": stale_opening,
    "stale period": stale_period,
    "wrong self-designation": wrong_designation,
    "another agency's name": other_agency,
    "C1 figure": changed_claim,
    "table sum": broken_row,
}
"""Every kind of error the bench plants into copies of the corpus reports."""


# --------------------------------------------------------------------------- bases with tables
# Most corpus pages are cut off before the tables: for the figures, reports from the corpus
# completed with the tables their prose states (and the bundled example), written out as
# files clerks have.

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
