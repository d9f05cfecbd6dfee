"""Writing documents into the index: :meth:`StoredWrites.add_batch`, a mixin of
:class:`~.store.Store` (the store's reads and its schema stay in :mod:`.store`).

A batch is one transaction: its new documents (with their fingerprints, sentence keys,
content terms, vectors and language counts), its exact duplicates, and, by the caller's choice, the
replacement of ids already indexed with another text (:mod:`.store_replace`).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager

import numpy as np

from ..errors import InputError
from .schema import BatchResult, NewDocument, chunks, document_values
from .store_claims import insert_claim_rows
from .store_replace import KeysOf, last_doc_id, mark_replaced, replace_documents

__all__ = ["CONFLICT_CHOICES", "StoredWrites"]

CONFLICT_CHOICES = ("skip", "replace", "error")
"""What :meth:`StoredWrites.add_batch` does with an id already indexed with another text."""


class StoredWrites:
    """:class:`~.store.Store`'s writes of documents.

    Uses the store's connection, its :meth:`guard` and :meth:`transaction`, and whether
    its file has the language tables, declared here for the type checker.
    """

    conn: sqlite3.Connection
    _languages: bool

    def guard(self) -> AbstractContextManager[None]:
        """SQLite errors as IndexFileError (:meth:`.store.Store.guard`)."""
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One atomic write (:meth:`.store.Store.transaction`)."""
        raise NotImplementedError

    def add_batch(
        self,
        docs: Sequence[NewDocument],
        *,
        on_conflict: str = "skip",
        keys_of: KeysOf | None = None,
    ) -> BatchResult:
        """Add a batch in one transaction; exact duplicates are recorded, not indexed.

        An id already indexed with the same text is passed over (``res.known``). One
        indexed with another text (``res.conflicts``) is, by ``on_conflict``: ``"skip"``,
        left as it is; ``"replace"``, given the new text and everything derived from it
        (:mod:`.store_replace`; ``keys_of`` computes the old text's fingerprints and
        sentence keys);
        ``"error"``, refused with the whole batch (:class:`InputError`, nothing written).
        """
        if on_conflict not in CONFLICT_CHOICES:
            raise ValueError(f"on_conflict must be one of {CONFLICT_CHOICES}, not {on_conflict!r}")
        if on_conflict == "replace" and keys_of is None:
            raise ValueError("on_conflict='replace' needs keys_of")
        res = BatchResult()
        now = time.time()
        with self.guard(), self.transaction() as c:
            known = self._indexed_keys(c, [d.ext_id for d in docs])
            fresh: list[NewDocument] = []
            replacing: list[NewDocument] = []
            for d in docs:
                key = known.get(d.ext_id)
                if key is None:
                    known[d.ext_id] = d.text_key
                    fresh.append(d)
                elif key == d.text_key:
                    res.known.append(d.ext_id)
                else:
                    res.conflicts.append(d.ext_id)
                    if on_conflict == "error":
                        raise InputError(
                            d.origin,
                            f"id {d.ext_id!r} is already indexed with another text; nothing "
                            "of this batch was added (--on-conflict replace updates it, skip "
                            "keeps the indexed text)",
                        )
                    if on_conflict == "replace":
                        replacing.append(d)
            self._insert(c, fresh, res, now)
            if replacing:
                assert keys_of is not None
                again = BatchResult()
                renewed = replace_documents(
                    c, replacing, keys_of, res, now, languages=self._languages
                )
                self._insert(c, renewed, again, now)
                res.replaced.extend(again.added)
                res.replaced.extend(doc_id for _, doc_id in again.duplicates)
                res.embedded += again.embedded
                res.multilingual += again.multilingual
                mark_replaced(c, len(replacing))
        return res

    @staticmethod
    def _indexed_keys(c: sqlite3.Connection, ids: Sequence[str]) -> dict[str, bytes]:
        """The text key of each of ``ids`` already indexed (a duplicate's: its original's)."""
        known: dict[str, bytes] = {}
        for chunk in chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for ext_id, key in c.execute(
                f"SELECT ext_id, text_key FROM documents WHERE ext_id IN ({marks})", chunk
            ):
                known[str(ext_id)] = bytes(key)
            for ext_id, key in c.execute(
                "SELECT d.ext_id, o.text_key FROM duplicates d "
                f"JOIN documents o ON o.doc_id = d.dup_of WHERE d.ext_id IN ({marks})",
                chunk,
            ):
                known[str(ext_id)] = bytes(key)
        return known

    def _insert(
        self, c: sqlite3.Connection, docs: Sequence[NewDocument], res: BatchResult, now: float
    ) -> None:
        """Insert ``docs`` (ids not indexed yet) as documents, or as exact duplicates of
        the indexed document (or earlier one of ``docs``) with the same text key."""
        if not docs:
            return
        seen_keys: dict[bytes, int] = {}
        keys = list({d.text_key for d in docs})
        for chunk in chunks(keys, 500):
            marks = ",".join("?" * len(chunk))
            for k, doc_id in c.execute(
                f"SELECT text_key, doc_id FROM documents WHERE text_key IN ({marks})", chunk
            ):
                seen_keys.setdefault(bytes(k), int(doc_id))
        sketches: list[np.ndarray] = []
        owners: list[np.ndarray] = []
        vectors: list[tuple[int, bytes]] = []
        multi_rows: list[tuple[int, str, bytes]] = []
        per_language: dict[str, list[int]] = {}  # language -> [documents, vectors]
        term_rows: list[tuple[int, bytes]] = []
        claim_keys: list[np.ndarray] = []
        claim_owners: list[np.ndarray] = []
        claim_starts: list[np.ndarray] = []
        dup_rows: list[tuple[object, ...]] = []
        doc_rows: list[tuple[object, ...]] = []
        # Ids are given here (inside the write transaction no one else can take them),
        # so the rows go in with one executemany each.
        next_id = last_doc_id(c)
        for d in docs:
            dup = seen_keys.get(d.text_key)
            m = d.meta
            if dup is not None:
                dup_rows.append(
                    (
                        d.ext_id,
                        dup,
                        m.get("url", ""),
                        m.get("site", ""),
                        m.get("date", ""),
                        d.origin,
                        now,
                    )
                )
                res.duplicates.append((d.ext_id, dup))
                continue
            next_id += 1
            doc_id = next_id
            doc_rows.append((doc_id, d.ext_id, *document_values(d, now), d.language))
            seen_keys[d.text_key] = doc_id
            res.added.append(doc_id)
            sketches.append(d.sketch)
            owners.append(np.full(len(d.sketch), doc_id, dtype=np.int64))
            if d.claims is not None and len(d.claims[0]):
                claim_keys.append(d.claims[0])
                claim_starts.append(d.claims[1])
                claim_owners.append(np.full(len(d.claims[0]), doc_id, dtype=np.int64))
            if d.terms is not None:
                term_rows.append((doc_id, np.asarray(d.terms, dtype="<u4").tobytes()))
            if d.embedding is not None:
                vectors.append((doc_id, np.asarray(d.embedding, dtype=np.float16).tobytes()))
            if d.language:
                tally = per_language.setdefault(d.language, [0, 0])
                tally[0] += 1
                if d.multilingual is not None:
                    tally[1] += 1
                    blob = np.asarray(d.multilingual, dtype=np.float16).tobytes()
                    multi_rows.append((doc_id, d.language, blob))
        c.executemany(
            "INSERT INTO documents(doc_id, ext_id, text_key, text, chars, url, site, date,"
            " title, origin, meta, added_at, language) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            doc_rows,
        )
        c.executemany(
            "INSERT INTO duplicates(ext_id, dup_of, url, site, date, origin, added_at) "
            "VALUES (?,?,?,?,?,?,?)",
            dup_rows,
        )
        if sketches:
            # In key order, each B-tree page the batch touches is visited once.
            hashes, doc_ids = np.concatenate(sketches), np.concatenate(owners)
            order = np.lexsort((doc_ids, hashes))
            rows = np.stack((hashes[order], doc_ids[order]), axis=1).tolist()
            c.executemany("INSERT OR IGNORE INTO postings(hash, doc_id) VALUES (?, ?)", rows)
        if claim_keys:
            insert_claim_rows(
                c,
                np.concatenate(claim_keys),
                np.concatenate(claim_owners),
                np.concatenate(claim_starts),
            )
        if vectors:
            c.executemany("INSERT INTO embeddings(doc_id, vec) VALUES (?, ?)", vectors)
            res.embedded = len(vectors)
        if multi_rows:
            c.executemany(
                "INSERT INTO multilingual(doc_id, language, vec) VALUES (?, ?, ?)", multi_rows
            )
            res.multilingual = len(multi_rows)
        if per_language:
            c.executemany(
                "INSERT INTO languages(language, documents, multilingual) VALUES (?, ?, ?) "
                "ON CONFLICT(language) DO UPDATE SET documents = documents + "
                "excluded.documents, multilingual = multilingual + excluded.multilingual",
                [(lang, n, v) for lang, (n, v) in sorted(per_language.items())],
            )
        if term_rows:
            c.executemany("INSERT INTO terms(doc_id, seq) VALUES (?, ?)", term_rows)
            distinct = np.concatenate(
                [np.unique(np.frombuffer(blob, dtype="<u4")) for _, blob in term_rows]
            )
            terms, counts = np.unique(distinct, return_counts=True)
            c.executemany(
                "INSERT INTO term_df(term, df) VALUES (?, ?) "
                "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                zip(terms.tolist(), counts.tolist(), strict=True),
            )
            c.execute(
                "INSERT INTO meta(key, value) VALUES ('terms_documents', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + ?",
                (len(term_rows), len(term_rows)),
            )
