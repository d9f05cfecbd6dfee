"""A corpus: the persistent index, "where did this come from?" search, and discovery.

:class:`Corpus` is the Python API; the CLI only adapts it. It builds on the pairwise
engine's kernels: candidates come from lexical sketches (shared fingerprints, which find
partial as well as whole reuse) and from document embeddings (which find rewrites), and
every reported relation is verified by the same alignment as ``compare``.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import numpy as np

from ..compare import CompareConfig, with_facts
from ..embed import CachedEmbedder, Embedder, default_embedder, semantic_available
from ..errors import IndexFileError
from ..ingest import DEFAULT_MAX_BYTES, FieldMap, Record, RecordError, iter_records
from ..text.claims import ClaimKeyConfig
from ..text.sketch import SketchConfig, content_terms, sketch
from ..types import Comparison, Document
from .adding import AddPlan, add_records
from .ann import VectorIndex
from .claims import backfill_keys, search_claim, search_notes
from .config import CorpusConfig
from .docvectors import (
    document_embedder,
    document_vector,
    ingest_vectors,
    vectors_usable,
)
from .hits import AddSummary, SearchHit, SearchResult, reused_chars, stored_to_document
from .multilingual import (
    META_MODEL,
    document_language,
    ingest_multilingual,
    search_candidates,
)
from .schema import StoredDocument
from .store import Store
from .store_replace import STALE
from .story import tell_stories
from .verify import compare_within_limits
from .windows import score_against

__all__ = [
    "AddSummary",
    "Corpus",
    "CorpusConfig",
    "SearchHit",
    "SearchResult",
    "stored_to_document",
]

log = logging.getLogger(__name__)


class Corpus:
    """An indexed corpus in one SQLite file (embeddings inside it, as float16 blobs)."""

    def __init__(self, store: Store, config: CorpusConfig) -> None:
        self.store = store
        self.config = config
        self.vectors = VectorIndex(store)
        """Nearest-neighbour search over the stored document embeddings."""
        self._multilingual: dict[str, VectorIndex] = {}
        """Nearest-neighbour search over each language's multilingual vectors."""

    # --- lifecycle ------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        config: CorpusConfig | None = None,
    ) -> Corpus:
        """Open (or create) the index at ``path``."""
        store = Store(Path(path), create=create)
        cfg = config or CorpusConfig()
        saved = store.get_meta("sketch")
        if saved is None:
            if store.read_only is None:
                store.set_meta("sketch", cfg.sketch.spec())
        elif saved != cfg.sketch.spec():
            # An index keeps the sketch it was built with (older ones: no pair fingerprints).
            cfg = replace(cfg, sketch=SketchConfig.from_spec(saved))
        keyed = store.get_meta("claims")
        if keyed is None:
            with suppress(IndexFileError):  # (read-only: its documents have no keys)
                store.set_meta("claims", cfg.claims.spec())
        elif keyed != cfg.claims.spec():
            saved_keys = ClaimKeyConfig.from_spec(keyed)
            cfg = replace(cfg, claims=replace(saved_keys, query_terms=cfg.claims.query_terms))
        return cls(store, cfg)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- ingest ---------------------------------------------------------------------

    def semantic_ready(self) -> bool:
        """True when the semantic stage can run (a model configured, or the runtime installed)."""
        return self.config.compare.embedder is not None or semantic_available()

    def _embedder(self, semantic: bool | None) -> Embedder | None:
        want = semantic if semantic is not None else semantic_available()
        if not want:
            return None
        if self.config.compare.embedder is not None:
            return self.config.compare.embedder
        return default_embedder()

    def embeddings_usable(self) -> bool:
        """True when the index's document vectors were made by this version's model."""
        return vectors_usable(self.store)

    def document_embedding(self, emb: Embedder, text: str) -> np.ndarray | None:
        """One vector of the document (:func:`~.docvectors.document_vector`)."""
        return document_vector(emb, text, self.config.doc_embedding_tokens)

    def add(
        self,
        inputs: Sequence[str] | Iterable[Record | RecordError],
        *,
        fields: FieldMap | None = None,
        strict: bool = False,
        semantic: bool = True,
        embeddings: bool | None = None,
        multilingual: bool | None = None,
        progress: Callable[[int], None] | None = None,
        workers: int | None = None,
        on_conflict: str = "skip",
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> AddSummary:
        """Index documents from files, directories, globs (or records); incremental.

        A malformed record, or one over ``max_bytes`` (the document size limit,
        :data:`~textlineage.ingest.DEFAULT_MAX_BYTES`), is skipped and counted (or, with
        ``strict``, raises :class:`~textlineage.errors.InputError` after the batches
        before it committed). Exact duplicates of indexed text are recorded as
        duplicates, not indexed twice; records whose id is already in the index with the
        same text are passed over, so a rerun continues. An id already indexed with
        another text is counted in ``conflicts`` and, by ``on_conflict``: ``"skip"``
        keeps the indexed text; ``"replace"`` replaces it and everything derived from it
        (:mod:`~.store_replace`; the latest discovery is then marked stale); ``"error"``
        raises :class:`~textlineage.errors.InputError`, nothing of its batch written.
        With ``workers`` > 1 (default :attr:`CorpusConfig.ingest_workers`), sketches and
        document vectors are computed in that many processes (each loads the model once;
        this one does not) while this one parses input and writes.

        Unless ``semantic`` is False, every document's content terms are stored for the
        window channel (reworded-passage candidates, no model needed); ``embeddings`` stores
        a vector of each document (a static model, :mod:`~.docvectors`), a second semantic
        channel for search; None: when the index already holds some. Every document's
        language is stored; ``multilingual`` stores the multilingual vector of each
        document's lead (:mod:`~.multilingual`), for translated reuse in search and
        discovery, at about 0.6 s a document on one core; None: when the index already
        holds some.
        """
        self.store.require_writable()
        vectors = semantic and ingest_vectors(self.store, embeddings)
        lead_chars = (
            ingest_multilingual(self.store, multilingual, self.config.multilingual_lead_chars)
            if semantic
            else None
        )
        records: Iterable[Record | RecordError]
        if isinstance(inputs, Sequence) and all(isinstance(i, str) for i in inputs):
            records = iter_records(
                [str(i) for i in inputs], fields=fields or FieldMap(), max_bytes=max_bytes
            )
        else:
            records = cast("Iterable[Record | RecordError]", inputs)
        summary = add_records(
            self.store,
            self.config,
            records,
            AddPlan(
                strict=strict,
                terms=semantic,
                vector_tokens=self.config.doc_embedding_tokens if vectors else None,
                lead_chars=lead_chars,
                workers=self.config.ingest_workers if workers is None else workers,
                on_conflict=on_conflict,
                max_bytes=max_bytes,
            ),
            progress,
        )
        if summary.embedded or summary.replaced:
            self.vectors.refresh()
        if summary.multilingual or summary.replaced:
            self._multilingual.clear()
        return summary

    def add_claim_keys(self, progress: Callable[[int], None] | None = None) -> int:
        """Store the sentence keys (:mod:`textlineage.text.claims`) of documents indexed
        before this version, so that claim-length queries find them; returns how many."""
        if not self.store.has_claims:
            raise IndexFileError(f"{self.store.path}: read-only index without sentence keys")
        return backfill_keys(self.store, self.config, progress)

    # --- reads ----------------------------------------------------------------------

    def get(self, key: str | int) -> StoredDocument | None:
        """A document by external id or numeric doc_id (duplicates resolve to the original)."""
        return self.store.get(key)

    def stats(self) -> dict[str, Any]:
        docs = self.store.count("documents")
        size = self.store.size_bytes()
        with self.store.guard():
            text_bytes = self.store.conn.execute(
                "SELECT COALESCE(SUM(LENGTH(CAST(text AS BLOB))), 0) FROM documents"
            ).fetchone()[0]
            sites = self.store.conn.execute(
                "SELECT COUNT(DISTINCT site) FROM documents WHERE site != ''"
            ).fetchone()[0]
        return {
            "path": str(self.store.path),
            "documents": docs,
            "duplicates": self.store.count("duplicates"),
            "fingerprints": self.store.count("postings"),
            "sentence_keys": self.store.count("claims") if self.store.has_claims else 0,
            "documents_without_sentence_keys": self.store.unkeyed_documents(),
            "embeddings": self.store.count("embeddings"),
            "multilingual_vectors": self.store.count("multilingual"),
            "multilingual_model": self.store.get_meta(META_MODEL),
            "languages": {
                lang: {"documents": n, "multilingual_vectors": v}
                for lang, (n, v) in self.store.languages().items()
            },
            "sites": int(sites),
            "file_bytes": size,
            "text_bytes": int(text_bytes),
            "index_bytes_per_document": round((size - text_bytes) / docs, 1) if docs else 0.0,
            "discovery_stale": int(self.store.get_meta(STALE) or 0),
            "sketch": self.store.get_meta("sketch"),
            "schema_version": self.store.get_meta("schema_version"),
        }

    # --- search ---------------------------------------------------------------------

    def _max_df(self) -> int:
        # newest = the number of documents, read in O(log n)
        return self.config.max_df(self.store.newest("documents"))

    def search(
        self,
        query: Document,
        *,
        top: int = 10,
        semantic: bool | None = None,
        compare_config: CompareConfig | None = None,
    ) -> SearchResult:
        """Indexed documents this text reuses or that reuse it, verified and ranked.

        ``compare_config`` replaces ``CorpusConfig.compare`` for this search (a plain
        ``CompareConfig()`` asks local matches for the pairwise 8 words in order, not the
        corpus' :data:`~textlineage.align.evidence.CORPUS_LOCAL_ANCHOR`). A claim-length
        query (up to ``CorpusConfig.claim_max_chars``) is looked up by its sentences
        (:func:`.claims.search_claim`). Raises ``ValueError`` for ``top`` below 1."""
        if top < 1:
            raise ValueError(f"top must be at least 1, not {top}")
        notes = search_notes(self.store, self.config, query)
        if len(query.text) <= self.config.claim_max_chars and self.store.has_claims:
            return search_claim(
                self.store, self.config, query, top, compare_config or self.config.compare, notes
            )
        timings: dict[str, float] = {}
        t = time.perf_counter()
        shared, common, evidence = self.store.candidates(
            sketch(query.text, self.config.sketch), max_df=self._max_df()
        )
        rare = {
            d: e
            for d, e in evidence.items()
            if e >= self.config.min_evidence and shared[d] >= self.config.min_shared
        }
        if rare:
            # Strongest evidence first: fingerprints that few other documents hold.
            lexical = sorted(rare.items(), key=lambda x: (-x[1], x[0]))[: self.config.verify]
        else:
            # Only common fingerprints: a very widely reprinted text.
            shared = common
            lexical = sorted(
                ((d, float(n)) for d, n in common.items() if n >= self.config.min_shared),
                key=lambda x: (-x[1], x[0]),
            )[: self.config.verify]
        timings["lexical_candidates"] = time.perf_counter() - t

        t = time.perf_counter()
        window: dict[int, float] = {}
        closeness: dict[int, float] | None = None  # None: no window channel here
        if semantic is not False and self.store.has_terms:
            window, closeness = self._window_candidates(query, evidence, common)
        timings["window_candidates"] = time.perf_counter() - t

        t = time.perf_counter()
        sem_sim: dict[int, float] = {}
        usable = semantic is not False and self.embeddings_usable()
        emb = document_embedder(None) if usable else None
        if emb is not None:
            qv = self.document_embedding(emb, query.text)
            if qv is not None:
                for doc_id, sim in self.vectors.search(qv, self.config.semantic_candidates):
                    if sim >= self.config.semantic_min:
                        sem_sim[doc_id] = sim
        timings["semantic_candidates"] = time.perf_counter() - t

        t = time.perf_counter()
        query_language = document_language(query.text)
        cross: dict[int, float] = {}
        if semantic is not False:
            cross = search_candidates(self.store, self.config, query, self._multilingual)
        timings["multilingual_candidates"] = time.perf_counter() - t

        t = time.perf_counter()
        cand_ids = [d for d, _ in lexical]
        seen = set(cand_ids)
        for d in [*window, *sem_sim, *cross]:
            if d not in seen:
                seen.add(d)
                cand_ids.append(d)
        docs = self.store.get_many(cand_ids)
        base = compare_config or self.config.compare
        cfg = replace(base, facts=False)
        if semantic is False:
            cfg = replace(cfg, semantic=replace(cfg.semantic, enabled=False))
        elif (
            (emb is not None or window or cross) and cfg.semantic.enabled and self.semantic_ready()
        ):
            # The query's sentences are the same in every verification: encode them once.
            model = self._embedder(True)
            if model is not None and not isinstance(model, CachedEmbedder):
                cfg = replace(cfg, embedder=CachedEmbedder(model))
        lexical_cfg = replace(cfg, semantic=replace(cfg.semantic, enabled=False))
        hits: list[SearchHit] = []
        # Pairs the lexical stage does not find derived and that are close (windows, or
        # embeddings), or nothing says how close: the semantic stage, closest first.
        second: list[tuple[float, float, int, int]] = []  # (-window, -embedding, order, id)
        verdicts: dict[int, Comparison] = {}
        found: list[int] = []  # shared fingerprints of the lexical stage's hits
        misses = 0
        for d in cand_ids:
            if d not in docs:
                continue
            if (
                d not in sem_sim
                and d not in window
                and d not in cross
                and (
                    misses >= self.config.verify_patience
                    or (len(found) >= top and shared.get(d, 0) < min(found))
                )
            ):
                # The lexical signal has tailed off, or ``top`` hits each share more
                # fingerprints (a proxy for reused text) than this candidate.
                continue
            if d in cross and cfg.semantic.enabled:
                # A document in another language: only the translation stage (which
                # runs with the semantic one) can see what it shares with the query.
                crossed = compare_within_limits(query, stored_to_document(docs[d]), cfg)
                if crossed is not None:
                    verdicts[d] = crossed
                continue
            c = compare_within_limits(query, stored_to_document(docs[d]), lexical_cfg)
            if c is None:
                continue
            verdicts[d] = c
            if (
                c.verdict != "derived"
                and cfg.semantic.enabled
                and (
                    closeness is None
                    or d in sem_sim
                    or closeness.get(d, 0.0) >= self.config.windows.close
                )
            ):
                # Window closeness first (the channel that sees rewording), then the
                # embedding similarity (another scale), then candidate order.
                near = (-(closeness or {}).get(d, 0.0), -sem_sim.get(d, 0.0))
                second.append((*near, len(second), d))
            if c.verdict == "independent":
                misses += 1
            else:
                misses = 0
                found.append(shared.get(d, 0))
        for *_, d in sorted(second)[: self.config.semantic_verify]:
            verdicts[d] = (
                compare_within_limits(query, stored_to_document(docs[d]), cfg) or verdicts[d]
            )
        for d, c in verdicts.items():
            if c.verdict != "independent":
                hits.append(
                    SearchHit(
                        docs[d],
                        c,
                        shared.get(d, 0),
                        sem_sim.get(d),
                        window.get(d),
                        cross.get(d),
                    )
                )
        hits.sort(key=lambda h: (-reused_chars(h.comparison), h.doc.doc_id))
        timings["verify"] = time.perf_counter() - t
        t = time.perf_counter()
        kept = tell_stories(hits[:top], self.store)
        if base.facts:
            kept = [replace(h, comparison=with_facts(h.comparison)) for h in kept]
        timings["facts"] = time.perf_counter() - t
        timings["total"] = sum(timings.values())
        return SearchResult(
            query, tuple(kept), len(cand_ids), timings, query_language, tuple(notes)
        )

    def _window_candidates(
        self, query: Document, evidence: dict[int, float], common: dict[int, int]
    ) -> tuple[dict[int, float], dict[int, float]]:
        """The window channel in search: of the ``window_pool`` documents with the most
        fingerprint evidence, those whose best window cosine with the query is at least
        ``window_min`` (best first, at most ``semantic_candidates``); and every pool
        document's score."""
        weight = dict(evidence)
        for d, n in common.items():
            weight[d] = weight.get(d, 0.0) + n / (self.config.max_df_cap + 1)
        pool = [d for d, _ in sorted(weight.items(), key=lambda x: (-x[1], x[0]))]
        pool = pool[: self.config.window_pool]
        if not pool:
            return {}, {}
        stored = self.store.terms_of(pool)
        pool = [d for d in pool if d in stored]
        scores = score_against(
            content_terms(query.text),
            [stored[d] for d in pool],
            self.config.windows,
            corpus_df=self.store.term_df,
            corpus_size=self.store.terms_documents(),
        )
        ranked = sorted(
            (
                (float(sc), d)
                for d, sc in zip(pool, scores, strict=True)
                if sc >= self.config.window_min
            ),
            key=lambda x: (-x[0], x[1]),
        )
        every = {d: float(sc) for d, sc in zip(pool, scores, strict=True)}
        return {d: sc for sc, d in ranked[: self.config.semantic_candidates]}, every

    # --- discovery ------------------------------------------------------------------

    def discover(
        self,
        out_dir: str | os.PathLike[str],
        *,
        semantic: bool = True,
        workers: int = 2,
        progress: Callable[[int, int], None] | None = None,
    ) -> dict[str, Any]:
        """Every verified reuse relation in the corpus, written to ``out_dir`` (``semantic``:
        embedding neighbours as candidates too, when the index holds embeddings)."""
        from ..engines.local import LocalEngine

        self.store.require_writable()  # the results are stored in the index
        engine = LocalEngine(self.store, self.config, workers)
        return engine.discover(Path(out_dir), semantic=semantic, progress=progress)

    # --- stored discovery results ---------------------------------------------------

    def clusters(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Clusters of the latest :meth:`discover` run, largest first (a page of them).

        Each is the ``clusters.jsonl`` record; empty when discovery never ran.
        """
        if limit < 0 or offset < 0:
            raise ValueError("limit and offset must not be negative")
        return self.store.clusters(limit, offset)

    def cluster(self, cluster_id: int) -> dict[str, Any] | None:
        """One cluster with the verified relations between its members, or None."""
        rec = self.store.cluster(cluster_id)
        if rec is None:
            return None
        members = [m["doc_id"] for m in rec["members"]]
        inside = set(members)
        rec["relations"] = [
            r for r in self.store.relations(members) if r["a"] in inside and r["b"] in inside
        ]
        return rec

    def relations(self, key: str | int) -> list[dict[str, Any]]:
        """Verified relations of one document from the latest :meth:`discover` run."""
        doc = self.store.get(key)
        return [] if doc is None else self.store.relations([doc.doc_id])

    def cluster_of(self, key: str | int) -> int | None:
        """The id of the cluster holding a document, or None."""
        doc = self.store.get(key)
        return None if doc is None else self.store.cluster_of(doc.doc_id)

    def network(self) -> dict[str, Any] | None:
        """The site network of the latest :meth:`discover` run, or None when it never ran.

        ``sites`` and ``edges`` as in ``sites.csv``, ``svg`` the picture and ``summary`` the
        run's ``summary.json``.
        """
        raw = self.store.get_meta("network")
        if raw is None:
            return None
        out: dict[str, Any] = json.loads(raw)
        out["svg"] = self.store.get_meta("network_svg") or ""
        out["summary"] = json.loads(self.store.get_meta("discovery") or "{}")
        return out
