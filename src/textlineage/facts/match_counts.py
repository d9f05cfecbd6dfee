"""One count under two nouns in sentences rebuilt too far to be read as one statement:
"47 accommodation centres are hosting 36,500 people" / "36,500 people have taken refuge
in 47 shelters"; "Two security staff were in the building" / "Two security guards got
out".

A dropped and an added count of one value, currency and qualifier (nouns of no dimension,
neither a share) are one count, kept, when nothing else of their value is left over on
either side and something ties them:

- their nouns share a word ("two security staff", "two security guards");
- their sentences hold a fact the diff matched already (the "36,500 people" kept beside
  the count on both sides): the sentences tell one event; or
- the value is at least :data:`RARE_COUNT` and each text states it once: a count that
  large is seldom two counts of one value.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

import regex

from ..text.features import term_of
from ..text.normalise import tokenize
from ..text.segment import split_sentences
from ..types import FactLink
from .items import Item, Result
from .units import PERCENT, dimension

RARE_COUNT = 20
"""The least value of a count that each text stating once ties on its own."""

_REACH = 1500  # characters either side of a position in which its sentence is looked for
_DIGITS_RE = regex.compile(r"\d")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds ``pos``."""
    lo = max(0, pos - _REACH)
    sents = split_sentences(text[lo : pos + _REACH])
    i = bisect.bisect_right([s.start for s in sents], pos - lo) - 1
    if i < 0:
        return pos, pos
    return lo + sents[i].start, lo + sents[i].end


def _noun_terms(it: Item) -> set[str]:
    """The content terms of a number's words but its qualifier's and its own."""
    words = it.fact.text.lower()
    for part in (it.qual, it.core):
        if part:
            words = words.replace(part.lower(), " ", 1)
    out = set()
    for t in tokenize(words):
        term = term_of(t.norm)
        if term is not None and not _DIGITS_RE.search(term):
            out.add(term)
    return out


def _count(it: Item) -> bool:
    return bool(it.unit) and it.unit != PERCENT and not dimension(it.unit)


def pair_counts(
    texts: tuple[str, str], items: tuple[Sequence[Item], Sequence[Item]], res: Result
) -> None:
    """Keep the dropped and added counts of ``res`` that the module's rules tie."""
    by_fact = {id(it.fact): it for side in items for it in side}
    stated = [Counter(it.fact.value for it in side if it.cls == "number") for side in items]

    def key(it: Item) -> tuple[str, str, str]:
        return it.fact.value, it.cur, it.qcls

    dropped = [by_fact[id(f)] for f in res.dropped if f.kind == "number" and id(f) in by_fact]
    added = [by_fact[id(f)] for f in res.added if f.kind == "number" and id(f) in by_fact]
    left = (Counter(key(it) for it in dropped), Counter(key(it) for it in added))
    for si in dropped:
        if not _count(si) or left[0][key(si)] != 1 or left[1][key(si)] != 1:
            continue
        di = next(it for it in added if key(it) == key(si))
        if not _count(di) or not _tied(si, di, texts, res, stated):
            continue
        note = f"the same count under another noun ('{si.fact.text}' → '{di.fact.text}')"
        res.kept.append(FactLink("number", si.fact, di.fact, note))
        res.dropped.remove(si.fact)
        res.added.remove(di.fact)


def _tied(
    si: Item, di: Item, texts: tuple[str, str], res: Result, stated: list[Counter[str]]
) -> bool:
    if _noun_terms(si) & _noun_terms(di):
        return True
    value = si.fact.value
    try:
        big = float(value) >= RARE_COUNT
    except ValueError:
        big = False
    if big and stated[0][value] == 1 and stated[1][value] == 1:
        return True
    ss, sd = _sentence(texts[0], si.fact.span[0]), _sentence(texts[1], di.fact.span[0])
    return any(
        ss[0] <= k.source.span[0] < ss[1] and sd[0] <= k.derived.span[0] < sd[1]
        for k in (*res.kept, *res.changed)
    )
