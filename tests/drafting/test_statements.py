"""This year's figures in the standard wording: right by construction, zeros said naturally."""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest

from drafter import forms
from drafter.drafting.rollforward import figure_spans
from drafter.drafting.statements import amount, statements
from drafter.model import Project
from drafter.narrative.claims import find_claims
from drafter.tables import complete, input_cells
from tests.factories import random_report


def zero_report(fmt: forms.FormatId = "2021") -> Project:
    project = Project.empty("云溪县交通运输局", 2025, fmt)
    for cell in input_cells(fmt):
        project.tables.set(cell.path, Decimal("0.0000") if cell.kind == "amount" else 0)
    done = complete(project)
    assert isinstance(done, Project)
    return done


@pytest.mark.parametrize("fmt", ["2021", "2019"])
@pytest.mark.parametrize("seed", range(40))
def test_every_figure_is_the_tables_and_every_claim_holds(fmt, seed):
    project = random_report(random.Random(seed), fmt)
    for text in statements(project, "我局").all():
        assert "【待核实】" not in text
        claims = find_claims(text, project)
        assert all(c.holds for c in claims), (text, claims)
        # Every other figure is a part the recogniser does not map (a sub-item, a
        # result of 复议): it is still the value of a cell.
        claimed = [c.span for c in claims if c.number is not None]
        cells = [v for _, v in project.tables.values(project.format) if v is not None]
        values = {amount(v) for v in cells}
        for start, end, _ in figure_spans(text):
            if (start, end) not in claimed:
                assert text[start:end] in values, (text[start:end], text)


@pytest.mark.parametrize("fmt", ["2021", "2019"])
def test_zeros_are_said_the_way_a_clerk_says_them(fmt):
    project = zero_report(fmt)
    said = statements(project, "我局")
    assert not re.search(r"(?<![0-9.])0(?:\.0+)?(?:件|万元)", "".join(said.all()))
    assert said.requests == "本年度未收到政府信息公开申请，也没有上年结转的申请。"
    assert said.appeals == "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
    assert "未作出行政许可、行政处罚和行政强制决定" in said.active
    assert "规章" not in said.active  # none made, none in force: nothing to say
    for text in said.all():
        assert all(c.holds for c in find_claims(text, project))


def test_amounts_are_exact():
    project = zero_report()
    project.tables.set("active.fees_wan_yuan", Decimal("12.3450"))
    assert "收取行政事业性收费12.345万元" in statements(project, "我局").active
    assert amount(Decimal("0.5000")) == "0.5" and amount(Decimal("3.0000")) == "3"
    assert amount(Decimal("0.0001")) == "0.0001" and amount(7) == "7"


def test_a_single_result_reads_naturally():
    project = zero_report()
    for row in ("new", "granted"):
        project.tables.set(f"requests.{row}.natural_person", 3)
    project.tables.set("appeals.review.upheld", 1)
    done = complete(project)
    assert isinstance(done, Project)
    said = statements(done, "我局")
    assert "本年度办结政府信息公开申请3件，均予以公开。" in said.requests
    assert "被申请行政复议1件（结果维持）" in said.appeals
    assert "未发生因政府信息公开工作被提起行政诉讼的情况" in said.appeals


def test_a_table_not_filled_in_is_not_guessed():
    project = zero_report()
    project.tables.set("requests.partial.business", None)
    said = statements(project, "我局")
    assert said.requests.startswith("（表三尚未填完") and said.requests.endswith("【待核实】")
    assert "【待核实】" not in said.active + said.appeals
