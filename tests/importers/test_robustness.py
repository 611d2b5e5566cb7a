"""Any input gives a project or ImportFailed — never another exception (no traceback)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import forms
from drafter.importers import ImportFailed, import_bytes, import_text
from tests.factories import CORPUS

SEED_LINES = (CORPUS / "seed" / "000_20272e85d49a1cc6.txt").read_text(encoding="utf-8").split("\n")
PIECES = [
    *(s.heading for s in forms.SECTIONS),
    *(r.label for r in forms.request_rows("2021")),
    *(label for b in forms.active_blocks("2019") for _, label in b.items),
    "第二十条第（一）项",
    "申请人情况",
    "行政复议",
    "结果维持",
    "总计",
    "—",
    "|",
    "\t",
    " ",
    "\n",
    "0",
    "12",
    "-3",
    "21710000218",
    "5.",
    "1/29",
    "<table><tr><td rowspan='2'>",
    "</td></tr></table>",
    "| --- |",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES + SEED_LINES), max_size=80),
    st.sampled_from(["a.txt", "a.md", "a.html"]),
)
def test_mixed_report_fragments_never_crash(parts, name):
    try:
        project = import_text("".join(parts), name).project
    except ImportFailed:
        return
    assert project.imported is not None
    assert project.imported.recovered_cells == sum(
        1 for _, v in project.tables.values(project.format) if v is not None
    )


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.pdf", "a.docx", "a.html"]))
def test_random_bytes_never_crash(data, name):
    try:
        import_bytes(data, name)
    except ImportFailed as exc:
        assert str(exc) and "\n" not in str(exc)
