"""A job title one text writes as a name of its own and the other words otherwise: "Vice
President, Member Services" under a signature and "VP of Member Services" after the same
person's name, or "Director of Regional Sales" given as "the sales director". The title's
own words (what the job covers: "member services", "sales") are kept; its head may be
written short ("VP", "CEO") or put another way ("chief", "head"). Either way the person's
title is not written as the source writes it: a ``title`` change (which a reader may
also count as kept), not a name added on one side and another dropped on the other.

A pair is made only next to one person: the title on each side stands within a few words
of a name the diff found on both sides (kept or changed), so that two jobs of one
department held by two people stay two facts.
"""

from __future__ import annotations

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .items import NAME_KINDS, Result
from .vocab import STOP

SHORT_ROLES = {
    "vp": "vice president",
    "svp": "senior vice president",
    "evp": "executive vice president",
    "avp": "assistant vice president",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "cmo": "chief marketing officer",
    "cio": "chief information officer",
    "md": "managing director",
    "gm": "general manager",
}
"""Job titles written as their initials, and the words each stands for."""

_HEADS = (
    r"(?:President|Director|Head|Chief|Manager|Officer|Chair|Chairman|Chairwoman|"
    r"Secretary|Editor|Controller|Coordinator|Co-ordinator|Lead|Leader|Commissioner|"
    r"Superintendent|Dean|Provost)"
)
_RANKS = (
    r"(?:(?:Senior|Executive|Deputy|Assistant|Associate|Acting|Interim|Vice|General|Managing)"
    r"\s+){0,3}+"
)
"""At most three rank words before a head ("Senior Executive Vice President"), taken
possessively (no rank word is a head): a long run of rank words is read in linear time."""
_CAP = r"\p{Lu}[\p{L}\p{M}'’\-]*"
_COMPLEMENT = rf"(?:the\s+)?((?:{_CAP}|and|&)(?:[ \t]+(?:{_CAP}|and|&|of)){{0,4}})"
_SHORTS = "|".join(k.upper() for k in SHORT_ROLES)

_TITLE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])(?:{_RANKS}{_HEADS}|(?:{_SHORTS}))(?:[ \t]+of|,)[ \t]+{_COMPLEMENT}"
)
"""A capitalised title with what it covers: "Vice President, Member Services", "VP of
Member Services", "President of Global Sales"."""

_LOWER_HEADS = r"(?:chief|head|boss|director|manager|president|officer|chair|lead|supremo)"
_LOWER_TITLE_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])((?:\p{{Ll}}[\p{{L}}\p{{M}}]*+(?:-[\p{{L}}\p{{M}}]++){{0,3}}[ \t]+){{1,2}})"
    rf"{_LOWER_HEADS}(?![\p{{L}}\p{{M}}])"
)
"""A title written in lower case after what it covers: "sales chief", "member services
head". A word holds at most three hyphens, so a long chain of hyphenated letters is read
in linear time."""

_NEAR = 80
"""How far (in characters) a title may stand from the name of the person it is given to."""


def _covers(words: str) -> frozenset[str]:
    """The content words of a title's complement ("Global Sales" →
    {"global", "sales"})."""
    return frozenset(
        w for w in regex.findall(r"[\p{L}\p{M}]+", fold(words)) if w not in STOP and len(w) > 2
    )


def _titles(text: str) -> list[tuple[tuple[int, int], frozenset[str], bool]]:
    """Each title written in ``text``: its span, the words of what it covers, and whether
    it is capitalised (a title of the name kind) or in lower case."""
    out = [(m.span(), _covers(m.group(1)), True) for m in _TITLE_RE.finditer(text)]
    for m in _LOWER_TITLE_RE.finditer(text):
        words = _covers(m.group(1))
        if words:
            out.append((m.span(), words, False))
    return [t for t in out if t[1]]


def _near(span: tuple[int, int], people: list[tuple[int, int]]) -> set[int]:
    """The indices of the people whose name stands within :data:`_NEAR` of ``span``."""
    return {i for i, (s, e) in enumerate(people) if s - _NEAR <= span[1] and span[0] <= e + _NEAR}


def reworded_titles(res: Result, texts: tuple[str, str]) -> None:
    """Pair a title reported added (or dropped) as a name with the same person's title in
    the other text that covers the same words but is written otherwise: one ``title``
    change (see the module's docstring)."""
    loose = [f for f in res.added if f.kind in NAME_KINDS] + [
        f for f in res.dropped if f.kind in NAME_KINDS
    ]
    if not loose:
        return
    links = [
        k for k in (*res.kept, *res.changed) if k.kind == "person" or k.source.kind == "person"
    ]
    if not links:
        return
    people = ([k.source.span for k in links], [k.derived.span for k in links])
    docs = (links[0].source.doc, links[0].derived.doc)
    dropped = {id(f) for f in res.dropped}
    titles: dict[int, list[tuple[tuple[int, int], frozenset[str], bool]]] = {}  # read once
    found: list[tuple[Fact, FactLink]] = []
    said: set[tuple[int, tuple[int, int]]] = set()  # (side, span) of titles paired
    for f in loose:
        own = 0 if id(f) in dropped else 1
        m = _TITLE_RE.fullmatch(f.text)
        if m is None:
            continue
        words = _covers(m.group(1))
        who = _near(f.span, people[own])
        if not words or not who:
            continue
        other_text = texts[1 - own]
        if 1 - own not in titles:
            titles[1 - own] = _titles(other_text)
        for span, other_words, _ in titles[1 - own]:
            if (1 - own, span) in said or not (words & other_words) or not (other_words <= words):
                continue
            if not who & _near(span, people[1 - own]):
                continue
            if fold(other_text[span[0] : span[1]]) == fold(f.text):
                continue  # the same title: no change
            t = other_text[span[0] : span[1]]
            g = Fact("person", t, span, docs[1 - own], fold(t))
            s, d = (f, g) if own == 0 else (g, f)
            note = f"title '{s.text}' → '{d.text}'"
            found.append((f, FactLink("person", s, d, note, "title", "", True)))
            said.add((1 - own, span))
            break
    if not found:
        return
    gone = {id(f) for f, _ in found}
    res.added[:] = [f for f in res.added if id(f) not in gone]
    res.dropped[:] = [f for f in res.dropped if id(f) not in gone]
    res.changed.extend(link for _, link in found)
