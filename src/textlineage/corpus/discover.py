"""Corpus-wide reuse discovery: candidates, verification, clusters and the site network.

1. One pass over the fingerprint postings (in hash order) finds, per site, the fingerprints
   that recur in many of that site's documents (templates, boilerplate) and counts, for
   every pair of documents, the other fingerprints they share.
2. Pairs sharing enough fingerprints are candidates, and so (unless ``semantic`` is off)
   is each document's best match of the window channel (:mod:`textlineage.corpus.windows`), which
   finds reworded passages that keep a passage's vocabulary but not its runs of words.
   Each candidate is *verified* by the pairwise alignment, with the site's boilerplate
   sentences blanked out (replaced by spaces, so offsets stay true); pairs the window
   channel finds close get the semantic stage when the lexical one does not find them
   derived.
3. Only verified relations become edges: clusters are connected components of those edges,
   never of unverified sketch hits; the site network aggregates them.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import time
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..compare import CompareConfig, compare
from ..engines.local import process_pool
from ..network import (
    DocInfo,
    Relation,
    build_clusters,
    cluster_record,
    network_record,
    render_network_svg,
    site_network,
    timeline,
    write_clusters_jsonl,
    write_graphml,
    write_sites_csv,
    write_timeline_csv,
)
from ..text.normalise import fold
from ..text.segment import split_sentences
from ..text.sketch import content_terms
from ..types import Document
from .pairscan import ScanConfig, scan_pairs
from .store import Store
from .windows import build_windows, candidate_scores, select_pairs

if TYPE_CHECKING:
    from .index import Corpus

log = logging.getLogger(__name__)

BOILERPLATE_SHARE = 0.3
BOILERPLATE_MIN_DOCS = 3
SITE_MIN_DOCS = 5
EDGE_SHARE = 0.2
PAIR_CHUNK = 64


def _sentence_key(text: str) -> str:
    return " ".join(fold(text).split())


def _boilerplate_threshold(n_site: int) -> int:
    return max(BOILERPLATE_MIN_DOCS, int(BOILERPLATE_SHARE * n_site + 0.999))


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


def _boilerplate_sentences(store: Store, site_size: Counter[str]) -> dict[str, set[str]]:
    """Per site, the sentences that recur across its documents as a template.

    On a site with ``SITE_MIN_DOCS`` documents or more, a sentence is boilerplate when it
    recurs in ``BOILERPLATE_SHARE`` of them (at least ``BOILERPLATE_MIN_DOCS``). Smaller
    sites give too little evidence for shares, so there a sentence counts only when it
    recurs in two or more documents and every time sits in a document's head or tail
    (first or last ``EDGE_SHARE`` of the text), where mastheads and footers live; body text
    reused between a small site's articles stays reuse.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    edge: dict[str, Counter[str]] = defaultdict(Counter)
    for _doc_id, site, text in store.iter_documents("doc_id, site, text"):
        if not site or site_size[site] < 2:
            continue
        n = len(text) or 1
        seen: dict[str, bool] = {}
        for snt in split_sentences(text):
            key = _sentence_key(text[snt.start : snt.end])
            if len(key) < 20:
                continue
            at_edge = snt.end <= EDGE_SHARE * n or snt.start >= (1 - EDGE_SHARE) * n
            seen[key] = seen.get(key, True) and at_edge
        counts[site].update(seen.keys())
        edge[site].update(k for k, e in seen.items() if e)
    out: dict[str, set[str]] = {}
    for site, c in counts.items():
        n_site = site_size[site]
        if n_site >= SITE_MIN_DOCS:
            th = _boilerplate_threshold(n_site)
            sents = {k for k, n in c.items() if n >= th}
        else:
            sents = {k for k, n in c.items() if n >= 2 and edge[site][k] == n}
        if sents:
            out[site] = sents
    return out


def mask_boilerplate(text: str, sentences: set[str]) -> tuple[str, int]:
    """Blank out (with spaces) the sentences of ``text`` found in ``sentences``."""
    if not sentences:
        return text, 0
    chars = list(text)
    masked = 0
    for s in split_sentences(text):
        if _sentence_key(text[s.start : s.end]) in sentences:
            for k in range(s.start, s.end):
                if not chars[k].isspace():
                    chars[k] = " "
            masked += 1
    return ("".join(chars), masked) if masked else (text, 0)


# --- verification in worker processes ---------------------------------------------------

_W: dict[str, Any] = {}


