"""The content words around a fact, to tell which of several facts of one kind another
stands for.

Two dates or numbers that values alone cannot tie ("2024" may be the year of "May 2024"
or of "October 2024", both in the source) are told apart by what is said around them: the
derived "rumbled in 2024 when the new auditor spotted the gap" stands for the source's
"came to light in October 2024 when a new auditor noticed the gap", not for a "May 2024"
in a sentence about something else. The words read are those of the fact's sentence (cut
at a full stop or a semicolon), at most :data:`WINDOW` characters either
side, without numbers and the fact's own words.
"""

from __future__ import annotations

import regex

from ..text.features import term_of
from ..text.normalise import tokenize
from ..types import Fact

WINDOW = 160
"""Characters read either side of a fact (then cut at the sentence's ends)."""

_END_RE = regex.compile(r"[.!?;][\"'”’)]?(?=\s|$)|\n\s*\n|\n(?!\s*\p{Ll})")
"""A sentence's end: a full stop (or a semicolon, which closes a clause), a blank line,
or a line break not followed by a lower-case word (a hard-wrapped line goes on)."""


def _sentence_around(text: str, span: tuple[int, int]) -> tuple[int, int]:
    lo = max(0, span[0] - WINDOW)
    hi = min(len(text), span[1] + WINDOW)
    start = lo
    for m in _END_RE.finditer(text, lo, span[0]):
        start = m.end()
    m = _END_RE.search(text, span[1], hi)
    return start, (m.start() if m is not None else hi)


def words_near(text: str, fact: Fact) -> frozenset[str]:
    """The content terms of the sentence around ``fact`` (see the module)."""
    start, end = _sentence_around(text, fact.span)
    out = set()
    for t in tokenize(text, start, end):
        if fact.span[0] <= t.start < fact.span[1] or t.norm[:1].isdigit():
            continue
        term = term_of(t.norm)
        if term is not None:
            out.add(term)
    return frozenset(out)


class NearWords:
    """The words near facts of two texts (source first), read once per fact."""

    def __init__(self, texts: tuple[str, str]) -> None:
        self.texts = texts
        self._seen: dict[tuple[int, int, int], frozenset[str]] = {}

    def of(self, fact: Fact, side: int) -> frozenset[str]:
        key = (side, *fact.span)
        got = self._seen.get(key)
        if got is None:
            got = self._seen[key] = words_near(self.texts[side], fact)
        return got

    def shared(self, sf: Fact, df: Fact) -> int:
        """How many content words the sentences around a source and a derived fact
        share."""
        return len(self.of(sf, 0) & self.of(df, 1))
