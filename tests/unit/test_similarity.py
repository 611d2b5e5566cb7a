"""One measure of 雷同 (drafter.similarity), used by rule N7 and the editor alike."""

from drafter.rules import check_report
from drafter.similarity import (
    carried_over,
    is_copied,
    report_keys,
    section_carried,
    sentence_keys,
)
from tests.factories import example


def test_spaces_punctuation_and_full_width_do_not_hide_a_copied_sentence():
    last = "全年新收政府信息公开申请２２件，全部按时答复。"
    this = "全年新收政府信息公开申请 22 件全部按时答复！本年新增一个政策解读栏目，方便群众查阅。"
    carried = carried_over(this, sentence_keys(last))
    assert (len(carried.same), carried.counted, carried.percent) == (1, 2, 50)


def test_short_sentences_and_headings_are_not_counted():
    text = "（一）主动公开\n未收取信息处理费。\n本年度通过门户网站主动公开政府信息一千余条。"
    assert carried_over(text, sentence_keys(text)).counted == 1


def test_a_sentence_moved_to_another_section_still_counts_as_carried():
    project = example()
    last = project.last_year
    assert last is not None
    moved = last.text("overview").split("\n")[0]
    project.set_text("other", moved)
    carried = section_carried(project, "other", last)
    assert carried.counted >= 1 and len(carried.same) == carried.counted
    assert report_keys(last) >= sentence_keys(moved)


def test_the_rule_and_the_measure_agree_on_one_section():
    project = example()
    last = project.last_year
    assert last is not None
    paragraphs = last.text("overview").split("\n")
    project.set_text(
        "overview", "\n".join(paragraphs[:-2] + ["本年新写的一段话，与上年完全不同的内容。"])
    )
    carried = section_carried(project, "overview", last)
    assert is_copied(carried)
    [n7] = [f for f in check_report(project, last) if f.rule == "N7"]
    figures = f"{carried.percent}% 的句子（{len(carried.same)}/{carried.counted} 句）"
    assert figures in n7.message


def test_identical_text_is_100_percent_and_empty_is_0():
    project = example()
    last = project.last_year
    assert last is not None
    keys = report_keys(last)
    assert carried_over(last.text("overview"), keys).percent == 100
    assert carried_over("", keys).percent == 0
    assert not is_copied(section_carried(project, "overview", last))
