"""Alignment kernel for claim-length texts: a claim (a sentence, a tweet, a headline) found
in the other text, copied or lightly edited.

The fragments of :mod:`.fragments` start from sentence pairs similar as wholes; a claim
quoted inside a longer sentence of the other text ("As one post put it: ..."), or run into
the sentence before it, is a small part of that sentence and does not seed one. Here each
unit of a claim-length text is matched against the units of the other text holding most
of its terms, word by word: it is a copy when the other text keeps at least
:attr:`~.evidence.ShortConfig.copy_share` of its words in order, within one unit or two
in a row (see :class:`~.evidence.ShortConfig` for the other conditions).

A pure function of the two documents' features, like the other kernels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from rapidfuzz.distance import LCSseq

from ..text.features import Features
from ..types import Span
from .evidence import ShortConfig
from .fragments import RawPassage, Vectors
from .trim import token_ratio

CANDIDATES = 3
"""Units of the other text a claim unit is matched against (those holding most of its
terms)."""


def claim_passages(fa: Features, fb: Features, vec: Vectors, cfg: ShortConfig) -> list[RawPassage]:
    """Passages copying a claim-length document, whole or a unit of it, into the other
    document (both ways when both are claim-length); none when neither is."""
    short = cfg.sides((len(fa.text), len(fb.text)))
    out: list[RawPassage] = []
    if not fa.units or not fb.units:
        return out
    for side in (0, 1):
        if not short[side]:
            continue
        f_short, f_long = (fa, fb) if side == 0 else (fb, fa)
        dice = vec.dice if side == 0 else vec.dice.T
        cosine = vec.cosine if side == 0 else vec.cosine.T
        own, other = vec.sizes[side], vec.sizes[1 - side]
        # Shared terms of each unit pair (from the Dice overlap).
        shared = dice * (own[:, None] + other[None, :]) / 2
        n = len(f_short.units)
        # The whole text first (a claim of several short sentences), then each unit.
        runs = [(0, n - 1)] if n > 1 else []
        runs += [(i, i) for i in range(n)]
        for i0, i1 in runs:
            contained = shared[i0 : i1 + 1].sum(axis=0) / max(1, int(own[i0 : i1 + 1].sum()))
            order = np.argsort(-contained, kind="stable")[:CANDIDATES]
            for j in order[contained[order] >= 1 - cfg.copy_share].tolist():
                reach = (max(0, j - (i1 - i0)), min(len(f_long.units) - 1, j + i1 - i0 + 1))
                p = _match(f_short, f_long, (i0, i1), reach, cfg)
                if p is None:
                    continue
                spans, ratio, matched, words = p
                if side == 1:
                    spans = (spans[1], spans[0])
                if any(_overlaps(spans, q.spans) for q in out):
                    continue
                out.append(
                    RawPassage(
                        ((spans[0],), (spans[1],)),
                        ratio,
                        float(cosine[i0 : i1 + 1, j].max()),
                        units=(i1 - i0 + 1, 1) if side == 0 else (1, i1 - i0 + 1),
                        reasons=(
                            f"short copy: {matched} of the {words} words of a claim-length "
                            "text agree in order",
                        ),
                    )
                )
    return out


def _overlaps(a: tuple[Span, Span], b: tuple[Sequence[Span], Sequence[Span]]) -> bool:
    """Whether passage spans ``a`` overlap ``b``'s on both sides."""
    return all(any(s < e2 and s2 < e for s2, e2 in b[k]) for k, (s, e) in enumerate(a))


def _match(
    f_short: Features,
    f_long: Features,
    run: tuple[int, int],
    reach: tuple[int, int],
    cfg: ShortConfig,
) -> tuple[tuple[Span, Span], float, int, int] | None:
    """Units ``run`` of the claim-length text against units ``reach`` of the other (both
    inclusive): the spans trimmed to the words in common (claim side first), the token
    ratio inside them, the words matched in order and the run's words; None when it is
    not a copy."""
    u0, u1 = f_short.units[run[0]], f_short.units[run[1]]
    lo, hi = f_long.units[reach[0]], f_long.units[reach[1]]
    ta, tb = u0.table, lo.table
    q, d = ta.norms[u0.first : u1.stop], tb.norms[lo.first : hi.stop]
    if len(q) < cfg.min_tokens or u1.end - u0.start < cfg.min_chars:
        return None
    blocks = [b for b in LCSseq.opcodes(q, d) if b.tag == "equal"]
    while len(blocks) > 1 and stray_block(blocks[-1], blocks[-2]):
        blocks.pop()
    while len(blocks) > 1 and stray_block(blocks[0], blocks[1]):
        blocks.pop(0)
    matched = sum(b.src_end - b.src_start for b in blocks)
    if not blocks or matched < max(cfg.min_tokens, cfg.copy_share * len(q)):
        return None
    a0, a1 = blocks[0].src_start, blocks[-1].src_end
    b0, b1 = blocks[0].dest_start, blocks[-1].dest_end
    end_a, end_b = ta.ends[u0.first + a1 - 1], tb.ends[lo.first + b1 - 1]
    sa = (ta.starts[u0.first + a0], _close(f_short, _unit_end(f_short, run, end_a), end_a))
    sb = (tb.starts[lo.first + b0], _close(f_long, _unit_end(f_long, reach, end_b), end_b))
    return (sa, sb), token_ratio(q[a0:a1], d[b0:b1]), matched, len(q)


def _unit_end(f: Features, units: tuple[int, int], at: int) -> int:
    """The end of the unit among ``units`` that holds offset ``at``."""
    return next(
        (f.units[k].end for k in range(units[0], units[1] + 1) if at <= f.units[k].end),
        f.units[units[1]].end,
    )


def _close(f: Features, limit: int, end: int) -> int:
    """``end`` moved over punctuation that closes the sentence right after it."""
    rest = f.text[end:limit]
    return limit if 0 < len(rest) <= 2 and not rest.isspace() else end


def stray_block(edge: Any, neighbour: Any) -> bool:
    """An edge block of one word more than three words away from the next block."""
    gap = max(edge.dest_start - neighbour.dest_end, neighbour.dest_start - edge.dest_end)
    return bool(edge.src_end - edge.src_start == 1 and gap > 3)
