from drafter.similarity import overlap, sentences
from tests.factories import example


def test_sentences_split_on_chinese_and_ascii_ends_and_skip_headings():
    text = "（一）主动公开\n全年公开信息1268条。其中 行政许可 476条；处罚318条！\nok?"
    # NFKC: full-width ；！ become ASCII, 。 stays
    assert sentences(text) == ["全年公开信息1268条。", "其中行政许可476条;", "处罚318条!", "ok?"]


def test_full_width_and_spaces_do_not_hide_a_copied_sentence():
    last = "全年新收申请２２件。"
    this = "全年新收 申请22件。本年新增一个栏目。"
    result = overlap(this, last)
    assert (result.carried, result.total, result.percent) == (1, 2, 50)
    assert result.repeated == ("全年新收申请22件。",)


def test_identical_text_is_100_percent_and_empty_is_0():
    project = example()
    last = project.last_year
    assert last is not None
    text = last.text("overview")
    assert overlap(text, text).percent == 100
    assert overlap("", text).percent == 0
    assert overlap(project.text("overview"), text).ratio < 0.5
