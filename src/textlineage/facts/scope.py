"""Which parts of a long text the fact diff reads.

A fact-checker comparing a short article with a long report asks what the article did with
the part it took, not which of the report's forty thousand other facts it left out; and
reading every fact of a document of megabytes takes many seconds. So a text longer than
:data:`WHOLE_TEXT_CHARS` is read only around its reused passages: each passage's extent
widened by :data:`MARGIN_CHARS` on both sides (to the nearest paragraph or sentence break
within reach, so a quotation or a number is not cut in two), overlapping windows merged.
A long text that shares no passage has no window: its facts are not read.

Facts read in a window keep their offsets in the whole text.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence

from ..types import Passage, Span
from .extract import analysed
from .items import Item

WHOLE_TEXT_CHARS = 100_000
"""Texts up to this length (about 16,000 words) are read whole."""

MARGIN_CHARS = 1_500
"""How far around a reused passage a long text's facts are read (a paragraph or two)."""

_BREAKS = ("\n\n", "\n", ". ", " ")


def windows(
    text: str, passages: Sequence[Passage], doc: int, margin: int = MARGIN_CHARS
) -> tuple[Span, ...] | None:
    """The ranges of ``text`` (document ``doc`` of the passages) the fact diff reads, or
    None to read it whole (it is short)."""
    n = len(text)
    if n <= WHOLE_TEXT_CHARS:
        return None
    raw = sorted(
        (max(0, s - margin), min(n, e + margin))
        for p in passages
        if 0 <= doc < len(p.spans)
        for s, e in p.spans[doc]
    )
    merged: list[list[int]] = []
    for s, e in raw:
        s, e = _snap_start(text, s, margin), _snap_end(text, e, margin)
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return tuple((s, e) for s, e in merged)


def _snap_start(text: str, start: int, reach: int) -> int:
    """``start`` moved back to just after the nearest break within ``reach``."""
    if start == 0:
        return 0
    lo = max(0, start - reach)
    for brk in _BREAKS:
        k = text.rfind(brk, lo, start)
        if k != -1:
            return k + len(brk)
    return lo


def _snap_end(text: str, end: int, reach: int) -> int:
    """``end`` moved on to the nearest break within ``reach``."""
    n = len(text)
    if end >= n:
        return n
    hi = min(n, end + reach)
    for brk in _BREAKS:
        k = text.find(brk, end, hi)
        if k != -1:
            return k + (1 if brk == ". " else 0)
    return hi


def read_items(
    text: str, doc: int, lang: str, passages: Sequence[Passage]
) -> tuple[list[Item], tuple[Span, ...] | None]:
    """The fact items of ``text`` (copies, free to mark) and the windows read (None: the
    whole text)."""
    spans = windows(text, passages, doc)
    if spans is None:
        return [copy.copy(it) for it in analysed(text, doc, lang)], None
    out: list[Item] = []
    for s, e in spans:
        for it in analysed(text[s:e], doc, lang):
            moved = copy.copy(it)
            fs, fe = it.fact.span
            moved.fact = dataclasses.replace(it.fact, span=(fs + s, fe + s))
            out.append(moved)
    return out, spans
