"""Cross-language reuse: a set of translated news passages, document pairs built from it,
and their evaluation.

The data (``tests/data/translation/``, described in its README) holds, per language
(Spanish ``es``, French ``fr``, Persian ``fa``), news passages with an English
translation (most written in that language and translated into English, a few the other
way round), passages written independently about the same events (not translations), and
unrelated filler paragraphs; ``en.json`` holds English filler. Every passage and
independent passage belongs to the ``dev`` or the ``test`` half, fixed in the data, so that
settings tuned on one half are reported on the other. Filler is shared by both halves: it
is background, not what is measured.

:func:`load_translation_set` reads and checks the data; :func:`build_pairs` assembles the
document pairs (deterministic: the same data give the same texts, byte for byte);
:func:`run_pairs` compares them with :func:`textlineage.compare`, timing each comparison;
:func:`evaluate_translation` does all three and scores the result with
:func:`~textlineage.eval.translation_score.score_translation`. The measures are defined
in :mod:`~textlineage.eval.translation_score` and ``docs/eval.md``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..types import Document, Span
from ._tsv import read_text_file
from .translation_score import (
    BuiltPair,
    PairResult,
    TranslationEvaluation,
    result_from,
    score_translation,
)

if TYPE_CHECKING:
    from ..compare import CompareConfig
    from ..embed import Embedder

__all__ = [
    "EDITS",
    "LANGUAGES",
    "PAIR_KINDS",
    "SPLITS",
    "BuiltPair",
    "IndependentPassage",
    "LanguageSet",
    "TranslatedPassage",
    "TranslationSet",
    "build_pairs",
    "evaluate_translation",
    "load_translation_set",
    "pan13_paragraphs",
    "run_pairs",
]

log = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("es", "fr", "fa")
"""The foreign languages of the set, in report order."""

SPLITS: tuple[str, ...] = ("dev", "test")

EDITS: tuple[str, ...] = ("faithful", "merge", "split", "drop", "add")
"""How a translation departs from its source: sentence for sentence (``faithful``), two
sentences made one (``merge``), one made two (``split``), a sentence left out (``drop``), a
clause or sentence added (``add``)."""

PAIR_KINDS: tuple[str, ...] = ("from_foreign", "from_english", "unrelated", "same_topic")
"""``from_foreign``: the English document holds a translation of the foreign one's passage;
``from_english``: the other way round; ``unrelated``: the two documents hold passages about
different events; ``same_topic``: the foreign document holds a passage written
independently about the event of the English document's passage."""

TARGET_WORDS: tuple[int, ...] = (650, 800, 1000, 1100)
"""Document sizes in words (both documents of a pair get the same one, picked by a hash of
the pair's id): every pair is within the 600-1,200 words of the target, and about a quarter
are the 1,000-word pairs of the timing target."""

_SLACK = 40
"""Words a document may fall short of or exceed its target by."""


# ---------------------------------------------------------------------------------------
# The data


@dataclass(frozen=True)
class TranslatedPassage:
    """A news passage and its translation; ``source_lang`` is the language written first."""

    id: str
    lang: str
    split: str
    topic: str
    source_lang: str
    """``lang`` (translated into English) or ``"en"`` (translated from English)."""
    edits: tuple[str, ...]
    foreign: str
    english: str


@dataclass(frozen=True)
class IndependentPassage:
    """A foreign-language passage about the event of passage ``about``, not translated from
    it: other facts, another angle."""

    id: str
    lang: str
    split: str
    topic: str
    about: str
    foreign: str


@dataclass(frozen=True)
class LanguageSet:
    """Everything written in one foreign language."""

    lang: str
    name: str
    passages: tuple[TranslatedPassage, ...]
    independent: tuple[IndependentPassage, ...]
    filler: tuple[str, ...]

    def passage(self, id: str) -> TranslatedPassage:
        for p in self.passages:
            if p.id == id:
                return p
        raise KeyError(id)


@dataclass(frozen=True)
class TranslationSet:
    """The whole set: the foreign languages and the English filler."""

    languages: tuple[LanguageSet, ...]
    english_filler: tuple[str, ...]

    def language(self, lang: str) -> LanguageSet:
        for s in self.languages:
            if s.lang == lang:
                return s
        raise KeyError(lang)


def _load_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(read_text_file(path, "a translation data file (JSON)"))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(data, dict):
        raise InputError(str(path), "expected a JSON object at the top level")
    return data


