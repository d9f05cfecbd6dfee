"""Counts and bare numbers in sentences rebuilt too far to be read as one statement.

One count under two nouns:
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

A bare number changed ("now 67" / "aged 76"): a dropped and an added number of no noun,
currency or qualifier, each the only such leftover of its sentence, of a size, in
sentences holding a fact matched already (:func:`pair_bare_values`); and so a measure
rounded with its noun left understood ("compared with 4.1 days" / "against about four
fewer": within :data:`ELIDED_GAP`).

A sum in a currency and in its hundredths ("$0.54" / "54 cents") is one amount, kept
(:func:`keep_cents`).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

import regex

from ..text.features import term_of
from ..text.normalise import tokenize
from ..text.segment import split_sentences
from ..types import Fact, FactLink
from .items import Item, Result, sole_pairs
from .units import PERCENT, dimension

RARE_COUNT = 20
"""The least value of a count that each text stating once ties on its own."""

_REACH = 1500  # characters either side of a position in which its sentence is looked for
_DIGITS_RE = regex.compile(r"\d")


@lru_cache(maxsize=4096)
def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds ``pos``."""
    lo = max(0, pos - _REACH)
    sents = split_sentences(text[lo : pos + _REACH])
    i = bisect.bisect_right([s.start for s in sents], pos - lo) - 1
    if i < 0:
        return pos, pos
    return lo + sents[i].start, lo + sents[i].end


def sentence_words(text: str, f: Fact) -> set[str]:
    """The content terms of the sentence of ``f`` but those of ``f`` itself."""
    a, b = _sentence(text, f.span[0])
    own = {term_of(t.norm) for t in tokenize(text, *f.span)}
    return {
        term
        for t in tokenize(text, a, b)
        if (term := term_of(t.norm)) is not None and term not in own
    }


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
    return _neighbours(si, di, texts, res)


def _neighbours(si: Item, di: Item, texts: tuple[str, str], res: Result) -> bool:
    """Do the sentences of ``si`` and ``di`` hold a fact the diff matched already?"""
    ss, sd = _sentence(texts[0], si.fact.span[0]), _sentence(texts[1], di.fact.span[0])
    return any(
        ss[0] <= k.source.span[0] < ss[1] and sd[0] <= k.derived.span[0] < sd[1]
        for k in (*res.kept, *res.changed)
    )


def _bare(it: Item) -> bool:
    return not (it.unit or it.cur or it.vague or it.qual)


def pair_bare_values(
    texts: tuple[str, str], items: tuple[Sequence[Item], Sequence[Item]], res: Result
) -> None:
    """A dropped and an added bare number (no noun, currency or qualifier), each the only
    bare number left over in its sentence, of a size (the larger at most twice the smaller)
    and in sentences holding a fact matched already ("ending in 2004 with the same woman,
    now 67" / "until 2004, when, aged 76"): one number changed."""
    by_fact = {id(it.fact): it for side in items for it in side}
    dropped = [by_fact[id(f)] for f in res.dropped if f.kind == "number" and id(f) in by_fact]
    added = [by_fact[id(f)] for f in res.added if f.kind == "number" and id(f) in by_fact]

    def alone(it: Item, side: list[Item], text: str) -> bool:
        sent = _sentence(text, it.fact.span[0])
        return not any(
            o is not it and _bare(o) and sent[0] <= o.fact.span[0] < sent[1] for o in side
        )

    def partners(si: Item, di: Item) -> bool:
        if _bare(si) and _bare(di):
            return _of_a_size(si.fact.value, di.fact.value)
        # a measure whose noun the rewrite leaves understood, rounded ("compared with 4.1
        # days" / "against about four fewer")
        return _elided(si, di) and alone(di, added, texts[1]) and _rounded(si.fact.value, di)

    for si in dropped:
        if si.cur or si.unit == PERCENT or (_bare(si) and not alone(si, dropped, texts[0])):
            continue
        mine = [
            di
            for di in added
            if partners(si, di) and alone(di, added, texts[1]) and _neighbours(si, di, texts, res)
        ]
        if len(mine) != 1:
            continue
        di = mine[0]
        if _bare(si):
            note = f"value {si.fact.value} → {di.fact.value}"
            link = FactLink("number", si.fact, di.fact, note, "value", "", True)
        else:
            note = f"rounded, its noun left understood ('{si.fact.text}' → '{di.fact.text}')"
            link = FactLink("number", si.fact, di.fact, note, "value", "rounded")
        res.changed.append(link)
        res.dropped.remove(si.fact)
        res.added.remove(di.fact)
        added.remove(di)


