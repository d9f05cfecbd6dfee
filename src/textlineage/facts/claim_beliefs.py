"""A claim given as someone's belief in one sentence and stated as fact in the other:
"Curators think the bowl is Roman" → "The bowl is Roman" (``hedge_dropped``), or the
reverse (``hedge_added``).

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

from .claim_rules import HEDGE_ADVERBS, MODALS, NEGATIONS, Shape, _content


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
    as fact in the other. ``clauses``: the clause number of each word of ``a`` and of
    ``b``."""
    out: list[Shape] = []
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
