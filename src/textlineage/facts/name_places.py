"""Places the cues around a name miss: a country's name, and the places of an address.

A country's name (in :mod:`.places`' gazetteer: "United States", "Portugal") is a place
wherever it stands, never a person, whatever the model reads in a line of affiliations.
An address line names its places one after another, each after a comma, a country last
("Amarillo, TX, United States"; "Austin, Texas, US"): the names before the country, back
to the first that is an organisation's ("Halvard Renewables LLC"), are its town and its
state or province, written out or as a postal code ("TX"), places too.

A state or province after a town and a comma is often written as the news agencies
shorten it ("Tisdale, Sask.", "Springfield, Ill."): that word, with its full stop, is the
state or province, said in full (:data:`STATE_SHORT`), so that it is one place with the
name written out.
"""

from __future__ import annotations

import itertools

import regex

from .name_kinds import Cand, letters
from .places import is_country, place_ids

_ADDRESS_GAP_RE = regex.compile(r",[ \u00a0]+")
_LINE_END_RE = regex.compile(r"[ \t\u00a0.)]*(?:\n|\Z)")
_ADDRESS_STEPS = 2
"""Names before the country an address gives at most: a town and a state."""

STATE_SHORT: dict[str, str] = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky",
    "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan",
    "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana",
    "Neb": "Nebraska", "Nev": "Nevada", "Okla": "Oklahoma", "Ore": "Oregon",
    "Pa": "Pennsylvania", "Tenn": "Tennessee", "Vt": "Vermont", "Va": "Virginia",
    "Wash": "Washington", "Wis": "Wisconsin", "Wyo": "Wyoming", "Alta": "Alberta",
    "Man": "Manitoba", "Ont": "Ontario", "Que": "Quebec", "Sask": "Saskatchewan",
    "Nfld": "Newfoundland", "Qld": "Queensland", "Vic": "Victoria", "Tas": "Tasmania",
}  # fmt: skip
"""The news agencies' short forms of states and provinces (United States, Canada,
Australia) that are one word with a full stop, and the names they stand for."""


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
    for prev, c in itertools.pairwise(cands):
        full = STATE_SHORT.get(text[c.start : c.end])
        if (
            full is not None
            and text.startswith(".", c.end)
            and prev.kind in ("place", "entity")
            and _ADDRESS_GAP_RE.fullmatch(text, prev.end, c.start) is not None
        ):
            c.kind, c.spoken = "place", full  # "Tisdale, Sask.": Saskatchewan
