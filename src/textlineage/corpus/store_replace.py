"""Replacing the text of an indexed id (``index add --on-conflict replace``).

Everything derived from a document's text is replaced with it, inside the caller's write
transaction: its fingerprints (postings), sentence keys (claims), content terms and their
document frequencies, its document vector, its multilingual vector, its language and the
per-language counts.
Document ids stay as they are (they only ever grow, and pages, clusters and caches name
them), so a document is updated in place, with three exceptions:

* an id recorded as an exact duplicate of another document stops being one, and its new
  text is then added like any new record;
* a document that others were recorded as exact duplicates of keeps its old text, which
  those copies still have: the first copy takes it over (its id, URL, site, date and
  origin), and the new text is added like any new record;
* a new text that another document holds already makes the id that document's exact
  duplicate (as indexing it fresh would), and the old text, held by no id now, leaves the
  index with everything derived from it. Its number is not given to a later document
  (the meta key :data:`LAST_DOC_ID`).

Discovery results computed from the old text are then out of date: the meta key
``discovery_stale`` counts the documents replaced since the last ``discover``, and the
meta key ``generation`` counts replacements, so that caches of vectors (which otherwise
only watch for new documents) know to rebuild.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence

import numpy as np

from .schema import BatchResult, NewDocument, document_values
from .store_claims import insert_claim_rows

__all__ = ["GENERATION", "LAST_DOC_ID", "STALE", "KeysOf", "replace_documents"]

GENERATION = "generation"
"""Meta key: how many times indexed texts were replaced (absent: never)."""
STALE = "discovery_stale"
"""Meta key: documents replaced since the latest ``discover`` run (absent: none)."""

LAST_DOC_ID = "last_doc_id"
"""Meta key: the largest doc_id ever given, when the document holding it was removed (new
documents are numbered above it)."""

KeysOf = Callable[[str], tuple[np.ndarray, np.ndarray]]
"""A text's fingerprints and sentence keys, computed as the index computes them (the
keys of an old text are deleted by key: the postings and claims tables are keyed so)."""


def replace_documents(
    c: sqlite3.Connection,
    docs: Sequence[NewDocument],
    keys_of: KeysOf,
    res: BatchResult,
    now: float,
    *,
    languages: bool,
) -> list[NewDocument]:
    """Give each of ``docs`` (ids already indexed with another text) its new text.

    ``keys_of`` computes a text's fingerprints and sentence keys as the index does (the
    old ones are deleted by key, not by scanning the postings and claims). Returns the
    documents to add as new records (see the module docstring); the others are updated
    here and their doc_ids appended to ``res.replaced``.
    """
    fresh: list[NewDocument] = []
    for d in docs:
        row = c.execute(
            "SELECT doc_id, text, language FROM documents WHERE ext_id=?", (d.ext_id,)
        ).fetchone()
        if row is None:
            # Recorded as a copy of another document: it is one no more.
            c.execute("DELETE FROM duplicates WHERE ext_id=?", (d.ext_id,))
            fresh.append(d)
            continue
        doc_id, old_text, old_language = int(row[0]), str(row[1]), str(row[2])
        heir = c.execute(
            "SELECT rowid, ext_id, url, site, date, origin FROM duplicates WHERE dup_of=? "
            "ORDER BY rowid LIMIT 1",
            (doc_id,),
        ).fetchone()
        if heir is not None:
            _hand_over(c, doc_id, heir, now)
            fresh.append(d)
            continue
        twin = c.execute(
            "SELECT doc_id FROM documents WHERE text_key=? AND doc_id<>? LIMIT 1",
            (d.text_key, doc_id),
        ).fetchone()
        if twin is not None:
            _remove(c, doc_id, old_text, old_language, keys_of, languages)
            fresh.append(d)  # recorded as the exact duplicate of the twin
            continue
        _update_in_place(c, doc_id, old_text, old_language, d, keys_of, now, languages)
        res.replaced.append(doc_id)
    return fresh


def mark_replaced(c: sqlite3.Connection, n: int) -> None:
    """Count ``n`` replacements in the meta keys :data:`GENERATION` and :data:`STALE`."""
    for key in (GENERATION, STALE):
        c.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + ?",
            (key, str(n), n),
        )


def _hand_over(c: sqlite3.Connection, doc_id: int, heir: Sequence[object], now: float) -> None:
    """The first exact copy of document ``doc_id`` takes it over, old text and all."""
    rowid, ext_id, url, site, date, origin = heir
    meta = {k: str(v) for k, v in (("url", url), ("site", site), ("date", date)) if v}
    c.execute(
        "UPDATE documents SET ext_id=?, url=?, site=?, date=?, title='', origin=?, meta=?, "
        "added_at=? WHERE doc_id=?",
        (ext_id, url, site, date, origin, json.dumps(meta, ensure_ascii=False), now, doc_id),
    )
    c.execute("DELETE FROM duplicates WHERE rowid=?", (rowid,))


def _remove(
    c: sqlite3.Connection,
    doc_id: int,
    old_text: str,
    old_language: str,
    keys_of: KeysOf,
    languages: bool,
) -> None:
    """Delete document ``doc_id`` and every row derived from its text (the latest
    discovery's membership too: it is marked stale), keeping its number from reuse."""
    _delete_keys(c, doc_id, old_text, keys_of)
    _replace_terms(c, doc_id, None)
    c.execute("DELETE FROM embeddings WHERE doc_id=?", (doc_id,))
    if languages:
        _replace_language(c, doc_id, old_language, None)
    c.execute("DELETE FROM cluster_members WHERE doc_id=?", (doc_id,))
    c.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
    c.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
        "value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
        (LAST_DOC_ID, str(doc_id)),
    )


