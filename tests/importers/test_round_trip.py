"""Round trip: a report written as .txt/.md/.html/.docx imports back to the same report.

The files are written by ``tests/writers.py`` from the official grid layout (merged
cells included); importing must give back every table cell, every section text exactly,
the agency, year, format and title.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import forms
from drafter.importers import import_file
from drafter.model import Report
from tests import writers
from tests.factories import example, random_report

KINDS = ("txt", "md", "html", "docx")

_PHRASES = (
    "全年主动公开政府信息{n}条",
    "（{n}）进一步规范依申请公开办理流程",
    "一是加强组织领导，二是完善工作制度。",
    "本年度共收到申请{n}件，均已按期答复；",
    "通过门户网站发布政策解读{n}篇，同比增长{n}%。",
    "“三审三校”制度落实到位",
    "Ｗｅｂ 网站 www.example.gov.cn 运行平稳",
)


def random_text(rng: random.Random) -> str:
    """Narrative with sub-headings, blank lines, figures and full-width characters."""
    paragraphs = []
    for i in range(rng.randint(1, 4)):
        if rng.random() < 0.5:
            paragraphs.append(
                f"（{'一二三四'[i]}）{rng.choice(('主动公开', '平台建设', '监督保障'))}"
            )
        sentence = "".join(rng.choice(_PHRASES) for _ in range(rng.randint(1, 3)))
        paragraphs.append(sentence.format(n=rng.randint(0, 5000)))
    return ("\n\n" if rng.random() < 0.5 else "\n").join(paragraphs)


def report_with_text(seed: int, fmt: forms.FormatId) -> Report:
    rng = random.Random(seed)
    report = random_report(rng, fmt, year=rng.randint(2019, 2026), agency="示例市交通运输局")
    for key in forms.SECTION_KEYS:
        section = report.section(key)
        if section is not None and (key in forms.NARRATIVE_KEYS or key == "preamble"):
            section.text = random_text(rng)
    for _ in range(rng.randint(0, 6)):  # a few blank cells, as published tables have
        cell = rng.choice(forms.all_cells(fmt))
        report.tables.set(cell.path, None)
    return report


def assert_same(expected: Report, got: Report) -> None:
    cells = {c.path: v for c, v in expected.tables.values(expected.format)}
    back = {c.path: v for c, v in got.tables.values(got.format)}
    assert got.format == expected.format
    assert back == cells
    for key in forms.SECTION_KEYS:
        assert got.text(key) == expected.text(key), key
    assert (got.agency, got.year, got.title) == (expected.agency, expected.year, expected.title)


@pytest.mark.parametrize("kind", KINDS)
def test_bundled_example_round_trips(kind, tmp_path):
    project = example()
    path = writers.write(project, kind, tmp_path)
    imported = import_file(path).project
    assert_same(project, imported)
    assert [s.key for s in imported.sections] == list(forms.SECTION_KEYS)
    assert imported.imported is not None and imported.imported.kind == kind
    assert imported.imported.recovered_cells == len(forms.all_cells("2021"))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", forms.FORMATS)
@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10**6))
def test_random_reports_round_trip(kind, fmt, seed, tmp_path):
    report = report_with_text(seed, fmt)
    path = writers.write(report, kind, tmp_path, stem=f"r{seed}")
    imported = import_file(path).project
    assert_same(report, imported)
    blanks = [c.path for c, v in report.tables.values(fmt) if v is None]
    assert imported.imported is not None
    assert imported.imported.missing_cells == blanks
    v3 = {p for f in imported.imported.findings if f.rule == "V3" for p in f.location.cells}
    assert v3 == set(blanks)  # every blank is reported, nothing else is


def test_last_year_example_round_trips_through_markdown(tmp_path):
    project = example()
    assert project.last_year is not None
    path = writers.write(project.last_year, "md", tmp_path, stem="last")
    assert_same(project.last_year, import_file(path).project)
