"""Candidate pairs from fingerprint postings, summed in bounded memory.

Discovery turns the postings (``hash -> documents``) into pairs of documents with their
*evidence*: the sum, over the fingerprints a pair shares, of ``2 / df`` (``df``: how many
documents hold the fingerprint once a site's boilerplate is set aside). A fingerprint only
the two documents share counts 1; one shared by ten documents (a phrase of the topic)
counts 0.2.

A large corpus holds far more pair incidences than memory: 100,000 generated documents
make about 280 million. They are produced in arrays from chunks of postings; once a
buffer fills, it is summed per pair and the partial sums are spilled to ``shards`` files
by ranges of pair keys; each shard is summed on its own at the end. The result does not depend on the buffer size, on spilling or on the
order of the postings: evidence is summed exactly, in fixed point (:data:`EVIDENCE_SCALE`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

EVIDENCE_SCALE = 1 << 40
"""Evidence is summed in integers, each fingerprint's ``2 / df`` rounded to this scale:
an exact sum, the same in any order, so every engine (and the Spark job, whose sums come
in no fixed order) finds the same pairs at a threshold."""


def fixed_weights(df: np.ndarray) -> np.ndarray:
    """``2 / df`` in units of ``1 / EVIDENCE_SCALE``, rounded to the nearest (int64)."""
    df = df.astype(np.int64)
    return (2 * EVIDENCE_SCALE + df // 2) // df


@dataclass(frozen=True)
class ScanConfig:
    """How a site's boilerplate is recognised and how much the scan may hold in memory."""

    max_df: int = 1000
    """Fingerprints held by more documents than this (after boilerplate) make no pairs."""
    min_evidence: float = 0.0
    """Pairs with less evidence are dropped."""
    site_min_docs: int = 5
    """Sites with fewer documents have no boilerplate."""
    boiler_share: float = 0.3
    boiler_min_docs: int = 3
    """A fingerprint is boilerplate of a site when at least ``max(boiler_min_docs,
    ceil(boiler_share * site documents))`` of that site's documents hold it."""
    buffer: int = 20_000_000
    """Pair incidences held in memory (8 bytes each, 16 for a corpus too large to pack a
    pair key with a df) before their partial sums are spilled to disk."""
    shards: int = 256
    """Files the spilled partial sums are spread over (ranges of pair keys); each is summed
    alone."""

    def __post_init__(self) -> None:
        if self.max_df < 2:
            raise ValueError(f"max_df must be at least 2, got {self.max_df}")
        if self.buffer < 1 or self.shards < 1:
            raise ValueError(
                f"buffer and shards must be positive, got {self.buffer}, {self.shards}"
            )

    def boiler_threshold(self, n_site: int) -> int:
        return max(self.boiler_min_docs, int(self.boiler_share * n_site + 0.999))


@dataclass
class ScanResult:
    pairs: dict[tuple[int, int], float]
    """(a, b) with a < b, both doc ids, to the pair's evidence."""
    boiler_marks: int
    """(fingerprint, site) combinations recognised as a site's boilerplate."""
    incidences: int
    """Pair incidences summed (before the evidence threshold)."""
    spilled: bool


