"""Per-document vectors as the index keeps them, and its languages: the reads of
:class:`~.store.Store` that search's and discovery's vector channels use (a mixin, as
:class:`~.store_discovery.StoredDiscovery` is).

``embeddings`` holds the static document vectors (``index add --embeddings``),
``multilingual`` the multilingual lead vectors with each document's language (``index add
--multilingual``), both float16; ``languages`` counts documents and vectors per language.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager

import numpy as np

from .schema import chunks, decode_vectors

__all__ = ["VECTOR_TABLES", "StoredVectors", "language_filter"]


VECTOR_TABLES = frozenset({"embeddings", "multilingual"})
"""Tables of per-document vectors (``doc_id``, ``vec`` float16)."""


def language_filter(table: str, language: str | None) -> tuple[str, tuple[str, ...]]:
    """The WHERE clause selecting one language's rows of the ``multilingual`` table."""
    if language is None:
        return "", ()
    assert table == "multilingual"
    return " WHERE language = ?", (language,)


class StoredVectors:
    """:class:`~.store.Store`'s reads of document vectors and languages.

    Uses the store's connection, its :meth:`guard` and whether the file has the language
    tables, declared here for the type checker.
    """

    conn: sqlite3.Connection
    _languages: bool

    def guard(self) -> AbstractContextManager[None]:
        """SQLite errors as IndexFileError (:meth:`.store.Store.guard`)."""
        raise NotImplementedError

    def languages(self) -> dict[str, tuple[int, int]]:
        """Each identified language's (documents, multilingual vectors), by code."""
        if not self._languages:
            return {}
        with self.guard():
            rows = self.conn.execute(
                "SELECT language, documents, multilingual FROM languages ORDER BY language"
            ).fetchall()
        return {str(lang): (int(n), int(v)) for lang, n, v in rows}

    def _doc_columns(self) -> str:
        language = "language" if self._languages else "'' AS language"
        return f"doc_id, ext_id, text, url, site, date, title, origin, meta, {language}"

    def embeddings(
        self,
        doc_ids: Iterable[int] | None = None,
        *,
        table: str = "embeddings",
        language: str | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """(doc_ids, float32 matrix) of stored vectors: document embeddings, or the
        ``multilingual`` vectors (of one ``language``, when given)."""
        assert table in VECTOR_TABLES
        if table == "multilingual" and not self._languages:
            return decode_vectors([])
        where, args = language_filter(table, language)
        with self.guard():
            if doc_ids is None:
                rows = self.conn.execute(
                    f"SELECT doc_id, vec FROM {table}{where} ORDER BY doc_id", args
                ).fetchall()
            else:
                rows = []
                for chunk in chunks(list(doc_ids), 500):
                    marks = ",".join("?" * len(chunk))
                    rows.extend(
                        self.conn.execute(
                            f"SELECT doc_id, vec FROM {table} WHERE doc_id IN ({marks})", chunk
                        )
                    )
        return decode_vectors(rows)

    def embeddings_page(
        self,
        *,
        after: int,
        limit: int,
        table: str = "embeddings",
        language: str | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Up to ``limit`` vectors of documents with doc_id > ``after``, in doc_id order
        (``table`` and ``language`` as in :meth:`embeddings`)."""
        assert table in VECTOR_TABLES
        if table == "multilingual" and not self._languages:
            return decode_vectors([])
        where, args = language_filter(table, language)
        where = f"{where} AND doc_id > ?" if where else " WHERE doc_id > ?"
        with self.guard():
            rows = self.conn.execute(
                f"SELECT doc_id, vec FROM {table}{where} ORDER BY doc_id LIMIT ?",
                (*args, after, limit),
            ).fetchall()
        return decode_vectors(rows)

    def iter_embeddings(
        self,
        *,
        after: int = 0,
        page: int = 20_000,
        table: str = "embeddings",
        language: str | None = None,
    ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """All vectors of documents with doc_id > ``after``, a page at a time."""
        while True:
            ids, mat = self.embeddings_page(after=after, limit=page, table=table, language=language)
            if not len(ids):
                return
            yield ids, mat
            after = int(ids[-1])

    def multilingual_vectors(self) -> tuple[np.ndarray, list[str], np.ndarray]:
        """Every multilingual vector: (doc_ids, their languages, float32 matrix), in doc_id
        order."""
        if not self._languages:
            return np.zeros(0, dtype=np.int64), [], np.zeros((0, 0), dtype=np.float32)
        with self.guard():
            rows = self.conn.execute(
                "SELECT doc_id, vec, language FROM multilingual ORDER BY doc_id"
            ).fetchall()
        ids, mat = decode_vectors(rows)
        return ids, [str(r[2]) for r in rows], mat
