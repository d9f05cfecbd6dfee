"""A claim whose change of strength runs into a changed number is one claim ("could rise
by up to 1.1 metres" → "will rise 1.1 metres"): the claim and the number links merged."""

from __future__ import annotations

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .forms import collapse
from .items import Result

_JOIN_GAPS = tuple(
    regex.compile(rf"(?:\G|(?<![ \t]))[ \t]++(?:\p{{L}}++[ \t]++){{{n}}}") for n in range(4)
)
"""What may stand between a claim and the number it runs into: up to three words ("by",
"by up to" when the number diff left the qualifier out of the number)."""


def merge_with_numbers(res: Result, texts: tuple[str, str]) -> None:
    """A claim whose change of strength runs into a number changed right after it ("could
    rise by up to 1.1 metres" → "will rise 1.1 metres", a few words between at most on
    each side) is one claim: the two links are reported as one, where the claim stands
    (the number diff may have paired another mention of the same two numbers)."""
    gone: set[int] = set()
    for i, c in enumerate(res.changed):
        if c.kind != "claim":
            continue
        for n in res.changed:
            if n.kind != "number" or id(n) in gone:
                continue
            ends = [
                _number_after(f, g.text, t)
                for f, g, t in ((c.source, n.source, texts[0]), (c.derived, n.derived, texts[1]))
            ]
            if ends[0] is None or ends[1] is None:
                continue
            gone.add(id(n))
            res.changed[i] = FactLink(
                "claim", _reaching(c.source, ends[0], texts[0]),
                _reaching(c.derived, ends[1], texts[1]),
                f"{c.note}; {n.note}" if n.note else c.note, c.label, c.detail,
                c.unsupported or n.unsupported,
            )  # fmt: skip
            break
    if gone:
        res.changed[:] = [c for c in res.changed if id(c) not in gone]


def _number_after(f: Fact, number: str, text: str) -> int | None:
    """Where ``number`` (a number fact's text) ends when it follows the claim ``f`` with
    at most one word between; None when it does not."""
    for gap in _JOIN_GAPS:
        m = gap.match(text, f.span[1])
        if m is not None and text.startswith(number, m.end()):
            return m.end() + len(number)
    return None


def _reaching(a: Fact, end: int, text: str) -> Fact:
    """The claim fact ``a`` reaching on to ``end``."""
    s = a.span[0]
    t = text[s:end]
    return Fact("claim", t, (s, end), a.doc, collapse(fold(t)))
