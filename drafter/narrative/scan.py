"""Searching a whole report for a pattern without trying it at every character.

Python's regex engine jumps quickly to where a match can begin only when the pattern
starts with a literal or a character class. Patterns that start with a look-behind
(``(?<![0-9])2025年``), an optional part (``(?:统计)?期限…``) or an alternation of
classes (the placeholders) are tried at every character of the text, which for the
rules' patterns costs about 0.1 µs a character: a third of a millisecond per pattern on
a short report, several on a long one. A :class:`Scanner` finds the next character a
match can begin with using a plain class (fast), and tries the pattern only there;
:func:`required_chars` tells which texts a pattern cannot match at all.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any


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


def required_chars(regex: str) -> frozenset[str]:
    """Characters every match of ``regex`` contains: a text lacking one cannot match.

    A cheap screen before trying a pattern: ``set(text) >= required_chars(regex)`` is
    one set comparison, while trying the pattern is a regex call (and patterns starting
    with a look-behind or an optional part are tried at every character). The answer is
    conservative: literals inside classes, optional or repeated-zero parts and look-arounds
    are not counted, and an alternation keeps only the characters all of its branches
    require. It reads CPython's own regex parser (``re._parser``, private but stable
    since 3.11); should that be missing or change shape, nothing is required, which makes
    the screen pass everything: slower, never wrong.
    """
    try:
        parser = importlib.import_module("re._parser")
        tree = parser.parse(regex)
        if tree.state.flags & re.IGNORECASE:
            return frozenset()  # a literal could match another case
        return frozenset(_required(tree, importlib.import_module("re._constants")))
    except Exception:  # the screen is an optimisation: without it every pattern is tried
        return frozenset()


def _required(items: Iterable[tuple[object, Any]], ops: Any) -> set[str]:
    found: set[str] = set()
    for op, arg in items:
        if op is ops.LITERAL:
            found.add(chr(arg))
        elif op is ops.SUBPATTERN:
            _group, add_flags, del_flags, body = arg
            if not (add_flags or del_flags):  # (?i:…) could match another case
                found |= _required(body, ops)
        elif op is ops.ATOMIC_GROUP:
            found |= _required(arg, ops)
        elif op is ops.BRANCH:
            branches = [_required(branch, ops) for branch in arg[1]]
            found |= set.intersection(*branches)
        elif op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT) and arg[0] >= 1:
            found |= _required(arg[2], ops)
    return found


class Lazy:
    """A regex compiled on first use.

    Patterns over wide classes of Chinese characters (``[\\u3400-\\u4dbf\\u4e00-\\u9fff]``)
    take about a millisecond each to compile; a module holding a dozen would cost every
    ``drafter`` command that imports it, used or not.
    """

    __slots__ = ("regex", "flags", "_compiled")

    def __init__(self, regex: str, flags: int = 0) -> None:
        self.regex = regex
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.regex, self.flags)
        return self._compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[str]:
        return self.compiled.findall(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count=count)
