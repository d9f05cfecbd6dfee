"""The pairwise engine: two documents in, a :class:`~textlineage.types.Comparison` out.

ingest → features (segment, normalise, terms) → seeds (lexical, semantic) → fragments →
passages → verdict and direction → labels → fact diff. Every stage is a pure function of its
inputs; this module only orders them and times them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from .align.crosslingual import CrossConfig, bead_spans, translation_beads
from .align.fragments import AlignConfig, RawPassage, Seed, Vectors, fragments, lexical_seeds
from .align.passages import coverage, detect, label, passages
from .align.semantic import (
    Screen,
    SemanticConfig,
    combined_scores,
    plan_embedding,
    semantic_seeds,
    unit_texts,
)
from .align.sentence_pairs import reading_pairs
from .embed import INSTALL_HINT, Embedder, default_embedder, semantic_available
from .embed_multi import available as multilingual_available
from .embed_multi import default_multilingual_embedder
from .embed_static import default_document_embedder, static_available
from .errors import InputError, TooLargeError
from .facts import diff_facts
from .facts.diff import READING_PAIR
from .facts.scope import WHOLE_TEXT_CHARS
from .text.features import Features, features
from .text.language import UNKNOWN, Languages, language_name, unit_languages
from .types import Comparison, Document, Fact, FactDiff, FactLink, Passage, Span
from .verdict import VerdictConfig, decide, direction_evidence, document_date

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CompareConfig:
    """Settings of every stage; the defaults are the calibrated ones."""

    align: AlignConfig = field(default_factory=AlignConfig)
    semantic: SemanticConfig = field(default_factory=SemanticConfig)
    verdict: VerdictConfig = field(default_factory=VerdictConfig)
    embedder: Embedder | None = None
    """The sentence-embedding model; None loads the packaged default when installed."""
    crosslingual: CrossConfig = field(default_factory=CrossConfig)
    multilingual_embedder: Embedder | None = None
    """The sentence model for text in different languages; None loads the packaged one
    (only when a pair has sentences in different languages)."""
    facts: bool = True
    """Extract and diff facts (and use them as direction evidence); off for bulk runs."""


def _embedder(cfg: CompareConfig) -> Embedder | None:
    if not cfg.semantic.enabled:
        return None
    if cfg.embedder is not None:
        return cfg.embedder
    if not semantic_available():
        log.warning("semantic stage skipped: its dependencies are not installed")
        return None
    return default_embedder()


def _screen(cfg: CompareConfig) -> Screen | None:
    """The static model that picks the sentences worth embedding, when on and installed."""
    if cfg.semantic.screen_similarity <= 0:
        return None
    if not static_available():
        _warn_unscreened()
        return None
    return _screen_texts


def _screen_texts(texts: Sequence[str]) -> np.ndarray:
    # The static model of document vectors, loaded on first use (once per process).
    return default_document_embedder().encode(texts)


@lru_cache(maxsize=1)
def _warn_unscreened() -> None:
    log.warning("semantic screen not installed (%s): embedding every candidate", INSTALL_HINT)


def _pair_embedder(
    fa: Features, fb: Features, cfg: CompareConfig
) -> tuple[Embedder | None, list[str]]:
    """The sentence model for this pair (None: semantic stage off, not installed, or the
    pair too large for it) and a note for the verdict's reasons when it was skipped."""
    emb = _embedder(cfg)
    n_units = len(fa.units) + len(fb.units)
    if emb is None or n_units <= cfg.semantic.max_units:
        return emb, []
    note = (
        f"semantic stage skipped: {n_units:,} sentences exceed its limit of "
        f"{cfg.semantic.max_units:,} (lexical alignment only)"
    )
    log.warning("%s", note)
    return None, [note]


