"""One number under two nouns or units in one passage ("three operators" / "three
companies", "three decades" / "30 years"), and a share in percentage points told in per
cent ("4.1 percentage points" / "4.1 per cent"): matched before numbers are paired by
closeness, so that a near value of another noun does not take them."""

from __future__ import annotations

import regex

from ..types import FactLink
from .items import Group, Item, Result, pair, shares
from .units import PERCENT, dimension, in_base, same_span
from .value_close import qual_detail, qual_note

_STRENGTH = "strength"
_POINT = "point"


def same_measure(s: Item, d: Item) -> bool:
    """One measure in two units ("three decades", "30 years")?"""
    if s.unit == d.unit or not dimension(s.unit) or dimension(s.unit) != dimension(d.unit):
        return False
    if ("x" in s.fact.value) != ("x" in d.fact.value):
        return False  # a size is no range
    a = [in_base(v, s.unit) for v in regex.split("[-x]", s.fact.value)]  # a range's ends, a
    b = [in_base(v, d.unit) for v in regex.split("[-x]", d.fact.value)]  # size's lengths
    return None not in a and (a == b or same_span(s.fact.value, s.unit, d.fact.value, d.unit))


def _same_count(s: Item, d: Item) -> bool:
    """One count under two nouns ("37 municipalities", "37 towns")? Same value and
    currency, two different nouns of no dimension."""
    return (
        s.fact.value == d.fact.value
        and s.cur == d.cur
        and bool(s.unit and d.unit)
        and s.unit != d.unit
        and not dimension(s.unit)
        and not dimension(d.unit)
    )


def _points(s: Item, d: Item) -> bool:
    """One value in percentage points on one side and in per cent on the other?"""
    return s.fact.value == d.fact.value and {s.unit, d.unit} == {PERCENT, _POINT}


def one_thing(
    S: list[Group], gd: Group, res: Result, exact_used: set[int], kept_src: set[int]
) -> Group | None:
    """Match ``gd`` with a source number in one of its passages that is the same count
    under another noun ("three operators", "three companies") or the same measure in
    another unit ("three decades", "30 years"): kept, or changed in strength when the
    qualifiers differ; or the same value in percentage points and in per cent: changed in
    value. The source group matched, or None."""
    d = gd.first
    cands = [
        g
        for g in S
        if id(g) not in exact_used
        and (
            (shares(g, gd) and (_same_count(g.first, d) or same_measure(g.first, d)))
            or _points(g.first, d)  # a slip of its own, wherever it stands
        )
    ]
    if not cands:
        return None
    gs = min(cands, key=lambda g: (g.first.qcls != d.qcls, g.first.fact.span[0]))
    exact_used.add(id(gs))
    s = gs.first
    sf, df = pair(gs, gd)
    if _points(s, d):
        note = f"{sf.text} → {df.text}: percentage points and per cent are not one measure"
        res.changed.append(FactLink(d.fact.kind, sf, df, note, "value", "", True))
        return gs
    what = "noun" if _same_count(s, d) else "unit"
    note = f"{what} '{s.unit}' → '{d.unit}'"
    if s.qcls != d.qcls:
        note = f"{qual_note(s, d)}; {note}"
        res.changed.append(FactLink(d.fact.kind, sf, df, note, _STRENGTH, qual_detail(s, d)))
    else:
        kept_src.add(id(gs))
        res.kept.append(FactLink(d.fact.kind, sf, df, note, "noun" if what == "noun" else ""))
    return gs
