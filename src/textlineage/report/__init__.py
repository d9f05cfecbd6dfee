"""Reports of a comparison: plain text for the terminal, a self-contained HTML page, JSON."""

from __future__ import annotations

import json

from ..types import Comparison
from .html import render_html
from .text import render_text

__all__ = ["render_html", "render_json", "render_text"]


def render_json(c: Comparison, *, indent: int | None = 2) -> str:
    """The comparison's stable JSON form (see ``docs/schema.md``), as a string."""
    return json.dumps(c.to_json(), ensure_ascii=False, indent=indent)
