"""The report as a Word file in official-document layout (GB/T 9704-2012, format-2021.md §6).

Page: A4, margins 3.7 / 3.5 / 2.8 / 2.6 cm (top, bottom, left, right), 22 lines of
28 三号 characters at a fixed 28.95 pt. Title 方正小标宋简体 二号, centred; body 仿宋_GB2312 三号,
first line indented two characters; 一、 headings 黑体, （一） headings 楷体_GB2312; digits
and Latin letters in Times New Roman; page numbers ``— N —`` in 四号 宋体 below the text,
odd pages right and even pages left, each one character in from the edge.

Chinese fonts need care in Word (TECH.md §4): ``run.font.name`` writes only the Latin
slots, and theme fonts override named ones, so every style and run gets ``w:eastAsia``
plus ``w:hint="eastAsia"`` (full-width quotes “” otherwise render as Latin glyphs) and
theme attributes are dropped.

Everything is expressed as named paragraph styles (报告标题, 报告正文, 一级标题, 二级标题,
表格文字, 页码). With ``--template UNIT.docx`` the clerk's file supplies page setup,
headers, footers and the letterhead in its body, and any of these styles it defines wins:
runs then carry only the eastAsia hint so the clerk's style decides the fonts.

The three tables are written straight as WordprocessingML from ``forms.table_form``:
``gridSpan`` for column spans, ``vMerge`` restart/continue for row spans, widths on every
``gridCol`` (LibreOffice reads these) and every ``tcW`` (Word reads these), header rows
repeating (``tblHeader``), no row split across pages (``cantSplit``).

python-docx is imported inside the functions, so ``import drafter`` stays fast (TECH.md §1).
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from drafter import forms
from drafter.exporters.document import (
    EXPORT_RULE,
    ExportDocument,
    Heading,
    Paragraph,
    TableBlock,
)
from drafter.exporters.errors import ExportError
from drafter.model import Finding
from drafter.oserrors import explain

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LATIN_FONT = "Times New Roman"
BODY_LINE_PT = 28.95
"""Fixed line spacing of the body: 22 lines fill the 225 mm 版心."""

# Page geometry in centimetres (GB/T 9704 §5.2: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm).
A4 = (21.0, 29.7)
MARGINS = {"top": 3.7, "bottom": 3.5, "left": 2.8, "right": 2.6}
CHARS_PER_LINE = 28
"""GB/T 9704: 22 lines of 28 characters of 三号 per page."""
FOOTER_DISTANCE = 2.3
"""Page number line ends 7 mm below the 版心 (3.5 cm − 0.7 cm − one 四号 line)."""


@dataclass(frozen=True)
class StyleSpec:
    """A paragraph style as drafter defines it when the template does not."""

    style_id: str
    name: str
    east_asian: str
    size_pt: float
    latin: str = LATIN_FONT
    line_pt: float | None = BODY_LINE_PT
    """Exact line spacing; None for single spacing."""
    indent_chars: int = 2
    align: str = "both"
    outline: int | None = None
    """Outline level, so Word's navigation pane lists the headings."""
    keep_next: bool = False
    after_pt: float = 0
    fit_line: bool = False
    """Tighten letter spacing so that CHARS_PER_LINE characters fill one line."""


TITLE = StyleSpec(
    "DrafterTitle",
    "报告标题",
    "方正小标宋简体",
    22,  # 二号
    line_pt=35,
    indent_chars=0,
    align="center",
    after_pt=BODY_LINE_PT,  # 标题下空一行
)
BODY = StyleSpec("DrafterBody", "报告正文", "仿宋_GB2312", 16, fit_line=True)  # 三号
HEADING1 = StyleSpec(
    "DrafterHeading1", "一级标题", "黑体", 16, outline=0, keep_next=True, fit_line=True
)
HEADING2 = StyleSpec(
    "DrafterHeading2", "二级标题", "楷体_GB2312", 16, outline=1, keep_next=True, fit_line=True
)
TABLE_TEXT = StyleSpec(
    "DrafterTableText",
    "表格文字",
    "仿宋_GB2312",
    10.5,  # 五号
    line_pt=None,
    indent_chars=0,
    align="center",
)
PAGE_NUMBER = StyleSpec(
    "DrafterPageNumber",
    "页码",
    "宋体",
    14,  # 四号 半角宋体
    latin="宋体",
    line_pt=None,
    indent_chars=0,
)
STYLES = (TITLE, BODY, HEADING1, HEADING2, TABLE_TEXT, PAGE_NUMBER)

