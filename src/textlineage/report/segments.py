"""A document's text cut into the flat segments the HTML report highlights.

The text is split at every passage and fact boundary, so each piece lies wholly inside or
outside every range; overlapping ranges then never need nested markup, and the pieces
joined back are exactly the document text. Each bidi control character (see
:data:`BIDI_CONTROLS`) is also a piece of its own, so the page can isolate it and show it
instead of letting it reorder the text around it. :func:`neutralise` is the counterpart for
short labels (ids, reasons, fact texts), where the character is replaced instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import Span

__all__ = ["BIDI_CONTROLS", "Segment", "bidi_name", "neutralise", "segments"]

# Characters that set or change the direction of the text around them: the marks (ALM,
# LRM, RLM), embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI,
# FSI, PDI). A document can use them to make what a reader sees differ from the text.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def neutralise(value: object) -> str:
    """``value`` as text with every bidi control replaced by U+FFFD, as the text report does.

    For strings from the documents shown outside the text panes: a label cannot carry a
    direction override into the page around it.
    """
    return BIDI_CONTROLS.sub("\ufffd", str(value))


def bidi_name(ch: str) -> str:
    """``"U+202E RIGHT-TO-LEFT OVERRIDE"`` for a character of :data:`BIDI_CONTROLS`."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip()


@dataclass(frozen=True)
class Segment:
    """``text`` starting at offset ``start``, with what covers it.

    ``passages`` and ``facts`` are indexes, ascending; ``bidi`` is true when the segment is
    one bidi control character. A segment with none of the three is plain text.
    """

    start: int
    text: str
    passages: tuple[int, ...] = ()
    facts: tuple[int, ...] = ()
    bidi: bool = False


def segments(
    text: str, passage_ranges: Sequence[Sequence[Span]], fact_spans: Sequence[Span | None]
) -> list[Segment]:
    """Cut ``text`` at every range boundary and around every bidi control character.

    ``passage_ranges[i]`` holds passage ``i``'s ranges in this text and ``fact_spans[j]``
    fact ``j``'s range (None when the fact is in the other document). Ranges are clipped
    to the text; empty or reversed ones mark nothing.
    """
    n = len(text)
    opens: dict[int, list[tuple[bool, int]]] = defaultdict(list)
    closes: dict[int, list[tuple[bool, int]]] = defaultdict(list)

    def mark(start: int, end: int, is_passage: bool, ident: int) -> None:
        s, e = max(0, min(start, n)), max(0, min(end, n))
        if e > s:
            opens[s].append((is_passage, ident))
            closes[e].append((is_passage, ident))

    for pid, ranges in enumerate(passage_ranges):
        for s, e in ranges:
            mark(s, e, True, pid)
    for fid, span in enumerate(fact_spans):
        if span is not None:
            mark(span[0], span[1], False, fid)
    bidi = {m.start() for m in BIDI_CONTROLS.finditer(text)}

    bounds = sorted({0, n, *opens, *closes, *bidi, *(i + 1 for i in bidi)})
    active_p: dict[int, int] = {}
    active_f: dict[int, int] = {}
    out: list[Segment] = []
    for i in range(len(bounds) - 1):
        b = bounds[i]
        for is_p, ident in closes.get(b, ()):
            active = active_p if is_p else active_f
            active[ident] -= 1
            if not active[ident]:
                del active[ident]
        for is_p, ident in opens.get(b, ()):
            active = active_p if is_p else active_f
            active[ident] = active.get(ident, 0) + 1
        out.append(
            Segment(
                b,
                text[b : bounds[i + 1]],
                tuple(sorted(active_p)),
                tuple(sorted(active_f)),
                b in bidi,
            )
        )
    return out
