"""Sentence pairs outside the passages of reuse: the sentences the alignment matched one to
one (a lexical or a semantic seed) that no passage holds. A rewrite in another genre (an
advisory as a ticker, an abstract as a news item) shares single sentences, too few to count
as reuse; the fact diff reads them side by side as it reads passages."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.features import Features
from ..types import Span
from .fragments import RawPassage, Seed


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def reading_pairs(
    fa: Features, fb: Features, seeds: Sequence[Seed], raw: Sequence[RawPassage]
) -> tuple[tuple[Span, Span], ...]:
    """The sentence pairs the alignment matched (lexical and semantic seeds) that no
    passage holds on either side, each sentence in one pair at most (best first), in
    order: too little to count as reuse, but where a rewrite that changes genre says the
    same things, so the fact diff reads them side by side."""
    held: tuple[list[Span], list[Span]] = ([], [])
    for p in raw:
        held[0].extend(p.spans[0])
        held[1].extend(p.spans[1])
    used: tuple[set[int], set[int]] = (set(), set())
    out = []
    for sd in sorted(seeds, key=lambda x: (-x.score, x.i, x.j)):
        if sd.i in used[0] or sd.j in used[1]:
            continue
        ua, ub = fa.units[sd.i], fb.units[sd.j]
        sa, sb = (ua.start, ua.end), (ub.start, ub.end)
        if _inside(sa, held[0]) or _inside(sb, held[1]):
            continue
        used[0].add(sd.i)
        used[1].add(sd.j)
        out.append((sa, sb))
    return tuple(sorted(out))
