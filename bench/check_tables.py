"""How many projects per second the table rules check (target: >= 2,000 on one core).

Generates 5,000 random projects in memory, half of them with one broken cell, then
times ``check_report`` over all of them: the table rules (V, R, C3, C4) as the target
says, and every rule as ``drafter check`` runs them (the projects have no narrative
text, so the narrative rules mostly report it missing). The baseline measured in the
same run is pydantic validation of the same projects (what loading them costs).
"""

from __future__ import annotations

import random

from _common import TABLE_RULES, median_seconds

from drafter import forms
from drafter.model import Project
from drafter.rules import check_report
from tests.factories import random_report

N = 5_000


def make_projects(n: int) -> list[Project]:
    rng = random.Random(2026)
    projects = []
    cells = [c for c in forms.all_cells("2021") if c.table != "active"]
    for i in range(n):
        project = random_report(rng, "2021")
        if i % 2:
            cell = rng.choice(cells)
            project.tables.set(cell.path, rng.randint(0, 500))
        projects.append(project)
    return projects


def main() -> None:
    projects = make_projects(N)
    dumps = [p.model_dump(by_alias=True) for p in projects]
    tables = median_seconds(lambda: [check_report(p, only=TABLE_RULES) for p in projects], 3)
    every = median_seconds(lambda: [check_report(p) for p in projects], repeat=3)
    validate = median_seconds(lambda: [Project.model_validate(d) for d in dumps], repeat=3)
    broken = sum(1 for p in projects if any(f.blocking for f in check_report(p, only=TABLE_RULES)))
    print(f"projects checked:        {N} ({broken} with an error in the tables)")
    print(
        f"table rules:             {N / tables:,.0f} projects/s  ({tables * 1e6 / N:.0f} µs each)"
    )
    print(f"every rule:              {N / every:,.0f} projects/s  ({every * 1e6 / N:.0f} µs each)")
    print(f"baseline (validate JSON): {N / validate:,.0f} projects/s")
    print(f"table rules / validation: {tables / validate:.2f}x")
    print("target: >= 2,000 projects/s (table rules)")


if __name__ == "__main__":
    main()
