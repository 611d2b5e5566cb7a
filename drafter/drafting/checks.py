"""Run a draft through the checker, as if it were the section's text.

Every draft, from a model or from the offline drafter, is checked with the same rules
the export gate runs (``drafter.rules.check_report``), on a copy of the project holding
the draft, and only findings located in that section are kept. C1 (a figure in the prose
that is not the table's) and N6 (years, dates, placeholders) errors, N7 (more than half
the sentences are last year's) and N1 (a sub-heading numbered like a section, 一、 under
一、总体情况) make the model drafter re-ask once; whatever remains travels with the draft.
"""

from __future__ import annotations

from drafter.model import Finding, Project
from drafter.rules import check_report

REASK_ERRORS = frozenset({"C1", "N6"})
"""Rule ids whose errors are worth one re-ask: the model can fix a figure or a year."""
REASK_WARNINGS = frozenset({"N1", "N7"})
"""Rule ids worth one re-ask even as warnings: the model can write anew rather than copy
last year's sentences, and number its sub-headings （一） rather than 一、."""


def check_draft(project: Project, key: str, text: str) -> list[Finding]:
    """The checker's findings in section ``key`` if ``text`` were its text."""
    trial = project.model_copy(deep=True)
    trial.set_text(key, text)
    return [f for f in check_report(trial, trial.last_year) if f.location.section == key]


def reask_findings(findings: list[Finding]) -> list[Finding]:
    """The findings a re-ask should fix: C1/N6 errors, N1/N7 findings."""
    return [
        f
        for f in findings
        if (f.rule in REASK_ERRORS and f.severity == "error") or f.rule in REASK_WARNINGS
    ]