def _text(path: Path, where: str, record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(str(path), f"{where}: no text under {key!r}")
    return value


def _split(path: Path, where: str, record: Mapping[str, Any]) -> str:
    split = record.get("split")
    if split not in SPLITS:
        raise InputError(str(path), f"{where}: split {split!r} is not one of {', '.join(SPLITS)}")
    return str(split)


def _paragraphs(path: Path, data: Mapping[str, Any]) -> tuple[str, ...]:
    filler = data.get("filler")
    if not isinstance(filler, list) or not filler:
        raise InputError(str(path), "no 'filler' paragraphs")
    return tuple(_text(path, f"filler {k}", {"p": p}, "p") for k, p in enumerate(filler))


def _load_language(path: Path, lang: str) -> LanguageSet:
    data = _load_json(path)
    if data.get("language") != lang:
        raise InputError(str(path), f"'language' is {data.get('language')!r}, expected {lang!r}")
    passages: list[TranslatedPassage] = []
    for record in data.get("translations") or []:
        where = f"passage {record.get('id')!r}"
        source = record.get("source")
        if source not in (lang, "en"):
            raise InputError(str(path), f"{where}: source {source!r} is neither {lang!r} nor 'en'")
        edits = tuple(record.get("edits") or ())
        if not edits or any(e not in EDITS for e in edits):
            raise InputError(str(path), f"{where}: edits {list(edits)} not among {list(EDITS)}")
        passages.append(
            TranslatedPassage(
                id=_text(path, "a passage", record, "id"),
                lang=lang,
                split=_split(path, where, record),
                topic=_text(path, where, record, "topic"),
                source_lang=str(source),
                edits=edits,
                foreign=_text(path, where, record, lang),
                english=_text(path, where, record, "en"),
            )
        )
    by_id = {p.id: p for p in passages}
    independent: list[IndependentPassage] = []
    for record in data.get("independent") or []:
        where = f"independent passage {record.get('id')!r}"
        about = by_id.get(str(record.get("about")))
        split = _split(path, where, record)
        if about is None or about.split != split:
            raise InputError(
                str(path), f"{where}: 'about' must name a passage of the same split ({split})"
            )
        independent.append(
            IndependentPassage(
                id=_text(path, "an independent passage", record, "id"),
                lang=lang,
                split=split,
                topic=_text(path, where, record, "topic"),
                about=about.id,
                foreign=_text(path, where, record, lang),
            )
        )
    ids = [p.id for p in passages] + [n.id for n in independent]
    if len(set(ids)) != len(ids):
        raise InputError(str(path), "an id is used twice")
    if not passages:
        raise InputError(str(path), "no 'translations'")
    return LanguageSet(
        lang=lang,
        name=str(data.get("name") or lang),
        passages=tuple(passages),
        independent=tuple(independent),
        filler=_paragraphs(path, data),
    )


def load_translation_set(
    data_dir: str | os.PathLike[str], langs: Iterable[str] = LANGUAGES
) -> TranslationSet:
    """Read ``{lang}.json`` for each language and ``en.json`` from ``data_dir``.

    Raises :class:`InputError` naming the file and the problem: a missing file, bad JSON,
    an unknown split, source or edit, an independent passage about no passage of its split,
    a repeated id, or an empty text.
    """
    base = Path(data_dir)
    out = []
    for lang in langs:
        if lang not in LANGUAGES:
            raise InputError(
                str(base), f"unknown language {lang!r} (known: {', '.join(LANGUAGES)})"
            )
        out.append(_load_language(base / f"{lang}.json", lang))
    english = base / "en.json"
    return TranslationSet(tuple(out), _paragraphs(english, _load_json(english)))


def pan13_paragraphs(pan_dir: str | os.PathLike[str], limit: int = 400) -> tuple[str, ...]:
    """English filler from a PAN text-alignment corpus: lines of 40 to 150 words ending in a
    full stop, from its ``src/`` documents in file-name order, at most three a document.

    The corpus is read where it lies (``../shared/data/pan13-train``), never copied.
    """
    src = Path(pan_dir) / "src"
    if not src.is_dir():
        raise InputError(str(pan_dir), "no src/ folder (expected a PAN text-alignment corpus)")
    out: list[str] = []
    for path in sorted(src.glob("*.txt")):
        taken = 0
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = " ".join(line.split())
            if 40 <= len(line.split()) <= 150 and line.endswith(".") and line[0].isupper():
                out.append(line)
                taken += 1
                if taken == 3:
                    break
        if len(out) >= limit:
            return tuple(out[:limit])
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Building the document pairs


def _hash(key: str) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")


def _embed(passage: str, filler: Sequence[str], key: str, target: int) -> tuple[str, Span]:
    """``passage`` among filler paragraphs (at least one before and one after) chosen and
    ordered by hashes of ``key``, about ``target`` words in all; the passage's span."""
    need = target - len(passage.split())
    order = sorted(range(len(filler)), key=lambda k: _hash(f"{key}/filler/{k}"))
    chosen: list[int] = []
    total = 0
    for k in order:
        words = len(filler[k].split())
        if total + words <= need + _SLACK:
            chosen.append(k)
            total += words
            if total >= need - _SLACK:
                break
    if total < need - _SLACK:
        # No paragraph fits the window: take the one that ends closest to the target.
        rest = [k for k in order if k not in chosen]
        if rest:
            chosen.append(min(rest, key=lambda k: abs(total + len(filler[k].split()) - need)))
    if len(chosen) < 2:
        raise ValueError(f"{key}: too little filler for a {target}-word document")
    cut = 1 + _hash(f"{key}/position") % (len(chosen) - 1)
    before = "\n\n".join(filler[k] for k in chosen[:cut]) + "\n\n"
    text = before + passage + "\n\n" + "\n\n".join(filler[k] for k in chosen[cut:])
    return text, (len(before), len(before) + len(passage))


def _pair(
    pair_id: str,
    kind: str,
    lang: LanguageSet,
    split: str,
    *,
    foreign: tuple[str, str],
    english: tuple[str, str],
    english_filler: Sequence[str],
    source_lang: str | None = None,
) -> BuiltPair:
    """``foreign`` and ``english``: (passage id, text) planted on each side."""
    target = TARGET_WORDS[_hash(f"{pair_id}/size") % len(TARGET_WORDS)]
    f_text, f_span = _embed(foreign[1], lang.filler, f"{pair_id}/{lang.lang}", target)
    e_text, e_span = _embed(english[1], english_filler, f"{pair_id}/en", target)
    # No language in the documents' metadata: a comparison must find it, as with real input.
    f_doc = Document(f"{pair_id}:{lang.lang}", f_text)
    e_doc = Document(f"{pair_id}:en", e_text)
    fi = _hash(f"{pair_id}/order") % 2
    docs = (f_doc, e_doc) if fi == 0 else (e_doc, f_doc)
    spans = (f_span, e_span) if fi == 0 else (e_span, f_span)
    ids = (foreign[0], english[0]) if fi == 0 else (english[0], foreign[0])
    source = None if source_lang is None else (fi if source_lang == lang.lang else 1 - fi)
    return BuiltPair(
        id=pair_id,
        lang=lang.lang,
        split=split,
        kind=kind,
        documents=docs,
        foreign=fi,
        planted=spans,
        truth=spans if source_lang is not None else None,
        source=source,
        passages=ids,
    )


def _partner(p: TranslatedPassage, pool: list[TranslatedPassage]) -> TranslatedPassage:
    """The next passage after ``p`` in ``pool`` (cyclically) with another topic."""
    k = pool.index(p)
    for q in pool[k + 1 :] + pool[:k]:
        if q.topic != p.topic:
            return q
    raise ValueError(f"{p.id}: every other passage of its split has topic {p.topic!r}")


def build_pairs(
    data: TranslationSet,
    *,
    split: str | None = None,
    langs: Iterable[str] | None = None,
    english_filler: Sequence[str] | None = None,
) -> list[BuiltPair]:
    """The document pairs of ``split`` (None: both halves) for ``langs`` (None: all).

    Per language and split: one positive pair per passage (``from_foreign`` or
    ``from_english``: the passage in foreign filler, its translation in English filler);
    one ``unrelated`` pair per passage (the passage against the English side of the next
    passage of the split with another topic); one ``same_topic`` pair per independent
    passage (it against the English side of the passage it is about). Every document holds
    filler before and after its passage; ``english_filler`` replaces the set's own English
    filler (:func:`pan13_paragraphs`). Which document comes first, the filler and the sizes
    follow hashes of the pair's id, so the output depends on the data alone.
    """
    if split is not None and split not in SPLITS:
        raise ValueError(f"split {split!r}: use one of {', '.join(SPLITS)}")
    en_filler = tuple(english_filler) if english_filler is not None else data.english_filler
    wanted = set(langs) if langs is not None else None
    out: list[BuiltPair] = []
    for lang in data.languages:
        if wanted is not None and lang.lang not in wanted:
            continue
        for half in SPLITS if split is None else (split,):
            pool = [p for p in lang.passages if p.split == half]
            for p in pool:
                kind = "from_english" if p.source_lang == "en" else "from_foreign"
                out.append(
                    _pair(
                        p.id,
                        kind,
                        lang,
                        half,
                        foreign=(p.id, p.foreign),
                        english=(p.id, p.english),
                        english_filler=en_filler,
                        source_lang=p.source_lang,
                    )
                )
            for p in pool:
                q = _partner(p, pool)
                out.append(
                    _pair(
                        f"{p.id}~{q.id}",
                        "unrelated",
                        lang,
                        half,
                        foreign=(p.id, p.foreign),
                        english=(q.id, q.english),
                        english_filler=en_filler,
                    )
                )
            for n in lang.independent:
                if n.split == half:
                    about = lang.passage(n.about)
                    out.append(
                        _pair(
                            n.id,
                            "same_topic",
                            lang,
                            half,
                            foreign=(n.id, n.foreign),
                            english=(about.id, about.english),
                            english_filler=en_filler,
                        )
                    )
    return out


# ---------------------------------------------------------------------------------------
# Running the comparisons


def _fresh(config: CompareConfig) -> CompareConfig:
    """``config`` with new, empty caches around its sentence models (the English one and
    the multilingual one), so that a timed comparison meets its texts anew (the filler
    paragraphs recur from pair to pair)."""
    from ..embed import CachedEmbedder, default_embedder, semantic_available
    from ..embed_multi import available as multilingual_available
    from ..embed_multi import default_multilingual_embedder

    if not config.semantic.enabled:
        return config
    model = config.embedder
    if model is None and semantic_available():
        model = default_embedder()
    multi = config.multilingual_embedder
    if multi is None and multilingual_available():
        multi = default_multilingual_embedder()

    def uncached(m: Embedder | None) -> Embedder | None:
        if m is None:
            return None
        return CachedEmbedder(m.inner if isinstance(m, CachedEmbedder) else m)

    return replace(config, embedder=uncached(model), multilingual_embedder=uncached(multi))


def run_pairs(
    pairs: Sequence[BuiltPair],
    *,
    config: CompareConfig | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[PairResult]:
    """Compare every pair in this process, one after another, and time each comparison.

    "Warm": the first pair is compared once, untimed, so the models are loaded; each timed
    comparison gets an empty sentence-vector cache (the model stays loaded).
    """
    from ..compare import CompareConfig
    from ..compare import compare as run_compare

    cfg = config or CompareConfig()
    if pairs:
        run_compare(*pairs[0].documents, _fresh(cfg))
    out: list[PairResult] = []
    for k, pair in enumerate(pairs, 1):
        fresh = _fresh(cfg)
        t = time.perf_counter()
        comparison = run_compare(*pair.documents, fresh)
        out.append(result_from(comparison, time.perf_counter() - t))
        if progress is not None:
            progress(k, len(pairs))
    return out


def evaluate_translation(
    data_dir: str | os.PathLike[str],
    *,
    split: str | None = None,
    langs: Iterable[str] | None = None,
    config: CompareConfig | None = None,
    pan13_dir: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> TranslationEvaluation:
    """Load the set, build the pairs of ``split`` (None: both) and ``langs`` (None: all),
    compare and score them. ``pan13_dir``: take the English filler from that PAN corpus
    (:func:`pan13_paragraphs`) instead of the set's own."""
    chosen = tuple(langs) if langs is not None else LANGUAGES
    data = load_translation_set(data_dir, chosen)
    filler = None if pan13_dir is None else pan13_paragraphs(pan13_dir)
    pairs = build_pairs(data, split=split, english_filler=filler)
    log.info("eval translation: %d pairs (%s, %s)", len(pairs), split or "all", ",".join(chosen))
    results = run_pairs(pairs, config=config, progress=progress)
    return score_translation(
        pairs, results, split=split or "all", english_filler="own" if filler is None else "pan13"
    )
