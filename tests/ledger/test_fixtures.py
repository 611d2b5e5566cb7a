"""Hand-made ledgers in fixtures/ledger: messy forms counted as a clerk counts them by hand."""

from __future__ import annotations

from datetime import date

import pytest

from drafter import forms
from drafter.ledger import count_file
from drafter.ledger.choices import parse_mapping
from drafter.ledger.record import changes
from drafter.model import Project
from tests.factories import FIXTURES, example

LEDGERS = FIXTURES / "ledger"
TODAY = date(2026, 12, 1)
MESSY = ["messy.xlsx", "messy.xls", "messy-gbk.csv", "messy.tsv"]
MAPPING = "[申请人类型]\n法人或其他组织 = 商业企业\n[处理结果]\n补正 = other_1\n"

# The 2023 count of fixtures/ledger/build.py's MESSY_ROWS, worked out by hand row by row
# (the comments there say how each row counts); every other input cell is 0.
MESSY_2023 = {
    "requests.new.natural_person": 6,
    "requests.new.business": 2,
    "requests.new.public_interest": 1,
    "requests.new.legal_services": 1,
    "requests.new.other_org": 1,
    "requests.carried_in.natural_person": 2,
    "requests.granted.natural_person": 2,
    "requests.granted.business": 1,
    "requests.partial.business": 1,
    "requests.withheld_1.natural_person": 1,
    "requests.unavailable_1.natural_person": 1,
    "requests.not_processed_1.public_interest": 1,
    "requests.not_processed_2.natural_person": 1,
    "requests.other_1.natural_person": 1,
    "requests.other_3.natural_person": 1,
    "requests.carried_out.natural_person": 1,
    "requests.carried_out.legal_services": 1,
    "requests.carried_out.other_org": 1,
}


def nonzero(values: dict[str, int]) -> dict[str, int]:
    return {path: n for path, n in values.items() if n}


@pytest.mark.parametrize("name", MESSY)
def test_the_messy_register_counts_as_by_hand_in_every_file_form(name):
    project = Project.empty("某某县人民政府办公室", 2023)
    choices = parse_mapping(MAPPING)
    counted = count_file(LEDGERS / name, project, choices=choices, today=TODAY)
    assert counted.count.complete, (counted.count.errors, counted.count.questions)
    assert nonzero(counted.count.values) == MESSY_2023
    assert counted.count.tables == ("requests",)


@pytest.mark.parametrize("name", MESSY)
def test_ambiguous_values_are_questions_with_their_rows_never_guesses(name):
    counted = count_file(LEDGERS / name, Project.empty("某某县人民政府办公室", 2023), today=TODAY)
    questions = {(q.field, q.value): q for q in counted.count.questions}
    assert set(questions) == {("applicant_type", "法人或其他组织"), ("result", "补正")}
    first_data_row = 5 if name == "messy.xlsx" else 2  # the workbook has title rows
    assert [r.row for r in questions["applicant_type", "法人或其他组织"].refs] == [
        first_data_row + 13
    ]
    assert questions["result", "补正"].candidates == ("unavailable_3", "other_1")
    assert set(questions["applicant_type", "法人或其他组织"].candidates) == set(forms.ORG_COLUMNS)
    assert not counted.count.complete


def test_the_sample_ledger_counts_to_the_example_projects_tables():
    """The sample ledger is the register behind the example project's 2025 tables 三 and 四."""
    project = example()
    counted = count_file(LEDGERS / "yunxi-2025-台账.xlsx", project, today=TODAY)
    count = counted.count
    assert count.complete and count.issues == []
    assert count.tables == ("requests", "appeals")
    assert {p: project.tables.get(p) for p in count.values} == count.values
    assert changes(project, count) == []
    assert [s.kind for s in counted.ledger.sheets] == ["applications", "appeals", "appeals"]