def last_doc_id(c: sqlite3.Connection) -> int:
    """The largest doc_id given so far (a removed document's included)."""
    row = c.execute(
        "SELECT MAX(COALESCE((SELECT MAX(doc_id) FROM documents), 0), "
        "COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key=?), 0))",
        (LAST_DOC_ID,),
    ).fetchone()
    return int(row[0])


def _delete_keys(c: sqlite3.Connection, doc_id: int, old_text: str, keys_of: KeysOf) -> None:
    """The fingerprints (postings) and sentence keys (claims) of the old text."""
    old_sketch, old_claims = keys_of(old_text)
    old = np.unique(np.asarray(old_sketch, dtype=np.int64)).tolist()
    c.executemany("DELETE FROM postings WHERE hash=? AND doc_id=?", [(h, doc_id) for h in old])
    # (A document indexed before sentence keys existed has none to delete.)
    gone = np.unique(np.asarray(old_claims, dtype=np.int64)).tolist()
    c.executemany("DELETE FROM claims WHERE key=? AND doc_id=?", [(k, doc_id) for k in gone])


def _update_in_place(
    c: sqlite3.Connection,
    doc_id: int,
    old_text: str,
    old_language: str,
    d: NewDocument,
    keys_of: KeysOf,
    now: float,
    languages: bool,
) -> None:
    _delete_keys(c, doc_id, old_text, keys_of)
    new = np.unique(np.asarray(d.sketch, dtype=np.int64)).tolist()
    c.executemany(
        "INSERT OR IGNORE INTO postings(hash, doc_id) VALUES (?, ?)", [(h, doc_id) for h in new]
    )
    if d.claims is not None and len(d.claims[0]):
        keys, starts = d.claims
        insert_claim_rows(c, keys, np.full(len(keys), doc_id, dtype=np.int64), starts)
    _replace_terms(c, doc_id, d.terms)
    c.execute("DELETE FROM embeddings WHERE doc_id=?", (doc_id,))
    if d.embedding is not None:
        c.execute(
            "INSERT INTO embeddings(doc_id, vec) VALUES (?, ?)",
            (doc_id, np.asarray(d.embedding, dtype=np.float16).tobytes()),
        )
    if languages:
        _replace_language(c, doc_id, old_language, d)
    c.execute(
        "UPDATE documents SET text_key=?, text=?, chars=?, url=?, site=?, date=?, title=?, "
        "origin=?, meta=?, added_at=?" + (", language=?" if languages else "") + " WHERE doc_id=?",
        (*document_values(d, now), *((d.language,) if languages else ()), doc_id),
    )


def _replace_terms(c: sqlite3.Connection, doc_id: int, terms: np.ndarray | None) -> None:
    """The document's content terms and their document frequencies."""
    row = c.execute("SELECT seq FROM terms WHERE doc_id=?", (doc_id,)).fetchone()
    delta = 0
    if row is not None:
        gone = np.unique(np.frombuffer(row[0], dtype="<u4")).tolist()
        c.executemany("UPDATE term_df SET df = df - 1 WHERE term=?", [(t,) for t in gone])
        c.execute("DELETE FROM term_df WHERE df <= 0")
        c.execute("DELETE FROM terms WHERE doc_id=?", (doc_id,))
        delta -= 1
    if terms is not None:
        blob = np.asarray(terms, dtype="<u4").tobytes()
        c.execute("INSERT INTO terms(doc_id, seq) VALUES (?, ?)", (doc_id, blob))
        come = np.unique(np.frombuffer(blob, dtype="<u4")).tolist()
        c.executemany(
            "INSERT INTO term_df(term, df) VALUES (?, 1) "
            "ON CONFLICT(term) DO UPDATE SET df = df + 1",
            [(t,) for t in come],
        )
        delta += 1
    if delta:
        c.execute(
            "INSERT INTO meta(key, value) VALUES ('terms_documents', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + ?",
            (str(max(delta, 0)), delta),
        )


def _replace_language(
    c: sqlite3.Connection, doc_id: int, old_language: str, d: NewDocument | None
) -> None:
    """The document's multilingual vector and the per-language counts (``d`` None: the
    document is removed)."""
    had_vector = (
        c.execute("SELECT 1 FROM multilingual WHERE doc_id=?", (doc_id,)).fetchone() is not None
    )
    c.execute("DELETE FROM multilingual WHERE doc_id=?", (doc_id,))
    if old_language:
        c.execute(
            "UPDATE languages SET documents = documents - 1, multilingual = multilingual - ? "
            "WHERE language=?",
            (int(had_vector), old_language),
        )
        c.execute("DELETE FROM languages WHERE documents <= 0 AND multilingual <= 0")
    if d is not None and d.language:
        vector = d.multilingual is not None
        if vector:
            c.execute(
                "INSERT INTO multilingual(doc_id, language, vec) VALUES (?, ?, ?)",
                (doc_id, d.language, np.asarray(d.multilingual, dtype=np.float16).tobytes()),
            )
        c.execute(
            "INSERT INTO languages(language, documents, multilingual) VALUES (?, 1, ?) "
            "ON CONFLICT(language) DO UPDATE SET documents = documents + 1, "
            "multilingual = multilingual + excluded.multilingual",
            (d.language, int(vector)),
        )
