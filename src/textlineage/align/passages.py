"""Alignment kernels, part 2: passages, the readable view of the fragments
(:mod:`textlineage.align.fragments`).

Inside each fragment, seeds are grouped into many-to-one groups and diagonal runs, trimmed
to matching tokens where the text is copied (:mod:`textlineage.align.trim`), and verbatim
runs inside reworded passages are reported on their own. Each passage gets its evidence
(:mod:`textlineage.align.evidence`) and a label.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np
from rapidfuzz.distance import LCSseq

from ..text.features import Features, Unit
from ..types import Span
from .claims import claim_passages
from .evidence import (
    LEXICAL_OFFSET,
    Candidate,
    assess,
    distinctive_shared,
    words_and_facts,
)
from .fragments import AlignConfig, Fragment, RawPassage, Seed, Vectors, fragment_spans, fragments
from .trim import (
    density_trim,
    index_runs,
    region_terms,
    region_tokens,
    token_ratio,
    trim_copy,
    trim_to_matches,
)


def detect(
    fa: Features,
    fb: Features,
    cfg: AlignConfig,
    extra_seeds: Iterable[Seed] = (),
    *,
    vec: Vectors | None = None,
    weak_seeds: Sequence[Seed] = (),
    scores: np.ndarray | None = None,
) -> list[tuple[Span, Span]]:
    """Fragment-level detections (maximal passages) as char spans, size-filtered.

    ``extra_seeds``, ``weak_seeds`` and ``scores`` are the semantic stage's, as
    :func:`~textlineage.align.fragments.fragments` takes them."""
    frags, _, _ = fragments(
        fa, fb, cfg, vec=vec, extra_seeds=extra_seeds, weak_seeds=weak_seeds, scores=scores
    )
    out = []
    for f in frags:
        sa, sb = fragment_spans(fa, fb, f)
        trimmed = trim_copy(fa.units, fb.units, f.a, f.b, cfg)
        if trimmed is None and cfg.density_window > 0:
            ta, tb = region_terms(fa.units, f.a), region_terms(fb.units, f.b)
            sa = density_trim(fa.units, f.a, {t for t, _, _ in tb}, cfg) or sa
            sb = density_trim(fb.units, f.b, {t for t, _, _ in ta}, cfg) or sb
        elif trimmed is not None:
            sa, sb = trimmed
        if sa[1] - sa[0] >= cfg.min_fragment_chars and sb[1] - sb[0] >= cfg.min_fragment_chars:
            out.append((sa, sb))
    return out


def _verbatim_runs(
    units_a: Sequence[Unit],
    units_b: Sequence[Unit],
    ra: Sequence[tuple[int, int]],
    rb: Sequence[tuple[int, int]],
    min_tokens: int,
) -> list[tuple[Span, Span]]:
    out = []
    ta, tb = units_a[0].table, units_b[0].table
    for xa in ra:
        fa, sa = units_a[xa[0]].first, units_a[xa[1]].stop
        for xb in rb:
            fb, sb = units_b[xb[0]].first, units_b[xb[1]].stop
            for blk in LCSseq.opcodes(ta.norms[fa:sa], tb.norms[fb:sb]):
                if blk.tag == "equal" and blk.src_end - blk.src_start >= min_tokens:
                    out.append(
                        (
                            (ta.starts[fa + blk.src_start], ta.ends[fa + blk.src_end - 1]),
                            (tb.starts[fb + blk.dest_start], tb.ends[fb + blk.dest_end - 1]),
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
    # Units of both documents are the nodes (unit j of the second is ~j); each kept seed
    # links two. Components are listed in order of their first seed.
    comps: dict[int, list[Seed]] = defaultdict(list)
    root = _components([(s.i, ~s.j) for s in kept])
    for s, r in zip(kept, root, strict=True):
        comps[r].append(s)
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


def _components(edges: Sequence[tuple[int, int]]) -> list[int]:
    """For each edge, a node naming its connected component (union-find)."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in edges:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[rx] = ry
    return [find(x) for x, _ in edges]


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
    claims = claim_passages(fa, fb, vec, cfg.short)
    if not frags:
        return claims
    seeds = [s for f in frags for s in f.seeds]
    groups = sorted(_group_seeds(seeds), key=lambda g: (min(g[0]), min(g[1])))
    # Merge diagonal neighbours: a group that continues the previous one in both documents.
    merged: list[tuple[set[int], set[int], float, int]] = []
    copied: dict[tuple[tuple[int, ...], tuple[int, ...]], bool] = {}
    for ga, gb, sc in groups:
        if merged:
            pa, pb, psc, parts = merged[-1]
            if (
                min(ga) == max(pa) + 1
                and min(gb) == max(pb) + 1
                and _copied(fa, fb, (pa, pb), cfg, copied) == _copied(fa, fb, (ga, gb), cfg, copied)
            ):
                merged[-1] = (pa | ga, pb | gb, max(psc, sc), parts + 1)
                continue
        merged.append((set(ga), set(gb), sc, 1))
    cands: list[tuple[Candidate, tuple[tuple[Span, ...], tuple[Span, ...]], float]] = []
    runs: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
    (words_a, facts_a), (words_b, facts_b) = words_and_facts(fa), words_and_facts(fb)
    lexical_seeds = [sum(1 for s in f.seeds if s.kind == "lexical") for f in frags]
    df = [*fa.unit_df, *fb.unit_df]  # units holding each word, each fact: a's, then b's
    for ga, gb, sc, parts in merged:
        ra, rb = index_runs(ga), index_runs(gb)
        ta, tb = region_tokens(fa.units, ra), region_tokens(fb.units, rb)
        blocks = [b for b in LCSseq.opcodes(ta, tb) if b.tag == "equal"]
        if len(ra) == 1 and len(rb) == 1:
            sa, sb, ratio = trim_to_matches(fa.units, fb.units, ra[0], rb[0], blocks)
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
        region_id, region, region_lexical = _region_of(frags, lexical_seeds, min(ga), min(gb))
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
    # Claims copied where the passages above are not (a claim inside a longer sentence).
    out.extend(c for c in claims if not any(_overlap(c, p) for p in out))
    return out


