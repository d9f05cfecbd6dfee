"""What the HTTP layer talks to: the worker pool, the corpus reader, recent search results.

Nothing here knows about HTTP; the routes in :mod:`textlineage.web.app` adapt it.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from typing import Generic, TypeVar

from ..corpus.index import Corpus, SearchResult
from ..corpus.store_file import explain
from ..errors import IndexFileError, NoCorpus
from .config import ServiceConfig
from .workers import WorkerPool

log = logging.getLogger(__name__)

T = TypeVar("T")


class CorpusReader:
    """Reads from the corpus index on one dedicated thread.

    An SQLite connection belongs to the thread that opened it, so the index is opened,
    read and closed on the same thread. Reads here are look-ups by key (milliseconds);
    search, which aligns documents, runs in the worker processes instead.

    Nothing read from the index is kept between requests: each read is its own SQLite
    transaction and sees what ``index add`` or ``discover`` committed in another process
    meanwhile (the workers' nearest-neighbour search checks the newest stored vector
    before each search), so a running service follows its index without a restart
    (``tests/test_web_follow.py``).

    An index that cannot be used (damaged, truncated, not an index, locked, unreadable)
    fails the read with :class:`IndexFileError` naming the file and the problem
    (:func:`~textlineage.corpus.store_file.explain`); the connection is then dropped, so
    the next read opens the file again and a restored index is served without a restart.
    """

    BUSY_MS = 5000
    """How long a read waits for a lock another process holds before it gives up (a
    request should not hang for SQLite's default 30 s)."""

    def __init__(self, config: ServiceConfig) -> None:
        self.path = config.db
        self.problem: str | None = None
        """What was wrong with the index at the last read (None: that read worked)."""
        self._corpus: Corpus | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="textlineage-db")

    def _open(self) -> Corpus:
        if self.path is None:
            raise NoCorpus()
        if self._corpus is None:
            corpus = Corpus.open(self.path, create=False)
            corpus.store.conn.execute(f"PRAGMA busy_timeout = {self.BUSY_MS}")
            self._corpus = corpus
        return self._corpus

    def _call(self, fn: Callable[[Corpus], T], clear: bool = True) -> T:
        """``fn(corpus)``, with any failure of the index as one :class:`IndexFileError`
        (recorded in :attr:`problem`; a read that works clears it, if ``clear``)."""
        assert self.path is not None
        try:
            try:
                out = fn(self._open())
            except sqlite3.DatabaseError as exc:  # a read outside the store's guard
                raise IndexFileError(explain(self.path, exc)) from exc
        except IndexFileError as exc:
            self.problem = str(exc)
            self._drop()
            raise
        if clear:
            self.problem = None
        return out

    def _drop(self) -> None:
        corpus, self._corpus = self._corpus, None
        if corpus is not None:
            with suppress(sqlite3.Error, IndexFileError):
                corpus.close()

    async def read(self, fn: Callable[[Corpus], T], *, clear: bool = True) -> T:
        """``fn(corpus)`` on the reader thread."""
        if self.path is None:
            raise NoCorpus()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, self._call, fn, clear)

    async def check(self) -> str | None:
        """Whether the index can be read now: None, or what is wrong (one line).

        A cheap probe (the schema version and the newest document: a few pages), so a
        damaged page elsewhere shows once a request has read it; a problem found by a
        read (a request's or this probe's) is reported until a request's read works.
        """
        if self.path is None:
            return None
        with suppress(IndexFileError):
            await self.read(_probe, clear=False)
        return self.problem

    async def close(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._thread, self._drop)
        self._thread.shutdown(wait=True)


class Recent(Generic[T]):
    """The last results, kept in memory under unguessable tokens.

    Pages use it to redirect after a POST (so reloading a result does not redo the work)
    and to open a search hit side by side without aligning again. Bounded by count and by
    the characters held; an evicted or unknown token asks the user to run it again.
    """

    def __init__(self, items: int = 32, chars: int = 64 * 1024 * 1024) -> None:
        self.max_items = items
        self.max_chars = chars
        self._items: OrderedDict[str, tuple[T, int]] = OrderedDict()
        self._chars = 0

    def put(self, value: T, size: int) -> str:
        token = secrets.token_urlsafe(12)
        self._items[token] = (value, size)
        self._chars += size
        while len(self._items) > 1 and (
            len(self._items) > self.max_items or self._chars > self.max_chars
        ):
            _, (_, old) = self._items.popitem(last=False)
            self._chars -= old
        return token

    def get(self, token: str) -> T | None:
        item = self._items.get(token)
        if item is None:
            return None
        self._items.move_to_end(token)
        return item[0]


def _probe(corpus: Corpus) -> None:
    corpus.store.get_meta("schema_version")
    corpus.store.newest("documents")


def _prepare(corpus: Corpus) -> None:
    corpus.stats()
    corpus.vectors.refresh()


class Service:
    """The parts of a running service, started and stopped with the app."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        self.pool = WorkerPool(config)
        self.corpus = CorpusReader(config)
        self.reports: Recent[bytes] = Recent()
        self.searches: Recent[SearchResult] = Recent()

    @property
    def has_corpus(self) -> bool:
        return self.config.db is not None

    async def start(self) -> None:
        if self.has_corpus:
            # Bring the nearest-neighbour file up to date here, once, so the workers only
            # ever read it (rather than several racing to rewrite it on their first
            # search). An index that cannot be read does not stop the service: comparing
            # needs none, and the corpus routes answer 503 saying what is wrong with it.
            try:
                await self.corpus.read(_prepare)
            except IndexFileError as exc:
                log.error("serving without a usable index: %s", exc)
        await self.pool.start()

    async def close(self) -> None:
        await self.pool.close()
        await self.corpus.close()
