from decimal import Decimal

import pytest

from drafter.editing import apply_inputs, carried_values, split_paste
from drafter.model import Project
from drafter.newproject import new_project
from drafter.rules import check_report
from drafter.tables import input_cells
from tests.factories import EXAMPLE_LAST_YEAR, example


@pytest.fixture
def fresh() -> Project:
    """A new 2025 project carried over from the 2024 example."""
    return new_project("云溪县市场监督管理局", 2025, last_year_file=EXAMPLE_LAST_YEAR)


def test_typed_values_are_parsed_and_totals_follow(fresh):
    outcome = apply_inputs(
        fresh, {"requests.new.natural_person": "１２件", "requests.new.business": "3"}
    )
    tables = fresh.tables
    assert tables.get("requests.new.natural_person") == 12
    assert tables.get("requests.new.total") == 15
    assert outcome.changed == ["requests.new.natural_person", "requests.new.business"]
    assert [n.message for n in outcome.notes] == ["已将「１２件」规范为 12"]


def test_refused_value_leaves_the_cell_and_says_why(fresh):
    outcome = apply_inputs(fresh, {"requests.new.natural_person": "十几"})
    assert fresh.tables.get("requests.new.natural_person") is None
    assert outcome.notes[0].rejected
    assert "不是整数" in outcome.notes[0].message


def test_totals_are_never_set_from_input(fresh):
    apply_inputs(fresh, {"requests.new.natural_person": "5"})
    outcome = apply_inputs(fresh, {"requests.new.total": "9"})
    assert fresh.tables.get("requests.new.total") == 5
    assert outcome.notes[0].rejected and "合计由程序计算为 5" in outcome.notes[0].message


def test_carry_over_is_prefilled_and_refilled_when_cleared(fresh):
    last = fresh.last_year
    assert last is not None
    expected = last.tables.get("requests.carried_out.natural_person")
    assert fresh.tables.get("requests.carried_in.natural_person") == expected
    outcome = apply_inputs(fresh, {"requests.carried_in.natural_person": ""})
    assert fresh.tables.get("requests.carried_in.natural_person") == expected
    assert "重新预填" in outcome.notes[0].message


def test_prefilled_in_force_follows_issued_but_a_typed_one_stays(fresh):
    last = fresh.last_year
    assert last is not None
    before = last.tables.get("active.normative_documents.in_force")
    assert isinstance(before, int)
    apply_inputs(
        fresh,
        {"active.normative_documents.issued": "2", "active.normative_documents.repealed": "1"},
    )
    assert fresh.tables.get("active.normative_documents.in_force") == before + 1  # X2
    apply_inputs(fresh, {"active.normative_documents.issued": "3"})
    assert fresh.tables.get("active.normative_documents.in_force") == before + 2
    apply_inputs(fresh, {"active.normative_documents.in_force": "40"})
    apply_inputs(fresh, {"active.normative_documents.issued": "4"})
    assert fresh.tables.get("active.normative_documents.in_force") == 40
    assert "active.normative_documents.in_force" not in carried_values(fresh, None)


def test_amounts_keep_their_digits():
    project = example()
    apply_inputs(project, {"active.fees_wan_yuan": "０.５０００"})
    assert project.tables.get("active.fees_wan_yuan") == Decimal("0.5000")
    assert str(project.tables.get("active.fees_wan_yuan")) == "0.5000"


def test_example_inputs_reapplied_leave_every_rule_satisfied():
    project = example()
    raw = {c.path: str(project.tables.get(c.path)) for c in input_cells(project.format)}
    apply_inputs(project, raw)
    assert [f for f in check_report(project, project.last_year) if f.severity == "error"] == []


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("1\t2\t\t4\r\n5\t6\r\n", [["1", "2", "", "4"], ["5", "6"]]),
        ("12\n13\n14\n", [["12"], ["13"], ["14"]]),
        ("1,234 ５６　7、8，9", [["1,234", "５６", "7", "8", "9"]]),
        ("\n\n", []),
    ],
)
def test_split_paste(text, rows):
    assert split_paste(text) == rows
