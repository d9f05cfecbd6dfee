"""What the JSON API answers, as pydantic models: the 200 responses of ``/openapi.json``.

The routes build their JSON with the library's own ``to_json`` methods and the stored
discovery records, and return it as it is; these models describe it for clients (and
the tests check that each real answer validates and round-trips through its model).
Records that may gain fields are open (``extra="allow"``): the comparison within its
schema version, a stored document's metadata, discovery's clusters, relations and
summary. The other models ignore a field they do not know, so a test that round-trips an
answer through them notices a field nobody described.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ClusterDetail",
    "ClusterPage",
    "Comparison",
    "DocumentDetail",
    "Health",
    "Network",
    "SearchAnswer",
]

_OPEN = ConfigDict(extra="allow")

Verdict = Literal["derived", "partially_derived", "independent"]
Pair = tuple[int, int]


class Health(BaseModel):
    """``/healthz``: the service is up, and with which settings; ``degraded`` when its
    index cannot be used (comparing still works; the corpus routes answer 503)."""

    status: Literal["ok", "degraded"]
    version: str = Field(description="textlineage's version.")
    workers: int = Field(description="Worker processes doing comparisons and searches.")
    semantic: bool = Field(description="Whether the sentence-embedding stage is on.")
    corpus: bool = Field(description="Whether an index is served (search, clusters, network).")
    index: Literal["ok", "unusable", "none"] = Field(
        description="Whether the index can be read now (`none`: the service has no index)."
    )
    index_problem: str | None = Field(
        None, description="What is wrong with the index, one line naming the file."
    )
    pending: int = Field(description="Compare and search requests running or queued now.")
    max_pending: int = Field(description="Requests admitted at once; beyond it, 503.")
    max_document_bytes: int = Field(description="Largest document accepted; beyond it, 413.")


# --------------------------------------------------------------------------- compare


class ComparedDocument(BaseModel):
    """One of the two documents of a comparison."""

    id: str = Field(description="The name given (or the path of a file).")
    text: str | None = Field(
        None,
        description="The text every offset indexes; absent from the comparisons inside "
        "search hits.",
    )
    chars: int = Field(description="Characters of the text (Unicode code points).")
    meta: dict[str, Any] = Field(description="format, encoding and what HTML declared.")
    language: str = Field(description="ISO 639-1 code of most of its letters; 'und' if unknown.")
    date: str | None = Field(
        None, description="Its publication date (yyyy-mm-dd or yyyy-mm), when it has one."
    )
    date_source: str | None = Field(
        None, description="Where the date came from: metadata, html-meta, url, dateline, text."
    )


class PassageOut(BaseModel):
    """A reused passage."""

    kind: str = Field(
        description="verbatim, near_verbatim, paraphrase, compression or translation."
    )
    score: float = Field(description="Agreement of the two sides, 0 to 1.")
    spans: tuple[list[Pair], list[Pair]] = Field(
        description="Per document, the [start, end) character ranges of the passage."
    )
    reasons: list[str] = Field(description="What makes it reuse (never empty).")
    languages: tuple[str, str] | None = Field(
        None, description="Each side's language, on a translation only."
    )


class FactOut(BaseModel):
    """A checkable item found in one document."""

    doc: int = Field(description="0 or 1: the document it is in.")
    kind: str = Field(
        description=(
            "number, date, person, place, organisation, hashtag, quote, entity, or claim "
            "(a change's words of strength)."
        )
    )
    text: str = Field(description="Exactly the document's text at span.")
    span: Pair
    value: str | None = Field(None, description="Normalised value used for matching.")
    note: str | None = Field(None, description="What changed, or how it was matched.")
    label: str | None = Field(
        None, description="The kind of change (value, strength, surname, ...): docs/schema.md."
    )
    detail: str | None = Field(None, description="A strength or specificity label refined.")
    unsupported: bool | None = Field(
        None, description="On a change: the derived side states what the source does not."
    )


class KeptFact(FactOut):
    """A fact of the derived document found in the source (``source``)."""

    source: FactOut


class ChangedFact(FactOut):
    """A fact whose counterpart differs; ``text`` reads "from → to"."""

    from_: FactOut = Field(alias="from")
    to: FactOut


class FactDiffOut(BaseModel):
    """The source's facts against the derived document's."""

    source_doc: int
    derived_doc: int
    kept: list[KeptFact]
    changed: list[ChangedFact]
    added: list[FactOut]
    dropped: list[FactOut]


class Comparison(BaseModel):
    """A comparison (schema ``textlineage.compare``, documented in docs/schema.md)."""

    model_config = _OPEN

    schema_name: Literal["textlineage.compare"] = Field(alias="schema")
    schema_version: str
    documents: tuple[ComparedDocument, ComparedDocument]
    verdict: Verdict
    source: int | None = Field(description="Index of the source document; null if unknown.")
    confidence: float
    reasons: list[str]
    coverage: tuple[float, float] = Field(
        description="Share of each document's characters inside reused passages."
    )
    passages: list[PassageOut]
    facts: FactDiffOut
    timings_ms: dict[str, float]


# --------------------------------------------------------------------------- corpus


class StoredDocumentOut(BaseModel):
    """An indexed document's record."""

    doc_id: int = Field(description="Its number in the index.")
    id: str = Field(description="Its id in the records it came from.")
    chars: int
    url: str
    site: str
    date: str
    date_source: str = Field("", description="Where the date came from.")
    title: str
    origin: str = Field(description="The file (and line) it was read from.")
    language: str
    meta: dict[str, Any]
    text: str | None = Field(None, description="Its text (on /api/documents only).")


