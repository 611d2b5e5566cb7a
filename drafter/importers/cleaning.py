"""Last year's section text made fit to start this year's from: marks, furniture, headings.

The importer keeps each section's text line for line, but what a converter, a crawler or
an OCR pass left in it is not the report: Markdown and HTML marks (``**一是**``,
``<br>``, ``&nbsp;``), list bullets (``- ``, ``•``), page numbers and running headers
(``1/29 …年度报告``), half-width sub-heading numerals (``(一) 建立健全…``) and
sub-headings numbered like sections (``一、2021年工作开展情况`` under ``一、总体情况``).
Carried into a draft, every one of them ends up in the Word file as a literal character
or as a heading that repeats a section's numeral.

:func:`clean_lines` is called by the assembly step (:mod:`.assemble`) for every import
path — txt, md, html, docx, pdf — and :func:`clean_report` for a project file given as
last year's report (``newproject.read_last_year``). Lines keep their file line numbers
(a line dropped drops its number, a line split repeats it), so findings on a checked
file still point at the right line; the checker's heading rule (N1) judges the file as
written, not this cleaned text.

Sub-headings are levelled as GB/T 9704 prescribes inside a section: ``（一）``, then
``1.``, then ``（1）``. When a section's text uses the section numerals ``一、`` for its
own sub-headings, every level moves down one (``一、`` → ``（一）``, ``（一）`` → ``1.``,
``1.`` → ``（1）``), which keeps their hierarchy and frees ``一、`` for the section.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from drafter.headings import NUMERALS, TABLE_ROW_TITLES, comparable_heading
from drafter.importers.normalise import condense, is_page_number, is_running_header

if TYPE_CHECKING:
    from drafter.model import Report

Lines = list[tuple[str, int]]
"""Section text as (line, file line number) pairs."""

# --------------------------------------------------------------------------- marks

_HTML_TAGS = (
    "a|abbr|b|big|blockquote|br|center|code|del|div|em|font|h[1-6]|hr|i|ins|li|mark|ol|o:p|p|"
    "pre|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul"
)
_HTML_TAG = re.compile(rf"</?(?:{_HTML_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|/|#|mailto:)[^)\n]*\)")
_STRONG = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_CODE = re.compile(r"`([^`\n]+)`")
_STRAY = re.compile(r"\*\*|__|~~")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
_LEAD = re.compile(
    r"^(?:[ \t\u3000]"
    r"|#{1,6}(?=[ \t]|$)"  # ATX heading marks
    r"|>(?=[ \t])|>$"  # block quote
    r"|[-*+](?=[ \t])"  # Markdown list bullets
    r"|[•·●○◆◇■□▪▫►▶➢➤√✓✔※]"  # typographic bullets
    r")+"
)
_TRAILING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_RULE_LINE = re.compile(r"[ \t]*([-*_=~])(?:[ \t]*\1){2,}[ \t]*")
"""--- *** ___ ===: a Markdown rule or underline, no text."""


def strip_marks(line: str) -> str:
    """One line of prose without Markdown/HTML marks or list bullets, trimmed.

    ``- **1、主动公开政务信息情况。**一是…`` → ``1、主动公开政务信息情况。一是…``;
    ``### （一）主动公开`` → ``（一）主动公开``; ``&nbsp;<br/>`` → ``` ```. A single
    ``*`` that marks nothing (``*注：``) and ``#`` or ``-`` inside a sentence stay.
    """
    if _RULE_LINE.fullmatch(line):
        return ""
    if "<" in line:
        line = _HTML_TAG.sub("", line)
    if "&" in line:
        line = _HTML_ENTITY.sub(lambda m: html.unescape(m.group()), line)
        line = line.replace("\xa0", " ")
    if "](" in line:
        line = _LINK.sub(r"\1", _IMAGE.sub("", line))
    lead = _LEAD.match(line)
    if lead:
        line = line[lead.end() :]
        if "#" in lead.group():
            line = _TRAILING_HASHES.sub("", line)
    if "*" in line or "_" in line or "~" in line:
        line = _STRONG.sub(r"\2", line)
        line = _EMPHASIS.sub(r"\1", line)
        line = _STRAY.sub("", line)
    if "`" in line:
        line = _CODE.sub(r"\1", line)
    if "\\" in line:
        line = _ESCAPED.sub(r"\1", line)
    return line.strip(" \t\u3000")


# --------------------------------------------------------------------------- punctuation

_CJK = r"[\u3400-\u9fff]"
_HAS_CJK = re.compile(_CJK)
# Each pattern starts with the character it replaces, so the regex engine jumps from one
# occurrence to the next: a pattern opening with a look-behind is tried at every character.
_HALF_COMMA = re.compile(r",(?:(?<!\d,)|(?!\d))")
"""A comma not between two digits (1,234 keeps its own)."""
_HALF_COLON = re.compile(r":(?:(?<!\d:)(?!//)|(?!\d|//))")
"""A colon not between two digits (12:30) nor opening ``//`` (a web address)."""
_HALF_STOP = re.compile(rf"[;?!](?:(?<={_CJK}[;?!])|(?={_CJK}))")
"""; ? ! next to a Chinese character."""
_PARENTHESES = re.compile(rf"\(([^()\n]*?{_CJK}[^()\n]*?|[0-9{NUMERALS}]{{1,3}})\)")
_PUNCT_GAP = re.compile(r"[ \t](?:(?<=[，：；？！（）][ \t])[ \t]*|[ \t]*(?=[，：；？！）]))")
"""Spaces after Chinese punctuation or before it."""
_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！"})


