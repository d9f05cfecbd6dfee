"""A value said twice in a row by the derived text, loosely then nearly exactly: the near
one is the change.

"Attendance: 61.4%" may be retold as "Attendance was under two thirds. Just 61% of
pupils came in": matching by the words around the numbers pairs "61.4%" with "under two
thirds" (both after "Attendance") and leaves "61%" added, though it is the figure the
writer rounded. When a change's derived number has, within :data:`REACH` characters, an
added number of the same noun and currency much nearer the source's value (at most
:data:`NEAR` away, and less than half as far as the first), or, when the first is
:data:`FAR` off, an added bound under any noun that the source's value keeps true, the
change is made to that one, and the first is the value said again loosely (part of that
change, not reported again) when its qualifier keeps it true of the source's, else
added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..types import Fact, FactLink
from .items import Group, Item, Result, sole_pairs
from .near_words import NearWords
from .units import dimension, in_base
from .value_close import gap, rounded_true

REACH = 600
"""Characters between the two derived mentions (a sentence and the next, or a lede that
says it loosely and the paragraph or two after it that gives the figure)."""
NEAR = 0.05
"""How far (a share of the larger) the nearer mention may lie from the source's value."""
FAR = 0.5
"""How far (a share of the larger) a change's derived value must lie from the source's
(more than twice apart: "112 films" → "4 films") for it to yield to a nearby added bound
the source's value keeps true under any noun ("more than 100 features"), however far
that bound lies."""


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
            if d2.cur == s.cur
            and not d2.vague
            and abs(d2.fact.span[0] - d1.fact.span[0]) <= REACH
            and 2 * gap(s, d2) < far
            and (
                (d2.unit == d1.unit and gap(s, d2) <= NEAR)
                or (far > FAR and rounded_true(s, d2, True))
            )
        ]
        if len(near) != 1:
            continue
        d2 = near[0][1]
        added.remove(d2)
        res.added.remove(d2.fact)
        res.changed[i] = _change(s, d2)
        if not rounded_true(s, d1):
            res.added.append(d1.fact)


def prefer_nearer_source(
    S: list[Group], D: list[Group], res: Result, start: int, texts: tuple[str, str] | None
) -> None:
    """The other way round: a change from a vague or far source number ("several thousand
    people" → "more than 8,000 people") whose derived number a dropped source number
    states nearly (within :data:`NEAR`, less than half as far: "8,150 signatures"), in a
    sentence sharing :data:`SAID_ALIKE` content words with the derived one's, is that
    number's change; the first is left dropped. When the first source number is told by
    another change too ("212 pupils" → "more than 200 pupils" and → "more than a thousand
    pupils"), a dropped number the derived bound keeps true under any noun ("1,038 late
    arrivals") takes the change whatever the words around it, and the first stays told
    once."""
    if texts is None or not res.dropped or len(res.changed) <= start:
        return
    items = {id(it.fact): it for g in (*S, *D) for it in g.items}
    dropped = [items[id(f)] for f in res.dropped if f.kind == "number" and id(f) in items]
    words = NearWords(texts)
    told = Counter(k.source.span for k in (*res.kept, *res.changed))
    for i in range(start, len(res.changed)):
        link = res.changed[i]
        s1, d = items.get(id(link.source)), items.get(id(link.derived))
        if s1 is None or d is None or d.vague or rounded_true(s1, d):
            continue  # (a bound kept true of the source: its rounding, chosen already)
        far = gap(s1, d)
        # a source number told twice, here far off, yields to a dropped number the
        # derived bound keeps true whatever the words around them
        twice = told[link.source.span] > 1
        near = [
            s2
            for s2 in dropped
            if s2.cur == d.cur
            and not s2.vague
            and dimension(s2.unit) == dimension(d.unit)
            and (s2.unit == d.unit or not dimension(d.unit))
            and gap(s2, d) <= NEAR
            and 2 * gap(s2, d) < far
            and (
                words.shared(s2.fact, d.fact) >= SAID_ALIKE or (twice and rounded_true(s2, d, True))
            )
        ]
        if len(near) != 1:
            continue
        s2 = near[0]
        dropped.remove(s2)
        res.dropped.remove(s2.fact)
        res.changed[i] = _change(s2, d)
        if not twice:  # (else told by its other change still)
            res.dropped.append(s1.fact)


def _change(s: Item, d: Item) -> FactLink:
    sf: Fact = s.fact
    note = f"value {sf.value} → {d.fact.value}"
    if rounded_true(s, d):
        return FactLink(sf.kind, sf, d.fact, f"{note}, rounded", "value", "rounded")
    return FactLink(sf.kind, sf, d.fact, note, "value", "", True)


SAID_ALIKE = 2
"""Content words the sentences of a dropped number and of a derived mention left unreported
must share (:func:`pair_unreported_mentions`)."""


