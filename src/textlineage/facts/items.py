"""The records that extraction produces and matching consumes.

An :class:`Item` is a fact with the keys matching needs. Extractors claim character ranges
in masks (:func:`mark`, :func:`overlaps`) so later extractors skip them. Matching groups
the items of one value (:class:`Group`), pairs a source group with a derived one
(:func:`pair`, :func:`shares`) and sorts the pairs into a :class:`Result`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ..types import Fact, FactLink

NAME_KINDS = frozenset({"person", "place", "organisation", "entity"})
"""Fact kinds that are names; the diff matches names across these kinds."""


@dataclass(slots=True)
class Item:
    """A fact with what matching needs to know about it."""

    fact: Fact
    cls: str
    key: tuple[object, ...]
    qual: str = ""
    qcls: str = ""
    unit: str = ""
    cur: str = ""
    vague: str = ""
    core: str = ""
    date: tuple[int | None, int | None, int | None] | None = None
    alts: tuple[str, ...] = ()
    """The Gregorian values a date of another calendar overlaps (Iranian year 1400:
    ``"2021"``, ``"2022"``; Esfand 1401: ``"2023-02"``, ``"2023-03"``)."""
    letters: str = ""
    toks: tuple[str, ...] = ()
    pas: frozenset[int] = frozenset()
    weak: bool = False
    """A name only ever seen as one capitalised word opening a sentence, as likely a
    common word ("Turnout rose ..."), or as a title ("Prime Minister")."""
    group: bool = False
    """A name the named-entity model reads as a nationality, a religious or political
    group or a language ("Danish", "Northern European") and no cue makes a person, a
    place or an organisation: an adjective of another fact, not a fact of its own."""


# -- extraction: masks of claimed characters -----------------------------------------


def overlaps(mask: bytearray, start: int, end: int) -> bool:
    """Has any character of ``start:end`` been claimed?"""
    return mask.find(1, start, end) != -1


def mark(mask: bytearray, start: int, end: int) -> None:
    """Claim the characters ``start:end``."""
    mask[start:end] = b"\x01" * (end - start)


# -- matching ------------------------------------------------------------------------


@dataclass(slots=True)
class Group:
    """The items of one document with one matching key, and the passages they fall in."""

    items: list[Item] = field(default_factory=list)
    pas: set[int] = field(default_factory=set)

    @property
    def first(self) -> Item:
        return self.items[0]


@dataclass
class Result:
    """What matching found so far, sorted by :func:`~.diff.diff_facts` at the end."""

    kept: list[FactLink] = field(default_factory=list)
    changed: list[FactLink] = field(default_factory=list)
    added: list[Fact] = field(default_factory=list)
    dropped: list[Fact] = field(default_factory=list)


def pair(gs: Group, gd: Group) -> tuple[Fact, Fact]:
    """Representative occurrences, preferring two inside one passage."""
    if gs.pas & gd.pas:
        for d in gd.items:
            for s in gs.items:
                if s.pas & d.pas:
                    return s.fact, d.fact
    return gs.first.fact, gd.first.fact


def shares(gs: Group, gd: Group) -> bool:
    """Do the two groups fall in a common passage?"""
    return bool(gs.pas & gd.pas)


_L = TypeVar("_L")
_R = TypeVar("_R")


def sole_pairs(
    left: Sequence[_L], right: Sequence[_R], ok: Callable[[_L, _R], bool]
) -> list[tuple[_L, _R]]:
    """The pairs of ``left`` and ``right`` items each of which is the other's only partner
    under ``ok`` (in the order of ``left``): a dropped and an added fact tied by nothing
    but a test that no third fact passes."""
    out = []
    for a in left:
        mine = [b for b in right if ok(a, b)]
        if len(mine) == 1 and [x for x in left if ok(x, mine[0])] == [a]:
            out.append((a, mine[0]))
    return out
