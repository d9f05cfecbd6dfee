"""Display lines: headlines, headings and labels, where capitals say nothing about names.

In running text a capital inside a sentence marks a name. A headline in title case
("Maker to Open New Plant in Ohio") capitalises every content word, a shouted line ("CAN
YOU HELP?") every letter, a heading line ("Verdict") or a label ("Specs: ...") its one
word: there a capitalised word needs other evidence to be a name (the named-entity model
finding one, or the word being no dictionary word). :func:`display_spans` finds such lines;
:func:`label_opener` tells a word that opens a line after a short label ("HEALTH
ADVISORY: Possible exposure"), which opens a sentence as surely as a full stop does.
"""

from __future__ import annotations

import regex

_WORD_RE = regex.compile(r"[\p{L}][\p{L}\p{M}'’-]*")
_LABEL_RE = regex.compile(
    r"^[ \t\u00a0]*(?:\[[\d/.:, \u00a0APMapm-]{4,30}\][ \t\u00a0]*)?"  # a chat's "[14/03/2032, 08:47]"
    r"(?:[\p{L}][\p{L}\p{M}.'’-]*[ \t\u00a0]+){0,3}[\p{L}][\p{L}\p{M}.'’-]*:[ \t\u00a0]+$"
)
MIN_TITLE_WORDS = 3
"""Capitalised words of four letters or more a title-case line holds at least."""
MAX_HEADING_WORDS = 3
"""Words a heading line (no sentence punctuation) holds at most."""
_PREPOSITIONS = frozenset(
    str.split(
        """about above across after against along among amid around before behind below
    beneath beside between beyond despite during except from inside into near onto
    outside over past since than through toward towards under until upon with within
    without"""
    )
)
"""English prepositions, which title case leaves in lower case whatever their length
("Results from Phase 2 Trial in Adults with Chronic Migraine")."""


def _is_display(line: str) -> bool:
    body = line.strip(" \t\u00a0")
    words = _WORD_RE.findall(body)
    if not words:
        return False
    letters = [c for c in body if c.isalpha()]
    if len(words) >= 2 and all(c.isupper() for c in letters):
        return True  # shouted
    if len(words) <= MAX_HEADING_WORDS and body[-1] not in ".,;:" and words[0][0].isupper():
        return True  # a heading: a few words on a line of their own
    long = [w for w in words if len(w) >= 4 and w not in _PREPOSITIONS]
    if len(long) < MIN_TITLE_WORDS or ". " in body:
        return False
    return all(w[0].isupper() for w in long)  # title case: every content word capitalised


def display_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` set as display: shouted (all letters capitals,
    two words or more), a heading (at most :data:`MAX_HEADING_WORDS` words, no closing
    punctuation) or in title case (every word of four letters or more but prepositions
    capitalised, at least :data:`MIN_TITLE_WORDS` of them, no sentence break inside)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _is_display(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """Does ``pos`` fall in one of ``spans`` (sorted, disjoint)?"""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if pos < s:
            hi = mid
        elif pos >= e:
            lo = mid + 1
        else:
            return True
    return False


_SECTION_NUMBER_RE = regex.compile(r"[ \t]*+(?:[IVX]{1,4}|\d{1,2})(?:\.\d{1,2}){0,3}[.)][ \t]++")
"""A section's number opening a line ("II.1.4) ", "3.2. ", "IV) ")."""


def field_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts, after a section's number opening it ("II.1.4)
    Short description: ..."), or the field of it after a bar ("Weight: 1.2 kg | Power: 3
    kW")."""
    start = max(text.rfind("\n", 0, pos), text.rfind("|", 0, pos)) + 1
    m = _SECTION_NUMBER_RE.match(text, start, pos)
    return m.end() if m is not None else start


def label_opener(text: str, pos: int) -> bool:
    """Does the word at ``pos`` follow a short label that opens its line or field ("Note:
    ...", "HEALTH ADVISORY: ...")? Such a word opens a sentence."""
    return _LABEL_RE.match(text[field_start(text, pos) : pos]) is not None
