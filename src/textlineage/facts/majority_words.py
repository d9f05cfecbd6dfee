"""A share of a whole given as a figure on one side and as a quantifier of the majority on
the other: "roughly four fifths of the members" → "most members", "82 per cent of the
seats" → "the majority of the seats".

"Most", "the majority", "the bulk" name no number, so the extractor reports none and the
source's share is left dropped though the derived text tells it, rounded to a word. When
the leftover share (a percentage or fraction above a half, followed by "of": a part of
something) stands in a sentence that says the same thing
(:func:`.match_loose.say_the_same`) as one sentence of the other text holding one such
quantifier, free of other facts, the two are one share, rounded (``rounding``). A share of
a half or less is not a majority and is left alone. English only.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..types import Fact, FactLink
from .items import Item, Result
from .match_loose import Sentences, is_free, said_alike
from .numeric import ENGLISH_READ

_SP = r"[ \u00a0]+"
_MAJORITY_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?<!(?i:the|at|a){_SP})"
    rf"(?:(?i:most)(?!{_SP}(?:\p{{L}}+ly|of{_SP}all)\b)"
    rf"|(?i:the|a){_SP}(?:(?i:vast|large|clear|big){_SP})?(?i:majority)"
    rf"|(?i:the){_SP}(?i:bulk))"
    r"(?![\p{L}\p{N}])"
)
"""A quantifier of more than half: "most", "the majority", "a large majority", "the
bulk" ("the most", "at most", "most likely" and "most of all" are other words)."""
_OF_AFTER_RE = regex.compile(r"[ \u00a0]+of\b")
_HALF = 50.0


def pair_majority_words(
    texts: tuple[str, str],
    docs: tuple[int, int],
    items: tuple[Sequence[Item], Sequence[Item]],
    langs: tuple[str, str],
    res: Result,
) -> None:
    """Pair each leftover share above a half of ``res`` with a quantifier of the majority
    in a sentence of the other text saying the same thing (see the module). ``texts``,
    ``docs``, ``items`` (each text's facts) and ``langs``: source, derived."""
    by_fact = {id(it.fact): it for side in items for it in side}
    lost_any = [f for f in (*res.dropped, *res.added) if f.kind == "number"]
    if not lost_any:
        return
    taken: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    for side in (0, 1):
        taken[side].extend(it.fact.span for it in items[side])
    sides = (Sentences(texts[0]), Sentences(texts[1]))
    for side, lost in ((0, res.dropped), (1, res.added)):
        other = 1 - side
        if langs[other] not in ENGLISH_READ:
            continue
        shares = [f for f in lost if _majority_share(f, by_fact.get(id(f)), texts[side])]
        if not shares:
            continue
        words = [m.span() for m in _MAJORITY_RE.finditer(texts[other])]
        for f in shares:
            hits = [
                span
                for span in words
                if is_free(span, taken[other]) and said_alike(sides, side, f.span, span)
            ]
            if len(hits) != 1:
                continue
            span = hits[0]
            there = Fact("number", texts[other][span[0] : span[1]], span, docs[other], "")
            lost.remove(f)
            taken[other].append(span)
            sf, df = (f, there) if side == 0 else (there, f)
            note = f"share rounded to a word ('{sf.text}' → '{df.text}')"
            res.changed.append(FactLink("number", sf, df, note, "rounding", "", side == 1))


def _majority_share(f: Fact, it: Item | None, text: str) -> bool:
    """Is ``f`` a percentage or fraction above a half and below the whole, of something
    ("two thirds of the rescues", "70% of voters")?"""
    if it is None or f.kind != "number" or it.unit != "%" or it.vague:
        return False
    try:
        value = float(f.value)
    except ValueError:
        return False
    return _HALF < value < 100 and _OF_AFTER_RE.match(text, f.span[1]) is not None