def _elided(si: Item, di: Item) -> bool:
    """Is ``si`` a measure or count and ``di`` a number of no noun or currency (its noun
    left understood)?"""
    return bool(si.unit) and not (di.unit or di.cur or di.vague or si.vague)


ELIDED_GAP = 0.1
"""How far apart (a share of the larger) a number whose noun is left understood may be
from the source's measure, or twice that under "about", "nearly" and the like."""


def _rounded(value: str | None, di: Item) -> bool:
    try:
        x, y = float(value or ""), float(di.fact.value or "")
    except ValueError:
        return False
    slack = ELIDED_GAP * (2 if di.qcls == "~" else 1)
    return max(x, y) > 0 and abs(x - y) <= slack * max(x, y)


def _of_a_size(a: str | None, b: str | None) -> bool:
    try:
        x, y = float(a or ""), float(b or "")
    except ValueError:
        return False
    return x != y and min(x, y) > 0 and max(x, y) <= 2 * min(x, y)


CLOSE_GAP = 0.2
"""How far apart (a share of the larger) a dropped and an added count may be to be read
as one count rounded or restated (:func:`pair_close_counts`)."""
NEAR_GAP = 0.02
"""... and how far for one shared word of their sentences to be enough ("212 passengers"
/ "213 on board")."""
_LEAST = 10  # a smaller count is too often another count of the same size


def pair_close_counts(
    texts: tuple[str, str], items: tuple[Sequence[Item], Sequence[Item]], res: Result
) -> None:
    """A dropped and an added count (or number of no noun) under any nouns, close in value
    (within :data:`CLOSE_GAP`, and true under the derived qualifier: "more than 10,000"
    of 11,000), whose sentences share two content words (one when the values are within
    :data:`NEAR_GAP`), each the other's nearest, are one count changed: "a petition with
    more than 4,100 signatures went to the council" / "more than 4,000 of us signed the
    petition the council got"."""
    by_fact = {id(it.fact): it for side in items for it in side}

    def counts(facts: list[Fact]) -> list[Item]:
        out = []
        for f in facts:
            it = by_fact.get(id(f))
            if f.kind != "number" or it is None or it.vague or it.unit == PERCENT:
                continue
            if dimension(it.unit) or _value(it) is None or (_value(it) or 0) < _LEAST:
                continue
            out.append(it)
        return out

    # a repeat of a value a change has already is that change's ("$8m" in a headline)
    told = [{k.source.value for k in res.changed}, {k.derived.value for k in res.changed}]
    dropped = [it for it in counts(res.dropped) if it.fact.value not in told[0]]
    added = [it for it in counts(res.added) if it.fact.value not in told[1]]
    if not dropped or not added:
        return
    words: dict[int, set[str]] = {}

    def near(it: Item, side: int) -> set[str]:
        if id(it) not in words:
            words[id(it)] = sentence_words(texts[side], it.fact)
        return words[id(it)]

    def gap(si: Item, di: Item) -> float | None:
        x, y = _value(si) or 0.0, _value(di) or 0.0
        g = abs(x - y) / max(x, y)
        if si.cur != di.cur or g > CLOSE_GAP or x == y:
            return None
        if (di.qcls == ">" and not x > y) or (di.qcls == "<" and not x < y):
            return None  # the derived bound is untrue of the source's count
        shared = len(near(si, 0) & near(di, 1))
        return g if shared >= (1 if g <= NEAR_GAP else 2) else None

    def nearest(it: Item, others: list[Item], source: bool) -> Item | None:
        gaps = sorted(
            (g, i, o)
            for i, o in enumerate(others)
            if (g := (gap(it, o) if source else gap(o, it))) is not None
        )
        if not gaps or (len(gaps) > 1 and gaps[1][0] <= 2 * gaps[0][0]):
            return None
        return gaps[0][2]

    for si in list(dropped):
        di = nearest(si, added, True)
        if di is None or nearest(di, dropped, False) is not si:
            continue
        note = f"value {si.fact.value} → {di.fact.value}"
        if di.qcls in ("<", ">", "~"):  # rounded, its qualifier keeping it true
            link = FactLink("number", si.fact, di.fact, f"{note}, rounded", "value", "rounded")
        else:
            link = FactLink("number", si.fact, di.fact, note, "value", "", True)
        res.changed.append(link)
        # the change's repeats (a headline's "$8m") are told by it
        for lost, it, mine in ((res.dropped, si, dropped), (res.added, di, added)):
            for f in [f for f in lost if f.kind == "number" and f.value == it.fact.value]:
                other = by_fact.get(id(f))  # (money is one amount whatever its noun)
                if (
                    other is not None
                    and other.cur == it.cur
                    and (it.cur or other.unit in ("", it.unit))
                ):
                    lost.remove(f)
            mine[:] = [x for x in mine if x.fact.value != it.fact.value]


