"""Random ledgers over several years: the count equals a count made independently here."""

from __future__ import annotations

import random

import pytest

from drafter.ledger import count_file
from drafter.ledger.record import apply, cell_rows, stored
from drafter.model import Project
from drafter.rules import check_report
from tests.ledger.ledgers import (
    TODAY,
    expected_appeals,
    expected_requests,
    random_cases,
    write_ledger,
)

YEARS = (2021, 2022, 2023, 2024, 2025)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_every_year_of_a_random_ledger_counts_as_the_definitions_say(tmp_path, seed):
    rng = random.Random(seed)
    cases = random_cases(rng, rng.randint(40, 250))
    appeals = random_cases(rng, rng.randint(0, 25), appeals=True)
    path = tmp_path / "台账.xlsx"
    write_ledger(path, cases, appeals, rng)
    for year in YEARS:
        project = Project.empty("某某局", year)
        counted = count_file(path, project, today=TODAY)
        count = counted.count
        assert count.complete, (count.errors, count.questions)
        expected = expected_requests(cases, year)
        if appeals:
            expected |= expected_appeals(appeals, year)
        assert count.values == expected, year
        apply(project, count, path.name, counted.choices, counted_at(year))
        assert check_report(project, only=("R1", "R2", "R3", "R4")) == []
        for path_, value in count.values.items():  # each figure is as many rows as it counts
            assert len(count.sources.get(path_, [])) == value
        record = stored(project)
        assert record is not None
        total = project.tables.get("requests.new.total")
        rows = cell_rows(record, "requests.new.total", project.format)
        assert rows is not None and len(rows) == total


def test_each_row_behind_a_cell_is_the_case_written_on_it(tmp_path):
    rng = random.Random(7)
    cases = random_cases(rng, 120)
    path = tmp_path / "台账.xlsx"
    write_ledger(path, cases, [], rng)
    count = count_file(path, Project.empty("某某局", 2024), today=TODAY).count
    for cell, refs in count.sources.items():
        _, row_key, column = cell.split(".")
        for ref in refs:
            case = cases[ref.row - 3]  # a title row and the header above the first case
            assert case.category == column
            if row_key not in ("new", "carried_in", "carried_out"):
                assert case.result == row_key


def counted_at(year: int):
    from datetime import datetime

    return datetime(year + 1, 1, 10, 9, 0)
