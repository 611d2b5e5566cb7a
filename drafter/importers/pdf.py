"""PDF reports: the text layer of the published file, one paragraph a line.

pypdfium2 (PDFium) extracts each page's text in reading order, a table row on one line
with spaces between cells. The page furniture is removed per page: page numbers
(``- 3 -``, ``第3页``) and running headers or footers repeated on most pages. Lines
that a full line of justified text broke mid-sentence are joined again, and the spaces
PDF justification leaves between Chinese characters are closed, so the sections read as
the clerk wrote them. A PDF without a text layer (a scan) is refused with advice.
"""

from __future__ import annotations

import re
from collections import Counter

from drafter.importers.decoding import ImportFailed
from drafter.importers.document import Document, numbered
from drafter.importers.normalise import close_cjk_gaps, condense, is_page_number

_NEWLINE = re.compile(r"\r\n|\n|\r")
_ENDS_SENTENCE = re.compile(r"[。！？；!?;]$")
_STARTS_ITEM = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|第[一二三四五六七八九十]+|[-•·●])"
)
_FIGURES = re.compile(r"(?:^|\s)[+-]?\d+(?:\.\d+)?(?=\s|$)")


def read_pdf(data: bytes) -> Document:
    """The text of a PDF's text layer, page furniture removed and paragraphs rejoined."""
    import pypdfium2 as pdfium  # imported here: only PDF imports pay for it

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise ImportFailed(
            "PDF 文件已损坏或设有打开密码：请取消密码或重新导出 PDF，也可以改为导入 Word 原文"
        ) from None
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append([line.rstrip() for line in _NEWLINE.split(textpage.get_text_range())])
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if sum(len(condense(line)) for page in pages for line in page) < 20:
        raise ImportFailed(
            f"这个 PDF（{len(pages)} 页）只有图片、没有文字层：请找到报告的 Word 或"
            "网页原文，或先用文字识别（OCR）软件转成文字版再导入"
        )
    lines = _reflow(_without_furniture(pages))
    doc = Document("pdf", "\n".join(lines), numbered(lines))
    return doc


def _without_furniture(pages: list[list[str]]) -> list[str]:
    """All pages' lines without page numbers and running headers/footers."""
    edges: Counter[str] = Counter()
    for page in pages:
        content = [line for line in page if line.strip()]
        for line in content[:2] + content[-2:]:
            key = condense(line)
            if key:
                edges[key] += 1
    repeated = {k for k, n in edges.items() if len(pages) >= 3 and n >= max(2, len(pages) // 2)}
    out: list[str] = []
    for page in pages:
        content = [line for line in page if line.strip()]
        for i, line in enumerate(content):
            at_edge = i < 2 or i >= len(content) - 2
            if at_edge and (is_page_number(line) or condense(line) in repeated):
                continue
            out.append(line)
    return out


def _reflow(lines: list[str]) -> list[str]:
    """Join lines that a full line of justified text broke, and close CJK gaps."""
    lines = [close_cjk_gaps(line.strip()) for line in lines]
    lengths = sorted(len(line) for line in lines if len(line) >= 10 and not _is_row(line))
    if not lengths:
        return lines
    full = lengths[len(lengths) // 2] - 3  # a line this long was broken by the margin
    out: list[str] = []
    joinable = False
    for line in lines:
        if out and joinable and not _STARTS_ITEM.match(line) and not _is_row(line):
            out[-1] += line
        else:
            out.append(line)
        last = out[-1]
        joinable = len(line) >= full and not _ENDS_SENTENCE.search(last) and not _is_row(last)
    return out


def _is_row(line: str) -> bool:
    """A table row: two or more separate figures."""
    return len(_FIGURES.findall(line)) >= 2
