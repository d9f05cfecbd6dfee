"""The inputs of the reuse graph: what it knows of a document, and a verified relation.

Apart from :mod:`.graph` so that :mod:`.lineage` can use them without importing it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DocInfo", "Relation"]


@dataclass(frozen=True)
class DocInfo:
    """What the network needs to know about one document of the corpus."""

    doc_id: int
    ext_id: str
    site: str
    date: str
    """Publication date, ISO ``yyyy-mm-dd`` or ``""``; read by
    :func:`~textlineage.text.dates.parse_date` (a value it does not read counts as undated)."""
    url: str = ""
    title: str = ""
    chars: int = 0
    language: str = ""
    """ISO 639-1 code (``und``: not told; ``""``: not identified)."""
    mirror_of: int | None = None
    """For an exact duplicate (a copy the index recorded rather than indexed again): the
    doc_id of the indexed document with its text. Such members have negative doc_ids."""


@dataclass(frozen=True)
class Relation:
    """One verified reuse pair (``a < b``)."""

    a: int
    b: int
    verdict: str
    """``"derived"`` or ``"partially_derived"``."""
    source: int | None
    """doc_id of the origin (``a`` or ``b``), or None when the direction is unknown."""
    confidence: float
    coverage: tuple[float, float]
    """Share of a's and b's characters inside reused passages."""
    reused_chars: tuple[int, int]
    """Characters of a and b inside reused passages."""
    kinds: tuple[str, ...] = ()
    containment: tuple[float, float] = (0.0, 0.0)
    """Share of a's and b's content-term pairs found in the other
    (:func:`~textlineage.text.sketch.containment`); ``(0, 0)``: not measured."""
