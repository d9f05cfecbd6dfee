"""A job opening a sentence before a person's name: "Ombudsman Niamh Ó Faoláin said …",
"Reporter Anna Roy said …".

A name's run of capitalised words takes a sentence's first word with it, and a job said
before a name without "the" ("Trainer", "Ombudsman", "Reporter") is capitalised there
like the name. A title the vocabulary knows ("Dr", "Chief Executive") is trimmed by the
name rules; a common noun is not, as a given name may be one ("Peter", "Hunter", "Rose").
The named-entity model tells them apart: where it reads a person that starts at the
run's second word and ends with the run, the first word, a common noun of the model's
lexicon, is the person's job, no part of the name. Where the model reads the job into the
person ("Trainer Hamish Baird"), the name is left whole.
"""

from __future__ import annotations

from . import ner
from .name_kinds import Cand

_MIN_TOKENS = 3
"""Words of a run asked about, at least: a job and a two-word name."""


def trim_job_heads(text: str, cands: list[Cand], titles: frozenset[str]) -> None:
    """Trim a sentence's opening job word from the names that the model reads as a person
    starting after it (see the module)."""
    asked = [
        c
        for c in cands
        if c.initial
        and len(c.toks) >= _MIN_TOKENS
        and not c.toks[0].allcaps
        and c.toks[0].lower not in titles
        and ner.is_noun(c.toks[0].lower)
    ]
    if not asked:
        return
    found = ner.entity_over(text, [(c.start, c.end) for c in asked])
    for c, x in zip(asked, found, strict=True):
        if x is not None and x.kind == "person" and x.start == c.toks[1].start and x.end == c.end:
            c.toks = c.toks[1:]
            c.start = c.toks[0].start
            c.initial = False
