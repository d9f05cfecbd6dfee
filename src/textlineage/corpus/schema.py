"""The index file's layout: its SQL schema and version, and the rows :class:`~.store.Store`
reads and writes.

Kept apart from the store so that the document records can be imported (by the index, the
web app, tests) without the SQLite code, and the schema read in one place.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = [
    "CLAIM_TABLE",
    "SCHEMA",
    "SCHEMA_VERSION",
    "BatchResult",
    "NewDocument",
    "StoredDocument",
    "chunks",
    "decode_vectors",
    "document_values",
]

SCHEMA_VERSION = 2

LANGUAGE_TABLES = """
CREATE TABLE IF NOT EXISTS multilingual (
    doc_id INTEGER PRIMARY KEY,
    language TEXT NOT NULL,
    vec BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS multilingual_language ON multilingual(language, doc_id);
CREATE TABLE IF NOT EXISTS languages (
    language TEXT PRIMARY KEY,
    documents INTEGER NOT NULL,
    multilingual INTEGER NOT NULL
) WITHOUT ROWID;
"""
# documents.language, multilingual and languages came later in version 2: an index made
# before gets them when opened (additive; its older documents have language '', not
# identified, and are not counted in languages). multilingual holds each document's
# multilingual vector (``index add --multilingual``, :mod:`.multilingual`) with its
# language, so that search and discovery read the documents of one language in doc_id
# order; languages counts the documents and vectors of each language.

CLAIM_TABLE = """
CREATE TABLE IF NOT EXISTS claims (
    key INTEGER NOT NULL,
    doc_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    PRIMARY KEY (key, doc_id, start)
) WITHOUT ROWID;
"""
# claims holds the sentence keys of :mod:`textlineage.text.claims` (a few per sentence, each
# with the sentence's start offset), which find claim-length queries in search. It came
# later in version 2: an index made before gets it when opened, with the meta key
# 'claims_from' set to the first doc_id indexed with keys (older documents have none; `index
# add-claims` keys them), and 'claims' to the key settings (ClaimKeyConfig.spec).

SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id INTEGER PRIMARY KEY,
    ext_id TEXT NOT NULL UNIQUE,
    text_key BLOB NOT NULL,
    text TEXT NOT NULL,
    chars INTEGER NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    site TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '',
    meta TEXT NOT NULL DEFAULT '{}',
    added_at REAL NOT NULL,
    language TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS documents_text_key ON documents(text_key);
CREATE INDEX IF NOT EXISTS documents_site ON documents(site);
CREATE TABLE IF NOT EXISTS duplicates (
    ext_id TEXT PRIMARY KEY,
    dup_of INTEGER NOT NULL REFERENCES documents(doc_id),
    url TEXT NOT NULL DEFAULT '',
    site TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '',
    added_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS postings (
    hash INTEGER NOT NULL,
    doc_id INTEGER NOT NULL,
    PRIMARY KEY (hash, doc_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS embeddings (doc_id INTEGER PRIMARY KEY, vec BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS terms (doc_id INTEGER PRIMARY KEY, seq BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS term_df (term INTEGER PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS relations (
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS relations_b ON relations(b);
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id INTEGER PRIMARY KEY,
    size INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cluster_members (
    doc_id INTEGER PRIMARY KEY,
    cluster_id INTEGER NOT NULL
);
"""
    + LANGUAGE_TABLES
    + CLAIM_TABLE
)
# terms: each document's content terms in order, uint32 little-endian (sketch.content_terms),
# for the window channel, and term_df the number of documents holding each; an index made
# before they existed gets the tables when opened (its older documents are then read from
# their text in discovery, and do not count in term_df).
# relations, clusters, cluster_members and the meta keys 'discovery', 'network' and
# 'network_svg' hold the latest `discover` run, replaced whole in one transaction.


@dataclass(frozen=True)
class NewDocument:
    ext_id: str
    text: str
    text_key: bytes
    sketch: np.ndarray
    meta: dict[str, str] = field(default_factory=dict)
    origin: str = ""
    embedding: np.ndarray | None = None
    terms: np.ndarray | None = None
    """Content-term hashes in text order (uint32), for the window channel."""
    language: str = ""
    """ISO 639-1 code (``und``: not told; ``""``: not identified)."""
    multilingual: np.ndarray | None = None
    """The multilingual vector of the document's lead (``index add --multilingual``)."""
    claims: tuple[np.ndarray, np.ndarray] | None = None
    """Sentence keys and their sentences' start offsets (int64 each; :mod:`~textlineage.text.claims`)."""


def document_values(d: NewDocument, now: float) -> tuple[object, ...]:
    """A new document's values for the ``documents`` columns ``text_key, text, chars, url,
    site, date, title, origin, meta, added_at`` (as inserting and replacing write them)."""
    m = d.meta
    return (
        d.text_key,
        d.text,
        len(d.text),
        m.get("url", ""),
        m.get("site", ""),
        m.get("date", ""),
        m.get("title", ""),
        d.origin,
        json.dumps(m, ensure_ascii=False),
        now,
    )


@dataclass(frozen=True)
class StoredDocument:
    doc_id: int
    ext_id: str
    text: str
    url: str
    site: str
    date: str
    title: str
    origin: str
    meta: dict[str, str]
    language: str = ""
    """ISO 639-1 code; ``und`` when it could not be told, ``""`` when the document was
    indexed before languages were stored."""

    @property
    def date_source(self) -> str:
        """Where :attr:`date` came from (``metadata``, ``html-meta``, ``url``, ``dateline``:
        :mod:`textlineage.text.pubdate`); ``""`` when undated, or when the document was
        indexed before sources were stored."""
        return self.meta.get("date_source", "") if self.date else ""

    def to_json(self, include_text: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "id": self.ext_id,
            "chars": len(self.text),
            "url": self.url,
            "site": self.site,
            "date": self.date,
            "date_source": self.date_source,
            "title": self.title,
            "origin": self.origin,
            "language": self.language,
            "meta": self.meta,
        }
        if include_text:
            out["text"] = self.text
        return out


@dataclass
class BatchResult:
    added: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    """(ext_id, doc_id of the document it duplicates)"""
    known: list[str] = field(default_factory=list)
    """ext_ids already in the index with the same text (a rerun skips them)."""
    conflicts: list[str] = field(default_factory=list)
    """ext_ids already in the index with another text (kept, replaced or refused)."""
    replaced: list[int] = field(default_factory=list)
    """doc_ids now holding a replaced id's new text (or that it duplicates)."""
    embedded: int = 0
    """Document vectors stored (those of added documents)."""
    multilingual: int = 0
    """Multilingual vectors stored (those of added documents)."""


def chunks(items: Sequence[Any], n: int) -> Iterator[Sequence[Any]]:
    """``items`` in slices of at most ``n``: SQLite caps the parameters of one statement."""
    for i in range(0, len(items), n):
        yield items[i : i + n]


def decode_vectors(rows: Sequence[Sequence[Any]]) -> tuple[np.ndarray, np.ndarray]:
    """(doc_ids, float32 matrix) of ``(doc_id, float16 blob)`` rows, as vectors are stored."""
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    mat = np.stack([np.frombuffer(r[1], dtype=np.float16) for r in rows]).astype(np.float32)
    return ids, mat
