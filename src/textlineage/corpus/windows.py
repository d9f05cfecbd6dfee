"""Window candidates: documents that share a passage's vocabulary, however it was reworded.

Each document's content terms (the sketch's stemmed, stop-word-free terms, as 32-bit hashes
in text order) are cut into overlapping windows of ``size`` terms. A window is a tf-idf
vector (sublinear tf, idf over the corpus' documents) and two documents score the best
cosine of any window of one with any window of the other. Rewording — words dropped,
replaced or shuffled, sentences merged, a passage translated and back or summarised — keeps
much of a passage's rarer vocabulary even when it breaks every run of three terms, and a
window is short enough that a reused paragraph inside a long article still stands out.

This channel needs no model: measured on the PAN 2013 training corpus
(``benchmarks/candidates_static.md``) it ranks the true source in the top 20 for 92 % of
random obfuscation and all summary cases, where a MiniLM vector of the document's opening
did so for 45 % and 11 %.

All pairs are scored by sparse matrix products in blocks of windows. Terms in at most one
document cannot be shared and terms in more than ``max_df`` documents are left out of the
products (they still count in each window's norm), which bounds the work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class WindowConfig:
    """How windows are cut and which pairs become candidates."""

    size: int = 30
    """Content terms per window (about 60 words of running text)."""
    stride: int = 15
    """Terms between window starts: windows overlap by half, so a passage is not split."""
    min_score: float = 0.15
    """Best window cosine for a pair to be considered at all."""
    top_k: int = 2
    """Each document keeps its this many best-scoring partners as candidates …"""
    keep_score: float | None = None
    """… and every partner scoring at least this (None: only the top ones) …"""
    partner_min: float = 0.35
    """… but a top partner only when it scores at least this. On a 10,000-document corpus of
    PAN obfuscations (``benchmarks/bench_corpus.py``) this halves the window-only
    candidates (10,264 with 0.15) and loses 5 of the 40 planted relations they found."""
    confirm: float = 0.2
    """A fingerprint candidate with little evidence (below
    ``CorpusConfig.min_evidence_alone``) is verified only when its windows score at least
    this: two texts sharing a stock phrase or a name, but no passage's vocabulary. On the
    same corpus, with ``partner_min``, 30 % fewer pairs to verify (14,776 of 21,000),
    losing 6 of the 3,662 planted relations found. Pages of one site are exempt (windows
    do not score them)."""
    close: float = 0.3
    """Candidate pairs scoring at least this get the semantic stage when the lexical one
    does not find them derived …"""
    semantic_pairs: int = 200
    """… in discovery, the this many best-scoring of them. The stage costs about 0.15 s a
    pair of news-length documents on one core, and on a 2,000-document corpus of PAN
    obfuscations (benchmarks/bench_corpus.py) running it on every such pair took 8x the
    time of lexical verification (3,968 pairs) and found one more planted relation: a budget keeps
    discovery's time linear in the corpus."""
    max_df_share: float = 0.05
    max_df_floor: int = 100
    max_df_cap: int = 500
    """Terms in more than max(floor, min(share × documents, cap)) documents do not vote:
    without the cap the products grow with the square of the corpus. At 100,000 documents
    (``bench_corpus.py``, machine busy) scoring all pairs took 220 s with 500 and 120 s
    with 200; at 10,000, 200 instead of 500 lost recall (translation chains 0.900 →
    0.848, random obfuscation 0.801 → 0.780)."""
    block: int = 4096
    """Windows per block of the all-pairs product (memory against speed)."""

    def __post_init__(self) -> None:
        if self.size < 2 or not 1 <= self.stride <= self.size:
            raise ValueError(
                f"WindowConfig needs size >= 2 and 1 <= stride <= size, got {self.size}, {self.stride}"
            )


def window_starts(n_terms: int, size: int, stride: int) -> list[int]:
    """Start positions of the windows of a sequence of ``n_terms`` terms.

    Windows start every ``stride`` terms; the last one ends at the last term, so the tail is
    covered without a short window. A sequence shorter than ``size`` is one window.
    """
    if n_terms <= size:
        return [0]
    starts = list(range(0, n_terms - size + 1, stride))
    if starts[-1] + size < n_terms:
        starts.append(n_terms - size)
    return starts


@dataclass(frozen=True)
class WindowMatrix:
    """Every window of a set of documents as a row of unit-length tf-idf weights."""

    matrix: object
    """scipy.sparse.csr_matrix, windows × terms, float32."""
    owner: np.ndarray
    """Row → index of its document in the input."""
    df: np.ndarray
    """Column → the number of documents holding the term."""
    n_docs: int


