"""A part of a whole told as a share of it: "of the 120 claims, 52 were upheld" → "almost
half of the claims were upheld", "£1.2 billion, of which only £0.7 billion was spent" →
"barely half of the money was spent".

The part ("52") has no counterpart of its value, and the share ("almost half", 50 %) none
of its, so the part is left dropped and the share unread or added. They are one figure
rounded when the source names the whole right beside the part ("52 of 120 claims", "of
the 120 claims, 52", "£1.2 billion, of which £0.7 billion"), the share stands before "of"
in a sentence of the derived text that holds the whole kept or says the same thing (a
whole changed makes it a part of another whole), and the part is within :data:`SHARE_SLACK` percentage
points of the share. Each part and each share is paired once, and only with its one
partner.

English only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation

import regex

from ..types import Fact, FactLink
from .items import Item, Result, sole_pairs
from .numeric import ENGLISH_READ
from .units import PERCENT
from .years_before import sentence_at

SHARE_SLACK = Decimal(10)
"""How many percentage points a part of a whole may lie from the share that tells it."""

_SP = r"[ \u00a0]+"
_DET = rf"(?:(?i:the|its|their|all){_SP})?"
_PART_OF_RE = regex.compile(rf"{_SP}(?i:of|out{_SP}of){_SP}{_DET}$")
"""Between a part and its whole: "52 of the 120", "52 out of 120"."""
_OF_WHICH_RE = regex.compile(rf",?{_SP}(?i:of{_SP}which|of{_SP}whom){_SP}(?:(?i:only|just){_SP})?$")
"""Between a whole and its part: "£1.2 billion, of which £0.7 billion"."""
_OF_THE_RE = regex.compile(rf"(?<![\p{{L}}])(?i:of){_SP}{_DET}$")
"""Before a whole that opens the sentence: "Of the 120 claims, 52 ..."."""
_SHARE_OF_RE = regex.compile(rf"{_SP}(?i:of)(?![\p{{L}}])")
"""After a share of something: "almost half of"."""


def _value(f: Fact) -> Decimal | None:
    try:
        return Decimal(f.value)
    except (InvalidOperation, ValueError):
        return None


def _whole(part: Fact, numbers: Sequence[Item], text: str) -> Item | None:
    """The number the source names as the whole of ``part``, beside it in its sentence."""
    lo, hi = sentence_at(text, part.span[0])
    for it in numbers:
        s, e = it.fact.span
        if not lo <= s < hi or it.unit == PERCENT or (s, e) == part.span:
            continue
        if e <= part.span[0]:
            between = text[e : part.span[0]]
            before = text[max(lo, s - 12) : s]
            if _OF_WHICH_RE.fullmatch(between) or (
                _OF_THE_RE.search(before) and "," in between and len(between) <= 80
            ):
                return it
        elif _PART_OF_RE.fullmatch(text[part.span[1] : s]):
            return it
    return None


def parts_as_shares(
    texts: tuple[str, str],
    items: tuple[Sequence[Item], Sequence[Item]],
    langs: tuple[str, str],
    res: Result,
    said: Callable[[tuple[int, int], tuple[int, int]], bool],
) -> None:
    """Pair each part of a whole left dropped with the share that tells it (see the
    module). ``texts``, ``items`` (each text's facts) and ``langs``: source, derived;
    ``said``: do the sentences at a source and a derived span say the same thing?"""
    if langs[0] not in ENGLISH_READ or langs[1] not in ENGLISH_READ:
        return
    parts = [f for f in res.dropped if f.kind == "number" and _value(f)]
    if not parts:
        return
    numbers = [it for it in items[0] if it.cls == "number"]
    taken = {k.derived.span for k in (*res.kept, *res.changed)}
    shares = [
        it
        for it in items[1]
        if it.cls == "number"
        and it.unit == PERCENT
        and not any(c.isdigit() for c in it.fact.text)
        and _SHARE_OF_RE.match(texts[1], it.fact.span[1])
        and it.fact.span not in taken
    ]
    if not shares:
        return
    wholes: dict[tuple[int, int], tuple[Item, Decimal]] = {}
    for f in parts:
        w = _whole(f, numbers, texts[0])
        wv = _value(w.fact) if w is not None else None
        pv = _value(f)
        if w is not None and wv and pv is not None and 0 < pv < wv:
            wholes[f.span] = (w, pv * 100 / wv)
    if not wholes:
        return
    kept = res.kept

    def ok(f: Fact, sh: Item) -> bool:
        found = wholes.get(f.span)
        share = _value(sh.fact)
        if found is None or share is None or abs(found[1] - share) > SHARE_SLACK:
            return False
        w = found[0]
        if any(k.source.span == w.fact.span for k in res.changed):
            return False  # the whole changed too: a part of another whole
        lo, hi = sentence_at(texts[1], sh.fact.span[0])
        told = any(k.source.span == w.fact.span and lo <= k.derived.span[0] < hi for k in kept)
        return told or said(f.span, sh.fact.span)

    for f, sh in sole_pairs(parts, shares, ok):
        w, ratio = wholes[f.span]
        note = (
            f"a part of a whole told as a share ('{f.text}' of '{w.fact.text}' is "
            f"{ratio:.0f}%: '{sh.fact.text}')"
        )
        res.dropped.remove(f)
        if sh.fact in res.added:
            res.added.remove(sh.fact)
        res.changed.append(FactLink("number", f, sh.fact, note, "value"))
