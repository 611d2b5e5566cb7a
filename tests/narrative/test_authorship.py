"""Agency and year read off what a report states — and left unknown rather than guessed.

The sentences are written for these tests in the forms published reports use (and a few
taken from the corpus, named); the fragments the blind set of issue 10 produced
(「我局办公室」, 「荣成市信访局认真落实」, 「洪山区人民」, 「根据《中华人民共和国」) must never be
taken for a name.
"""

from __future__ import annotations

import pytest

from drafter.agency import classify
from drafter.importers import import_text
from drafter.narrative.authorship import identify, plausible_name, title_agency
from tests.narrative.corpus import read

BODY = "\n一、总体情况\n全年主动公开信息120条。\n"


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("云溪县交通运输局2025年政府信息公开工作年度报告", "云溪县交通运输局"),
        ("2025年云溪县人民政府办公室政府信息公开工作年度报告", "云溪县人民政府办公室"),
        ("洪山区人民政府信息公开工作年度报告", "洪山区人民政府"),
        ("2025年云溪县政府信息公开工作年度报告", "云溪县政府"),
        ("云溪县2025年政府信息公开工作年度报告", "云溪县"),
        ("云溪县石门镇2025年政府信息公开年度报告", "云溪县石门镇"),
        ("根据《中华人民共和国政府信息公开条例》编制本年度报告", ""),
        ("2025年政府信息公开工作年度报告", ""),
    ],
)
def test_title_agency(title, agency):
    assert title_agency(title) == agency


@pytest.mark.parametrize(
    "fragment",
    ["我局办公室", "荣成市信访局认真落实", "洪山区人民", "根据《中华人民共和国", "各级政府部门"],
)
def test_fragments_are_no_names(fragment):
    assert plausible_name(fragment) == ""


def test_a_bare_territory_is_its_government_and_a_zone_is_not():
    assert classify("云溪县").body == "government"
    assert classify("云溪县高新技术产业开发区").level == "unknown"


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("本报告由云溪县交通运输局编制。", "云溪县交通运输局"),
        ("本报告是云溪县交通运输局依据《条例》要求编制的。", "云溪县交通运输局"),
        (
            "根据《中华人民共和国政府信息公开条例》规定，云溪县交通运输局编制本报告。",
            "云溪县交通运输局",
        ),
        ("现将云溪县石门镇2025年度政府信息公开工作情况报告如下：", "云溪县石门镇"),
        ("特向社会公布2025年度云溪县审计局政府信息公开工作年度报告。", "云溪县审计局"),
        ("结合2025年云溪县信访局政府信息公开工作实际，编制本报告。", "云溪县信访局"),
        ("本报告由信访局结合有关统计数据编制。", "信访局"),
    ],
)
def test_agency_from_an_opening_statement(opening, agency):
    found = identify("", opening + BODY)
    assert (found.agency, found.stated) == (agency, True)


def test_the_government_office_compiles_the_governments_report():
    text = "本报告由云溪县人民政府办公室汇总编制。" + BODY + "我县持续推进政务公开。我县加强培训。"
    assert identify("", text).agency == "云溪县人民政府"
    own = "本报告由云溪县人民政府办公室编制。" + BODY + "我办持续推进政务公开。"
    assert identify("", own).agency == "云溪县人民政府办公室"


def test_a_name_on_the_first_line_is_the_agency():
    """「未写明机关名称」 was reported although line 1 held it (issue 10)."""
    found = identify(
        "", "云溪县国资局\n根据《条例》要求，现公布区政府国资局2025年政府信息公开工作年度报告。"
    )
    assert (found.agency, found.agency_from) == ("云溪县国资局", "首行")


def test_a_signature_with_its_date():
    text = "一、总体情况\n内容。\n六、其他需要报告的事项\n无。\n云溪县交通运输局\n2026年1月20日\n"
    assert identify("", text).agency == "云溪县交通运输局"


def test_weak_signs_need_confirmation():
    contact = "如对本报告有疑问，请与云溪县审计局办公室联系。" + BODY
    found = identify("", contact)
    assert found.agency == "" and found.guess == "云溪县审计局办公室"
    confirmed = identify("", contact + "我局高度重视。我局加强培训。")
    assert confirmed.agency == "云溪县审计局" and "我局" in confirmed.agency_from
    # A government's report gives its office as the contact; 我县 tells whose report it is.
    government = identify("", "请与云溪县人民政府办公室联系。" + BODY + "我县持续推进。")
    assert government.agency == "云溪县人民政府"
    # Two paragraphs opening with the same body agree.
    two = (
        "2025年，云溪县信访局坚持公开为常态。\n"
        "（一）主动公开。2025年，云溪县信访局按照要求公开信息。"
    )
    assert identify("", two).agency == "云溪县信访局"


def test_kind_from_self_designation_when_no_name():
    found = identify("", "一、总体情况\n2025年，我镇高度重视政务公开。本办事处……" + BODY)
    assert found.agency == "" and found.kind is not None and found.kind.level == "township"
    assert identify("", "我镇高度重视。我局加强管理。").kind is None


