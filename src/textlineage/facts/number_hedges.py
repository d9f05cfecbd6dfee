"""A count whose hedge is dropped or added: "eleven suspected measles cases" → "eleven
measles cases", "40 alleged victims" → "40 victims", "three sightings" → "three possible
sightings".

A hedge before the counted noun says the things counted are only suspected, alleged or
possible; the same count without it states them as fact. The count's value and noun are
kept, so the number diff keeps the fact; its claim changed strength. Once the diff is
done, a number kept with a hedge word in its noun phrase on one side only is a change of
strength (``hedge_dropped`` or ``hedge_added``).
"""

from __future__ import annotations

import regex

from ..types import FactLink
from .items import Result

HEDGE_WORDS = frozenset(
    [
        "suspected",
        "alleged",
        "possible",
        "probable",
        "presumed",
        "presumptive",
        "apparent",
        "unconfirmed",
        "purported",
        "reported",
    ]
)
"""Adjectives that make the things a count counts only suspected, alleged or possible."""
_WORD_RE = regex.compile(r"\p{L}+")


def _hedges(text: str) -> frozenset[str]:
    return frozenset(m.group().lower() for m in _WORD_RE.finditer(text)) & HEDGE_WORDS


def hedged_counts(res: Result) -> None:
    """Turn each kept number of ``res`` hedged on one side only into a change of
    strength."""
    keep: list[FactLink] = []
    for link in res.kept:
        if link.kind != "number":
            keep.append(link)
            continue
        hs, hd = _hedges(link.source.text), _hedges(link.derived.text)
        if bool(hs) == bool(hd):
            keep.append(link)
            continue
        if hs:
            detail, note = "hedge_dropped", f"hedge '{min(hs)}' dropped"
        else:
            detail, note = "hedge_added", f"hedge '{min(hd)}' added"
        res.changed.append(FactLink("number", link.source, link.derived, note, "strength", detail))
    res.kept[:] = keep
