"""A bound said by its opposite and a negation: "did not fall below 10°C" / "stayed above
10°C", "no fewer than 40 staff" / "more than 40 staff".

Number matching reads the bound words of a value ("below", "more than") and reports a
value whose bound turned into its opposite as a change of strength. A negation right
before one of the two bounds (within :data:`NEGATION_WORDS` words) turns it back: the
two say the same thing, give or take the bound itself, and a fact-checker reads the
value kept. The other way round, one bound twice with a negation on one side only ("did
not fall below 10°C" / "stayed below 10°C") is the claim reversed, though the value and
its bound word are kept. English only.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import Result

NEGATION_WORDS = 2
"""Words that may stand between a negation and the bound it turns ("did not fall below")."""
_LOW = r"below|under|beneath|less[ \u00a0]+than|fewer[ \u00a0]+than|lower[ \u00a0]+than"
_HIGH = (
    r"above|over|more[ \u00a0]+than|higher[ \u00a0]+than|greater[ \u00a0]+than|exceeding"
    r"|in[ \u00a0]+excess[ \u00a0]+of"
)
_BOUND_RE = regex.compile(rf"(?i:(?P<low>{_LOW})|(?P<high>{_HIGH}))[ \u00a0]+")
_BOUND_BEFORE_RE = regex.compile(rf"(?i:(?P<low>{_LOW})|(?P<high>{_HIGH}))[ \u00a0]+$")
_NEGATED_RE = regex.compile(
    rf"(?i:\b(?:not|never|no)|n['’]t)(?:[ \u00a0]+[\p{{L}}'’-]+){{0,{NEGATION_WORDS}}}[ \u00a0]+$"
)
_WINDOW = 60


def _bound(text: str, f: Fact) -> tuple[str, bool] | None:
    """The bound of ``f`` ("low" or "high", inside its span or right before it) and
    whether a negation turns it; None when it has none."""
    m = _BOUND_RE.match(text, f.span[0], f.span[1])
    start = f.span[0]
    if m is None:
        m = _BOUND_BEFORE_RE.search(text, max(0, start - 25), start)
        if m is None:
            return None
        start = m.start()
    side = "low" if m.group("low") else "high"
    negated = _NEGATED_RE.search(text, max(0, start - _WINDOW), start) is not None
    return side, negated


def negated_bounds(res: Result, texts: tuple[str, str]) -> None:
    """Keep the changed numbers whose bounds are opposite and one negated; report the kept
    numbers whose bounds are alike and one negated as reversed (see the module)."""
    changed: list[FactLink] = []
    for link in res.changed:
        turn = _turned(link, texts)
        if turn != "opposite":
            changed.append(link)
            continue
        note = (
            f"'{link.source.text}' → '{link.derived.text}': a negated bound, said by its opposite"
        )
        res.kept.append(FactLink(link.kind, link.source, link.derived, note))
    kept: list[FactLink] = []
    for link in res.kept:
        if _turned(link, texts) != "negated":
            kept.append(link)
            continue
        note = f"'{link.source.text}' → '{link.derived.text}': the bound negated on one side"
        changed.append(FactLink(link.kind, link.source, link.derived, note, "reversed"))
    res.changed[:] = changed
    res.kept[:] = kept


def _turned(link: FactLink, texts: tuple[str, str]) -> str:
    """ "opposite" when the two bounds of one value are opposite and one is negated,
    "negated" when they are alike and one is negated, else ""."""
    if link.kind != "number" or link.source.value != link.derived.value:
        return ""
    a, b = _bound(texts[0], link.source), _bound(texts[1], link.derived)
    if a is None or b is None or a[1] == b[1]:
        return ""
    return "opposite" if a[0] != b[0] else "negated"
