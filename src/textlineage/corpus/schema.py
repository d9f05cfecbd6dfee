"""The index file's layout: its SQL schema and version, and the rows :class:`~.store.Store`
reads and writes.

Kept apart from the store so that the document records can be imported (by the index, the
web app, tests) without the SQLite code, and the schema read in one place.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = [
    "SCHEMA",
    "SCHEMA_VERSION",
    "BatchResult",
    "NewDocument",
    "StoredDocument",
    "chunks",
]

SCHEMA_VERSION = 2

SCHEMA = """
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
    added_at REAL NOT NULL
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

    def to_json(self, include_text: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "id": self.ext_id,
            "chars": len(self.text),
            "url": self.url,
            "site": self.site,
            "date": self.date,
            "title": self.title,
            "origin": self.origin,
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
    """ext_ids already in the index (a rerun skips them)."""
    embedded: int = 0
    """Document vectors stored (those of added documents)."""


def chunks(items: Sequence[Any], n: int) -> Iterator[Sequence[Any]]:
    """``items`` in slices of at most ``n``: SQLite caps the parameters of one statement."""
    for i in range(0, len(items), n):
        yield items[i : i + n]
