"""Sentence pairs outside the passages of reuse: the sentences the alignment matched one to
one (a lexical or a semantic seed) that no passage holds. A rewrite in another genre (an
advisory as a ticker, an abstract as a news item) shares single sentences, too few to count
as reuse; the fact diff reads them side by side as it reads passages."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..text.features import Features
from ..types import Span
from .fragments import RawPassage, Seed


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


READING_MIN_SCORE = 0.5
"""The least similarity (:func:`~textlineage.align.semantic.combined_scores`) at which two
sentences that are each other's best match, and no seed, are read side by side by the fact
diff. A rewrite for another outlet ("Library hours would be unchanged." / "Even the library
is losing hours.") keeps the subject and changes the claim: the two sentences are each
other's nearest but seldom similar enough to seed an alignment; two texts on one topic
seldom have a pair at this level that is mutual."""


def reading_pairs(
    fa: Features,
    fb: Features,
    seeds: Sequence[Seed],
    raw: Sequence[RawPassage],
    scores: np.ndarray | None = None,
    min_score: float = READING_MIN_SCORE,
) -> tuple[tuple[Span, Span], ...]:
    """The sentence pairs the alignment matched (lexical and semantic seeds) that no
    passage holds on either side, each sentence in one pair at most (best first), in
    order: too little to count as reuse, but where a rewrite that changes genre says the
    same things, so the fact diff reads them side by side. With the sentence similarity
    ``scores`` (units of ``fa`` by units of ``fb``), the sentences left that are each
    other's best match among those left, at ``min_score`` or more, are pairs too."""
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
    if scores is not None and scores.shape == (len(fa.units), len(fb.units)):
        out.extend(_mutual_best(fa, fb, scores, min_score, held, used))
    return tuple(sorted(out))


def _mutual_best(
    fa: Features,
    fb: Features,
    scores: np.ndarray,
    min_score: float,
    held: tuple[list[Span], list[Span]],
    used: tuple[set[int], set[int]],
) -> list[tuple[Span, Span]]:
    """The sentences outside the passages and the seed pairs that are each other's best
    match among those, at ``min_score`` or more (ties to the first)."""
    free = [
        [
            k
            for k, u in enumerate(f.units)
            if k not in used[n] and not _inside((u.start, u.end), held[n])
        ]
        for n, f in enumerate((fa, fb))
    ]
    if not free[0] or not free[1]:
        return []
    sub = scores[np.ix_(free[0], free[1])]
    best_col = sub.argmax(axis=1)
    best_row = sub.argmax(axis=0)
    out = []
    for r, c in enumerate(best_col):
        if best_row[c] == r and sub[r, c] >= min_score:
            ua, ub = fa.units[free[0][r]], fb.units[free[1][int(c)]]
            out.append(((ua.start, ua.end), (ub.start, ub.end)))
    return out
