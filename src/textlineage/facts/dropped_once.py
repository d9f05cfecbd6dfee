"""One dropped fact reported once: pieces of one phrase joined, a piece inside another
left out.

The extractors read a phrase in pieces: a figure and the noun phrase holding it, a clock
time and the date it falls on, the two ends of a route, the two names a firm's name joins
with an ampersand. When the derived text drops the whole phrase, each piece is reported
dropped, and one lost fact counts as two or three. This pass, run after the others, puts
the pieces back together on each side (dropped in the source, added in the derived text):

- A fact inside another fact of the same side and category is part of it, not a fact of
  its own (:func:`drop_nested`).
- Two facts of the same side and category that only a tie word parts are one phrase
  (:func:`join_ties`): a route or a range ("from Alton to Bexley"), a time on its date
  ("09:10 GMT on May 2"), a day at its venue ("4 May at the Corn Hall"), the halves of a firm's name ("Ward & Lyle"). Never two
  statements (claims or quotations), never two counts ("six vans to four cars" says two
  things) and never two people ("Ann Ray to Bo Lund" names two persons). "and" is no
  tie (a list names several things), nor "in": a figure and the year or the place it
  holds for ("40 stalls in 2027", "a shop in Dunmere") are two facts a text can drop
  apart.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..types import Fact
from .items import Result

_STATEMENTS = frozenset({"claim", "quote"})
"""Kinds that are a statement already: never joined to another fact."""
_APART = frozenset({"number", "person"})
"""Kinds of which two are two things said, whatever ties them."""
_TIE_RE = regex.compile(r"(?:\G|(?<!\s))\s*+(?:\p{Lu}{2,4}\s+)?(?:to|on|at|&)\s+", regex.V1)
"""The gap between two pieces of one phrase: a tie word, after a clock time's zone
("UTC on")."""
MAX_GAP = 12
"""The longest gap (in characters) two pieces joined by a tie may have between them."""


def drop_nested(left: list[Fact]) -> None:
    """Drop the facts of ``left`` that stand inside another fact of ``left`` (larger
    than it); one sweep over the facts in text order."""
    if len(left) < 2:
        return
    order = sorted(left, key=lambda f: (f.span[0], -f.span[1]))
    inside: set[int] = set()
    end, holder = -1, None
    for f in order:
        if holder is not None and f.span[1] <= end and f.span != holder.span:
            inside.add(id(f))
            continue
        if f.span[1] > end:
            end, holder = f.span[1], f
    if inside:
        left[:] = [f for f in left if id(f) not in inside]


def _ties(f: Fact, g: Fact, text: str) -> bool:
    if f.kind in _STATEMENTS or g.kind in _STATEMENTS:
        return False
    if f.kind == g.kind and f.kind in _APART:
        return False
    gap = f.span[1], g.span[0]
    return 0 < gap[1] - gap[0] <= MAX_GAP and _TIE_RE.fullmatch(text, *gap) is not None


def join_ties(left: list[Fact], text: str) -> None:
    """Join the facts of ``left`` (in text order) that only a tie word parts into one
    fact, of the kind of the first figure or date among them, else of the first."""
    if len(left) < 2:
        return
    parts = sorted(left, key=lambda f: f.span)
    runs: list[list[Fact]] = [[parts[0]]]
    for f in parts[1:]:
        if _ties(runs[-1][-1], f, text):
            runs[-1].append(f)
        else:
            runs.append([f])
    if len(runs) == len(parts):
        return
    out: list[Fact] = []
    for run in runs:
        out.append(run[0] if len(run) == 1 else _joined(run, text))
    left[:] = out


def _joined(run: Sequence[Fact], text: str) -> Fact:
    a, b = run[0].span[0], run[-1].span[1]
    kind = next((f.kind for f in run if f.kind in ("number", "date")), run[0].kind)
    return Fact(kind, text[a:b], (a, b), run[0].doc)


def report_once(res: Result, texts: tuple[str, str]) -> None:
    """The pass (see the module's rules), on the dropped and the added facts."""
    for left, text in ((res.dropped, texts[0]), (res.added, texts[1])):
        drop_nested(left)
        join_ties(left, text)