def _overlap(p: RawPassage, q: RawPassage) -> bool:
    """Whether two passages overlap in both documents."""
    return all(
        any(s < e2 and s2 < e for s, e in p.spans[k] for s2, e2 in q.spans[k]) for k in (0, 1)
    )


def _region_of(
    frags: Sequence[Fragment], lexical_seeds: Sequence[int], i: int, j: int
) -> tuple[int, float, int]:
    """Index, similarity and word-level seed count (``lexical_seeds``, counted once per
    fragment) of the fragment holding unit pair (i, j); index -1 when none does."""
    for k, f in enumerate(frags):
        if f.a[0] <= i <= f.a[1] and f.b[0] <= j <= f.b[1]:
            return k, f.similarity, lexical_seeds[k]
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


def _copied(
    fa: Features,
    fb: Features,
    g: tuple[set[int], set[int]],
    cfg: AlignConfig,
    memo: dict[tuple[tuple[int, ...], tuple[int, ...]], bool],
) -> bool:
    """Whether a group's text is copied (near-verbatim); neighbouring groups merge when
    both are copies or both are rewrites. Kept in ``memo``: a group is asked about as the
    next one and again as the previous one."""
    key = (tuple(sorted(g[0])), tuple(sorted(g[1])))
    if key not in memo:
        ra, rb = index_runs(g[0]), index_runs(g[1])
        memo[key] = (
            token_ratio(region_tokens(fa.units, ra), region_tokens(fb.units, rb))
            >= cfg.near_verbatim_ratio
        )
    return memo[key]


def label(p: RawPassage, derived: int | None, cfg: AlignConfig) -> str:
    """Name a passage's kind; ``derived`` is the derived side when known."""
    if p.languages is not None:
        return "translation"
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
