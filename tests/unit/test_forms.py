"""The table definitions match format-2021.md §2 and §4 exactly."""

from __future__ import annotations

import pytest

from drafter import forms
from drafter.model import AppealRow, DocCounts, RequestRow


@pytest.mark.parametrize("fmt", forms.FORMATS)
@pytest.mark.parametrize("table", forms.TABLE_KEYS)
def test_grid_covers_every_position_exactly_once(fmt, table):
    form = forms.table_form(table, fmt)
    seen: dict[tuple[int, int], forms.GridCell] = {}
    for cell in form.grid:
        assert cell.rowspan >= 1 and cell.colspan >= 1
        assert (cell.text is None) != (cell.path is None)
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                assert (r, c) not in seen, f"{table} {fmt}: ({r},{c}) covered twice"
                seen[(r, c)] = cell
    assert set(seen) == {(r, c) for r in range(form.n_rows) for c in range(form.n_cols)}
    assert [g.path for g in form.grid if g.path] == [c.path for c in form.cells]


def test_table_three_2021_has_25_rows_and_175_cells():
    form = forms.table_form("requests", "2021")
    assert len(forms.request_rows("2021")) == 25
    assert len(form.cells) == 175
    assert form.n_rows == 3 + 25 and form.n_cols == 10
    outcomes = [r.key for r in forms.request_rows("2021") if r.outcome]
    assert len(outcomes) == 21  # RES of format-2021.md §3


def test_table_three_merges_as_the_official_form():
    grid = {(g.row, g.col): g for g in forms.table_form("requests", "2021").grid}
    assert grid[0, 0].text == forms.REQUESTS_CAPTION and (
        grid[0, 0].rowspan,
        grid[0, 0].colspan,
    ) == (3, 3)
    assert grid[0, 3].text == "申请人情况" and grid[0, 3].colspan == 7
    assert grid[1, 3].text == "自然人" and grid[1, 3].rowspan == 2
    assert grid[1, 4].text == "法人或其他组织" and grid[1, 4].colspan == 5
    assert grid[1, 9].text == "总计" and grid[1, 9].rowspan == 2
    assert [grid[2, c].text for c in range(4, 9)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert grid[3, 0].text == "一、本年新收政府信息公开申请数量" and grid[3, 0].colspan == 3
    assert grid[5, 0].text == "三、本年度办理结果" and grid[5, 0].rowspan == 22
    assert grid[7, 1].text == "（三）不予公开" and grid[7, 1].rowspan == 8
    assert grid[9, 2].text == "3.危及“三安全一稳定”"
    assert grid[15, 1].text == "（四）无法提供" and grid[15, 1].rowspan == 3
    assert grid[18, 1].text == "（五）不予处理" and grid[18, 1].rowspan == 5
    assert grid[23, 1].text == "（六）其他处理" and grid[23, 1].rowspan == 3
    assert grid[26, 1].text == "（七）总计" and grid[26, 1].colspan == 2
    assert grid[27, 0].text == "四、结转下年度继续办理" and grid[27, 0].colspan == 3


def test_table_three_2019_has_single_other_row():
    rows = forms.request_rows("2019")
    keys = [r.key for r in rows]
    assert "other_2" not in keys and keys[keys.index("other_1") + 1] == "total"
    grid = {(g.row, g.col): g for g in forms.table_form("requests", "2019").grid}
    assert grid[5, 0].rowspan == 20
    other = grid[3 + keys.index("other_1"), 1]
    assert other.text == "（六）其他处理" and other.colspan == 2


def test_table_four_layout():
    form = forms.table_form("appeals")
    grid = {(g.row, g.col): g for g in form.grid}
    assert (grid[0, 0].text, grid[0, 0].colspan) == ("行政复议", 5)
    assert (grid[0, 5].text, grid[0, 5].colspan) == ("行政诉讼", 10)
    assert [grid[1, c].text for c in range(5)] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]
    assert all(grid[1, c].rowspan == 2 for c in range(5))
    assert (grid[1, 5].text, grid[1, 10].text) == ("未经复议直接起诉", "复议后起诉")
    assert [grid[2, c].text for c in range(5, 15)] == 2 * [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]
    assert len(form.cells) == 15 and form.n_rows == 4


def test_table_two_2021_blocks_and_merges():
    form = forms.table_form("active", "2021")
    captions = [g.text for g in form.grid if g.role == "caption"]
    assert captions == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert all(g.colspan == 4 for g in form.grid if g.role == "caption")
    headers = [g.text for g in form.grid if g.role == "header"]
    assert headers[:4] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert "本年收费金额（单位：万元）" in headers
    fee = form.by_path["active.fees_wan_yuan"]
    assert fee.kind is forms.CellKind.AMOUNT and fee.row_label == "行政事业性收费"
    licensing = next(g for g in form.grid if g.path == "active.licensing")
    assert licensing.colspan == 3
    assert form.n_rows == 14 and len(form.cells) == 10


def test_table_two_2019_labels():
    form = forms.table_form("active", "2019")
    headers = {g.text for g in form.grid if g.role == "header"}
    assert {
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "采购项目数量",
        "采购总金额",
    } <= headers
    labels = {g.text for g in form.grid if g.role == "label"}
    assert {"规范性文件", "其他对外管理服务事项", "政府集中采购"} <= labels
    assert form.by_path["active.licensing.change"].kind is forms.CellKind.SIGNED


def test_model_fields_match_form_keys():
    assert list(RequestRow.model_fields) == [k for k, _ in forms.REQUEST_COLUMNS]
    assert list(AppealRow.model_fields) == [k for k, _ in forms.APPEAL_COLUMNS]
    block = forms.ACTIVE_BLOCKS_2021[0]
    assert list(DocCounts.model_fields) == [k for k, _, _ in block.columns]


def test_cell_labels_name_row_and_column():
    cell = forms.cell_def("requests.carried_out.natural_person")
    assert cell.label == "表三「四、结转下年度继续办理」「自然人」"
    assert (
        forms.cell_def("appeals.litigation_direct.total").label
        == "表四「行政诉讼·未经复议直接起诉」「总计」"
    )
    assert forms.cell_def("requests.new.total").computed
    assert forms.cell_def("requests.carried_in.business").carried
    with pytest.raises(KeyError):
        forms.cell_def("requests.other_2.total", "2019")


def test_sections_in_official_order():
    assert [s.heading for s in forms.SECTIONS] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert forms.SECTION_KEYS == (
        "preamble",
        "overview",
        "active",
        "requests",
        "appeals",
        "problems",
        "other",
    )
