"""Pieces of one dropped phrase reported once: a last pass over the dropped facts, on the
places the report gives them.

The extractors read some phrases in pieces, and when the derived text leaves the phrase
out, each piece is reported dropped. Three shapes of phrase are one fact whatever their
pieces:

- An aside in brackets: the figures and dates dropped inside one pair of brackets, with
  nothing there kept or changed, are one aside lost ("(12-4, 6-2 in the league)", "(2030:
  £41m)"), not a figure each (:func:`join_brackets`).
- A figure or a date of a named thing: a figure dropped that "of" ties to a name dropped
  right after it ("Rule 9 of the Harbour Byelaws", "Section 4 of the Water Act") is one
  reference (:func:`join_of`). Not a person: a person of a body ("Inspector Ann Ray of
  the county police") names two things a text can drop apart.
- A postal address: a house number, a street, a town and a postcode, dropped in pieces,
  are one place (:func:`join_addresses`).
- Two places (dates) that "between ... and" makes one range, and the two pieces of a
  name a possessive parts ("St Ann's Road"), are one fact (:func:`join_ranges`).
- Two claims dropped side by side in one sentence, parted by a comma or a semicolon (and
  a conjunction), are the sentence's statement dropped whole: one claim
  (:func:`join_claims`).
- A person and the age that describes them, dropped side by side ("12-year-old Enid
  Marsh", "Enid Marsh, 12,"), are one person (:func:`join_ages`).

The facts dropped in one source sentence that keeps nothing are joined again here
(:func:`~.consolidate.join_dropped_sentences`), as the report places them: a name dropped
is reported where the story names it, which may not be where it was first read.
"""

from __future__ import annotations

import bisect
import itertools

import regex

from ..types import Fact
from .consolidate import join_dropped_sentences
from .dropped_parts import (
    fold_name_tails,
    fold_range_ends,
    name_as_noun,
    one_as_article,
    split_maiden_names,
    split_person_of_body,
    trim_linked_tails,
)
from .items import Result

_MEASURES = ("number", "date")
_NAMES = ("organisation", "place", "entity")
_BRACKETS_RE = regex.compile(r"\(([^()\n]{1,80})\)")
"""A pair of round brackets on one line, what they hold short."""
_OF_RE = regex.compile(r"\s+of\s+(?:the\s+)?")
"""The tie between a figure and the name it belongs to."""

_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace"
    r"|Crescent|Close|Square|Row|Hill|Parade|Boulevard|Blvd|Highway|Hwy)"
)
_POSTCODE = (
    r"(?:\p{Lu}{1,2}\d[\p{Lu}\d]?[ \u00a0]\d\p{Lu}{2}"  # a British postcode: "AB12 3CD"
    r"|\p{Lu}{2}[ \u00a0]\d{5}(?:-\d{4})?)"  # a state and a ZIP code: "TX 75001"
)
_CALENDAR = (
    "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    "|April|May|June|July|August|September|October|November|December)"
)
"""A day's or a month's name after an address's comma: a date, no town."""
_ADDRESS_RE = regex.compile(
    r"(?<![\p{L}\p{N}])\d{1,5}[\p{Lu}]?[ \u00a0]+(?:[NSEW]\.?[ \u00a0]+)?"
    r"(?:\p{Lu}[\p{L}'’]*[ \u00a0]+){1,3}"
    rf"{_STREET}\.?(?![\p{{L}}])"
    rf"(?:,[ \u00a0]+(?:\p{{Lu}}\p{{Ll}}+[ \u00a0]){{1,2}}{_POSTCODE}(?![\p{{L}}\p{{N}}])"
    rf"|,[ \u00a0]+(?!{_CALENDAR}\b)\p{{Lu}}\p{{Ll}}+(?:[ \u00a0]+\p{{Lu}}\p{{Ll}}+)?(?=[,.;]?(?:\s|$))"
    rf"(?:,?[ \u00a0]+{_POSTCODE}(?![\p{{L}}\p{{N}}]))?)?"
)
"""A house number, the street's words and a street word, then maybe a town and a
postcode: "27 Mill Lane, Ashby AB12 3CD", "310 Elm Street, Dayton, OH 45402"."""