def build_windows(
    seqs: Sequence[np.ndarray],
    cfg: WindowConfig,
    *,
    corpus_df: Callable[[np.ndarray], np.ndarray] | None = None,
    corpus_size: int = 0,
) -> WindowMatrix:
    """The window matrix of documents given as term-hash sequences (any integer dtype).

    Idf comes from these documents, or, with ``corpus_df`` (term hashes → the number of
    documents holding each), from a corpus of ``corpus_size`` documents they belong to.
    """
    from scipy import sparse

    n_docs = len(seqs)
    lengths = np.fromiter((len(s) for s in seqs), dtype=np.int64, count=n_docs)
    flat = (
        np.concatenate([np.asarray(s, dtype=np.uint64) for s in seqs])
        if n_docs
        else np.zeros(0, np.uint64)
    )
    uniq, col, doc_df = _factorise(flat, lengths)
    n_terms = len(uniq)
    offsets = np.concatenate([[0], np.cumsum(lengths)])

    if corpus_df is not None:
        df = np.asarray(corpus_df(uniq), dtype=np.int64)
        n_idf = max(corpus_size, 1)
    else:
        df = doc_df
        n_idf = max(1, n_docs)

    # Every window as (first term's position in ``col``, length), documents in order.
    first: list[int] = []
    size: list[int] = []
    owner_list: list[int] = []
    for i in range(n_docs):
        n = int(lengths[i])
        if n == 0:
            continue
        base = int(offsets[i])
        starts = window_starts(n, cfg.size, cfg.stride)
        first.extend(base + s for s in starts)
        size.extend(min(n, s + cfg.size) - s for s in starts)
        owner_list.extend([i] * len(starts))
    r = len(first)
    if r == 0:
        empty = sparse.csr_matrix((0, n_terms), dtype=np.float32)
        return WindowMatrix(empty, np.zeros(0, np.int64), df, n_docs)
    sizes = np.asarray(size, dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum(sizes)])
    within = np.arange(indptr[-1], dtype=np.int64) - np.repeat(indptr[:-1], sizes)
    cols = col[np.repeat(np.asarray(first, dtype=np.int64), sizes) + within]
    m = sparse.csr_matrix((np.ones(len(cols), dtype=np.float32), cols, indptr), shape=(r, n_terms))
    m.sum_duplicates()
    # Smoothed: a term every document holds still weighs a little.
    idf = np.log((n_idf + 1) / (np.clip(df, 0, n_idf) + 0.5)).astype(np.float32)
    m.data = (1.0 + np.log(m.data)) * idf[m.indices]
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel()).astype(np.float32)
    norms[norms == 0] = 1.0
    m = sparse.csr_matrix(sparse.diags(1.0 / norms) @ m, dtype=np.float32)
    return WindowMatrix(m, np.asarray(owner_list, dtype=np.int64), df, n_docs)


