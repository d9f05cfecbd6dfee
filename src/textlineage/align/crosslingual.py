"""Alignment across languages: which sentences of one document translate sentences of the
other.

Copied wording, the evidence of :mod:`.passages`, does not survive translation; what does is
meaning, order and proportion. The kernel works on the cosine matrix of a multilingual
sentence model (:mod:`textlineage.embed_multi`) between the units of two documents, limited
to the unit pairs whose languages differ, and finds *beads*: one unit of each side, or two
of one side with one of the other where a translation merged or split sentences.

1. **Anchors.** A pair is an anchor when the units are each other's best match, their
   cosine reaches ``anchor``, and it stands out from each unit's next best partner by
   ``margin`` (two texts on one subject score high with many sentences; a translation
   scores high with one).
2. **Runs.** Anchors in the same order on both sides, at most ``max_gap`` units apart, form
   runs. Units left between and beside a run's beads join it when their best partner in the
   gap scores ``extend``.
3. **Merges.** A unit beside a bead whose partner it shares (its best match is the bead's
   other unit) is tried as part of that bead: the two units' joint text is embedded and
   replaces the bead when it matches better than the bead's single unit did.
4. **Kept.** A run of ``min_run`` beads or more is a translated passage; a lone bead is
   kept only at ``lone`` or above and ``lone_chars`` long on both sides.

Everything is a function of the matrix and the texts: the beads do not depend on argument
order, as the comparison aligns documents in a canonical order.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..text.features import Features
from ..types import Span


@dataclass(frozen=True)
class CrossConfig:
    """Thresholds on the multilingual model's cosine (see :mod:`textlineage.embed_multi`
    for its scale); calibrated on the dev half of ``tests/data/translation`` (69 pairs:
    es, fr and fa passages and their English translations inside unrelated text, unrelated
    pairs, independent texts on the same events). On a grid of ``anchor`` 0.80-0.86,
    ``margin`` 0-0.04, ``extend`` 0.78-0.83 and ``lone`` 0.88/0.90, every pair came out
    right with ``anchor`` 0.80-0.84, ``margin`` 0.02 and ``extend`` 0.83 (English-side
    character recall 0.946, precision 1.0); at 0.86 two Persian passages were missed (their
    translations score 0.84-0.875), with no margin one independent pair was taken. On the
    test half, untouched before: every pair right, recall 0.932, precision 1.0."""

    enabled: bool = True
    anchor: float = 0.83
    margin: float = 0.02
    extend: float = 0.83
    max_gap: int = 2
    min_run: int = 2
    lone: float = 0.9
    lone_chars: int = 100
    merge_gain: float = 0.005
    max_units: int = 1500
    """Pairs with more units (both sides) than this are not aligned across languages."""


@dataclass(frozen=True)
class Bead:
    """Aligned units: ``a`` and ``b`` are runs of unit indices (one or two each)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


Embed = Callable[[Sequence[str]], np.ndarray]


def _second_best(sim: np.ndarray, axis: int) -> np.ndarray:
    if sim.shape[axis] < 2:
        return np.full(sim.shape[1 - axis], -1.0, dtype=np.float32)
    part = np.partition(sim, -2, axis=axis)
    return part.take(-2, axis=axis)


def anchors(sim: np.ndarray, cfg: CrossConfig) -> list[Bead]:
    """Mutual best pairs that reach ``anchor`` and stand out by ``margin``."""
    if sim.size == 0:
        return []
    best_j, best_i = sim.argmax(axis=1), sim.argmax(axis=0)
    second_row, second_col = _second_best(sim, 1), _second_best(sim, 0)
    out = []
    for i in range(sim.shape[0]):
        j = int(best_j[i])
        s = float(sim[i, j])
        if best_i[j] != i or s < cfg.anchor:
            continue
        if s - max(float(second_row[i]), float(second_col[j])) < cfg.margin:
            continue
        out.append(Bead((i,), (j,), s))
    return out


def _runs(beads: list[Bead], gap: int) -> list[list[Bead]]:
    """Beads in order on both sides and close on both, as runs."""
    runs: list[list[Bead]] = []
    for bd in sorted(beads, key=lambda x: (x.a[0], x.b[0])):
        if runs:
            last = runs[-1][-1]
            da, db = bd.a[0] - last.a[-1], bd.b[0] - last.b[-1]
            if 0 < da <= gap + 1 and 0 < db <= gap + 1:
                runs[-1].append(bd)
                continue
        runs.append([bd])
    return runs


