"""Sentence keys: how a claim-length text (a sentence, a tweet, a headline) is found again
inside indexed documents, copied or lightly edited.

The document fingerprints of :mod:`.sketch` keep one shingle in eight: a sentence of ten
words holds one or two of them, often none, so a claim slips through. Here every sentence
of a document gets a few keys of its own, whatever its length:

- a document is cut into *claim units*: its sentences, a sentence with fewer than
  ``min_terms`` content terms joined to the next within its paragraph (as alignment units
  are), and where they differ the sentences of a looser reading (:data:`_LOOSE_RE`: a
  quotation after "He wrote:", a sentence copied in lower case), so that a claim quoted
  inside a longer sentence has a unit of its own;
- for each of ``functions`` fixed hash orders of content terms, a unit's key is the pair
  of its two lowest terms in that order (a *bottom-2* sketch, a relative of MinHash);
- a query unit looks up every pair of its ``query_terms`` lowest terms in each order.

A copied sentence has the same two lowest terms as its copy; a word changed or added
changes the key of an order only when the new word is one of the two lowest, and there
are ``functions`` orders: with three, a one-word change in a five-term claim is missed by
all of them about one time in sixteen ((2/5)³), in a ten-term claim one in a hundred and
twenty-five. Because the query tries every pair of its lowest terms, not only its own
key, a document sentence that drops words of the claim, or adds a few of its own, is
found too. Keys of two terms are rare enough that a look-up reads few rows, and the
index stays small: ``functions`` rows a unit, about 100 for a news article.

Pure functions of the text; hashes are stable across processes (those of :mod:`.sketch`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

import numpy as np

from .segment import Sentence, split_sentences
from .sketch import SketchConfig, Sketched, piece_hashes, sketched


@dataclass(frozen=True)
class ClaimKeyConfig:
    """How sentences are keyed (fixed per index: saved in it as :meth:`spec`)."""

    functions: int = 3
    """Hash orders, one key (one index row) each per sentence."""
    min_terms: int = 3
    """A sentence with fewer content terms joins the next one (in the looser reading, it
    has no key)."""
    query_terms: int = 8
    """A query unit looks up every pair of its this many lowest terms in each order (28
    pairs): a document sentence matches while its two lowest are among them."""

    def __post_init__(self) -> None:
        if not 1 <= self.functions <= len(_SEEDS):
            raise ValueError(
                f"ClaimKeyConfig.functions must be between 1 and {len(_SEEDS)}, "
                f"got {self.functions}"
            )
        if self.min_terms < 2 or self.query_terms < 2:
            raise ValueError(
                "ClaimKeyConfig.min_terms and query_terms must be at least 2 (a key is a "
                f"pair of terms), got {self.min_terms} and {self.query_terms}"
            )

    def spec(self) -> str:
        """The settings as saved in an index (``functions=3,min_terms=3``); ``query_terms``
        is a search setting, not saved."""
        return f"functions={self.functions},min_terms={self.min_terms}"

    @classmethod
    def from_spec(cls, spec: str) -> ClaimKeyConfig:
        parts = {k: int(v) for k, v in (p.split("=") for p in spec.split(","))}
        return cls(functions=parts["functions"], min_terms=parts["min_terms"])


class ClaimUnits(NamedTuple):
    """A text's claim units: character ranges, and their distinct content terms (uint64
    hashes) grouped by unit in unit order, each with its unit's index."""

    starts: np.ndarray
    ends: np.ndarray
    terms: np.ndarray
    unit: np.ndarray

    def __len__(self) -> int:
        return len(self.starts)

    def terms_of(self, k: int) -> np.ndarray:
        """The distinct content terms of unit ``k``."""
        lo, hi = np.searchsorted(self.unit, [k, k + 1])
        return self.terms[lo:hi]


_SEEDS = np.array(
    [
        0x243F6A8885A308D3,
        0x13198A2E03707344,
        0xA4093822299F31D0,
        0x082EFA98EC4E6C89,
        0x452821E638D01377,
        0xBE5466CF34E90C6C,
        0xC0AC29B7C97C50DD,
        0x3F84D5B5B5470917,
    ],
    dtype=np.uint64,
)
"""One per hash order (hexadecimal digits of pi)."""


