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

__all__ = ["EXCERPT", "REGISTRY", "CheckContext", "Rule", "check_report", "rule", "run_rules"]


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
    if source is not None:
        for finding in findings:
            cell = finding.location.cell  # a table finding points at the row it was read from
            if finding.location.line is None and cell in source.cell_lines:
                finding.location.line = source.cell_lines[cell]
            if finding.location.line is not None and not finding.excerpt:
                finding.excerpt = source.line_text(finding.location.line)[:EXCERPT] or None
    return findings


EXCERPT = 100
"""Characters of a line quoted as a finding's excerpt when the rule quotes none."""
