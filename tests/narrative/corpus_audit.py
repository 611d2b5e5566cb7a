"""Every error ``drafter check`` reports on the project's own corpus, checked by hand once.

The corpus is ``fixtures/corpus`` (``reports/``: published pages, most cut off after the
first sections; ``full/``: complete reports with their tables; ``seed/``) and the bundled
example (``fixtures/example``), each checked alone as ``drafter check FILE`` checks it —
no ``--agency``/``--year``: what the file states is all there is. ``README.md`` and
``truth.json`` of ``full/`` are not reports and are left out.

Each error is judged true (the report as published is wrong there, or the file as
captured lacks what it must have) or false (the checker is wrong). The judgements come
from reading the file at the line, the manifest's notes and ``full/truth.json``.
``tests/narrative/test_corpus_errors.py`` asserts that the checker reports exactly the
true ones, at their lines; ``bench/check.py`` counts them for the error precision.
"""

from __future__ import annotations

from dataclasses import dataclass

REPORTS = "corpus/reports/"


@dataclass(frozen=True)
class Verdict:
    file: str
    """Relative to ``fixtures/``."""
    rule: str
    line: int | None
    true: bool
    why: str
    count: int = 1
    """Errors of the rule at that line (a garbled line may hold several)."""


MISSING_HEADINGS: dict[str, str] = {
    # The published pages in reports/ are the beginning of the page only (corpus README):
    # the headings after the cut are not in the file, and a report without them is wrong
    # as checked. One error per missing heading, no line (there is none to point at).
    # 2019_anyue_qlz starts its numbering at 一、主动公开… (manifest: no 总体情况).
    "2019_anyue_qlz_1.txt": "一四五六",
    "2019_rongcheng_csz_1.txt": "三四五六",
    "2019_saihan_qzf_1.txt": "二三四五六",
    "2019_shanghai_sh_1.txt": "二三四五六",
    "2019_xiongxian_xiang_1.txt": "五六",
    "2020_anyue_zlz_1.txt": "二三四五六",
    "2020_gulou_hqljd_1.txt": "二三四五六",
    "2020_shanghai_szfbgt_1.txt": "二三四五六",
    "2020_wendeng_fgj_1.txt": "二三四五六",
    "2021_anyue_dpz_1.txt": "二三四五六",
    "2021_anyue_zlz_1.txt": "二三四五六",
    "2021_datong_xfj_1.txt": "三四五六",
    "2021_gulou_hqljd_1.txt": "三四五六",
    "2021_yanjiang_qzfbgs_1.txt": "二三四五六",
    "2021_yanjiang_zhz_1.txt": "二三四五六",
    "2021_yanliang_xfj_1.txt": "四五六",
    "2022_anyue_dpz_1.txt": "二三四五六",
    "2022_anyue_zlz_1.txt": "二三四五六",
    "2022_changan_qzfbgs_1.txt": "二三四五六",
    "2022_changan_xczxj_1.txt": "二三四五六",
    "2022_gaochun_qzf_1.txt": "二三四五六",
    "2022_gaoping_szfbgs_1.txt": "二三四五六",
    "2022_hongshan_hpjd_1.txt": "三四五六",
    "2022_jincheng_xfj_1.txt": "二三四五六",
    "2022_jinchengcq_qzfbgs_1.txt": "二三四五六",
    "2022_lizhou_sjj_1.txt": "二三四五六",
    "2022_pingcheng_cjwltzj_1.txt": "二三四五六",
    "2022_rongcheng_yzz_1.txt": "二三四五六",
    "2022_shanghai_sh_1.txt": "二三四五六",
    "2022_shanghai_szfbgt_1.txt": "二三四五六",
    "2022_wenzhou_szfbgs_1.txt": "二三四五六",
    "2022_wuchang_byhz_1.txt": "五六",
    "2022_xiangyang_sjj_1.txt": "二三四五六",
    "2022_yanjiang_qzf_1.txt": "二三四五六",
    "2022_yanjiang_qzfbgs_1.txt": "二三四五六",
    "2022_yanjiang_sxcjd_1.txt": "二三四五六",
    "2022_yanliang_xzspfwj_1.txt": "二三四五六",
    "2022_yueyang_sjj_1.txt": "二三四五六",
    "2022_yuyao_sjj_1.txt": "二三四五六",
    "2023_gaoping_szfbgs_1.txt": "二三四五六",
    "2023_shanghai_sh_1.txt": "二三四五六",
    "2023_whdonghu_hsc_1.txt": "五六",
    "2024_gulou_qzfbgs_1.txt": "三四五六",
    "2024_gulou_xgjd_1.txt": "二三四五六",
    "2024_jincheng_szf_1.txt": "二三四五六",
    "2024_qiaokou_hjdjd_1.txt": "二三四五六",
    "2024_weihai_szf_1.txt": "二三四五六",
    "2025_dongchang_jcz_1.txt": "二三四五六",
    "2025_gaoping_szf_1.txt": "二三四五六",
    "2025_hongshan_hpjd_1.txt": "二三四五六",
    "2025_huancui_xfj_1.txt": "二三四五六",
    "2025_lishui_qzfbgs_1.txt": "三四五六",
    "2025_rongcheng_dtz_1.txt": "二三四五六",
    "2025_rongcheng_szfbgs_1.txt": "二三四五六",
    "2025_rongcheng_tyjrswj_1.txt": "二三四五六",
    "2025_rongcheng_xzspfwj_1.txt": "二三四五六",
    "2025_rushan_cqjd_1.txt": "二三四五六",
    "2025_wendeng_czj_1.txt": "二三四五六",
    "2025_xinghua_crz_1.txt": "二三四五六",
    "2025_yanliang_xfj_1.txt": "三四五六",
}
"""File of ``reports/`` → the numerals of the headings it lacks (each an N1 error, true)."""

