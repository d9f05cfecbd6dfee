"""What an added figure's phrase goes on to say, reported with the figure.

A sentence the derived text adds often gives a figure and then, a few words on, where or
in what the figure's event happened: "raised $90 million in a Series B round", "ran 40
extra trains on the Brenmoor line", "cancelled 120 flights in last March's storm". The
derived text added one statement, and :mod:`.together` already joins a place said just
before a figure to it. The same holds after the figure: an entity (no person, body or
place: those are checked on their own), or a date in the possessive ("last March's
storm": it names the figure's event, not only a time), that follows an added figure in
one phrase (a few lower-case words between them, on one line, no kept or changed fact
there) and is added too is joined into the figure's fact.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from ..types import Fact
from .items import Result
from .together import _near

Span = tuple[int, int]

_FIGURES = frozenset({"number", "date"})
_ENTITY = "entity"
_POSSESSIVE_RE = regex.compile(r"['\u2019]s\b")
"""A date in the possessive ("last May's floods") names the event, not only its time."""


def _joins(prev: Fact, f: Fact, text: str, starts: Sequence[int]) -> bool:
    if prev.kind not in _FIGURES:
        return False
    if f.kind != _ENTITY and not (f.kind == "date" and _POSSESSIVE_RE.match(text, f.span[1])):
        return False
    if not _near(text, prev.span[1], f.span[0]):
        return False
    k = bisect.bisect_left(starts, prev.span[1])
    return not (k < len(starts) and starts[k] < f.span[0])


def fold_names_after(res: Result, text: str) -> None:
    """Join each added place, entity or date of ``res`` that follows an added figure in
    its phrase into that figure's fact."""
    if len(res.added) < 2:
        return
    starts = sorted(k.derived.span[0] for k in (*res.kept, *res.changed))
    out: list[Fact] = []
    for f in sorted(res.added, key=lambda f: f.span):
        prev = out[-1] if out else None
        if prev is not None and _joins(prev, f, text, starts):
            span = (prev.span[0], f.span[1])
            out[-1] = Fact(prev.kind, text[span[0] : span[1]], span, prev.doc)
            continue
        out.append(f)
    res.added[:] = out
