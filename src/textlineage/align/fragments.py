"""Alignment kernels, part 1: seeds and fragments between two documents.

Pure functions of two :class:`~textlineage.text.features.Features` values, shared by the
pairwise engine, the corpus engine and the Spark job (part 2, passages, is
:mod:`textlineage.align.passages`).

1. **Seeds** are pairs of units (one from each document) that look alike: lexically (the
   cosine of their tf-idf vectors and the Dice overlap of their term sets both pass a
   threshold) or semantically (embedding similarity with structural support, computed by
   :mod:`textlineage.align.semantic` and passed in).
2. **Fragments** are maximal aligned regions: seeds are clustered alternately along each
   document, allowing up to ``max_gap`` units between neighbours; a cluster is kept when the
   two regions it spans are similar as wholes, and re-clustered with a smaller gap when not.
   Regions whose source side is much longer than their other side (summaries) get a second
   pass with a wider gap on the long side. Overlaps are resolved in favour of the better
   fragment. This is the maximal-passage view used for PAN detections and coverage.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np

from ..errors import TooLargeError
from ..text.features import Features, Unit
from ..types import Span
from .evidence import EvidenceConfig, ShortConfig


@dataclass(frozen=True)
class AlignConfig:
    """Alignment settings; defaults are calibrated on the PAN 2013 training corpus."""

    min_unit_terms: int = 3
    seed_cosine: float = 0.33
    seed_dice: float = 0.33
    max_gap: int = 4
    validation_cosine: float = 0.34
    min_fragment_chars: int = 150
    summary_max_gap: int = 24
    summary_ratio: float = 3.0
    verbatim_run_tokens: int = 6
    near_verbatim_ratio: float = 0.7
    compression_ratio: float = 0.8
    trim_min_run: int = 3
    trim_min_cover: float = 0.95
    weak_reach: int = 1
    weak_cosine: float = 0.2
    weak_dice: float = 0.2
    semantic_validation: float = 0.7
    """Mean similarity at which semantic seeds alone vouch for a region."""
    density_window: int = 6
    density_hits: int = 3
    evidence: EvidenceConfig = field(default_factory=EvidenceConfig)
    """When a readable passage counts as reuse (see :mod:`textlineage.align.evidence`)."""
    short: ShortConfig = field(default_factory=ShortConfig)
    """What changes when either text is claim-length (a sentence, a tweet, a headline)."""


@dataclass(frozen=True)
class Seed:
    i: int
    j: int
    score: float
    kind: str = "lexical"


@dataclass(frozen=True)
class Fragment:
    """A maximal aligned region: inclusive unit ranges ``a`` and ``b`` and its seeds."""

    a: tuple[int, int]
    b: tuple[int, int]
    seeds: tuple[Seed, ...]
    similarity: float


@dataclass(frozen=True)
class RawPassage:
    """An unlabelled passage: char ranges per side and the measures used to label it."""

    spans: tuple[tuple[Span, ...], tuple[Span, ...]]
    token_ratio: float
    similarity: float
    verbatim_run: bool = False
    units: tuple[int, int] = (1, 1)
    """How many alignment units (sentences) each side spans."""
    reasons: tuple[str, ...] = ()
    """Why the passage counts as reuse (see :mod:`textlineage.align.evidence`)."""
    languages: tuple[str, str] | None = None
    """The two sides' languages when they differ: a translation
    (:mod:`textlineage.align.crosslingual`)."""


class Vectors:
    """Tf-idf vectors of both documents' units over a shared vocabulary.

    The vocabulary numbers terms in order of first use, the first document's units before
    the second's; each document's :attr:`~textlineage.text.features.Features.term_matrix`
    holds its part, so a pair only maps the second document's terms. The unit-by-unit
    similarity matrices are dense, so their size (``len(a.units) * len(b.units)``) is
    bounded by ``max_unit_pairs``.

    Built on plain arrays (a pair of news articles is small, and the set-up of sparse
    matrices would cost more than the arithmetic): each cosine is summed in float32 over
    the shared terms in vocabulary order, each product rounded to float32, which is the
    order and precision of a CSR matrix product, so the values are those of one.
    """

    def __init__(self, fa: Features, fb: Features, max_unit_pairs: int = 25_000_000) -> None:
        na, nb = len(fa.units), len(fb.units)
        if na * nb > max_unit_pairs:
            raise TooLargeError(na, nb, max_unit_pairs)
        ma, mb = fa.term_matrix, fb.term_matrix
        # The second document's terms: the first's id when shared, else the next free ones
        # in the second's order of first use.
        remap = np.fromiter(map(ma.vocab.get, mb.vocab, repeat(-1)), np.int64, len(mb.vocab))
        new = remap < 0
        remap[new] = len(ma.vocab) + np.arange(int(new.sum()))
        v = max(1, len(ma.vocab) + int(new.sum()))
        ids_b = remap[mb.indices]
        order = np.lexsort((ids_b, mb.rows))  # each row's ids ascending; rows stay in order
        idx = np.concatenate([ma.indices, ids_b[order]])
        counts = np.concatenate([ma.counts, mb.counts[order]])
        ptr = np.concatenate([ma.indptr, mb.indptr[1:] + ma.indptr[-1]])
        n = na + nb
        df = np.bincount(idx, minlength=v)
        idf = np.log((n + 1) / (df + 0.5)).astype(np.float32)
        weight = counts * idf[idx]
        rows = np.concatenate([ma.rows, mb.rows + na])
        norms = np.sqrt(np.bincount(rows, weights=weight * weight, minlength=n)).astype(np.float32)
        norms[norms == 0] = 1.0
        cut = int(ptr[na])
        self._width = v
        self._a = (weight[:cut], idx[:cut], ptr[: na + 1])
        self._b = (weight[cut:], idx[cut:], ptr[na:] - cut)
        unit = weight / norms[rows]
        self.cosine, inter = _products(
            (ma.rows, idx[:cut], unit[:cut]), (mb.rows, idx[cut:], unit[cut:]), (na, nb), v
        )
        self.sizes = (ma.sizes, mb.sizes)
        """Distinct terms of each unit of the two documents."""
        sizes = ma.sizes[:, None] + mb.sizes[None, :]
        sizes[sizes == 0] = 1
        self.dice = (2.0 * inter / sizes).astype(np.float32)

    def _region(
        self, m: tuple[np.ndarray, np.ndarray, np.ndarray], r: tuple[int, int]
    ) -> np.ndarray:
        data, indices, indptr = m
        lo, hi = indptr[r[0]], indptr[r[1] + 1]
        return np.bincount(indices[lo:hi], weights=data[lo:hi], minlength=self._width)

    def region_similarity(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        """Cosine of the summed tf-idf vectors of unit ranges ``a`` and ``b`` (inclusive)."""
        va, vb = self._region(self._a, a), self._region(self._b, b)
        den = float(np.linalg.norm(va) * np.linalg.norm(vb))
        return float(va @ vb) / den if den else 0.0


_PRODUCTS_BLOCK = 1 << 22
"""Term matches handled at once by :func:`_products` (bounds its memory)."""


def _products(
    a: tuple[np.ndarray, np.ndarray, np.ndarray],
    b: tuple[np.ndarray, np.ndarray, np.ndarray],
    shape: tuple[int, int],
    width: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Dot products (float32) and shared-term counts of every row of A with every row of
    B, as ``shape`` matrices, from their entries ``(rows, ids, values)``; A's entries by
    row, each row's ids ascending.

    Each A entry meets the B entries of its term; products are added in A's entry order,
    one at a time, in float32 (a CSR product's order, see :class:`Vectors`).
    """
    rows_a, ids_a, val_a = a
    rows_b, ids_b, val_b = b
    nb = shape[1]
    size = shape[0] * shape[1]
    dots = np.zeros(size, dtype=np.float32)
    shared = np.zeros(size, dtype=np.int64)
    by_term = np.argsort(ids_b, kind="stable")
    per_term = np.bincount(ids_b, minlength=width)
    first = np.cumsum(per_term) - per_term
    hits = per_term[ids_a]
    done = np.cumsum(hits)
    lo = 0
    while lo < len(ids_a):
        # The next A entries with at most _PRODUCTS_BLOCK matches (at least one entry).
        base = int(done[lo - 1]) if lo else 0
        hi = max(lo + 1, int(np.searchsorted(done, base + _PRODUCTS_BLOCK, "right")))
        h = hits[lo:hi]
        total = int(done[hi - 1]) - base
        if total:
            entry = np.repeat(np.arange(lo, hi), h)
            step = np.arange(total) - np.repeat(np.cumsum(h) - h, h)
            other = by_term[np.repeat(first[ids_a[lo:hi]], h) + step]
            key = rows_a[entry] * nb + rows_b[other]
            np.add.at(dots, key, val_a[entry] * val_b[other])
            shared += np.bincount(key, minlength=size)
        lo = hi
    return dots.reshape(shape), shared.reshape(shape).astype(np.float32)


