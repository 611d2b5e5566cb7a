"""The words that show where a table starts and which format it is, taken from ``forms``.

Nothing here retypes a label: every marker is a label of :mod:`drafter.forms`,
condensed (Chinese characters only, see :func:`~drafter.importers.normalise.condense`)
so that it matches however a source spaces or punctuates it.
"""

from __future__ import annotations

import os
import re

from drafter import forms
from drafter.importers.normalise import condense


def _columns(fmt: forms.FormatId) -> set[str]:
    return {condense(label) for b in forms.active_blocks(fmt) for _, label, _ in b.columns}


def _items(fmt: forms.FormatId) -> set[str]:
    return {condense(label) for b in forms.active_blocks(fmt) for _, label in b.items}


_CAPTIONS = [condense(b.caption) for b in forms.ACTIVE_BLOCKS_2019]

CAPTION_PREFIX = os.path.commonprefix(_CAPTIONS)
"""第二十条第: what every caption of table 二 starts with."""

REQUESTS_KEY = "勾稽关系"
"""The key phrase of table 三's caption (the whole caption varies between sources)."""
assert REQUESTS_KEY in forms.REQUESTS_CAPTION

MARKERS_2021 = tuple(sorted(_columns("2021") - _columns("2019")))
"""本年制发件数, 本年废止件数, 现行有效件数, 本年收费金额单位万元 (format-2021.md §4)."""

_ONLY_2019 = {
    # Only words a 2021 table cannot contain: 处理决定数量 is inside 本年处理决定数量.
    c
    for c in _columns("2019")
    if not any(c in d for d in _columns("2021"))
} | {condense(b.caption) for b in forms.ACTIVE_BLOCKS_2019[len(forms.ACTIVE_BLOCKS_2021) :]}

ROWS_2019 = tuple(
    # 规范性文件 (2019) is also inside 行政规范性文件 (2021): not a marker.
    sorted(i for i in _items("2019") if not any(i in j for j in _items("2021")))
)
"""其他对外管理服务事项, 政府集中采购: rows only a 2019 table 二 has — evidence when a row
of figures carries them, not when a sentence does (全年政府集中采购……)."""

_PROSE_WORDS = ("采购", "对外管理服务")
"""Words a sentence about procurement also uses (采购总金额 …): a 2019 column header
with them is evidence only together with the table's other 2019 words."""

MARKERS_2019 = tuple(sorted(c for c in _ONLY_2019 if not any(w in c for w in _PROSE_WORDS)))
"""本年新制作数量, 本年新公开数量, 对外公开总数量, 上一年项目数量, 本年增减, 第二十条第九项 …"""

_ROWS_2021 = forms.request_rows("2021")
SINGLE_OTHER_ROW = condense(forms.OTHER) + condense(_ROWS_2021[-2].label)
"""六其他处理七总计: （六）其他处理 directly followed by （七）总计 (the 2019 table 三)."""

APPEAL_WORDS = tuple(
    condense(label) for _, label in (*forms.APPEAL_ROWS, *forms.APPEAL_COLUMNS)
) + (condense(forms.LITIGATION_HEADER),)
"""行政复议, 未经复议直接起诉, 复议后起诉, 结果维持 … 总计, 行政诉讼: table 四's header."""

TABLE_ANCHORS = (
    CAPTION_PREFIX,
    REQUESTS_KEY,
    condense(forms.ACTIVE_BLOCKS_2021[0].first_header),  # 信息内容
    *MARKERS_2021,
    *(
        condense(b.columns[0][1])
        for b in (forms.ACTIVE_BLOCKS_2019[0], forms.ACTIVE_BLOCKS_2021[1])
    ),
    condense(forms.APPLICANTS_HEADER),
    condense(forms.REQUEST_COLUMN_LABELS["natural_person"]),
    condense(re.sub(r"^[一二三四]、", "", _ROWS_2021[0].label)),
    condense(forms.APPEAL_ROWS[0][1]),
    condense(forms.APPEAL_COLUMNS[0][1]),
)
"""Header words: figures that come before any of them in a section are prose."""

ZONE_ANCHORS = (
    CAPTION_PREFIX,
    REQUESTS_KEY,
    condense(forms.APPLICANTS_HEADER),
    *(_columns("2021") | _columns("2019")),
)
"""Words only a table header prints (prose says 政府集中采购, never 本年新制作数量): a table
starts here even outside sections 二/三/四."""

TOTAL = condense(forms.REQUEST_COLUMN_LABELS["total"])
"""总计: the last column of tables 三 and 四 and the name of table 三's row （七）."""

COLUMN_HEADERS = tuple(
    condense(label)
    for label in (
        forms.APPLICANTS_HEADER,
        forms.ORG_HEADER,
        *(forms.REQUEST_COLUMN_LABELS[c] for c in forms.APPLICANT_COLUMNS),
        *(label for _, label in forms.APPEAL_COLUMNS),
        *(label for _, label in forms.APPEAL_ROWS),
    )
)
"""The column headers a 总计 can follow in a header: 自然人 … 其他, 结果维持 … 尚未审结."""
