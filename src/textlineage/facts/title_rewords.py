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

_OFFICER_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])Chief[ \t]+((?:{_CAP}[ \t]+){{1,3}})Officer(?![\p{{L}}\p{{M}}])"
)
"""A capitalised title of the form "Chief … Officer", what it covers between the two
("Chief Marketing Officer": "marketing")."""

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
    out += [(m.span(), _covers(m.group(1)), True) for m in _OFFICER_RE.finditer(text)]
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
    change (see the module's docstring); then the titles written next to a person's name
    on both sides (:func:`_titles_of_people`)."""
    _loose_titles(res, texts)
    _titles_of_people(res, texts)


def _loose_titles(res: Result, texts: tuple[str, str]) -> None:
    loose = [f for f in res.added if f.kind in NAME_KINDS] + [
        f for f in res.dropped if f.kind in NAME_KINDS
    ]
    links = [
        k for k in (*res.kept, *res.changed) if k.kind == "person" or k.source.kind == "person"
    ]
    if not links or not loose:
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


def _titles_of_people(res: Result, texts: tuple[str, str]) -> None:
    """A person found in both texts whose title next to the name covers the same words on
    both sides but is capitalised on one side and written in lower case on the other
    ("Chief Marketing Officer Ann Roe" / "Its marketing chief, Ann Roe"): the title kept,
    in other words (the job is the same), unless a change is reported for the person or
    for either title already. The nearest title on each side is the person's."""
    links = [k for k in (*res.kept, *res.changed) if k.kind in NAME_KINDS]
    said = [k for k in res.changed if k.label == "title"]
    told = (
        [k.source.span for k in (*res.changed, *res.kept)] + [f.span for f in res.dropped],
        [k.derived.span for k in (*res.changed, *res.kept)] + [f.span for f in res.added],
    )
    titles: list[list[tuple[tuple[int, int], frozenset[str], bool]]] = []  # read once
    found: list[FactLink] = []
    for k in links:
        if k.label == "title" or "person" not in (k.source.kind, k.derived.kind, k.kind):
            continue
        if any(
            _touch(t.source.span, k.source.span) or _touch(t.derived.span, k.derived.span)
            for t in said
        ):
            continue
        if not titles:
            titles = [_titles(texts[0]), _titles(texts[1])]
        ts = _nearest(titles[0], k.source.span)
        td = _nearest(titles[1], k.derived.span)
        if ts is None or td is None:
            continue
        (ss, ws, cap_s), (ds, wd, cap_d) = ts, td
        if cap_s == cap_d or not (ws & wd) or not (ws <= wd or wd <= ws):
            continue  # (two titles in lower case differ by the words before them)
        if any(_touch(ss, x) for x in told[0]) or any(_touch(ds, x) for x in told[1]):
            continue  # (reported already)
        a, b = texts[0][ss[0] : ss[1]], texts[1][ds[0] : ds[1]]
        if fold(a) == fold(b):
            continue
        docs = (k.source.doc, k.derived.doc)
        sf, df = Fact("person", a, ss, docs[0], fold(a)), Fact("person", b, ds, docs[1], fold(b))
        note = f"title '{a}' written '{b}'"
        found.append(FactLink("person", sf, df, note))
        said.append(found[-1])
    res.kept.extend(found)


def _touch(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _nearest(
    titles: list[tuple[tuple[int, int], frozenset[str], bool]], span: tuple[int, int]
) -> tuple[tuple[int, int], frozenset[str], bool] | None:
    """The title nearest a name's span, within :data:`_NEAR` characters of it and not
    inside it."""
    best: tuple[int, tuple[tuple[int, int], frozenset[str], bool]] | None = None
    for t in titles:
        (s, e) = t[0]
        if s < span[1] and span[0] < e:
            continue
        gap = span[0] - e if e <= span[0] else s - span[1]
        if gap <= _NEAR and (best is None or gap < best[0]):
            best = gap, t
    return None if best is None else best[1]