def pair_unreported_mentions(
    S: list[Group], D: list[Group], res: Result, texts: tuple[str, str] | None
) -> None:
    """A derived value stated twice is matched once, by value ("finished second" kept);
    its other mention ("Ola moves up to second") may retell another source number of the
    same noun that was left dropped ("Ola moving up to fourth"). When a dropped number
    and one unreported derived mention of the same noun (a place, a count) or dimension
    ("delayed by ten months" / "delayed by a year"), of a size
    (the larger at most twice the smaller), stand in sentences sharing
    :data:`SAID_ALIKE` content words, and each is the other's only such partner, that is
    one number changed."""
    if texts is None or not res.dropped:
        return
    reported = {k.derived.span for k in (*res.kept, *res.changed)} | {f.span for f in res.added}
    spare = [it for g in D for it in g.items if it.fact.span not in reported]
    if not spare:
        return
    items = {id(it.fact): it for g in S for it in g.items}
    dropped = [items[id(f)] for f in res.dropped if f.kind == "number" and id(f) in items]
    _pair_alike(dropped, spare, res, NearWords(texts), None)


def pair_measures_left(
    texts: tuple[str, str], items: tuple[Sequence[Item], Sequence[Item]], res: Result
) -> None:
    """A dropped and an added measure of one dimension ("within 10 days of the vote" /
    "within two weeks of the vote"), of a size and in sentences sharing
    :data:`SAID_ALIKE` content words, each the other's only such partner, are one
    measure changed: the rule of :func:`pair_unreported_mentions` for a derived mention
    reported added. (Counts are paired by :func:`.match_counts.pair_close_counts`.)"""
    if not res.dropped or not res.added:
        return
    by_fact = {id(it.fact): it for side in items for it in side}

    def measures(facts: list[Fact]) -> list[Item]:
        out = []
        for f in facts:
            it = by_fact.get(id(f))
            if f.kind == "number" and it is not None and dimension(it.unit) and not it.vague:
                out.append(it)
        return out

    dropped, added = measures(res.dropped), measures(res.added)
    if dropped and added:
        _pair_alike(dropped, added, res, NearWords(texts), res.added)


def _pair_alike(
    dropped: list[Item], spare: list[Item], res: Result, near: NearWords, lost: list[Fact] | None
) -> None:
    """Pair each dropped number with its only partner among ``spare`` (see
    :func:`pair_unreported_mentions`); a partner paired is taken off ``lost`` too."""

    def partners(s: Item, d: Item) -> bool:
        if not s.unit or s.cur != d.cur or (s.fact.value == d.fact.value and s.unit == d.unit):
            return False
        if s.unit == d.unit:
            x, y = _number(s.fact.value), _number(d.fact.value)
        elif dimension(s.unit) and dimension(s.unit) == dimension(d.unit):
            x, y = _base(s), _base(d)  # one measure in two units ("18 months", "two years")
        else:
            return False
        if x is None or y is None or min(x, y) <= 0 or max(x, y) > 2 * min(x, y):
            return False
        return near.shared(s.fact, d.fact) >= SAID_ALIKE

    for s, d in sole_pairs(dropped, list(spare), partners):
        note = f"value {s.fact.value} → {d.fact.value}"
        res.changed.append(FactLink(s.fact.kind, s.fact, d.fact, note, "value", "", True))
        res.dropped.remove(s.fact)
        spare.remove(d)
        if lost is not None and d.fact in lost:
            lost.remove(d.fact)


def _base(it: Item) -> float | None:
    v = in_base(it.fact.value, it.unit)
    return None if v is None else float(v)


def _number(value: str) -> float | None:
    digits = value.rstrip("stndrh")  # a place: "3rd"
    try:
        return float(digits)
    except ValueError:
        return None


ALIKE_MORE = 2
"""How many more content words a dropped number's sentence must share with a kept derived
number's than the kept source number's does for it to be the one the derived retells
(:func:`prefer_said_alike`)."""


def prefer_said_alike(
    S: list[Group], D: list[Group], res: Result, texts: tuple[str, str] | None
) -> None:
    """A derived number matched by value alone to a source number of another statement:
    "Paris to Lyon: two trains an hour" kept from "Paris to Nice: two trains per hour",
    while "Paris to Lyon: one train per hour" is dropped. When a dropped source number
    of the same noun and currency stands in a sentence sharing at least
    :data:`SAID_ALIKE` + 1 content words with the derived one's, and :data:`ALIKE_MORE`
    more than the kept source number's, and it is the only such, the derived number is
    its change and the first source number is dropped."""
    if texts is None or not res.dropped or not res.kept:
        return
    items = {id(it.fact): it for g in (*S, *D) for it in g.items}
    dropped = [items[id(f)] for f in res.dropped if f.kind == "number" and id(f) in items]
    if not dropped:
        return
    words = NearWords(texts)
    for k in [k for k in res.kept if k.kind == "number"]:
        s1, d = items.get(id(k.source)), items.get(id(k.derived))
        if s1 is None or d is None or not d.unit or d.vague:
            continue
        least = max(SAID_ALIKE + 1, words.shared(s1.fact, d.fact) + ALIKE_MORE)
        better = [
            s2
            for s2 in dropped
            if s2.unit == d.unit
            and s2.cur == d.cur
            and not s2.vague
            and s2.fact.value != d.fact.value
            and words.shared(s2.fact, d.fact) >= least
        ]
        if len(better) != 1:
            continue
        s2 = better[0]
        dropped.remove(s2)
        res.dropped.remove(s2.fact)
        res.kept.remove(k)
        res.changed.append(_change(s2, d))
        res.dropped.append(s1.fact)
        dropped.append(s1)
