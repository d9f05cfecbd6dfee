"""A date the derived text says more often than the source, in place of a source date it
leaves out: "open in 2044; the 2043 season is a write-off" → "open in 2043; the 2043
season is a write-off".

Matching by value pairs the derived "2043"s with the source's one "2043" and leaves the
source's "2044" dropped, though the derived text retells its sentence with another year:
a changed date. When a source date matched by no value has the shape of a derived date
said more times than the source says it, and one of those derived mentions stands in a
sentence sharing at least :data:`.match_dates.SAID_ALIKE` content words with the left-out
date's sentence, and more than with any sentence of the source mentions of its own
value, that mention is the left-out date with its value changed; the others stay kept.
"""

from __future__ import annotations

from collections.abc import Callable

from ..types import Fact, FactLink
from .items import Group, Item
from .near_words import NearWords


def retold_as_other(
    g: Group,
    kept_pairs: list[tuple[Group, Group]],
    near: NearWords,
    same_shape: Callable[[Item, Item], bool],
    min_shared: int,
    taken: set[int],
) -> tuple[int, Item] | None:
    """The kept pair (by its index in ``kept_pairs``, source group first) and the derived
    mention in it that retells the left-out source date ``g`` with another value (see the
    module), not one of ``taken`` (by id); None when none does."""
    best: tuple[int, int, Item] | None = None
    for i, (gs, gd) in enumerate(kept_pairs):
        left = [d for d in gd.items if id(d) not in taken]
        if len(left) <= len(gs.items) or not same_shape(g.first, gd.first):
            continue
        for d in left:
            mine = max(near.shared(s.fact, d.fact) for s in g.items)
            own = max(near.shared(s.fact, d.fact) for s in gs.items)
            if mine >= min_shared and mine > own and (best is None or mine > best[0]):
                best = (mine, i, d)
    return (best[1], best[2]) if best is not None else None


def relink(link: FactLink, gs: Group, gd: Group, taken: Item, near: NearWords) -> FactLink:
    """``link`` (the kept pair of ``gs`` and ``gd``) re-pointed to the derived mention,
    other than ``taken``, whose sentence best matches a source mention's."""
    rest = [d for d in gd.items if d is not taken]
    if link.derived is not taken.fact:
        return link
    best: tuple[int, Fact, Fact] = (-1, link.source, rest[0].fact)
    for d in rest:
        for s in gs.items:
            n = near.shared(s.fact, d.fact)
            if n > best[0]:
                best = (n, s.fact, d.fact)
    return FactLink(link.kind, best[1], best[2], link.note, link.label, link.detail)
