"""Extraction: run the extractors over a text in order, each blocked by what earlier ones
claimed.

Page furniture first (:mod:`.furniture`: ad sizes, bylines, datelines, counters, copyright
lines hold no facts), then hashtags, dates, measures and shares written in words (:mod:`.measures`,
:mod:`.proportions`), numbers, ranks, quotations and names
(:mod:`.dates`, :mod:`.numbers`, :mod:`.ranks`, :mod:`.quotes`, :mod:`.names`). Two masks pass between them: what blocks
numbers and dates, and what blocks names (hashtags, dates and the digits of numbers). A
short quotation is one fact with the names and numbers inside it.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from ..text.language import resolve_language
from ..text.normalise import fold
from ..types import Fact
from .clock import find_times, find_word_times
from .dates import find_dates
from .forms import singular
from .furniture import furniture_spans
from .furniture_kinds import PHONE_RE, is_phone
from .holidays import find_holidays
from .items import Item, mark, overlaps
from .measures import find_measures
from .names import find_names
from .numbers import find_numbers
from .numeric import ENGLISH_READ, patterns
from .proportions import find_proportions
from .quotes import find_quotes
from .ranks import find_ranks
from .scores import find_scores
from .sequences import find_sequences
from .units import canonical_unit
from .weekdays import with_weekdays

SHORT_QUOTE_WORDS = 20
"""A quotation of at most this many words is one fact with what it names."""

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
    furniture = bytearray(n)  # the page's, not the story's: no facts inside
    for s, e in furniture_spans(text, lang):
        for mask in (num_mask, name_mask, furniture):
            mark(mask, s, e)
    for s, e in _reference_marks(text):
        mark(num_mask, s, e)
    for m in _PERIOD_CODE_RE.finditer(text):
        mark(name_mask, *m.span())  # "Q1 2032", "FY2031": a period's code, no name
    for m in _ALWAYS_RE.finditer(text):
        mark(num_mask, *m.span())  # "open 24/7": always, no count
    for m in _POSTCODE_RE.finditer(text):
        mark(num_mask, *m.span())
        mark(name_mask, *m.span())
    items: list[Item] = []
    items.extend(_hashtags(text, doc, num_mask, name_mask))
    items.extend(_phones(text, doc, num_mask, name_mask))
    items.extend(find_sequences(text, doc, num_mask, name_mask))
    if lang in ENGLISH_READ:
        items.extend(find_scores(text, doc, num_mask, name_mask))
        items.extend(find_times(text, doc, num_mask, name_mask))
        items.extend(find_word_times(text, doc, num_mask, name_mask))
        items.extend(find_holidays(text, doc, num_mask, name_mask))
    dates = find_dates(text, doc, num_mask, name_mask, lang)
    if lang in ENGLISH_READ:
        dates = with_weekdays(text, doc, dates, num_mask, name_mask)
    items.extend(dates)
    if lang in ENGLISH_READ:
        pats = patterns(lang)
        items.extend(find_measures(text, doc, num_mask, name_mask, pats))
        items.extend(find_proportions(text, doc, num_mask, name_mask, pats))
    items.extend(_not_in_names(text, find_numbers(text, doc, num_mask, name_mask, lang)))
    if lang in ENGLISH_READ:
        items.extend(_twins(text, doc, num_mask))
    if lang in ENGLISH_READ:
        items.extend(find_ranks(text, doc, num_mask, name_mask))
    quotes = [q for q in find_quotes(text, doc) if not overlaps(furniture, *q.fact.span)]
    items.extend(find_names(text, doc, name_mask, lang))
    items = _outside_short_quotes(items, quotes)
    items.extend(quotes)
    items.sort(key=lambda it: (it.fact.span[0], it.fact.span[1], it.fact.kind))
    return items


_PERIOD_CODE_RE = regex.compile(r"(?<![\p{L}\p{N}])(?:[QH][1-4]|FY\d{2}(?:\d{2})?)(?![\p{L}\p{N}])")
"""A quarter's, a half-year's or a financial year's code: "Q1", "H2", "FY2031"."""
_ALWAYS_RE = regex.compile(r"(?<![\p{N}/.,:-])24\s?[/x×]\s?7(?:\s?/\s?365)?(?![\p{N}/.,:])")
"""Around the clock, every day ("24/7", "24x7", "24/7/365"): said of a service, no
number of hours or days."""
_POSTCODE_RE = regex.compile(
    r"(?<![\p{L}\p{N}])(?:[A-Z]{1,2}\d[A-Z\d]?[ \u00a0]\d[A-Z]{2}|[A-Z]\d[A-Z][ \u00a0]\d[A-Z]\d)(?![\p{L}\p{N}])"
)
"""A British or Canadian postcode ("CF83 2XT", "TA1 4QP", "K1A 0B1"): part of an address, no
name or number."""
_MARK_RE = regex.compile(r"(?:(?<=\p{L}[ \u00a0]?)|(?<=^[ \t]*))[(\[](?P<n>\d{1,2})[)\]]", regex.M)
"""A number in brackets after a word or opening a line: "Owen Pryce (2)", "(2) Halvard
Renewables LLC", "shown before [3]"."""


