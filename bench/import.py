"""How long ``drafter import`` takes per format (targets: < 0.2 s for a typical report as
txt/html/docx/md, < 1 s for a 10-page PDF).

The typical report is the bundled example (云溪县 2025, about three pages) written as
each format by ``tests/writers.py``; the PDFs are the published corpus files and a
10-page PDF assembled from their pages. Each import is timed end to end (bytes to
project, sections, tables, findings). Two baselines are measured in the same run:
reading the same file's text alone (decode / lxml parse / PDFium text extraction), and
loading the imported report from its project JSON (what opening a saved project costs).
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from _common import median_seconds

from drafter.importers import import_file
from drafter.store import dump_project, parse_project
from tests import writers
from tests.factories import CORPUS, example

FULL = CORPUS / "full"


def read_only(path: Path) -> None:
    """The baseline: just the text of the file, no parsing of the report."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        for page in pdf:
            page.get_textpage().get_text_range()
        pdf.close()
    elif path.suffix == ".docx":
        from lxml import etree

        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            etree.fromstring(zf.read("word/document.xml"))
    elif path.suffix == ".html":
        import lxml.html

        lxml.html.document_fromstring(data.decode("utf-8"))
    else:
        data.decode("utf-8")


def ten_page_pdf(folder: Path) -> Path:
    """A 10-page text PDF: the 6 pages of 淮安 2024 and the first 4 of 洪泽 2023."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for name, pages in (("2024_huaian_szf_1.pdf", None), ("2023_hongze_qzf_1.pdf", [0, 1, 2, 3])):
        src = pdfium.PdfDocument(FULL / name)
        out.import_pages(src, pages)
        src.close()
    path = folder / "ten-pages.pdf"
    out.save(str(path))
    out.close()
    return path


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    report = example()
    cases = [
        (f"example .{k}", writers.write(report, k, folder)) for k in ("txt", "md", "html", "docx")
    ]
    cases += [
        ("seed .txt (PDF copy, 93 lines)", CORPUS / "seed" / "000_20272e85d49a1cc6.txt"),
        ("crawler .txt (glued cells)", FULL / "2024_pingtan_gwh_1.txt"),
        ("published .html (2019)", FULL / "2019_shanghai_szfbgt_1.html"),
        ("published .pdf (6 pages)", FULL / "2024_huaian_szf_1.pdf"),
        ("assembled .pdf (10 pages)", ten_page_pdf(folder)),
    ]
    import_file(cases[0][1])  # warm up: first-use imports (lxml, charset tables)
    print(f"{'file':32s} {'import':>9s} {'read text':>10s} {'load JSON':>10s} {'import/JSON':>11s}")
    for label, path in cases:
        whole = median_seconds(lambda p=path: import_file(p), repeat=7)
        base = median_seconds(lambda p=path: read_only(p), repeat=7)
        saved = dump_project(import_file(path).project)
        load = median_seconds(lambda s=saved: parse_project(s), repeat=7)
        print(
            f"{label:32s} {whole * 1000:6.1f} ms {base * 1000:7.1f} ms {load * 1000:7.1f} ms"
            f" {whole / load:10.1f}x"
        )
    print("targets: < 200 ms for txt/md/html/docx of a typical report, < 1000 ms for 10 PDF pages")


if __name__ == "__main__":
    main()
