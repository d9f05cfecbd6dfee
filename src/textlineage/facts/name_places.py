"""Places the cues around a name miss: a country's name, and the places of an address.

A country's name (in :mod:`.places`' gazetteer: "United States", "Portugal") is a place
wherever it stands, never a person, whatever the model reads in a line of affiliations.
An address line names its places one after another, each after a comma, a country last
("Amarillo, TX, United States"; "Austin, Texas, US"): the names before the country, back
to the first that is an organisation's ("Halvard Renewables LLC"), are its town and its
state or province, written out or as a postal code ("TX"), places too.
"""

from __future__ import annotations

import regex

from .name_kinds import Cand, letters
from .places import is_country, place_ids

_ADDRESS_GAP_RE = regex.compile(r",[ \u00a0]+")
_LINE_END_RE = regex.compile(r"[ \t\u00a0.)]*(?:\n|\Z)")
_ADDRESS_STEPS = 2
"""Names before the country an address gives at most: a town and a state."""


def _country(text: str, c: Cand) -> bool:
    return is_country(place_ids(text[c.start : c.end]))


def settle_places(text: str, cands: list[Cand]) -> None:
    """Make a country's name, and the town and state of an address line ending in one,
    places rather than persons or organisations (:mod:`this module <.name_places>`), in every occurrence of the name."""
    keys: set[str] = set()
    for i, c in enumerate(cands):
        if c.group or not _country(text, c):
            continue  # a nationality ("Dutch") is an adjective, no place of its own
        keys.add(letters(text[c.start : c.end]))
        if _LINE_END_RE.match(text, c.end) is None:
            continue
        j = i
        while j > 0 and i - j < _ADDRESS_STEPS:
            prev = cands[j - 1]
            if prev.org or _ADDRESS_GAP_RE.fullmatch(text, prev.end, cands[j].start) is None:
                break
            keys.add(letters(text[prev.start : prev.end]))
            j -= 1
    for c in cands:
        if c.kind in ("person", "organisation") and letters(text[c.start : c.end]) in keys:
            c.kind = "place"
