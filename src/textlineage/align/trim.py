"""Trimming an aligned region to what matches: copied text to its matching tokens, reworded
text to where the other side's terms are dense."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rapidfuzz.distance import LCSseq

from ..text.features import Unit
from ..types import Span
from .fragments import AlignConfig


def _close(left: object, right: object, gap: int = 3) -> bool:
    lb, rb = left, right
    return (
        rb.src_start - lb.src_end <= gap and rb.dest_start - lb.dest_end <= gap  # type: ignore[attr-defined]
    )


def _extend_punct(units: Sequence[Unit], r: tuple[int, int], end: int) -> int:
    """Include closing punctuation that directly follows the last token, within the unit."""
    limit = units[r[1]].end
    return limit if 0 < limit - end <= 2 else end


def index_runs(idx: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in sorted(set(idx)):
        if out and i == out[-1][1] + 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _slice(units: Sequence[Unit], r: tuple[int, int]) -> slice:
    """Where the tokens of units ``r[0]`` to ``r[1]`` lie in their document's token table."""
    return slice(units[r[0]].first, units[r[1]].stop)


def region_tokens(units: Sequence[Unit], rs: Sequence[tuple[int, int]]) -> list[str]:
    """The folded tokens of the unit ranges ``rs``, in order."""
    if not rs:
        return []
    norms = units[rs[0][0]].table.norms
    if len(rs) == 1:
        return norms[_slice(units, rs[0])]
    return [t for r in rs for t in norms[_slice(units, r)]]


def token_ratio(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    return 2.0 * LCSseq.similarity(a, b) / (len(a) + len(b))


def trim_to_matches(
    units_a: Sequence[Unit],
    units_b: Sequence[Unit],
    ra: tuple[int, int],
    rb: tuple[int, int],
    blocks: Sequence[Any] | None = None,
) -> tuple[Span, Span, float]:
    """Trim a one-range-per-side passage to its first and last matching tokens
    (``blocks``: the equal blocks of the ranges' tokens, when the caller has them)."""
    sa, sb = _slice(units_a, ra), _slice(units_b, rb)
    ta, tb = units_a[ra[0]].table, units_b[rb[0]].table
    na, nb = ta.norms[sa], tb.norms[sb]
    if blocks is None:
        blocks = [b for b in LCSseq.opcodes(na, nb) if b.tag == "equal"]
    if not blocks:
        return (
            (units_a[ra[0]].start, units_a[ra[1]].end),
            (units_b[rb[0]].start, units_b[rb[1]].end),
            0.0,
        )
    a0, a1 = blocks[0].src_start, blocks[-1].src_end
    b0, b1 = blocks[0].dest_start, blocks[-1].dest_end
    ratio = token_ratio(na[a0:a1], nb[b0:b1])
    fa, fb = sa.start, sb.start
    return (
        (ta.starts[fa + a0], _extend_punct(units_a, ra, ta.ends[fa + a1 - 1])),
        (tb.starts[fb + b0], _extend_punct(units_b, rb, tb.ends[fb + b1 - 1])),
        ratio,
    )


def trim_copy(
    units_a: Sequence[Unit],
    units_b: Sequence[Unit],
    ra: tuple[int, int],
    rb: tuple[int, int],
    cfg: AlignConfig,
) -> tuple[Span, Span] | None:
    """Trim a copy-like region to its first and last matched run of tokens.

    Runs shorter than ``trim_min_run`` tokens are chance matches and do not anchor an edge.
    Returns None when the region is not copy-like (runs cover too little of it).
    """
    sa, sb = _slice(units_a, ra), _slice(units_b, rb)
    ta, tb = units_a[ra[0]].table, units_b[rb[0]].table
    na, nb = ta.norms[sa], tb.norms[sb]
    if not na or not nb:
        return None
    every = [b for b in LCSseq.opcodes(na, nb) if b.tag == "equal"]
    anchors = [k for k, b in enumerate(every) if b.src_end - b.src_start >= cfg.trim_min_run]
    if not anchors:
        return None
    first, last = anchors[0], anchors[-1]
    # Grow outwards over shorter matches that sit close to the edge (edited edges).
    while first > 0 and _close(every[first - 1], every[first]):
        first -= 1
    while last < len(every) - 1 and _close(every[last], every[last + 1]):
        last += 1
    blocks = every[first : last + 1]
    a0, a1 = blocks[0].src_start, blocks[-1].src_end
    b0, b1 = blocks[0].dest_start, blocks[-1].dest_end
    matched = sum(b.src_end - b.src_start for b in blocks)
    if matched < cfg.trim_min_cover * min(a1 - a0, b1 - b0) or matched < 0.5 * min(
        len(na), len(nb)
    ):
        return None
    fa, fb = sa.start, sb.start
    return (
        (ta.starts[fa + a0], _extend_punct(units_a, ra, ta.ends[fa + a1 - 1])),
        (tb.starts[fb + b0], _extend_punct(units_b, rb, tb.ends[fb + b1 - 1])),
    )


def region_terms(units: Sequence[Unit], r: tuple[int, int]) -> list[tuple[str, int, int]]:
    """Content terms of a unit range with the char span of the token each came from."""
    t = units[r[0]].table
    sl = _slice(units, r)
    return [
        (term, s, e)
        for term, s, e in zip(t.terms[sl], t.starts[sl], t.ends[sl], strict=True)
        if term is not None
    ]


def density_trim(
    units: Sequence[Unit], r: tuple[int, int], other: set[str], cfg: AlignConfig
) -> Span | None:
    """Trim a region's edges to where the other side's terms start and stop appearing.

    An edge moves inwards past content words until a window of ``density_window`` words
    holds at least ``density_hits`` words found in the other region.
    """
    terms = region_terms(units, r)
    hits = [t in other for t, _, _ in terms]
    w, need = cfg.density_window, cfg.density_hits
    n = len(terms)
    if n < w:
        return None
    first = next((k for k in range(n) if hits[k] and sum(hits[k : k + w]) >= need), None)
    last = next(
        (
            k
            for k in range(n - 1, -1, -1)
            if hits[k] and sum(hits[max(0, k - w + 1) : k + 1]) >= need
        ),
        None,
    )
    if first is None or last is None or last < first:
        return None
    return terms[first][1], _extend_punct(units, r, terms[last][2])
