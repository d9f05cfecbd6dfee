"""What the HTTP layer talks to: the worker pool, the corpus reader, recent search results.

Nothing here knows about HTTP; the routes in :mod:`textlineage.web.app` adapt it.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, TypeVar

from ..corpus.index import Corpus, SearchResult
from ..errors import NoCorpus
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
    """

    def __init__(self, config: ServiceConfig) -> None:
        self.path = config.db
        self._corpus: Corpus | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="textlineage-db")

    def _open(self) -> Corpus:
        if self.path is None:
            raise NoCorpus()
        if self._corpus is None:
            self._corpus = Corpus.open(self.path, create=False)
        return self._corpus

    async def read(self, fn: Callable[[Corpus], T]) -> T:
        """``fn(corpus)`` on the reader thread."""
        if self.path is None:
            raise NoCorpus()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, lambda: fn(self._open()))

    async def close(self) -> None:
        def shut() -> None:
            if self._corpus is not None:
                self._corpus.close()
                self._corpus = None

        await asyncio.get_running_loop().run_in_executor(self._thread, shut)
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
            # Fail at start, not at the first request, when the index cannot be read; and
            # bring the nearest-neighbour file up to date here, once, so the workers only
            # ever read it (rather than several racing to rewrite it on their first search).
            await self.corpus.read(_prepare)
        await self.pool.start()

    async def close(self) -> None:
        await self.pool.close()
        await self.corpus.close()