def lexical_seeds(vec: Vectors, cfg: AlignConfig) -> list[Seed]:
    hits = np.argwhere((vec.cosine >= cfg.seed_cosine) & (vec.dice >= cfg.seed_dice))
    return [Seed(int(i), int(j), float(vec.cosine[i, j])) for i, j in hits]


def weak_lexical_seeds(vec: Vectors, cfg: AlignConfig) -> list[Seed]:
    """Pairs below the seed thresholds but above the weak ones (they only extend)."""
    if cfg.weak_cosine >= cfg.seed_cosine:
        return []
    weak = (vec.cosine >= cfg.weak_cosine) & (vec.dice >= cfg.weak_dice)
    strong = (vec.cosine >= cfg.seed_cosine) & (vec.dice >= cfg.seed_dice)
    return [Seed(int(i), int(j), float(vec.cosine[i, j])) for i, j in np.argwhere(weak & ~strong)]


def _split(seeds: list[Seed], side: int, gap: int) -> list[list[Seed]]:
    key = (lambda s: s.i) if side == 0 else (lambda s: s.j)
    ordered = sorted(seeds, key=lambda s: (key(s), s.i, s.j))
    groups = [[ordered[0]]]
    for s in ordered[1:]:
        if key(s) - key(groups[-1][-1]) - 1 > gap:
            groups.append([s])
        else:
            groups[-1].append(s)
    return groups


