"""Bytes to text, and what kind of file the bytes are: detected, never guessed by name.

Clerks' files come as UTF-8 (with or without BOM), GBK/GB18030 from older Windows tools,
or UTF-16 with a BOM (Notepad's "Unicode"). The kind (PDF, DOCX, HTML, text) is read
from the content; the file name only separates Markdown from plain text, which parse
the same way anyway. Anything that is not a readable report raises
:class:`ImportFailed` with one Chinese line saying what was found and what to do.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from io import BytesIO


class ImportFailed(Exception):
    """The file cannot be imported; ``str(exc)`` is one Chinese line for the user."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "hz_gb_2312", "cp936", "euc_cn"}
_HTML_START = re.compile(rb"^\s*(<!doctype|<html|<head|<body|<meta|<div|<p[\s>]|<table|<!--)", re.I)

# Magic numbers of formats clerks might pick by mistake.
_NOT_TEXT = (
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"{\\rtf", "RTF 文档"),
)


def sniff_kind(data: bytes, suffix: str) -> str:
    """The file kind from its content: pdf, docx, html, md or txt. Raises ImportFailed."""
    if not data.strip():
        raise ImportFailed("文件是空的（没有任何内容）：请确认选对了去年的报告文件")
    if data.startswith(b"%PDF") or data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailed(
            "这是旧版 Office 文件（.doc/.xls/.wps）：请在 Word 或 WPS 中打开，另存为 .docx 后再导入"
        )
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            if "图片" in what:
                raise ImportFailed(
                    f"这是{what}，没有可读的文字：请找到报告的 Word、PDF 或网页原文，"
                    "或先用文字识别（OCR）软件转成文字再导入"
                )
            raise ImportFailed(f"这是{what}，不是报告：请先解压或转换，再导入其中的报告文件")
    head = data[:4096]
    if _HTML_START.match(_strip_bom(head)) or suffix in (".html", ".htm", ".xhtml"):
        return "html"
    return "md" if suffix in (".md", ".markdown") else "txt"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        raise ImportFailed(
            "文件像是 Word（.docx）或压缩包，但已损坏，无法打开：请重新下载或另存后再导入"
        ) from None
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        raise ImportFailed("这是 Excel 表格，不是报告：请导入报告的 Word、PDF、网页或文本文件")
    if any(n.startswith("ppt/") for n in names):
        raise ImportFailed("这是 PowerPoint 演示文稿，不是报告：请导入报告的 Word、PDF 或文本文件")
    raise ImportFailed("这是一个压缩包（.zip），不是报告：请先解压，再导入其中的报告文件")


def _strip_bom(data: bytes) -> bytes:
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :]
    return data


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)


def decode(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was in. Raises ImportFailed."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError:
                break
    utf16 = _bomless_utf16(data)
    if utf16:
        return utf16
    if _looks_binary(data):
        raise ImportFailed(
            "这是一个二进制文件，不是文字、网页、Word 或 PDF：请确认选对了去年的报告文件"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = _codec_name(declared.group(1).decode("ascii").lower())
            if name:
                try:
                    return data.decode(name), name
                except UnicodeDecodeError:
                    pass
    return _detect(data)


def _codec_name(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "gb18030" if name in _GB_FAMILY else name


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM: every other byte of ASCII-heavy text is NUL."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    encoding = "utf-16-le" if odd > 0.3 and even < 0.05 else None
    encoding = "utf-16-be" if even > 0.3 and odd < 0.05 else encoding
    if encoding is None:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))
"""Every byte but the control codes no text file holds (tab, newlines, form feed, ESC pass)."""


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))  # counted in C, not byte by byte
    return controls > len(sample) * 0.02


def _detect(data: bytes) -> tuple[str, str]:
    """Legacy Chinese encodings, detected by charset-normalizer (GB family read as GB18030)."""
    from charset_normalizer import from_bytes  # imported here: ~20 ms, only for non-UTF-8

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        name = _codec_name(best.encoding) or best.encoding
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            text = str(best)
        if _chinese_share(text) > 0.05 or name == "gb18030":
            return text, name
    try:  # charset-normalizer found no Chinese reading: GB18030 is the one left to try
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _chinese_share(text) > 0.05:
        return text, "gb18030"
    raise ImportFailed(
        "无法识别文件的文字编码（不是 UTF-8、GBK/GB18030 或 UTF-16）：请用记事本或 WPS "
        "打开后另存为 UTF-8 编码的文本，再导入"
    )


def _chinese_share(text: str) -> float:
    sample = text[:5000]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff") / len(sample)
