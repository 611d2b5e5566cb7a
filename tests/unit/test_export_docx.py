"""Word export read back with python-docx: layout, fonts, headings and the three tables."""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from drafter import forms
from drafter.exporters import ExportError, export_report
from drafter.exporters.docx import BODY, HEADING1, HEADING2, LATIN_FONT, TITLE
from drafter.model import Project
from tests.factories import example, random_report
from tests.readback import docx_cells, expected_cells, run_fonts

THEME_ATTRS = {"asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"}


def export(project: Project, tmp_path: Path, **kwargs) -> docx.document.Document:
    path = tmp_path / "report.docx"
    export_report(project, path, **kwargs)
    return docx.Document(str(path))


def styled(document, style_name: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style_name]


def report_2019() -> Project:
    report = random_report(random.Random(7), "2019", year=2020)
    report.set_text("overview", "（一）主动公开\n2020年主动公开信息86条。")
    return report


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The bundled example exported once (the tests below only read it)."""
    path = tmp_path_factory.mktemp("docx") / "yunxi.docx"
    export_report(example(), path)
    return docx.Document(str(path))


def near(length: int, cm: float) -> bool:
    """Equal to ``cm`` within Word's twip rounding."""
    return abs(length - Cm(cm)) < Cm(0.01)


def test_page_is_a4_with_gbt_9704_margins(exported):
    section = exported.sections[0]
    assert near(section.page_width, 21) and near(section.page_height, 29.7)
    assert near(section.top_margin, 3.7) and near(section.bottom_margin, 3.5)
    assert near(section.left_margin, 2.8) and near(section.right_margin, 2.6)


def test_title_then_six_official_headings_in_order(exported, project):
    first = exported.paragraphs[0]
    assert first.text == project.title and first.style.name == TITLE.name
    assert styled(exported, HEADING1.name) == [s.heading for s in forms.SECTIONS]
    assert styled(exported, HEADING2.name) == [
        line
        for key in forms.NARRATIVE_KEYS
        for line in project.text(key).splitlines()
        if line.startswith("（") and len(line) < 20
    ]


def test_narrative_keeps_every_paragraph_in_order(exported, project):
    body = styled(exported, BODY.name)
    expected = [
        line
        for key in (forms.PREAMBLE_KEY, *forms.NARRATIVE_KEYS)
        for line in project.text(key).splitlines()
        if line.strip() and not (line.startswith("（") and len(line) < 20)
    ]
    assert body == expected


@pytest.mark.parametrize(
    ("spec", "east_asian", "size", "align"),
    [
        (TITLE, "方正小标宋简体", 22, WD_ALIGN_PARAGRAPH.CENTER),
        (BODY, "仿宋_GB2312", 16, WD_ALIGN_PARAGRAPH.JUSTIFY),
        (HEADING1, "黑体", 16, WD_ALIGN_PARAGRAPH.JUSTIFY),
        (HEADING2, "楷体_GB2312", 16, WD_ALIGN_PARAGRAPH.JUSTIFY),
    ],
)
def test_styles_carry_gbt_fonts_sizes_and_alignment(exported, spec, east_asian, size, align):
    style = exported.styles[spec.name]
    assert style.font.size == Pt(size)
    assert style.paragraph_format.alignment == align
    fonts = run_fonts(style.element)
    assert fonts["eastAsia"] == east_asian and fonts["hint"] == "eastAsia"
    assert fonts["ascii"] == fonts["hAnsi"] == LATIN_FONT  # digits in Times New Roman
    assert not THEME_ATTRS & fonts.keys()


def test_body_has_fixed_line_spacing_and_two_character_indent(exported):
    fmt = exported.styles[BODY.name].paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert fmt.line_spacing == Pt(28.95)
    ind = exported.styles[BODY.name].element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert fmt.first_line_indent == Pt(32)  # the fallback for readers without *Chars


def test_every_run_names_its_east_asian_font_with_the_hint(exported):
    expected = {
        TITLE.name: "方正小标宋简体",
        BODY.name: "仿宋_GB2312",
        HEADING1.name: "黑体",
        HEADING2.name: "楷体_GB2312",
    }
    runs = 0
    for paragraph in exported.paragraphs:
        if paragraph.style.name not in expected:
            continue
        for run in paragraph.runs:
            fonts = run_fonts(run._r)
            assert fonts["eastAsia"] == expected[paragraph.style.name], paragraph.text
            assert fonts["hint"] == "eastAsia" and fonts["ascii"] == LATIN_FONT
            assert not THEME_ATTRS & fonts.keys()
            runs += 1
    assert runs > 20


