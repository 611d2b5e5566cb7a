"""Drafting the narrative sections (一、五、六): prompts, the engine, the offline drafter.

The core side of drafting; it never imports openai (``drafter.llm`` does, behind the
:class:`~drafter.drafting.chat.ChatModel` seam) nor Textual.

- ``chat``: the ChatModel protocol, messages, ChatError.
- ``prompts``, ``figures``: jinja2 templates in ``prompts/`` and this year's figures.
- ``engine``: the Drafter protocol, ModelDrafter (check + one re-ask), draft_sections.
- ``offline``: OfflineDrafter, rolling last year's text forward.
- ``checks``: running a draft through the checker. ``apply``: into the project, safely.
- ``reasoning``: keeping <think> blocks out. ``calllog``: the JSONL log of calls.
"""
