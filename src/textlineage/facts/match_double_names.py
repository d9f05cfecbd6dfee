"""A double surname cut to one of its parts, or one surname given a second: one person.

A rewrite often shortens a double-barrelled surname ("Mr Davenport-Kyle" → "Ross
Davenport", "Dr. Echeverría-Hahn" → "Echeverria") or writes a transcript's capitals
("Mr DAVENPORT-KYLE") with a given name. The name rules pair names whose tokens open or
close one another; these are left dropped on one side and added on the other. A leftover
dropped person and a leftover added person whose surnames share a part of a double
surname, in any case and with or without marks, and differ, are one person whose surname
changed (label ``surname``), when each is the other's only such partner: two people of
one family stay apart.
"""

from __future__ import annotations

import regex
from anyascii import anyascii

from ..types import Fact, FactLink
from .items import Result

_PART_SPLIT_RE = regex.compile(r"[-‐‑–]")
_WORD_RE = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’‐‑–-]*")


def _surname(f: Fact) -> str:
    """The last word of the name, before any bracket or comma (a member's seat, a role)."""
    words = _WORD_RE.findall(regex.split(r"[(,]", f.text, maxsplit=1)[0])
    return anyascii(words[-1]).lower() if words else ""


def _parts(surname: str) -> frozenset[str]:
    return frozenset(p for p in _PART_SPLIT_RE.split(surname) if len(p) >= 2)


def _one_person(a: Fact, b: Fact) -> bool:
    sa, sb = _surname(a), _surname(b)
    if not sa or not sb or sa == sb:
        return False
    pa, pb = _parts(sa), _parts(sb)
    return (len(pa) >= 2 or len(pb) >= 2) and bool(pa & pb)


def pair_double_surnames(res: Result) -> None:
    """Report as a changed surname each leftover dropped and added person whose surnames
    share a part of a double surname (see the module)."""
    dropped = [i for i, f in enumerate(res.dropped) if f.kind == "person"]
    added = [j for j, f in enumerate(res.added) if f.kind == "person"]
    if not dropped or not added:
        return
    fits = {(i, j) for i in dropped for j in added if _one_person(res.dropped[i], res.added[j])}
    take = [
        (i, j)
        for i, j in sorted(fits)
        if sum(1 for x, _ in fits if x == i) == 1 and sum(1 for _, y in fits if y == j) == 1
    ]
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
