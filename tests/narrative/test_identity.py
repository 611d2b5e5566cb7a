"""Self-designations, other agencies' names, and inferring agency and year from text."""

from __future__ import annotations

import pytest

from drafter.agency import region_parts, self_designations
from drafter.narrative.identity import (
    designations,
    judge_designation,
    other_agencies,
    same_agency,
)


def test_designations_in_text():
    text = "我局高度重视，本局办公室负责；按照本办法和本部门要求，我区各单位、本市场主体。"
    assert [d.word for d in designations(text)] == ["我局", "本局", "我区"]


@pytest.mark.parametrize(
    ("agency", "word", "serious"),
    [
        ("安岳县周礼镇人民政府", "局", True),
        ("南京市鼓楼区华侨路街道办事处", "局", True),
        ("云溪县市场监督管理局", "镇", True),
        ("云溪县市场监督管理局", "街道", True),
        ("高平市人民政府", "镇", True),
        ("云溪县市场监督管理局", "委", False),
        ("高平市人民政府", "县", False),
        ("安岳县周礼镇人民政府", "乡", False),
    ],
)
def test_wrong_designations(agency, word, serious):
    wrong = judge_designation(agency, word)
    assert wrong is not None and wrong.serious is serious
    assert f"我{word}" in wrong.why or agency in wrong.why or "应自称" in wrong.why


@pytest.mark.parametrize(
    ("agency", "word"),
    [
        ("安岳县周礼镇人民政府", "镇"),
        ("安岳县周礼镇人民政府", "县"),  # the county it belongs to
        ("安岳县周礼镇人民政府", "办"),  # 党政办
        ("武汉市硚口区韩家墩街道办事处", "街"),
        ("云溪县市场监督管理局", "局"),
        ("云溪县市场监督管理局", "县"),  # a department speaking of its county
        ("高平市人民政府", "市"),
        ("高平市人民政府办公室", "办"),
        ("高平市人民政府办公室", "市"),
        ("武汉市东湖生态旅游风景区海事处", "处"),
        ("", "局"),  # unknown agency: nothing to judge against
    ],
)
def test_fitting_designations(agency, word):
    assert judge_designation(agency, word) is None


def test_self_designations_of_more_bodies():
    assert self_designations("南京市鼓楼区华侨路街道办事处") == ("我街道", "本街道", "我街")
    assert self_designations("武汉市东湖生态旅游风景区海事处") == ("我处", "本处")
    assert self_designations("威海市大数据中心") == ("我中心", "本中心")
    assert region_parts("西安市阎良区信访局") == ["西安市", "阎良区"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("高平市", "高平市人民政府", True),
        ("浑南区国资局", "沈阳市浑南区人民政府国有资产监督管理局", True),
        ("云溪县市场监管局", "云溪县市场监督管理局", True),
        ("川汇区民政局", "川汇区信访局", False),
        ("荣成市成山镇", "荣成市大疃镇人民政府", False),
        ("大平镇人民政府", "安岳县周礼镇人民政府", False),
        ("云溪县交通运输局", "荣成市交通运输局", False),
        ("阎良区信访局", "西安市阎良区信访局", True),
    ],
)
def test_same_agency(a, b, same):
    assert same_agency(a, b) is same


def test_other_agencies_speaking_as_author():
    agency = "云溪县市场监督管理局"
    text = "2025年，云溪县交通运输局坚持以公开促规范。我局会同云溪县财政局开展检查。"
    assert [(o.name, o.leading) for o in other_agencies(text, agency)] == [
        ("云溪县交通运输局", True)
    ]
    assert other_agencies("2025年，云溪县市场监管局坚持公开。", agency) == []


def test_other_townships_named():
    agency = "荣成市大疃镇人民政府"
    text = "依托荣成市成山镇便民服务大厅公开信息；荣成市大疃镇党委高度重视。"
    assert [o.name for o in other_agencies(text, agency)] == ["荣成市成山镇"]