def _semantic_seeds(
    fa: Features, fb: Features, vec: Vectors, cfg: CompareConfig, emb: Embedder | None
) -> tuple[list[Seed], list[Seed], np.ndarray | None]:
    if emb is None or not fa.units or not fb.units:
        return [], [], None
    plan = plan_embedding(fa, fb, vec, cfg.semantic, _screen(cfg))
    texts_a, texts_b = unit_texts(fa), unit_texts(fb)
    ea: np.ndarray | None = None
    eb: np.ndarray | None = None

    def embed(rows_a: np.ndarray, rows_b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        nonlocal ea, eb
        vecs = emb.encode([texts_a[i] for i in rows_a] + [texts_b[j] for j in rows_b])
        if ea is None or eb is None:
            ea = np.zeros((len(texts_a), vecs.shape[1]), dtype=np.float32)
            eb = np.zeros((len(texts_b), vecs.shape[1]), dtype=np.float32)
        ea[rows_a] = vecs[: len(rows_a)]
        eb[rows_b] = vecs[len(rows_a) :]
        return ea, eb

    need_a, need_b = plan.first()
    ea, eb = embed(need_a, need_b)
    strong, weak = semantic_seeds(fa, fb, ea, eb, vec, cfg.semantic)
    # Further rounds: the other possible partners near strong seeds (lexical, or semantic
    # from the rounds before), where weak seeds count; until no strong seed brings more.
    lexical = [(s.i, s.j) for s in lexical_seeds(vec, cfg.align)]
    reach = cfg.align.max_gap + cfg.align.weak_reach
    while True:
        more_a, more_b = plan.near(lexical + [(s.i, s.j) for s in strong], reach)
        more_a, more_b = np.setdiff1d(more_a, need_a), np.setdiff1d(more_b, need_b)
        if len(more_a) == 0 and len(more_b) == 0:
            break
        ea, eb = embed(more_a, more_b)
        need_a, need_b = np.union1d(need_a, more_a), np.union1d(need_b, more_b)
        strong, weak = semantic_seeds(fa, fb, ea, eb, vec, cfg.semantic)
    return strong, weak, combined_scores(ea @ eb.T, vec, cfg.semantic)


def _in_spans(span: Span, spans: Sequence[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def compare(a: Document, b: Document, config: CompareConfig | None = None) -> Comparison:
    """Compare two documents: passages, verdict, source and fact diff.

    The answer does not depend on argument order: the documents are aligned in a canonical
    order (by content) and the result is mapped back to the order given.
    """
    cfg = config or CompareConfig()
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    swap = (b.text, b.id) < (a.text, a.id)
    x, y = (b, a) if swap else (a, b)
    try:
        core = _align(x, y, cfg, timings)
    except TooLargeError as exc:
        big = a if len(a.text) >= len(b.text) else b
        raise InputError(big.id, f"too large to compare ({exc}); split the document") from exc
    if swap:
        core = core.flipped()

    t = time.perf_counter()
    raw, cov, source = core.raw, core.coverage, core.source
    final = _to_passages(raw, None if source is None else 1 - source, cfg.align)
    src_doc = 0 if source is None else source
    if not cfg.facts:
        facts = FactDiff(src_doc, 1 - src_doc)
    elif core.probe is not None and not core.pairs and src_doc == (1 if swap else 0):
        # The direction evidence already diffed the facts in this orientation.
        facts = _flip_docs(core.probe) if swap else core.probe
    else:
        langs = core.languages
        facts = diff_facts(
            (a, b)[src_doc].text,
            (a, b)[1 - src_doc].text,
            source_doc=src_doc,
            derived_doc=1 - src_doc,
            passages=_with_pairs(final, core.pairs),
            languages=(langs[src_doc], langs[1 - src_doc]),
            similarity=_quote_similarity(langs, cfg),
        )
    timings["facts"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t0
    return Comparison(
        documents=(a, b),
        verdict=core.verdict,
        source=source,
        confidence=core.confidence,
        reasons=tuple(core.reasons),
        coverage=cov,
        passages=final,
        facts=facts,
        timings=timings,
        languages=core.languages,
        dates=(_date_of(a), _date_of(b)),
        sentence_pairs=core.pairs,
    )


def _with_pairs(
    final: tuple[Passage, ...], pairs: Sequence[tuple[Span, Span]]
) -> tuple[Passage, ...]:
    """The passages and, for the fact diff, each sentence pair as a passage of its own."""
    extra = tuple(Passage("paraphrase", 0.0, ((sa,), (sb,)), (READING_PAIR,)) for sa, sb in pairs)
    return final + extra


def _date_of(doc: Document) -> tuple[str, str]:
    """The document's publication date and its source, as the direction evidence reads
    them (``("", "")`` when undated)."""
    found = document_date(doc)
    return (found.isoformat(), found.source) if found is not None else ("", "")


def with_facts(c: Comparison) -> Comparison:
    """``c`` with its fact diff computed (for comparisons made with ``facts=False``)."""
    a, b = c.documents
    src_doc = 0 if c.source is None else c.source
    langs = c.languages
    facts = diff_facts(
        (a, b)[src_doc].text,
        (a, b)[1 - src_doc].text,
        source_doc=src_doc,
        derived_doc=1 - src_doc,
        passages=_with_pairs(c.passages, c.sentence_pairs),
        languages=(langs[src_doc], langs[1 - src_doc]),
        similarity=_quote_similarity(langs, CompareConfig()),
    )
    return replace(c, facts=facts)


def _quote_similarity(
    languages: tuple[str, str], cfg: CompareConfig
) -> Callable[[Sequence[str], Sequence[str]], np.ndarray] | None:
    """The multilingual model's similarities of two lists of texts (quotations matched to
    their translation in the fact diff), for documents in different languages; None for
    one language, or when the sentence models are off or not installed."""
    if UNKNOWN in languages or languages[0] == languages[1] or not cfg.semantic.enabled:
        return None
    emb = cfg.multilingual_embedder
    if emb is None:
        if not multilingual_available():
            return None
        emb = default_multilingual_embedder()
    model = emb

    def similarity(xs: Sequence[str], ys: Sequence[str]) -> np.ndarray:
        vx, vy = model.encode(list(xs)), model.encode(list(ys))
        return np.asarray(vx @ vy.T, dtype=np.float32)

    return similarity


def _flip_docs(fd: FactDiff) -> FactDiff:
    """The same fact diff with document indices 0 and 1 exchanged."""

    def f(x: Fact) -> Fact:
        return replace(x, doc=1 - x.doc)

    def link(x: FactLink) -> FactLink:
        return replace(x, source=f(x.source), derived=f(x.derived))

    return FactDiff(
        1 - fd.source_doc,
        1 - fd.derived_doc,
        kept=tuple(link(x) for x in fd.kept),
        changed=tuple(link(x) for x in fd.changed),
        added=tuple(f(x) for x in fd.added),
        dropped=tuple(f(x) for x in fd.dropped),
        read=fd.read,
    )


@dataclass(frozen=True)
class _Core:
    """Alignment and verdict of a pair, before labels and facts."""

    raw: list[RawPassage]
    coverage: tuple[float, float]
    verdict: str
    source: int | None
    confidence: float
    reasons: list[str]
    languages: tuple[str, str] = (UNKNOWN, UNKNOWN)
    probe: FactDiff | None = None
    """Facts diffed with the first document as source (the direction evidence's)."""
    pairs: tuple[tuple[Span, Span], ...] = ()
    """Sentences matched one to one that no passage holds (:func:`.reading_pairs`)."""

    def flipped(self) -> _Core:
        return _Core(
            languages=(self.languages[1], self.languages[0]),
            raw=[
                replace(
                    p,
                    spans=(p.spans[1], p.spans[0]),
                    units=(p.units[1], p.units[0]),
                    languages=None if p.languages is None else (p.languages[1], p.languages[0]),
                )
                for p in self.raw
            ],
            coverage=(self.coverage[1], self.coverage[0]),
            verdict=self.verdict,
            source=None if self.source is None else 1 - self.source,
            confidence=self.confidence,
            reasons=self.reasons,
            probe=self.probe,
            pairs=tuple((b, a) for a, b in self.pairs),
        )


def _align(a: Document, b: Document, cfg: CompareConfig, timings: dict[str, float]) -> _Core:
    t = time.perf_counter()
    fa = features(a.text, cfg.align.min_unit_terms)
    fb = features(b.text, cfg.align.min_unit_terms)
    vec = Vectors(fa, fb)
    per_unit = cfg.semantic.enabled and cfg.crosslingual.enabled
    la, lb = _languages(fa, per_unit), _languages(fb, per_unit)
    cross = _cross_mask(la, lb)
    timings["features"] = time.perf_counter() - t

    t = time.perf_counter()
    emb: Embedder | None = None
    notes: list[str] = []
    if cross is None or not cross.all():  # (no two sentences in one language: the
        emb, notes = _pair_embedder(fa, fb, cfg)  # English model has no say)
    strong, weak, scores = _semantic_seeds(fa, fb, vec, cfg, emb)
    if cross is not None:
        # The sentence model is English: its seeds between languages mean nothing.
        strong = [s for s in strong if not cross[s.i, s.j]]
        weak = [s for s in weak if not cross[s.i, s.j]]
    timings["semantic"] = time.perf_counter() - t

    t = time.perf_counter()
    frags, seeds, _ = fragments(
        fa, fb, cfg.align, vec=vec, extra_seeds=strong, weak_seeds=weak, scores=scores
    )
    raw = passages(fa, fb, frags, cfg.align, vec)
    # (a long text's facts are read only around its passages: no pairs, no second diff)
    short = max(len(a.text), len(b.text)) <= WHOLE_TEXT_CHARS
    pairs = reading_pairs(fa, fb, seeds, raw, scores) if short else ()
    timings["align"] = time.perf_counter() - t

    if cross is not None:
        t = time.perf_counter()
        translated, why = _translations(fa, fb, la, lb, cross, raw, cfg)
        raw.extend(translated)
        notes.extend(why)
        timings["translation"] = time.perf_counter() - t

    t = time.perf_counter()
    spans: tuple[list[Span], list[Span]] = ([], [])
    for p in raw:
        if not p.verbatim_run:
            spans[0].extend(p.spans[0])
            spans[1].extend(p.spans[1])
    cov = (coverage(spans[0], a.chars), coverage(spans[1], b.chars))
    aligned = (round(cov[0] * a.chars), round(cov[1] * b.chars))
    unique = (0, 0)
    probe: FactDiff | None = None
    if cfg.facts and raw:
        provisional = _to_passages(raw, None, cfg.align)
        probe = diff_facts(
            a.text,
            b.text,
            source_doc=0,
            derived_doc=1,
            passages=provisional,
            languages=(la.document, lb.document),
            similarity=_quote_similarity((la.document, lb.document), cfg),
        )
        unique = (
            sum(1 for f in probe.dropped if _in_spans(f.span, spans[0])),
            # (a change's new value counts: the derived text states it, the source not)
            sum(1 for f in probe.unsupported() if _in_spans(f.span, spans[1])),
        )
    languages = (la.document, lb.document)
    translated_chars = sum(e - s for p in raw if p.languages is not None for s, e in p.spans[0])
    evidence = direction_evidence(
        (a, b), spans, aligned, cov, unique, translated=2 * translated_chars > aligned[0]
    )
    verdict_cfg, short_notes = _short_rules(a, b, cfg)
    verdict, source, confidence, reasons = decide(cov, aligned, evidence, verdict_cfg)
    reasons.extend(short_notes)
    if verdict != "independent" and translated_chars:
        reasons.insert(1, _translation_reason(raw, source))
    reasons.extend(notes)
    timings["verdict"] = time.perf_counter() - t
    if verdict == "independent":
        return _Core([], (0.0, 0.0), verdict, None, confidence, reasons, languages, pairs=pairs)
    return _Core(raw, cov, verdict, source, confidence, reasons, languages, probe, pairs)


def _short_rules(a: Document, b: Document, cfg: CompareConfig) -> tuple[VerdictConfig, list[str]]:
    """The verdict's settings for this pair (claim-length texts: a lower floor of reused
    characters, see :class:`~textlineage.align.evidence.ShortConfig`) and a note for a
    text too short to tell anything."""
    short = cfg.align.short
    if not any(short.sides((a.chars, b.chars))):
        return cfg.verdict, []
    floor = min(cfg.verdict.min_reused_chars, short.floor)
    notes = [
        f"{d.id} has {d.chars} characters, fewer than the {short.min_chars} a claim needs "
        "to be matched: too short to tell reuse from chance"
        for d in (a, b)
        if d.chars < short.min_chars
    ]
    return replace(cfg.verdict, min_reused_chars=floor), notes


def _languages(f: Features, per_unit: bool = True) -> Languages:
    """The document's and each unit's language; ``per_unit=False`` (no translation stage
    to feed): the document's only, given to every unit."""
    return unit_languages(f.text, [(u.start, u.end) for u in f.units], per_unit=per_unit)


def _cross_mask(la: Languages, lb: Languages) -> np.ndarray | None:
    """Unit pairs whose languages differ (both known), or None when there are none.

    Between documents of one language, a sentence identified as another language counts
    only in a run of two or more of that language: a lone one is more often a list of
    names or a garbled line than a translated passage, and would cost the whole other
    document's multilingual embedding.
    """
    if not la.units or not lb.units:
        return None
    units_a, units_b = list(la.units), list(lb.units)
    if la.document == lb.document:
        units_a, units_b = _runs_only(units_a, la.document), _runs_only(units_b, lb.document)
    ua, ub = np.array(units_a, dtype=object), np.array(units_b, dtype=object)
    known_a, known_b = ua != UNKNOWN, ub != UNKNOWN
    mask = (ua[:, None] != ub[None, :]) & known_a[:, None] & known_b[None, :]
    return mask if mask.any() else None


def _runs_only(units: list[str], main: str) -> list[str]:
    """Units' languages with those of lone sentences in another language set to ``main``."""
    out = list(units)
    for k, lang in enumerate(units):
        if lang == main:
            continue
        near = (k > 0 and units[k - 1] == lang) or (k + 1 < len(units) and units[k + 1] == lang)
        if not near:
            out[k] = main
    return out


def _translations(
    fa: Features,
    fb: Features,
    la: Languages,
    lb: Languages,
    cross: np.ndarray,
    found: Sequence[RawPassage],
    cfg: CompareConfig,
) -> tuple[list[RawPassage], list[str]]:
    """Translated passages between the units of different languages (see
    :mod:`textlineage.align.crosslingual`), away from passages already found."""
    if not cfg.crosslingual.enabled:
        return [], []
    if not cfg.semantic.enabled:
        return [], ["translation stage skipped with the semantic stage (sentence models off)"]
    n_units = len(fa.units) + len(fb.units)
    if n_units > cfg.crosslingual.max_units:
        note = (
            f"translation stage skipped: {n_units:,} sentences exceed its limit of "
            f"{cfg.crosslingual.max_units:,}"
        )
        log.warning("%s", note)
        return [], [note]
    emb = cfg.multilingual_embedder
    if emb is None:
        if not multilingual_available():
            note = f"translation stage skipped: the multilingual model is not installed ({INSTALL_HINT})"
            log.warning("%s", note)
            return [], [note]
        emb = default_multilingual_embedder()
    # Units already in a passage (copied text, in one language) stay out.
    taken = (_units_in(fa, [p.spans[0] for p in found]), _units_in(fb, [p.spans[1] for p in found]))
    mask = cross.copy()
    mask[list(taken[0]), :] = False
    mask[:, list(taken[1])] = False
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if len(rows) == 0:
        return [], []
    texts_a, texts_b = unit_texts(fa), unit_texts(fb)
    vecs = emb.encode([texts_a[i] for i in rows] + [texts_b[j] for j in cols])
    sim = np.full(mask.shape, -1.0, dtype=np.float32)
    sim[np.ix_(rows, cols)] = vecs[: len(rows)] @ vecs[len(rows) :].T
    sim[~mask] = -1.0
    chars = ([u.end - u.start for u in fa.units], [u.end - u.start for u in fb.units])

    def embed(texts: Sequence[str]) -> np.ndarray:
        return emb.encode(list(texts))

    out: list[RawPassage] = []
    for run in translation_beads(sim, (texts_a, texts_b), chars, cfg.crosslingual, embed):
        for bead in run:
            langs = (la.units[bead.a[0]], lb.units[bead.b[0]])
            why = (
                f"translation ({language_name(langs[0])} / {language_name(langs[1])}): "
                f"cross-language similarity {bead.score:.2f}",
                f"one of {len(run)} translated sentences in the same order on both sides"
                if len(run) > 1
                else "a lone sentence translated closely",
            )
            out.append(
                RawPassage(
                    bead_spans(fa, fb, bead),
                    0.0,
                    bead.score,
                    units=(len(bead.a), len(bead.b)),
                    reasons=why,
                    languages=langs,
                )
            )
    return out, []


def _units_in(f: Features, spans: Sequence[Sequence[Span]]) -> set[int]:
    """Units overlapping any of the spans."""
    flat = [sp for group in spans for sp in group]
    return {k for k, u in enumerate(f.units) if any(s < u.end and u.start < e for s, e in flat)}


def _translation_reason(raw: Sequence[RawPassage], source: int | None) -> str:
    langs = next(p.languages for p in raw if p.languages is not None)
    assert langs is not None
    n = sum(1 for p in raw if p.languages is not None)
    text = (
        f"{n} passage{'s' if n != 1 else ''} translated between "
        f"{language_name(langs[0])} and {language_name(langs[1])}"
    )
    if source is None:
        return text + "; which side is the translation is not told by the texts alone"
    return text + (
        f"; the {language_name(langs[1 - source])} text is taken as the translation "
        "(a translation is the derivative of its original)"
    )


def _to_passages(
    raw: Sequence[RawPassage], derived: int | None, cfg: AlignConfig
) -> tuple[Passage, ...]:
    out = [
        Passage(
            label(p, derived, cfg),
            p.token_ratio if p.token_ratio >= cfg.near_verbatim_ratio else p.similarity,
            p.spans,
            p.reasons,
            p.languages,
        )
        for p in raw
    ]
    out.sort(
        key=lambda p: (p.spans[0][0][0] if p.spans[0] else 0, p.spans[1][0][0] if p.spans[1] else 0)
    )
    return tuple(out)


def detect_reuse(suspicious: str, source: str) -> list[tuple[int, int, int, int]]:
    """PAN-style detections between a suspicious and a source text (lexical stage).

    Returns ``(susp_start, susp_end, src_start, src_end)`` tuples: the maximal passages.
    """
    cfg = AlignConfig()
    fa = features(suspicious, cfg.min_unit_terms)
    fb = features(source, cfg.min_unit_terms)
    return [(sa[0], sa[1], sb[0], sb[1]) for sa, sb in detect(fa, fb, cfg)]


def detect_reuse_semantic(suspicious: str, source: str) -> list[tuple[int, int, int, int]]:
    """:func:`detect_reuse` with the semantic stage's seeds (the default compare's model),
    so reworded and summarised passages can seed fragments too."""
    cfg = CompareConfig()
    fa = features(suspicious, cfg.align.min_unit_terms)
    fb = features(source, cfg.align.min_unit_terms)
    vec = Vectors(fa, fb)
    emb, _ = _pair_embedder(fa, fb, cfg)
    strong, weak, scores = _semantic_seeds(fa, fb, vec, cfg, emb)
    found = detect(fa, fb, cfg.align, strong, vec=vec, weak_seeds=weak, scores=scores)
    return [(sa[0], sa[1], sb[0], sb[1]) for sa, sb in found]