MASKED_CACHE = 2048
"""Documents whose boilerplate-masked text a verification worker keeps (candidates come
sorted, so a document's pairs are near each other)."""


def _init_worker(path: str, boiler: dict[str, set[str]], cfg: CompareConfig) -> None:
    _W["store"] = Store(path, create=False)
    _W["boiler"] = boiler
    _W["cfg"] = cfg
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


def _verify_chunk(pairs: list[tuple[int, int, bool]]) -> list[dict[str, Any]]:
    """Verify candidate pairs ``(a, b, close)``: every pair by the lexical alignment; a pair
    the lexical stage does not find derived, again with the semantic stage when ``close``
    (chosen by the window channel, within a budget) and the stage is on."""
    store: Store = _W["store"]
    cfg: CompareConfig = _W["cfg"]
    docs = store.get_many(sorted({d for p in pairs for d in p[:2]}))
    out = []
    for a, b, close in pairs:
        if a not in docs or b not in docs:
            continue
        da, db = docs[a], docs[b]
        ta = _masked(a, da.text, da.site)
        tb = _masked(b, db.text, db.site)
        if not ta.strip() or not tb.strip():
            continue
        pair = (
            Document(da.ext_id, ta, {"date": da.date} if da.date else {}),
            Document(db.ext_id, tb, {"date": db.date} if db.date else {}),
        )
        c = compare(*pair, _W["lexical"])
        if c.verdict != "derived" and close and cfg.semantic.enabled:
            # Rewording the lexical stage misses, or only partly sees.
            c = compare(*pair, cfg)
        if c.verdict == "independent":
            continue
        out.append(
            {
                "a": a,
                "b": b,
                "verdict": c.verdict,
                "source": None if c.source is None else (a, b)[c.source],
                "confidence": c.confidence,
                "coverage": c.coverage,
                "reused": (round(c.coverage[0] * len(ta)), round(c.coverage[1] * len(tb))),
                "kinds": sorted({p.kind for p in c.passages}),
                "reasons": list(c.reasons),
                "passages": [p.to_json() for p in c.passages],
            }
        )
    return out


