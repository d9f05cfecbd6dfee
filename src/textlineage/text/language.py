"""Language identification of documents and of their sentences.

The model is Chromium's Compact Language Detector 2 (CLD2, about 80 languages with
Persian, Arabic and Russian) through the ``pycld2`` package, whose tables are compiled into
its extension module: that file is checked against pinned sha256 digests (one per wheel
this project knows) before it is imported. It loads in milliseconds and reads a sentence in
well under one. A text gets an ISO 639-1 code (``"en"``, ``"es"``, ``"fa"``…) or
:data:`UNKNOWN` when it holds too few letters to tell, or when the model is not sure.

A document's language is the language of most of its letters, counted sentence by
sentence (:func:`unit_languages`), so a Spanish article quoting a paragraph of English is
Spanish with English sentences, and each sentence knows its own language. Short sentences
are unreliable alone (a name, a number, a loan word): a sentence gets a language of its own
only when it is long enough and the model is sure, else it takes its document's.

Without the model, and for the fact diff's own reading of numbers, dates and names (where
a wrong guess costs more than none), :func:`guess_language` makes a cautious guess from the
script and the commonest words of the languages in :data:`LANGUAGES`.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

UNKNOWN = "und"
"""The code of a text whose language could not be told."""

INSTALL_HINT = "pip install 'textlineage[semantic]'"
CLD2_SHA256 = frozenset(
    {
        # pycld2 0.42, manylinux x86_64 wheels for CPython 3.10, 3.11, 3.12, 3.13
        "aebd3213183ff61bd6f81ae6ba243868e209677297313ad7e52da47980534b07",
        "e778428ec5d4d5bf706866c21752daf145a382e6874a4bf3e4169889c1eba63d",
        "5746a7236c9a26c221baeea0182fc8b80753ec1213f3b3584727ebbe5e9362fc",
        "002637da0a0e89bce6c0a99e5b1b7d820e0c6baa12689b539b9c0aacca3357b1",
    }
)
"""sha256 of ``pycld2/_pycld2*.so`` (the model's tables are compiled into it)."""

MIN_LETTERS = 12
"""Texts with fewer letters than this get :data:`UNKNOWN`."""
MIN_UNIT_LETTERS = 40
"""A sentence with fewer letters takes its document's language."""
SAMPLE_CHARS = 2000
"""What a document's language is read from when its sentences are not identified."""
MIN_PERCENT = 80
"""The share (in percent) of a text's letters the model must give its top language, with
its reliability flag set; else :data:`UNKNOWN` (a document) or the document's language (a
sentence)."""

NAMES = {
    "ar": "Arabic",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fr": "French",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
    UNKNOWN: "unknown language",
}
"""English names of common codes, for reasons and reports (others show as the code)."""


def language_name(code: str) -> str:
    return NAMES.get(code, code)


def available() -> bool:
    """True when the language model's package is installed (nothing is imported)."""
    return importlib.util.find_spec("pycld2") is not None


@lru_cache(maxsize=1)
def _detector() -> Any:
    from ..embed import _sha256
    from ..errors import MissingDependencyError, ModelIntegrityError

    spec = importlib.util.find_spec("pycld2")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependencyError("language identification", INSTALL_HINT)
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("_pycld2*"))
    if not found:
        raise MissingDependencyError("language identification", INSTALL_HINT)
    digest = _sha256(found[0])
    if digest not in CLD2_SHA256:
        raise ModelIntegrityError(
            f"{found[0]}: sha256 {digest} is not a pinned pycld2 0.42 build; reinstall pycld2==0.42"
        )
    import pycld2

    return pycld2


def identify(text: str) -> tuple[str, float]:
    """The language of ``text`` and the share of its letters the model gives it (0 to 1,
    0.0 when unreliable; :data:`UNKNOWN` and 0.0 when the text has too few letters)."""
    return _identify_clean(_clean(text))


