"""Page furniture of a live page: the time stamp heading each entry of a live blog.

A live blog is a run of entries, each opened by the clock time it was posted ("9:05 AM:
Crews are on the scene ..."), newest first or oldest first. The stamp says when the page
was written, not when anything in the story happened, so a fact checker does not check
it, and a rewrite that leaves it out has dropped nothing.

A stamp is told from a time in the story by the run it stands in: at least
:data:`MIN_ENTRIES` lines open with a time and a colon or a dash (or are a time alone
over the entry's line), the times go one way
(all down or all up), and the entries after them are sentences, not the short labels of a
timetable ("7:30 pm: Doors open"), whose times are the facts.
"""

from __future__ import annotations

import itertools

import regex

from ..types import Span

_STAMP_RE = regex.compile(
    r"(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*+(?P<half>(?i:[ap]\.?m\.?))?\s*+(?:\p{Lu}{2,4}\b)?"
    r"\s*+(?:[:—–|]|(?<=\s)-)\s*(?=\S)"
)
"""A time opening a line, perhaps with its half of the day and its zone, then a colon, a
long dash or a bar before the entry. Its runs of spaces are read possessively, so that
a long run of them on a line of untrusted text is read once, not tried at every split."""
_ALONE_RE = regex.compile(
    r"(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*+(?P<half>(?i:[ap]\.?m\.?))?\s*+(?:\p{Lu}{2,4})?\s*+[:—–|-]?"
)
"""A time alone on its line, over the entry on the next line."""
_WORDS_RE = regex.compile(r"\S+")
MIN_ENTRIES = 3
"""The fewest stamped entries that make a live blog."""
_MIN_MEAN_WORDS = 10
"""The entries' mean length in words: a timetable's items are shorter."""


def _minutes(m: regex.Match[str]) -> int | None:
    """The stamp's time of day in minutes, or None when it is no clock time."""
    hour, minute = int(m.group("h")), int(m.group("m"))
    if minute > 59 or hour > 23 or (m.group("half") and not 1 <= hour <= 12):
        return None
    half = (m.group("half") or "").casefold()
    if half.startswith("p") and hour != 12:
        hour += 12
    elif half.startswith("a") and hour == 12:
        hour = 0
    return hour * 60 + minute


def stamp_spans(text: str, lines: list[tuple[int, int, bool]]) -> list[Span]:
    """The time stamps (with the colon or dash after them) opening the entries of a live
    blog in ``text``, or alone on the line over each, whose lines are ``lines`` (content
    spans and list flags)."""
    found: list[tuple[int, int, int, int]] = []  # stamp start, end, minutes, entry words
    for i, (s, e, _) in enumerate(lines):
        alone = _ALONE_RE.fullmatch(text, s, e)
        if alone is not None and i + 1 < len(lines):
            minutes = _minutes(alone)
            if minutes is not None:
                ns, ne, _ = lines[i + 1]
                found.append((s, e, minutes, len(_WORDS_RE.findall(text, ns, ne))))
            continue
        m = _STAMP_RE.match(text, s, e)
        if m is None:
            continue
        minutes = _minutes(m)
        if minutes is not None:
            found.append((s, m.end(), minutes, len(_WORDS_RE.findall(text, m.end(), e))))
    if len(found) < MIN_ENTRIES:
        return []
    times = [t for _, _, t, _ in found]
    down = all(a >= b for a, b in itertools.pairwise(times))
    up = all(a <= b for a, b in itertools.pairwise(times))
    if not (down or up) or len(set(times)) < 2:
        return []
    if sum(w for _, _, _, w in found) < _MIN_MEAN_WORDS * len(found):
        return []
    return [(s, e) for s, e, _, _ in found]
