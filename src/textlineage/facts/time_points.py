"""A point in time told as a span back or on from another ("a year earlier", "twelve months
earlier", "two years ago"), in one unit on one side and another on the other.

"A year earlier" names no count (the number reader leaves "a year" alone, as in "a year
ago"), while "twelve months earlier" reads as a span of twelve months; the span is then
left added (or dropped) though the other text tells the same point. When the span is
followed by a word that makes it a point ("earlier", "ago", "before", "later"), and a
sentence of the other text that says the same thing (:func:`.match_loose.say_the_same`)
tells a point with that word by a span of the same length ("a year earlier": twelve
months), the two are one time: the span is no fact added or dropped. English only.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from .items import Result
from .match_loose import Sentences, say_the_same
from .units import in_base
from .vocab import SMALL_NUM, TENS_NUM

_SPELLED = "|".join(sorted((*SMALL_NUM, *TENS_NUM), key=len, reverse=True))
_POINT_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<n>(?i:an?|{_SPELLED})|\d{{1,3}})[ \u00a0-]+"
    r"(?P<u>(?i:second|minute|hour|day|week|month|year|decade))s?[ \u00a0]+"
    r"(?P<p>(?i:earlier|ago|before|later))(?![\p{L}\p{N}])"
)
"""A span of time made a point by the word after it ("a year earlier", "12 months ago")."""


def _length(m: regex.Match[str]) -> Decimal | None:
    n = m.group("n").lower()
    count = 1 if n in ("a", "an") else SMALL_NUM.get(n) or TENS_NUM.get(n)
    if count is None:
        count = int(n) if n.isdigit() else 0
    return in_base(str(count), m.group("u").lower()) if count else None


def _points(text: str) -> list[tuple[tuple[int, int], str, Decimal]]:
    out = []
    for m in _POINT_RE.finditer(text):
        length = _length(m)
        if length is not None:
            out.append((m.span(), m.group("p").lower(), length))
    return out


def fold_time_points(res: Result, texts: tuple[str, str]) -> None:
    """Drop the spans added (dropped) that tell, as a point, the time a sentence of the
    other text saying the same thing tells by a span of the same length in another unit
    (see the module's docstring). ``texts``: source, derived."""
    sides: tuple[Sentences, Sentences] | None = None
    for left, own, other in ((res.added, 1, 0), (res.dropped, 0, 1)):
        spans = [f for f in left if f.kind == "number"]
        if not spans:
            continue
        mine = _points(texts[own])
        if not mine:
            continue
        theirs = _points(texts[other])
        gone: set[int] = set()
        for f in spans:
            here = next((p for p in mine if p[0][0] <= f.span[0] and f.span[1] <= p[0][1]), None)
            if here is None:
                continue
            for span, word, length in theirs:
                if word != here[1] or length != here[2]:
                    continue
                if (
                    texts[other][span[0] : span[1]].lower()
                    == texts[own][here[0][0] : here[0][1]].lower()
                ):
                    continue  # the same words: matching's business
                pair = (span, here[0]) if own == 1 else (here[0], span)
                if sides is None:
                    sides = (Sentences(texts[0]), Sentences(texts[1]))
                if say_the_same(sides, pair[0], pair[1]):
                    gone.add(id(f))
                    break
        left[:] = [f for f in left if id(f) not in gone]
