"""The alignment side of the service: a pool of worker processes, each with a warm model.

Comparison and search are CPU-bound Python; run in the server's event loop (or in threads,
under the GIL) they would stall every other request. Each worker process reads the
documents, aligns them and renders the result, so the server process only moves bytes.
A worker loads the sentence-embedding model once, in its initializer, and warms it up with
a small comparison; the server starts listening only when every worker is warm.

:class:`WorkerPool` is the asynchronous front: it admits at most ``max_pending`` jobs at a
time (running or queued) and answers :class:`Overloaded` beyond that, so a burst costs a
quick 503 rather than unbounded memory; a crashed worker process (killed, out of memory)
gets the pool rebuilt instead of leaving the service broken.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import sqlite3
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Any, Literal, TypeVar

from ..align.semantic import SemanticConfig
from ..compare import CompareConfig, compare
from ..corpus.index import Corpus, CorpusConfig, SearchResult
from ..corpus.store_file import explain
from ..embed import CachedEmbedder, Embedder, make_embedder
from ..engines.pool import process_pool
from ..errors import IndexFileError, Overloaded
from ..facts import ner
from ..ingest import document_from_bytes
from ..report import render_html
from ..types import Comparison, Document
from .config import ServiceConfig

log = logging.getLogger(__name__)

T = TypeVar("T")

_WARM_A = (
    "The city council approved a budget of 4.2 million euros on Monday. "
    "The mayor, Anna Berg, said the money would repair 30 schools before winter."
)
_WARM_B = (
    "On Monday the council passed a 4.2 million euro budget. Mayor Anna Berg said "
    "the funds will fix 30 schools ahead of the winter months."
)


@dataclass(frozen=True)
class Source:
    """A document as received: its bytes, the name it goes by, and how to read it.

    ``fmt`` is ``"txt"``, ``"html"`` or ``"auto"`` (the name's extension, else a look at
    the content decides), as for :func:`~textlineage.ingest.document_from_bytes`.
    """

    name: str
    data: bytes
    fmt: str = "auto"


# --------------------------------------------------------------------------- worker side


@dataclass
class _Worker:
    compare: CompareConfig
    corpus: Corpus | None
    max_bytes: int
    db: str | None = None
    corpus_config: CorpusConfig | None = None

    def open_corpus(self) -> Corpus:
        """The corpus, opened again if it failed before (a restored file is then used)."""
        if self.db is None:  # pragma: no cover - the server checks before submitting
            raise RuntimeError("no corpus open in this worker")
        if self.corpus is None:
            self.corpus = Corpus.open(self.db, create=False, config=self.corpus_config)
        return self.corpus

    def drop_corpus(self) -> None:
        corpus, self.corpus = self.corpus, None
        if corpus is not None:
            with contextlib.suppress(sqlite3.Error, IndexFileError):
                corpus.close()


_worker: _Worker | None = None


def init_worker(db: str | None, semantic: bool, threads: int, max_bytes: int) -> None:
    """Process initializer: load the model once, open the corpus, warm everything up."""
    global _worker
    # Ctrl-C reaches the whole process group; the server shuts the pool down itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in (
        "trafilatura",
        "htmldate",
        "charset_normalizer",
        "transformers",
        "torch",
        "onnxruntime",
    ):
        logging.getLogger(name).setLevel(logging.ERROR)
    emb: Embedder | None = None
    if semantic:
        emb = CachedEmbedder(make_embedder(threads=threads))
    cfg = CompareConfig(semantic=SemanticConfig(enabled=semantic), embedder=emb)
    base = CorpusConfig()
    config = replace(base, compare=replace(base.compare, embedder=emb))
    _worker = _Worker(cfg, None, max_bytes, db, config)
    if db is not None:
        try:
            _worker.open_corpus()
        except IndexFileError as exc:  # searches answer it (503); comparing needs no index
            log.warning("worker %d: %s", os.getpid(), exc)
    if ner.enabled():
        ner.load()  # the fact diff's named-entity model, before the first request
    compare(Document("warm-a", _WARM_A), Document("warm-b", _WARM_B), cfg)
    log.debug("worker %d ready (semantic=%s, threads=%d)", os.getpid(), semantic, threads)


def _state() -> _Worker:
    if _worker is None:  # pragma: no cover - the pool always runs the initializer
        raise RuntimeError("worker not initialised")
    return _worker


def _document(src: Source | Document, max_bytes: int) -> Document:
    if isinstance(src, Document):
        return src
    return document_from_bytes(src.data, src.name, fmt=src.fmt, max_bytes=max_bytes)


def _config(semantic: bool | None) -> CompareConfig:
    cfg = _state().compare
    if semantic is False and cfg.semantic.enabled:
        cfg = replace(cfg, semantic=replace(cfg.semantic, enabled=False))
    return cfg


def ping() -> int:
    """A no-op job: returns the worker's process id (used to wait until all are warm)."""
    _state()
    return os.getpid()


