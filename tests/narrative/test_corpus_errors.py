"""The errors ``drafter check`` reports on the corpus are exactly the audited true ones.

Each file is checked alone, as a user runs ``drafter check FILE`` on a report nobody has
told drafter anything about. The audit (``corpus_audit.py``) says for every error
whether it is right and why; a new error, a moved line or a lost one fails here and is
judged by hand before the audit is updated.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

from drafter import forms
from drafter.checking import check_file
from drafter.model import Finding
from tests.factories import FIXTURES
from tests.narrative.corpus_audit import AUDITED, MISSING_HEADINGS

Key = tuple[str, str, int | None]


def corpus_files() -> list[Path]:
    corpus = FIXTURES / "corpus"
    files = sorted((corpus / "reports").glob("*.txt"))
    files += sorted(p for p in (corpus / "full").iterdir() if p.suffix in (".txt", ".pdf", ".html"))
    files += sorted((corpus / "seed").glob("*.txt"))
    return files + sorted((FIXTURES / "example").glob("*.json"))


def is_missing_heading(finding: Finding) -> bool:
    return finding.rule == "N1" and finding.message.startswith("缺少一级标题")


@cache
def corpus_errors() -> tuple[Counter[Key], dict[str, str]]:
    """(errors by file, rule and line; the numerals of the missing headings by file)."""
    found: Counter[Key] = Counter()
    missing: dict[str, str] = {}
    for path in corpus_files():
        result = check_file(path)
        assert result.unusable is None, (path, result.unusable)
        name = path.relative_to(FIXTURES).as_posix()
        for error in result.errors:
            if is_missing_heading(error):
                assert error.location.section is not None
                numeral = forms.SECTION_BY_KEY[error.location.section].numeral
                missing[path.name] = missing.get(path.name, "") + numeral
            else:
                found[(name, error.rule, error.location.line)] += 1
    return found, missing


def _expected(verdicts: tuple) -> Counter[Key]:
    return Counter({(v.file, v.rule, v.line): v.count for v in verdicts if v.count})


def test_every_error_is_an_audited_true_one_at_its_line():
    found, _ = corpus_errors()
    expected = _expected(tuple(v for v in AUDITED if v.true))
    assert found == expected


def test_the_false_errors_found_stay_fixed():
    found, _ = corpus_errors()
    for verdict in AUDITED:
        if not verdict.true:
            assert found[(verdict.file, verdict.rule, verdict.line)] == 0, verdict.why


def test_headings_missing_from_the_cut_off_pages():
    _, missing = corpus_errors()
    assert missing == MISSING_HEADINGS
