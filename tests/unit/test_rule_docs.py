"""Every rule the checker runs is documented in the README's rules table."""

from __future__ import annotations

import re

from drafter.rules import REGISTRY
from tests.factories import ROOT


def test_every_registered_rule_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| ([A-Z]+\d*) \|", readme, re.M))
    assert {r.id for r in REGISTRY} <= documented
