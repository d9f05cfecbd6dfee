"""Nearest neighbours among the stored document embeddings.

The SQLite file holds every embedding (float16) and stays the source of truth. Beside it,
``<index>.usearch`` holds an HNSW graph of the same vectors (usearch, int8, cosine),
memory-mapped for search: at a million documents a brute-force
scan would read 1.5 GB per query. The graph file is derived data: documents are only ever
added and their ids only grow, so on open it is brought up to date by adding the vectors of
documents newer than the newest it holds, and rewritten atomically (temporary file, then
rename). A missing, stale or damaged file is rebuilt from SQLite. A text replaced in
place (``index add --on-conflict replace``) starts a new generation of the index, whose
graph is a new file, ``<index>.g<N>.usearch``, built afresh. Without usearch (the
``semantic`` extra) the scan is exact, in memory.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..embed import onnx_available
from .store_replace import GENERATION

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger(__name__)

__all__ = ["VectorIndex", "ann_available"]

SUFFIX = ".usearch"
EXACT_BELOW = 20_000
"""Below this many vectors an exact scan is as fast as the graph; no file is written."""


EXPANSION_SEARCH = 128
"""Candidates a graph search keeps (usearch's default is 64): recall for latency."""


def ann_available() -> bool:
    try:
        _import_usearch()
    except ImportError:
        return False
    return True


def _import_usearch() -> Any:
    """usearch's ``Index``, with ONNX Runtime (when installed) loaded first: in one process,
    importing onnxruntime after usearch crashes the interpreter (a segmentation fault with
    usearch 2.26 and onnxruntime 1.32; the other order works)."""
    if onnx_available():
        import onnxruntime  # noqa: F401

    from usearch.index import Index

    return Index


class VectorIndex:
    """Top-k cosine neighbours of a query vector among a store's document embeddings, or
    among the multilingual vectors of one language (``table="multilingual"``,
    ``language``: its graph is ``<index>.multilingual-<language>.usearch``)."""

    def __init__(
        self,
        store: Store,
        *,
        exact_below: int = EXACT_BELOW,
        table: str = "embeddings",
        language: str | None = None,
    ) -> None:
        self.store = store
        self.table = table
        self.language = language
        part = "" if language is None else f".{table}-{re.sub(r'[^A-Za-z0-9-]', '_', language)}"
        self._prefix = f"{store.path}{part}"
        self.path = Path(f"{self._prefix}{SUFFIX}")
        """The graph file (of the index's current generation: see :meth:`refresh`)."""
        self.exact_below = exact_below
        self._stamp: tuple[int, str] | None = None
        self._graph: Any = None
        self._exact: tuple[np.ndarray, np.ndarray] | None = None

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Up to ``k`` (doc_id, cosine) pairs, most similar first."""
        return self.search_many(np.asarray(query, dtype=np.float32)[None, :], k)[0]

    def search_many(self, queries: np.ndarray, k: int) -> list[list[tuple[int, float]]]:
        """:meth:`search` for each row of ``queries``."""
        self.refresh()
        q = np.asarray(queries, dtype=np.float32)
        if self._graph is not None:
            if len(self._graph) == 0 or k <= 0:
                return [[] for _ in range(len(q))]
            threads = 1 if len(q) == 1 else os.cpu_count() or 1
            m = self._graph.search(q, min(k, len(self._graph)), threads=threads)
            keys, dists = np.atleast_2d(m.keys), np.atleast_2d(m.distances)
            # One query gives Matches (no counts), several give BatchMatches.
            counts = np.atleast_1d(np.asarray(getattr(m, "counts", keys.shape[1])))
            return [
                [(int(keys[r, i]), 1.0 - float(dists[r, i])) for i in range(int(counts[r]))]
                for r in range(len(q))
            ]
        assert self._exact is not None
        ids, mat = self._exact
        out: list[list[tuple[int, float]]] = []
        for start in range(0, len(q), 1024):
            if not len(ids) or k <= 0:
                out.extend([] for _ in q[start : start + 1024])
                continue
            sims = q[start : start + 1024] @ mat.T
            top = np.argsort(-sims, axis=1)[:, :k]
            out.extend(
                [(int(ids[c]), float(row[c])) for c in cols]
                for row, cols in zip(sims, top, strict=True)
            )
        return out

    def refresh(self) -> None:
        """Bring the graph up to date with the store (done before each search, and by
        :meth:`Corpus.add <textlineage.corpus.index.Corpus.add>` after adding embeddings).

        Documents are only added, except when ``index add --on-conflict replace`` gives an
        indexed id a new text: that bumps the index's generation
        (:data:`~.store_replace.GENERATION`), and each generation has a graph file of its
        own (``<index>.g<N>.usearch``), built afresh from SQLite."""
        generation = self.store.get_meta(GENERATION) or ""
        stamp = (self.store.newest(self.table, self.language), generation)
        if stamp == self._stamp:
            return
        self._stamp = stamp
        self.path = Path(f"{self._prefix}{f'.g{generation}' if generation else ''}{SUFFIX}")
        n = self.store.count(self.table, self.language)
        if n < self.exact_below or not ann_available():
            self._graph = None
            self._exact = self.store.embeddings(table=self.table, language=self.language)
            return
        self._exact = None
        self._graph = self._sync(n)

    def _sync(self, n: int) -> Any:
        Index = _import_usearch()

        graph: Any = None
        if self.path.exists():
            try:
                # Up to date: memory-map it (processes share the pages); else load to extend.
                graph = Index.restore(str(self.path), view=True)
                if graph is not None and len(graph) < n:
                    graph = Index.restore(str(self.path), view=False)
            except Exception as exc:  # any damage means: rebuild
                log.warning("%s: unreadable (%s); rebuilding from the index", self.path, exc)
                graph = None
        if graph is not None and len(graph) > n:
            log.warning("%s: holds more vectors than the index; rebuilding", self.path)
            graph = None
        if graph is None:
            graph = Index(
                ndim=self._ndim(), metric="cos", dtype="i8", expansion_search=EXPANSION_SEARCH
            )
            newest = 0
        else:
            newest = int(np.max(graph.keys)) if len(graph) else 0
        graph.expansion_search = EXPANSION_SEARCH
        if len(graph) < n:
            added = 0
            for ids, mat in self.store.iter_embeddings(
                after=newest, table=self.table, language=self.language
            ):
                graph.add(ids, mat, threads=os.cpu_count() or 1)
                added += len(ids)
            log.info("%s: added %d vectors (%d in all)", self.path, added, len(graph))
            tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            graph.save(str(tmp))
            os.replace(tmp, self.path)
            self._drop_older_generations()
        return graph

    def _drop_older_generations(self) -> None:
        """Delete the graph files of earlier generations (derived data, now stale)."""
        for old in [Path(f"{self._prefix}{SUFFIX}"), *_glob_paths(f"{self._prefix}.g*{SUFFIX}")]:
            if old != self.path:
                with contextlib.suppress(OSError):
                    old.unlink()

    def _ndim(self) -> int:
        ids, mat = self.store.embeddings_page(
            after=0, limit=1, table=self.table, language=self.language
        )
        return int(mat.shape[1]) if len(ids) else 384


def _glob_paths(pattern: str) -> list[Path]:
    """The paths matching ``pattern`` (its folder part taken literally)."""
    folder, name = os.path.split(pattern)
    return [Path(p) for p in glob.glob(os.path.join(glob.escape(folder), name))]
