"""Documents' languages and multilingual vectors: the corpus side of translated reuse.

Every indexed document gets its language: CLD2 on its first 2,000 characters, as
``compare`` tells a document's language without its translation stage
(:func:`textlineage.text.language.unit_languages` with ``per_unit=False``). Sentence by
sentence over the whole text took 2.0 ms a PAN document against 0.2 ms, and agreed on 312
of 313 texts (PAN sources and the test texts; the other is a PAN source the sentence
count calls ``und`` and the head English). With ``index add
--multilingual`` it also gets one multilingual vector (multilingual-e5-small,
:mod:`textlineage.embed_multi`) of its *lead*: its first sentences, up to
``CorpusConfig.multilingual_lead_chars`` characters. A translation's lead says what its
original's lead says, in another language, and the model maps the two close
(:data:`LEAD_FIGURES`). Only the lead is read because the model is slow (about 0.6 s for
1,000 characters on one core) and reads 512 word pieces at most.

Search embeds the query in chunks of the same size and looks up each chunk's nearest
leads among the documents *in other languages than the chunk's* (one-language neighbours
are the other channels' work); discovery pairs each document with its nearest leads in
the other languages (:func:`crosslingual_pairs`). Every candidate is then verified by
``compare``, which aligns translated sentences.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..embed import Embedder
from ..embed_multi import INSTALL_HINT, MultilingualE5Embedder, default_multilingual_embedder
from ..embed_multi import available as model_available
from ..errors import IndexFileError, MissingDependencyError
from ..text import language
from ..text.language import UNKNOWN
from ..text.segment import Sentence, split_sentences
from .ann import VectorIndex
from .store import Store

if TYPE_CHECKING:
    from ..types import Document
    from .config import CorpusConfig

log = logging.getLogger(__name__)

__all__ = [
    "META_LEAD",
    "META_MODEL",
    "Chunk",
    "crosslingual_pairs",
    "document_language",
    "ingest_multilingual",
    "languages_and_leads",
    "lead_span",
    "multilingual_usable",
    "query_chunks",
    "search_candidates",
]

META_MODEL = "multilingual_model"
"""Meta key: the name of the model that made the index's multilingual vectors."""
META_LEAD = "multilingual_lead_chars"
"""Meta key: the lead size (characters) the index's multilingual vectors were made of."""

LEAD_FIGURES = """\
Cosine of lead vectors (multilingual-e5-small 4-bit) on the texts of
tests/data/crosslingual, by lead size in characters:

lead  translations (es-en, fr-en, fa-en, es-en after an unrelated paragraph)  hardest other pair  PAN null max
 300  0.88 0.94 0.84 0.76                                                     0.83                0.82
 600  0.89 0.93 0.85 0.84                                                     0.82                0.80
1000  0.88 0.93 0.85 0.87                                                     0.83                0.82
1500  0.90 0.92 0.85 0.87                                                     0.83                0.82

(hardest other pair: two texts in different languages on the same kind of event, a fire
or an earthquake; PAN null: 200 English PAN sources against the 8 non-English texts.)
Encoding cost grows with the lead: 0.13, 0.31, 0.60, 0.84 s a document.

On tests/data/translation (passages of 3-8 sentences, so a lead is most of one; Spanish,
French and Persian, 10 translated and 3 same-event passages a language in each half,
against the 10 English translations): translations 0.84-0.97 in dev, 0.82-0.97 in test
(the lowest Persian); same-event passages up to 0.85; other pairs up to 0.81 (dev), 0.85
(test). The nearest English passage was the translation for all 60, hence the second
rule of :func:`crosslingual_pairs`."""
"""How the lead size and the threshold were chosen (see CorpusConfig.multilingual_*)."""


def document_language(text: str) -> str:
    """The language of the text's first :data:`~textlineage.text.language.SAMPLE_CHARS`
    characters (``""`` when the language model is not installed)."""
    if not language.available():
        return ""
    return language.detect(text[: language.SAMPLE_CHARS])


def lead_span(text: str, sentences: Sequence[Sentence], chars: int) -> tuple[int, int] | None:
    """The document's lead: its first whole sentences up to ``chars`` characters from the
    first one's start (a first sentence longer than that is cut at a space before it);
    None for a text without sentences."""
    if not sentences:
        return None
    start = sentences[0].start
    end = 0
    for s in sentences:
        if s.end - start > chars:
            break
        end = s.end
    if not end:
        cut = text.rfind(" ", start, start + chars)
        end = cut if cut > start else start + chars
    return start, end