# Share of the text width taken by each row-label column; data columns share the rest.
_LABEL_SHARES: dict[str, tuple[float, ...]] = {
    "active": (0.28,),
    "requests": (0.08, 0.12, 0.27),
}
_KEEP_BODY_ROWS = 3
"""Body rows kept on the page where a table starts (with its header rows), and at its end."""
_KEEP_GROUP_ROWS = 10
"""A label spanning at most this many rows keeps them on one page."""
_TEMPLATE_BODY_LIMIT = 8
"""More paragraphs than this in a template's body is more than a letterhead."""


@dataclass(frozen=True)
class _Style:
    """A style as used in this document: drafter's own, or the template's."""

    spec: StyleSpec
    style_id: str
    own: bool
    east_asian: str


# --------------------------------------------------------------------------- entry points


def open_template(path: Path) -> Any:
    """The clerk's Word file as a python-docx Document; ExportError when unusable."""
    import docx

    if not path.is_file():
        raise ExportError(f"找不到模板文件 {path}：请检查路径")
    try:
        return docx.Document(str(path))
    except OSError as exc:
        raise ExportError(f"无法读取模板 {path}：{explain(exc)}") from None
    except Exception:  # python-docx raises many kinds for a bad package
        raise ExportError(
            f"模板 {path} 不是有效的 Word 文档（.docx）：请在 Word 或 WPS 中打开它，"
            "另存为 .docx 格式后重试"
        ) from None


def render_docx(doc: ExportDocument, template: Path | None = None) -> tuple[bytes, list[Finding]]:
    """The Word file's bytes, and notes on the template (e.g. a body that is not a letterhead)."""
    import docx

    findings: list[Finding] = []
    if template is None:
        word = docx.Document()
        _page_setup(word)
        _document_defaults(word)
    else:
        word = open_template(template)
        findings += _template_notes(word, template)
    width = _text_width(word)
    existing = _paragraph_styles(word)
    styles = {spec.name: _ensure_style(word, spec, width, existing) for spec in STYLES}
    _append_body(word, "".join(_blocks_xml(doc, styles, width)))
    _page_numbers(word, styles[PAGE_NUMBER.name], own_layout=template is None)
    _properties(word, doc)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue(), findings


# --------------------------------------------------------------------------- page and styles


def _page_setup(word: Any) -> None:
    from docx.shared import Cm

    section = word.sections[0]
    section.page_width, section.page_height = Cm(A4[0]), Cm(A4[1])
    section.top_margin = Cm(MARGINS["top"])
    section.bottom_margin = Cm(MARGINS["bottom"])
    section.left_margin = Cm(MARGINS["left"])
    section.right_margin = Cm(MARGINS["right"])
    section.footer_distance = Cm(FOOTER_DISTANCE)
    section.header_distance = Cm(1.5)


def _document_defaults(word: Any) -> None:
    """Document defaults and Normal: the body fonts, no theme fonts, Chinese language."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    size = _half_points(BODY.size_pt)
    defaults = parse_xml(
        f'<w:docDefaults xmlns:w="{W_NS}"><w:rPrDefault><w:rPr>'
        f"{_rfonts(LATIN_FONT, BODY.east_asian)}"
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    styles.insert(0, defaults)
    from docx.enum.style import WD_STYLE_TYPE

    normal = word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    if normal is not None:
        element = normal.element
        old = element.find(qn("w:rPr"))
        if old is not None:
            element.remove(old)
        element.append(
            parse_xml(
                f'<w:rPr xmlns:w="{W_NS}">{_rfonts(LATIN_FONT, BODY.east_asian)}'
                f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
            )
        )


def _ensure_style(word: Any, spec: StyleSpec, width: int, existing: dict[str, Any]) -> _Style:
    """The template's style of this name if it has one, else drafter's GB/T definition."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    style = existing.get(spec.name)
    if style is not None:
        fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        east = fonts.get(qn("w:eastAsia")) if fonts is not None else None
        return _Style(spec, style.get(qn("w:styleId")), False, east or spec.east_asian)
    word.styles.element.append(parse_xml(_style_xml(spec, width)))
    return _Style(spec, spec.style_id, True, spec.east_asian)


