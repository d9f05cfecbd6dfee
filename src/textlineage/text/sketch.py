"""Lexical sketches: small, stable fingerprints of a document's wording.

A document's sketch is a set of 64-bit hashes of two families of features of its content
terms (folded, stop words removed, stemmed):

- **shingles**: runs of ``k`` consecutive terms, kept when ``hash % sample == 0``;
- **term pairs**: unordered pairs of terms at most ``window - 1`` terms apart, kept when
  ``hash % pair_sample == 0``. A rewording that shuffles, drops and replaces words breaks
  most runs of three terms but keeps many pairs of nearby terms (benchmarks/bench_corpus.py).

Selection by value rather than by position means a paragraph copied into another document
keeps the same fingerprints wherever it lands, so shared fingerprints estimate
*containment*, not only whole-document resemblance — partial reuse is found as well as full
copies.

Hashes are stable across processes and machines (blake2b of each term, combined with a
fixed polynomial in wrapping 64-bit arithmetic), as an index on disk requires.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .features import STOPWORDS, stem
from .normalise import TOKEN_RE, fold_token

_MULT = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class SketchConfig:
    """``k`` terms per shingle; keep one shingle hash in ``sample`` on average.

    Measured on a 2,000-document synthetic corpus (benchmarks/bench_corpus.py): k=3 finds
    0.33 of heavy rewrites against 0.18 for k=4 at 1.6x the verification time; sample=4
    raises that to 0.52 at 2.8x.
    """

    k: int = 3
    sample: int = 8
    window: int = 4
    """Term pairs at most ``window - 1`` terms apart; 0 or 1: no pair fingerprints."""
    pair_sample: int = 8

    def __post_init__(self) -> None:
        for name in ("k", "sample", "pair_sample"):
            if getattr(self, name) < 1:
                raise ValueError(
                    f"SketchConfig.{name} must be at least 1, got {getattr(self, name)}"
                )
        if self.window < 0:
            raise ValueError(f"SketchConfig.window must be 0 or more, got {self.window}")

    def spec(self) -> str:
        """The settings as saved in an index (``k=3,sample=8,window=4,pair_sample=8``)."""
        return (
            f"k={self.k},sample={self.sample},window={self.window},pair_sample={self.pair_sample}"
        )

    @classmethod
    def from_spec(cls, spec: str) -> SketchConfig:
        """Settings saved by :meth:`spec`; an index saved before pairs existed has none."""
        parts = {k: int(v) for k, v in (p.split("=") for p in spec.split(","))}
        return cls(
            k=parts["k"],
            sample=parts["sample"],
            window=parts.get("window", 0),
            pair_sample=parts.get("pair_sample", 8),
        )


_CACHE_LIMIT = 1_000_000
"""Chunks (and tokens) remembered; about 150 MB when full."""


def _hash(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")


class _Vocabulary:
    """Whitespace-separated chunks seen so far, each with its tokens' hashes.

    Tokens never cross white space, so a text's tokens are its chunks' tokens in order.
    Each distinct chunk ("Tehran,", "well-known", "U.S.") is tokenised, folded, filtered and
    stemmed once; after that a document costs one ``str.split`` and one dictionary lookup per
    chunk, done in C by ``map``, and array gathers. Per chunk ``c`` its tokens are entries
    ``start[c] : start[c] + count[c]`` of ``norm`` (hash of the folded token) and ``term``
    (hash of the stemmed content term, 0 for a stop word).
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.ids: dict[str, int] = {}
        self.token_pairs: dict[str, tuple[int, int]] = {}
        self.start = np.zeros(1 << 14, dtype=np.int64)
        self.count = np.zeros(1 << 14, dtype=np.int64)
        self.norm = np.zeros(1 << 15, dtype=np.uint64)
        self.term = np.zeros(1 << 15, dtype=np.uint64)
        self.tokens = 0

    def analyse(self, chunk: str) -> list[tuple[int, int]]:
        """(folded-token hash, content-term hash or 0) per token of ``chunk``."""
        out = []
        for raw in TOKEN_RE.findall(chunk):
            pair = self.token_pairs.get(raw)
            if pair is None:
                norm = fold_token(raw)
                keep = (norm not in STOPWORDS and len(norm) > 1) or norm[:1].isdigit()
                pair = (_hash(norm), _hash(stem(norm)) if keep else 0)
                if len(self.token_pairs) < _CACHE_LIMIT:
                    self.token_pairs[raw] = pair
            out.append(pair)
        return out

    def learn(self, chunks: list[str]) -> bool:
        """Add the unseen ``chunks``; False when the vocabulary is full."""
        ids = self.ids
        distinct = set(chunks)
        new = [c for c in distinct if c not in ids]
        if len(ids) + len(new) > _CACHE_LIMIT:
            if len(distinct) > _CACHE_LIMIT:
                return False
            self.reset()  # full: start afresh, so memory stays bounded
            ids = self.ids
            new = list(distinct)
        if not new:
            return True
        c0, t0 = len(ids), self.tokens
        counts: list[int] = []
        norms: list[int] = []
        terms: list[int] = []
        for chunk in new:
            pairs = self.analyse(chunk)
            counts.append(len(pairs))
            norms.extend(p[0] for p in pairs)
            terms.extend(p[1] for p in pairs)
        c1, t1 = c0 + len(new), t0 + len(norms)
        while c1 > len(self.start):
            self.start = np.resize(self.start, 2 * len(self.start))
            self.count = np.resize(self.count, 2 * len(self.count))
        while t1 > len(self.norm):
            self.norm = np.resize(self.norm, 2 * len(self.norm))
            self.term = np.resize(self.term, 2 * len(self.term))
        cnt = np.array(counts, dtype=np.int64)
        self.count[c0:c1] = cnt
        self.start[c0:c1] = t0 + np.cumsum(cnt) - cnt
        self.norm[t0:t1] = np.array(norms, dtype=np.uint64)
        self.term[t0:t1] = np.array(terms, dtype=np.uint64)
        self.tokens = t1
        ids.update(zip(new, range(c0, c1), strict=True))
        return True

    def _ids(self, chunks: list[str]) -> np.ndarray | None:
        """The ids of ``chunks``, learning new ones; None when they do not fit."""
        try:
            return np.fromiter(map(self.ids.__getitem__, chunks), dtype=np.int64, count=len(chunks))
        except KeyError:
            # Learned in a set's order: a chunk's id depends on the order chunks were first
            # seen, never its hashes, so sketches stay the same whatever the order.
            if not self.learn(chunks):
                return None
            return np.fromiter(map(self.ids.__getitem__, chunks), dtype=np.int64, count=len(chunks))

    def _at(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where the tokens of chunks ``ids`` are (in order), and how many each has."""
        count = self.count[ids]
        before = np.cumsum(count) - count
        return np.repeat(self.start[ids] - before, count) + np.arange(int(count.sum())), count

    def hashes(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(folded-token hashes, content-term hashes) of ``text``, in text order."""
        chunks = text.split()
        ids = self._ids(chunks)
        if ids is None:
            pairs = [p for chunk in chunks for p in self.analyse(chunk)]
            norm = np.array([p[0] for p in pairs], dtype=np.uint64)
            term = np.array([p[1] for p in pairs], dtype=np.uint64)
            return norm, term[term != 0]
        at, _ = self._at(ids)
        term = self.term[at]
        return self.norm[at], term[term != 0]

    def piece_hashes(self, pieces: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(folded-token hashes, content-term hashes or 0, index of the piece) of every token
        of several texts, in order: of a text cut at white space into ``pieces``, the same
        tokens as :meth:`hashes` of the whole, in one pass."""
        per = [p.split() for p in pieces]
        n_chunks = np.fromiter(map(len, per), np.int64, len(per))
        chunks = list(chain.from_iterable(per))
        ids = self._ids(chunks)
        if ids is None:
            pairs = [[pair for chunk in p for pair in self.analyse(chunk)] for p in per]
            sizes = np.fromiter(map(len, pairs), np.int64, len(pairs))
            flat = list(chain.from_iterable(pairs))
            norm = np.array([p[0] for p in flat], dtype=np.uint64)
            term = np.array([p[1] for p in flat], dtype=np.uint64)
            return norm, term, np.repeat(np.arange(len(pieces)), sizes)
        at, count = self._at(ids)
        piece = np.repeat(np.repeat(np.arange(len(pieces)), n_chunks), count)
        return self.norm[at], self.term[at], piece


_VOCAB = _Vocabulary()


def shingle_hashes(term_hashes: np.ndarray, k: int) -> np.ndarray:
    """Hashes of all ``k``-term shingles of a sequence of term hashes, as uint64."""
    h = term_hashes
    if len(h) < k:
        if not len(h):
            return np.zeros(0, dtype=np.uint64)
        k = len(h)
    n = len(h) - k + 1
    acc = h[:n].copy()
    with np.errstate(over="ignore"):
        for off in range(1, k):
            acc = acc * _MULT + h[off : off + n]
    return acc


_PAIR_TAG = np.uint64(0xA0761D6478BD642F)
"""Mixed into pair hashes so that they never equal a shingle's by construction."""


def pair_hashes(term_hashes: np.ndarray, window: int) -> np.ndarray:
    """Order-free hashes of every two different terms at most ``window - 1`` apart."""
    h = term_hashes
    out = []
    with np.errstate(over="ignore"):
        for off in range(1, min(window, len(h))):
            a, b = h[:-off], h[off:]
            differ = a != b
            lo, hi = np.minimum(a, b)[differ], np.maximum(a, b)[differ]
            out.append((lo * _MULT + hi) * _MULT ^ _PAIR_TAG)
    return np.concatenate(out) if out else np.zeros(0, dtype=np.uint64)


def _sample(hashes: np.ndarray, every: int) -> np.ndarray:
    return hashes[hashes % np.uint64(every) == 0] if every > 1 else hashes


def fingerprints(term_hashes: np.ndarray, cfg: SketchConfig) -> np.ndarray:
    """Sampled shingle and pair fingerprints of a sequence of term hashes, sorted, int64."""
    fps = _sample(shingle_hashes(term_hashes, cfg.k), cfg.sample)
    if cfg.window > 1:
        fps = np.concatenate([fps, _sample(pair_hashes(term_hashes, cfg.window), cfg.pair_sample)])
    return np.unique(fps).view(np.int64)


def _key(norm_hashes: np.ndarray) -> bytes:
    return hashlib.blake2b(norm_hashes.astype("<u8").tobytes(), digest_size=16).digest()


def sketch(text: str, cfg: SketchConfig | None = None) -> np.ndarray:
    """The sorted, unique sampled fingerprints of ``text`` as int64 (SQLite's integer)."""
    return sketch_and_key(text, cfg)[0]


def text_key(text: str) -> bytes:
    """A digest of the text's folded words: equal for exact duplicates, whatever their case,
    quote and dash variants, spacing or punctuation."""
    return _key(_VOCAB.hashes(text)[0])


def sketch_and_key(text: str, cfg: SketchConfig | None = None) -> tuple[np.ndarray, bytes]:
    """``(sketch(text), text_key(text))`` in one pass."""
    cfg = cfg or SketchConfig()
    norm, term = _VOCAB.hashes(text)
    return fingerprints(term, cfg), _key(norm)


def piece_hashes(pieces: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of a text cut into ``pieces`` at white space (a document at its sentences): every
    token's folded-form hash, content-term hash (0: not a content term) and piece index."""
    return _VOCAB.piece_hashes(pieces)


def sketched(norm: np.ndarray, term: np.ndarray, cfg: SketchConfig) -> Sketched:
    """What indexing keeps of a text, from its tokens' hashes (as :func:`piece_hashes`
    gives them, content-term hash 0 for the others)."""
    term = term[term != 0]
    return Sketched(
        fingerprints(term, cfg), _key(norm), (term & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    )


def content_terms(text: str) -> np.ndarray:
    """The text's content terms in order, as 32-bit hashes (the window channel's input)."""
    return (_VOCAB.hashes(text)[1] & np.uint64(0xFFFFFFFF)).astype(np.uint32)


@dataclass(frozen=True)
class Sketched:
    """What indexing keeps of one text: fingerprints, duplicate key, content terms."""

    fingerprints: np.ndarray
    key: bytes
    terms: np.ndarray
    """Content-term hashes in text order, uint32 (see :func:`content_terms`)."""


def sketch_batch(texts: list[str], cfg: SketchConfig) -> list[Sketched]:
    """Fingerprints, key and content terms of each text (one task for a worker process)."""
    out = []
    for t in texts:
        norm, term = _VOCAB.hashes(t)
        out.append(
            Sketched(
                fingerprints(term, cfg),
                _key(norm),
                (term & np.uint64(0xFFFFFFFF)).astype(np.uint32),
            )
        )
    return out


def term_pairs(terms: np.ndarray) -> np.ndarray:
    """The distinct pairs of consecutive content terms of a text (uint64, sorted): a
    shingle about four words wide, which a changed word breaks."""
    t = np.asarray(terms, dtype=np.uint64)
    if len(t) < 2:
        return np.zeros(0, dtype=np.uint64)
    return np.unique((t[:-1] << np.uint64(32)) | t[1:])


def pair_overlap(
    a: str,
    b: str,
    regions: tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]] | None = None,
) -> tuple[tuple[float, float], tuple[int, int]]:
    """How much of each text the other holds word for word: the share of ``a``'s
    content-term pairs (:func:`term_pairs`) found in ``b`` and of ``b``'s found in ``a``,
    and how many.

    With ``regions`` (each side's reused character ranges), only the pairs inside a side's
    regions count for that side, looked up in the whole other text: what was added around
    the reused text (a credit line, the site's own furniture) does not count.

    Lineage uses it to tell which of several earlier texts a copy was made from: a copy
    holds the edits of the text it was made from, not those of its siblings.
    """
    whole_a, whole_b = term_pairs(content_terms(a)), term_pairs(content_terms(b))
    if regions is None:
        part_a, part_b = whole_a, whole_b
    else:
        part_a = term_pairs(content_terms(_regions_text(a, regions[0])))
        part_b = term_pairs(content_terms(_regions_text(b, regions[1])))
    found_a, found_b = _found(part_a, whole_b), _found(part_b, whole_a)
    share_a = found_a / len(part_a) if len(part_a) else 0.0
    share_b = found_b / len(part_b) if len(part_b) else 0.0
    return (share_a, share_b), (found_a, found_b)


def containment(
    a: str,
    b: str,
    regions: tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]] | None = None,
) -> tuple[float, float]:
    """The shares of :func:`pair_overlap`."""
    return pair_overlap(a, b, regions)[0]


def _found(part: np.ndarray, whole: np.ndarray) -> int:
    if not len(part) or not len(whole):
        return 0
    return len(np.intersect1d(part, whole, assume_unique=True))


def _regions_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text of merged ``spans``, one paragraph each."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return "\n\n".join(text[s:e] for s, e in merged)