def _split_order(seeds: list[Seed], gap: int) -> list[list[Seed]]:
    """Split where the other document's order jumps back before the run's start.

    Two copied passages placed side by side in one document but taken from the other in
    reverse order form one cluster by proximity alone; they are two passages.
    """
    ordered = sorted(seeds, key=lambda s: (s.i, s.j))
    groups = [[ordered[0]]]
    low = ordered[0].j
    for s in ordered[1:]:
        if s.j < low - 1 - gap // 4 and len(groups[-1]) > 1:
            groups.append([s])
            low = s.j
        else:
            groups[-1].append(s)
            low = min(low, s.j)
    # A jump backed by a single seed is noise, not a second passage.
    merged = [groups[0]]
    for g in groups[1:]:
        if len(g) < 2 or len(merged[-1]) < 2:
            merged[-1].extend(g)
        else:
            merged.append(g)
    return merged


def _cluster(seeds: list[Seed], gap_a: int, gap_b: int, ordered: bool = True) -> list[list[Seed]]:
    work, done = [seeds], []
    while work:
        c = work.pop()
        parts = _split(c, 0, gap_a)
        if len(parts) == 1:
            parts = _split(c, 1, gap_b)
        if len(parts) == 1 and ordered:
            parts = _split_order(c, max(gap_a, gap_b))
        if len(parts) == 1:
            done.append(c)
        else:
            work.extend(parts)
    return done


def _ranges(seeds: Sequence[Seed]) -> tuple[tuple[int, int], tuple[int, int]]:
    return (
        (min(s.i for s in seeds), max(s.i for s in seeds)),
        (min(s.j for s in seeds), max(s.j for s in seeds)),
    )


def _extend(
    seeds: list[Seed], vec: Vectors, gap_a: int, gap_b: int, cfg: AlignConfig
) -> list[Fragment]:
    out: list[Fragment] = []
    for cl in _cluster(seeds, gap_a, gap_b, ordered=max(gap_a, gap_b) <= cfg.max_gap):
        a, b = _ranges(cl)
        sim = vec.region_similarity(a, b)
        sem = [x.score for x in cl if x.kind == "semantic"]
        if sim < cfg.validation_cosine and 2 * len(sem) >= len(cl):
            # Paraphrase shares few words: semantic seeds vouch for the region instead.
            sim = max(sim, sum(sem) / len(sem) * cfg.validation_cosine / cfg.semantic_validation)
        if sim >= cfg.validation_cosine:
            out.append(Fragment(a, b, tuple(cl), sim))
        elif len(cl) > 1 and (gap_a > 0 or gap_b > 0):
            out.extend(_extend(cl, vec, max(0, gap_a - 1), max(0, gap_b - 1), cfg))
    return out


def _chars(units: Sequence[Unit], r: tuple[int, int]) -> int:
    return units[r[1]].end - units[r[0]].start