@pytest.mark.parametrize(
    ("title", "text", "year", "source"),
    [
        ("云溪县交通运输局2025年政府信息公开工作年度报告", "2024年……", 2025, "标题"),
        ("", "本报告中所列数据统计期限从2025年1月1日到12月31日止。", 2025, "统计期限"),
        ("", "本报告统计期限为2025年度。", 2025, "统计期限"),
        ("", "现将我局2025年度政府信息公开工作情况报告如下：", 2025, "开头段"),
    ],
)
def test_year_stated(title, text, year, source):
    found = identify(title, text)
    assert (found.year, found.year_from, found.year_stated) == (year, source, True)


def test_a_stale_period_against_a_text_that_speaks_of_another_year():
    text = (
        "本报告统计期限自2024年1月1日起至2024年12月31日止。\n"
        "2025年，我局……2025年共公开信息……2025年新收申请……2025年办结……"
    )
    found = identify("", text)
    assert found.year == 2025 and not found.year_stated and "2024" in found.year_from


def test_years_used_alike_leave_the_year_open():
    found = identify("", "2024年，我镇推进公开。2025年，我镇继续推进。")
    assert found.year is None and sorted(found.competing_years) == [2024, 2025]


def test_import_says_once_what_it_could_not_read():
    project = import_text("请与云溪县审计局办公室联系。" + BODY).project
    assert project.agency == "" and project.imported is not None
    [a3] = [f for f in project.imported.findings if f.rule == "A3"]
    assert (
        "云溪县审计局办公室" in a3.message and "A1" in a3.message and "指定机关名称" in a3.message
    )
    assert not [
        f for f in project.imported.findings if f.rule in ("I1", "I3") and not f.location.cells
    ]


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("2022_hunnan_gzj_1.txt", "浑南区国资局"),  # line 1
        ("2024_weihai_szf_1.txt", "威海市人民政府"),  # 现公布…, not the 发布单位 威海市政府办公室
        ("2025_huancui_xfj_1.txt", "威海市环翠区信访局"),  # 结合…工作实际
        ("2022_gaochun_qzf_1.txt", "高淳区人民政府"),  # 由…办公室汇总编制, 我区
        ("2022_wenzhou_szfbgs_1.txt", ""),  # only 市政府办公室: not said
    ],
)
def test_corpus_reports(name, agency):
    text = read(name)
    assert import_text(text).project.agency == agency


def test_unknown_agency_kind_from_the_text():
    """No name read, yet 我镇 says it is a township (C3), and the opening body says it is
    no 局 (A1): neither rule needs the name for that."""
    from drafter.model import Report
    from drafter.rules import check_report
    from drafter.tables import complete

    report = complete(Report.empty("", 2025))
    report.set_text("overview", "2025年，我镇高度重视政务公开工作。本镇持续推进。")
    report.tables.set("active.regulations.in_force", 6)
    assert [f.rule for f in check_report(report) if f.rule == "C3"] == ["C3"]
    report.set_text(
        "overview",
        "2025年，云溪县石门镇人民政府坚持以公开为常态。\n我局持续完善制度。",
    )
    [a1] = [f for f in check_report(report) if f.rule == "A1"]
    assert a1.severity == "error" and "云溪县石门镇人民政府" in a1.message
    report.set_text("overview", "2025年，我镇高度重视。\n我局持续完善制度。")
    [a1] = [f for f in check_report(report) if f.rule == "A1"]
    assert a1.severity == "error" and "「我局」可能是" in a1.message


@pytest.mark.parametrize(
    ("agency", "opening"),
    [
        # its own office compiles it; another kind of body is the contact
        (
            "云溪县交通运输局",
            "本报告由云溪县交通运输局办公室编制，请与云溪县人民政府政务公开办公室联系。",
        ),
        # a body it works with, named inside a paragraph
        ("云溪县交通运输局", "2025年，我局坚持公开为常态。云溪县大数据中心积极配合，完善平台。"),
        # the township's own office; the government's office for the government's report
        ("云溪县石门镇人民政府", "本报告由石门镇党政办公室编制。"),
        ("云溪县人民政府", "本报告由云溪县人民政府办公室汇总编制。"),
        # the county the township belongs to
        ("云溪县石门镇人民政府", "2025年，县委县政府高度重视政务公开。"),
    ],
)
def test_no_other_author_where_there_is_none(agency, opening):
    from drafter.model import Report
    from drafter.rules import check_report

    report = Report.empty(agency, 2025)
    report.title = report.default_title()
    report.set_text("preamble", opening)
    report.set_text("overview", "全年主动公开信息120条。")
    assert [f for f in check_report(report) if f.rule == "A2" and f.severity == "error"] == []


def test_another_author_in_the_opening():
    from drafter.model import Report
    from drafter.rules import check_report

    report = Report.empty("云溪县交通运输局", 2025)
    report.title = report.default_title()
    report.set_text("preamble", "本报告由云溪县审计局编制。")
    [a2] = [f for f in check_report(report) if f.rule == "A2"]
    assert a2.severity == "error" and "云溪县审计局" in a2.message and "标题写的是" in a2.message
