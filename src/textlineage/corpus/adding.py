"""The work of :meth:`Corpus.add <.index.Corpus.add>`: records in, batches of documents
written to the index, a summary of what became of each record.

This process reads the records and writes the index; with workers, batches are
fingerprinted (and embedded) in other processes meanwhile, at most one waiting per
worker. A record that cannot be indexed is skipped and counted (or, with ``strict``,
ends the run after the batches before it committed).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass

import numpy as np

from ..engines.pool import process_pool
from ..errors import InputError
from ..ingest import DEFAULT_MAX_BYTES, Record, RecordError
from ..ingest.limits import too_large
from ..text.claims import sketch_with_claims
from ..text.pubdate import with_publication_date
from .config import CorpusConfig
from .docvectors import Prepared, prepare_batch
from .hits import AddSummary
from .schema import NewDocument
from .store import CONFLICT_CHOICES, Store
from .store_replace import KeysOf

__all__ = ["MULTILINGUAL_BATCH", "AddPlan", "add_records", "checked_record", "indexed_keys"]

log = logging.getLogger(__name__)

MULTILINGUAL_BATCH = 16
"""Documents per ingest batch when multilingual vectors are computed (about 10 s of work)."""


@dataclass(frozen=True)
class AddPlan:
    """How :func:`add_records` indexes (the options of ``Corpus.add``, resolved)."""

    strict: bool = False
    terms: bool = True
    """Store each document's content terms (the window channel)."""
    vector_tokens: int | None = None
    """Store a document vector of its first this many tokens (None: none)."""
    lead_chars: int | None = None
    """Store a multilingual vector of its lead of this many characters (None: none)."""
    workers: int = 1
    on_conflict: str = "skip"
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if self.on_conflict not in CONFLICT_CHOICES:
            raise ValueError(
                f"on_conflict must be one of {CONFLICT_CHOICES}, not {self.on_conflict!r}"
            )


def add_records(
    store: Store,
    config: CorpusConfig,
    records: Iterable[Record | RecordError],
    plan: AddPlan,
    progress: Callable[[int], None] | None = None,
) -> AddSummary:
    """Index ``records`` into ``store`` in batches; ``progress`` is told the number of
    records written so far."""
    t0 = time.perf_counter()
    summary = AddSummary()
    # Multilingual vectors take about 0.6 s a document: smaller batches keep every
    # worker busy (and the progress moving).
    batch_size = config.batch_size
    if plan.lead_chars is not None:
        batch_size = min(batch_size, MULTILINGUAL_BATCH)
    keys_of = indexed_keys(config)
    pool = process_pool(plan.workers) if plan.workers > 1 else None
    # Batches whose sketches (and vectors) are being computed, oldest first: at most one
    # per worker waits while this process parses input and writes to the index.
    pending: deque[tuple[list[Record], Future[Prepared]]] = deque()
    done = 0

    def write(recs: list[Record], prepared: Prepared) -> None:
        nonlocal done
        batch = [
            NewDocument(
                ext_id=rec.ext_id,
                text=rec.text,
                text_key=sk.key,
                sketch=sk.fingerprints,
                # Records made by a caller get their date's source as read ones do.
                meta=with_publication_date(rec.meta, rec.text),
                origin=rec.origin,
                embedding=vec,
                terms=sk.terms if plan.terms else None,
                language=lang,
                multilingual=mvec,
                claims=keys,
            )
            for rec, sk, vec, lang, mvec, keys in zip(recs, *prepared, strict=True)
        ]
        res = store.add_batch(batch, on_conflict=plan.on_conflict, keys_of=keys_of)
        summary.added += len(res.added)
        summary.duplicates += len(res.duplicates)
        summary.already_indexed += len(res.known)
        summary.conflicts.extend(res.conflicts)
        summary.replaced += len(res.replaced)
        summary.embedded += res.embedded
        summary.multilingual += res.multilingual
        done += len(recs)
        if progress:
            progress(done)

    def submit(recs: list[Record]) -> None:
        if not recs:
            return
        texts = [r.text for r in recs]
        args = (texts, config.sketch, plan.vector_tokens, plan.lead_chars, config.claims)
        if pool is None:
            write(recs, prepare_batch(*args))
            return
        pending.append((recs, pool.submit(prepare_batch, *args)))
        while len(pending) > plan.workers:
            drain(1)

    def drain(n: int) -> None:
        for _ in range(min(n, len(pending))):
            recs, fut = pending.popleft()
            write(recs, fut.result())

    try:
        batch: list[Record] = []
        for item in records:
            rec = checked_record(item, plan.max_bytes) if isinstance(item, Record) else item
            if isinstance(rec, RecordError):
                if plan.strict:
                    submit(batch)
                    drain(len(pending))
                    raise InputError(rec.origin, rec.problem)
                summary.skipped.append((rec.origin, rec.problem))
                log.info("skipped %s: %s", rec.origin, rec.problem)
                continue
            batch.append(rec)
            if len(batch) >= batch_size:
                submit(batch)
                batch = []
        submit(batch)
        drain(len(pending))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if summary.conflicts:
        log.info(
            "%d ids were indexed with another text (%s)",
            len(summary.conflicts),
            "replaced" if plan.on_conflict == "replace" else "the indexed text kept",
        )
    summary.seconds = time.perf_counter() - t0
    return summary


def checked_record(rec: Record, max_bytes: int) -> Record | RecordError:
    """``rec``, or why it cannot be indexed: a text over ``max_bytes`` in UTF-8, or a text
    or id that is not valid Unicode (a record made by a caller: those read by
    :func:`~textlineage.ingest.iter_records` are checked already)."""
    try:
        size = len(rec.text.encode("utf-8"))
        rec.ext_id.encode("utf-8")
    except UnicodeEncodeError:
        return RecordError(rec.origin, "not valid Unicode (a lone surrogate in its text or id)")
    if size > max_bytes:
        return RecordError(rec.origin, too_large("document", max_bytes, size))
    return rec


def indexed_keys(config: CorpusConfig) -> KeysOf:
    """How the index derives a text's fingerprints and sentence keys under ``config`` (as
    :func:`~.docvectors.prepare_batch` does): what ``--on-conflict replace`` deletes of a
    replaced text."""

    def keys_of(text: str) -> tuple[np.ndarray, np.ndarray]:
        both = sketch_with_claims([text], config.sketch, config.claims)[0]
        return both.sketch.fingerprints, both.keys

    return keys_of
