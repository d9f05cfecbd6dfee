"""Alignment kernels: seeds, fragments and passages between two documents.

Pure functions of two :class:`~textlineage.text.features.Features` values, shared by the
pairwise engine, the corpus engine and the Spark job.

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
3. **Passages** are the readable view: inside each fragment, seeds are grouped into
   many-to-one groups and diagonal runs, trimmed to matching tokens where the text is
   copied, and verbatim runs inside reworded passages are reported on their own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz.distance import LCSseq
from scipy import sparse

from ..text.features import Features, Unit, content_terms
from ..types import Span
from .evidence import (
    LEXICAL_OFFSET,
    Candidate,
    EvidenceConfig,
    assess,
    distinctive_shared,
    words_and_facts,
)


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


class TooLargeError(ValueError):
    """The two documents have more unit pairs than alignment is allowed to score."""

    def __init__(self, na: int, nb: int, limit: int) -> None:
        super().__init__(
            f"{na:,} x {nb:,} sentence pairs exceed the limit of {limit:,} for one comparison"
        )
        self.units = (na, nb)


class Vectors:
    """Tf-idf vectors of both documents' units over a shared vocabulary.

    Term matrices are sparse; the unit-by-unit similarity matrices are dense, so their size
    (``len(a.units) * len(b.units)``) is bounded by ``max_unit_pairs``.
    """

    def __init__(self, fa: Features, fb: Features, max_unit_pairs: int = 25_000_000) -> None:
        na, nb = len(fa.units), len(fb.units)
        if na * nb > max_unit_pairs:
            raise TooLargeError(na, nb, max_unit_pairs)
        vocab: dict[str, int] = {}
        indptr: list[int] = [0]
        indices: list[int] = []
        for f in (fa, fb):
            for u in f.units:
                indices.extend(vocab.setdefault(t, len(vocab)) for t in u.terms)
                indptr.append(len(indices))
        n, v = na + nb, max(1, len(vocab))
        tf = sparse.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(n, v)
        )
        tf.sum_duplicates()  # one entry per (unit, term): data are term counts
        # Built on the arrays directly: a pair of news articles is small, and each sparse
        # operation's own overhead would dominate.
        idx, ptr = tf.indices, tf.indptr
        df = np.bincount(idx, minlength=v)
        idf = np.log((n + 1) / (df + 0.5)).astype(np.float32)
        weight = tf.data * idf[idx]
        rows = np.repeat(np.arange(n), np.diff(ptr))
        norms = np.sqrt(np.bincount(rows, weights=weight * weight, minlength=n)).astype(np.float32)
        norms[norms == 0] = 1.0
        self.a_raw = sparse.csr_matrix((weight[: ptr[na]], idx[: ptr[na]], ptr[: na + 1]), (na, v))
        self.b_raw = sparse.csr_matrix(
            (weight[ptr[na] :], idx[ptr[na] :], ptr[na:] - ptr[na]), (nb, v)
        )
        unit = weight / norms[rows]
        ua = sparse.csr_matrix((unit[: ptr[na]], idx[: ptr[na]], ptr[: na + 1]), (na, v))
        ub = sparse.csr_matrix((unit[ptr[na] :], idx[ptr[na] :], ptr[na:] - ptr[na]), (nb, v))
        self.cosine = np.asarray((ua @ ub.T).toarray(), dtype=np.float32)
        ones = np.ones(len(idx), dtype=np.float32)
        pa = sparse.csr_matrix((ones[: ptr[na]], idx[: ptr[na]], ptr[: na + 1]), (na, v))
        pb = sparse.csr_matrix((ones[ptr[na] :], idx[ptr[na] :], ptr[na:] - ptr[na]), (nb, v))
        inter = (pa @ pb.T).toarray()
        sizes = np.diff(ptr[: na + 1])[:, None] + np.diff(ptr[na:])[None, :]
        sizes[sizes == 0] = 1
        self.dice = (2.0 * inter / sizes).astype(np.float32)

    def _region(self, m: sparse.csr_matrix, r: tuple[int, int]) -> np.ndarray:
        lo, hi = m.indptr[r[0]], m.indptr[r[1] + 1]
        return np.bincount(m.indices[lo:hi], weights=m.data[lo:hi], minlength=m.shape[1])

    def region_similarity(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        """Cosine of the summed tf-idf vectors of unit ranges ``a`` and ``b`` (inclusive)."""
        va, vb = self._region(self.a_raw, a), self._region(self.b_raw, b)
        den = float(np.linalg.norm(va) * np.linalg.norm(vb))
        return float(va @ vb) / den if den else 0.0


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


def detect(
    fa: Features, fb: Features, cfg: AlignConfig, extra_seeds: Iterable[Seed] = ()
) -> list[tuple[Span, Span]]:
    """Fragment-level detections (maximal passages) as char spans, size-filtered."""
    frags, _, _ = fragments(fa, fb, cfg, extra_seeds=extra_seeds)
    out = []
    for f in frags:
        sa, sb = fragment_spans(fa, fb, f)
        trimmed = trim_copy(fa.units, fb.units, f.a, f.b, cfg)
        if trimmed is None and cfg.density_window > 0:
            ta, tb = _region_terms(fa.units, f.a), _region_terms(fb.units, f.b)
            sa = _density_trim(fa.units, f.a, {t for t, _, _ in tb}, cfg) or sa
            sb = _density_trim(fb.units, f.b, {t for t, _, _ in ta}, cfg) or sb
        elif trimmed is not None:
            sa, sb = trimmed
        if sa[1] - sa[0] >= cfg.min_fragment_chars and sb[1] - sb[0] >= cfg.min_fragment_chars:
            out.append((sa, sb))
    return out


# --- passages -------------------------------------------------------------------------


def _runs(idx: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in sorted(set(idx)):
        if out and i == out[-1][1] + 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _tokens(units: Sequence[Unit], rs: Sequence[tuple[int, int]]) -> list[str]:
    return [t.norm for lo, hi in rs for u in units[lo : hi + 1] for t in u.tokens]


def token_ratio(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    return 2.0 * LCSseq.similarity(a, b) / (len(a) + len(b))


def _trim_to_matches(
    units_a: Sequence[Unit], units_b: Sequence[Unit], ra: tuple[int, int], rb: tuple[int, int]
) -> tuple[Span, Span, float]:
    """Trim a one-range-per-side passage to its first and last matching tokens."""
    ta = [t for u in units_a[ra[0] : ra[1] + 1] for t in u.tokens]
    tb = [t for u in units_b[rb[0] : rb[1] + 1] for t in u.tokens]
    na, nb = [t.norm for t in ta], [t.norm for t in tb]
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
    sa = (ta[a0].start, _extend_punct(units_a, ra, ta[a1 - 1].end))
    sb = (tb[b0].start, _extend_punct(units_b, rb, tb[b1 - 1].end))
    return sa, sb, ratio


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
    ta = [t for u in units_a[ra[0] : ra[1] + 1] for t in u.tokens]
    tb = [t for u in units_b[rb[0] : rb[1] + 1] for t in u.tokens]
    if not ta or not tb:
        return None
    every = [
        b for b in LCSseq.opcodes([t.norm for t in ta], [t.norm for t in tb]) if b.tag == "equal"
    ]
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
        len(ta), len(tb)
    ):
        return None
    return (
        (ta[a0].start, _extend_punct(units_a, ra, ta[a1 - 1].end)),
        (tb[b0].start, _extend_punct(units_b, rb, tb[b1 - 1].end)),
    )


def _region_terms(units: Sequence[Unit], r: tuple[int, int]) -> list[tuple[str, int, int]]:
    """Content terms of a unit range with the char span of the token each came from."""
    out = []
    for u in units[r[0] : r[1] + 1]:
        for t in u.tokens:
            term = content_terms([t])
            if term:
                out.append((term[0], t.start, t.end))
    return out


def _density_trim(
    units: Sequence[Unit], r: tuple[int, int], other: set[str], cfg: AlignConfig
) -> Span | None:
    """Trim a region's edges to where the other side's terms start and stop appearing.

    An edge moves inwards past content words until a window of ``density_window`` words
    holds at least ``density_hits`` words found in the other region.
    """
    terms = _region_terms(units, r)
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


def _close(left: object, right: object, gap: int = 3) -> bool:
    lb, rb = left, right
    return (
        rb.src_start - lb.src_end <= gap and rb.dest_start - lb.dest_end <= gap  # type: ignore[attr-defined]
    )


def _extend_punct(units: Sequence[Unit], r: tuple[int, int], end: int) -> int:
    """Include closing punctuation that directly follows the last token, within the unit."""
    limit = units[r[1]].end
    return limit if 0 < limit - end <= 2 else end


def _verbatim_runs(
    units_a: Sequence[Unit],
    units_b: Sequence[Unit],
    ra: Sequence[tuple[int, int]],
    rb: Sequence[tuple[int, int]],
    min_tokens: int,
) -> list[tuple[Span, Span]]:
    out = []
    for xa in ra:
        ta = [t for u in units_a[xa[0] : xa[1] + 1] for t in u.tokens]
        for xb in rb:
            tb = [t for u in units_b[xb[0] : xb[1] + 1] for t in u.tokens]
            for blk in LCSseq.opcodes([t.norm for t in ta], [t.norm for t in tb]):
                if blk.tag == "equal" and blk.src_end - blk.src_start >= min_tokens:
                    out.append(
                        (
                            (ta[blk.src_start].start, ta[blk.src_end - 1].end),
                            (tb[blk.dest_start].start, tb[blk.dest_end - 1].end),
                        )
                    )
    return out


def _group_seeds(seeds: Sequence[Seed]) -> list[tuple[set[int], set[int], float]]:
    """Group seeds into connected many-to-one groups after pruning weak alternatives."""
    best_i: dict[int, float] = defaultdict(float)
    best_j: dict[int, float] = defaultdict(float)
    for s in seeds:
        best_i[s.i] = max(best_i[s.i], s.score)
        best_j[s.j] = max(best_j[s.j], s.score)
    kept = [s for s in seeds if s.score >= 0.7 * best_i[s.i] and s.score >= 0.7 * best_j[s.j]]
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s in kept:
        ra, rb = find((0, s.i)), find((1, s.j))
        if ra != rb:
            parent[ra] = rb
    comps: dict[tuple[int, int], list[Seed]] = {}
    for s in kept:
        comps.setdefault(find((0, s.i)), []).append(s)
    out: list[tuple[set[int], set[int], float]] = []
    for comp in comps.values():
        ga, gb = {s.i for s in comp}, {s.j for s in comp}
        if len(ga) == 1 or len(gb) == 1:
            out.append((ga, gb, max(s.score for s in comp)))
            continue
        # Many-to-many: one group per unit of the side with fewer units (each unit with its
        # partners), so a rewritten paragraph reads as sentence-level passages. The side is
        # chosen from the groups' content, never from argument order.
        side = 0 if (len(ga), _key(ga)) < (len(gb), _key(gb)) else 1
        by_unit: dict[int, list[Seed]] = defaultdict(list)
        for s in comp:
            by_unit[s.i if side == 0 else s.j].append(s)
        for unit, ss in by_unit.items():
            partners = {s.j if side == 0 else s.i for s in ss}
            pair = ({unit}, partners) if side == 0 else (partners, {unit})
            out.append((pair[0], pair[1], max(s.score for s in ss)))
    return out


def _key(units: set[int]) -> tuple[int, ...]:
    return (len(units), *sorted(units))


def passages(
    fa: Features,
    fb: Features,
    frags: Sequence[Fragment],
    cfg: AlignConfig,
    vec: Vectors,
) -> list[RawPassage]:
    """Readable passages inside fragments, each with the reasons it counts as reuse.

    A passage stands on copied wording or on order (see :mod:`textlineage.align.evidence`); a
    sentence pair that is merely similar, however close, is what two texts on the same
    subject look like, and is left out.
    """
    seeds = [s for f in frags for s in f.seeds]
    groups = sorted(_group_seeds(seeds), key=lambda g: (min(g[0]), min(g[1])))
    # Merge diagonal neighbours: a group that continues the previous one in both documents.
    merged: list[tuple[set[int], set[int], float, int]] = []
    for ga, gb, sc in groups:
        if merged:
            pa, pb, psc, parts = merged[-1]
            if (
                min(ga) == max(pa) + 1
                and min(gb) == max(pb) + 1
                and _same_nature(fa, fb, (pa, pb), (ga, gb), cfg)
            ):
                merged[-1] = (pa | ga, pb | gb, max(psc, sc), parts + 1)
                continue
        merged.append((set(ga), set(gb), sc, 1))
    cands: list[tuple[Candidate, tuple[tuple[Span, ...], tuple[Span, ...]], float]] = []
    runs: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
    (words_a, facts_a), (words_b, facts_b) = words_and_facts(fa), words_and_facts(fb)
    df = [Counter(w for s in side for w in s) for side in (words_a, facts_a, words_b, facts_b)]
    for ga, gb, sc, parts in merged:
        ra, rb = _runs(ga), _runs(gb)
        ta, tb = _tokens(fa.units, ra), _tokens(fb.units, rb)
        if len(ra) == 1 and len(rb) == 1:
            sa, sb, ratio = _trim_to_matches(fa.units, fb.units, ra[0], rb[0])
            if ratio < cfg.near_verbatim_ratio:
                sa = (fa.units[ra[0][0]].start, fa.units[ra[0][1]].end)
                sb = (fb.units[rb[0][0]].start, fb.units[rb[0][1]].end)
            spans: tuple[tuple[Span, ...], tuple[Span, ...]] = ((sa,), (sb,))
        else:
            ratio = token_ratio(ta, tb)
            spans = (
                tuple((fa.units[lo].start, fa.units[hi].end) for lo, hi in ra),
                tuple((fb.units[lo].start, fb.units[hi].end) for lo, hi in rb),
            )
        blocks = [b for b in LCSseq.opcodes(ta, tb) if b.tag == "equal"]
        region_id, region, region_lexical = _region_of(frags, min(ga), min(gb))
        sim = max(sc, vec.region_similarity((min(ga), max(ga)), (min(gb), max(gb))))
        lexical = float(vec.cosine[np.ix_(sorted(ga), sorted(gb))].max())
        cand = Candidate(
            a=(min(ga), max(ga)),
            b=(min(gb), max(gb)),
            score=max(sc, min(1.0, lexical + LEXICAL_OFFSET)),
            token_ratio=ratio,
            matched=sum(b.src_end - b.src_start for b in blocks),
            longest_run=max((b.src_end - b.src_start for b in blocks), default=0),
            parts=parts,
            wording=distinctive_shared(words_a, words_b, df[0], df[2], ga, gb),
            facts=distinctive_shared(facts_a, facts_b, df[1], df[3], ga, gb),
            region=region,
            region_lexical=region_lexical,
            region_id=region_id,
        )
        cands.append((cand, spans, sim))
        runs.append((ra, rb))
    out: list[RawPassage] = []
    reasons = assess([c for c, _, _ in cands], cfg.evidence, _matched_share(fa, fb, frags))
    for (cand, spans, sim), (ra, rb), why in zip(cands, runs, reasons, strict=True):
        if not why:
            continue
        units = (sum(hi - lo + 1 for lo, hi in ra), sum(hi - lo + 1 for lo, hi in rb))
        out.append(RawPassage(spans, cand.token_ratio, sim, units=units, reasons=why))
        if cand.token_ratio < cfg.near_verbatim_ratio:
            for sa, sb in _verbatim_runs(fa.units, fb.units, ra, rb, cfg.verbatim_run_tokens):
                out.append(
                    RawPassage(
                        ((sa,), (sb,)),
                        1.0,
                        1.0,
                        verbatim_run=True,
                        reasons=("identical words inside a passage counted as reuse",),
                    )
                )
    return out


def _region_of(frags: Sequence[Fragment], i: int, j: int) -> tuple[int, float, int]:
    """Index, similarity and word-level seed count of the fragment holding unit pair
    (i, j); index -1 when none does."""
    for k, f in enumerate(frags):
        if f.a[0] <= i <= f.a[1] and f.b[0] <= j <= f.b[1]:
            return k, f.similarity, sum(1 for s in f.seeds if s.kind == "lexical")
    return -1, 0.0, 0


def _matched_share(fa: Features, fb: Features, frags: Sequence[Fragment]) -> float:
    """Share of a document's units inside aligned regions, for the less covered document."""
    shares = []
    for f_doc, side in ((fa, 0), (fb, 1)):
        covered: set[int] = set()
        for f in frags:
            lo, hi = f.a if side == 0 else f.b
            covered.update(range(lo, hi + 1))
        shares.append(len(covered) / len(f_doc.units) if f_doc.units else 1.0)
    return min(shares)