def full_width_punctuation(line: str) -> str:
    """Chinese prose with Chinese punctuation: ``2022年, 我局(区)`` → ``2022年，我局（区）``.

    PDF text layers and OCR give half-width commas, colons and parentheses. Figures keep
    theirs (``1,234``, ``12:30``, ``1.5``), and so do web addresses.
    """
    if not _HAS_CJK.search(line) or "://" in line:
        return line
    # Most lines hold none of these: not calling the patterns at all is faster still.
    if "," in line:
        line = _HALF_COMMA.sub("，", line)
    if ":" in line:
        line = _HALF_COLON.sub("：", line)
    if ";" in line or "?" in line or "!" in line:
        line = _HALF_STOP.sub(lambda m: m.group().translate(_FULL), line)
    if "(" in line:
        line = _PARENTHESES.sub(r"（\1）", line)
    if " " in line or "\t" in line:
        line = _PUNCT_GAP.sub("", line)
    return line


# --------------------------------------------------------------------------- headings

_HAN = f"[{NUMERALS}]{{1,3}}"
_SUB_HEADING = re.compile(rf"^[（(]\s*({_HAN})\s*[)）]\s*")
"""（一） in any width and spacing: the second level."""
_ITEM = re.compile(r"^(\d{1,2})\s*(?:[.．]|、)(?!\d)\s*")
"""1. 1． 1、: the third level (not 1.5万元)."""
_SUB_ITEM = re.compile(r"^[（(]\s*(\d{1,2})\s*[)）]\s*")
"""（1）: the fourth level."""
_SECTION_NUMBERED = re.compile(rf"^({_HAN})\s*[、.．，,]\s*(?=\S)")
"""一、 (or 一. 一，): a section's own numbering."""
_TABLE_ROWS = tuple(comparable_heading(t)[:4] for t in TABLE_ROW_TITLES)
_NOT_A_HEADING_AFTER = re.compile(rf"[{NUMERALS}]|季度|月份")
"""一、二季度… and 一、二月… enumerate, they do not number."""


def normalise_numbering(line: str) -> str:
    """Sub-heading numerals in the standard form: （一） 1. （1）, 一、 for the first level."""
    m = _SUB_HEADING.match(line)
    if m:
        return f"（{m.group(1)}）{line[m.end() :]}"
    m = _SUB_ITEM.match(line)
    if m:
        return f"（{m.group(1)}）{line[m.end() :]}"
    m = _ITEM.match(line)
    if m:
        return f"{m.group(1)}.{line[m.end() :]}"
    m = _section_numeral(line)
    if m:
        return f"{m.group(1)}、{line[m.end() :]}"
    return line


