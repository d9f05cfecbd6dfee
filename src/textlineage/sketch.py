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
from functools import lru_cache

import numpy as np

from .fingerprint import content_terms
from .normalise import fold, tokenize

_MULT = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class SketchConfig:
    """``k`` terms per shingle; keep one shingle hash in ``sample`` on average."""

    k: int = 4
    sample: int = 8

    def __post_init__(self) -> None:
        if self.k < 1:
            raise ValueError(f"SketchConfig.k must be at least 1, got {self.k}")
        if self.sample < 1:
            raise ValueError(f"SketchConfig.sample must be at least 1, got {self.sample}")


@lru_cache(maxsize=1_000_000)
def _term_hash(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")


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


def sketch(text: str, cfg: SketchConfig | None = None) -> np.ndarray:
    """The sorted, unique sampled fingerprints of ``text`` as int64 (SQLite's integer)."""
    cfg = cfg or SketchConfig()
    hashes = shingle_hashes(content_terms(tokenize(text)), cfg.k)
    if cfg.sample > 1:
        hashes = hashes[hashes % np.uint64(cfg.sample) == 0]
    return np.unique(hashes).view(np.int64)


def text_key(text: str) -> bytes:
    """A digest of the normalised text: equal for exact duplicates (modulo case, quotes,
    spaces and other matching-irrelevant variants)."""
    norm = " ".join(fold(text).split())
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()
