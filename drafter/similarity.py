"""How much of a section's text is last year's, sentence for sentence (rule N7's measure).

Reports copied from last year with the year changed are a known error; the editor shows
the share of this year's sentences that stand unchanged in last year's text of the same
section. Pure and fast (called on every keystroke in the editor); the checker's N7 rule
can reuse :func:`overlap` or replace it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A sentence ends at 。！？； (or their ASCII forms) or at a line break.
_PIECES = re.compile(r"[^。！？；!?;\n]*[。！？；!?;]?")
_SPACES = re.compile(r"[\s\u3000]+")
_TERMINATED = ("。", "！", "？", "；", "!", "?", ";")

MAX_HEADING_CHARS = 20
"""An unterminated line this short is a heading such as （一）主动公开: headings repeat
every year by design and are not counted."""


def _normalise(sentence: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", sentence))


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, normalised (NFKC, no spaces), headings left out."""
    found: list[str] = []
    for piece in _PIECES.findall(text):
        sentence = _normalise(piece)
        if not sentence:
            continue
        terminated = sentence.endswith(tuple(_normalise(p) for p in _TERMINATED))
        if not terminated and len(sentence) <= MAX_HEADING_CHARS:
            continue
        found.append(sentence)
    return found


@dataclass(frozen=True)
class Overlap:
    """This year's sentences that also stand, unchanged, in last year's text."""

    carried: int
    total: int
    repeated: tuple[str, ...] = ()
    """The repeated sentences, normalised, in this year's order."""

    @property
    def ratio(self) -> float:
        return self.carried / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        """The ratio as a whole percentage, rounded half up."""
        return int(self.ratio * 100 + 0.5)


def overlap(this_year: str, last_year: str) -> Overlap:
    """The share of ``this_year``'s sentences found unchanged in ``last_year``."""
    mine = sentences(this_year)
    theirs = set(sentences(last_year))
    repeated = tuple(s for s in mine if s in theirs)
    return Overlap(len(repeated), len(mine), repeated)
