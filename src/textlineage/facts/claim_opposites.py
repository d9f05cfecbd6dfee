"""A claim said with the opposite word: "above the minimum" → "below the minimum", "the
tribunal rejected the claim" → "the tribunal agreed", "hours would be unchanged" → "is
losing hours", "a free coach" → "pay for the coach".

A rewrite that reverses a claim seldom adds a "not": it puts the word's opposite in its
place, and every other word of the clause can stay. In two aligned sentences, a word of
the source whose opposite (:data:`OPPOSITES`) stands in the derived sentence, neither text
of the pair holding the other's word, is a reversed claim when what the two words are
said of is the same: the clauses around them share content words (two, or one when the
two sentences share two or more). The pairs are words whose opposition holds whatever
they are said of (a direction, a decision, a result, a price); words that are opposites
only in some uses ("over", "up", "for") are left out.

The words are the lower-cased tokens of the sentences; numbers, dates and quotations
(blocked) are facts of their own and are never the opposite words.
"""

from __future__ import annotations

from collections.abc import Sequence

from .claim_modals import _window
from .claim_rules import Shape, _content, verb_stem
from .claim_stages import stage_shapes, suspicion_shapes


def _pairs(spec: str) -> dict[str, frozenset[str]]:
    """``"a b / c d; e / f"`` → each word of one side opposite every word of the other."""
    out: dict[str, set[str]] = {}
    for group in spec.split(";"):
        left, right = (frozenset(side.split()) for side in group.split("/"))
        for w in left:
            out.setdefault(w, set()).update(right)
        for w in right:
            out.setdefault(w, set()).update(left)
    return {w: frozenset(ws) for w, ws in out.items()}


OPPOSITES = _pairs(
    """above / below beneath;
    higher / lower; highest / lowest;
    increase increases increased increasing / decrease decreases decreased decreasing;
    rise rises rose risen rising / fall falls fell fallen falling;
    accept accepts accepted / reject rejects rejected;
    approve approves approved / reject rejects rejected refuse refuses refused;
    agree agrees agreed / reject rejects rejected disagree disagrees disagreed;
    uphold upholds upheld / reject rejects rejected dismiss dismissed overturn overturned;
    allow allows allowed allowing / ban bans banned prohibit prohibits prohibited forbid
        forbids forbidden;
    support supports supported / oppose opposes opposed;
    guilty / innocent acquitted;
    confirm confirms confirmed / deny denies denied;
    open opens opened reopened / close closes closed shut;
    lift lifts lifted / impose imposes imposed;
    free / pay pays paid paying charge charges charged;
    unchanged / cut cuts losing lose loses lost reduced raised lowered increased decreased;
    unanimous unanimously / split divided dissent dissented;
    surplus / deficit; profit profits / loss losses;
    success successful / failure failed unsuccessful;
    safe / unsafe dangerous; legal / illegal; true / false;
    expand expands expanded / shrink shrinks shrank shrunk;
    strengthen strengthened / weaken weakened; stronger / weaker;
    tighten tightened tightening / loosen loosened loosening ease eased easing;
    earlier / later; before / after; ahead / behind;
    withdraw withdraws withdrew withdrawn / maintain maintains maintained"""
)
"""Words that say the opposite of each other about whatever they are said of."""

_MIN_SHARED = 2  # content stems the two clauses share around the words ...
_MIN_SHARED_SENTENCE = 2  # ... or one, when the sentences share this many


def _stems(words: Sequence[str], lo: int, hi: int) -> set[str]:
    """The content stems of ``words[lo:hi]``, a possessive read as its noun."""
    out = set()
    for w in words[lo:hi]:
        w = w.removesuffix("'s").removesuffix("\u2019s")
        if _content(w):
            out.add(verb_stem(w))
    return out


def _reach(words: Sequence[str], lo: int, hi: int, k: int, shared: set[str]) -> tuple[int, int]:
    """The tokens from the opposite word at ``k`` to the farthest word of ``shared`` in
    its window ``lo:hi`` (end exclusive): the claim, without the rest of its clause."""
    at = [m for m in range(lo, hi) if _stems(words, m, m + 1) & shared]
    return min([k, *at]), max([k, *at]) + 1


def opposite_shapes(
    a: Sequence[str],
    b: Sequence[str],
    clauses: tuple[Sequence[int], Sequence[int]],
    blocked: tuple[Sequence[bool], Sequence[bool]],
    stems: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
) -> list[Shape]:
    """Clauses of two aligned sentences (``a`` source, ``b`` derived) that say opposite
    things of the same thing: one reversed claim per word of the source at most.
    ``stems``: the stems of the words of each whole text; a word the other text uses
    somewhere is no opposite (the derived text may say it of the source's other claim)."""
    in_a, in_b = set(a), set(b)
    sentence_shared = len(_stems(a, 0, len(a)) & _stems(b, 0, len(b)))
    free = ([False] * len(a), [False] * len(b))
    out: list[Shape] = []
    used: set[int] = set()
    for i, x in enumerate(a):
        opposite = OPPOSITES.get(x)
        if opposite is None or blocked[0][i] or not opposite.isdisjoint(in_a):
            continue
        if x in in_b or verb_stem(x) in stems[1]:
            continue
        # what the word is said of: its clause's words, numbers and dates among them
        around_a = _stems(a, *_window(a, clauses[0], free[0], i)) - {verb_stem(x)}
        for j, y in enumerate(b):
            if y not in opposite or j in used or blocked[1][j] or verb_stem(y) in stems[0]:
                continue
            around_b = _stems(b, *_window(b, clauses[1], free[1], j))
            shared = around_a & (around_b - {verb_stem(y)})
            if len(shared) < _MIN_SHARED and not (
                shared and sentence_shared >= _MIN_SHARED_SENTENCE
            ):
                continue
            used.add(j)
            note = f"opposite word ('{x}' → '{y}')"
            # the claim reported: up to a number, a date or a quotation (facts of their own)
            ra = _reach(a, *_window(a, clauses[0], blocked[0], i), i, shared)
            rb = _reach(b, *_window(b, clauses[1], blocked[1], j), j, shared)
            out.append(Shape(ra, rb, "reversed", "", note))
            break
    return out


def scale_shapes(
    a: Sequence[str],
    b: Sequence[str],
    clauses: tuple[Sequence[int], Sequence[int]],
    blocked: tuple[Sequence[bool], Sequence[bool]],
    lower: tuple[Sequence[bool], Sequence[bool]],
    stems: tuple[frozenset[str], frozenset[str]],
) -> list[Shape]:
    """The claims of two aligned sentences moved along a scale: a stage
    (:func:`.claim_stages.stage_shapes`), a suspicion stated
    (:func:`.claim_stages.suspicion_shapes`; after the stages: "arrested on suspicion of
    fraud" → "charged with fraud" is theirs), or a word put for its opposite. ``stems``:
    the stems of the words of each whole text."""
    shapes = stage_shapes(a, b, clauses, blocked, lower)
    shapes += suspicion_shapes(a, b, clauses, blocked)
    return shapes + opposite_shapes(a, b, clauses, blocked, stems)
