"""How many projects per second the table rules check (target: >= 2,000 on one core).

Generates 5,000 random projects in memory, half of them with one broken cell, then
times ``check_report`` over all of them. The baseline measured in the same run is
pydantic validation of the same projects (what loading them costs), to give scale.
"""

from __future__ import annotations

import random

from _common import median_seconds

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
    check = median_seconds(lambda: [check_report(p) for p in projects], repeat=3)
    validate = median_seconds(lambda: [Project.model_validate(d) for d in dumps], repeat=3)
    errors = sum(1 for p in projects if any(f.severity == "error" for f in check_report(p)))
    print(f"projects checked:        {N} ({errors} with an error finding)")
    print(f"table rules:             {N / check:,.0f} projects/s  ({check * 1e6 / N:.0f} µs each)")
    print(f"baseline (validate JSON): {N / validate:,.0f} projects/s")
    print(f"rules / validation time: {check / validate:.2f}x")
    print("target: >= 2,000 projects/s")


if __name__ == "__main__":
    main()
