"""Putting a draft into the project without ever losing what the clerk wrote.

A complete draft becomes the section's text only while the section is empty or still
holds the previous draft exactly as it was applied; otherwise the clerk has edited it,
and the draft waits beside it as a suggestion (``project.drafts[key]``). An incomplete
or failed draft is never applied, and never replaces an earlier complete draft.
"""

from __future__ import annotations

from typing import Literal

from drafter.model import Draft, Project

Outcome = Literal["applied", "suggested", "stored", "kept"]
"""applied: written into the section; suggested: kept beside edited text; stored: an
incomplete/failed draft saved for reference; kept: an earlier complete draft was kept
and this one dropped."""


def section_untouched(project: Project, key: str) -> bool:
    """True when the section is empty or still holds the last applied draft unchanged."""
    text = project.text(key)
    if not text.strip():
        return True
    previous = project.drafts.get(key)
    return previous is not None and previous.applied and previous.text == text


def apply_draft(project: Project, key: str, draft: Draft) -> Outcome:
    """Record ``draft`` for section ``key`` of ``project`` (in place); say what was done."""
    previous = project.drafts.get(key)
    if draft.status != "complete":
        draft.applied = False
        if previous is not None and previous.status == "complete":
            return "kept"
        project.drafts[key] = draft
        return "stored"
    if section_untouched(project, key):
        project.set_text(key, draft.text)
        draft.applied = True
        project.drafts[key] = draft
        return "applied"
    draft.applied = False
    project.drafts[key] = draft
    return "suggested"
