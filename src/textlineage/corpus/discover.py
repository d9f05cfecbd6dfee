"""Corpus-wide reuse discovery: candidates, verification, clusters and the site network.

1. One pass over the fingerprint postings (in hash order) finds, per site, the fingerprints
   that recur in many of that site's documents (templates, boilerplate) and counts, for
   every pair of documents, the other fingerprints they share.
2. Pairs sharing enough fingerprints are candidates, and so (unless ``semantic`` is off)
   is each document's best match of the window channel (:mod:`textlineage.corpus.windows`), which
   finds reworded passages that keep a passage's vocabulary but not its runs of words,
   and, when the index holds multilingual vectors, each document's nearest leads in other
   languages (:mod:`textlineage.corpus.multilingual`): translations.
   Each candidate is *verified* by the pairwise alignment, with the site's boilerplate
   sentences blanked out (replaced by spaces, so offsets stay true); pairs the window
   channel finds close get the semantic stage when the lexical one does not find them
   derived.
3. Only verified relations become edges: clusters are connected components of those edges,
   never of unverified sketch hits. The index's exact duplicates join them as mirrors
   (:mod:`.mirrors`); each cluster's lineage (:mod:`textlineage.network.lineage`) gives
   every member one parent, and the site network and timeline follow those links.
"""

from __future__ import annotations

import logging
import os
import resource
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from ..compare import CompareConfig
from ..embed import semantic_available
from ..engines.pool import process_pool
from ..network import DocInfo, cluster_record, network_record
from ..outputs import ensure_dir
from ..text.sketch import content_terms
from ..types import Document
from .boilerplate import (
    BOILERPLATE_MIN_DOCS,
    BOILERPLATE_SHARE,
    SITE_MIN_DOCS,
    boilerplate_sentences,
    mask_boilerplate,
)
from .config import CorpusConfig
from .mirrors import duplicate_members
from .multilingual import crosslingual_pairs, multilingual_usable
from .pairscan import ScanConfig, scan_pairs
from .results import relation_record, write_discovery, write_summary
from .schema import StoredDocument
from .store import Store
from .verify import VerifiedPair, date_meta, verify_pair
from .windows import build_windows, candidate_scores, select_pairs

log = logging.getLogger(__name__)

PAIR_CHUNK = 64


def _scan_postings(
    store: Store, site_of: dict[int, str], max_df: int, min_evidence: float
) -> tuple[dict[tuple[int, int], float], int]:
    """Candidate pairs with their evidence (at least ``min_evidence``), and how many
    (hash, site) boilerplate marks were found (see :mod:`textlineage.corpus.pairscan`)."""
    cfg = ScanConfig(
        max_df=max_df,
        min_evidence=min_evidence,
        site_min_docs=SITE_MIN_DOCS,
        boiler_share=BOILERPLATE_SHARE,
        boiler_min_docs=BOILERPLATE_MIN_DOCS,
    )
    # Spilled shards go beside the index, where the space for the corpus is.
    here = store.path.parent
    workdir = here if os.access(here, os.W_OK) else None
    res = scan_pairs(store.iter_postings(), site_of, cfg, workdir=workdir)
    log.info("scan: %d pair incidences, %d candidates", res.incidences, len(res.pairs))
    return res.pairs, res.boiler_marks


# --- verification in worker processes ---------------------------------------------------

_W: dict[str, Any] = {}


MASKED_CACHE = 2048
"""Documents whose boilerplate-masked text a verification worker keeps (candidates come
sorted, so a document's pairs are near each other)."""


def _init_worker(path: str, boiler: dict[str, set[str]], cfg: CompareConfig) -> None:
    _W["store"] = Store(path, create=False)
    _W["boiler"] = boiler
    _W["semantic"] = cfg if cfg.semantic.enabled else None
    _W["lexical"] = replace(cfg, semantic=replace(cfg.semantic, enabled=False))
    _W["masked"] = OrderedDict()


def _masked(doc_id: int, text: str, site: str) -> str:
    """A document's text with its site's boilerplate blanked, once per worker."""
    cache: OrderedDict[int, str] = _W["masked"]
    if doc_id in cache:
        cache.move_to_end(doc_id)
        return cache[doc_id]
    masked, _ = mask_boilerplate(text, _W["boiler"].get(site, set()))
    cache[doc_id] = masked
    if len(cache) > MASKED_CACHE:
        cache.popitem(last=False)
    return masked


def _document(doc_id: int, stored: StoredDocument) -> Document:
    meta = date_meta(stored.date, stored.date_source)
    return Document(stored.ext_id, _masked(doc_id, stored.text, stored.site), meta)


