"""A figure changed in a sentence retold around a fact it kept.

A rewrite often keeps one figure of a source sentence and changes another beside it:
"It managed 390 CFM and ran for 28 minutes at full power, and at 6.4 pounds it's the
lightest" → "… weighs just 6.4 pounds, though it only runs for about 25 minutes". The
kept figure ("6.4 pounds") anchors the derived sentence to its source sentence; the
figure of one measure left unpaired on each side ("28 minutes", "about 25 minutes") is
then one fact changed, not one dropped and another added.

:func:`pair_anchored` pairs, for each derived sentence and each source sentence it keeps
a figure, date or name of (a quotation spans sentences, and is no anchor), the dropped
and added numbers of one unit (or of one dimension: "28 minutes", "half an hour"), of one
currency, and both shares or neither, when each side holds exactly one such number:
several would leave no telling which became which. Amounts of money and numbers with no
noun are left to the passes that pair by value (a rounding, the nearest figure).

Without a kept fact between them, two such numbers are one changed when their sentences
share :data:`MIN_SHARED` content words or more and neither has a rival as close ("the
complaint took 19 months to resolve" / "waited almost two years for the complaint to be
resolved"). Words of counts that differ ("14
buses", "16 trains") are left apart, as the value pass leaves them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..text.segment import split_sentences
from ..types import Fact, FactLink
from .items import Item, Result
from .near_words import NearWords
from .units import PERCENT, dimension


def pair_anchored(
    texts: tuple[str, str], items: tuple[Sequence[Item], Sequence[Item]], res: Result
) -> None:
    """Pair dropped and added numbers of sentences a kept fact links (see the module's
    rules), as changed values marked unsupported."""
    if not res.added or not res.dropped:
        return
    starts = [[x.start for x in split_sentences(t)] for t in texts]
    if not starts[0] or not starts[1]:
        return

    def sent(side: int, pos: int) -> int:
        return max(0, bisect.bisect_right(starts[side], pos) - 1)

    anchors = {
        (sent(0, k.source.span[0]), sent(1, k.derived.span[0]))
        for k in res.kept
        if k.kind != "quote"
    }
    by_id = {id(it.fact): it for side in items for it in side}
    dropped = [(f, by_id.get(id(f))) for f in res.dropped if f.kind == "number"]
    added = [(f, by_id.get(id(f))) for f in res.added if f.kind == "number"]
    for si, dj in sorted(anchors):
        ss = [(f, it) for f, it in dropped if it is not None and sent(0, f.span[0]) == si]
        ds = [(f, it) for f, it in added if it is not None and sent(1, f.span[0]) == dj]
        for sf, s in ss:
            alike_d = [(df, d) for df, d in ds if _alike(s, d)]
            if len(alike_d) != 1 or sum(_alike(it, alike_d[0][1]) for _, it in ss) != 1:
                continue  # not one for one: no telling which became which
            df = alike_d[0][0]
            if sf in res.dropped and df in res.added:
                _change(res, sf, df)
                ds = [(f, it) for f, it in ds if f is not df]
    _pair_by_words(texts, dropped, added, res)


MIN_SHARED = 3
"""Content words (:mod:`.near_words`) two figures' sentences must share for the figures
to be read as one changed when no kept fact links the sentences."""


def _pair_by_words(
    texts: tuple[str, str],
    dropped: list[tuple[Fact, Item | None]],
    added: list[tuple[Fact, Item | None]],
    res: Result,
) -> None:
    """Pair a dropped and an added number of one unit whose sentences share at least
    :data:`MIN_SHARED` content words, each the other's only best (a tie leaves both)."""
    near = NearWords(texts)
    cands = [
        (near.shared(sf, df), sf, df)
        for sf, s in dropped
        if s is not None and sf in res.dropped
        for df, d in added
        if d is not None and df in res.added and _alike(s, d)
    ]
    cands = [c for c in cands if c[0] >= MIN_SHARED]
    for n, sf, df in sorted(cands, key=lambda c: -c[0]):
        rivals = [c for c in cands if (c[1] is sf) != (c[2] is df) and c[0] >= n]
        if not rivals and sf in res.dropped and df in res.added:
            _change(res, sf, df)


def _change(res: Result, sf: Fact, df: Fact) -> None:
    """Report ``sf`` → ``df`` as a value changed, unsupported, not dropped and added."""
    note = f"value {sf.value} → {df.value}"
    res.changed.append(FactLink("number", sf, df, note, "value", "", True))
    res.dropped.remove(sf)
    res.added.remove(df)


def _alike(a: Item, b: Item) -> bool:
    """Two numbers with one unit (or dimension), one currency, both shares or neither."""
    if a.cur != b.cur or (a.unit == PERCENT) != (b.unit == PERCENT):
        return False
    if not a.unit or not b.unit:
        return False  # amounts and bare numbers: a later pass pairs them by value
    return a.unit == b.unit or (bool(dimension(a.unit)) and dimension(a.unit) == dimension(b.unit))