def _same_nature(
    fa: Features,
    fb: Features,
    p: tuple[set[int], set[int]],
    q: tuple[set[int], set[int]],
    cfg: AlignConfig,
) -> bool:
    """Two neighbouring groups merge when both are copies or both are rewrites."""

    def copied(g: tuple[set[int], set[int]]) -> bool:
        ra, rb = _runs(g[0]), _runs(g[1])
        return token_ratio(_tokens(fa.units, ra), _tokens(fb.units, rb)) >= cfg.near_verbatim_ratio

    return copied(p) == copied(q)


def label(p: RawPassage, derived: int | None, cfg: AlignConfig) -> str:
    """Name a passage's kind; ``derived`` is the derived side when known."""
    if p.verbatim_run or p.token_ratio >= 0.999:
        return "verbatim"
    if p.token_ratio >= cfg.near_verbatim_ratio:
        return "near_verbatim"
    ca = sum(e - s for s, e in p.spans[0])
    cb = sum(e - s for s, e in p.spans[1])
    if derived is None:
        derived = 0 if (ca, p.units[0]) < (cb, p.units[1]) else 1
    src = 1 - derived
    c_der, c_src = (ca, cb) if derived == 0 else (cb, ca)
    # Compression merges several source sentences into fewer, shorter ones; one sentence
    # rewritten (even shorter) is a paraphrase.
    if (
        p.units[src] >= 2
        and p.units[derived] < p.units[src]
        and c_der <= cfg.compression_ratio * c_src
    ):
        return "compression"
    return "paraphrase"


def coverage(spans: Iterable[Span], length: int) -> float:
    """Share of ``length`` characters covered by the union of ``spans``."""
    if length <= 0:
        return 0.0
    total, cur_s, cur_e = 0, -1, -1
    for s, e in sorted(spans):
        if s > cur_e:
            total += max(0, cur_e - cur_s)
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    total += max(0, cur_e - cur_s)
    return min(1.0, total / length)
