"""Sentence keys as the index keeps them: the writes and reads of :class:`~.store.Store`
that find claim-length queries (a mixin, as :class:`~.store_vectors.StoredVectors` is).

``claims`` holds a few keys per sentence of each document (:mod:`textlineage.text.claims`),
each with the document and the sentence's start offset. Documents from doc_id
``claims_from`` (a meta key) on have them; an index made before the table existed gets it
when opened, and its older documents get keys from :meth:`StoredClaims.backfill_claims`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager

import numpy as np

from .schema import chunks

__all__ = ["StoredClaims", "insert_claim_rows"]


def insert_claim_rows(
    c: sqlite3.Connection, keys: np.ndarray, doc_ids: np.ndarray, starts: np.ndarray
) -> None:
    """Add sentence key rows inside the caller's transaction, in key order so that each
    B-tree page is visited once (also the add path's, :mod:`.store_writes`)."""
    order = np.lexsort((starts, doc_ids, keys))
    rows = np.stack((keys[order], doc_ids[order], starts[order]), axis=1).tolist()
    c.executemany("INSERT OR IGNORE INTO claims(key, doc_id, start) VALUES (?, ?, ?)", rows)


class StoredClaims:
    """:class:`~.store.Store`'s writes and reads of sentence keys.

    Uses the store's connection, its :meth:`guard`, :meth:`transaction` and meta table,
    declared here for the type checker.
    """

    conn: sqlite3.Connection

    def guard(self) -> AbstractContextManager[None]:
        """SQLite errors as IndexFileError (:meth:`.store.Store.guard`)."""
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One atomic write (:meth:`.store.Store.transaction`)."""
        raise NotImplementedError

    def get_meta(self, key: str) -> str | None:
        """A meta value (:meth:`.store.Store.get_meta`)."""
        raise NotImplementedError

    @property
    def has_claims(self) -> bool:
        """Whether the file has the sentence keys' table (an old index opened read-only
        has not)."""
        with self.guard():
            row = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='claims'"
            ).fetchone()
        return row is not None

    def claims_from(self) -> int:
        """The first doc_id from which every document has its sentence keys (1: all)."""
        value = self.get_meta("claims_from")
        return int(value) if value else 1

    def unkeyed_documents(self) -> int:
        """Documents indexed before sentence keys existed, still without them (documents
        are numbered from 1: those below ``claims_from``; at most that many, should one
        have been removed by a replacement)."""
        if not self.has_claims:
            with self.guard():
                row = self.conn.execute("SELECT COALESCE(MAX(doc_id), 0) FROM documents")
                return int(row.fetchone()[0])
        return self.claims_from() - 1

    def insert_claims(self, keys: np.ndarray, doc_ids: np.ndarray, starts: np.ndarray) -> None:
        """Add key rows (inside the caller's transaction; :func:`insert_claim_rows`)."""
        insert_claim_rows(self.conn, keys, doc_ids, starts)

    def claim_postings(self, keys: Sequence[int], limit: int) -> dict[int, list[tuple[int, int]]]:
        """The ``(doc_id, start)`` rows of each key found, at most ``limit + 1`` per key (a
        key with more is too common to tell documents apart, and is known to be so without
        reading all its rows)."""
        out: dict[int, list[tuple[int, int]]] = {}
        with self.guard():
            for chunk in chunks(list(keys), 100):
                sql = " UNION ALL ".join(
                    ["SELECT * FROM (SELECT key, doc_id, start FROM claims WHERE key=? LIMIT ?)"]
                    * len(chunk)
                )
                args = [x for k in chunk for x in (k, limit + 1)]
                for k, d, s in self.conn.execute(sql, args):
                    out.setdefault(int(k), []).append((int(d), int(s)))
        return out

    def unkeyed_texts(self, limit: int) -> list[tuple[int, str]]:
        """The last ``limit`` documents without sentence keys, newest first (the order in
        which :meth:`backfill_claims` keys them)."""
        with self.guard():
            rows = self.conn.execute(
                "SELECT doc_id, text FROM documents WHERE doc_id < ? ORDER BY doc_id DESC LIMIT ?",
                (self.claims_from(), limit),
            ).fetchall()
        return [(int(d), str(t)) for d, t in rows]

    def backfill_claims(
        self, doc_ids: Sequence[int], keys: Sequence[tuple[np.ndarray, np.ndarray]]
    ) -> None:
        """Store the keys of documents that had none (from :meth:`unkeyed_texts`) and move
        ``claims_from`` down to the first of them, in one transaction: an interrupted
        backfill resumes where it stopped."""
        if not doc_ids:
            return
        with self.guard(), self.transaction() as c:
            k = [x[0] for x in keys]
            s = [x[1] for x in keys]
            owners = [np.full(len(x), d, dtype=np.int64) for x, d in zip(k, doc_ids, strict=True)]
            if any(len(x) for x in k):
                self.insert_claims(np.concatenate(k), np.concatenate(owners), np.concatenate(s))
            c.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('claims_from', ?)",
                (str(min(doc_ids)),),
            )