def _paragraph_styles(word: Any) -> dict[str, Any]:
    """The document's paragraph styles by name (one XPath pass: there are ~160)."""
    found = word.styles.element.xpath("w:style[@w:type='paragraph']/w:name/@w:val/../..")
    return {style.xpath("string(w:name/@w:val)"): style for style in found}


def _style_xml(spec: StyleSpec, width: int) -> str:
    ppr = "<w:keepNext/>" if spec.keep_next else ""
    ppr += f'<w:spacing w:before="0" w:after="{_twips(spec.after_pt)}"'
    if spec.line_pt is None:
        ppr += ' w:line="240" w:lineRule="auto"/>'
    else:
        ppr += f' w:line="{_twips(spec.line_pt)}" w:lineRule="exact"/>'
    # Both forms of the indent: Word honours firstLineChars (two characters of whatever
    # size), LibreOffice and older readers the fixed firstLine fallback.
    chars = spec.indent_chars
    ppr += f'<w:ind w:firstLineChars="{chars * 100}" w:firstLine="{_twips(spec.size_pt * chars)}"/>'
    ppr += f'<w:jc w:val="{spec.align}"/>'
    if spec.outline is not None:
        ppr += f'<w:outlineLvl w:val="{spec.outline}"/>'
    rpr = _rfonts(spec.latin, spec.east_asian)
    if spec.fit_line and (spacing := _letter_spacing(spec.size_pt, width)):
        rpr += f'<w:spacing w:val="{spacing}"/>'
    size = _half_points(spec.size_pt)
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" '
        f'w:styleId="{spec.style_id}"><w:name w:val="{spec.name}"/><w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}"
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>'
    )


def _letter_spacing(size_pt: float, width: int) -> int:
    """Letter spacing (1/20 pt, ≤ 0) that fits CHARS_PER_LINE characters in ``width``.

    The 156 mm 版心 is a little narrower than 28 characters of 三号 (28 × 16 pt); Word's
    character grid would squeeze them, but LibreOffice then puts each character in two
    grid cells (14 a line). Condensing the spacing by a fraction of a point does the
    same in every reader.
    """
    pitch = width / 20 / CHARS_PER_LINE
    return min(0, math.floor((pitch - size_pt) * 20))


def _rfonts(latin: str, east_asian: str) -> str:
    """Named fonts in every slot, the eastAsia hint, and no theme attributes."""
    return (
        f"<w:rFonts w:ascii={quoteattr(latin)} w:hAnsi={quoteattr(latin)} "
        f'w:eastAsia={quoteattr(east_asian)} w:cs={quoteattr(latin)} w:hint="eastAsia"/>'
    )


def _template_notes(word: Any, template: Path) -> list[Finding]:
    """Warn when the template's body holds more than a letterhead: it is kept as is."""
    from docx.oxml.ns import qn

    body = word.element.body
    paragraphs = [p for p in body.iter(qn("w:p")) if _text(p).strip()]
    tables = body.findall(qn("w:tbl"))
    if len(paragraphs) <= _TEMPLATE_BODY_LIMIT and not tables:
        return []
    return [
        Finding(
            rule=EXPORT_RULE,
            severity="warning",
            message=(
                f"模板 {template.name} 的正文有 {len(paragraphs)} 段文字、{len(tables)} 张表格，"
                "已原样保留在报告标题之前；模板正文中应只保留红头等固定内容"
            ),
        )
    ]


def _text_width(word: Any) -> int:
    """Width between the margins of the last section, in twips (GB/T's 156 mm when the
    template leaves page size or margins unset)."""
    from docx.shared import Cm

    section = word.sections[-1]
    parts = (section.page_width, section.left_margin, section.right_margin)
    if any(part is None for part in parts):
        return int(Cm(A4[0] - MARGINS["left"] - MARGINS["right"]).twips)
    width, left, right = parts
    return int((width - left - right) / 635)


# --------------------------------------------------------------------------- body


