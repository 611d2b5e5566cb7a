"""The offline drafter on real consecutive reports: no stale year, no C1, N1, N7.

For each pair of consecutive years of one agency in the corpus, last year's report and
this year's tables (both imported with ``drafter import``) make a project; every
narrative section drafted offline must carry no year of last year's that was not a
comparison in the source, must pass C1 (figures vs tables) and N1 (no sub-heading
numbered like a section), and the overview must keep at most half of last year's
sentences unchanged (N7's measure, with the 【待核实】 marks taken out: a clerk who
confirms a marked figure must not be left with a copy).
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from drafter import forms
from drafter.cli import main
from drafter.drafting.engine import draft_sections
from drafter.drafting.offline import OfflineDrafter
from drafter.drafting.prompts import Prompts
from drafter.model import Project
from drafter.narrative.similarity import carried_over, sentence_keys
from drafter.store import load_project
from tests.quality import consecutive_pairs

_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=\s*年)")


def imported(path: Path, out: Path) -> Project:
    assert main(["import", str(path), "-o", str(out)]) == 0, path
    return load_project(out).project


def years(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]


@pytest.mark.parametrize("pair", consecutive_pairs(), ids=lambda p: f"{p[0].stem}->{p[1].stem}")
def test_offline_drafts_of_consecutive_reports(pair, tmp_path):
    last = imported(pair[0], tmp_path / "last.json")
    this = imported(pair[1], tmp_path / "this.json")
    assert last.year is not None and this.year == last.year + 1
    project = Project.model_validate(
        {**this.model_dump(by_alias=True), "last_year": last.model_dump(by_alias=True)}
    )
    keys = [k for k in forms.NARRATIVE_KEYS if last.text(k).strip()]
    drafts = asyncio.run(draft_sections(OfflineDrafter(Prompts()), project, keys))
    for key in keys:
        draft, source = drafts[key], last.text(key)
        assert draft.status == "complete"
        # No stale year: last year's own year appears only where the source compared
        # with the year before it (L-1 → L); every L of the source now reads Y (the
        # draft keeps only some of last year's sentences).
        assert years(draft.text).count(last.year) <= years(source).count(last.year - 1), key
        assert years(draft.text).count(this.year) <= years(source).count(last.year), key
        stale = [f for f in draft.findings if f.rule == "N6" and str(last.year) in f.message]
        assert stale == [], key
        c1 = [f for f in draft.findings if f.rule == "C1" and f.severity == "error"]
        assert c1 == [], (key, [f.message for f in c1])
        assert [f.message for f in draft.findings if f.rule == "N1"] == [], key
    overview = drafts["overview"]
    assert [f for f in overview.findings if f.rule == "N7"] == []
    keys = frozenset(k for s in last.sections for k in sentence_keys(s.text))
    assert carried_over(overview.text.replace("【待核实】", ""), keys).share <= 0.5
