"""The embedded store: one SQLite file holding documents, their sketches and embeddings.

Writes happen in batches, one transaction each (``BEGIN IMMEDIATE`` … ``COMMIT``), with the
write-ahead log: a crash, kill -9 or Ctrl-C leaves every batch either whole or absent, and
the file usable. The schema is versioned in the ``meta`` table; opening an index of
another version, a file that is not an index, or a damaged one raises
:class:`IndexFileError` with one clear sentence, as does a write on a full disk. An index
this process cannot write (read-only filesystem, immutable file, no permission) is opened
read-only, for the reading commands (:mod:`.store_file`).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import IndexFileError
from .schema import (
    CLAIM_TABLE,
    LANGUAGE_TABLES,
    SCHEMA,
    SCHEMA_VERSION,
    BatchResult,
    NewDocument,
    StoredDocument,
    chunks,
)
from .store_claims import StoredClaims
from .store_discovery import StoredDiscovery
from .store_file import check_path, connect, explain, read_only_error, write_problem
from .store_vectors import VECTOR_TABLES, StoredVectors, language_filter
from .store_writes import CONFLICT_CHOICES, StoredWrites

# The records are re-exported: importers of `.store` from before the split keep working.
__all__ = ["CONFLICT_CHOICES", "BatchResult", "NewDocument", "Store", "StoredDocument"]

log = logging.getLogger(__name__)


class Store(StoredWrites, StoredDiscovery, StoredVectors, StoredClaims):
    """A textlineage index in one SQLite file (the schema is in :mod:`.schema`; the
    discovery results' methods in :class:`~.store_discovery.StoredDiscovery`, the vector
    reads in :class:`~.store_vectors.StoredVectors`, the sentence keys' in
    :class:`~.store_claims.StoredClaims`)."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        exists = check_path(self.path, create=create)
        self.read_only = write_problem(self.path)
        """Why this process cannot write the index (None: it can); it is then read-only."""
        if self.read_only is not None:
            if not exists:
                raise IndexFileError(f"{self.path}: cannot create the index: {self.read_only}")
            log.info("%s: opened read-only (%s)", self.path, self.read_only)
        self._languages = True
        try:
            self.conn = connect(self.path, read_only=self.read_only is not None)
            if self.read_only is None:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA cache_size=-262144")
            self.conn.execute("PRAGMA temp_store=MEMORY")
            if exists and not self._tables():
                # An SQLite file without a table: an index whose creation failed (a full
                # disk) or an empty database. It holds no one's data: a command that may
                # create the index makes it one.
                if not create or self.read_only is not None:
                    raise IndexFileError(
                        f"{self.path}: not a textlineage index (an SQLite file without "
                        "tables; `index add` makes it one)"
                    )
                exists = False
            if exists:
                self._check_version()
                self._upgrade()
            else:
                with self.transaction():
                    self._create()
        except BaseException as exc:
            # Not left open by an index that cannot be used (a long-lived caller, such as
            # the web service, retries it).
            if getattr(self, "conn", None) is not None:
                self.conn.close()
            if isinstance(exc, sqlite3.DatabaseError):
                raise IndexFileError(explain(self.path, exc)) from exc
            raise

    def _create(self) -> None:
        for stmt in SCHEMA.strip().split(";"):
            if stmt.strip():
                self.conn.execute(stmt)
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES ('schema_version', ?), ('created', ?), "
            "('claims_from', '1')",
            (str(SCHEMA_VERSION), str(time.time())),
        )

    def _check_version(self) -> None:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError as exc:
            if not str(exc).startswith("no such table"):
                raise
            raise IndexFileError(f"{self.path}: not a textlineage index ({exc})") from exc
        if row is None:
            raise IndexFileError(f"{self.path}: not a textlineage index (no schema version)")
        if str(row[0]) != str(SCHEMA_VERSION):
            if not str(row[0]).isdigit():
                raise IndexFileError(f"{self.path}: damaged index (schema version {row[0]!r})")
            raise IndexFileError(
                f"{self.path}: index schema version {row[0]}, but this textlineage reads "
                f"version {SCHEMA_VERSION}; rebuild the index with this version"
            )

    def _tables(self) -> set[str]:
        return {
            r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }

    def _columns(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")}

    def _upgrade(self) -> None:
        """Add tables and columns that later releases of this schema version introduced
        (additive: a file the upgrade cannot write is read as it is)."""
        if self.read_only is not None:
            self._languages = "languages" in self._tables()
            return
        if "language" not in self._columns("documents") or "languages" not in self._tables():
            with suppress(sqlite3.OperationalError), self.transaction():
                if "language" not in self._columns("documents"):
                    self.conn.execute(
                        "ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT ''"
                    )
                for stmt in LANGUAGE_TABLES.strip().split(";"):
                    if stmt.strip():
                        self.conn.execute(stmt)
            self._languages = "languages" in self._tables()
        if "claims" not in self._tables():
            with suppress(sqlite3.OperationalError), self.transaction():
                # Documents indexed before have no sentence keys (`index add-claims`).
                self.conn.execute(CLAIM_TABLE)
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) "
                    "SELECT 'claims_from', COALESCE(MAX(doc_id), 0) + 1 FROM documents"
                )
        if not {"terms", "term_df"} <= self._tables():
            with suppress(sqlite3.OperationalError), self.transaction():
                # (Read-only: the window channel then reads the text instead.)
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS terms "
                    "(doc_id INTEGER PRIMARY KEY, seq BLOB NOT NULL)"
                )
                self.conn.execute(
                    "CREATE TABLE IF NOT EXISTS term_df "
                    "(term INTEGER PRIMARY KEY, df INTEGER NOT NULL)"
                )

    @property
    def has_languages(self) -> bool:
        """Whether the file has the language column and tables (an old index opened
        read-only has not: its documents then read with language ``""``)."""
        return self._languages

    @property
    def has_terms(self) -> bool:
        """Whether the file has the window channel's tables (an old index opened read-only
        has not)."""
        with self.guard():
            return {"terms", "term_df"} <= self._tables()

    def close(self) -> None:
        """Close, folding the write-ahead log back in so the index at rest is one file."""
        # Busy or damaged: the log stays beside the file and nothing is lost.
        if self.read_only is None:
            with suppress(sqlite3.DatabaseError):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside commits together or not at all (on a
        read-only index: :class:`IndexFileError` saying so, before anything is tried)."""
        self.require_writable()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            # SQLite may have rolled back already (a full disk): the first error stands.
            if self.conn.in_transaction:
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def require_writable(self) -> None:
        """Raise :class:`IndexFileError` when the index is read-only here (a command that
        writes calls it first, so it stops before its work instead of after)."""
        if self.read_only is not None:
            raise read_only_error(self.path, self.read_only)

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn SQLite errors into one clear IndexFileError that says what is wrong (disk
        full, read-only, locked, damaged: :func:`.store_file.explain`)."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise IndexFileError(explain(self.path, exc)) from exc

    # --- meta -----------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        with self.guard():
            row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self.guard(), self.transaction():
            self.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, value),
            )

    # --- reads ----------------------------------------------------------------------

    def count(self, table: str, language: str | None = None) -> int:
        """Rows of ``table`` (of ``multilingual``: of one ``language``, when given)."""
        assert table in {
            "documents",
            "duplicates",
            "postings",
            "embeddings",
            "multilingual",
            "terms",
            "relations",
            "clusters",
            "claims",
        }
        if table == "multilingual" and not self._languages:
            return 0
        where, args = language_filter(table, language)
        with self.guard():
            return int(
                self.conn.execute(f"SELECT COUNT(*) FROM {table}{where}", args).fetchone()[0]
            )

    def newest(self, table: str, language: str | None = None) -> int:
        """The largest doc_id in ``table`` (of ``multilingual``: of one ``language``, when
        given; 0 when empty), read in O(log n).

        doc_ids only grow, so this changes when rows are added (and when the newest is
        removed: replaced by a text another document holds, :mod:`.store_replace`, which
        also bumps the generation): a cheap stamp where ``COUNT(*)`` would read the whole
        table.
        """
        assert table in VECTOR_TABLES | {"documents"}
        if table == "multilingual" and not self._languages:
            return 0
        where, args = language_filter(table, language)
        with self.guard():
            return int(
                self.conn.execute(
                    f"SELECT COALESCE(MAX(doc_id), 0) FROM {table}{where}", args
                ).fetchone()[0]
            )

    def get(self, key: str | int) -> StoredDocument | None:
        q = f"SELECT {self._doc_columns()} FROM documents "
        with self.guard():
            row = None
            numeric = isinstance(key, int) or (isinstance(key, str) and key.isdigit())
            if numeric and 0 <= int(key) < 2**63:
                row = self.conn.execute(q + "WHERE doc_id=?", (int(key),)).fetchone()
            if row is None:
                row = self.conn.execute(q + "WHERE ext_id=?", (str(key),)).fetchone()
            if row is None:
                dup = self.conn.execute(
                    "SELECT dup_of FROM duplicates WHERE ext_id=?", (str(key),)
                ).fetchone()
                if dup is not None:
                    row = self.conn.execute(q + "WHERE doc_id=?", (int(dup[0]),)).fetchone()
        return None if row is None else _stored(row)

    def get_many(self, doc_ids: Sequence[int]) -> dict[int, StoredDocument]:
        out: dict[int, StoredDocument] = {}
        q = f"SELECT {self._doc_columns()} FROM documents "
        with self.guard():
            for chunk in chunks(list(doc_ids), 500):
                marks = ",".join("?" * len(chunk))
                for row in self.conn.execute(q + f"WHERE doc_id IN ({marks})", chunk):
                    out[int(row[0])] = _stored(row)
        return out

    def duplicates_of(self, doc_id: int) -> list[dict[str, str]]:
        with self.guard():
            rows = self.conn.execute(
                "SELECT ext_id, url, site, date, origin FROM duplicates WHERE dup_of=?", (doc_id,)
            ).fetchall()
        return [dict(zip(("id", "url", "site", "date", "origin"), r, strict=True)) for r in rows]

    def iter_duplicates(self) -> Iterator[tuple[int, str, int, str, str, str]]:
        """Every exact duplicate as ``(rowid, ext_id, dup_of, url, site, date)``, in the
        order they were recorded (rowids only grow)."""
        with self.guard():
            yield from self.conn.execute(
                "SELECT rowid, ext_id, dup_of, url, site, date FROM duplicates ORDER BY rowid"
            )

    def candidates(
        self, sketch: np.ndarray, *, max_df: int
    ) -> tuple[dict[int, int], dict[int, int], dict[int, float]]:
        """Documents sharing fingerprints with ``sketch``: maps doc_id → shared count, and
        doc_id → evidence.

        The first counts fingerprints found in at most ``max_df`` documents. Commoner ones
        do not vote there; the second map counts them over the first ``max_df + 1``
        documents holding each (the earliest indexed), for a text reprinted too widely for
        any of its fingerprints to be rare. The third weighs each fingerprint of the first
        by ``2 / (df + 1)``, as discovery does with the query counted among its documents.
        """
        counts: dict[int, int] = {}
        common: dict[int, int] = {}
        evidence: dict[int, float] = {}
        hashes = [int(h) for h in sketch]
        with self.guard():
            for chunk in chunks(hashes, 100):
                # At most max_df + 1 rows per fingerprint: a common one is known to be too
                # common without reading all its documents.
                sql = " UNION ALL ".join(
                    ["SELECT * FROM (SELECT hash, doc_id FROM postings WHERE hash=? LIMIT ?)"]
                    * len(chunk)
                )
                args = [x for h in chunk for x in (h, max_df + 1)]
                rows = self.conn.execute(sql, args).fetchall()
                by_hash: dict[int, list[int]] = {}
                for h, d in rows:
                    by_hash.setdefault(h, []).append(d)
                for docs in by_hash.values():
                    if len(docs) > max_df:
                        for d in docs:
                            common[d] = common.get(d, 0) + 1
                        continue
                    weight = 2.0 / (len(docs) + 1)
                    for d in docs:
                        counts[d] = counts.get(d, 0) + 1
                        evidence[d] = evidence.get(d, 0.0) + weight
        return counts, common, evidence

    def iter_postings(self, chunk: int = 1_000_000) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """All postings in hash order, as ``(hashes, doc_ids)`` arrays of up to ``chunk``
        rows (a hash may continue into the next chunk)."""
        with self.guard():
            cur = self.conn.execute("SELECT hash, doc_id FROM postings ORDER BY hash, doc_id")
            while rows := cur.fetchmany(chunk):
                arr = np.array(rows, dtype=np.int64)
                yield arr[:, 0], arr[:, 1]

    def iter_documents(self, columns: str = "doc_id, site, date") -> Iterator[tuple[Any, ...]]:
        allowed = {"doc_id", "ext_id", "site", "date", "url", "title", "chars", "text", "language"}
        names = [c.strip() for c in columns.split(",")]
        if not set(names) <= allowed:
            raise ValueError(f"unknown column in {columns!r}")
        if not self._languages:
            names = ["'' AS language" if c == "language" else c for c in names]
        with self.guard():
            yield from self.conn.execute(
                f"SELECT {', '.join(names)} FROM documents ORDER BY doc_id"
            )

    def iter_terms(self) -> Iterator[tuple[int, np.ndarray]]:
        """(doc_id, content-term hashes) of every document that has them, in doc_id order."""
        with self.guard():
            for doc_id, blob in self.conn.execute("SELECT doc_id, seq FROM terms ORDER BY doc_id"):
                yield int(doc_id), np.frombuffer(blob, dtype="<u4")

    def terms_of(self, doc_ids: Sequence[int]) -> dict[int, np.ndarray]:
        """Content-term hashes of those of ``doc_ids`` that have them."""
        out: dict[int, np.ndarray] = {}
        with self.guard():
            for chunk in chunks(list(doc_ids), 500):
                marks = ",".join("?" * len(chunk))
                for doc_id, blob in self.conn.execute(
                    f"SELECT doc_id, seq FROM terms WHERE doc_id IN ({marks})", chunk
                ):
                    out[int(doc_id)] = np.frombuffer(blob, dtype="<u4")
        return out

    def terms_documents(self) -> int:
        """How many documents have stored terms (the ``N`` of ``term_df``)."""
        value = self.get_meta("terms_documents")
        return int(value) if value else 0

    def term_df(self, terms: np.ndarray) -> np.ndarray:
        """Documents holding each of ``terms`` (0 for a term no indexed document holds)."""
        uniq, inverse = np.unique(np.asarray(terms, dtype=np.int64), return_inverse=True)
        found: dict[int, int] = {}
        keys = uniq.tolist()
        with self.guard():
            for chunk in chunks(keys, 500):
                marks = ",".join("?" * len(chunk))
                found.update(
                    self.conn.execute(
                        f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk
                    ).fetchall()
                )
        df = np.array([found.get(k, 0) for k in keys], dtype=np.int64)
        return df[inverse]

    def size_bytes(self) -> int:
        total = 0
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                total += p.stat().st_size
        return total


def _stored(row: Sequence[Any]) -> StoredDocument:
    return StoredDocument(
        doc_id=int(row[0]),
        ext_id=str(row[1]),
        text=str(row[2]),
        url=str(row[3]),
        site=str(row[4]),
        date=str(row[5]),
        title=str(row[6]),
        origin=str(row[7]),
        meta=json.loads(row[8]) if row[8] else {},
        language=str(row[9]),
    )