def _reference_marks(text: str) -> list[tuple[int, int]]:
    """The spans of reference marks: a bracketed number after a word or opening a line
    that the text writes at least twice in that shape, a footnote or an affiliation cited
    and given ("Owen Pryce (2)", then "(2) Halvard Renewables LLC"). A mark is no fact;
    a count in brackets said once ("Comments (41)") is left to the number readers."""
    found = list(_MARK_RE.finditer(text))
    seen = Counter(m.group() for m in found)
    return [m.span() for m in found if seen[m.group()] >= 2]


_NAME_BEFORE_RE = regex.compile(r"(?<=[\p{L}\p{N},;] )\p{Lu}[\p{L}-]*[ \u00a0]$")
"""A capitalised word inside a sentence (a word, digit, comma or semicolon before it)
standing right before a number: "the Aero Tab 3", "a Phase 3 trial"."""
_BARE_SMALL_RE = regex.compile(r"\d{1,2}")
_WORD_AFTER_RE = regex.compile(
    r"(?:\G|(?<![ \u00a0]))[ \u00a0]++(?!(?:of|and|or|nor|but|to|in|on|at|for|per|out|from|by|with|than|percent)"
    r"(?![\p{L}]))\p{Ll}"
)
"""A word that goes on with a name's number ("2 weighs", "3 trial"), not one that goes
on with a count ("13 of the 36 seats", "10 and the Greens 3")."""


def _not_in_names(text: str, items: list[Item]) -> list[Item]:
    """``items`` less the small bare numbers that end a name: a model or an edition
    ("the Aero Tab 3 weighs", "a Phase 3 trial"), written after a capitalised word
    inside a sentence with no unit or currency, the sentence going on in lower case. A
    number there is part of what is named, not a count of anything; one that ends its
    clause or goes on with a preposition or a conjunction is a count said of a name
    ("the Social Alliance 13 of the 36 seats, the Greens 3"), kept."""
    out = []
    for it in items:
        s, e = it.fact.span
        core = it.core or it.fact.text
        if (
            _BARE_SMALL_RE.fullmatch(core)
            and not it.cur
            and not it.qual
            and _NAME_BEFORE_RE.search(text, max(0, s - 40), s)
            and text[s:e].startswith(core)
            and _WORD_AFTER_RE.match(text, s + len(core))
        ):
            continue
        out.append(it)
    return out


_TWIN_RE = regex.compile(r"(?<![\p{L}\p{N}-])(?i:twin)[ \u00a0]+(?P<noun>\p{Ll}{3,}s)(?![\p{L}])")
"""Two things said as twins: "the twin boilers" (a count of 2, as "two boilers")."""


def _twins(text: str, doc: int, num_mask: bytearray) -> list[Item]:
    out = []
    for m in _TWIN_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        unit = canonical_unit(singular(m.group("noun").lower()))
        fact = Fact("number", m.group(), (s, e), doc, "2")
        out.append(Item(fact, "number", ("2", unit, "", ""), unit=unit, core=text[s : s + 4]))
        mark(num_mask, s, e)
    return out


def _outside_short_quotes(items: list[Item], quotes: list[Item]) -> list[Item]:
    """``items`` less those inside a quotation of at most :data:`SHORT_QUOTE_WORDS` words:
    a slogan, a charge, a title or a sentence quoted ("enmity against God") is one fact
    with the names and numbers in it (a number changed inside it is one change of the
    quote). A longer quotation, a passage copied between quote marks, keeps its facts: a
    derived text may repeat them without the quote marks."""
    spans = [q.fact.span for q in quotes if q.fact.value.count(" ") + 1 <= SHORT_QUOTE_WORDS]
    if not spans:
        return items
    inside = bytearray(max(e for _, e in spans))
    for s, e in spans:
        mark(inside, s, e)
    return [it for it in items if not (it.fact.span[0] < len(inside) and _within(inside, it))]


def _within(inside: bytearray, it: Item) -> bool:
    s, e = it.fact.span
    return inside.find(0, s, min(e, len(inside))) == -1 and e <= len(inside)


_DASHED_PHONE_RE = regex.compile(
    r"(?<![\w.,-])(?:1-)?(?:\(\d{3}\)[ \u00a0]?|\d{3}-)\d{3}-\d{4}(?![\w-])"
)
"""A telephone number in three dashed groups ("503-555-0164", "(503) 555-0164", or after
the trunk code: "1-800-555-0199"), even with a figure after a comma ("503-555-0164, 7
days a week")."""


def _phones(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """Telephone numbers in the story ("ring Crimestoppers on 0800 555 111"): one number
    each, matched by its digits, never read as the numbers of its groups."""
    out = []
    for m in (*_DASHED_PHONE_RE.finditer(text), *PHONE_RE.finditer(text)):
        s, e = m.span()
        if overlaps(num_mask, s, e) or not is_phone(m.group()):
            continue
        value = "tel:" + "".join(ch for ch in m.group() if ch.isdigit())
        out.append(Item(Fact("number", m.group(), (s, e), doc, value), "number", (value, "", "")))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    return out


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
