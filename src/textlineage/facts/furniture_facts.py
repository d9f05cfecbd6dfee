"""Facts reported inside page furniture, forgotten at the end of the fact diff.

The extractors take no fact from inside page furniture (:mod:`.furniture`), but some
matching passes read the texts' sentences themselves (claims, hedges, modal verbs,
clauses): a hedge in an affiliate disclosure ("This post may contain affiliate links")
can pair with a verb of the story. A change or an addition whose derived words, or a drop
whose source words, stand wholly inside furniture is no claim of the story's, and is not
reported (:func:`drop_furniture_facts`).
"""

from __future__ import annotations

import bisect

from ..types import Span
from .furniture import furniture_spans
from .items import Result


def _merged(spans: list[Span]) -> list[Span]:
    """The union of ``spans`` as sorted spans that do not overlap."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _inside(span: Span, starts: list[int], spans: list[Span]) -> bool:
    """Is ``span`` wholly inside one of ``spans`` (merged; their ``starts`` beside)?"""
    i = bisect.bisect_right(starts, span[0]) - 1
    return i >= 0 and spans[i][1] >= span[1]


def drop_furniture_facts(res: Result, texts: tuple[str, str], langs: tuple[str, str]) -> None:
    """Forget the changed and added facts whose derived span, and the dropped facts
    whose source span, stands wholly inside the page furniture of its text. A change read
    from a source's furniture stays: a name in a mail's header or a title under a
    signature is whom the derived text names."""
    if not (res.changed or res.added or res.dropped):
        return
    found = [_merged(furniture_spans(t, lang)) for t, lang in zip(texts, langs, strict=True)]
    starts = [[s for s, _ in f] for f in found]

    def off(span: Span, side: int) -> bool:
        return bool(found[side]) and _inside(span, starts[side], found[side])

    res.changed[:] = [c for c in res.changed if not off(c.derived.span, 1)]
    res.added[:] = [f for f in res.added if not off(f.span, 1)]
    res.dropped[:] = [f for f in res.dropped if not off(f.span, 0)]