def _identify_clean(cleaned: str) -> tuple[str, float]:
    if _letters(cleaned) < MIN_LETTERS or not available():
        return UNKNOWN, 0.0
    reliable, _, details = _detector().detect(cleaned, bestEffort=True)
    name, code, percent, _ = details[0]
    if code in ("un", "xxx") or name == "Unknown":
        return UNKNOWN, 0.0
    return _CODES.get(code, code), (percent / 100.0 if reliable else 0.0)


_CODES = {"iw": "he", "zh-Hant": "zh", "ms": "ms"}
"""CLD2's codes that differ from ISO 639-1."""


def detect(text: str) -> str:
    """The language of ``text``, or :data:`UNKNOWN` when unsure."""
    code, share = identify(text)
    return code if share * 100 >= MIN_PERCENT else UNKNOWN


_NOT_LETTER = regex.compile(r"[^\p{L}\p{M}]")


def _clean(text: str) -> str:
    """``text`` with every character but letters and marks made a space (same length).

    Digits, punctuation and symbols carry no language and make CLD2 less sure of short
    texts; it also refuses control characters (NEL among them) and noncharacters."""
    return _NOT_LETTER.sub(" ", text)


def _letters(cleaned: str) -> int:
    """Letters (and marks) in a text made by :func:`_clean`."""
    return len(cleaned) - cleaned.count(" ")


@dataclass(frozen=True)
class Languages:
    """A document's language and each of its sentences' (as :func:`unit_languages`)."""

    document: str
    units: tuple[str, ...]

    @property
    def mixed(self) -> bool:
        """True when some sentence is in another language than the document."""
        return any(u != self.document for u in self.units)


def unit_languages(
    text: str, spans: Sequence[tuple[int, int]], *, per_unit: bool = True
) -> Languages:
    """The language of a document and of each of its units (``spans`` into ``text``).

    Each long enough unit is identified alone; the document's language is the one with
    most letters among those, else the whole text's. Units too short or unsure take the
    document's language. ``per_unit=False`` reads the whole text once and gives every unit
    its language, from its first :data:`SAMPLE_CHARS` characters (no mixed documents; a
    few milliseconds less for a pair of news articles). The
    whole text alone is no guide to mixture: CLD2 calls two Spanish sentences around an
    English one English throughout.
    """
    if not per_unit:
        doc = detect(text[:SAMPLE_CHARS])
        return Languages(doc, (doc,) * len(spans))
    cleaned = _clean(text)
    own: list[str | None] = []
    weight: Counter[str] = Counter()
    for s, e in spans:
        piece = cleaned[s:e]
        n = _letters(piece)
        code: str | None = None
        if n >= MIN_UNIT_LETTERS:
            c, share = _identify_clean(piece)
            if share * 100 >= MIN_PERCENT:
                code = c
                weight[c] += n
        own.append(code)
    # Most letters; ties by code so the answer never depends on order.
    doc = min(weight, key=lambda c: (-weight[c], c)) if weight else detect(text)
    return Languages(doc, tuple(c or doc for c in own))


# The cautious guess without a model (used by the fact diff).

LANGUAGES = ("en", "es", "fr", "de", "ru", "fa", "ar")
"""The languages textlineage knows the numbers, dates and names of (ISO 639-1)."""

UNDETERMINED = "und"


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


FUNCTION_WORDS: Mapping[str, frozenset[str]] = {
    "en": _words(
        "the of and to in is was for that on with as by at from it he she they has have "
        "were are be this which an not but or said will been had who their its would"
    ),
    "es": _words(
        "el la los las de del que y en un una por con para es se no su al lo como más pero "
        "sus le ya o fue este esta ha han sobre entre también según dijo desde hasta"
    ),
    "fr": _words(
        "le la les des de du et en un une est que qui dans pour pas sur au aux par ne se "
        "avec il elle ont été sont cette ces son sa leurs selon aussi mais a ou"
    ),
    "de": _words(
        "der die das und ist nicht den dem des ein eine einen zu mit von auf für im sich "
        "auch es sie er wurde wurden sind hat haben bei nach aus wie als oder dass"
    ),
    "ru": _words(
        "и в не на что с по как он она это из за к у от о для был была были но также его "
        "ее её их который которые при после года"
    ),
    "fa": _words("و در به از که این را با است برای آن بود شد یک تا هم بر اما های"),
    "ar": _words("في من على إلى أن التي الذي عن مع هذا هذه كان قد لا ما بين وقال كما"),
}
"""The commonest words of each language, lower case: the evidence of :func:`guess_language`
(and words that never start a name)."""