def _chunks(items: list[tuple[int, int, bool]], n: int) -> Iterator[list[tuple[int, int, bool]]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def discover(
    corpus: Corpus,
    out_dir: Path,
    *,
    semantic: bool = True,
    workers: int = 2,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Find, verify and write every reuse relation of ``corpus`` into ``out_dir``.

    With ``semantic`` (the default), each document's best partners in the window channel
    are candidates too, and candidates close there get the semantic stage (when its runtime
    is installed) if the lexical alignment does not find them derived.
    """
    t0 = time.perf_counter()
    store = corpus.store
    out_dir.mkdir(parents=True, exist_ok=True)
    infos: dict[int, DocInfo] = {}
    for doc_id, ext_id, site, date, url, title, chars in store.iter_documents(
        "doc_id, ext_id, site, date, url, title, chars"
    ):
        infos[int(doc_id)] = DocInfo(int(doc_id), ext_id, site, date, url, title, int(chars))
    site_of = {d: i.site for d, i in infos.items()}
    site_size = Counter(site_of.values())

    t = time.perf_counter()
    lexical, boiler_marks = _scan_postings(
        store, site_of, corpus._max_df(), corpus.config.min_evidence
    )
    scan_s = time.perf_counter() - t
    t = time.perf_counter()
    window: set[tuple[int, int]] = set()
    close: set[tuple[int, int]] = set()
    unconfirmed: set[tuple[int, int]] = set()
    if semantic:
        window, close, unconfirmed = _window_pairs(corpus, infos, lexical)
    semantic = semantic and corpus.semantic_ready()
    candidates = sorted((a, b, (a, b) in close) for a, b in (lexical.keys() - unconfirmed) | window)
    window_s = time.perf_counter() - t

    t = time.perf_counter()
    boiler = _boilerplate_sentences(store, site_size)
    boiler_s = time.perf_counter() - t

    cfg = replace(corpus.config.compare, facts=False)
    if not semantic:
        cfg = replace(cfg, semantic=replace(cfg.semantic, enabled=False))
    n_window, n_close = len(window - lexical.keys()), len(close)
    del lexical, close, window
    t = time.perf_counter()
    verified: list[dict[str, Any]] = []
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

    relations = [
        Relation(
            a=v["a"],
            b=v["b"],
            verdict=v["verdict"],
            source=v["source"],
            confidence=v["confidence"],
            coverage=tuple(v["coverage"]),
            reused_chars=tuple(v["reused"]),
            kinds=tuple(v["kinds"]),
        )
        for v in verified
    ]
    with (out_dir / "pairs.jsonl").open("w", encoding="utf-8") as f:
        for v in verified:
            a, b = infos[v["a"]], infos[v["b"]]
            rec = {
                "a": _doc_ref(a),
                "b": _doc_ref(b),
                "verdict": v["verdict"],
                "source": None if v["source"] is None else infos[v["source"]].ext_id,
                "confidence": round(v["confidence"], 4),
                "coverage": [round(x, 4) for x in v["coverage"]],
                "reused_chars": list(v["reused"]),
                "reasons": v["reasons"],
                "passages": v["passages"],
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    clusters = build_clusters(infos, relations)
    write_clusters_jsonl(out_dir / "clusters.jsonl", clusters, infos)
    net = site_network(infos, relations)
    write_sites_csv(out_dir / "sites.csv", net)
    write_graphml(out_dir / "network.graphml", net)
    svg = render_network_svg(net)
    (out_dir / "network.svg").write_text(svg, encoding="utf-8")
    write_timeline_csv(out_dir / "timeline.csv", timeline(infos, relations))
    with (out_dir / "boilerplate.csv").open("w", encoding="utf-8") as f:
        f.write("site,sentence\n")
        for site in sorted(boiler):
            for s in sorted(boiler[site]):
                f.write(f"{_csv(site)},{_csv(s[:200])}\n")
    summary = {
        "documents": len(infos),
        "candidate_pairs": len(candidates),
        "window_candidate_pairs": n_window,
        "unconfirmed_lexical_pairs": len(unconfirmed),
        "semantic_budget_pairs": n_close if semantic else 0,
        "verified_relations": len(relations),
        "clusters": len(clusters),
        "boilerplate_sites": len(boiler),
        "boilerplate_sentences": sum(len(s) for s in boiler.values()),
        "boilerplate_fingerprint_marks": boiler_marks,
        "semantic": semantic,
        "seconds": {
            "scan": round(scan_s, 2),
            "windows": round(window_s, 2),
            "boilerplate": round(boiler_s, 2),
            "verify": round(verify_s, 2),
            "total": round(time.perf_counter() - t0, 2),
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    store.save_discovery(
        (
            (
                v["a"],
                v["b"],
                {
                    "a": v["a"],
                    "b": v["b"],
                    "verdict": v["verdict"],
                    "source": v["source"],
                    "confidence": round(v["confidence"], 4),
                    "coverage": [round(x, 4) for x in v["coverage"]],
                    "reused_chars": list(v["reused"]),
                    "kinds": list(v["kinds"]),
                },
            )
            for v in verified
        ),
        ((c.cluster_id, c.members, cluster_record(c, infos)) for c in clusters),
        network=network_record(net),
        svg=svg,
        summary=summary,
    )
    return summary


def _window_pairs(
    corpus: Corpus, infos: dict[int, DocInfo], lexical: dict[tuple[int, int], float]
) -> tuple[set[tuple[int, int]], set[tuple[int, int]], set[tuple[int, int]]]:
    """The window channel's candidates; the pairs (of those and ``lexical``) close enough
    there for the semantic stage; and the fingerprint candidates it does not confirm (too
    little fingerprint evidence to stand alone, windows below ``confirm``)."""
    cfg = corpus.config.windows
    # Positions in external-id order: ties (equal scores) then break the same way whatever
    # order the documents were added in.
    ids = sorted(infos, key=lambda d: (infos[d].ext_id, d))
    stored = dict(corpus.store.iter_terms()) if corpus.store.has_terms else {}
    missing = [d for d in ids if d not in stored]
    for at in range(0, len(missing), 2000):
        # Documents indexed without terms (before they were stored, or --no-semantic).
        for d, doc in corpus.store.get_many(missing[at : at + 2000]).items():
            stored[d] = content_terms(doc.text)
    seqs = [stored.get(d, _NO_TERMS) for d in ids]
    del stored
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
    alone = corpus.config.min_evidence_alone
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


def _doc_ref(d: DocInfo) -> dict[str, Any]:
    return {"doc_id": d.doc_id, "id": d.ext_id, "site": d.site, "date": d.date, "url": d.url}


def _csv(value: str) -> str:
    if any(ch in value for ch in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value
