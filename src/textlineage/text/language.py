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
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Sequence
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
