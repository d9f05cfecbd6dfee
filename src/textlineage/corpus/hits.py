"""What indexing and search return: the summary of ``index add`` and the verified hits
of a search, with their stable JSON forms (re-exported by :mod:`.index`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..types import Comparison, Document, Span
from .schema import StoredDocument

__all__ = [
    "AddSummary",
    "ClaimMatch",
    "HitStory",
    "SearchHit",
    "SearchResult",
    "reused_chars",
    "stored_to_document",
]


@dataclass
class AddSummary:
    """What :meth:`Corpus.add <.index.Corpus.add>` did with each record it read."""

    added: int = 0
    duplicates: int = 0
    already_indexed: int = 0
    """Ids indexed before with the same text (passed over)."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(origin, problem) of each record or input that could not be read."""
    embedded: int = 0
    multilingual: int = 0
    seconds: float = 0.0
    conflicts: list[str] = field(default_factory=list)
    """Ids indexed before with another text (kept or replaced, by ``on_conflict``)."""
    replaced: int = 0
    """Ids whose indexed text was replaced (``on_conflict="replace"``)."""

    @property
    def docs_per_second(self) -> float:
        n = self.added + self.duplicates + self.already_indexed + len(self.conflicts)
        return n / self.seconds if self.seconds else 0.0

    @property
    def failed(self) -> bool:
        """Every record or input was skipped (none was read: none added, recorded as a
        duplicate, found indexed already or in conflict), so the run did nothing, for a
        reason the user has to act on (``index add`` exits 1). A rerun that finds the
        good records indexed and skips the bad ones again succeeds, as the first run did."""
        read = (
            self.added or self.duplicates or self.replaced or self.already_indexed or self.conflicts
        )
        return not read and bool(self.skipped)

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "already_indexed": self.already_indexed,
            "conflicts": len(self.conflicts),
            "conflicting_ids": list(self.conflicts),
            "replaced": self.replaced,
            "skipped": len(self.skipped),
            "skipped_reasons": [{"origin": o, "problem": p} for o, p in self.skipped],
            "embedded": self.embedded,
            "multilingual": self.multilingual,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 1),
        }


@dataclass(frozen=True)
class HitStory:
    """Where a search hit stands among the others and in its cluster."""

    group: int
    """1-based story number, in the order the groups are listed."""
    earliest: bool
    """The earliest-dated hit of its group."""
    cluster_id: int | None = None
    cluster_origin: bool = False
    link: str | None = None
    """Its link in the cluster's lineage (``origin``, ``mirror``, ``derived``,
    ``unplaced``), None outside clusters."""
    parent: str | None = None
    """External id of its parent in the lineage."""
    mirrors: tuple[dict[str, str], ...] = ()
    """Copies of it: ``id``, ``site``, ``url``, ``date``, ``kind`` (``exact`` or ``near``)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "earliest": self.earliest,
            "cluster_id": self.cluster_id,
            "cluster_origin": self.cluster_origin,
            "lineage": None if self.link is None else {"link": self.link, "parent": self.parent},
            "mirrors": [dict(m) for m in self.mirrors],
        }


@dataclass(frozen=True)
class ClaimMatch:
    """A sentence of the query found in an indexed document."""

    query: Span
    """The query's sentence (claim unit)."""
    hit: Span
    """The matched text in the document: its first to its last word in common."""
    share: float
    """Share of the query sentence's words the document keeps in order."""

    def to_json(self) -> dict[str, Any]:
        return {
            "query": list(self.query),
            "hit": list(self.hit),
            "words_in_order": round(self.share, 4),
        }


@dataclass(frozen=True)
class SearchHit:
    """One indexed document related to the query, with the verifying comparison."""

    doc: StoredDocument
    comparison: Comparison
    shared_fingerprints: int
    semantic_similarity: float | None
    window_score: float | None = None
    """Best window cosine with the query, when the window channel proposed this hit."""
    multilingual_similarity: float | None = None
    """Best cosine of a query chunk with this document's lead, when the multilingual
    channel proposed it (the two are in different languages)."""
    story: HitStory | None = None
    """Its group, lineage and mirrors (:mod:`.story`)."""
    claims: tuple[ClaimMatch, ...] = ()
    """The query's sentences found in this document by the claim channel (claim-length
    queries), each with the matched text's offsets."""

    @property
    def direction(self) -> str:
        src = self.comparison.source
        if src is None:
            return "unknown"
        return "query_is_source" if src == 0 else "hit_is_source"

    def to_json(self) -> dict[str, Any]:
        c = self.comparison.to_json(include_text=False)
        return {
            "doc": self.doc.to_json(include_text=False),
            "verdict": c["verdict"],
            "direction": self.direction,
            "confidence": c["confidence"],
            "coverage": {"query": c["coverage"][0], "hit": c["coverage"][1]},
            "shared_fingerprints": self.shared_fingerprints,
            "semantic_similarity": None
            if self.semantic_similarity is None
            else round(self.semantic_similarity, 4),
            "window_score": None if self.window_score is None else round(self.window_score, 4),
            "multilingual_similarity": None
            if self.multilingual_similarity is None
            else round(self.multilingual_similarity, 4),
            "story": None if self.story is None else self.story.to_json(),
            "claim_matches": [m.to_json() for m in self.claims],
            "comparison": c,
        }


@dataclass(frozen=True)
class SearchResult:
    query: Document
    hits: tuple[SearchHit, ...]
    candidates: int
    timings: dict[str, float]
    language: str = ""
    """The query's language (ISO 639-1; ``""`` when the language model is not installed)."""
    notes: tuple[str, ...] = ()
    """What limits this search's answer (a query too short, documents without sentence
    keys)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "textlineage.search",
            "schema_version": "1.1",
            "query": {
                "id": self.query.id,
                "chars": self.query.chars,
                "language": self.language,
                "meta": self.query.meta,
            },
            "candidates": self.candidates,
            "notes": list(self.notes),
            "hits": [dict(rank=i + 1, **h.to_json()) for i, h in enumerate(self.hits)],
            "groups": _groups(self.hits),
            "timings_ms": {k: round(v * 1000, 1) for k, v in self.timings.items()},
        }


def _groups(hits: tuple[SearchHit, ...]) -> list[dict[str, Any]]:
    """The stories of ranked hits: per group its number, cluster, and the ranks of its
    hits (the earliest-dated first)."""
    out: dict[int, dict[str, Any]] = {}
    for rank, h in enumerate(hits, start=1):
        if h.story is None:
            continue
        g = out.setdefault(
            h.story.group,
            {
                "group": h.story.group,
                "cluster_id": h.story.cluster_id,
                "earliest": None,
                "hits": [],
            },
        )
        g["hits"].append(rank)
        if h.story.earliest:
            g["earliest"] = h.doc.ext_id
    return list(out.values())


def stored_to_document(d: StoredDocument) -> Document:
    """An indexed document as :func:`~textlineage.compare.compare` reads it: its text and
    the metadata the direction evidence uses (the date with its source)."""
    meta = {
        k: v
        for k, v in (
            ("url", d.url),
            ("site", d.site),
            ("date", d.date),
            ("date_source", d.date_source),
            ("title", d.title),
        )
        if v
    }
    return Document(d.ext_id, d.text, meta)


def reused_chars(c: Comparison) -> float:
    """Reused characters of both sides of a comparison (how hits are ranked)."""
    return sum(cov * d.chars for cov, d in zip(c.coverage, c.documents, strict=True))
