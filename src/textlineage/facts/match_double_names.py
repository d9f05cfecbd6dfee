"""A double surname cut to one of its parts, or one surname given a second: one person.

A rewrite often shortens a double-barrelled surname ("Mr Davenport-Kyle" → "Ross
Davenport", "Dr. Echeverría-Hahn" → "Echeverria") or writes a transcript's capitals
("Mr DAVENPORT-KYLE") with a given name. The name rules pair names whose tokens open or
close one another; these are left dropped on one side and added on the other. A leftover
dropped person and a leftover added person whose surnames share a part of a double
surname, in any case and with or without marks, and differ, are one person whose surname
changed (label ``surname``), when their given names agree (the same, one the other's
initials, or given on one side only) and each is the other's only such partner: two
people of one family stay apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import regex
from anyascii import anyascii

from ..types import Fact, FactLink
from .items import Result
from .vocab import TITLES

_PART_SPLIT_RE = regex.compile(r"[-‐‑–]")
_WORD_RE = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’‐‑–-]*")


@dataclass(frozen=True)
class _Name:
    given: tuple[str, ...]
    """The given names (or their initials), folded, titles left out."""
    surname: str
    parts: frozenset[str]


def _name(f: Fact) -> _Name:
    """The given names and the surname of a person's name, before any bracket or comma (a
    member's seat, a role)."""
    words = [
        anyascii(w).lower() for w in _WORD_RE.findall(regex.split(r"[(,]", f.text, maxsplit=1)[0])
    ]
    if not words:
        return _Name((), "", frozenset())
    given = tuple(w for w in words[:-1] if w not in TITLES)
    surname = words[-1]
    parts = frozenset(p for p in _PART_SPLIT_RE.split(surname) if len(p) >= 2)
    return _Name(given, surname, parts)


def _given_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Do two lists of given names name one person: given on one side only, or the same
    names nearest the surname, one side perhaps by their initials ("R P" / "Raghavendra
    Prasad"; a rank's letters before them, "DI Rhian" / "Rhian", left aside)?"""
    return all(
        x == y or (min(len(x), len(y)) == 1 and x[0] == y[0])
        for x, y in zip(reversed(a), reversed(b), strict=False)
    )


def _one_person(a: _Name, b: _Name) -> bool:
    if not a.surname or not b.surname or a.surname == b.surname:
        return False
    if len(a.parts) < 2 and len(b.parts) < 2:
        return False
    return bool(a.parts & b.parts) and _given_agree(a.given, b.given)


def pair_double_surnames(res: Result) -> None:
    """Report as a changed surname each leftover dropped and added person whose surnames
    share a part of a double surname (see the module)."""
    dropped = {i: _name(f) for i, f in enumerate(res.dropped) if f.kind == "person"}
    added = {j: _name(f) for j, f in enumerate(res.added) if f.kind == "person"}
    if not dropped or not added:
        return
    by_part: dict[str, list[int]] = defaultdict(list)
    for j, n in added.items():
        for p in n.parts:
            by_part[p].append(j)
    fits = sorted(
        {
            (i, j)
            for i, n in dropped.items()
            for p in n.parts
            for j in by_part.get(p, ())
            if _one_person(n, added[j])
        }
    )
    per_d = Counter(i for i, _ in fits)
    per_a = Counter(j for _, j in fits)
    take = [(i, j) for i, j in fits if per_d[i] == 1 and per_a[j] == 1]
    if not take:
        return
    for i, j in take:
        s, d = res.dropped[i], res.added[j]
        res.changed.append(
            FactLink("person", s, d, note="a double surname cut or lengthened", label="surname")
        )
    gone_d = {i for i, _ in take}
    gone_a = {j for _, j in take}
    res.dropped[:] = [f for i, f in enumerate(res.dropped) if i not in gone_d]
    res.added[:] = [f for j, f in enumerate(res.added) if j not in gone_a]
