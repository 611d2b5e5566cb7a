"""Searching a whole report for a pattern without trying it at every character.

Python's regex engine jumps quickly to where a match can begin only when the pattern
starts with a literal or a character class. Patterns that start with a look-behind
(``(?<![0-9])2025年``), an optional part (``(?:统计)?期限…``) or an alternation of
classes (the placeholders) are tried at every character of the text, which for the
rules' patterns costs about 0.1 µs a character: a third of a millisecond per pattern on
a short report, several on a long one. A :class:`Scanner` finds the next character a
match can begin with using a plain class (fast), and tries the pattern only there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Scanner:
    """``pattern`` searched only at the characters ``starts`` lists.

    ``starts`` must hold every character a match of ``pattern`` can begin with (the
    tests check each scanner against the pattern itself); ``pattern`` must not match
    the empty string. :meth:`finditer` then gives exactly ``pattern.finditer``'s
    matches: look-behinds still see the text before each start.
    """

    __slots__ = ("pattern", "starts", "_first")

    def __init__(self, pattern: re.Pattern[str], starts: str) -> None:
        self.pattern = pattern
        self.starts = starts
        self._first = re.compile("[" + "".join(re.escape(ch) for ch in starts) + "]")

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Every match in ``text[pos:endpos]``, left to right, not overlapping."""
        end = len(text) if endpos is None else endpos
        first, match = self._first.search, self.pattern.match
        while (candidate := first(text, pos, end)) is not None:
            at = candidate.start()
            m = match(text, at, end)
            if m is None:
                pos = at + 1
            else:
                yield m
                pos = max(m.end(), at + 1)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match, as ``pattern.search`` finds it."""
        return next(self.finditer(text, pos, endpos), None)
