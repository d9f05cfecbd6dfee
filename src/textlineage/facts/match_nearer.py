"""A value said twice in a row by the derived text, loosely then nearly exactly: the near
one is the change.

"Attendance: 61.4%" may be retold as "Attendance was under two thirds. Just 61% of
pupils came in": matching by the words around the numbers pairs "61.4%" with "under two
thirds" (both after "Attendance") and leaves "61%" added, though it is the figure the
writer rounded. When a change's derived number has, within :data:`REACH` characters, an
added number of the same noun and currency much nearer the source's value (at most
:data:`NEAR` away, and less than half as far as the first), the change is made to that
one, and the first is the value said again loosely (part of that change, not reported
again) when its qualifier keeps it true of the source's, else added.
"""

from __future__ import annotations

from ..types import Fact, FactLink
from .items import Group, Item, Result
from .value_close import gap, rounded_true

REACH = 200
"""Characters between the two derived mentions (a sentence and the next)."""
NEAR = 0.05
"""How far (a share of the larger) the nearer mention may lie from the source's value."""


def prefer_nearer(S: list[Group], D: list[Group], res: Result, start: int) -> None:
    """Move the number changes of ``res`` from ``start`` on to a nearer added mention (see
    the module)."""
    if not res.added or len(res.changed) <= start:
        return
    items = {id(it.fact): it for g in (*S, *D) for it in g.items}
    added = [items[id(f)] for f in res.added if f.kind == "number" and id(f) in items]
    for i in range(start, len(res.changed)):
        link = res.changed[i]
        s, d1 = items.get(id(link.source)), items.get(id(link.derived))
        if s is None or d1 is None or link.label != "value" or s.vague:
            continue
        far = gap(s, d1)
        near = [
            (gap(s, d2), d2)
            for d2 in added
            if d2.unit == d1.unit
            and d2.cur == s.cur
            and not d2.vague
            and abs(d2.fact.span[0] - d1.fact.span[0]) <= REACH
            and gap(s, d2) <= NEAR
            and 2 * gap(s, d2) < far
        ]
        if len(near) != 1:
            continue
        d2 = near[0][1]
        added.remove(d2)
        res.added.remove(d2.fact)
        res.changed[i] = _change(s, d2)
        if not rounded_true(s, d1):
            res.added.append(d1.fact)


def _change(s: Item, d: Item) -> FactLink:
    sf: Fact = s.fact
    note = f"value {sf.value} → {d.fact.value}"
    if rounded_true(s, d):
        return FactLink(sf.kind, sf, d.fact, f"{note}, rounded", "value", "rounded")
    return FactLink(sf.kind, sf, d.fact, note, "value", "", True)