def _value(it: Item) -> float | None:
    try:
        return float(it.fact.value)
    except ValueError:
        return None


_SMALL_COINS = {"cent": ("$", "€", "US$", "A$", "C$"), "penny": ("£",), "pence": ("£",)}
"""A hundredth of a currency, by name, and the currencies it is a hundredth of."""


def keep_cents(items: tuple[Sequence[Item], Sequence[Item]], res: Result) -> None:
    """A dropped and an added amount that are one sum, once in a currency and once in its
    hundredths ("$0.54 per share" / "54 cents a share"), each the other's only such sum,
    are one amount kept."""
    by_fact = {id(it.fact): it for side in items for it in side}
    left = [
        [by_fact[id(f)] for f in facts if f.kind == "number" and id(f) in by_fact]
        for facts in (res.dropped, res.added)
    ]

    def hundredths(it: Item) -> Decimal | None:
        if it.cur or it.unit not in _SMALL_COINS or it.qual:
            return None
        try:
            return Decimal(it.fact.value) / 100
        except ArithmeticError:
            return None

    def same(a: Item, b: Item) -> bool:
        sub = hundredths(b)
        if sub is None or a.qual or a.unit or a.cur not in _SMALL_COINS[b.unit]:
            return False
        try:
            return Decimal(a.fact.value) == sub
        except ArithmeticError:
            return False

    def one(a: Item, b: Item) -> bool:
        return same(a, b) or same(b, a)

    for k in list(res.changed):
        si, di = by_fact.get(id(k.source)), by_fact.get(id(k.derived))
        if k.kind == "number" and si is not None and di is not None and one(si, di):
            res.changed.remove(k)
            note = f"one sum in hundredths ('{si.fact.text}' → '{di.fact.text}')"
            res.kept.append(FactLink("number", si.fact, di.fact, note))
    for si, di in sole_pairs(list(left[0]), list(left[1]), one):
        note = f"one sum in hundredths ('{si.fact.text}' → '{di.fact.text}')"
        res.kept.append(FactLink("number", si.fact, di.fact, note))
        res.dropped.remove(si.fact)
        res.added.remove(di.fact)
        left[1].remove(di)
