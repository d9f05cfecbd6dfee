"""A place said less specifically by a region named after the larger place it lies in.

A source names a place and the larger place it lies in ("a wind facility in Carbury
County, Wexland"); a derived text retelling that sentence names a region of the larger
place instead ("a wind farm in the Wexland Uplands", "in northern Wexland"). The region
may be named elsewhere in the source too, so that it is no added fact of its own; the
place is then not dropped but said less specifically: one change of ``specificity``.

A pair is made when the dropped place is followed by a comma and the larger place's name,
a derived name holds that name and more words, their two sentences share
:data:`~.match_slots.MIN_SHARED` content words, and each is the other's only candidate.

A list of places dropped from a sentence ("in Ashby, Tolland and Marsh End") and one place
added to the sentence retelling it ("across Wexland") are the places said by the one that
holds them: one change of ``specificity``, not three drops and an add. The list's places
must be joined by commas and "and" alone, each side must stand after a place's preposition,
the two sentences share :data:`_LIST_SHARED` content words (a list put for one place is a
cue of its own), and the list and the place must be each other's only candidates.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .forms import collapse
from .items import Item, Result
from .match_slots import MIN_SHARED, terms_by_sentence

_IN_LARGER_RE = regex.compile(r",[ \u00a0]+(\p{Lu}[\p{L}\p{M}]+(?:[ \u00a0]\p{Lu}[\p{L}\p{M}]+)?)")
_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
_KINDS = ("place", "entity")


def _words(text: str) -> list[str]:
    return [fold(w) for w in _WORD_RE.findall(text)]


def _holds(words: list[str], part: list[str]) -> bool:
    """Does ``words`` hold the run ``part`` and at least one word more?"""
    n = len(part)
    return len(words) > n and any(words[i : i + n] == part for i in range(len(words) - n + 1))


def pair_regions(texts: tuple[str, str], derived: Sequence[Item], res: Result) -> None:
    """Turn a dropped place said to lie in a larger one and a derived name of a region of
    that larger one, in sentences that say the same thing, into a change of
    ``specificity`` (see the module's rules)."""
    dropped = [f for f in res.dropped if f.kind in _KINDS]
    if not dropped:
        return
    names = [it.fact for it in derived if it.cls == "name" and it.fact.kind in _KINDS]
    sterms, dterms = terms_by_sentence(texts[0]), terms_by_sentence(texts[1])
    cands: dict[int, list[Fact]] = {}
    larger: dict[int, regex.Match[str]] = {}
    for sf in dropped:
        m = _IN_LARGER_RE.match(texts[0], sf.span[1])
        if m is None:
            continue
        part = _words(m.group(1))
        mine = [
            df
            for df in names
            if _holds(_words(df.text), part) and len((sterms(sf) & dterms(df)).keys()) >= MIN_SHARED
        ]
        cands[id(sf)] = mine
        larger[id(sf)] = m
    per_d: dict[int, int] = {}
    for mine in cands.values():
        for df in mine:
            per_d[id(df)] = per_d.get(id(df), 0) + 1
    for sf in list(dropped):
        mine = cands.get(id(sf), [])
        if len(mine) != 1 or per_d[id(mine[0])] != 1:
            continue
        df = mine[0]
        end = larger[id(sf)].end(1)
        t = texts[0][sf.span[0] : end]
        src = Fact("place", t, (sf.span[0], end), sf.doc, collapse(fold(t)))
        note = f"'{t}' → '{df.text}': the place said by a region of the larger one"
        res.changed.append(FactLink("place", src, df, note, "specificity", "", True))
        res.dropped.remove(sf)
        if df in res.added:
            res.added.remove(df)


_LIST_SHARED = MIN_SHARED - 1
"""Content words the sentences of a list of places and of the one place put for it share."""
_LIST_GAP_RE = regex.compile(
    r"(?:,[ \u00a0]*|(?:,|\G|(?<![ \u00a0]))[ \u00a0]++(?:and|or|&)[ \u00a0]+)(?:the[ \u00a0]+)?"
)
_PLACE_PREP_RE = regex.compile(
    r"(?i:\b(?:in|across|throughout|around|from|near|to|between|over|all[ \u00a0]+over)"
    r"[ \u00a0]+(?:the[ \u00a0]+)?)$"
)


def place_lists(text: str, facts: Sequence[Fact]) -> list[list[Fact]]:
    """Runs of two or more of ``facts`` (places) joined by commas and "and" alone ("Arlow,
    Beckmoor and the Crane Hollow")."""
    out: list[list[Fact]] = []
    run: list[Fact] = []
    for f in sorted(facts, key=lambda f: f.span[0]):
        if run and _LIST_GAP_RE.fullmatch(text, run[-1].span[1], f.span[0]) is not None:
            run.append(f)
            continue
        if len(run) >= 2:
            out.append(run)
        run = [f]
    if len(run) >= 2:
        out.append(run)
    return out


def _after_prep(text: str, f: Fact) -> bool:
    return _PLACE_PREP_RE.search(text, max(0, f.span[0] - 20), f.span[0]) is not None


def pair_place_lists(texts: tuple[str, str], res: Result) -> None:
    """Turn a list of dropped places and one added place in sentences that say the same
    thing into one change of ``specificity`` (see the module's rules)."""
    dropped = [f for f in res.dropped if f.kind == "place"]
    added = [f for f in res.added if f.kind == "place"]
    if len(dropped) < 2 or not added:
        return
    sterms, dterms = terms_by_sentence(texts[0]), terms_by_sentence(texts[1])
    lists = [r for r in place_lists(texts[0], dropped) if _after_prep(texts[0], r[0])]
    cands = {
        i: [df for df in added if len((sterms(run[0]) & dterms(df)).keys()) >= _LIST_SHARED]
        for i, run in enumerate(lists)
    }
    per_d: dict[int, int] = {}
    for mine in cands.values():
        for df in mine:
            per_d[id(df)] = per_d.get(id(df), 0) + 1
    for i, run in enumerate(lists):
        mine = cands[i]
        if len(mine) != 1 or per_d[id(mine[0])] != 1 or not _after_prep(texts[1], mine[0]):
            continue
        df = mine[0]
        start, end = run[0].span[0], run[-1].span[1]
        t = texts[0][start:end]
        src = Fact("place", t, (start, end), run[0].doc, collapse(fold(t)))
        note = f"'{t}' → '{df.text}': the places said by one that holds them"
        res.changed.append(FactLink("place", src, df, note, "specificity", "", True))
        for f in run:
            res.dropped.remove(f)
        res.added.remove(df)
