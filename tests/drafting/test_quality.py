"""The quality table of bench/draft.py, run on corpus pairs with the real fake server."""

from __future__ import annotations

import asyncio

from drafter.drafting.engine import ModelDrafter
from drafter.drafting.offline import OfflineDrafter
from drafter.drafting.prompts import Prompts
from drafter.llm.openai_chat import OpenAIChat
from tests.quality import (
    RULES,
    consecutive_pairs,
    copying_model,
    measure,
    pair_project,
    table,
)


def test_offline_drafts_of_every_pair_have_no_c1_n1_n7_and_keep_under_half():
    projects = [pair_project(*pair) for pair in consecutive_pairs()]
    rows = {r.section: r for r in asyncio.run(measure(OfflineDrafter(Prompts()), projects))}
    overview = rows["overview"]
    assert overview.drafts == len(projects)
    assert [overview.share(r) for r in ("C1", "N1", "N7")] == [0, 0, 0]
    assert max(overview.same) <= 0.5
    assert all(row.share("C1") == 0 and row.share("N1") == 0 for row in rows.values())
    printed = table("offline", list(rows.values()))
    assert printed.splitlines()[1].split() == ["section", "drafts", *RULES, "re-ask", "same"]


async def test_the_table_measures_a_model_through_the_fake_server(server, settings):
    """A model that copies last year's text draws N7 and is re-asked; the table shows
    each section's re-asks and what remains after them."""
    server.responder = copying_model
    projects = [pair_project(*pair) for pair in consecutive_pairs()[:2]]
    async with OpenAIChat(settings) as chat:
        rows = await measure(ModelDrafter(chat, Prompts()), projects)
    overview = next(r for r in rows if r.section == "overview")
    assert overview.drafts == 2 and overview.reasked == 2
    assert overview.share("N7") == 0 and overview.same == [0.0, 0.0]  # the re-ask obeyed
    firsts = [r for r in server.chat_requests() if len(r.messages) == 2]
    reasks = [r for r in server.chat_requests() if len(r.messages) == 4]
    assert len(reasks) == sum(r.reasked for r in rows) and len(firsts) == sum(
        r.drafts for r in rows
    )
    assert any("与上年报告原句相同的句子太多" in r.messages[3]["content"] for r in reasks)
