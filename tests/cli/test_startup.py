"""Each command imports what it needs when it runs, not to build the parser.

``drafter check`` of a folder of reports spent most of its time importing the exporters,
the drafting code and jinja2 it never used; ``drafter tui`` imported the checker before
drawing its first screen. ``bench/cli_startup.py`` measures the difference.
"""

from __future__ import annotations

import subprocess
import sys

from drafter import forms
from drafter.cli.draft import SECTION_CHOICES
from tests.factories import EXAMPLE

HEAVY = (
    "pydantic",
    "jinja2",
    "openai",
    "docx",
    "lxml",
    "textual",
    "drafter.model",
    "drafter.forms",
    "drafter.config",
    "drafter.rules",
    "drafter.narrative",
    "drafter.importers",
    "drafter.exporters",
    "drafter.drafting",
    "drafter.llm",
)
"""Nothing of the core or of the UI is needed to parse a command line."""


def loaded_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint(','.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(out.stdout.strip().splitlines()[-1].split(","))


def test_parsing_any_command_line_imports_nothing_heavy():
    modules = loaded_after(
        "from drafter.cli import build_parser\n"
        "p = build_parser()\n"
        "for argv in (['tui', 'x.json'], ['check', 'a.txt'], ['draft', 'x.json'], ['config'],"
        " ['export', 'x.json', '-o', 'x.docx'], ['import', 'a.txt'],"
        " ['new', '--agency', 'A', '--year', '2025', '-o', 'x.json']):\n"
        "    p.parse_args(argv)"
    )
    assert "drafter.cli" in modules
    assert set(HEAVY) & modules == set()


def test_check_imports_neither_exporters_nor_drafting():
    modules = loaded_after(
        f"from drafter.cli import main\nmain(['check', {str(EXAMPLE)!r}, '--format', 'json'])"
    )
    assert "drafter.rules" in modules  # the checker itself, of course
    unused = ("jinja2", "openai", "docx", "drafter.exporters", "drafter.drafting", "drafter.llm")
    assert set(unused) & modules == set()


def test_draft_section_choices_are_the_narrative_sections():
    assert SECTION_CHOICES == forms.NARRATIVE_KEYS
