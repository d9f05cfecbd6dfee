"""Verifying a candidate pair of corpus documents: the kernel every engine calls.

A candidate (two documents sharing fingerprints, or close in the window channel) becomes a
relation only when the pairwise alignment finds reuse between the two texts, with their
sites' boilerplate already blanked out (:mod:`textlineage.corpus.boilerplate`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from ..compare import CompareConfig, compare
from ..errors import InputError, TooLargeError
from ..text.sketch import pair_overlap
from ..types import Comparison, Document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VerifiedPair:
    """A verified relation between documents ``a`` and ``b`` (corpus keys, ``a < b``)."""

    a: int
    b: int
    verdict: str
    """``derived`` or ``partially_derived``."""
    source: int | None
    """``a`` or ``b`` when a direction is known."""
    confidence: float
    coverage: tuple[float, float]
    """Share of each text's characters that is reused."""
    reused: tuple[int, int]
    """Reused characters of each text."""
    kinds: tuple[str, ...]
    reasons: tuple[str, ...]
    passages: tuple[dict[str, Any], ...]
    """The passages in the comparison's JSON form."""
    containment: tuple[float, float] = (0.0, 0.0)
    """Share of the content-term pairs of each text's reused passages found in the other
    text (:func:`~textlineage.text.sketch.containment`): lineage's measure of which earlier
    text a copy was made from. ``(0, 0)`` when not measured."""
    shared_pairs: tuple[int, int] = (0, 0)
    """How many of those pairs (what lineage compares); ``(0, 0)`` when not measured."""

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "verdict": self.verdict,
            "source": self.source,
            "confidence": self.confidence,
            "coverage": list(self.coverage),
            "reused": list(self.reused),
            "kinds": list(self.kinds),
            "reasons": list(self.reasons),
            "passages": list(self.passages),
            "containment": list(self.containment),
            "shared_pairs": list(self.shared_pairs),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> VerifiedPair:
        """The inverse of :meth:`to_json` (the Spark engine ships results as JSON)."""
        return cls(
            a=d["a"],
            b=d["b"],
            verdict=d["verdict"],
            source=d["source"],
            confidence=d["confidence"],
            coverage=(d["coverage"][0], d["coverage"][1]),
            reused=(d["reused"][0], d["reused"][1]),
            kinds=tuple(d["kinds"]),
            reasons=tuple(d["reasons"]),
            passages=tuple(d["passages"]),
            containment=tuple(d.get("containment", (0.0, 0.0))),
            shared_pairs=tuple(d.get("shared_pairs", (0, 0))),
        )


def date_meta(date: str, source: str) -> dict[str, str]:
    """A stored document's date as the comparison reads it: with its provenance
    (:mod:`textlineage.text.pubdate`), so that a dateline does not weigh as metadata."""
    if not date:
        return {}
    return {"date": date, "date_source": source} if source else {"date": date}


def compare_within_limits(a: Document, b: Document, config: CompareConfig) -> Comparison | None:
    """:func:`~textlineage.compare.compare`, or None (with a warning) for a pair over the
    comparison size limit: one pair of long documents must not end a search or a
    discovery run, which verify many."""
    try:
        return compare(a, b, config)
    except InputError as exc:
        if not isinstance(exc.__cause__, TooLargeError):
            raise
        log.warning("%s and %s left unverified: %s", a.id, b.id, exc.__cause__)
        return None


def verify_pair(
    a: int,
    doc_a: Document,
    b: int,
    doc_b: Document,
    lexical: CompareConfig,
    semantic: CompareConfig | None = None,
) -> VerifiedPair | None:
    """Align two (boilerplate-masked) documents with ``lexical``; when that does not find
    them derived and ``semantic`` is given, again with it (rewording the lexical stage
    misses or only partly sees). None when they come out independent, or are too large to
    compare (:func:`compare_within_limits`)."""
    if not doc_a.text.strip() or not doc_b.text.strip():
        return None
    c = compare_within_limits(doc_a, doc_b, lexical)
    if c is None:
        return None
    if c.verdict != "derived" and semantic is not None:
        c = compare_within_limits(doc_a, doc_b, semantic) or c
    if c.verdict == "independent":
        return None
    shares, counts = pair_overlap(
        doc_a.text,
        doc_b.text,
        (
            [s for p in c.passages for s in p.spans[0]],
            [s for p in c.passages for s in p.spans[1]],
        ),
    )
    return VerifiedPair(
        a=a,
        b=b,
        verdict=c.verdict,
        source=None if c.source is None else (a, b)[c.source],
        confidence=c.confidence,
        coverage=(c.coverage[0], c.coverage[1]),
        reused=(round(c.coverage[0] * len(doc_a.text)), round(c.coverage[1] * len(doc_b.text))),
        kinds=tuple(sorted({p.kind for p in c.passages})),
        reasons=tuple(c.reasons),
        passages=tuple(p.to_json() for p in c.passages),
        containment=_rounded(shares),
        shared_pairs=counts,
    )


def _rounded(pair: tuple[float, float]) -> tuple[float, float]:
    return round(pair[0], 4), round(pair[1], 4)
