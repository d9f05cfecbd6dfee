"""Extraction: run the extractors over a text in order, each blocked by what earlier ones
claimed.

Hashtags first, then dates, numbers, quotations and names (:mod:`.dates`, :mod:`.numbers`,
:mod:`.quotes`, :mod:`.names`). Two masks pass between them: what blocks numbers and dates,
and what blocks names (hashtags, dates and the digits of numbers).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..text.language import resolve_language
from ..text.normalise import fold
from ..types import Fact
from .dates import find_dates
from .items import Item, mark
from .names import find_names
from .numbers import find_numbers
from .quotes import find_quotes

_HASHTAG_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_&/\#])\#(?=[\p{N}_\u200c\u200d]*[\p{L}])[\p{L}\p{M}\p{N}_\u200c\u200d]+"
)


def extract_facts(text: str, doc: int = 0, language: str | None = None) -> list[Fact]:
    """The facts of ``text``, ordered by span; spans index ``text``.

    ``language`` (ISO 639-1) says how numbers, dates and names are written; None or
    ``"und"``: guessed (:func:`~textlineage.text.language.resolve_language`)."""
    return [it.fact for it in _analyse(text, doc, resolve_language(language, text))]


@lru_cache(maxsize=8)
def analysed(text: str, doc: int, lang: str = "und") -> tuple[Item, ...]:
    """The items of ``text`` in the resolved language ``lang``, remembered for the last few
    texts (a search diffs one query against many hits). Callers copy the items before
    marking them."""
    return tuple(_analyse(text, doc, lang))


def _analyse(text: str, doc: int, lang: str) -> list[Item]:
    n = len(text)
    num_mask = bytearray(n)  # blocks further numbers and dates
    name_mask = bytearray(n)  # blocks names (hashtags, dates, number cores)
    items: list[Item] = []
    items.extend(_hashtags(text, doc, num_mask, name_mask))
    items.extend(find_dates(text, doc, num_mask, name_mask, lang))
    items.extend(find_numbers(text, doc, num_mask, name_mask, lang))
    items.extend(find_quotes(text, doc))
    items.extend(find_names(text, doc, name_mask, lang))
    items.sort(key=lambda it: (it.fact.span[0], it.fact.span[1], it.fact.kind))
    return items


def _hashtags(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """Hashtags, matched by their folded text; they block everything else."""
    out = []
    for m in _HASHTAG_RE.finditer(text):
        s, e = m.span()
        value = fold(m.group())
        out.append(Item(Fact("hashtag", m.group(), (s, e), doc, value), "hashtag", (value,)))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    return out
