"""Lexical sketches: small, stable fingerprints of a document's wording.

A document's sketch is a set of 64-bit hashes of its word ``k``-grams (content terms:
folded, stop words removed, stemmed), kept when ``hash % sample == 0``. Selection by value
rather than by position means a paragraph copied into another document keeps the same
fingerprints wherever it lands, so shared fingerprints estimate *containment*, not only
whole-document resemblance — partial reuse is found as well as full copies.

Hashes are stable across processes and machines (blake2b of each term, combined with a
fixed polynomial in wrapping 64-bit arithmetic), as an index on disk requires.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from .fingerprint import STOPWORDS, stem
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

    def __post_init__(self) -> None:
        if self.k < 1:
            raise ValueError(f"SketchConfig.k must be at least 1, got {self.k}")
        if self.sample < 1:
            raise ValueError(f"SketchConfig.sample must be at least 1, got {self.sample}")


_CACHE_LIMIT = 2_000_000


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
        self.ids: dict[str, int] = {}
        self.start = np.zeros(1 << 14, dtype=np.int64)
        self.count = np.zeros(1 << 14, dtype=np.int64)
        self.norm = np.zeros(1 << 15, dtype=np.uint64)
        self.term = np.zeros(1 << 15, dtype=np.uint64)
        self.tokens = 0

    @staticmethod
    def analyse(chunk: str) -> list[tuple[int, int]]:
        out = []
        for raw in TOKEN_RE.findall(chunk):
            norm = fold_token(raw)
            keep = (norm not in STOPWORDS and len(norm) > 1) or norm[:1].isdigit()
            out.append((_hash(norm), _hash(stem(norm)) if keep else 0))
        return out

    def learn(self, chunks: list[str]) -> bool:
        """Add the unseen ``chunks``; False when the vocabulary is full."""
        ids = self.ids
        for chunk in chunks:
            if chunk in ids:
                continue
            if len(ids) >= _CACHE_LIMIT:
                return False
            pairs = self.analyse(chunk)
            c, t = len(ids), self.tokens
            if c >= len(self.start):
                self.start = np.resize(self.start, 2 * len(self.start))
                self.count = np.resize(self.count, 2 * len(self.count))
            while t + len(pairs) > len(self.norm):
                self.norm = np.resize(self.norm, 2 * len(self.norm))
                self.term = np.resize(self.term, 2 * len(self.term))
            self.start[c], self.count[c] = t, len(pairs)
            for i, (n, h) in enumerate(pairs):
                self.norm[t + i], self.term[t + i] = n, h
            self.tokens = t + len(pairs)
            ids[chunk] = c
        return True

    def hashes(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(folded-token hashes, content-term hashes) of ``text``, in text order."""
        chunks = text.split()
        try:
            ids = np.fromiter(map(self.ids.__getitem__, chunks), dtype=np.int64, count=len(chunks))
        except KeyError:
            if not self.learn(chunks):
                pairs = [p for chunk in chunks for p in self.analyse(chunk)]
                norm = np.array([p[0] for p in pairs], dtype=np.uint64)
                term = np.array([p[1] for p in pairs], dtype=np.uint64)
                return norm, term[term != 0]
            ids = np.fromiter(map(self.ids.__getitem__, chunks), dtype=np.int64, count=len(chunks))
        count = self.count[ids]
        before = np.cumsum(count) - count
        at = np.repeat(self.start[ids] - before, count) + np.arange(int(count.sum()))
        term = self.term[at]
        return self.norm[at], term[term != 0]


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


def _sample(hashes: np.ndarray, cfg: SketchConfig) -> np.ndarray:
    if cfg.sample > 1:
        hashes = hashes[hashes % np.uint64(cfg.sample) == 0]
    return np.unique(hashes).view(np.int64)


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
    return _sample(shingle_hashes(term, cfg.k), cfg), _key(norm)