def _resolve_overlaps(frags: list[Fragment], vec: Vectors) -> list[Fragment]:
    """Keep fragments that do not overlap on either side, best first; trim the rest."""
    ordered = sorted(frags, key=lambda f: (-f.similarity * len(f.seeds), f.a, f.b))
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    out: list[Fragment] = []
    for f in ordered:
        seeds = [s for s in f.seeds if s.i not in taken_a and s.j not in taken_b]
        if not seeds:
            continue
        a, b = _ranges(seeds)
        if any(i in taken_a for i in range(a[0], a[1] + 1)) or any(
            j in taken_b for j in range(b[0], b[1] + 1)
        ):
            # Keep the longest run of seeds whose ranges are clear of taken units.
            seeds = [s for s in seeds if not _blocked(s, seeds, taken_a, taken_b)]
            if not seeds:
                continue
            a, b = _ranges(seeds)
        sim = vec.region_similarity(a, b) if (a, b) != (f.a, f.b) else f.similarity
        out.append(Fragment(a, b, tuple(seeds), sim))
        taken_a.update(range(a[0], a[1] + 1))
        taken_b.update(range(b[0], b[1] + 1))
    return sorted(out, key=lambda f: (f.a, f.b))


def _blocked(s: Seed, seeds: list[Seed], taken_a: set[int], taken_b: set[int]) -> bool:
    lo_i = min(x.i for x in seeds)
    lo_j = min(x.j for x in seeds)
    return any(i in taken_a for i in range(lo_i, s.i)) or any(
        j in taken_b for j in range(lo_j, s.j)
    )


def fragments(
    fa: Features,
    fb: Features,
    cfg: AlignConfig,
    vec: Vectors | None = None,
    extra_seeds: Iterable[Seed] = (),
    weak_seeds: Sequence[Seed] = (),
    scores: np.ndarray | None = None,
) -> tuple[list[Fragment], list[Seed], Vectors]:
    """Maximal aligned regions between ``fa`` and ``fb``, their seeds, and the vectors."""
    vec = vec if vec is not None else Vectors(fa, fb)
    seeds = lexical_seeds(vec, cfg) if fa.units and fb.units else []
    if scores is not None:
        seeds = [Seed(s.i, s.j, float(scores[s.i, s.j]), s.kind) for s in seeds]
        extra_seeds = [Seed(s.i, s.j, float(scores[s.i, s.j]), s.kind) for s in extra_seeds]
        weak_seeds = [Seed(s.i, s.j, float(scores[s.i, s.j]), s.kind) for s in weak_seeds]
    weak_seeds = list(weak_seeds) + (weak_lexical_seeds(vec, cfg) if seeds else [])
    known = {(s.i, s.j) for s in seeds}
    for s in extra_seeds:
        if (s.i, s.j) not in known:
            seeds.append(s)
            known.add((s.i, s.j))
    if not seeds:
        return [], [], vec
    frags = _extend(seeds, vec, cfg.max_gap, cfg.max_gap, cfg)
    if weak_seeds:
        # Weak seeds only extend regions that strong seeds established.
        near = [
            s
            for s in weak_seeds
            if (s.i, s.j) not in known
            and any(
                f.a[0] - cfg.weak_reach <= s.i <= f.a[1] + cfg.weak_reach
                and f.b[0] - cfg.weak_reach <= s.j <= f.b[1] + cfg.weak_reach
                for f in frags
            )
        ]
        if near:
            seeds = seeds + near
            frags = _extend(seeds, vec, cfg.max_gap, cfg.max_gap, cfg)
    # Summaries: one side condenses a much longer region of the other. Re-cluster with a
    # wide gap on the long side and keep such fragments when they validate.
    for side in (0, 1):
        gap_a = cfg.summary_max_gap if side == 0 else cfg.max_gap
        gap_b = cfg.summary_max_gap if side == 1 else cfg.max_gap
        for f in _extend(seeds, vec, gap_a, gap_b, cfg):
            la, lb = _chars(fa.units, f.a), _chars(fb.units, f.b)
            long_, short = (la, lb) if side == 0 else (lb, la)
            if long_ >= cfg.summary_ratio * short and len(f.seeds) >= 2:
                frags.append(Fragment(f.a, f.b, f.seeds, f.similarity * 1.5))
    frags = _resolve_overlaps(frags, vec)
    return frags, seeds, vec


def fragment_spans(fa: Features, fb: Features, f: Fragment) -> tuple[Span, Span]:
    return (
        (fa.units[f.a[0]].start, fa.units[f.a[1]].end),
        (fb.units[f.b[0]].start, fb.units[f.b[1]].end),
    )
