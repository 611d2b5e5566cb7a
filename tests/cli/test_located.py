"""Every finding on a published file says where (line and quoted text) and speaks plain
Chinese: no cell keys, no ``null``, no option names in the message a clerk reads (the
keys stay in ``location`` for ``--format json``/``csv``)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from drafter.checking import check_file
from drafter.importers import import_file
from tests.factories import CORPUS, FIXTURES

FILES = sorted(
    p
    for folder in (CORPUS / "reports", CORPUS / "full", CORPUS / "seed", FIXTURES / "layouts")
    for p in folder.iterdir()
    if p.suffix in (".txt", ".html", ".pdf", ".docx", ".md") and p.name != "README.md"
)
_INTERNAL = re.compile(r"null|None|--[a-z]|\b(?:requests|appeals|active)\.[a-z_]+")


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_finding_is_located_and_plain(path):
    result = check_file(path)
    assert result.unusable is None
    lines = import_file(path).source.lines  # the file's text, as line numbers count it
    for f in result.findings:
        assert f.location.line is not None and f.excerpt, (f.rule, f.message)
        assert _plain(f.excerpt)[:6] in _plain(lines[f.location.line - 1]), (f.rule, f.excerpt)
        assert not _INTERNAL.search(f.message), (f.rule, f.message)