_LATIN_LANGUAGES = ("en", "es", "fr", "de")
# The function words only one Latin-script language has ("de", "la", "en" are two's).
_DISTINCTIVE: Mapping[str, frozenset[str]] = {
    lang: FUNCTION_WORDS[lang].difference(
        *(FUNCTION_WORDS[other] for other in _LATIN_LANGUAGES if other != lang)
    )
    for lang in _LATIN_LANGUAGES
}

_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_CYRILLIC_RE = regex.compile(r"\p{Cyrillic}")
_ARABIC_RE = regex.compile(r"\p{Arabic}")
_LATIN_RE = regex.compile(r"\p{Latin}")
_PERSIAN_LETTERS = frozenset("پچژگکی")  # not used in Arabic
_ARABIC_LETTERS = frozenset("يكة")  # Arabic yeh, kaf and teh marbuta: Persian writes ی ک ه

_SAMPLE = 20_000  # characters: enough for a verdict, cheap on a book


def script_of(text: str) -> str:
    """The main script of ``text``: ``"latin"``, ``"cyrillic"``, ``"arabic"`` or
    ``"other"`` (most letters in none of them, or no letters)."""
    sample = text[:_SAMPLE]
    counts = {
        "latin": len(_LATIN_RE.findall(sample)),
        "cyrillic": len(_CYRILLIC_RE.findall(sample)),
        "arabic": len(_ARABIC_RE.findall(sample)),
    }
    best = max(counts, key=lambda k: counts[k])
    letters = sum(1 for c in sample if c.isalpha())
    if not counts[best] or counts[best] * 2 < letters:
        return "other"
    return best


def guess_language(text: str) -> str:
    """The language of ``text`` among :data:`LANGUAGES`, or ``"und"`` when unsure.

    Cyrillic text is taken as Russian, Arabic-script text as Persian or Arabic by the
    letters only one of them uses. Latin text needs at least eight of the function words
    only its language has, three times as many as of any other and a tenth of its words
    (prose, not a list); English text that falls short stays ``"und"``, which callers
    read the English way.
    """
    script = script_of(text)
    sample = text[:_SAMPLE]
    if script == "cyrillic":
        return "ru"
    if script == "arabic":
        fa = sum(1 for c in sample if c in _PERSIAN_LETTERS)
        ar = sum(1 for c in sample if c in _ARABIC_LETTERS)
        return "fa" if fa >= ar else "ar"
    if script != "latin":
        return UNDETERMINED
    # Words as written: function words are lower case in prose ("A-311" is no article).
    words = Counter(_WORD_RE.findall(sample))
    score = {
        lang: sum(n for w, n in words.items() if w in _DISTINCTIVE[lang])
        for lang in _LATIN_LANGUAGES
    }
    ranked = sorted(score, key=lambda k: -score[k])
    best, second = ranked[0], ranked[1]
    total = sum(words.values())
    if score[best] >= 8 and score[best] >= 3 * score[second] and 10 * score[best] >= total:
        return best
    return UNDETERMINED


def resolve_language(language: str | None, text: str) -> str:
    """``language`` when it is one of :data:`LANGUAGES`, else the guess for ``text``
    (``None``, ``"und"`` or an unknown code: undetermined, so guessed)."""
    if language:
        code = language.lower().split("-")[0].split("_")[0]
        if code in LANGUAGES:
            return code
    return guess_language(text)
