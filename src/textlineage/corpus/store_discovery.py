"""The latest ``discover`` run as the index keeps it, for the web app to read.

Relations, clusters and their members, and the meta keys ``discovery``, ``network`` and
``network_svg``: one job apart from the documents and their postings, so a mixin of
:class:`~.store.Store` rather than more of it. The tables are replaced whole, in one
transaction, by each run.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from .schema import chunks
from .store_replace import GENERATION, STALE

__all__ = ["StoredDiscovery"]


class StoredDiscovery:
    """:class:`~.store.Store`'s reads and writes of discovery results.

    Uses the store's connection and its :meth:`guard` and :meth:`transaction`, declared
    here for the type checker.
    """

    conn: sqlite3.Connection

    def guard(self) -> AbstractContextManager[None]:
        """SQLite errors as IndexFileError (:meth:`.store.Store.guard`)."""
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One atomic write (:meth:`.store.Store.transaction`)."""
        raise NotImplementedError

    def save_discovery(
        self,
        relations: Iterable[tuple[int, int, dict[str, Any]]],
        clusters: Iterable[tuple[int, Sequence[int], dict[str, Any]]],
        *,
        network: dict[str, Any],
        svg: str,
        summary: dict[str, Any],
        generation: int,
    ) -> int:
        """Replace the stored discovery results with these, in one transaction, and set
        the mark of texts replaced since (:mod:`.store_replace`).

        ``generation`` is the index's replacement count (:meth:`generation`) read before
        the run read anything: a text replaced while it ran (an ``index add --on-conflict
        replace`` in another process) may be in its results with its old text, so the
        mark keeps counting those replacements; it is cleared only when there were none.
        Read and written in the transaction that stores the results, so no replacement
        can land between the check and the write. Returns that count.
        """
        with self.guard(), self.transaction() as c:
            for table in ("relations", "clusters", "cluster_members"):
                c.execute(f"DELETE FROM {table}")
            c.executemany(
                "INSERT INTO relations(a, b, record) VALUES (?, ?, ?)",
                ((a, b, _dumps(rec)) for a, b, rec in relations),
            )
            members: list[tuple[int, int]] = []
            rows: list[tuple[int, int, str]] = []
            for cid, docs, rec in clusters:
                rows.append((cid, len(docs), _dumps(rec)))
                members.extend((d, cid) for d in docs)
            c.executemany("INSERT INTO clusters(cluster_id, size, record) VALUES (?, ?, ?)", rows)
            c.executemany("INSERT INTO cluster_members(doc_id, cluster_id) VALUES (?, ?)", members)
            for key, value in (
                ("discovery", _dumps(summary)),
                ("network", _dumps(network)),
                ("network_svg", svg),
            ):
                c.execute(
                    "INSERT INTO meta(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (key, value),
                )
            since = _generation(c) - generation
            if since > 0:
                c.execute(
                    "INSERT INTO meta(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (STALE, str(since)),
                )
            else:  # every text replaced before this run is in its results
                c.execute("DELETE FROM meta WHERE key=?", (STALE,))
        return max(since, 0)

    def generation(self) -> int:
        """How many times indexed texts were replaced (:data:`.store_replace.GENERATION`)."""
        with self.guard():
            return _generation(self.conn)

    def clusters(self, limit: int, offset: int) -> list[dict[str, Any]]:
        """Stored clusters, largest first (ties by id)."""
        with self.guard():
            rows = self.conn.execute(
                "SELECT record FROM clusters ORDER BY size DESC, cluster_id LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [json.loads(r[0]) for r in rows]

    def cluster(self, cluster_id: int) -> dict[str, Any] | None:
        with self.guard():
            row = self.conn.execute(
                "SELECT record FROM clusters WHERE cluster_id=?", (cluster_id,)
            ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def cluster_of(self, doc_id: int) -> int | None:
        with self.guard():
            row = self.conn.execute(
                "SELECT cluster_id FROM cluster_members WHERE doc_id=?", (doc_id,)
            ).fetchone()
        return None if row is None else int(row[0])

    def relations(self, doc_ids: Sequence[int]) -> list[dict[str, Any]]:
        """Stored relations touching any of ``doc_ids``, each once."""
        out: dict[tuple[int, int], dict[str, Any]] = {}
        with self.guard():
            for chunk in chunks(list(doc_ids), 400):
                marks = ",".join("?" * len(chunk))
                for a, b, rec in self.conn.execute(
                    f"SELECT a, b, record FROM relations WHERE a IN ({marks}) "
                    f"UNION SELECT a, b, record FROM relations WHERE b IN ({marks})",
                    [*chunk, *chunk],
                ):
                    out[(int(a), int(b))] = json.loads(rec)
        return [out[k] for k in sorted(out)]


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _generation(c: sqlite3.Connection) -> int:
    row = c.execute("SELECT value FROM meta WHERE key=?", (GENERATION,)).fetchone()
    return int(row[0]) if row is not None and row[0] else 0
