"""A name given as a likeness on one side and plainly on the other: "a Ford Transit-type
van" → "a Ford Transit van", "a Tudor-style house" → "a Tudor house".

A witness appeal or a description often says only what a thing looks like: "-type",
"-style", "-like" after a make or a name says the van resembles a Transit, not that it is
one. Said plainly, the thing is stated to be that make: the name matches on both sides and
is kept, but the claim was made stronger (a hedge dropped), or, the other way, weaker.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import NAME_KINDS, Result

_LIKENESS_RE = regex.compile(
    r"(?:[ \u00a0]\p{Lu}[\p{L}\p{N}]*){0,3}[-\u2010\u2011](?P<w>(?i:type|style|like|esque))"
    r"(?![\p{L}\p{N}])"
)
"""A likeness word hyphenated to a name ("Transit-type", "Tudor-style", "Rolex-like"),
perhaps after words of the name the extraction left out ("Ford" of "Ford Transit-type")."""


def _likeness(text: str, f: Fact) -> str:
    """The likeness word right after the name ``f`` in ``text``, or ""."""
    m = _LIKENESS_RE.match(text, f.span[1])
    return m.group("w").lower() if m is not None else ""


def _with_likeness(text: str, f: Fact) -> Fact:
    m = _LIKENESS_RE.match(text, f.span[1])
    if m is None:
        return f
    span = (f.span[0], m.end())
    return Fact(f.kind, text[span[0] : span[1]], span, f.doc, f.value)


def likeness_changes(res: Result, texts: tuple[str, str]) -> None:
    """Turn each kept name of ``res`` said as a likeness on one side only ("-type",
    "-style") into a change of strength."""
    keep: list[FactLink] = []
    for link in res.kept:
        if link.kind not in NAME_KINDS:
            keep.append(link)
            continue
        a, b = _likeness(texts[0], link.source), _likeness(texts[1], link.derived)
        if bool(a) == bool(b):
            keep.append(link)
            continue
        sf, df = _with_likeness(texts[0], link.source), _with_likeness(texts[1], link.derived)
        if a:
            note, detail = f"likeness '-{a}' dropped", "hedge_dropped"
        else:
            note, detail = f"likeness '-{b}' added", "hedge_added"
        res.changed.append(FactLink(link.kind, sf, df, note, "strength", detail))
    res.kept[:] = keep