def _mix(x: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (splitmix64): every input bit moves every output bit."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


CLAIM_CHARS = 40
"""The shortest claim (:class:`~textlineage.align.evidence.ShortConfig` ``min_chars``)."""

_LOOSE_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*\s+|:\s+(?=[\"\u201c\u2018\u00ab])")
"""Where a looser reading of a text starts a sentence: after a full stop, question or
exclamation mark whatever follows (a sentence copied in lower case, or after an
abbreviation), and at a quotation after a colon (``He wrote: "..."``)."""


class _Cut(NamedTuple):
    """A text cut into pieces at white space, each a sentence of the looser reading."""

    pieces: list[Sentence]
    """Each piece's range, trimmed of white space."""
    strict: np.ndarray
    """The (strict) sentence of each piece."""
    texts: list[str]
    """The pieces untrimmed: together, the whole text."""


def _cut(text: str, sentences: Sequence[Sentence]) -> _Cut:
    """The pieces of ``text``: cut where a sentence starts, and where :data:`_LOOSE_RE`
    starts one (both after white space, so no token is cut)."""
    starts = [s.start for s in sentences]
    loose = {m.end() for m in _LOOSE_RE.finditer(text) if m.end() < len(text)}
    cuts = sorted(loose.union(starts[1:]) - {0})
    bounds = [0, *cuts, len(text)]
    pieces = []
    for a, b in pairwise(bounds):
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        pieces.append(Sentence(a, b))
    strict = np.searchsorted(np.array(starts, dtype=np.int64), bounds[:-1], "right") - 1
    texts = [text[a:b] for a, b in pairwise(bounds)]
    return _Cut(pieces, np.maximum(strict, 0), texts)


def claim_units(text: str, min_terms: int = 3) -> ClaimUnits:
    """The claim units of ``text``: those of its sentences and those of a looser reading
    of them (:data:`_LOOSE_RE`), each once, in order (see :func:`units_of`)."""
    return _units(text, min_terms)[1]


def _units(text: str, min_terms: int) -> tuple[tuple[np.ndarray, np.ndarray], ClaimUnits]:
    """``text``'s tokens' hashes (folded forms and content terms, 0 for the others) and its
    claim units."""
    sentences = split_sentences(text)
    cut = _cut(text, sentences)
    norm, term, piece = piece_hashes(cut.texts)
    strict = units_of(text, sentences, term, cut.strict[piece], min_terms)
    loose = units_of(text, cut.pieces, term, piece, min_terms, join=False)
    return (norm, term), _union(strict, loose)


def _union(a: ClaimUnits, b: ClaimUnits) -> ClaimUnits:
    """The units of ``a`` and those of ``b`` with another range, by start and end."""
    seen = set(zip(a.starts.tolist(), a.ends.tolist(), strict=True))
    extra = [
        k
        for k, key in enumerate(zip(b.starts.tolist(), b.ends.tolist(), strict=True))
        if key not in seen
    ]
    if not extra:
        return a
    starts = np.concatenate([a.starts, b.starts[extra]])
    ends = np.concatenate([a.ends, b.ends[extra]])
    order = np.lexsort((ends, starts))
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    keep = np.isin(b.unit, extra)
    renumber = np.zeros(len(b), dtype=np.int64)
    renumber[extra] = np.arange(len(a), len(a) + len(extra))
    unit = rank[np.concatenate([a.unit, renumber[b.unit[keep]]])]
    terms = np.concatenate([a.terms, b.terms[keep]])
    by = np.argsort(unit, kind="stable")
    return ClaimUnits(starts[order], ends[order], terms[by], unit[by])


def units_of(
    text: str,
    sentences: Sequence[Sentence],
    term: np.ndarray,
    piece: np.ndarray,
    min_terms: int = 3,
    join: bool = True,
) -> ClaimUnits:
    """Claim units from a text's sentences and its tokens' content-term hashes (0: not a
    content term) with the sentence each is in: a sentence with fewer than ``min_terms``
    content terms (counted with repeats) joins the next, a short last one of a paragraph
    the one before, as alignment units do, but never across a blank line (a claim set in
    a paragraph of its own keeps its units). Units without content terms are left out.

    ``join=False``: every sentence is a unit, and those with fewer than ``min_terms``
    distinct terms (two from :data:`CLAIM_CHARS` characters) are left out (the looser
    reading: a lead-in such as "He wrote:" stays apart from the quotation it
    introduces)."""
    keep = term != 0
    if not sentences or not keep.any():
        empty = np.zeros(0, np.int64)
        return ClaimUnits(empty, empty, np.zeros(0, np.uint64), empty)
    terms, piece = term[keep], piece[keep]
    if not join:
        return _each(sentences, terms, piece, min_terms)
    n_terms = np.bincount(piece, minlength=len(sentences)).tolist()
    bounds: list[list[int]] = []  # per unit: start, end, terms
    unit_of: list[int] = []
    first = 0  # the paragraph's first unit

    def close() -> None:  # a short last unit joins the one before, in its paragraph
        if len(bounds) - first > 1 and bounds[-1][2] < min_terms:
            last = bounds.pop()
            bounds[-1][1:] = [last[1], bounds[-1][2] + last[2]]
            for k in range(len(unit_of) - 1, -1, -1):
                if unit_of[k] < len(bounds):
                    break
                unit_of[k] = len(bounds) - 1

    for k, (s, n) in enumerate(zip(sentences, n_terms, strict=True)):
        if k and text.count("\n", sentences[k - 1].end, s.start) >= 2:
            close()  # a blank line: units do not reach across it
            first = len(bounds)
        if len(bounds) > first and bounds[-1][2] < min_terms:  # too few terms: joins
            bounds[-1][1:] = [s.end, bounds[-1][2] + n]
        else:
            bounds.append([s.start, s.end, n])
        unit_of.append(len(bounds) - 1)
    close()
    unit = np.array(unit_of, dtype=np.int64)[piece]
    return _numbered(np.array(bounds, dtype=np.int64).reshape(-1, 3)[:, :2], terms, unit)


def _distinct(terms: np.ndarray, unit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each term once per unit, grouped by unit."""
    order = np.lexsort((terms, unit))
    terms, unit = terms[order], unit[order]
    if len(terms):
        new = np.ones(len(terms), dtype=bool)
        new[1:] = (terms[1:] != terms[:-1]) | (unit[1:] != unit[:-1])
        terms, unit = terms[new], unit[new]
    return terms, unit


def _numbered(bounds: np.ndarray, terms: np.ndarray, unit: np.ndarray) -> ClaimUnits:
    """Units with terms (``bounds``: start and end of every unit), numbered afresh."""
    terms, unit = _distinct(terms, unit)
    kept, unit = np.unique(unit, return_inverse=True)
    arr = bounds[kept]
    return ClaimUnits(arr[:, 0], arr[:, 1], terms, unit.astype(np.int64).ravel())


def _each(
    sentences: Sequence[Sentence], terms: np.ndarray, piece: np.ndarray, min_terms: int
) -> ClaimUnits:
    """Every sentence a unit; those with fewer than ``min_terms`` distinct terms left out,
    but for claim-length ones (:data:`CLAIM_CHARS`) with two ("And that is what the
    database says.")."""
    terms, unit = _distinct(terms, piece)
    bounds = np.array(sentences, dtype=np.int64).reshape(-1, 2)
    need = np.where(bounds[:, 1] - bounds[:, 0] >= CLAIM_CHARS, 2, min_terms)
    enough = np.bincount(unit, minlength=len(sentences)) >= need
    return _numbered(bounds, terms[enough[unit]], unit[enough[unit]])


class SketchedClaims(NamedTuple):
    """What indexing keeps of one text: its sketch and its claim units' keys."""

    sketch: Sketched
    keys: np.ndarray
    """One key per unit and hash order (int64)."""
    starts: np.ndarray
    """The start offset of each key's unit."""


def sketch_with_claims(
    texts: Sequence[str], sketch: SketchConfig, claims: ClaimKeyConfig
) -> list[SketchedClaims]:
    """Each text's sketch (as :func:`~.sketch.sketch_batch` makes it) and claim keys, from
    one pass over its tokens (one task for an ingest worker)."""
    out = []
    for text in texts:
        (norm, term), units = _units(text, claims.min_terms)
        keys, starts = unit_keys(units, claims)
        out.append(SketchedClaims(sketched(norm, term, sketch), keys, starts))
    return out


def _pair_keys(lo: np.ndarray, hi: np.ndarray, seed: np.ndarray | np.uint64) -> np.ndarray:
    """Keys of term pairs (``lo < hi`` elementwise) in the hash order of ``seed``, int64."""
    with np.errstate(over="ignore"):
        return np.asarray(_mix(_mix(lo ^ seed) + hi)).view(np.int64)


_POSITION_BITS = np.uint64(24)
_POSITION = (np.uint64(1) << _POSITION_BITS) - np.uint64(1)
_NONE = np.uint64(0xFFFFFFFFFFFFFFFF)


def _ranks(terms: np.ndarray, functions: int) -> np.ndarray:
    """Each term's rank in each hash order (``len(terms)`` x ``functions``), its low bits
    replaced by the term's position, so that a minimum tells which term it is (two terms
    of a text agree in the 40 high bits about once in a trillion pairs)."""
    pos = np.arange(len(terms), dtype=np.uint64)[:, None] & _POSITION
    return (_mix(terms[:, None] ^ _SEEDS[None, :functions]) & ~_POSITION) | pos


def unit_keys(units: ClaimUnits, cfg: ClaimKeyConfig) -> tuple[np.ndarray, np.ndarray]:
    """Index rows of a text's units: ``(keys, starts)``, int64 each, ``functions`` per unit
    with two terms or more (the key of its two lowest terms in each order, beside the
    unit's start offset)."""
    n, f = len(units.terms), cfg.functions
    if n < 2 or n > int(_POSITION):
        return _fallback_keys(units, cfg) if n >= 2 else (np.zeros(0, np.int64),) * 2
    first = np.flatnonzero(np.r_[True, units.unit[1:] != units.unit[:-1]])
    ranks = _ranks(units.terms, f)
    cols = np.arange(f)
    low = np.minimum.reduceat(ranks, first, axis=0)  # units x functions
    at1 = (low & _POSITION).astype(np.int64)
    ranks[at1, cols[None, :]] = _NONE
    second = np.minimum.reduceat(ranks, first, axis=0)
    has_two = second[:, 0] != _NONE  # a unit of one term has no key
    at1, at2 = at1[has_two], (second[has_two] & _POSITION).astype(np.int64)
    a, b = units.terms[at1], units.terms[at2]
    keys = _pair_keys(np.minimum(a, b), np.maximum(a, b), _SEEDS[None, :f])
    starts = np.repeat(units.starts[has_two][:, None], f, axis=1)
    # Function by function, each in unit order.
    return keys.T.ravel(), starts.T.ravel()


def _fallback_keys(units: ClaimUnits, cfg: ClaimKeyConfig) -> tuple[np.ndarray, np.ndarray]:
    """:func:`unit_keys` unit by unit (a text of more than 16 million terms)."""
    keys, starts = [], []
    for k in range(len(units)):
        for f, key in enumerate(own_keys(units.terms_of(k), cfg).tolist()):
            keys.append((f, k, key))
            starts.append((f, k, int(units.starts[k])))
    keys.sort()
    starts.sort()
    return (
        np.array([x[2] for x in keys], dtype=np.int64),
        np.array([x[2] for x in starts], dtype=np.int64),
    )


def own_keys(terms: np.ndarray, cfg: ClaimKeyConfig) -> np.ndarray:
    """The keys of a unit with these distinct terms, one per hash order (int64; none for
    fewer than two terms): what :func:`unit_keys` stores for it."""
    if len(terms) < 2:
        return np.zeros(0, np.int64)
    ranks = _ranks(terms, cfg.functions)
    out = []
    for f in range(cfg.functions):
        a, b = terms[np.argsort(ranks[:, f])[:2]]
        out.append(_pair_keys(np.minimum(a, b), np.maximum(a, b), _SEEDS[f]))
    return np.array(out, dtype=np.int64).ravel()


def query_keys(terms: np.ndarray, cfg: ClaimKeyConfig) -> np.ndarray:
    """The keys a query unit with these distinct terms looks up: every pair of its
    ``query_terms`` lowest terms in each order (int64, distinct)."""
    if len(terms) < 2:
        return np.zeros(0, np.int64)
    ranks = _ranks(terms, cfg.functions)
    out = []
    for f in range(cfg.functions):
        low = terms[np.argsort(ranks[:, f])[: cfg.query_terms]]
        i, j = np.triu_indices(len(low), k=1)
        a, b = low[i], low[j]
        out.append(_pair_keys(np.minimum(a, b), np.maximum(a, b), _SEEDS[f]))
    return np.unique(np.concatenate(out))