class _Linked:
    """The source spans of the kept and changed links, to ask whether one overlaps a
    range."""

    def __init__(self, res: Result) -> None:
        spans = sorted(k.source.span for k in (*res.kept, *res.changed))
        self.starts = [s for s, _ in spans]
        self.reach = list(itertools.accumulate((e for _, e in spans), max))

    def overlap(self, a: int, b: int) -> bool:
        """Does a span start inside ``a:b``, or one starting before reach past ``a``?"""
        lo = bisect.bisect_left(self.starts, a)
        if lo < len(self.starts) and self.starts[lo] < b:
            return True
        return lo > 0 and self.reach[lo - 1] > a


def _replace(
    left: list[Fact], parts: list[Fact], kind: str, text: str, whole: tuple[int, int] | None = None
) -> None:
    """Put one fact of ``kind`` for ``parts`` in ``left``, where the first stood: over
    ``whole``, else from the first part to the last."""
    a, b = whole or (min(f.span[0] for f in parts), max(f.span[1] for f in parts))
    joined = Fact(kind, text[a:b], (a, b), parts[0].doc)
    gone = {id(f) for f in parts}
    at = next(i for i, f in enumerate(left) if id(f) in gone)
    left[:] = [*(f for f in left[:at]), joined, *(f for f in left[at:] if id(f) not in gone)]


def join_brackets(res: Result, text: str) -> None:
    """Join the figures and dates dropped inside one pair of brackets that keeps nothing
    into one fact."""
    measures = sorted((f for f in res.dropped if f.kind in _MEASURES), key=lambda f: f.span)
    if len(measures) < 2:
        return
    linked = _Linked(res)
    firsts = [f.span[0] for f in measures]
    for m in _BRACKETS_RE.finditer(text):
        a, b = m.span(1)
        lo, hi = bisect.bisect_left(firsts, a), bisect.bisect_left(firsts, b)
        parts = [f for f in measures[lo:hi] if f.span[1] <= b]
        if len(parts) < 2 or linked.overlap(a, b):
            continue
        _replace(res.dropped, parts, parts[0].kind, text)


def join_of(res: Result, text: str) -> None:
    """Join a figure dropped to the name dropped that "of" ties it to."""
    order = sorted(res.dropped, key=lambda f: f.span)
    pairs = []
    for f, g in itertools.pairwise(order):
        if f.kind != "number" or g.kind not in _NAMES:
            continue
        m = _OF_RE.match(text, f.span[1])
        if m is not None and m.end() == g.span[0]:
            pairs.append([f, g])
    for parts in pairs:  # (a name follows one figure: the pairs share no fact)
        _replace(res.dropped, parts, "number", text)


_AGE_RE = regex.compile(r"\d{1,3}-year-old")
_AGE_AFTER_RE = regex.compile(r",[ \u00a0]+(?:aged[ \u00a0]+)?\d{1,3},?")


def join_ages(res: Result, text: str) -> None:
    """Join an age dropped to the person dropped it describes, right before the name
    ("12-year-old Enid Marsh") or right after it ("Enid Marsh, 12,"): one person."""
    order = sorted(res.dropped, key=lambda f: f.span)
    pairs = []
    for f, g in itertools.pairwise(order):
        gap = text[f.span[1] : g.span[0]]
        if f.kind == "number" and g.kind == "person" and _AGE_RE.fullmatch(f.text):
            if gap in (" ", "\u00a0"):
                pairs.append([f, g])
        elif f.kind == "person" and g.kind == "number" and g.value.isdigit():
            whole = text[f.span[1] : g.span[1] + 1]
            if _AGE_AFTER_RE.fullmatch(whole) or _AGE_AFTER_RE.fullmatch(whole[:-1]):
                pairs.append([f, g])
    for parts in pairs:
        if all(p in res.dropped for p in parts):
            _replace(res.dropped, parts, "person", text)


_BETWEEN_RE = regex.compile(r"(?i:between)[ \u00a0]+(?:the[ \u00a0]+)?$")
_AND_RE = regex.compile(r"[ \u00a0]+and[ \u00a0]+(?:the[ \u00a0]+)?")
_POSSESSIVE_RE = regex.compile(r"['’]s[ \u00a0]+")
_RANGE_KINDS = ("place", "date", "organisation", "entity")


