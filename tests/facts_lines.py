"""What the furniture tests read of a text: the page furniture found, and the facts left."""

from __future__ import annotations

from textlineage.facts import extract_facts
from textlineage.facts.furniture import furniture_spans


def furniture(text: str) -> list[str]:
    """The stretches of ``text`` read as page furniture (English)."""
    return [text[s:e] for s, e in furniture_spans(text, "en")]


def values(text: str) -> list[str]:
    """The facts extracted from ``text`` (English), as written."""
    return [f.text for f in extract_facts(text, language="en")]