def test_normal_style_and_defaults_use_the_body_font_without_theme_fonts(exported):
    normal = run_fonts(exported.styles["Normal"].element)
    assert normal["eastAsia"] == "仿宋_GB2312" and normal["hint"] == "eastAsia"
    defaults = exported.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"
    )
    rfonts = {k.split("}")[1]: v for k, v in defaults.find(qn("w:rFonts")).attrib.items()}
    assert rfonts["eastAsia"] == "仿宋_GB2312" and not THEME_ATTRS & rfonts.keys()
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_run_in_sub_heading_is_kaiti_and_the_rest_fangsong(tmp_path, project):
    project.set_text("overview", "（一）主动公开。全年主动公开信息1268条。")
    document = export(project, tmp_path)
    [paragraph] = [p for p in document.paragraphs if p.text.startswith("（一）主动公开。")]
    lead, rest = paragraph.runs
    assert lead.text == "（一）主动公开。" and run_fonts(lead._r)["eastAsia"] == "楷体_GB2312"
    assert rest.text == "全年主动公开信息1268条。"
    assert run_fonts(rest._r)["eastAsia"] == "仿宋_GB2312"


def test_page_numbers_are_page_fields_between_dashes_odd_right_even_left(exported):
    section = exported.sections[0]
    assert exported.settings.odd_and_even_pages_header_footer
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        [paragraph] = footer.paragraphs
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        instr = paragraph._p.findall(f".//{qn('w:instrText')}")
        assert [i.text.strip() for i in instr] == ["PAGE"]
        jc = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
        assert jc.get(qn("w:val")) == side
        assert run_fonts(paragraph.runs[0]._r)["eastAsia"] == "宋体"


# --------------------------------------------------------------------------- tables


@pytest.mark.parametrize("make", [example, report_2019], ids=["2021", "2019"])
def test_tables_have_exactly_the_official_cells_labels_and_merges(tmp_path, make):
    report = make()
    document = export(report, tmp_path)
    assert len(document.tables) == 3
    for table, key in zip(document.tables, forms.TABLE_KEYS, strict=True):
        assert docx_cells(table) == expected_cells(report, key), key


@pytest.mark.parametrize("make", [example, report_2019], ids=["2021", "2019"])
def test_header_rows_repeat_rows_never_split_widths_everywhere(tmp_path, make):
    report = make()
    document = export(report, tmp_path)
    section = document.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) / 635
    for table, key in zip(document.tables, forms.TABLE_KEYS, strict=True):
        form = forms.table_form(key, report.format)
        rows = table._tbl.findall(qn("w:tr"))
        headers = [r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for r in rows]
        assert headers == [i < form.header_rows for i in range(form.n_rows)]
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
        kept = {i for i, r in enumerate(rows) if r.find(f".//{qn('w:keepNext')}") is not None}
        first = set(range(min(form.header_rows + 3, form.n_rows - 1)))
        assert first <= kept  # no lonely first row at a page end
        assert form.n_rows - 1 not in kept
        grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert len(grid) == form.n_cols and abs(sum(grid) - text_width) <= 1
        for row in rows:
            col = 0
            for tc in row.findall(qn("w:tc")):
                span = tc.tcPr.find(qn("w:gridSpan"))
                n = int(span.get(qn("w:val"))) if span is not None else 1
                assert int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) == sum(grid[col : col + n])
                col += n
            assert col == form.n_cols


def test_request_sub_groups_stay_on_one_page_the_big_group_may_break(exported):
    rows = exported.tables[1]._tbl.findall(qn("w:tr"))
    kept = [r.find(f".//{qn('w:keepNext')}") is not None for r in rows]
    form = forms.table_form("requests")
    for label in (forms.WITHHELD, forms.UNAVAILABLE, forms.NOT_PROCESSED, forms.OTHER):
        [group] = [g for g in form.grid if g.text == label]
        assert all(kept[group.row : group.row + group.rowspan - 1]), label
        assert not kept[group.row - 1] or group.row - 1 < form.header_rows + 3
    assert not all(kept), "三、本年度办理结果 is taller than a page allows to keep whole"


def test_request_table_merges_match_the_spec_spans(exported):
    """The spans format-2021.md §2.2 names, read straight from the Word markup."""
    cells = {c.text: c for c in docx_cells(exported.tables[1])}
    assert cells[forms.RESULTS_GROUP].rowspan == 22
    assert cells[forms.WITHHELD].rowspan == 8
    assert cells[forms.OTHER].rowspan == 3
    assert (cells[forms.REQUESTS_CAPTION].rowspan, cells[forms.REQUESTS_CAPTION].colspan) == (3, 3)
    assert cells[forms.APPLICANTS_HEADER].colspan == 7
    assert cells[forms.ORG_HEADER].colspan == 5


def test_unknown_cells_are_blank_not_zero(tmp_path):
    report = Project.empty("某县某局", 2025)
    document = export(report, tmp_path)
    data = [c for c in docx_cells(document.tables[2]) if c.row == 3]
    assert len(data) == 15 and all(c.text == "" for c in data)


