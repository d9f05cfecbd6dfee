"""A claim given as someone's belief in one sentence and stated as fact in the other:
"Curators think the bowl is Roman" → "The bowl is Roman" (``hedge_dropped``), or the
reverse (``hedge_added``); and a thing "not ruled out" (left possible) where the other
sentence says it will not happen ("will not sell the site" → "does not rule out a sale":
``reversed``) or states it (``hedge_added``); and a decision's margin ("unanimously",
"narrowly") dropped, or added against a clause that gives the vote otherwise.

A verb of belief ("believe", "think", "suspect", "reckon", "assume", "presume", "fear")
opens a clause that says what is believed; when the other sentence holds that clause's
opening words (three in a row at least, one of them a content word) with no verb of belief
or hedge in its clause before them, the belief is the only difference: what was held
likely is now said to be so. A verb of saying is not a belief ("police said the man was
34" / "the man was 34": an attribution left out, not a claim made stronger).
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from .claim_rules import (
    _ANY_NEGATION,
    _CLAUSE_ENDS,
    HEDGE_ADVERBS,
    MODALS,
    NEGATIONS,
    Shape,
    _content,
    verb_stem,
)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


BELIEF_VERBS = _set(
    """believe believes believed think thinks reckon reckons suspect suspects assume
    assumes presume presumes fear fears"""
)
"""Verbs that give what follows as what someone holds true, not as fact."""
_MIN_RUN = 3  # words of the believed clause the other sentence must hold in a row
_SUBJECT = 2  # words before the verb read as its subject
_OPENERS = frozenset({"that"})


def _unhedged_before(y: Sequence[str], cy: Sequence[int], at: int) -> bool:
    """Has the clause of ``y`` before ``at`` no verb of belief, modal or hedge?"""
    return not any(
        cy[m] == cy[at] and (y[m] in BELIEF_VERBS or y[m] in MODALS or y[m] in HEDGE_ADVERBS)
        for m in range(at)
    )


def belief_shapes(
    a: Sequence[str], b: Sequence[str], clauses: tuple[Sequence[int], Sequence[int]]
) -> list[Shape]:
    """A belief in one sentence (``a`` the source's words, ``b`` the derived's) stated
    as fact in the other, and a thing not ruled out in one that the other says of
    (:func:`ruled_out_shapes`). ``clauses``: the clause number of each word of ``a`` and
    of ``b``."""
    out: list[Shape] = ruled_out_shapes(a, b, clauses) + margin_shapes(a, b, clauses)
    for (x, y, cx, cy), dropped in (
        ((a, b, *clauses), True),
        ((b, a, clauses[1], clauses[0]), False),
    ):
        for i, w in enumerate(x):
            if w not in BELIEF_VERBS or i + 1 >= len(x) or (i and x[i - 1] in NEGATIONS):
                continue
            j = i + 2 if x[i + 1] in _OPENERS else i + 1
            end = j
            while end < len(x) and cx[end] in (cx[i], cx[j] if j < len(x) else cx[i]):
                end += 1
            if end - j < _MIN_RUN:
                continue
            m = SequenceMatcher(None, list(x[j:end]), list(y), autojunk=False).find_longest_match()
            if m.a != 0 or m.size < _MIN_RUN or not any(_content(v) for v in x[j : j + m.size]):
                continue
            if not _unhedged_before(y, cy, m.b):
                continue
            start = i
            while (
                start > 0
                and i - start < _SUBJECT
                and cx[start - 1] == cx[i]
                and x[start - 1].isalpha()
            ):
                start -= 1
            held, stated = (start, j + m.size), (m.b, m.b + m.size)
            if dropped:
                out.append(
                    Shape(held, stated, "strength", "hedge_dropped", f"belief '{w}' dropped")
                )
            else:
                out.append(Shape(stated, held, "strength", "hedge_added", f"belief '{w}' added"))
    return out


_RULE = frozenset({"rule", "rules", "ruled", "ruling"})
_MIN_TIE = 4  # letters of the stem two words must share to tie two clauses


def _negated(w: str) -> bool:
    return w in NEGATIONS or w.endswith("n't")


def _not_ruled_out(x: Sequence[str], cx: Sequence[int]) -> list[tuple[int, int]]:
    """(where the negation stands, where the clause ends) of each "not rule out" of a
    sentence ("did not rule out", "has never ruled out", "isn't ruling out")."""
    out = []
    for i, w in enumerate(x[:-2]):
        if w not in _RULE or x[i + 1] != "out":
            continue
        neg = next((k for k in range(max(0, i - 3), i) if _negated(x[k])), None)
        if neg is None:
            continue
        end = i + 2
        while end < len(x) and cx[end] == cx[i] and x[end] not in _CLAUSE_ENDS:
            end += 1
        out.append((neg, end))
    return out


def _tied(a: str, b: str) -> bool:
    """Do two content words share a stem ("closures" / "close")?"""
    sa, sb = verb_stem(a), verb_stem(b)
    short, long = sorted((sa, sb), key=len)
    return sa == sb or (len(short) >= _MIN_TIE and long.startswith(short))


def ruled_out_shapes(
    a: Sequence[str], b: Sequence[str], clauses: tuple[Sequence[int], Sequence[int]]
) -> list[Shape]:
    """A thing not ruled out in one sentence (left possible) whose clause in the other
    sentence, tied to it by two content words (by their stems), says it will not happen
    (``reversed``) or states it (``strength``). Neither clause may rule it out on both
    sides."""
    out: list[Shape] = []
    for (x, y, cx, cy), in_derived in (
        ((a, b, *clauses), False),
        ((b, a, clauses[1], clauses[0]), True),
    ):
        if not _not_ruled_out(x, cx) or _not_ruled_out(y, cy):
            continue
        for neg, end in _not_ruled_out(x, cx):
            things = [w for w in x[neg:end] if _content(w) and w not in _RULE]
            for c in sorted(set(cy)):
                at = [m for m in range(len(y)) if cy[m] == c]
                tied = [m for m in at if _content(y[m]) and any(_tied(y[m], t) for t in things)]
                if len(tied) < 2:
                    continue
                negated = any(_negated(y[m]) or y[m] in _ANY_NEGATION for m in at)
                other = (min(at), max(tied) + 1)
                label, detail = ("reversed", "") if negated else ("strength", "hedge_added")
                note = "'not ruled out' " + ("for 'not'" if negated else "for a statement")
                if not in_derived and not negated:
                    label, detail = "strength", "hedge_dropped"
                here = (neg, end)
                src, der = (here, other) if not in_derived else (other, here)
                out.append(Shape(src, der, label, detail, note))
                break
    return out


MARGINS = _set("unanimously narrowly overwhelmingly")
"""Adverbs that say by how many of a body a decision was taken ("unanimously approved")."""
_MIN_SHARED = 2  # content words the two clauses share besides the margin
_VOTE = _set("majority vote votes voted split")
"""Words of a clause that gives a decision's margin in other words ("by a majority")."""


