"""Itemised figures in the prose: a stated whole and its listed parts (rule S1).

``主动公开信息230条，其中政策文件3条、图解8条、动态64条、公示155条、其他4条`` lists parts
that add up to 234, more than the 230 they are part of: one of the figures is wrong. A
reviewer adds such lists up; so does this module. What counts as a list, and when its sum
is wrong, errs towards silence, because a 其中 list is often not exhaustive (``其中政策
文件3条…等``) and figures of other kinds share the unit:

- The parts follow the whole directly: ``230条，其中…`` / ``12件，分别为…`` / ``12件，具体为…``
  (a 其中 further on may be about something else).
- Parts are the figures in the whole's unit after the marker, up to the end of the
  sentence; a figure in parentheses (a breakdown of a part) is not a part. A list stops
  at a nested list (a second 其中/含), a new whole (``共``/``合计``/``累计``/``另``/``除``,
  or a figure followed by its own 其中), a figure of another counted unit, or a label
  too long to name a part (another topic after ``；``). An approximate part
  (``30余条``) leaves the list unjudged.
- ``其中`` (some of the parts): only a sum *larger* than the whole is wrong.
- ``分别为``/``分别是``/``具体为`` (all of the parts), and ``包括…，共N条`` (the total after
  the list): a sum different from the whole is wrong.

At least two parts are needed: one figure after 其中 is a part, not a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from drafter.narrative.numbers import COUNT_UNITS, Number, extract_numbers
from drafter.narrative.text import lines_matching, sentences

_SOME = re.compile(r"^[，,：:；;]?\s*其中\s*[，,：:]?")
_ALL = re.compile(r"^[，,：:；;]?\s*(?:分别为|分别是|具体为|具体是|依次为)\s*[，,：:]?")
_INCLUDES = re.compile(r"包括|涵盖")
_TOTAL_AFTER = re.compile(r"(?:共计?|合计|总计)\s*$")
_NESTED = re.compile(r"其中|含|包括")
_NEW_WHOLE = re.compile(r"共|合计|总计|累计|另有|另外|此外|同时|除")
LABEL = 14
"""Most characters naming one part. Part labels in the corpus run 2–13 characters
(``予以公开及部分公开``, ``与公众密切相关的工作动态类``); a longer stretch starts another
topic (``；因政府信息公开引起的行政复议案件2件``, 16)."""
_NOT_LABEL = re.compile(r"[\s，,、；;：:。（）()]")
_COUNTED = frozenset(COUNT_UNITS)
_MARKERS = re.compile(r"其中|分别|具体|依次|包括|涵盖")
"""A sentence without one of these lists nothing (a quick screen before the figures)."""
_CHANGE = re.compile(
    r"(?:较|比|同比|环比|相比)[^，,；;。]{0,12}?(?:增加|减少|增长|下降|上升|回落|多|少)了?$"
)
"""A figure that is a change (较上年增加222条), not a whole."""


@dataclass(frozen=True)
class Itemised:
    """A whole and its listed parts that do not add up."""

    whole: Number
    parts: tuple[Number, ...]
    exhaustive: bool
    """The parts are all of the whole (分别为, 包括…共): any difference is wrong."""

    @property
    def total(self) -> Decimal:
        return sum((p.value for p in self.parts), Decimal(0))

    @property
    def start(self) -> int:
        return self.whole.start

    @property
    def end(self) -> int:
        return max(self.whole.unit_end, self.parts[-1].unit_end)


def mismatched_lists(text: str) -> list[Itemised]:
    """Every itemised list in ``text`` whose parts do not add up to its whole."""
    found: list[Itemised] = []
    for line_start, line_end in lines_matching(_MARKERS, text):
        line = text[line_start:line_end]
        for start, end in sentences(line):
            sentence = line[start:end]
            if not _MARKERS.search(sentence):
                continue
            for item in _lists(sentence):
                wrong = (
                    item.total != item.whole.value
                    if item.exhaustive
                    else item.total > item.whole.value
                )
                if wrong:
                    found.append(_shift(item, line_start + start))
    return found


def _lists(sentence: str) -> list[Itemised]:
    numbers = [n for n in extract_numbers(sentence) if n.unit is not None]
    lists: list[Itemised] = []
    for i, whole in enumerate(numbers):
        if whole.unit not in _COUNTED or whole.approx:
            continue
        after = sentence[whole.unit_end :]
        marker = _SOME.match(after) or _ALL.match(after)
        if marker is not None and _CHANGE.search(sentence[: whole.start]):
            # 1268条，较上年增加222条，其中…: the parts are of 1268, the figure before.
            earlier = numbers[i - 1] if i else None
            between = sentence[earlier.unit_end : whole.start] if earlier else ""
            if earlier is None or earlier.unit != whole.unit or not _CHANGE.search(between):
                continue
            marker_end = whole.unit_end + marker.end()
            whole = earlier
        elif marker is not None:
            marker_end = whole.unit_end + marker.end()
        if marker is not None:
            parts = _parts(sentence, numbers[i + 1 :], whole, marker_end)
            if len(parts) >= 2:
                lists.append(Itemised(whole, tuple(parts), marker.re is _ALL))
            continue
        # 包括 A 3条、B 4条，共 7 条: the whole after its parts.
        before = sentence[: whole.start]
        listed = _INCLUDES.search(before)
        if listed is not None and _TOTAL_AFTER.search(before):
            parts = [
                n
                for n in numbers[:i]
                if n.start > listed.end() and n.unit == whole.unit and not n.approx
            ]
            if len(parts) >= 2 and not _inside_parentheses(sentence, parts[0].start):
                lists.append(Itemised(whole, tuple(parts), True))
    return lists


def _parts(sentence: str, rest: list[Number], whole: Number, begin: int) -> list[Number]:
    parts: list[Number] = []
    cursor = begin
    for n in rest:
        between = sentence[cursor : n.start]
        if _NESTED.search(between) or _NEW_WHOLE.search(between):
            break
        if len(_NOT_LABEL.sub("", between)) > LABEL:
            break
        if _SOME.match(sentence[n.unit_end :]) or _ALL.match(sentence[n.unit_end :]):
            break  # 行政诉讼 46件，其中…: a new whole with its own list
        cursor = n.unit_end
        if _inside_parentheses(sentence, n.start, begin):
            continue
        if n.unit != whole.unit:
            if n.unit in _COUNTED:
                break  # figures of another kind: the list is over
            continue  # 占51.85%: said of the part before
        if n.approx:
            return []  # 30余条: the list cannot be added up
        parts.append(n)
    return parts


def _inside_parentheses(sentence: str, pos: int, floor: int = 0) -> bool:
    before = sentence[floor:pos]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def _shift(item: Itemised, offset: int) -> Itemised:
    def moved(n: Number) -> Number:
        return Number(
            n.start + offset,
            n.end + offset,
            n.unit_end + offset,
            n.value,
            n.unit,
            n.approx,
            n.chinese,
        )

    return Itemised(moved(item.whole), tuple(moved(p) for p in item.parts), item.exhaustive)
