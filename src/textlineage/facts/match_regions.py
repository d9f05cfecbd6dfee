"""A place said less specifically by a region named after the larger place it lies in.

A source names a place and the larger place it lies in ("a wind facility in Carbury
County, Wexland"); a derived text retelling that sentence names a region of the larger
place instead ("a wind farm in the Wexland Uplands", "in northern Wexland"). The region
may be named elsewhere in the source too, so that it is no added fact of its own; the
place is then not dropped but said less specifically: one change of ``specificity``.

A pair is made when the dropped place is followed by a comma and the larger place's name,
a derived name holds that name and more words, their two sentences share
:data:`~.match_slots.MIN_SHARED` content words, and each is the other's only candidate.
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
