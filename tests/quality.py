"""Draft quality over the corpus's consecutive-year pairs: how often each check fires.

For each pair of one agency's consecutive reports, last year's report and this year's
tables (both through the importer) make a project; a drafter drafts every narrative
section last year has, and each draft's findings are counted per section: the share of
drafts with a C1 error (a figure not the table's), an N1 finding (a sub-heading numbered
like a section), an N6 error (year, date, placeholder, 【待核实】), an N7 warning (more
than half last year's sentences), and the mean share of last year's sentences the draft
keeps unchanged (N7's measure, marks taken out). ``bench/draft.py`` prints the table for
the offline drafter, for the model drafter against the fake server and, with
``--endpoint``, for the configured model; ``tests/drafting/test_quality.py`` runs it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter import forms
from drafter.drafting.engine import AttemptStarted, Drafter, DraftEvent, draft_sections
from drafter.drafting.figures import UNKNOWN
from drafter.drafting.prompts import FENCE_CLOSE, FENCE_OPEN
from drafter.importers import import_file
from drafter.model import Draft, Project
from drafter.narrative.similarity import carried_over, sentence_keys
from tests.factories import CORPUS
from tests.fake_openai import Reply

RULES = ("C1", "N1", "N6", "N7")


def consecutive_pairs() -> list[tuple[Path, Path]]:
    """(last year, this year) files of one agency, from the manifest and full/."""
    manifest = (CORPUS / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader(manifest, delimiter="\t"))
    year = {r["file"]: int(r["year"]) for r in rows}
    pairs = set()
    for r in rows:
        for other in filter(None, (p.strip() for p in r["pair_with"].split(";"))):
            if "non-consecutive" in other or year.get(other) != year[r["file"]] + 1:
                continue
            pairs.add((CORPUS / "reports" / r["file"], CORPUS / "reports" / other))
    full = sorted((CORPUS / "full").glob("*_pingtan_gwh_1.txt"))
    if len(full) == 2:
        pairs.add((full[0], full[1]))
    return sorted(pairs)


def pair_project(last_file: Path, this_file: Path) -> Project:
    """This year's report (its tables) with last year's as ``last_year``."""
    last = import_file(last_file).project
    this = import_file(this_file).project
    data = {**this.model_dump(by_alias=True), "last_year": last.model_dump(by_alias=True)}
    return Project.model_validate(data)


def counts(draft: Draft) -> set[str]:
    """The rules of :data:`RULES` that fire on a draft (C1 and N6 as errors only)."""
    fired = set()
    for f in draft.findings:
        if f.rule in ("C1", "N6") and f.severity != "error":
            continue
        if f.rule in RULES:
            fired.add(f.rule)
    return fired


def same_share(project: Project, text: str) -> float:
    """Share of the text's sentences standing unchanged in last year's report."""
    assert project.last_year is not None
    keys = frozenset(k for s in project.last_year.sections for k in sentence_keys(s.text))
    return carried_over(text.replace(UNKNOWN, ""), keys).share


@dataclass
class Row:
    """One section's figures over every pair drafted."""

    section: str
    drafts: int = 0
    fired: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RULES, 0))
    reasked: int = 0
    same: list[float] = field(default_factory=list)

    def share(self, rule: str) -> float:
        return self.fired[rule] / self.drafts if self.drafts else 0.0


async def measure(drafter: Drafter, projects: Sequence[Project]) -> list[Row]:
    """Draft every narrative section each project's last year has; a row per section."""
    rows = {key: Row(key) for key in forms.NARRATIVE_KEYS}
    for project in projects:
        assert project.last_year is not None
        keys = [k for k in forms.NARRATIVE_KEYS if project.last_year.text(k).strip()]
        events: list[DraftEvent] = []
        drafts = await draft_sections(drafter, project, keys, on_event=events.append)
        reasked = {e.key for e in events if isinstance(e, AttemptStarted) and e.attempt == 2}
        for key, draft in drafts.items():
            row = rows[key]
            row.drafts += 1
            for rule in counts(draft):
                row.fired[rule] += 1
            row.reasked += key in reasked
            row.same.append(same_share(project, draft.text))
    return [row for row in rows.values() if row.drafts]


def table(title: str, rows: Sequence[Row]) -> str:
    """The rows as a plain-text table (shares of drafts with each finding)."""
    head = f"{'section':<10}{'drafts':>7}" + "".join(f"{r:>7}" for r in RULES)
    head += f"{'re-ask':>8}{'same':>7}"
    lines = [title, head]
    for row in rows:
        same = sum(row.same) / len(row.same) if row.same else 0.0
        cells = "".join(f"{row.share(r):>7.0%}" for r in RULES)
        lines.append(
            f"{row.section:<10}{row.drafts:>7}{cells}{row.reasked / row.drafts:>8.0%}{same:>7.0%}"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- a fake model

_STATEMENTS = re.compile(r"按上面的数字写好的标准表述[^\n]*\n((?:- [^\n]*\n)+)")


def copying_model(body: dict[str, Any]) -> Reply:
    """A fake model that copies last year's text, then on the re-ask writes only the
    standard figure paragraphs it was given (the fake server's responder).

    What the quality table shows for it is the harness at work: the first attempt
    draws N7 and the re-ask, the second keeps only this year's figures.
    """
    messages = body["messages"]
    first = messages[1]["content"]
    if len(messages) > 2:
        found = _STATEMENTS.search(first)
        stated = [line[2:] for line in found.group(1).splitlines()] if found else []
        return Reply("\n".join(stated) or f"本年度工作按计划推进{UNKNOWN}。")
    start, end = first.find(FENCE_OPEN), first.find(FENCE_CLOSE)
    if start < 0 or end < 0:
        return Reply(f"本年度工作按计划推进{UNKNOWN}。")
    reference = first[first.index("\n", start) + 1 : end].strip()
    return Reply(reference)