def _blocks_xml(doc: ExportDocument, styles: dict[str, _Style], width: int) -> Iterator[str]:
    yield _paragraph_xml(styles[TITLE.name], doc.title)
    for block in doc.blocks:
        if isinstance(block, Heading):
            style = styles[HEADING1.name if block.level == 1 else HEADING2.name]
            yield _paragraph_xml(style, block.text)
        elif isinstance(block, Paragraph):
            body = styles[BODY.name]
            lead = (
                _run_xml(block.lead, body, styles[HEADING2.name].east_asian) if block.lead else ""
            )
            yield _paragraph_xml(body, block.text, lead=lead)
        else:
            yield _table_xml(block, styles[TABLE_TEXT.name], width)


def _paragraph_xml(
    style: _Style, text: str, *, lead: str = "", jc: str | None = None, keep_next: bool = False
) -> str:
    ppr = f'<w:pStyle w:val="{style.style_id}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if jc is not None:
        ppr += f'<w:jc w:val="{jc}"/>'
    runs = lead + (_run_xml(text, style) if text else "")
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def _run_xml(text: str, style: _Style, east_asian: str | None = None) -> str:
    """A run; it repeats its style's fonts (or only the hint, for a template's style)."""
    if style.own:
        fonts = _rfonts(style.spec.latin, east_asian or style.east_asian)
    elif east_asian:
        fonts = f'<w:rFonts w:eastAsia={quoteattr(east_asian)} w:hint="eastAsia"/>'
    else:
        fonts = '<w:rFonts w:hint="eastAsia"/>'
    pieces = [f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in text.split("\t")]
    return f"<w:r><w:rPr>{fonts}</w:rPr>{'<w:tab/>'.join(pieces)}</w:r>"


