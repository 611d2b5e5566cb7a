"""The prose of a report read as data: figures, claims, years, names, outline.

Core (no Textual, no openai). The rules in ``drafter.rules`` and the offline drafter
both build on it: :mod:`~drafter.narrative.claims` is the public API for claim
sentences (``find_claims``, ``restate``).
"""