def join_ranges(res: Result, text: str) -> None:
    """Join two places (dates) dropped that "between ... and" makes one range ("between
    Mill Street and the Tarn Road junction"), and the two pieces of a name parted by a
    possessive ("St Ann" and "Road" of "St Ann's Road", the second no person)."""
    order = sorted(res.dropped, key=lambda f: f.span)
    pairs: list[tuple[list[Fact], str]] = []
    for f, g in itertools.pairwise(order):
        m = _AND_RE.match(text, f.span[1])
        if m is not None and m.end() == g.span[0]:
            if (
                f.kind in _RANGE_KINDS
                and g.kind in _RANGE_KINDS
                and _BETWEEN_RE.search(text, max(0, f.span[0] - 16), f.span[0]) is not None
            ):
                pairs.append(([f, g], "place" if "place" in (f.kind, g.kind) else f.kind))
            continue
        m = _POSSESSIVE_RE.match(text, f.span[1])
        if (
            m is not None
            and m.end() == g.span[0]
            and f.kind in (*_RANGE_KINDS, "person")
            and g.kind in _RANGE_KINDS
            and " " not in g.text
        ):
            street = regex.fullmatch(_STREET, g.text) is not None
            pairs.append(([f, g], "place" if street else g.kind))
    for parts, kind in pairs:
        if all(p in res.dropped for p in parts):
            _replace(res.dropped, parts, kind, text)


_CLAUSE_GAP_RE = regex.compile(
    r"[ \u00a0]*[,;][ \u00a0]*(?:(?:but|and|while|although|though|yet|so)[ \u00a0]+)?"
)
"""What parts two clauses of one sentence: a comma or a semicolon, perhaps a conjunction."""


def join_claims(res: Result, text: str) -> None:
    """Join two claims dropped side by side in one sentence, parted only by a comma or a
    semicolon (and a conjunction): the sentence's statement, dropped whole, is one fact."""
    order = sorted(res.dropped, key=lambda f: f.span)
    runs: list[list[Fact]] = []
    for f, g in itertools.pairwise(order):
        if f.kind != "claim" or g.kind != "claim":
            continue
        m = _CLAUSE_GAP_RE.match(text, f.span[1])
        if m is None or m.end() != g.span[0]:
            continue
        if runs and runs[-1][-1] is f:
            runs[-1].append(g)
        else:
            runs.append([f, g])
    for run in runs:
        _replace(res.dropped, run, "claim", text)


def join_addresses(res: Result, text: str) -> None:
    """Join the pieces of a postal address dropped (two at least, nothing of it kept)
    into one place."""
    if len(res.dropped) < 2:
        return
    linked = _Linked(res)
    order = sorted(res.dropped, key=lambda f: f.span)
    firsts = [f.span[0] for f in order]
    for m in _ADDRESS_RE.finditer(text):
        a, b = m.span()
        lo = bisect.bisect_left(firsts, a)
        parts = []
        for f in order[lo:]:
            if f.span[0] >= b:
                break
            parts.append(f)
        if len(parts) < 2 or any(f.span[1] > b for f in parts) or linked.overlap(a, b):
            continue
        if any(f.kind in ("claim", "quote") for f in parts):
            continue
        _replace(res.dropped, parts, "place", text, (a, b))


def join_dropped(res: Result, texts: tuple[str, str], derived_doc: int = 1) -> None:
    """The pass (see the module), on the facts dropped from the source ``texts[0]``, after
    the dropped names are read right (:mod:`.dropped_parts`)."""
    split_person_of_body(res)
    fold_name_tails(res, texts[0])
    split_maiden_names(res, texts[1])
    name_as_noun(res, texts, derived_doc)
    one_as_article(res, texts, derived_doc)
    trim_linked_tails(res, texts)
    fold_range_ends(res, texts[0])
    if len(res.dropped) < 2:
        return
    join_addresses(res, texts[0])
    join_brackets(res, texts[0])
    join_of(res, texts[0])
    join_ages(res, texts[0])
    join_ranges(res, texts[0])
    join_claims(res, texts[0])
    join_dropped_sentences(res, texts)