def languages_and_leads(
    texts: Sequence[str], lead_chars: int | None, model: Embedder | None = None
) -> tuple[list[str], list[np.ndarray | None]]:
    """Each text's language and, when ``lead_chars`` is given, the multilingual vector of
    its lead (None for a text without sentences). A vector depends on its text alone
    (:class:`~textlineage.embed_multi.MultilingualE5Embedder` encodes one text at a time),
    so any split into batches and processes gives the same vectors."""
    langs: list[str] = []
    vecs: list[np.ndarray | None] = []
    for text in texts:
        langs.append(document_language(text))
        if lead_chars is None:
            vecs.append(None)
            continue
        span = lead_span(text, split_sentences(text), lead_chars)
        if span is None:
            vecs.append(None)
            continue
        emb = model or default_multilingual_embedder()
        vecs.append(emb.encode([text[span[0] : span[1]]])[0])
    return langs, vecs


def multilingual_usable(store: Store) -> bool:
    """True when the index holds multilingual vectors of this version's model."""
    return (
        store.newest("multilingual") > 0
        and store.get_meta(META_MODEL) == MultilingualE5Embedder.name
    )


def stored_lead_chars(store: Store, default: int) -> int:
    """The lead size the index's multilingual vectors were made with (else ``default``)."""
    value = store.get_meta(META_LEAD)
    return int(value) if value else default


def ingest_multilingual(store: Store, want: bool | None, lead_chars: int) -> int | None:
    """The lead size with which ingest stores multilingual vectors, or None when it does
    not: asked for (``True``), or (None) when the index already holds usable ones, so the
    channel stays complete. Asked for and not installed: :class:`MissingDependencyError`
    with the install command; an index whose vectors another model made:
    :class:`IndexFileError`. The model itself is loaded by the processes that encode."""
    installed = model_available() and language.available()
    if want is None:
        if multilingual_usable(store) and installed:
            return stored_lead_chars(store, lead_chars)
        return None
    if not want:
        return None
    if not store.has_languages:
        raise IndexFileError(f"{store.path}: read-only index without the language tables")
    has = store.newest("multilingual") > 0
    if has and not multilingual_usable(store):
        raise IndexFileError(
            f"{store.path}: its multilingual vectors were made by another model "
            f"({store.get_meta(META_MODEL)}); add without --multilingual, or build a new "
            "index to use them"
        )
    if not installed:
        raise MissingDependencyError("multilingual document vectors", INSTALL_HINT)
    if not has:
        store.set_meta(META_MODEL, MultilingualE5Embedder.name)
        store.set_meta(META_LEAD, str(lead_chars))
        return lead_chars
    return stored_lead_chars(store, lead_chars)


@dataclass(frozen=True)
class Chunk:
    """A piece of a query: whole sentences, about one lead long, and their language."""

    start: int
    end: int
    language: str


def query_chunks(text: str, chars: int, limit: int) -> list[Chunk]:
    """The query's sentences grouped in order into chunks of at most ``chars``
    characters (a longer sentence is a chunk alone, cut as a lead is), each with its
    language (that of most of its sentences' letters); the first ``limit`` of them. A
    one-line claim is one chunk."""
    sentences = split_sentences(text)
    groups: list[list[Sentence]] = []
    for s in sentences:
        if groups and s.end - groups[-1][0].start <= chars:
            groups[-1].append(s)
        else:
            groups.append([s])
    out = []
    for group in groups[:limit]:
        span = lead_span(text, group, chars)
        assert span is not None
        spans = [(s.start, s.end) for s in group]
        out.append(Chunk(span[0], span[1], language.unit_languages(text, spans).document))
    return out


