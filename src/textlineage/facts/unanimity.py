"""A split vote told as unanimous, or the reverse: "approved by a 4-1 vote" → "approved
unanimously", "dismissed by a majority of two to one" → "unanimously dismissed".

A tally with votes on both sides ("4-1", "by seven votes to two", "a majority of two to
one") says some voted against; "unanimously" says none did. The number readers take the
tally for a figure and find nothing to pair it with in the derived text, which names no
number: the tally is left dropped, though the derived text states the vote, wrongly.
When one sentence of one text gives a split tally and a sentence of the other, sharing
two content words with it (:mod:`.near_words`), calls the vote unanimous, the two are one
fact: a ``value`` changed. A tally with none against ("5-0") is unanimous, and is left
alone. English only.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import Result
from .near_words import NearWords
from .vocab import SMALL_NUM

_SP = r"[ \u00a0]+"
_NUM = rf"(?:\d{{1,3}}|(?i:{'|'.join(sorted(SMALL_NUM, key=len, reverse=True))}))"
_SPLIT_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?:(?P<a>\d{{1,3}})[-\u2013](?P<b>\d{{1,3}}){_SP}"
    rf"(?i:vote|votes|decision|ruling|majority|verdict)"
    rf"|(?i:by){_SP}(?P<a>{_NUM}){_SP}(?i:votes?){_SP}(?i:to){_SP}(?P<b>{_NUM})"
    rf"|(?i:majority){_SP}(?i:of){_SP}(?P<a>{_NUM}){_SP}(?i:to){_SP}(?P<b>{_NUM}))"
    r"(?![\p{L}\p{N}])"
)
"""A vote's tally: "4-1 vote", "by seven votes to two", "a majority of two to one"."""
SAID_ALIKE = 2
"""Content words the sentences of the tally and of the unanimous vote must share."""
_UNANIMOUS_RE = regex.compile(r"(?<![\p{L}])(?i:unanimous(?:ly)?)(?![\p{L}])")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else SMALL_NUM[word.lower()]


def _splits(text: str, doc: int) -> list[Fact]:
    """The tallies of ``text`` with votes on both sides, as number facts."""
    out = []
    for m in _SPLIT_RE.finditer(text):
        a, b = _count(m.group("a")), _count(m.group("b"))
        if a > 0 and b > 0:
            out.append(Fact("number", m.group(), m.span(), doc, f"{a}-{b}"))
    return out


def unanimity_changes(texts: tuple[str, str], docs: tuple[int, int], res: Result) -> None:
    """Pair each split tally of one text with a vote called unanimous in the other (see
    the module); the tally's dropped or added facts are the change's."""
    splits = (_splits(texts[0], docs[0]), _splits(texts[1], docs[1]))
    if not splits[0] and not splits[1]:
        return
    near = NearWords(texts)
    linked = ([k.source.span for k in (*res.kept, *res.changed)],
              [k.derived.span for k in (*res.kept, *res.changed)])  # fmt: skip
    for side in (0, 1):
        other = 1 - side
        if not splits[side]:
            continue
        calls = [
            Fact("number", m.group(), m.span(), docs[other], "unanimous")
            for m in _UNANIMOUS_RE.finditer(texts[other])
        ]
        if _UNANIMOUS_RE.search(texts[side]):
            continue  # the text says unanimous itself: another vote
        for f in splits[side]:
            if any(a < f.span[1] and f.span[0] < b for a, b in linked[side]):
                continue  # the tally is paired already
            hits = [
                c
                for c in calls
                if (near.shared(f, c) if side == 0 else near.shared(c, f)) >= SAID_ALIKE
            ]
            if len(hits) != 1:
                continue
            c = hits[0]
            calls.remove(c)
            lost = res.dropped if side == 0 else res.added
            lost[:] = [g for g in lost if not (g.span[0] < f.span[1] and f.span[0] < g.span[1])]
            sf, df = (f, c) if side == 0 else (c, f)
            note = (
                f"a split vote ('{f.text}') told as unanimous"
                if side == 0
                else (f"a unanimous vote told as split ('{f.text}')")
            )
            res.changed.append(FactLink("number", sf, df, note, "value", "", True))