def _verify_chunk(pairs: list[tuple[int, int, bool]]) -> list[VerifiedPair]:
    """Verify candidate pairs ``(a, b, close)`` (:func:`~.verify.verify_pair`): the
    semantic stage, when on, only for ``close`` pairs (chosen by the window channel within
    a budget)."""
    store: Store = _W["store"]
    docs = store.get_many(sorted({d for p in pairs for d in p[:2]}))
    out = []
    for a, b, close in pairs:
        if a not in docs or b not in docs:
            continue
        v = verify_pair(
            a,
            _document(a, docs[a]),
            b,
            _document(b, docs[b]),
            _W["lexical"],
            _W["semantic"] if close else None,
        )
        if v is not None:
            out.append(v)
    return out


def _chunks(items: list[tuple[int, int, bool]], n: int) -> Iterator[list[tuple[int, int, bool]]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


@dataclass
class CandidatePlan:
    """Which pairs discovery verifies, and how."""

    candidates: list[tuple[int, int, bool]]
    """``(a, b, close)`` sorted; ``close`` pairs get the semantic stage when it is on."""
    window_only: int
    """Candidates only the window channel found."""
    multilingual_only: int
    """Candidates only the multilingual channel found (documents in different languages
    whose leads are close)."""
    unconfirmed: int
    """Weak fingerprint candidates the window channel did not confirm (dropped)."""
    close: int
    semantic: bool
    """Whether the semantic stage runs (asked for, and its runtime installed)."""


def plan_candidates(
    lexical: Mapping[tuple[int, int], float],
    terms: Callable[[], Mapping[int, np.ndarray]],
    config: CorpusConfig,
    infos: Mapping[int, DocInfo],
    *,
    semantic: bool,
    crosslingual: Mapping[tuple[int, int], float] | None = None,
) -> CandidatePlan:
    """The candidates to verify from the fingerprint candidates ``lexical`` and, when
    ``semantic``, the window channel over the documents' content ``terms`` (read only
    then) and the multilingual channel's pairs ``crosslingual``
    (:func:`~.multilingual.crosslingual_pairs`). Every engine plans the same way."""
    window: set[tuple[int, int]] = set()
    close: set[tuple[int, int]] = set()
    unconfirmed: set[tuple[int, int]] = set()
    cross: set[tuple[int, int]] = set()
    if semantic:
        window, close, unconfirmed = window_pairs(terms(), config, infos, lexical)
        cross = set(crosslingual or ())
    # A pair in different languages is close: compare's translation stage, which runs
    # with the semantic one, is what verifies it.
    chosen = (lexical.keys() - unconfirmed) | window | cross
    return CandidatePlan(
        candidates=sorted((a, b, (a, b) in close or (a, b) in cross) for a, b in chosen),
        window_only=len(window - lexical.keys()),
        multilingual_only=len(cross - lexical.keys() - window),
        unconfirmed=len(unconfirmed),
        close=len(close | cross),
        semantic=semantic and (config.compare.embedder is not None or semantic_available()),
    )


def verify_config(config: CorpusConfig, semantic: bool) -> CompareConfig:
    """How candidates are verified: the corpus's comparison settings without facts, and
    without the semantic stage unless ``semantic``."""
    cfg = replace(config.compare, facts=False)
    if not semantic:
        cfg = replace(cfg, semantic=replace(cfg.semantic, enabled=False))
    return cfg


def discovery_summary(
    infos: Mapping[int, DocInfo],
    plan: CandidatePlan,
    verified: Sequence[VerifiedPair],
    clusters: int,
    boiler: Mapping[str, set[str]],
    boiler_marks: int,
    seconds: Mapping[str, float],
    *,
    outputs_s: float,
    total_s: float,
    extra: Mapping[str, Any] | None = None,
    exact_duplicates: int = 0,
    mirrors: int = 0,
) -> dict[str, Any]:
    """``summary.json``: what was found and how long each stage took. ``documents`` and
    ``verified_relations`` count indexed documents and aligned pairs; the exact
    duplicates the index recorded, which join the clusters as mirrors, are counted
    apart, and so are all mirrors (exact and near-exact)."""
    return {
        **(extra or {}),
        "documents": len(infos),
        "candidate_pairs": len(plan.candidates),
        "window_candidate_pairs": plan.window_only,
        "multilingual_candidate_pairs": plan.multilingual_only,
        "unconfirmed_lexical_pairs": plan.unconfirmed,
        "semantic_budget_pairs": plan.close if plan.semantic else 0,
        "verified_relations": len(verified),
        "clusters": clusters,
        "exact_duplicates": exact_duplicates,
        "mirrors": mirrors,
        "boilerplate_sites": len(boiler),
        "boilerplate_sentences": sum(len(s) for s in boiler.values()),
        "boilerplate_fingerprint_marks": boiler_marks,
        "semantic": plan.semantic,
        "seconds": {
            **{k: round(v, 2) for k, v in seconds.items()},
            "outputs": round(outputs_s, 2),
            "total": round(total_s, 2),
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def discover(
    store: Store,
    config: CorpusConfig,
    out_dir: Path,
    *,
    semantic: bool = True,
    workers: int = 2,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Find, verify and write every reuse relation of the corpus in ``store`` into
    ``out_dir`` (and into the store, for ``show`` and ``serve``).

    With ``semantic`` (the default), each document's best partners in the window channel
    are candidates too, and candidates close there get the semantic stage (when its runtime
    is installed) if the lexical alignment does not find them derived.
    """
    t0 = time.perf_counter()
    # Checked first: a folder that cannot be written fails now, not after verification.
    ensure_dir(out_dir)
    # Before reading anything: texts replaced from now on leave the results marked stale.
    generation = store.generation()
    infos: dict[int, DocInfo] = {}
    for doc_id, ext_id, site, date, url, title, chars, lang in store.iter_documents(
        "doc_id, ext_id, site, date, url, title, chars, language"
    ):
        infos[int(doc_id)] = DocInfo(int(doc_id), ext_id, site, date, url, title, int(chars), lang)
    site_of = {d: i.site for d, i in infos.items()}
    site_size = Counter(site_of.values())

    # The site boilerplate pass reads every text and needs nothing from the two stages
    # after it: with a second core it runs in a worker meanwhile.
    side = process_pool(1) if workers > 1 else None
    try:
        pending = side.submit(_site_boilerplate, str(store.path), site_size) if side else None
        t = time.perf_counter()
        lexical, boiler_marks = _scan_postings(
            store, site_of, config.max_df(len(infos)), config.min_evidence
        )
        scan_s = time.perf_counter() - t
        t = time.perf_counter()
        cross = _crosslingual(store, config) if semantic else {}
        multilingual_s = time.perf_counter() - t
        t = time.perf_counter()
        plan = plan_candidates(
            lexical,
            lambda: _stored_terms(store, infos),
            config,
            infos,
            semantic=semantic,
            crosslingual=cross,
        )
        window_s = time.perf_counter() - t
        t = time.perf_counter()
        boiler, boiler_s = pending.result() if pending else _site_boilerplate(store, site_size)
        wait_s = time.perf_counter() - t
    finally:
        if side is not None:
            side.shutdown(cancel_futures=True)

    cfg = verify_config(config, plan.semantic)
    candidates = plan.candidates
    del lexical
    t = time.perf_counter()
    verified: list[VerifiedPair] = []
    chunks = list(_chunks(candidates, PAIR_CHUNK))
    done = 0
    if workers <= 1 or len(chunks) <= 1:
        _init_worker(str(store.path), boiler, cfg)
        for ch in chunks:
            verified.extend(_verify_chunk(ch))
            done += len(ch)
            if progress:
                progress(done, len(candidates))
    else:
        with process_pool(
            workers, initializer=_init_worker, initargs=(str(store.path), boiler, cfg)
        ) as ex:
            for ch, res in zip(chunks, ex.map(_verify_chunk, chunks), strict=True):
                verified.extend(res)
                done += len(ch)
                if progress:
                    progress(done, len(candidates))
    verify_s = time.perf_counter() - t

    t = time.perf_counter()
    dup_infos, dup_pairs = duplicate_members(store, infos)
    members = {**infos, **dup_infos}
    relations = sorted([*verified, *dup_pairs], key=lambda v: (v.a, v.b))
    results = write_discovery(out_dir, members, relations, boiler)
    summary = discovery_summary(
        infos,
        plan,
        verified,
        len(results.clusters),
        boiler,
        boiler_marks,
        {
            "scan": scan_s,
            "windows": window_s,
            "multilingual": multilingual_s,
            "boilerplate": boiler_s,
            "boilerplate_wait": wait_s,
            "verify": verify_s,
        },
        outputs_s=time.perf_counter() - t,
        total_s=time.perf_counter() - t0,
        exact_duplicates=len(dup_infos),
        mirrors=sum(c.mirrors for c in results.clusters),
    )
    write_summary(out_dir, summary)
    replaced = store.save_discovery(
        ((v.a, v.b, relation_record(v)) for v in relations),
        ((c.cluster_id, c.members, cluster_record(c, members)) for c in results.clusters),
        network=network_record(results.network),
        svg=results.svg,
        summary=summary,
        generation=generation,
    )
    if replaced:
        log.warning(
            "%s: %d text(s) replaced while discover ran: the results may hold their old "
            "text and are marked stale; run discover again",
            store.path,
            replaced,
        )
    return summary


def _site_boilerplate(
    store: Store | str, site_size: Mapping[str, int]
) -> tuple[dict[str, set[str]], float]:
    """Every site's boilerplate sentences (:func:`~.boilerplate.boilerplate_sentences`)
    over the documents of ``store`` (or of the index file at that path), and the seconds
    it took."""
    t = time.perf_counter()
    own = isinstance(store, str)
    st = Store(store, create=False) if isinstance(store, str) else store
    try:
        docs = ((site, text) for _, site, text in st.iter_documents("doc_id, site, text"))
        return boilerplate_sentences(docs, site_size), time.perf_counter() - t
    finally:
        if own:
            st.close()


def multilingual_candidates(
    ids: np.ndarray, languages: Sequence[str], matrix: np.ndarray, config: CorpusConfig
) -> dict[tuple[int, int], float]:
    """The multilingual channel's candidate pairs over documents' lead vectors (every
    engine calls this, on the driver)."""
    if not len(ids):
        return {}
    return crosslingual_pairs(
        ids,
        languages,
        matrix,
        config.multilingual_neighbours,
        config.multilingual_min,
        config.multilingual_nearest_min,
    )


def _crosslingual(store: Store, config: CorpusConfig) -> dict[tuple[int, int], float]:
    """The multilingual channel over the index's lead vectors, when it holds usable ones."""
    if not multilingual_usable(store):
        return {}
    ids, languages, matrix = store.multilingual_vectors()
    pairs = multilingual_candidates(ids, languages, matrix, config)
    log.info("multilingual: %d candidate pairs over %d vectors", len(pairs), len(ids))
    return pairs


def _stored_terms(store: Store, ids: Iterable[int]) -> dict[int, np.ndarray]:
    """Each document's content terms: stored at ingest, else read from its text (indexed
    before terms were stored, or with ``--no-semantic``)."""
    stored = dict(store.iter_terms()) if store.has_terms else {}
    missing = [d for d in ids if d not in stored]
    for at in range(0, len(missing), 2000):
        for d, doc in store.get_many(missing[at : at + 2000]).items():
            stored[d] = content_terms(doc.text)
    return stored


def window_pairs(
    terms: Mapping[int, np.ndarray],
    config: CorpusConfig,
    infos: Mapping[int, DocInfo],
    lexical: Mapping[tuple[int, int], float],
) -> tuple[set[tuple[int, int]], set[tuple[int, int]], set[tuple[int, int]]]:
    """The window channel's candidates; the pairs (of those and ``lexical``) close enough
    there for the semantic stage; and the fingerprint candidates it does not confirm (too
    little fingerprint evidence to stand alone, windows below ``confirm``)."""
    cfg = config.windows
    # Positions in external-id order: ties (equal scores) then break the same way whatever
    # order the documents were added in.
    ids = sorted(infos, key=lambda d: (infos[d].ext_id, d))
    seqs = [terms.get(d, _NO_TERMS) for d in ids]
    wm = build_windows(seqs, cfg)
    del seqs
    n = wm.n_docs
    pos = {d: i for i, d in enumerate(ids)}
    # The window scores of the fingerprint candidates are wanted too (confirmation, the
    # semantic budget); of the other pairs only those selection may choose are kept.
    wanted = np.fromiter(
        (min(pos[a], pos[b]) * n + max(pos[a], pos[b]) for a, b in lexical),
        dtype=np.int64,
        count=len(lexical),
    )
    scores = candidate_scores(wm, [infos[d].site for d in ids], cfg, wanted)
    del wm, wanted
    selected = {(min(ids[i], ids[j]), max(ids[i], ids[j])) for i, j in select_pairs(scores, n, cfg)}

    def score(a: int, b: int) -> float:
        i, j = sorted((pos[a], pos[b]))
        return scores.get(i * n + j, 0.0)

    def same_site(a: int, b: int) -> bool:
        return bool(infos[a].site) and infos[a].site == infos[b].site

    # Pages of one site are never scored by windows: the fingerprints alone decide there.
    alone = config.min_evidence_alone
    unconfirmed = {
        (a, b)
        for (a, b), e in lexical.items()
        if e < alone and score(a, b) < cfg.confirm and not same_site(a, b)
    }
    # Pairs only the window channel found first (the lexical evidence is weakest there),
    # then by score, then by position (external ids).
    near = []
    for a, b in (lexical.keys() - unconfirmed) | selected:
        s = score(a, b)
        if s >= cfg.close:
            near.append(((a, b) in lexical, -s, sorted((pos[a], pos[b])), a, b))
    near.sort()
    return selected, {(a, b) for *_, a, b in near[: cfg.semantic_pairs]}, unconfirmed


_NO_TERMS = np.zeros(0, dtype=np.uint32)
