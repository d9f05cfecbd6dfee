"""A figure kept is paired with the mention whose words around it say the same thing.

The figure matching pairs mentions of one value by their passages and their sentences; when
a text gives one value twice, it can pair the wrong two. "admitted seven counts of theft"
and "took deposits from seven tenants" against "cheated seven pensioners" and "admitted
seven theft charges": kept "seven counts" → "seven pensioners" leaves the tenants dropped
and the charges added, two facts reported that the texts share.

This pass reads the few words on each side of a mention (inside its sentence and line,
:data:`WINDOW` content words each way). A kept link of a figure or a date moves to a
dropped (added) mention of the same value whose words share more with the other side's
mention than the mention the link held (at least one, and more than any other such
mention); the mention it held is then dropped (added), and is kept with the one added
(dropped) mention of that value left over, if it is the only one on each side (the
matching had read the two values as the same figure). A link whose two mentions share a
word of their own ("three times" / "three times") stays: they name one thing.

A text may also give one value twice ("11 points" and "6-of-11"): the matching pairs one
mention of each side and leaves the other unread. A figure dropped (added) is kept with the
mention of its value that no report holds in the other text, the only one, when the words
around the two share :data:`MIN_SHARED` at least (:func:`keep_unheld`).

A change is read against the figures beside it too: a change to a round figure far from
the one it holds moves to the source's free mention that the new figure rounds
(:func:`nearer_changes`), and a figure dropped that, summed with the one a change holds,
gives the new figure is part of that change (:func:`fold_summed`). A year read as a
figure on one side and as a date on the other is kept (:func:`pair_years`).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

import regex

from ..text.features import span_terms
from ..types import Fact, FactLink
from .items import Item, Result
from .vocab import SPELLED

WINDOW = 4
"""Content words read on each side of a mention."""
_REACH = 80
"""Characters looked at on each side for them."""
_KINDS = ("number", "date")
_NUMBER_RE = regex.compile(rf"\d|^(?i:{SPELLED})\W*$")
_STOP_BEFORE_RE = regex.compile(r".*(?:[.!?;]\s|\n)", regex.DOTALL)
_STOP_AFTER_RE = regex.compile(r"[.!?;](?:\s|$)|\n")


def _around(text: str, f: Fact) -> set[str]:
    """The content words of ``f`` (its noun, not its figures) and those next to it in its
    sentence: :data:`WINDOW` each way."""
    s, e = f.span
    a = max(0, s - _REACH)
    m = _STOP_BEFORE_RE.match(text, a, s)
    if m is not None:
        a = m.end()
    b = min(len(text), e + _REACH)
    m2 = _STOP_AFTER_RE.search(text, e, b)
    if m2 is not None:
        b = m2.start()
    return {*_ordered(text, s, e), *_ordered(text, a, s)[-WINDOW:], *_ordered(text, e, b)[:WINDOW]}


def _ordered(text: str, a: int, b: int) -> list[str]:
    """The content terms of ``text[a:b]`` in text order, figures and number words left
    out (they are the value, not what it counts)."""
    out: list[str] = []
    for m in regex.finditer(r"\S+", text[a:b]):
        if _NUMBER_RE.search(m.group()) is None:
            out.extend(span_terms(text, a + m.start(), a + m.end()))
    return out


def _key(f: Fact) -> tuple[str, str]:
    return f.kind, f.value


def _best(
    link: FactLink, side: int, pool: list[Fact], texts: tuple[str, str], cache: dict[int, set[str]]
) -> Fact | None:
    """The mention of ``pool`` (on side ``side``) that the other side of ``link`` shares
    more words with than with the mention the link holds; None if none or a tie."""

    def words(f: Fact, text: str) -> set[str]:
        got = cache.get(id(f))
        if got is None:
            got = cache[id(f)] = _around(text, f)
        return got

    mine = link.source if side == 0 else link.derived
    other = link.derived if side == 0 else link.source
    if set(_ordered(texts[side], *mine.span)) & set(_ordered(texts[1 - side], *other.span)):
        return None  # the two mentions name one thing ("three times" / "three times")
    there = words(other, texts[1 - side])
    if not there:
        return None
    now = len(words(mine, texts[side]) & there)
    scored = Counter({id(f): len(words(f, texts[side]) & there) for f in pool})
    top = scored.most_common(2)
    if not top or top[0][1] <= now or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return next(f for f in pool if id(f) == top[0][0])


def relink_kept(
    res: Result, texts: tuple[str, str], items: tuple[Sequence[Item], ...] = ((), ())
) -> None:
    """Move kept links of figures and dates to the mentions whose words around them say
    the same thing, then keep a figure left with a mention no report holds (see the
    module); ``items``: the facts read in the two texts."""
    cache: dict[int, set[str]] = {}
    for side, left in ((0, res.dropped), (1, res.added)):
        values = {_key(f) for f in left if f.kind in _KINDS}
        if not values:
            continue
        for i, link in enumerate(res.kept):
            mine = link.source if side == 0 else link.derived
            if link.kind not in _KINDS or _key(mine) not in values:
                continue
            pool = [f for f in left if _key(f) == _key(mine)]
            new = _best(link, side, pool, texts, cache)
            if new is None:
                continue
            left.remove(new)
            if side == 0:
                res.kept[i] = dataclasses.replace(link, source=new)
            else:
                res.kept[i] = dataclasses.replace(link, derived=new)
            held = (k.source if side == 0 else k.derived for k in (*res.kept, *res.changed))
            if all(h.span != mine.span for h in held):
                left.append(mine)
            _pair_left(res, _key(mine))
    keep_unheld(res, texts, items)
    nearer_changes(res, texts, items[0])
    fold_summed(res, texts[0])
    pair_years(res)


MIN_SHARED = 2
"""Words two mentions of one value must share around them for a figure dropped (added) to
be kept with a mention of the other text that no report holds."""


def keep_unheld(res: Result, texts: tuple[str, str], items: tuple[Sequence[Item], ...]) -> None:
    """Keep a figure or a date dropped (added) with the mention of its value in the other
    text that no report holds, the only one, when the words around the two share
    :data:`MIN_SHARED` at least: the matching paired another mention of that value (a text
    that gives one figure twice, "11 points" and "6-of-11") and left this one unread."""
    for side, left in ((0, res.dropped), (1, res.added)):
        lost = [f for f in left if f.kind in _KINDS]
        if not lost:
            continue
        other = 1 - side
        held = {k.derived.span if other else k.source.span for k in (*res.kept, *res.changed)}
        held.update(f.span for f in (res.added if other else res.dropped))
        free: dict[tuple[str, str], list[Fact]] = {}
        for it in items[other]:
            f = it.fact
            if f.kind in _KINDS and f.span not in held:
                free.setdefault(_key(f), []).append(f)
        for f in lost:
            there = free.get(_key(f), [])
            if len(there) != 1:
                continue
            mine = _around(texts[side], f)
            if len(mine & _around(texts[other], there[0])) < MIN_SHARED:
                continue
            left.remove(f)
            src, der = (f, there[0]) if side == 0 else (there[0], f)
            res.kept.append(FactLink(f.kind, src, der))
            del free[_key(f)]


NEAR = 0.1
"""A source figure within this share of a changed figure's new value is what the change
rounded."""
FAR = 0.25
"""... when the figure the change holds is further than this share from it."""


ROUND_FROM = 20
"""The smallest round figure (a multiple of ten) read as a rounding of a nearby one."""


_HEDGE_RE = regex.compile(
    r"(?i:over|more[ \u00a0]+than|about|around|almost|nearly|roughly|some|approximately"
    r"|at[ \u00a0]+least|under|fewer[ \u00a0]+than|less[ \u00a0]+than|just[ \u00a0]+(?:over|under))"
    r"[ \u00a0]"
)
"""A hedge opening a figure: a rounded figure says it is one."""


def _number(f: Fact) -> float | None:
    try:
        return float(f.value)
    except ValueError:
        return None


def nearer_changes(res: Result, texts: tuple[str, str], items: Sequence[Item]) -> None:
    """Move a changed figure to the source's mention that its new value rounds: a change of
    a figure to a round one said so by a hedge ("over", "about", "nearly": :data:`ROUND_FROM`
    at least) more than :data:`FAR` from it ("7,640 → over 2,000") when one
    mention of the source, the only one, no link holds, lies within :data:`NEAR` of it
    ("2,046 members"). The figure the change held is then dropped."""
    held = {k.source.span for k in (*res.kept, *res.changed)}
    free = [
        (f, v)
        for it in items
        if (f := it.fact).kind == "number" and f.span not in held and (v := _number(f))
    ]
    if not free:
        return
    for i, link in enumerate(res.changed):
        if link.kind != "number" or link.label != "value":
            continue
        new, old = _number(link.derived), _number(link.source)
        if not new or new < ROUND_FROM or new % 10 or old is None or abs(old - new) <= FAR * new:
            continue
        if _HEDGE_RE.match(link.derived.text) is None:
            continue
        near = [f for f, v in free if abs(v - new) <= NEAR * new]
        if len(near) != 1:
            continue
        res.changed[i] = dataclasses.replace(
            link, source=near[0], note=f"{near[0].text} → {link.derived.text}"
        )
        res.dropped[:] = [f for f in res.dropped if f.span != near[0].span]
        res.dropped.append(link.source)
        free = [(f, v) for f, v in free if f is not near[0]]


_SENTENCE_END_RE = regex.compile(r"[.!?][\"”’)]*\s|\n")


_SHARE_RE = regex.compile(r"%|(?i:per[ \u00a0]?cent)")


def _share(f: Fact) -> bool:
    """Is ``f`` a percentage (a share of something: shares of different wholes do not
    add up)?"""
    return _SHARE_RE.search(f.text) is not None


_LOWER_BOUND_RE = regex.compile(r"(?i:more[ \u00a0]+than|over|above|at[ \u00a0]+least)[ \u00a0]")
"""A hedge that makes a figure a lower bound: the true value is above it."""


def fold_summed(res: Result, source_text: str) -> None:
    """Leave out a figure dropped that, added to the figure a change holds in its sentence,
    meets the change's new value, a lower bound ("more than 7,500") that the held figure
    alone falls short of, within :data:`NEAR` above it (no percentage): two figures summed
    and rounded are one change ("about 7,100 in Wales and about 480 in Jersey"), already
    reported."""
    for link in res.changed:
        new, old = _number(link.derived), _number(link.source)
        if (
            link.kind != "number"
            or not new
            or not old
            or old >= new
            or _share(link.source)
            or _LOWER_BOUND_RE.match(link.derived.text) is None
        ):
            continue
        for f in list(res.dropped):
            part = _number(f) if f.kind == "number" and not _share(f) else None
            if not part or not new <= old + part <= new * (1 + NEAR):
                continue
            a, b = sorted((link.source.span, f.span))
            if _SENTENCE_END_RE.search(source_text, a[1], b[0]) is None:
                res.dropped.remove(f)


_YEAR_RE = regex.compile(r"1[5-9]\d\d|20\d\d")


def pair_years(res: Result) -> None:
    """Keep a year read as a figure on one side ("12% over 2029", "over" taken for a
    hedge) and as a date on the other ("12 percent more than in 2029"): the same year, the
    only mention of it dropped and the only one added."""
    for lost_kind, new_kind in (("number", "date"), ("date", "number")):
        lost = [f for f in res.dropped if f.kind == lost_kind and _YEAR_RE.fullmatch(f.value)]
        for f in lost:
            mine = [g for g in res.dropped if g.value == f.value]
            theirs = [g for g in res.added if g.kind == new_kind and g.value == f.value]
            if (
                len(mine) == 1
                and len(theirs) == 1
                and not [g for g in res.added if g.value == f.value and g is not theirs[0]]
            ):
                res.dropped.remove(f)
                res.added.remove(theirs[0])
                res.kept.append(FactLink("date", f, theirs[0], "a year read as a figure"))


def _pair_left(res: Result, key: tuple[str, str]) -> None:
    """Keep the one dropped and the one added mention of ``key`` left, if so many."""
    lost = [f for f in res.dropped if _key(f) == key]
    new = [f for f in res.added if _key(f) == key]
    if len(lost) == 1 and len(new) == 1:
        res.dropped.remove(lost[0])
        res.added.remove(new[0])
        res.kept.append(FactLink(key[0], lost[0], new[0]))
