"""The claim channel of search: a claim-length query (a sentence, a tweet, a headline)
found in the indexed documents that copy it, whole or lightly edited.

Each of the query's claim units looks up its sentence keys (:mod:`textlineage.text.claims`)
in the index: its own keys, which a copied sentence shares, read up to
``claim_own_limit`` rows each, and the keys of the other pairs of its lowest terms, which
an edited copy may have instead, up to ``claim_key_limit`` (a commoner key tells nothing).
Each indexed sentence so found is scored by the keys it shares; the best
``claim_verify`` are checked against the query in words (:func:`sentence_match`): how many
of the query sentence's words the indexed text keeps in order, from the sentence's start.
Documents that pass are verified by the pairwise engine, as every search hit is.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz.distance import LCSseq

from ..align.claims import stray_block
from ..compare import CompareConfig, compare, with_facts
from ..text.claims import claim_units, own_keys, query_keys, sketch_with_claims
from ..text.normalise import fold_token, token_columns
from ..text.sketch import sketch
from ..types import Document, Span
from .hits import ClaimMatch, SearchHit, SearchResult, reused_chars, stored_to_document
from .multilingual import document_language

if TYPE_CHECKING:
    from .config import CorpusConfig
    from .store import Store
from .story import tell_stories

__all__ = [
    "backfill_keys",
    "claim_candidates",
    "search_claim",
    "search_notes",
    "sentence_match",
]


def _folded(text: str, start: int = 0) -> tuple[list[str], list[int], list[int]]:
    """Folded tokens of ``text`` with their offsets (plus ``start``)."""
    starts, ends, raw = token_columns(text)
    return (
        [fold_token(r) for r in raw],
        [s + start for s in starts],
        [e + start for e in ends],
    )


def sentence_match(
    query: str, unit: Span, text: str, start: int, min_share: float
) -> ClaimMatch | None:
    """The query's sentence ``unit`` against the indexed ``text`` from offset ``start``
    (an indexed sentence's start): a match when the text keeps at least ``min_share`` of
    the sentence's words in order within a stretch of about twice its length."""
    q_tokens, _, _ = _folded(query[unit[0] : unit[1]])
    if not q_tokens:
        return None
    span = unit[1] - unit[0]
    window = text[start : start + 2 * span + 40]
    w_tokens, w_starts, w_ends = _folded(window, start)
    blocks = [b for b in LCSseq.opcodes(q_tokens, w_tokens) if b.tag == "equal"]
    matched = sum(b.src_end - b.src_start for b in blocks)
    share = matched / len(q_tokens)
    if share < min_share:
        return None
    # Words matched by chance far from the rest (a stop word further on) are not the copy.
    while len(blocks) > 1 and stray_block(blocks[-1], blocks[-2]):
        blocks.pop()
    while len(blocks) > 1 and stray_block(blocks[0], blocks[1]):
        blocks.pop(0)
    first, last = blocks[0].dest_start, blocks[-1].dest_end - 1
    return ClaimMatch(unit, (w_starts[first], w_ends[last]), share)


def claim_candidates(store: Store, query: str, cfg: CorpusConfig) -> dict[int, list[ClaimMatch]]:
    """Indexed documents holding a sentence of ``query``, copied or lightly edited, with
    the matches (see the module's description); best first."""
    units = claim_units(query, cfg.claims.min_terms)
    if not len(units):
        return {}
    # Each sentence of the query, and the whole of it when it has several (a copy may be
    # split into sentences otherwise: case changed, a full stop dropped).
    spans = [(int(s), int(e)) for s, e in zip(units.starts, units.ends, strict=True)]
    terms = [units.terms_of(k) for k in range(len(units))]
    if len(units) > 1:
        spans.append((spans[0][0], spans[-1][1]))
        terms.append(np.unique(units.terms))
    own: dict[int, set[int]] = {}
    for u, t in enumerate(terms):
        for k in own_keys(t, cfg.claims).tolist():
            own.setdefault(k, set()).add(u)
    other: dict[int, set[int]] = {}
    for u, t in enumerate(terms):
        for k in query_keys(t, cfg.claims).tolist():
            if k not in own:
                other.setdefault(k, set()).add(u)
    rows = store.claim_postings(list(own), cfg.claim_own_limit)
    rows.update(store.claim_postings(list(other), cfg.claim_key_limit))
    # Each indexed sentence (doc, start) with each query unit: the keys they share.
    score: Counter[tuple[int, int, int]] = Counter()
    for keys, limit in ((own, cfg.claim_own_limit), (other, cfg.claim_key_limit)):
        for k, unit_ids in keys.items():
            found = rows.get(k, [])
            if len(found) > limit:
                continue
            for d, s in found:
                for u in unit_ids:
                    score[d, s, u] += 1
    ranked = sorted(score.items(), key=lambda x: (-x[1], x[0]))[: cfg.claim_verify]
    docs = store.get_many(sorted({d for (d, _, _), _ in ranked}))
    out: dict[int, list[ClaimMatch]] = {}
    for (d, s, u), _ in ranked:
        if d not in docs:
            continue
        m = sentence_match(query, spans[u], docs[d].text, s, cfg.claim_check_share)
        if m is not None and all(x.query != m.query or x.hit != m.hit for x in out.get(d, [])):
            out.setdefault(d, []).append(m)
    return out


def search_notes(store: Store, cfg: CorpusConfig, query: Document) -> list[str]:
    """What the reader of a search's result should know about its limits."""
    short = cfg.compare.align.short
    notes = []
    chars = len(query.text.strip())
    if chars < short.min_chars:
        notes.append(
            f"the query has {chars} characters: below {short.min_chars}, a text is too "
            "short to tell a copy from chance"
        )
    if len(query.text) <= cfg.claim_max_chars:
        missing = store.unkeyed_documents()
        if missing:
            notes.append(
                f"{missing:,} documents indexed by an earlier version have no sentence keys, "
                "and a claim-length query finds them only by fingerprints: `textlineage "
                "index add-claims` adds their keys"
            )
    return notes


def search_claim(
    store: Store,
    cfg: CorpusConfig,
    query: Document,
    top: int,
    compare_config: CompareConfig,
    notes: list[str],
) -> SearchResult:
    """Search for a claim-length query: documents holding one of its sentences (the claim
    channel) or sharing rare fingerprints with it, verified lexically (a claim is too
    short for the semantic channels to tell a rewording from a text on the same
    subject)."""
    timings: dict[str, float] = {}
    t = time.perf_counter()
    found = claim_candidates(store, query.text, cfg)
    timings["claim_candidates"] = time.perf_counter() - t
    t = time.perf_counter()
    shared, _, evidence = store.candidates(
        sketch(query.text, cfg.sketch), max_df=cfg.max_df(store.newest("documents"))
    )
    lexical = [
        d
        for d, e in sorted(evidence.items(), key=lambda x: (-x[1], x[0]))
        if e >= cfg.min_evidence and shared[d] >= cfg.min_shared
    ][: cfg.verify]
    timings["lexical_candidates"] = time.perf_counter() - t
    t = time.perf_counter()
    cand_ids = [*found, *(d for d in lexical if d not in found)]
    docs = store.get_many(cand_ids)
    lexical_only = replace(
        compare_config, facts=False, semantic=replace(compare_config.semantic, enabled=False)
    )
    hits: list[SearchHit] = []
    misses = 0  # fingerprint candidates found independent in a row
    for d in cand_ids:
        if d not in docs or (d not in found and misses >= cfg.verify_patience):
            continue
        c = compare(query, stored_to_document(docs[d]), lexical_only)
        if c.verdict == "independent":
            misses += d not in found
            continue
        misses = 0
        hits.append(SearchHit(docs[d], c, shared.get(d, 0), None, claims=tuple(found.get(d, ()))))
    hits.sort(key=lambda h: (-reused_chars(h.comparison), h.doc.doc_id))
    timings["verify"] = time.perf_counter() - t
    t = time.perf_counter()
    kept = tell_stories(hits[:top], store)
    if compare_config.facts:
        kept = [replace(h, comparison=with_facts(h.comparison)) for h in kept]
    timings["facts"] = time.perf_counter() - t
    timings["total"] = sum(timings.values())
    language = document_language(query.text)
    return SearchResult(query, tuple(kept), len(cand_ids), timings, language, tuple(notes))


def backfill_keys(
    store: Store,
    cfg: CorpusConfig,
    progress: Callable[[int], None] | None = None,
    batch: int = 500,
) -> int:
    """Give their sentence keys to the documents of an index made before keys existed
    (newest first, one transaction a batch: an interrupted run resumes where it stopped).
    Returns how many documents got keys."""
    done = 0
    while rows := store.unkeyed_texts(batch):
        keyed = sketch_with_claims([t for _, t in rows], cfg.sketch, cfg.claims)
        store.backfill_claims([d for d, _ in rows], [(k.keys, k.starts) for k in keyed])
        done += len(rows)
        if progress:
            progress(done)
    return done
