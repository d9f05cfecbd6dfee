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

A given name changed hides behind a mention by surname alone: "Jonathan Farrant-Hale ...
Farrant-Hale" retold as "Jonty Farrant-Hale ... Farrant-Hale" keeps the derived full name
against the source's bare surname and leaves the source's full name dropped. A dropped
full name and a kept full name of the derived text, the same surname, the kept one's
source the surname alone and the given names not agreeing, each the other's only such
partner, are one person whose given name changed (label ``first_name``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import regex
from anyascii import anyascii

from ..types import Fact, FactLink
from .items import Item, Result
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


def given_name_changes(res: Result, source_items: Sequence[Item]) -> None:
    """Report as a changed given name each source full name, dropped or left unreported
    inside its person's group (``source_items``: the source's facts), whose surname a
    derived full name kept against the source's bare surname carries with other given
    names (see the module)."""
    reported = {f.span for f in (*res.dropped, *(x.source for x in (*res.kept, *res.changed)))}
    full: dict[tuple[int, int], tuple[Fact, _Name]] = {}
    for f in (*res.dropped, *(it.fact for it in source_items if it.fact.span not in reported)):
        if f.kind == "person" and (n := _name(f)).given and len(n.given[-1]) > 1:
            full.setdefault(f.span, (f, n))
    if not full:
        return
    kept: dict[int, _Name] = {}
    for k, link in enumerate(res.kept):
        if link.kind != "person":
            continue
        src, der = _name(link.source), _name(link.derived)
        if not src.given and der.given and len(der.given[-1]) > 1 and src.surname == der.surname:
            kept[k] = der
    by_name: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for span, (_, n) in full.items():
        by_name[(*n.given, n.surname)].append(span)  # one name said twice is one candidate
    fits = [
        (name, k)
        for name, spans in by_name.items()
        for k, m in kept.items()
        if full[spans[0]][1].surname == m.surname and not _given_agree(name[:-1], m.given)
    ]
    per_d = Counter(name for name, _ in fits)
    per_k = Counter(k for _, k in fits)
    take = [(name, k) for name, k in fits if per_d[name] == 1 and per_k[k] == 1]
    gone: set[tuple[int, int]] = set()
    for name, k in take:
        first = min(by_name[name])
        gone.update(by_name[name])
        res.changed.append(
            FactLink(
                "person", full[first][0], res.kept[k].derived,
                note="the given name changed", label="first_name",
            )
        )  # fmt: skip
    gone_k = {k for _, k in take}
    res.dropped[:] = [f for f in res.dropped if f.span not in gone or f.kind != "person"]
    res.kept[:] = [link for k, link in enumerate(res.kept) if k not in gone_k]