def _append_body(word: Any, xml: str) -> None:
    """Insert the generated blocks at the end of the body, before its section settings."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    body = word.element.body
    fragment = parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')
    section = body.find(qn("w:sectPr"))
    if section is not None:
        body.remove(section)  # it must stay last; one extend beats one move per block
    body.extend(fragment)
    if section is not None:
        body.append(section)


# --------------------------------------------------------------------------- tables


def column_widths(form: forms.TableForm, total: int) -> list[int]:
    """Grid column widths (twips) filling ``total``: label columns first, data even."""
    labels = [round(total * share) for share in _LABEL_SHARES.get(form.key, ())]
    n_data = form.n_cols - len(labels)
    rest = total - sum(labels)
    data = [rest // n_data] * n_data
    data[-1] += rest - sum(data)
    return labels + data


def kept_rows(form: forms.TableForm) -> set[int]:
    """Grid rows kept on the same page as the row below them (``keepNext``).

    The header and the first body rows stay together, and with the heading above (which
    keeps with the table), so no table starts with a lonely row at a page end; the last
    rows likewise. A sub-group such as （三）不予公开 never splits: its label cell would
    otherwise show on one page only. 三、本年度办理结果 spans most of the table and may.
    """
    kept = set(range(min(form.header_rows + _KEEP_BODY_ROWS, form.n_rows - 1)))
    kept |= set(range(max(0, form.n_rows - _KEEP_BODY_ROWS), form.n_rows - 1))
    for cell in form.grid:
        if 1 < cell.rowspan <= _KEEP_GROUP_ROWS:
            kept |= set(range(cell.row, cell.row + cell.rowspan - 1))
    return kept


def _table_xml(block: TableBlock, style: _Style, width: int) -> str:
    form = block.form
    widths = column_widths(form, width)
    starts = {(g.row, g.col): g for g in form.grid}
    below = {(r, g.col): g for g in form.grid for r in range(g.row + 1, g.row + g.rowspan)}
    kept = kept_rows(form)
    rows = []
    for r in range(form.n_rows):
        header = "<w:tblHeader/>" if r < form.header_rows else ""
        keep = r in kept
        cells = []
        c = 0
        while c < form.n_cols:
            start = starts.get((r, c))
            if start is not None:
                text = block.text_of(start)
                cells.append(_cell_xml(start, text, widths, style, first=True, keep=keep))
                c += start.colspan
            elif (r, c) in below:  # the continuation of a cell merged downwards
                merged = below[(r, c)]
                cells.append(_cell_xml(merged, "", widths, style, first=False, keep=keep))
                c += merged.colspan
            else:
                raise ValueError(f"表{form.numeral}的格子 ({r}, {c}) 没有定义")  # a forms bug
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>{''.join(cells)}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    borders = "".join(
        f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        # Word needs a paragraph between a table and what follows; it also gives the
        # table a line of air before the next heading.
        f'<w:p><w:pPr><w:pStyle w:val="{style.style_id}"/></w:pPr></w:p>'
    )


def _cell_xml(
    cell: forms.GridCell, text: str, widths: list[int], style: _Style, *, first: bool, keep: bool
) -> str:
    tcpr = f'<w:tcW w:w="{sum(widths[cell.col : cell.col + cell.colspan])}" w:type="dxa"/>'
    if cell.colspan > 1:
        tcpr += f'<w:gridSpan w:val="{cell.colspan}"/>'
    if cell.rowspan > 1:
        tcpr += '<w:vMerge w:val="restart"/>' if first else "<w:vMerge/>"
    tcpr += '<w:vAlign w:val="center"/>'
    # Row labels read left to right like text; a label spanning rows (三、本年度办理结果)
    # stays centred in its narrow column, as do headers and figures.
    jc = "left" if cell.role == "label" and cell.rowspan == 1 else None
    paragraph = _paragraph_xml(style, text, jc=jc, keep_next=keep)
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{paragraph}</w:tc>"


# --------------------------------------------------------------------------- page numbers


def _page_numbers(word: Any, style: _Style, *, own_layout: bool) -> None:
    """``— N —`` footers: odd pages right, even pages left (GB/T 9704 §7.5).

    With a template that already has footers they are left alone. A template without
    footers gets the number centred in its one footer, because turning on separate
    even-page footers would drop its headers (the letterhead) from even pages.
    """
    section = word.sections[-1]
    if own_layout:
        word.settings.odd_and_even_pages_header_footer = True
        _set_footer(section.footer, _page_number_xml(style, "right"))
        _set_footer(section.even_page_footer, _page_number_xml(style, "left"))
        return
    if any(_has_footer(s) for s in word.sections):
        return
    if word.settings.odd_and_even_pages_header_footer:
        _set_footer(section.footer, _page_number_xml(style, "right"))
        _set_footer(section.even_page_footer, _page_number_xml(style, "left"))
    else:
        _set_footer(section.footer, _page_number_xml(style, "center"))


def _has_footer(section: Any) -> bool:
    from docx.oxml.ns import qn

    for footer in (section.footer, section.even_page_footer, section.first_page_footer):
        if footer.is_linked_to_previous:
            continue
        element = footer._element
        has_field = any(
            element.find(f".//{qn(tag)}") is not None for tag in ("w:fldSimple", "w:instrText")
        )
        if has_field or _text(element).strip():
            return True
    return False


def _page_number_xml(style: _Style, side: str) -> str:
    one_char = _twips(PAGE_NUMBER.size_pt)  # 空一字
    indent = {"right": f'<w:ind w:right="{one_char}"/>', "left": f'<w:ind w:left="{one_char}"/>'}
    ppr = f'<w:pStyle w:val="{style.style_id}"/>{indent.get(side, "")}<w:jc w:val="{side}"/>'

    def field(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    return (
        f"<w:p><w:pPr>{ppr}</w:pPr>{_run_xml('— ', style)}{field('begin')}"
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f"{field('separate')}{_run_xml('1', style)}{field('end')}{_run_xml(' —', style)}</w:p>"
    )


def _set_footer(footer: Any, paragraph_xml: str) -> None:
    from docx.oxml import parse_xml

    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    element.append(parse_xml(f'<w:ftr xmlns:w="{W_NS}">{paragraph_xml}</w:ftr>')[0])


# --------------------------------------------------------------------------- metadata


def _properties(word: Any, doc: ExportDocument) -> None:
    props = word.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    props.title = doc.title
    props.author = doc.agency
    props.last_modified_by = doc.agency
    props.created = now
    props.modified = now
    props.revision = 1


def _text(element: Any) -> str:
    """The text of an element's w:t descendants (lxml's itertext would repeat it:
    python-docx gives paragraphs and runs a ``text`` property)."""
    from docx.oxml.ns import qn

    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _twips(points: float) -> int:
    return round(points * 20)


def _half_points(points: float) -> int:
    return round(points * 2)
