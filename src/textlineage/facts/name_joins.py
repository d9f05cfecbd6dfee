"""Names of a dropped (or added) run read as one fact: an organisation's name cut at its
"and", a name in brackets after another, the two ends of a route, a place and the country
it lies in. Also the folded tokens of a name's text (:func:`name_toks`)."""

from __future__ import annotations

import regex

from ..text.normalise import fold
from ..types import Fact
from .forms import collapse
from .items import Group
from .org_names import join_pieces
from .places import countries_of, place_ids
from .vocab import ORG_WORDS

_SPLIT_RE = regex.compile(r"[\s/\-]+")


def _coordinated_org(a: Fact, b: Fact, text: str) -> bool:
    """Are ``a`` "and" ``b`` one organisation's name ("National Earthquake Monitoring and
    Research Centre"): ``b`` an organisation ending in an organisation word (or in one
    and what it is of: "Research Council of Erland"), ``a`` of two
    words or more (or one word of no known kind after "The": "The Woodland and Hedgerow
    Trust"), no place or person, holding none ("the University of X and Y College" are
    two)?"""
    if text[a.span[1] : b.span[0]] != " and " or b.kind != "organisation":
        return False
    wa, wb = name_toks(a.text), name_toks(b.text)
    return (
        a.kind in ("organisation", "entity")
        and (len(wa) >= 2 or _THE_BEFORE_RE.search(text, 0, a.span[0]) is not None)
        and (wb[-1] in ORG_WORDS or _of_place(wb))
        and not any(w in ORG_WORDS for w in wa)  # "University of X" is a name of its own
    )


_THE_BEFORE_RE = regex.compile(r"(?<![\p{L}\p{N}])[Tt]he[ \u00a0]+$")


def _of_place(toks: tuple[str, ...]) -> bool:
    """Does a name close with an organisation word and what it is of ("Research Council of
    Erland"): the organisation's word before its one "of"?"""
    return (
        toks.count("of") == 1 and toks.index("of") > 0 and toks[toks.index("of") - 1] in ORG_WORDS
    )


def _place_in_place(a: Fact, b: Fact, text: str) -> bool:
    """Is ``b`` the country (or province) that place ``a`` is said to lie in ("Basel,
    Switzerland", "Kaziranga in Assam"): one place named, one fact?"""
    if text[a.span[1] : b.span[0]] not in (", ", " in ") or a.kind not in ("place", "entity"):
        return False
    if b.kind == "person" or place_ids(a.text):
        return False  # "Spain, Portugal": a list of countries
    if _LIST_AFTER_RE.match(text, b.span[1]) or _LIST_BEFORE_RE.search(text, 0, a.span[0]):
        return False  # "Kerman, Iran, Sari and Tehran": a list of places
    return bool(place_ids(b.text) or countries_of(b.text))


_LIST_AFTER_RE = regex.compile(r"(?:,|[ \u00a0](?:and|or))[ \u00a0]+\p{Lu}")
_LIST_BEFORE_RE = regex.compile(
    r"(?:\G|(?<!\p{Lu}))\p{Lu}[\p{L}\p{M}]*+(?:,|[ \u00a0](?:and|or))[ \u00a0]+$"
)


_ROUTE_GAPS = frozenset({" - ", " – ", "–", " — "})
"""What joins the two ends of a route ("Lochby - Carran", "Lochby–Carran")."""


def _route(a: Fact, b: Fact, text: str) -> bool:
    """Are ``a`` and ``b`` the two ends of one route: joined by a dash, or two places by
    "to" ("Lochby to Carran")?"""
    gap = text[a.span[1] : b.span[0]]
    if gap in _ROUTE_GAPS:
        return True
    return gap == " to " and a.kind == b.kind == "place"


_IN_BRACKETS_RE = regex.compile(r"[ \t]*\([ \t]*")


def one_fact(groups: list[Group], text: str) -> list[Fact]:
    """The facts of ``groups``, a name in brackets right after another one folded into it
    ("Terminally Ill Adults (End of Life) Bill": one title, reported once), as is the
    second half of an organisation's name cut at its "and" (:func:`_coordinated_org`), and
    the two ends of a route joined by a dash ("Lochby - Carran")."""
    facts = join_pieces(sorted((g.first.fact for g in groups), key=lambda f: f.span), text)
    out: list[Fact] = []
    for f in facts:
        prev = out[-1] if out else None
        if prev is not None and (
            _coordinated_org(prev, f, text)
            or (prev.text.endswith(")") and text[prev.span[1] : f.span[0]] == " ")
        ):  # ... and the word after the brackets ("(End of Life) Bill")
            kind = prev.kind if prev.text.endswith(")") else f.kind
            t = text[prev.span[0] : f.span[1]]
            out[-1] = Fact(kind, t, (prev.span[0], f.span[1]), f.doc, collapse(fold(t)))
            continue
        if out and _IN_BRACKETS_RE.fullmatch(text, out[-1].span[1], f.span[0]):
            prev = out[-1]
            end = text.find(")", f.span[1])
            end = end + 1 if end != -1 and end - f.span[1] < 3 else f.span[1]
            t = text[prev.span[0] : end]
            out[-1] = Fact(prev.kind, t, (prev.span[0], end), prev.doc, collapse(fold(t)))
            continue
        if prev is not None and _route(prev, f, text):
            # "the Lochby - Carran route": two ends of one route, one fact
            t = text[prev.span[0] : f.span[1]]
            out[-1] = Fact(prev.kind, t, (prev.span[0], f.span[1]), f.doc, collapse(fold(t)))
            continue
        if prev is not None and _place_in_place(prev, f, text):
            t = text[prev.span[0] : f.span[1]]
            out[-1] = Fact("place", t, (prev.span[0], f.span[1]), f.doc, collapse(fold(t)))
            continue
        out.append(f)
    return out


def name_toks(text: str) -> tuple[str, ...]:
    """The folded tokens of a name's text."""
    return tuple(t for t in map(_letters, _SPLIT_RE.split(text)) if t)


def _letters(s: str) -> str:
    return "".join(c for c in fold(s) if c.isalnum())
