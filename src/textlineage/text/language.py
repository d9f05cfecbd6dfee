"""Which language a text is written in, when nobody said: a cautious guess from its script
and its commonest words.

The fact diff reads numbers, dates and names by language ("1.500" is 1500 in Spanish and
1.5 in English), so a wrong guess costs more than no guess: :func:`guess_language` answers
``"und"`` (undetermined) unless the evidence is clear, and callers treat ``"und"`` as
"read it the English way". Languages: :data:`LANGUAGES`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import regex

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
