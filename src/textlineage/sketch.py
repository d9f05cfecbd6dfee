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


_HASHES: dict[str, int] = {}
_ENTRIES: dict[str, tuple[str, str]] = {}
_CACHE_LIMIT = 2_000_000


def _term_hash(term: str) -> int:
    h = _HASHES.get(term)
    if h is None:
        h = int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")
        if len(_HASHES) < _CACHE_LIMIT:
            _HASHES[term] = h
    return h


def analyse(text: str) -> tuple[list[str], list[str]]:
    """One pass over the tokens: (folded tokens, content terms).

    Equal to ``[t.norm for t in tokenize(text)]`` and ``content_terms(tokenize(text))``,
    without token objects: bulk indexing spends most of its time here.
    """
    norms: list[str] = []
    terms: list[str] = []
    for raw in TOKEN_RE.findall(text):
        entry = _ENTRIES.get(raw)
        if entry is None:
            norm = fold_token(raw)
            keep = (norm not in STOPWORDS and len(norm) > 1) or norm[:1].isdigit()
            entry = (norm, stem(norm) if keep else "")
            if len(_ENTRIES) < _CACHE_LIMIT:
                _ENTRIES[raw] = entry
        norms.append(entry[0])
        if entry[1]:
            terms.append(entry[1])
    return norms, terms


def shingle_hashes(terms: list[str], k: int) -> np.ndarray:
    """Hashes of all ``k``-term shingles, as uint64."""
    if len(terms) < k:
        if not terms:
            return np.zeros(0, dtype=np.uint64)
        k = len(terms)
    h = np.fromiter((_term_hash(t) for t in terms), dtype=np.uint64, count=len(terms))
    n = len(terms) - k + 1
    acc = h[:n].copy()
    with np.errstate(over="ignore"):
        for off in range(1, k):
            acc = acc * _MULT + h[off : off + n]
    return acc


def _sample(hashes: np.ndarray, cfg: SketchConfig) -> np.ndarray:
    if cfg.sample > 1:
        hashes = hashes[hashes % np.uint64(cfg.sample) == 0]
    return np.unique(hashes).view(np.int64)


def sketch(text: str, cfg: SketchConfig | None = None) -> np.ndarray:
    """The sorted, unique sampled fingerprints of ``text`` as int64 (SQLite's integer)."""
    cfg = cfg or SketchConfig()
    return _sample(shingle_hashes(analyse(text)[1], cfg.k), cfg)


def _key(norms: list[str]) -> bytes:
    return hashlib.blake2b(" ".join(norms).encode("utf-8"), digest_size=16).digest()


def text_key(text: str) -> bytes:
    """A digest of the text's folded words: equal for exact duplicates, whatever their case,
    quote and dash variants, spacing or punctuation."""
    return _key(analyse(text)[0])


def sketch_and_key(text: str, cfg: SketchConfig | None = None) -> tuple[np.ndarray, bytes]:
    """``(sketch(text), text_key(text))`` in one pass."""
    cfg = cfg or SketchConfig()
    norms, terms = analyse(text)
    return _sample(shingle_hashes(terms, cfg.k), cfg), _key(norms)
