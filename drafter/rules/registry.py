"""The rule registry: one place where every check is listed, by its rule id.

A rule is a function of a :class:`CheckContext` that yields findings. Registering it is
decorating it with :func:`rule`; :func:`run_rules` runs them all. Rule ids are those of
format-2021.md §3 (V, R, X, C, N) or project ids documented in the README.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from drafter.agency import AgencyKind, classify
from drafter.forms import CellDef
from drafter.model import CellValue, Finding, Report
from drafter.narrative.authorship import kind_of_designations
from drafter.source import SourceText


@dataclass
class CheckContext:
    """What a rule may look at: the report, last year's report, the checked source.

    Also what several rules read, worked out once per check (``cells``).
    """

    report: Report
    last_year: Report | None = None
    source: SourceText | None = None
    """The checked file as text when the report was imported from one (for line numbers)."""
    options: dict[str, object] = field(default_factory=dict)

    @cached_property
    def cells(self) -> list[tuple[CellDef, CellValue]]:
        """Every table cell of the report's format with its value, in reading order."""
        return list(self.report.tables.values(self.report.format))

    @cached_property
    def agency_kind(self) -> AgencyKind:
        """What kind of body wrote the report: from its name, or — when the name is not
        known — from how the text calls itself (我镇, 本办事处: a township)."""
        if self.report.agency:
            return classify(self.report.agency)
        text = "\n".join(s.text for s in self.report.sections)
        return kind_of_designations(text) or AgencyKind("unknown", "unknown")


RuleFn = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    """What the rule checks, in Chinese, for `drafter check --rules` and the help screen."""
    fn: RuleFn


REGISTRY: list[Rule] = []


def rule(rule_id: str, title: str) -> Callable[[RuleFn], RuleFn]:
    """Register a rule function under ``rule_id``."""

    def register(fn: RuleFn) -> RuleFn:
        REGISTRY.append(Rule(rule_id, title, fn))
        return fn

    return register


def run_rules(ctx: CheckContext, only: Iterable[str] | None = None) -> list[Finding]:
    """Run every registered rule (or those in ``only``) and return their findings."""
    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for r in REGISTRY:
        if wanted is None or r.id in wanted:
            findings.extend(r.fn(ctx))
    return findings
