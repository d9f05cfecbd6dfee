"""A bound on a date dropped or added: "open until at least the end of March" → "open
until the end of March", "no earlier than 9 May" → "on 9 May".

The date readers read the date and leave the words that bound it aside, so the two dates
are kept. A bound said just before the date or just after it ("until March at the
latest") on one side and on neither place on the other is a change of strength (its
qualifier dropped or added); a bound said on both sides, in either place, is none.
"""

from __future__ import annotations

import regex

from ..types import FactLink
from .items import Result

_BOUND = (
    r"at[ \u00a0]+least|at[ \u00a0]+the[ \u00a0]+(?:earliest|latest)"
    r"|no[ \u00a0]+(?:earlier|later|sooner)[ \u00a0]+than|not[ \u00a0]+before|as[ \u00a0]+early[ \u00a0]+as"
)
_BEFORE_RE = regex.compile(rf"(?i:{_BOUND})[ \u00a0]+(?:(?i:the)[ \u00a0]+)?\Z")
_AFTER_RE = regex.compile(
    rf"\A,?[ \u00a0]+(?i:{_BOUND})(?![\p{{L}}])(?![ \u00a0]*[\p{{L}}\p{{N}}\p{{Sc}}])"
)
"""A bound after the date, ending its clause ("until May at the latest, ..."); one
followed by words bounds what follows ("in May, at least 200 people")."""
_SENTENCE_END_RE = regex.compile(r"[.!?:;][\"'”’)\]]*[ \u00a0]*\Z")


def _headline(text: str, span: tuple[int, int]) -> bool:
    """Is the line holding ``span`` no sentence (a headline, a label): a date retold
    there leaves its bounds to the story below?"""
    a = text.rfind("\n", 0, span[0]) + 1
    b = text.find("\n", span[1])
    line = text[a : b if b >= 0 else len(text)]
    return _SENTENCE_END_RE.search(line) is None


def _bound(text: str, span: tuple[int, int]) -> bool:
    before = text[max(0, span[0] - 30) : span[0]]
    return bool(_BEFORE_RE.search(before) or _AFTER_RE.match(text[span[1] : span[1] + 30]))


_WORD_BEFORE_RE = regex.compile(
    rf"(?<!\p{{L}})(\p{{L}}++)[ \u00a0]+(?:(?i:{_BOUND})[ \u00a0]+)?(?:(?i:the)[ \u00a0]+)?\Z"
)


def _word_before(text: str, start: int) -> str:
    """The word before a date, past a bound and an article: its preposition."""
    m = _WORD_BEFORE_RE.search(text[max(0, start - 40) : start])
    return "" if m is None else m.group(1).lower()


def date_bounds(res: Result, texts: tuple[str, str]) -> None:
    """Turn each kept date with a bound on one side only into a change (see the module)."""
    claims = [c.source.span for c in res.changed if c.kind != "date"]
    out: list[FactLink] = []
    for k in res.kept:
        if k.kind != "date":
            out.append(k)
            continue
        bs, bd = _bound(texts[0], k.source.span), _bound(texts[1], k.derived.span)
        a, b = k.source.span
        if any(s <= b and a <= e for s, e in claims) or _word_before(texts[0], a) != _word_before(
            texts[1], k.derived.span[0]
        ):
            out.append(k)  # the claim the date stands in is retold, not only its bound
            continue
        if bs == bd or _headline(
            texts[1] if bs else texts[0], (k.derived if bs else k.source).span
        ):
            out.append(k)
            continue
        detail = "qualifier_dropped" if bs else "qualifier_added"
        note = f"a bound on the date {'dropped' if bs else 'added'}"
        res.changed.append(FactLink("date", k.source, k.derived, note, "strength", detail))
    res.kept[:] = out