def _factorise(flat: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct values of ``flat`` (sorted), each position's index among them (int32),
    and each value's number of documents (``lengths`` cut ``flat`` into documents).

    What ``np.unique(flat, return_inverse=True)`` and a second unique over (document,
    term) give, from one sort: values and positions packed in one 64-bit key when both fit
    in 32 bits (always, for the sketch's term hashes), which sorts many times faster than
    numpy's hash-based unique with inverse on tens of millions of terms.
    """
    n = len(flat)
    if n == 0:
        return flat[:0], np.zeros(0, np.int32), np.zeros(0, np.int64)
    if n < 1 << 32 and int(flat.max()) < 1 << 32:
        packed = np.sort((flat.astype(np.uint64) << np.uint64(32)) | np.arange(n, dtype=np.uint64))
        values = packed >> np.uint64(32)
        pos = (packed & np.uint64(0xFFFFFFFF)).astype(np.int64)
        del packed
    else:  # pragma: no cover - wider than the sketch's hashes
        pos = np.argsort(flat, kind="stable")
        values = flat[pos]
    new_value = np.ones(n, dtype=bool)
    new_value[1:] = values[1:] != values[:-1]
    uniq = values[new_value]
    rank = np.cumsum(new_value) - 1
    col = np.empty(n, dtype=np.int32)
    col[pos] = rank
    # Positions ascend within a value, and documents with positions: a document holding
    # the value starts wherever the value or the document changes.
    doc = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)[pos]
    new_doc = new_value.copy()
    new_doc[1:] |= doc[1:] != doc[:-1]
    df = np.bincount(rank[new_doc], minlength=len(uniq)).astype(np.int64)
    return uniq.astype(flat.dtype, copy=False), col, df


def _rows(m: object, start: int, stop: int | None = None) -> object:
    """Rows ``start:stop`` of a CSR matrix as a view (no copy of the data)."""
    from scipy import sparse

    assert isinstance(m, sparse.csr_matrix)
    stop = m.shape[0] if stop is None else min(stop, m.shape[0])
    ptr = m.indptr[start : stop + 1]
    lo, hi = int(ptr[0]), int(ptr[-1])
    return sparse.csr_matrix(
        (m.data[lo:hi], m.indices[lo:hi], ptr - lo), shape=(stop - start, m.shape[1]), copy=False
    )


def _block_pairs(
    wm: WindowMatrix, groups: Sequence[str] | None, cfg: WindowConfig
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Per block of windows, the pairs of documents ``i < j`` it scores (keys ``i * n + j``,
    one entry a pair, sorted) with their best window cosine there, when at least
    ``min_score``. A pair whose windows fall in several blocks comes in several of them."""
    from scipy import sparse

    m = wm.matrix
    assert isinstance(m, sparse.csr_matrix)
    n_docs = wm.n_docs
    if not n_docs:
        return
    cap = max(cfg.max_df_floor, min(int(cfg.max_df_share * n_docs), cfg.max_df_cap))
    voting = ((wm.df >= 2) & (wm.df <= cap)).astype(np.float32)
    p = sparse.csr_matrix(m @ sparse.diags(voting))
    p.eliminate_zeros()
    group_id: np.ndarray | None = None
    if groups is not None:
        names: dict[str, int] = {}
        group_id = np.array(
            [names.setdefault(g, len(names)) if g else -1 - i for i, g in enumerate(groups)],
            dtype=np.int64,
        )
    # Rows are in document order: a block needs only the windows from its own first row on.
    # Computed as (those windows) × (the block)ᵀ, so the large operand is a view of rows and
    # only the block is transposed; each cosine sums the same products in the same order
    # (by term) as the block × (those windows)ᵀ would.
    for b0 in range(0, p.shape[0], cfg.block):
        block_t = sparse.csr_matrix(_rows(p, b0, b0 + cfg.block).T)  # type: ignore[attr-defined]
        s = sparse.coo_matrix(_rows(p, b0) @ block_t)
        keep = s.data >= cfg.min_score
        di = wm.owner[s.col[keep] + b0]
        dj = wm.owner[s.row[keep] + b0]
        v = s.data[keep]
        del s
        keep = di < dj
        if group_id is not None:
            keep &= group_id[di] != group_id[dj]
        key = di[keep] * n_docs + dj[keep]
        v = v[keep]
        if len(key):
            yield _best_per_key(key, v)


def _best_per_key(key: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct keys and each one's largest value."""
    if not len(key):
        return key, v
    order = np.argsort(key)
    key = key[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    starts = np.flatnonzero(first)
    return key[starts], np.maximum.reduceat(v[order], starts)


def pair_scores(
    wm: WindowMatrix, groups: Sequence[str] | None, cfg: WindowConfig
) -> dict[int, float]:
    """Pairs of documents ``(i, j)``, ``i < j``, keyed ``i * n + j`` (``n`` documents), with
    their best window cosine when it is at least ``min_score``.

    Documents of the same non-empty ``group`` (a site: its boilerplate is shared by every
    page) are never paired here; the lexical channel still finds reuse within a site. Every
    such pair is kept: for a large corpus use :func:`candidate_scores`.
    """
    best: dict[int, float] = {}
    for key, v in _block_pairs(wm, groups, cfg):
        for k, x in zip(key.tolist(), v.tolist(), strict=True):
            if x > best.get(k, 0.0):
                best[k] = x
    return best


def candidate_scores(
    wm: WindowMatrix,
    groups: Sequence[str] | None,
    cfg: WindowConfig,
    wanted: np.ndarray | None = None,
    *,
    compact_at: int = 4_000_000,
) -> dict[int, float]:
    """The part of :func:`pair_scores` discovery needs, in memory that grows with the
    number of documents rather than of similar pairs: every pair :func:`select_pairs` may
    choose (each document's ``top_k`` best partners scoring at least ``partner_min``, ties
    included, and pairs at ``keep_score`` or above) and the scores of the ``wanted`` keys
    (at least ``min_score``). Their values are those of :func:`pair_scores`.

    Pairs come block by block; whenever ``compact_at`` are held, each pair keeps its best
    value so far and the pairs out of both documents' top ``top_k`` are dropped. That is
    exact: a document's ``top_k``-th best value only rises as blocks come, so a dropped
    pair's earlier value could never have made it, and a later, higher one brings it back
    with its true best.
    """
    n = wm.n_docs
    want = np.unique(np.asarray(wanted, dtype=np.int64)) if wanted is not None else None
    keys: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    held = 0

    def compact() -> tuple[np.ndarray, np.ndarray]:
        key, v = _best_per_key(np.concatenate(keys), np.concatenate(vals))
        keep = v >= cfg.partner_min
        if cfg.keep_score is not None:
            keep |= v >= cfg.keep_score
        kth = _kth_best(key[keep] // n, key[keep] % n, v[keep], n, cfg.top_k)
        top = np.zeros(len(key), dtype=bool)
        a, b = key // n, key % n
        top[keep] = v[keep] >= np.minimum(kth[a[keep]], kth[b[keep]])
        if cfg.keep_score is not None:
            top |= v >= cfg.keep_score
        if want is not None:
            top |= np.isin(key, want, assume_unique=False)
        return key[top], v[top]

    for key, v in _block_pairs(wm, groups, cfg):
        keys.append(key)
        vals.append(v)
        held += len(key)
        if held >= compact_at:
            k, x = compact()
            keys, vals, held = [k], [x], len(k)
    if not keys:
        return {}
    k, x = compact()
    return {int(a): float(b) for a, b in zip(k.tolist(), x.tolist(), strict=True)}


def _kth_best(a: np.ndarray, b: np.ndarray, v: np.ndarray, n: int, k: int) -> np.ndarray:
    """Per document (either side of a pair), its ``k``-th best value; -inf with fewer."""
    out = np.full(n, -np.inf, dtype=np.float64)
    if not len(v) or k < 1:
        return out
    mine = np.concatenate([a, b])
    both = np.concatenate([v, v]).astype(np.float64)
    order = np.lexsort((-both, mine))
    m, val = mine[order], both[order]
    start = np.ones(len(m), dtype=bool)
    start[1:] = m[1:] != m[:-1]
    first_at = np.maximum.accumulate(np.where(start, np.arange(len(m)), 0))
    rank = np.arange(len(m)) - first_at
    at = rank == k - 1
    out[m[at]] = val[at]
    return out


def select_pairs(
    best: dict[int, float], n_docs: int, cfg: WindowConfig
) -> dict[tuple[int, int], float]:
    """Of :func:`pair_scores`, each document's ``top_k`` partners scoring at least
    ``partner_min`` and every pair at ``keep_score`` or above, as ``(i, j) → score``."""
    if not best:
        return {}
    keys = np.fromiter(best.keys(), dtype=np.int64, count=len(best))
    vals = np.fromiter(best.values(), dtype=np.float64, count=len(best))
    a, b = keys // n_docs, keys % n_docs
    kept = vals >= cfg.keep_score if cfg.keep_score is not None else np.zeros(len(vals), bool)
    # Rank every document's partners (it may be either side of a pair), best first; ties
    # by partner, so the choice is stable.
    n = len(vals)
    mine = np.concatenate([a, b])
    other = np.concatenate([b, a])
    both = np.concatenate([vals, vals])
    order = np.lexsort((other, -both, mine))
    m = mine[order]
    start = np.ones(len(m), dtype=bool)
    start[1:] = m[1:] != m[:-1]
    first_at = np.maximum.accumulate(np.where(start, np.arange(len(m)), 0))
    rank = np.arange(len(m)) - first_at
    kept[order[(rank < cfg.top_k) & (both[order] >= cfg.partner_min)] % n] = True
    return {
        (int(x), int(y)): round(float(s), 6)
        for x, y, s in zip(a[kept].tolist(), b[kept].tolist(), vals[kept].tolist(), strict=True)
    }


def best_window_scores(wm: WindowMatrix, query: int = 0) -> np.ndarray:
    """Per document of ``wm``, the best cosine of one of its windows with one of document
    ``query``'s (0 for the query itself and for documents sharing no term with it)."""
    from scipy import sparse

    m = wm.matrix
    assert isinstance(m, sparse.csr_matrix)
    out = np.zeros(wm.n_docs, dtype=np.float64)
    mine = wm.owner == query
    if not mine.any() or not len(wm.owner):
        return out
    s = sparse.coo_matrix(m[np.flatnonzero(mine)] @ m.T)
    owner = wm.owner[s.col]
    np.maximum.at(out, owner, s.data)
    out[query] = 0.0
    return np.round(out, 6)


def score_against(
    query: np.ndarray,
    others: Sequence[np.ndarray],
    cfg: WindowConfig,
    *,
    corpus_df: Callable[[np.ndarray], np.ndarray],
    corpus_size: int,
) -> np.ndarray:
    """Best window cosine of each of ``others`` with ``query`` (term-hash sequences), with
    idf from a corpus of ``corpus_size`` documents."""
    if not len(query) or not others:
        return np.zeros(len(others), dtype=np.float64)
    wm = build_windows([query, *others], cfg, corpus_df=corpus_df, corpus_size=corpus_size)
    return best_window_scores(wm, 0)[1:]