def test_table_text_uses_the_table_style_with_east_asian_font(exported):
    for table in exported.tables:
        for p in table._tbl.iter(qn("w:p")):
            style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))
            assert exported.styles.get_by_id(style, 1).name == "表格文字"
            for r in p.findall(qn("w:r")):
                assert run_fonts(r)["eastAsia"] == "仿宋_GB2312"


# --------------------------------------------------------------------------- safety


def test_control_characters_are_removed_with_a_warning(tmp_path, project):
    project.set_text("problems", "问题一\x07：信息\x00不全\x0b改进措施：\x1b[31m统一模板")
    project.title = project.title + "\x08"
    path = tmp_path / "report.docx"
    findings = export_report(project, path)
    assert {(f.rule, f.severity) for f in findings} == {("EX", "warning")}
    assert {f.location.section for f in findings} == {"problems", None}
    assert any("3 个" in f.message and "U+0007" in f.message for f in findings)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "问题一：信息不全" in texts and "改进措施：[31m统一模板" in texts  # \x0b = new line
    assert document.paragraphs[0].text == project.title.rstrip("\x08")


def test_title_repeated_at_the_start_of_the_preamble_is_printed_once(tmp_path, project):
    project.set_text("preamble", f"{project.title}\n\n{project.text('preamble')}")
    document = export(project, tmp_path)
    assert [p.text for p in document.paragraphs].count(project.title) == 1


def test_xml_special_characters_survive(tmp_path, project):
    text = "条例<第五十条> & “引号” '单' \"双\""
    project.set_text("other", text)
    document = export(project, tmp_path)
    assert text in [p.text for p in document.paragraphs]


# --------------------------------------------------------------------------- template


def make_template(path: Path, *, body_lines: int = 1) -> None:
    """A clerk's unit file: its own margins, a letterhead, its own 报告正文 style."""
    template = docx.Document()
    section = template.sections[0]
    section.left_margin = section.right_margin = Cm(2.5)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "云溪县市场监督管理局文件"
    for i in range(body_lines):
        template.add_paragraph(f"红头第{i + 1}行")
    style = template.styles.add_style("报告正文", 1)
    style.font.size = Pt(15)
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:eastAsia"), "仿宋")
    template.save(str(path))


def test_template_supplies_page_setup_letterhead_and_its_styles(tmp_path, project):
    template = tmp_path / "unit.docx"
    make_template(template)
    document = export(project, tmp_path, template=template)
    section = document.sections[0]
    assert near(section.left_margin, 2.5) and near(section.right_margin, 2.5)
    assert section.header.paragraphs[0].text == "云溪县市场监督管理局文件"
    assert document.paragraphs[0].text == "红头第1行"  # letterhead kept before the title
    assert document.paragraphs[1].text == project.title
    body = document.styles["报告正文"]
    assert body.font.size == Pt(15) and run_fonts(body.element)["eastAsia"] == "仿宋"
    # Runs of the clerk's style carry only the hint: the style decides the font.
    run = next(p for p in document.paragraphs if p.style.name == "报告正文").runs[0]
    assert run_fonts(run._r) == {"hint": "eastAsia"}
    # Styles the template lacks are drafter's, with the fonts on the runs too.
    heading = next(p for p in document.paragraphs if p.style.name == HEADING1.name)
    assert run_fonts(heading.runs[0]._r)["eastAsia"] == "黑体"
    # Tables fit the template's text width (its page is Letter, 2.5 cm margins).
    grid = document.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
    width = (section.page_width - Cm(5)) / 635
    assert abs(sum(int(g.get(qn("w:w"))) for g in grid) - width) <= 1
    # No footer in the template: one centred page number, its headers untouched.
    assert not document.settings.odd_and_even_pages_header_footer
    assert section.footer.paragraphs[0].text.startswith("— ")


def test_template_body_longer_than_a_letterhead_is_kept_with_a_warning(tmp_path, project):
    template = tmp_path / "old-report.docx"
    make_template(template, body_lines=20)
    findings = export_report(project, tmp_path / "report.docx", template=template)
    assert [f.rule for f in findings] == ["EX"] and "20 段" in findings[0].message


@pytest.mark.parametrize(
    "content", [b"", b"not a zip", b"PK\x03\x04broken"], ids=["empty", "text", "bad-zip"]
)
def test_unusable_template_is_a_chinese_error(tmp_path, project, content):
    template = tmp_path / "unit.docx"
    template.write_bytes(content)
    out = tmp_path / "report.docx"
    with pytest.raises(ExportError, match="模板.*不是有效的 Word 文档.*另存为"):
        export_report(project, out, template=template)
    assert not out.exists()