def _extend_run(run: list[Bead], sim: np.ndarray, cfg: CrossConfig) -> list[Bead]:
    """Fill the gaps between a run's beads, and one unit beyond each end, with the pairs
    that score ``extend`` and keep the order."""
    na, nb = sim.shape
    out = list(run)
    windows = []
    for prev, nxt in itertools.pairwise(run):
        windows.append((prev.a[-1] + 1, nxt.a[0], prev.b[-1] + 1, nxt.b[0]))
    first, last = run[0], run[-1]
    windows.append((max(0, first.a[0] - 1), first.a[0], max(0, first.b[0] - 1), first.b[0]))
    windows.append(
        (last.a[-1] + 1, min(na, last.a[-1] + 2), last.b[-1] + 1, min(nb, last.b[-1] + 2))
    )
    for a0, a1, b0, b1 in windows:
        # Greedy in score order inside the window, keeping order with the pairs taken.
        cells = [
            (float(sim[i, j]), i, j)
            for i in range(a0, a1)
            for j in range(b0, b1)
            if sim[i, j] >= cfg.extend
        ]
        taken: list[tuple[int, int]] = []
        for s, i, j in sorted(cells, key=lambda c: (-c[0], c[1], c[2])):
            if all((i - x) * (j - y) > 0 for x, y in taken):
                taken.append((i, j))
                out.append(Bead((i,), (j,), s))
    return sorted(out, key=lambda x: (x.a[0], x.b[0]))


def _merge(
    run: list[Bead],
    sim: np.ndarray,
    texts: tuple[Sequence[str], Sequence[str]],
    embed: Embed | None,
    cfg: CrossConfig,
) -> list[Bead]:
    """Two units of one side translated as one unit of the other: join a bead's free
    neighbour to it when their joint text matches the bead's partner better."""
    if embed is None:
        return run
    used_a = {i for bd in run for i in bd.a}
    used_b = {j for bd in run for j in bd.b}
    na, nb = sim.shape
    out: list[Bead] = []
    for bd in run:
        best = bd
        for side in (0, 1):
            units, other = (bd.a, bd.b) if side == 0 else (bd.b, bd.a)
            if len(units) != 1 or len(other) != 1:
                continue
            u, o = units[0], other[0]
            n = na if side == 0 else nb
            used = used_a if side == 0 else used_b
            for nbr in (u - 1, u + 1):
                if not 0 <= nbr < n or nbr in used:
                    continue
                row = sim[nbr] if side == 0 else sim[:, nbr]
                if int(row.argmax()) != o or row[o] < cfg.extend - 0.05:
                    continue
                lo, hi = min(u, nbr), max(u, nbr)
                side_texts = texts[side]
                joint = side_texts[lo] + " " + side_texts[hi]
                v = embed([joint, texts[1 - side][o]])
                s = float(v[0] @ v[1])
                if s >= best.score + cfg.merge_gain:
                    pair = (lo, hi)
                    best = Bead(pair, (o,), s) if side == 0 else Bead((o,), pair, s)
        if best is not bd:
            used_a.update(best.a)
            used_b.update(best.b)
        out.append(best)
    return out


def translation_beads(
    sim: np.ndarray,
    texts: tuple[Sequence[str], Sequence[str]],
    chars: tuple[Sequence[int], Sequence[int]],
    cfg: CrossConfig,
    embed: Embed | None = None,
) -> list[list[Bead]]:
    """Runs of beads between two documents' units (see the module's description).

    ``sim`` is the cosine matrix with the pairs that may not align (same language) set far
    below every threshold; ``texts`` and ``chars`` are the units' texts and lengths on each
    side; ``embed`` encodes joint texts for merges (None: no merges).
    """
    runs = _runs(anchors(sim, cfg), cfg.max_gap)
    kept = []
    for run in runs:
        run = _extend_run(run, sim, cfg)
        run = _merge(run, sim, texts, embed, cfg)
        if len(run) >= cfg.min_run or (
            run[0].score >= cfg.lone
            and all(
                sum(chars[side][u] for u in (run[0].a if side == 0 else run[0].b)) >= cfg.lone_chars
                for side in (0, 1)
            )
        ):
            kept.append(run)
    return kept


def bead_spans(fa: Features, fb: Features, bead: Bead) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """A bead's character ranges on each side (one range: its units are neighbours)."""
    ua, ub = fa.units, fb.units
    return (
        ((ua[bead.a[0]].start, ua[bead.a[-1]].end),),
        ((ub[bead.b[0]].start, ub[bead.b[-1]].end),),
    )