def compare_job(
    a: Source | Document,
    b: Source | Document,
    semantic: bool | None,
    out: Literal["json", "html"],
    title: str | None = None,
) -> bytes:
    """Read and compare two documents; the result as JSON or as the HTML report (UTF-8)."""
    st = _state()
    c = compare(_document(a, st.max_bytes), _document(b, st.max_bytes), _config(semantic))
    if out == "html":
        return render_html(c, title=title).encode("utf-8")
    return json.dumps(c.to_json(), ensure_ascii=False).encode("utf-8")


def search_job(query: Source, top: int, semantic: bool | None) -> SearchResult:
    """Search the corpus for documents the query reuses or that reuse it."""
    st = _state()
    doc = _document(query, st.max_bytes)
    corpus = st.open_corpus()
    try:
        try:
            return corpus.search(doc, top=top, semantic=False if semantic is False else None)
        except sqlite3.DatabaseError as exc:  # a read outside the store's guard
            raise IndexFileError(explain(corpus.store.path, exc)) from exc
    except IndexFileError:
        st.drop_corpus()  # opened again by the next search
        raise


def search_json_job(query: Source, top: int, semantic: bool | None) -> bytes:
    """:func:`search_job` as JSON (serialised here, off the server's event loop)."""
    r = search_job(query, top, semantic)
    return json.dumps(r.to_json(), ensure_ascii=False).encode("utf-8")


def render_job(c: Comparison, title: str | None = None) -> bytes:
    """The HTML report of a comparison made earlier (a search hit)."""
    return render_html(c, title=title).encode("utf-8")


# --------------------------------------------------------------------------- server side


class WorkerPool:
    """Worker processes behind an admission bound, awaited without blocking the loop."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        self.pending = 0
        self._executor: ProcessPoolExecutor | None = None

    def _new_executor(self) -> ProcessPoolExecutor:
        cfg = self.config
        # spawn, not fork: the server process runs an event loop and threads, which a
        # forked child would inherit in an arbitrary state.
        return process_pool(
            cfg.workers,
            start_method="spawn",
            threads=cfg.inference_threads,
            initializer=init_worker,
            initargs=(
                None if cfg.db is None else str(cfg.db),
                cfg.semantic,
                cfg.inference_threads,
                cfg.max_document_bytes,
            ),
        )

    async def start(self) -> None:
        """Start every worker and wait until each has loaded and warmed its model."""
        self._executor = self._new_executor()
        loop = asyncio.get_running_loop()
        # Processes start on demand, one per job not taken by an idle worker: as many
        # simultaneous pings as workers start them all.
        pids = await asyncio.gather(
            *(loop.run_in_executor(self._executor, ping) for _ in range(self.config.workers))
        )
        log.info("%d worker process(es) ready: %s", len(set(pids)), sorted(set(pids)))

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` in a worker; raise :class:`Overloaded` when too many wait."""
        if self._executor is None:
            raise RuntimeError("the worker pool is not started")
        if self.pending >= self.config.max_pending:
            raise Overloaded(
                f"the service is busy ({self.pending} requests in progress); retry shortly"
            )
        self.pending += 1
        executor = self._executor
        try:
            return await asyncio.wrap_future(executor.submit(fn, *args))
        except BrokenProcessPool as exc:
            self._replace(executor)
            raise Overloaded("a worker process stopped unexpectedly; retry shortly") from exc
        finally:
            self.pending -= 1

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        if self._executor is broken:
            log.error("a worker process died; starting a new pool")
            broken.shutdown(wait=False, cancel_futures=True)
            self._executor = self._new_executor()

    async def close(self) -> None:
        """Cancel queued jobs, let running ones finish, and stop the workers."""
        executor, self._executor = self._executor, None
        if executor is not None:
            await asyncio.get_running_loop().run_in_executor(
                None, lambda: executor.shutdown(wait=True, cancel_futures=True)
            )
