"""A hedge of belief moved from the verb to the sentence's opening: "The van is thought to
have damage" → "Police believe the van has damage", "She is believed to have left" → "Her
family think she left".

The claim reader compares the words around the verb and finds "thought to" gone; but the
derived sentence gives the same claim as someone's belief, opening with a verb of belief
before it. The claim is as hedged as before: kept. (A belief stated as fact with no verb of
belief anywhere before it stays a change.)
"""

from __future__ import annotations

import regex

from ..types import FactLink
from .claim_beliefs import BELIEF_VERBS
from .items import Result

_BELIEF_HEDGES = frozenset(
    {"thought to", "believed to", "understood to", "suspected", "thought", "believed"}
)
"""Hedges that give a claim as what someone believes."""
_NOTE_RE = regex.compile(r"hedge '(?P<h>[^']+)' (?P<how>dropped|added)")
_WORD_RE = regex.compile(r"\p{L}+")
_SENTENCE_START_RE = regex.compile(r"[.!?\n]")
_REACH = 200  # characters read back for the sentence's opening


def _belief_before(text: str, pos: int) -> bool:
    """Does the sentence of ``text`` holding ``pos`` say a verb of belief before it?"""
    lo = max(0, pos - _REACH)
    start = max((m.end() for m in _SENTENCE_START_RE.finditer(text, lo, pos)), default=lo)
    return any(w.lower() in BELIEF_VERBS for w in _WORD_RE.findall(text, start, pos))


def belief_moves(res: Result, texts: tuple[str, str]) -> None:
    """Turn each hedge of belief reported dropped (or added) that the other sentence says
    with a verb of belief before the claim into a kept link (see the module)."""
    out: list[FactLink] = []
    for k in res.changed:
        m = _NOTE_RE.search(k.note) if k.kind == "claim" else None
        if m is None or m.group("h").lower() not in _BELIEF_HEDGES:
            out.append(k)
            continue
        moved = (
            _belief_before(texts[1], k.derived.span[0])
            if m.group("how") == "dropped"
            else _belief_before(texts[0], k.source.span[0])
        )
        if not moved:
            out.append(k)
            continue
        res.kept.append(FactLink(k.kind, k.source, k.derived, "hedge said as a belief"))
    res.changed[:] = out
