"""All checks of a report. Importing this package registers every rule.

``check_report(report, last_year)`` is what the CLI, the TUI, the drafter and the export
gate call; they all see the same findings.
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter.model import Finding, Report
from drafter.rules import (  # noqa: F401  (registers the rules)
    claims_rules,
    cross_year,
    identity_rules,
    outline_rules,
    table_rules,
    wording_rules,
)
from drafter.rules.registry import REGISTRY, CheckContext, Rule, rule, run_rules
from drafter.source import SourceText

__all__ = ["REGISTRY", "CheckContext", "Rule", "check_report", "rule", "run_rules"]


def check_report(
    report: Report,
    last_year: Report | None = None,
    *,
    source: SourceText | None = None,
    only: Iterable[str] | None = None,
    options: dict[str, object] | None = None,
) -> list[Finding]:
    """Every finding for ``report``; cross-year rules run when ``last_year`` is given.

    ``source`` is the checked file when the report was imported (findings then carry its
    line numbers); ``options`` pass what a caller knows beyond the report (e.g. the agency
    and year inferred for a file that lacks them, ``identity_rules.INFERRED``).
    """
    ctx = CheckContext(report=report, last_year=last_year, source=source, options=options or {})
    findings = run_rules(ctx, only)
    if source is not None and source.cell_lines:
        for finding in findings:  # a table finding points at the row it was read from
            cell = finding.location.cell
            if finding.location.line is None and cell in source.cell_lines:
                finding.location.line = source.cell_lines[cell]
    return findings
