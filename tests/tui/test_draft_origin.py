"""Who wrote a draft, as the clerk reads it (the suggestion's title, the streaming line).

The snapshot ``test_draft_suggestion_with_its_findings`` shows it on screen:
「起草建议（离线起草，完整）」.
"""

from drafter.drafting.offline import ORIGIN
from drafter.model import Draft
from drafter.tui.endpoint import OFFLINE, OFFLINE_ORIGIN, origin_label
from tests.chinese import english_words


def test_the_offline_drafter_is_named_in_chinese():
    assert OFFLINE_ORIGIN == ORIGIN == Draft().origin
    assert origin_label(ORIGIN) == OFFLINE == "离线起草"
    assert english_words(origin_label(ORIGIN)) == []


def test_a_model_is_named_as_recorded():
    assert (
        origin_label("qwen-plus @ dashscope.aliyuncs.com") == "qwen-plus @ dashscope.aliyuncs.com"
    )