def _section_numeral(line: str) -> re.Match[str] | None:
    m = _SECTION_NUMBERED.match(line)
    if m is None or _NOT_A_HEADING_AFTER.match(line, m.end()):
        return None
    if comparable_heading(line).startswith(_TABLE_ROWS):
        return None  # 一、本年新收政府信息公开申请数量: a row of table 三
    return m


def demote(line: str) -> str:
    """A normalised line one heading level down: 一、→（一）→ 1. →（1）."""
    m = _SUB_HEADING.match(line)
    if m:
        return f"{_han_value(m.group(1))}.{line[m.end() :]}"
    m = _ITEM.match(line)
    if m:
        return f"（{m.group(1)}）{line[m.end() :]}"
    m = _section_numeral(line)
    if m:
        return f"（{m.group(1)}）{line[m.end() :]}"
    return line


def _han_value(numeral: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20 (sub-heading numbers stay below 100)."""
    digits = {ch: i for i, ch in enumerate(NUMERALS[:9], start=1)}
    if "十" not in numeral:
        return digits.get(numeral, 0)
    tens, _, units = numeral.partition("十")
    return digits.get(tens, 1) * 10 + digits.get(units, 0)


def uses_section_numerals(lines: Sequence[str]) -> bool:
    """Whether a section's text numbers its own sub-headings 一、 二、 like sections."""
    return any(_section_numeral(line) is not None for line in lines)


# --------------------------------------------------------------------------- lines

_GLUED_SUB_HEADING = re.compile(rf"(?<=[。！？；;])\s*(?=[（(]{_HAN}[)）])")
"""（二） run on after a sentence: crawler output joins paragraphs into one line."""
_GLUED_TITLE = re.compile(
    rf"^（{_HAN}）[^，。；：、,.;:\s]{{2,14}}(?:方面|情况)(?=[\u4e00-\u9fff“《][^。]{{8,}}[，。；])"
)
"""（一）主动公开方面平潭综合实验区…，: a sub-heading run into its first sentence."""


def clean_lines(
    lines: Sequence[tuple[str, int]], title: str = "", *, furniture: bool = True
) -> Lines:
    """A section's (line, file line) pairs cleaned (see the module docstring).

    ``title`` is the report's title, to recognise running headers that repeat it;
    ``furniture=False`` keeps lines that look like page headers (the preamble may
    start with the title itself).
    """
    title = condense(title)
    out: Lines = []
    for raw, lineno in lines:
        for piece in _GLUED_SUB_HEADING.split(raw) if "（" in raw or "(" in raw else [raw]:
            if furniture and (is_page_number(piece) or is_running_header(piece, title)):
                continue
            text = strip_marks(piece)
            if piece.strip() and not text:
                continue  # a line of marks only (---, ***, <br>)
            text = normalise_numbering(full_width_punctuation(text))
            glued = _GLUED_TITLE.match(text)
            if glued:
                out.append((glued.group(), lineno))
                text = text[glued.end() :]
            out.append((text, lineno))
    if uses_section_numerals([t for t, _ in out]):
        out = [(demote(t), n) for t, n in out]
    return _squeeze(out)


def _squeeze(lines: Lines) -> Lines:
    """No blank line at either end, never two in a row."""
    out: Lines = []
    for text, lineno in lines:
        if not text and (not out or not out[-1][0]):
            continue
        out.append((text, lineno))
    while out and not out[-1][0]:
        out.pop()
    return out


def clean_text(text: str, title: str = "") -> str:
    """A section's text cleaned, as :func:`clean_lines` cleans it line by line."""
    lines = [(line, i) for i, line in enumerate(text.splitlines(), start=1)]
    return "\n".join(t for t, _ in clean_lines(lines, title))


def clean_report(report: Report) -> None:
    """Every section text of ``report`` cleaned in place (last year's project file)."""
    from drafter import forms

    for section in report.sections:
        lines = [(line, i) for i, line in enumerate(section.text.splitlines(), start=1)]
        furniture = section.key != forms.PREAMBLE_KEY
        cleaned = clean_lines(lines, report.title, furniture=furniture)
        section.text = "\n".join(t for t, _ in cleaned)
