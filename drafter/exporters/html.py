"""The report as a standalone web page for the agency's website.

One self-contained HTML file: inline CSS, no scripts, no external resources, so it reads
the same when saved, mailed or opened offline. The three tables keep the official
merges as ``rowspan``/``colspan``; header cells are ``<th>`` with ``scope`` so screen
readers can name each figure. Every piece of text is escaped.
"""

from __future__ import annotations

from html import escape

from drafter import __version__, forms
from drafter.exporters.document import ExportDocument, Heading, Paragraph, TableBlock

_CSS = """
body { margin: 0; background: #f4f4f4; color: #111; }
main { max-width: 52em; margin: 0 auto; padding: 2em 3em 4em; background: #fff;
  font: 16px/1.9 FangSong, "仿宋_GB2312", "仿宋", STFangsong, "Noto Serif CJK SC", serif; }
h1 { font: 26px/1.5 "方正小标宋简体", FZXiaoBiaoSong-B05S, SimSun, "宋体", "Noto Serif CJK SC",
  serif; text-align: center; margin: 0.5em 0 1.2em; }
h2 { font: 18px/1.9 SimHei, "黑体", "Noto Sans CJK SC", sans-serif; margin: 1em 0 0;
  text-indent: 2em; }
h3, .subhead { font-family: KaiTi, "楷体_GB2312", "楷体", STKaiti, serif; }
h3 { font-size: 16px; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.table-wrap { overflow-x: auto; margin: 0.8em 0 1.2em; }
table { border-collapse: collapse; margin: 0 auto; font-size: 14px; line-height: 1.5; }
th, td { border: 1px solid #333; padding: 0.3em 0.5em; text-align: center; }
th { font-weight: normal; background: #fafafa; }
th[scope="row"] { text-align: left; }
td { font-family: "Times New Roman", serif; min-width: 2.5em; }
@media print {
  @page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
  body, main { background: none; padding: 0; max-width: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
"""


def render_html(doc: ExportDocument) -> str:
    """The whole page."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="drafter {escape(__version__)}">',
        f"<title>{escape(doc.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape(doc.title)}</h1>",
    ]
    open_section = False
    for block in doc.blocks:
        if isinstance(block, Heading) and block.level == 1:
            if open_section:
                parts.append("</section>")
            parts.append(f'<section id="{block.section}">')
            parts.append(f"<h2>{escape(block.text)}</h2>")
            open_section = True
        elif isinstance(block, Heading):
            parts.append(f"<h3>{escape(block.text)}</h3>")
        elif isinstance(block, Paragraph):
            lead = f'<span class="subhead">{escape(block.lead)}</span>' if block.lead else ""
            parts.append(f"<p>{lead}{escape(block.text)}</p>")
        else:
            parts.append(f'<div class="table-wrap">\n{render_table(block)}\n</div>')
    if open_section:
        parts.append("</section>")
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def render_table(block: TableBlock) -> str:
    """One official table as HTML, one ``<tr>`` per line and no blank line inside.

    The Markdown export embeds this same markup, so both formats carry identical tables
    (CommonMark ends an HTML block at a blank line, hence none inside).
    """
    form = block.form
    label = f"表{form.numeral} {forms.SECTION_BY_KEY[form.key].heading.split('、', 1)[1]}"
    # border="1" keeps the grid visible where a site's editor strips the stylesheet.
    lines = [f'<table id="table-{form.key}" border="1" aria-label="{escape(label)}">']
    starts: dict[int, list[forms.GridCell]] = {}
    for cell in form.grid:
        starts.setdefault(cell.row, []).append(cell)
    group = None
    for r in range(form.n_rows):
        row = sorted(starts.get(r, []), key=lambda c: c.col)
        wanted = "thead" if r < form.header_rows else "tbody"
        if group != wanted or (wanted == "tbody" and _starts_group(form, row, r)):
            if group is not None:
                lines.append(f"</{group}>")
            lines.append(f"<{wanted}>")
            group = wanted
        lines.append("<tr>" + "".join(_cell_html(block, c) for c in row) + "</tr>")
    if group is not None:
        lines.append(f"</{group}>")
    lines.append("</table>")
    return "\n".join(lines)


def _starts_group(form: forms.TableForm, row: list[forms.GridCell], r: int) -> bool:
    """Whether grid row ``r`` opens a new ``<tbody>``: a 第二十条 caption, or a label
    spanning several rows (三、本年度办理结果), or the first row after such a label, so
    that ``scope="rowgroup"`` names exactly the rows it heads."""
    if r == form.header_rows:
        return False
    first = row[0] if row and row[0].col == 0 else None
    if first is not None and (first.role == "caption" or first.rowspan > 1):
        return True
    return any(c.col == 0 and c.rowspan > 1 and c.row + c.rowspan == r for c in form.grid)


def _cell_html(block: TableBlock, cell: forms.GridCell) -> str:
    spans = ""
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    text = escape(block.text_of(cell))
    if cell.role == "data":
        return f"<td{spans}>{text}</td>"
    if cell.role == "label":
        scope = "rowgroup" if cell.rowspan > 1 else "row"
    else:  # caption, header
        scope = "colgroup" if cell.colspan > 1 else "col"
    return f'<th scope="{scope}"{spans}>{text}</th>'
