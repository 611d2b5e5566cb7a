"""Files as they arrive: encodings detected from the bytes, non-reports refused in Chinese."""

from __future__ import annotations

import io
import zipfile

import pytest

from drafter.importers import ImportFailed, import_bytes, import_file
from tests.factories import CORPUS

SEED = CORPUS / "seed" / "000_20272e85d49a1cc6.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference():
    return import_file(SEED).project


@pytest.mark.parametrize(
    ("encoding", "prefix", "reported"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8 (BOM)"),
        ("gbk", b"", "gb18030"),
        ("gb18030", b"", "gb18030"),
        ("utf-16-le", b"\xff\xfe", "utf-16 (BOM)"),
        ("utf-16-be", b"\xfe\xff", "utf-16 (BOM)"),
    ],
)
def test_encodings_detected_from_bytes_not_name(tmp_path, reference, encoding, prefix, reported):
    # A GBK file called .md, a UTF-16 file called .txt: the bytes decide.
    text = SEED_TEXT.replace("\u2022", "-")  # GBK lacks a few symbols; the seed has none
    path = tmp_path / "去年的报告.md"
    path.write_bytes(prefix + text.encode(encoding))
    project = import_file(path).project
    assert project.imported is not None and project.imported.encoding == reported
    assert project.tables == reference.tables
    assert [s.text for s in project.sections] == [s.text for s in reference.sections]


def test_gb18030_only_characters_survive(tmp_path):
    text = SEED_TEXT.replace("川汇区信访局", "㐀汇区信访局", 1)  # 㐀 is outside GBK
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("gb18030"))
    assert import_file(path).project.agency == "㐀汇区信访局"


def _zip(names: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in names.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _blank_pdf() -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("empty.txt", b"", "空的"),
        ("blank.txt", b" \n\r\n\t ", "空的"),
        ("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "二进制"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "图片"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, ".docx"),
        ("sheet.xlsx", _zip({"xl/workbook.xml": b"<workbook/>"}), "Excel"),
        ("broken.docx", _zip({"word/document.xml": b"<w:document"}), "损坏"),
        ("bundle.zip", _zip({"a.txt": b"x"}), "压缩包"),
        ("broken.pdf", b"%PDF-1.7\n%garbage without objects\n", "PDF"),
        ("scan.pdf", _blank_pdf(), "OCR"),
        (
            "notice.txt",
            "关于召开安全生产工作会议的通知\n各科室：定于明天上午开会。".encode(),
            "不像",
        ),
        ("latin1.txt", bytes(range(0x80, 0x100)) * 4, "编码"),
    ],
)
def test_not_a_report_says_what_and_what_to_do(name, data, says):
    with pytest.raises(ImportFailed) as caught:
        import_bytes(data, name)
    message = str(caught.value)
    assert says in message
    assert "\n" not in message and "：" in message  # one line: what was found, what to do


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImportFailed, match="找不到文件"):
        import_file(tmp_path / "nope.docx")
    with pytest.raises(ImportFailed, match="文件夹"):
        import_file(tmp_path)