class _Sink:
    """Holds pair incidences and sums them, spilling partial sums to shard files when full.

    An incidence is a pair key with the df of the fingerprint it shares. When the key and
    the df fit in 63 bits together they are packed into one integer: a plain sort of those
    groups a pair's incidences (several times faster than sorting keys with an index), and
    a pair's evidence is the sum of its rows' weights. Each full buffer is summed this way
    before it is spilled, so a shard file holds one partial sum per pair and buffer; shards
    are ranges of keys, each summed alone at the end.
    """

    def __init__(self, cfg: ScanConfig, workdir: Path | None, n_keys: int) -> None:
        self.cfg = cfg
        self.workdir = workdir
        self.df_bits = max(1, int(cfg.max_df).bit_length())
        self.packed = n_keys <= (np.iinfo(np.int64).max >> self.df_bits)
        # Shard boundaries: equal ranges of the key space.
        self.bounds = np.linspace(0, max(n_keys, 1), cfg.shards + 1).astype(np.int64)[1:-1]
        self.keys: list[np.ndarray] = []
        self.dfs: list[np.ndarray] = []
        self.held = 0
        self.total = 0
        self.tmp: tempfile.TemporaryDirectory[str] | None = None

    def add(self, keys: np.ndarray, k: int) -> None:
        """Incidences of ``keys``, each through a fingerprint ``k`` documents hold."""
        if not len(keys):
            return
        if self.packed:
            self.keys.append((keys << self.df_bits) | k)
        else:
            self.keys.append(keys)
            self.dfs.append(np.full(len(keys), k, dtype=np.int64))
        self.held += len(keys)
        self.total += len(keys)
        if self.held >= self.cfg.buffer:
            self._spill()

    def _reduce(self) -> tuple[np.ndarray, np.ndarray]:
        """The held incidences as ascending distinct keys and their summed weights."""
        keys = np.concatenate(self.keys)
        self.keys.clear()
        if self.packed:
            keys.sort()
            weights = fixed_weights(keys & ((1 << self.df_bits) - 1))
            keys >>= self.df_bits
        else:
            dfs = np.concatenate(self.dfs)
            self.dfs.clear()
            order = np.argsort(keys)
            keys, weights = keys[order], fixed_weights(dfs[order])
            del order, dfs
        self.held = 0
        return _sum_runs(keys, weights)

    def _spill(self) -> None:
        if not self.held:
            return
        if self.tmp is None:
            self.tmp = tempfile.TemporaryDirectory(prefix="textlineage-scan-", dir=self.workdir)
        keys, sums = self._reduce()
        cuts = np.searchsorted(keys, self.bounds)
        root = Path(self.tmp.name)
        for s, (lo, hi) in enumerate(
            zip([0, *cuts.tolist()], [*cuts.tolist(), len(keys)], strict=True)
        ):
            if lo == hi:
                continue
            with open(root / f"{s}.k", "ab") as f:
                keys[lo:hi].tofile(f)
            with open(root / f"{s}.w", "ab") as f:
                sums[lo:hi].tofile(f)

    def _kept(self, keys: np.ndarray, sums: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        evidence = sums / EVIDENCE_SCALE
        kept = evidence >= self.cfg.min_evidence
        return keys[kept], evidence[kept]

    def results(self) -> tuple[list[tuple[np.ndarray, np.ndarray]], bool]:
        if self.tmp is None:
            if not self.held:
                return [], False
            return [self._kept(*self._reduce())], False
        try:
            self._spill()
            root = Path(self.tmp.name)
            parts = []
            for s in range(self.cfg.shards):
                if (root / f"{s}.k").exists():
                    keys = np.fromfile(root / f"{s}.k", dtype=np.int64)
                    sums = np.fromfile(root / f"{s}.w", dtype=np.int64)
                    order = np.argsort(keys)
                    parts.append(self._kept(*_sum_runs(keys[order], sums[order])))
            return parts, True
        finally:
            self.tmp.cleanup()
            self.tmp = None


def _sum_runs(keys: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of the sorted ``keys`` and the sums of their ``weights`` (exact:
    integers, so the order within a run does not matter)."""
    if not len(keys):
        return keys, weights
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    return keys[starts], np.add.reduceat(weights, starts)


def scan_pairs(
    chunks: Iterable[tuple[np.ndarray, np.ndarray]],
    site_of: Mapping[int, str],
    cfg: ScanConfig,
    *,
    workdir: Path | None = None,
) -> ScanResult:
    """Pairs of documents sharing fingerprints, with their evidence.

    ``chunks`` are ``(hashes, doc_ids)`` arrays of the postings in hash order (a hash may
    continue into the next chunk). ``site_of`` maps each doc id to its site ('' for none).
    Spilled shards go to a temporary directory under ``workdir`` (default: the system's),
    removed at the end whatever happens.
    """
    n_ids = max(site_of, default=-1) + 1
    names = sorted(set(site_of.values()))
    index = {s: i for i, s in enumerate(names)}
    site = np.full(max(n_ids, 1), len(names), dtype=np.int64)  # unknown ids: no site
    for doc, name in site_of.items():
        site[doc] = index[name]
    size = np.bincount(site, minlength=len(names) + 1)
    # The smallest count of a site's documents sharing a fingerprint that makes it that
    # site's boilerplate; sites without a name or with too few documents never have any.
    threshold = np.full(len(names) + 1, np.iinfo(np.int64).max, dtype=np.int64)
    for i, name in enumerate(names):
        if name and size[i] >= cfg.site_min_docs:
            threshold[i] = cfg.boiler_threshold(int(size[i]))
    stride = np.int64(max(n_ids, 1))

    sink = _Sink(cfg, workdir, int(stride) * int(stride))
    marks = 0
    carry_h = np.zeros(0, dtype=np.int64)
    carry_d = np.zeros(0, dtype=np.int64)
    for hashes, docs in chunks:
        h = np.concatenate([carry_h, np.asarray(hashes, dtype=np.int64)])
        d = np.concatenate([carry_d, np.asarray(docs, dtype=np.int64)])
        if not len(h):
            continue
        # The last hash may continue in the next chunk: keep it back.
        cut = int(np.searchsorted(h, h[-1], side="left"))
        carry_h, carry_d = h[cut:], d[cut:]
        marks += _emit(h[:cut], d[:cut], site, threshold, stride, cfg, sink)
    marks += _emit(carry_h, carry_d, site, threshold, stride, cfg, sink)

    parts, spilled = sink.results()
    pairs: dict[tuple[int, int], float] = {}
    for keys, sums in parts:
        a_ids = (keys // stride).tolist()
        b_ids = (keys % stride).tolist()
        pairs.update(zip(zip(a_ids, b_ids, strict=True), sums.tolist(), strict=True))
    return ScanResult(pairs=pairs, boiler_marks=marks, incidences=sink.total, spilled=spilled)


_BATCH_PAIRS = 4_000_000


def _emit(
    h: np.ndarray,
    d: np.ndarray,
    site: np.ndarray,
    threshold: np.ndarray,
    stride: np.int64,
    cfg: ScanConfig,
    sink: _Sink,
) -> int:
    """Pair incidences of whole groups of postings (one group per hash) into ``sink``;
    returns the boilerplate marks found."""
    if len(h) < 2:
        return 0
    if int(d.max()) >= stride or int(d.min()) < 0:
        raise ValueError("a posting names a document that is not in the corpus")
    order = np.lexsort((d, h))
    h, d = h[order], d[order]
    new = np.empty(len(h), dtype=bool)
    new[0] = True
    np.not_equal(h[1:], h[:-1], out=new[1:])
    group = np.cumsum(new) - 1
    sizes = np.bincount(group)
    big = sizes[group] >= 3  # groups of two cannot be boilerplate (threshold >= 3)

    marks = 0
    keep = np.ones(len(h), dtype=bool)
    if big.any() and len(site):
        rows = np.flatnonzero(big)
        s = site[d[rows]]
        n_sites = np.int64(len(threshold))
        gs = group[rows] * n_sites + s
        uniq, inverse, counts = np.unique(gs, return_inverse=True, return_counts=True)
        noisy = counts >= threshold[uniq % n_sites]
        marks = int(noisy.sum())
        keep[rows[noisy[inverse]]] = False
    if not keep.all():
        d, group = d[keep], group[keep]
        # Renumber the groups that keep at least one row.
        new = np.empty(len(group), dtype=bool)
        if len(group):
            new[0] = True
            np.not_equal(group[1:], group[:-1], out=new[1:])
        group = np.cumsum(new) - 1
        sizes = np.bincount(group) if len(group) else np.zeros(0, dtype=np.int64)
    if not len(sizes):
        return marks
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    for k in np.unique(sizes).tolist():
        if k < 2 or k > cfg.max_df:
            continue
        first = starts[sizes == k]
        i, j = np.triu_indices(k, 1)
        step = max(1, _BATCH_PAIRS // len(i))
        for lo in range(0, len(first), step):
            # One row per group, its doc ids ascending.
            members = d[first[lo : lo + step, None] + np.arange(k)]
            keys = (members[:, i] * stride + members[:, j]).ravel()
            sink.add(keys, k)
    return marks