class Duplicate(BaseModel):
    """A record whose text exactly duplicated an indexed document."""

    id: str
    url: str
    site: str
    date: str
    origin: str


class DocumentDetail(StoredDocumentOut):
    """``/api/documents/{key}``: the document, its text and its duplicates."""

    duplicates: list[Duplicate]


class QueryOut(BaseModel):
    id: str
    chars: int
    language: str
    meta: dict[str, Any]


class HitCoverage(BaseModel):
    query: float
    hit: float


class HitLineage(BaseModel):
    link: str = Field(description="origin, mirror, derived or unplaced.")
    parent: str | None


class HitMirror(BaseModel):
    id: str
    site: str
    url: str
    date: str
    kind: Literal["exact", "near"]


class HitStoryOut(BaseModel):
    """Where a hit stands among the others (its story) and in its discovery cluster."""

    group: int
    earliest: bool
    cluster_id: int | None
    cluster_origin: bool
    lineage: HitLineage | None
    mirrors: list[HitMirror]


class SearchGroup(BaseModel):
    group: int
    cluster_id: int | None
    earliest: str | None
    hits: list[int] = Field(description="Ranks of the group's hits, the earliest first.")


class ClaimMatchOut(BaseModel):
    query: tuple[int, int] = Field(description="The query sentence's range in the query.")
    hit: tuple[int, int] = Field(description="The matched text's range in the document.")
    words_in_order: float


class SearchHitOut(BaseModel):
    """An indexed document that the query reuses or that reuses it."""

    rank: int
    doc: StoredDocumentOut
    verdict: Verdict
    direction: Literal["query_is_source", "hit_is_source", "unknown"]
    confidence: float
    coverage: HitCoverage
    shared_fingerprints: int
    semantic_similarity: float | None
    window_score: float | None
    multilingual_similarity: float | None
    claim_matches: list[ClaimMatchOut] = Field(
        default_factory=list, description="Claim-length queries: the sentences found."
    )
    story: HitStoryOut | None
    comparison: Comparison = Field(description="The verifying comparison (without texts).")


class SearchAnswer(BaseModel):
    """Search hits (schema ``textlineage.search``), ranked by reused text."""

    model_config = _OPEN

    schema_name: Literal["textlineage.search"] = Field(alias="schema")
    schema_version: str
    query: QueryOut
    candidates: int = Field(description="Documents proposed by the channels and verified.")
    notes: list[str] = Field(default_factory=list, description="What limits this answer.")
    hits: list[SearchHitOut]
    groups: list[SearchGroup]
    timings_ms: dict[str, float]


class ClusterDocument(BaseModel):
    doc_id: int
    ext_id: str
    site: str
    date: str
    url: str
    title: str
    language: str


class ClusterMember(ClusterDocument):
    model_config = _OPEN

    role: str = Field(description="origin, mirror, derived or related.")
    link: str | None = Field(None, description="origin, mirror, derived or unplaced.")
    parent: str | None = None
    parent_doc_id: int | None = None
    parent_reason: str | None = None
    direction_known: bool | None = None
    exact_duplicate_of: str | None = None


class Cluster(BaseModel):
    """A cluster of documents linked by verified reuse: a line of ``clusters.jsonl``."""

    model_config = _OPEN

    id: int
    size: int
    edges: int
    mirrors: int = Field(0, description="Members that are exact or near-exact copies.")
    origin: ClusterDocument
    origin_reason: str
    members: list[ClusterMember] = Field(description="In time order; undated ones last.")
    sites: list[str]
    first_date: str
    last_date: str
    span_days: int | None


class ClusterPage(BaseModel):
    """``/api/clusters``: a page of clusters, largest first."""

    clusters: list[Cluster]
    limit: int
    offset: int
    next: str | None = Field(description="The next page's address; null on the last page.")


class RelationOut(BaseModel):
    """A verified relation between two documents (doc_ids, ``a < b``)."""

    model_config = _OPEN

    a: int
    b: int
    verdict: Verdict
    source: int | None = Field(description="doc_id of the source; null if unknown.")
    confidence: float
    coverage: tuple[float, float]
    reused_chars: Pair
    kinds: list[str]


class ClusterDetail(Cluster):
    """``/api/clusters/{id}``: a cluster with the relations between its members."""

    relations: list[RelationOut]


class SiteOut(BaseModel):
    site: str
    docs: int
    copied_from: int
    copying: int
    self_reuse: int
    mirroring: int = Field(0, description="Its documents that mirror another site's.")
    mirrored: int = Field(0, description="Mirrors on other sites of its documents.")


class SiteEdgeOut(BaseModel):
    source_site: str
    derived_site: str
    documents: int = Field(description="Lineage links from the one site to the other.")
    mirrors: int = Field(0, description="Of those, exact or near-exact copies.")
    reused_chars: int
    median_lag_days: float | None
    first: str
    last: str
    same_site: bool


class DiscoverySummary(BaseModel):
    """The discovery run's ``summary.json``."""

    model_config = _OPEN

    documents: int
    verified_relations: int
    clusters: int


class Network(BaseModel):
    """``/api/network``: who copies whom, between sites."""

    sites: list[SiteOut]
    edges: list[SiteEdgeOut]
    undirected: int = Field(description="Relations left out: their direction is unknown.")
    svg: str = Field(description="The network drawn as SVG.")
    summary: DiscoverySummary