def crosslingual_pairs(
    ids: np.ndarray,
    languages: Sequence[str],
    matrix: np.ndarray,
    neighbours: int,
    min_cos: float,
    mutual_min: float | None = None,
) -> dict[tuple[int, int], float]:
    """Candidate pairs of translated documents, as ``{(a, b): cosine}`` with ``a < b``:
    for every document, its ``neighbours`` nearest leads in each other language with a
    cosine of at least ``min_cos``; and, from ``mutual_min`` up, two documents that are
    each other's nearest in the other's language. Documents of unknown language take no
    part.

    An exact scan, language by language (the rows of other languages against one
    language's, in blocks): every engine calls it on the same vectors, so all give the
    same pairs. Its cost is the product of the sizes of each two languages.
    """
    known = np.array([lang not in ("", language.UNKNOWN) for lang in languages], dtype=bool)
    codes = np.array(languages, dtype=object)
    out: dict[tuple[int, int], float] = {}
    if neighbours <= 0:
        return out
    nearest: dict[tuple[int, str], tuple[int, float]] = {}  # (row, language) -> (row, cos)

    def add(row: int, other: int, sim: float) -> None:
        a, b = int(ids[row]), int(ids[other])
        key = (a, b) if a < b else (b, a)
        if sim > out.get(key, -1.0):
            out[key] = sim

    for lang in sorted({str(c) for c in codes[known]}):
        members = np.flatnonzero(codes == lang)
        others = np.flatnonzero(known & (codes != lang))
        if not len(others):
            continue
        group = matrix[members]
        k = min(neighbours, len(members))
        for at in range(0, len(others), 2048):
            rows = others[at : at + 2048]
            sims = matrix[rows] @ group.T
            top = np.argpartition(-sims, k - 1, axis=1)[:, :k] if k < len(members) else None
            best = np.argmax(sims, axis=1)
            for r, row in enumerate(rows):
                nearest[(int(row), lang)] = (int(members[best[r]]), float(sims[r, best[r]]))
                cols = top[r] if top is not None else np.arange(len(members))
                for c in cols:
                    if sims[r, c] >= min_cos:
                        add(int(row), int(members[c]), float(sims[r, c]))
    if mutual_min is not None:
        for (row, _), (other, sim) in nearest.items():
            back = nearest.get((other, str(codes[row])))
            if sim >= mutual_min and back is not None and back[0] == row:
                add(row, other, sim)
    return out


def search_candidates(
    store: Store, config: CorpusConfig, query: Document, indexes: dict[str, VectorIndex]
) -> dict[int, float]:
    """The multilingual channel in search: the query in chunks of a lead's size
    (:func:`query_chunks`), each chunk's nearest leads among the documents of every other
    language, at least ``multilingual_min`` close (the nearest of a language:
    ``multilingual_nearest_min``); the ``multilingual_candidates`` closest, as {doc_id:
    cosine}. Nothing is encoded when the index has no multilingual vectors in a language
    other than the chunks'. ``indexes`` keeps each language's neighbour index between
    searches."""
    if not multilingual_usable(store):
        return {}
    cfg = config
    indexed = [
        lang for lang, (_, vectors) in store.languages().items() if vectors and lang != UNKNOWN
    ]
    lead = stored_lead_chars(store, cfg.multilingual_lead_chars)
    wanted = []
    for chunk in query_chunks(query.text, lead, cfg.multilingual_query_chunks):
        if chunk.language in ("", UNKNOWN):
            continue
        others = [lang for lang in indexed if lang != chunk.language]
        if others:
            wanted.append((chunk, others))
    if not wanted:
        return {}
    model = cfg.compare.multilingual_embedder
    if model is None:
        if not model_available():
            log.warning("multilingual channel skipped: the model is not installed")
            return {}
        model = default_multilingual_embedder()
    vecs = model.encode([query.text[c.start : c.end] for c, _ in wanted])
    found: dict[int, float] = {}
    for (_, others), vec in zip(wanted, vecs, strict=True):
        for lang in others:
            index = indexes.get(lang)
            if index is None:
                index = VectorIndex(store, table="multilingual", language=lang)
                indexes[lang] = index
            hits = index.search(vec, cfg.multilingual_candidates)
            for rank, (doc_id, sim) in enumerate(hits):
                floor = cfg.multilingual_nearest_min if rank == 0 else cfg.multilingual_min
                if sim >= floor and sim > found.get(doc_id, -1.0):
                    found[doc_id] = sim
    ranked = sorted(found.items(), key=lambda x: (-x[1], x[0]))
    return dict(ranked[: cfg.multilingual_candidates])