_SHANGHAI_2019 = (
    "corpus/reports/2019_shanghai_szfbgt_1.txt",
    "corpus/full/2019_shanghai_szfbgt_1.html",
)

AUDITED: tuple[Verdict, ...] = (
    Verdict(
        REPORTS + "2019_rongcheng_csz_1.txt",
        "N1",
        2,
        True,
        "「一、概述」: the pre-2019 heading in a 2019 report (manifest: old-style headings)",
    ),
    *(
        Verdict(
            name,
            "C1",
            14,
            True,
            "予以公开及部分公开258件 / 无法提供265件 against 275 and 337 in table 三 "
            "(manifest: narrative vs table mismatches; 265 is only 本机关不掌握)",
            count=2,
        )
        for name in _SHANGHAI_2019
    ),
    Verdict(
        REPORTS + "2021_anyue_dpz_1.txt",
        "N6",
        7,
        True,
        "〔202130号, 〔20219号, 202111日, 20221231日: digits and 年/月 lost "
        "(manifest: SOURCE ERRORS)",
        count=4,
    ),
    Verdict(
        REPORTS + "2021_yanjiang_qzfbgs_1.txt",
        "N6",
        9,
        True,
        "〔202130号, 202111日, 20211231日 (manifest: SOURCE GARBLE)",
        count=3,
    ),
    Verdict(
        REPORTS + "2022_gaoping_szfbgs_1.txt",
        "N8",
        4,
        True,
        "a 2022 report citing 国办公开办函〔2019〕60号 as its basis (manifest)",
    ),
    Verdict(
        REPORTS + "2025_dongchang_jcz_1.txt",
        "N6",
        9,
        True,
        "截止日期为20251231日: 年/月 lost (manifest: SOURCE GARBLE)",
    ),
    Verdict(
        REPORTS + "2025_lishui_qzfbgs_1.txt",
        "N6",
        1,
        True,
        "编制的2024年度政府信息公开年度报告 in the 2025 report (manifest: SOURCE ERROR)",
    ),
    Verdict(
        "corpus/full/2023_hongze_qzf_1.pdf",
        "R4",
        114,
        True,
        "table 四 prints 总计 0 for 行政复议 (10+1) and 复议后起诉 (5) (truth.json: totals wrong "
        "in the source)",
        count=2,
    ),
    Verdict(
        "corpus/seed/000_20272e85d49a1cc6.txt",
        "N1",
        91,
        True,
        "六、其他需要报告的事项 printed twice, lines 80 and 91 (corpus README)",
    ),
    # Found false and fixed (kept so that they stay fixed):
    Verdict(
        "corpus/full/2019_shanghai_szfbgt_1.html",
        "N1",
        48,
        False,
        "headings 三–六 reported twice, two lines apart: <br> inside table 二's header cells "
        "shifted the HTML reader's line numbers (fixed in importers/document.py)",
        count=0,
    ),
)
"""Every other error: file, rule, line, verdict and why."""

AUDITED += tuple(
    Verdict(
        name,
        rule,
        line,
        False,
        "R2/R3 over the 总计 cells the published table leaves blank (V3 says so): a sum "
        "rule now reports only what no value of the blank cells could make right "
        "(tables.certainly_unequal)",
        count=0,
    )
    for name in _SHANGHAI_2019
    for rule, line in [("R2", 71)]
    + [("R3", n) for n in (52, 53, 54, 58, 59, 61, 62, 63, 64, 65, 66)]
)
