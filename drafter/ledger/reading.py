"""A ledger file to sheets of rows: .xlsx/.xlsm/.xls/.ods through python-calamine, .csv/.tsv text.

The kind is read from the content, never from the name (an office's "xls" exported by a
web system is often an HTML page; a "csv" may be a real workbook). Merged cells are
filled with their top-left value, so a title merged across the sheet or a header merged
over two rows reads as text in every cell it covers. Row numbers are the clerk's: row
``i`` of a sheet is Excel's row ``i + 1`` (the line number in a CSV file).

Whatever cannot be read raises :class:`LedgerError`, one Chinese line saying what to do.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from drafter.store import read_input

Value = object
"""A cell as read: str, int, float, bool, date, datetime, time, timedelta; "" when empty."""


class LedgerError(Exception):
    """The ledger cannot be used; ``str(exc)`` is one Chinese line for the clerk."""


@dataclass
class Sheet:
    name: str
    rows: list[list[Value]]
    """``rows[i]`` is the sheet's row ``i + 1``; cells from column A."""


@dataclass
class Workbook:
    file: str
    kind: str
    """xlsx, xls, ods, csv or tsv."""
    sheets: list[Sheet] = field(default_factory=list)
    encoding: str | None = None


CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""OLE2 compound file: a legacy .xls, or an Office file encrypted with a password."""

ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
"""The stream name every password-protected Office Open XML file holds."""

SAVE_AS = "请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入"


def read_workbook(path: str | Path) -> Workbook:
    """Read a ledger file; raises LedgerError (missing file, empty, corrupt, locked …)."""
    path = Path(path)
    return parse_workbook(read_input(path, LedgerError), path.name)


def parse_workbook(data: bytes, name: str) -> Workbook:
    """A ledger from its bytes; ``name`` is used for messages and a CSV sheet's name."""
    if not data.strip():
        raise LedgerError(f"台账文件 {name} 是空的（没有任何内容）：请确认选对了文件")
    if data.startswith(b"PK\x03\x04"):
        return _workbook(data, name, _zip_kind(data, name))
    if data.startswith(CFB_MAGIC):
        if ENCRYPTED_PACKAGE in data:  # an .xlsx saved with a password is an OLE2 envelope
            raise _locked(name)
        return _workbook(data, name, "xls")
    _refuse_other_formats(data, name)
    return _text_workbook(data, name)


def _zip_kind(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        raise LedgerError(f"台账文件 {name} 已损坏，无法打开：{SAVE_AS}") from None
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return "ods"
    if "word/document.xml" in names:
        raise LedgerError(f"{name} 是 Word 文档，不是台账：请选择 Excel 台账或 CSV 文件")
    raise LedgerError(f"{name} 是压缩包，不是 Excel 台账：请先解压，再导入其中的台账文件")


def _refuse_other_formats(data: bytes, name: str) -> None:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf"):
        raise LedgerError(f"{name} 是 PDF 文件，不是台账：请选择 Excel 台账或 CSV 文件")
    if head.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta", b"<head")):
        raise LedgerError(f"{name} 是网页格式的表格（业务系统导出的「.xls」常是这样）：{SAVE_AS}")


def _locked(name: str) -> LedgerError:
    return LedgerError(
        f"台账文件 {name} 设置了打开密码：请在 Excel 或 WPS 中打开，取消密码后另存，再导入"
    )


def _workbook(data: bytes, name: str, kind: str) -> Workbook:
    import python_calamine as calamine  # the Rust reader, loaded only when a ledger is read

    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise _locked(name) from None
    except (calamine.CalamineError, OSError, ValueError):
        raise LedgerError(f"台账文件 {name} 已损坏或不是 Excel 表格，无法打开：{SAVE_AS}") from None
    sheets = []
    try:
        for sheet_name in book.sheet_names:
            sheet = book.get_sheet_by_name(sheet_name)
            rows: list[list[Value]] = [list(r) for r in sheet.to_python(skip_empty_area=False)]
            _fill_merged(rows, sheet.merged_cell_ranges or [])
            sheets.append(Sheet(sheet_name, rows))
    except (calamine.CalamineError, OSError, ValueError):
        raise LedgerError(f"台账文件 {name} 已损坏，无法读取其中的工作表：{SAVE_AS}") from None
    finally:
        book.close()
    return Workbook(name, kind, sheets)


def _fill_merged(
    rows: list[list[Value]], ranges: list[tuple[tuple[int, int], tuple[int, int]]]
) -> None:
    """Give every cell of a merged range the value of its top-left cell (in place)."""
    for (top, left), (bottom, right) in ranges:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= right:
                row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = value


def _text_workbook(data: bytes, name: str) -> Workbook:
    # The importers' encoding detection, imported only for a text ledger.
    from drafter.importers.decoding import ImportFailed, decode

    try:
        text, encoding = decode(data)
    except ImportFailed:
        raise LedgerError(
            f"{name} 既不是 Excel 表格，也不是 UTF-8 或 GBK 编码的 CSV 文本：{SAVE_AS}，"
            "或另存为 CSV（逗号分隔）"
        ) from None
    lines = text.splitlines()[:20]
    tabs = sum(line.count("\t") for line in lines)
    commas = sum(line.count(",") for line in lines)
    delimiter = "\t" if tabs >= commas else ","
    rows: list[list[Value]] = [
        [cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]
    stem = Path(name).stem or name
    return Workbook(name, "tsv" if delimiter == "\t" else "csv", [Sheet(stem, rows)], encoding)
