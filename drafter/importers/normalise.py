"""Text normalisation shared by the importers: widths, spaces, markup, page furniture.

Published reports mix full-width and half-width punctuation and digits, put spaces or
line breaks inside labels (``社会公益 组织``), carry Markdown or bullet markup from
converters, and — when the text came from a PDF — page numbers and running headers in
the middle of tables (``1/29  川汇区信访问2021年…报告``). Matching works on *condensed*
text so that none of this matters; section texts keep what the file says.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from drafter.narrative.scan import Lazy


@lru_cache(maxsize=256)
def nfkc(text: str) -> str:
    """Full-width letters, digits and punctuation to their half-width forms.

    Remembered: the importer looks at each line several times (outline, title, tables),
    and NFKC costs about 0.1 µs a character.
    """
    return unicodedata.normalize("NFKC", text)


def is_cjk(ch: str) -> bool:
    """A Chinese character (the unified ideographs and extension A)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_NOT_WORD = Lazy(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")  # squash: markers only
_NOT_LETTER = re.compile(r"[^A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")


@lru_cache(maxsize=512)
def condense(text: str) -> str:
    """Only the Chinese characters and Latin letters: what a label is matched on.

    ``（三）不予 公开 4.保护第三方合法权益`` → ``三不予公开保护第三方合法权益``.
    Remembered: the outline, the table zones, the running-header test and the cleaning
    of each section condense the same lines again (about 3 times each).
    """
    return _NOT_LETTER.sub("", nfkc(text))


def squash(text: str) -> str:
    """Characters, letters and digits, without spaces or punctuation (for markers)."""
    return _NOT_WORD.sub("", nfkc(text))


_MARKUP = re.compile(r"^(?:\s|#{1,6}\s*|[-*+•·●◆■□▪>]\s+|\*\*|__)+")
_EMPHASIS = re.compile(r"\*\*|__")


def strip_markup(line: str) -> str:
    """A line without leading Markdown/bullet markers and bold marks, trimmed."""
    line = _MARKUP.sub("", line)
    if "**" in line or "__" in line:  # most lines have no bold marks: no need to scan them
        line = _EMPHASIS.sub("", line)
    return line.strip()


def similarity(a: str, b: str) -> float:
    """Ratio of matching characters, 0–1 (difflib), for short labels and titles."""
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@lru_cache(maxsize=256)
def char_counts(text: str) -> tuple[tuple[str, int], ...]:
    """Each character of ``text`` with how often it occurs (labels, headings, titles)."""
    return tuple(Counter(text).items())


def shared_chars(a: str, b: str) -> int:
    """How many characters two strings have in common, counted with repeats.

    An upper bound on the characters any alignment of the two can match (difflib's
    ``quick_ratio``), for ruling a comparison out without running the matcher. ``b``
    is the known side (a label or heading): its counts are remembered.
    """
    shared = 0
    for ch, k in char_counts(b):
        n = a.count(ch)
        shared += k if k < n else n
    return shared


def similar(a: str, b: str, at_least: float) -> bool:
    """``similarity(a, b) >= at_least``, deciding most pairs without the matcher.

    The ratio is 2·matches / (len a + len b); matches can exceed neither the shorter
    length nor the characters the two share, so when either bound already falls short
    the answer is no. Same answer as ``similarity``, a fraction of the cost: most calls
    compare a line with a label it is nothing like.
    """
    if not a or not b:
        return False
    total = len(a) + len(b)
    if 2.0 * min(len(a), len(b)) / total < at_least:
        return False
    if 2.0 * shared_chars(a, b) / total < at_least:
        return False
    return similarity(a, b) >= at_least


# --------------------------------------------------------------------------- page furniture

_PAGE_NUMBER = re.compile(
    r"^\s*(?:"
    r"[-—–－]\s*\d{1,4}\s*[-—–－]"  # - 3 -
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第3页 共10页
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3/10
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
    r")\s*$",
    re.IGNORECASE,
)
_PAGE_PREFIX = re.compile(r"^\s*\d{1,4}\s*/\s*\d{1,4}(?=\s)")


def is_page_number(line: str) -> bool:
    """``- 3 -``, ``第 3 页 共 10 页``, ``3/10``: a page number standing alone."""
    return bool(_PAGE_NUMBER.match(line))


def is_running_header(line: str, title: str) -> bool:
    """A page header or footer: ``1/29  川汇区信访问2021年…报告`` in the middle of the text.

    Recognised by a leading page count (``n/m``) or by repeating the report title
    (``title`` condensed), OCR noise allowed.
    """
    if _PAGE_PREFIX.match(line):
        return True
    if not title:
        return False
    text = condense(line)
    if len(text) < 8 or "报告" not in text:
        return False
    return similar(text, title, 0.8)


_WIDE = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]"
_CJK_GAP = Lazy(  # PDF text layers only
    rf"(?<={_WIDE})[ \t\u3000]+(?={_WIDE})"
    r"|(?<=\d)[ \t]+(?=[年月日号件条个项次元%％])"
    r"|(?<=[年月第约共至：，、。；])[ \t]+(?=\d)"
    r"|(?<=\d)[ \t]+(?=[：，、。；])"
)


def close_cjk_gaps(line: str) -> str:
    """Remove the spaces a PDF text layer puts between justified Chinese characters.

    ``号 ， 邮 编 ： 223100`` → ``号，邮编：223100``; ``2023 年`` → ``2023年``. Spaces
    between figures (table rows) are kept: they separate cells.
    """
    return _CJK_GAP.sub("", line)