def margin_shapes(
    a: Sequence[str], b: Sequence[str], clauses: tuple[Sequence[int], Sequence[int]]
) -> list[Shape]:
    """A decision's margin said in one sentence and not in the other, whose clause
    shares two content words with the margin's (by their stems): "the council
    unanimously backed the plan" → "the council backed the plan" claims less (or, the other
    way, more) of the body's members."""
    out: list[Shape] = []
    for (x, y, cx, cy), dropped in (
        ((a, b, *clauses), True),
        ((b, a, clauses[1], clauses[0]), False),
    ):
        if MARGINS.isdisjoint(x) or not MARGINS.isdisjoint(y):
            continue
        for i, w in enumerate(x):
            if w not in MARGINS:
                continue
            mine = {verb_stem(v) for k, v in enumerate(x) if cx[k] == cx[i] and _content(v)}
            best: tuple[bool, int, int] | None = None
            for c in sorted(set(cy)):
                at = [m for m in range(len(y)) if cy[m] == c]
                n = len(mine & {verb_stem(y[m]) for m in at if _content(y[m])})
                voted = any(y[m] in _VOTE for m in at)
                if not (voted or (dropped and n >= _MIN_SHARED)):
                    continue  # a margin the source never gives: said only against a vote
                if best is None or (voted, n) > best[:2]:
                    best = voted, n, c
            if best is None:
                continue
            at = [m for m in range(len(y)) if cy[m] == best[2]]
            lo = next((m for m in at if y[m] in _VOTE), min(at))
            here, there = (i, min(i + 2, len(x))), (lo, min(lo + 4, max(at) + 1))
            note = f"margin '{w}' {'dropped' if dropped else 'added'}"
            src, der = (here, there) if dropped else (there, here)
            out.append(Shape(src, der, "strength", "quantifier", note))
            break
    return out
