"""Facts on a line that says next to nothing the other text talks about: page furniture.

A derived page adds, beside its story, lines about the page itself: the printer's
imprint, a sponsor's slogan, a parish notice, a reader's meter, the author's bio. The rules
of :mod:`.furniture` and :mod:`.story_lines` know many such lines by their words or their
shape; a new page brings new kinds, some of them sentences. What all of them share is
their topic: hardly a word of theirs is a word of the source. A fact a rewrite adds is told
about the story (the people, places and things the source talks about), so its line
shares content words with the source. In the hand-annotated pairs (own gold and sets
1-13), of 353 derived lines sharing no content word with their source none held an added
fact and 293 held furniture; of 238 lines under :data:`~.story_lines.LONG` words sharing
one, 4 held an added fact and 200 furniture.

So an added fact whose line (its paragraph, in a text wrapped by hand) has no content word
(a word of letters, by its stem; numbers do not count: a figure is what may be added) in
common with the source, or one only and fewer than :data:`~.story_lines.LONG` words, is not
reported. Two texts in different languages share few words anywhere; the rule is read
only where the two texts share most of their words (:data:`MIN_SHARED` of the derived
text's distinct content words).

A source line is read more narrowly (:func:`drop_dropped_off_topic`): a rewrite may drop a
whole sentence of the story, so only a line under :data:`~.story_lines.LONG` words that is
not a label with its value, an item of a list, nor a person's name (a signature) and shares
no content word with the derived text is taken for furniture (in the annotated pairs a long
line sharing none held a dropped sentence of the story as often as furniture).

Above the story (before the first line sharing :data:`STORY_SHARED` content words with the
other text) a page has its header: mastheads, notices, promotions. There a short line
sharing at most :data:`HEADER_SHARED` words with the other text is furniture on both sides
(in the annotated pairs such lines held 2 added and 7 dropped facts, most of them on long
lines, labels, list items, salutations or names, which are kept, against 662 lines of
furniture).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from ..text.features import span_terms
from ..types import Fact
from .items import Result
from .story_lines import _LISTED_RE, _WORD_RE, LONG, _line, _separator

MIN_SHARED = 0.4
"""The share of the derived text's distinct content words (of letters) found in the source
below which the two texts are not compared word by word (a translation, say)."""
STORY_SHARED = 5
"""A line sharing this many content words with the other text is the story's."""
HEADER_SHARED = 2
"""A short line before the story's first (:data:`STORY_SHARED`) sharing at most this many
content words with the other text is the page's header."""


def _words(text: str, start: int = 0, end: int | None = None) -> set[str]:
    terms = span_terms(text, start, len(text) if end is None else end)
    return {t for t in terms if any(c.isalpha() for c in t)}


def _begins(text: str, other: set[str], sep: str) -> int:
    """Where the story begins: the first line (``sep`` ends a line) sharing
    :data:`STORY_SHARED` content words with the other text; its start if none (no story
    found, no header either)."""
    pos = 0
    for line in text.split(sep):
        if len(_words(line) & other) >= STORY_SHARED:
            return pos
        pos += len(line) + len(sep)
    return 0


def _header(line: str, pos: int, begins: int, shared: int) -> bool:
    """Is the line at ``pos`` a short line of the page's header sharing few words with the
    other text?"""
    return pos < begins and shared <= HEADER_SHARED and len(_WORD_RE.findall(line)) < LONG


@lru_cache(maxsize=2)
def _compared(source_text: str, derived_text: str) -> tuple[set[str], set[str]] | None:
    """The two texts' content words, or None when they share too few to be compared (read
    once for both sides of a diff)."""
    source = _words(source_text)
    derived = _words(derived_text)
    if not derived or len(derived & source) < MIN_SHARED * len(derived):
        return None
    return source, derived


def _lines(
    facts: Sequence[Fact], text: str, other: set[str]
) -> Iterator[tuple[Fact, str, int, bool]]:
    """Each fact with its line in ``text`` (its paragraph, in a text wrapped by hand), the
    number of content words the line shares with the other text, and whether the line is
    a short one of the page's header sharing few (:func:`_header`)."""
    sep = _separator(text)
    begins = _begins(text, other, sep)
    shared: dict[str, int] = {}  # many facts stand on one line
    for f in facts:
        line = _line(text, f.span[0], sep)
        n = shared.get(line)
        if n is None:
            n = shared[line] = len(_words(line) & other)
        yield f, line, n, _header(line, f.span[0], begins, n)


def drop_added_off_topic(res: Result, source_text: str, derived_text: str) -> None:
    """Forget the added facts whose line shares no content word with the source, or one
    only and is short, or few and stands in the page's header."""
    words = _compared(source_text, derived_text) if res.added else None
    if words is None:
        return
    res.added[:] = [
        f
        for f, line, n, header in _lines(res.added, derived_text, words[0])
        if line and n > 1 - (len(_WORD_RE.findall(line)) >= LONG) and not header
    ]


def drop_dropped_off_topic(res: Result, source_text: str, derived_text: str) -> None:
    """Forget the dropped facts whose short source line shares no content word with the
    derived text, or few and stands in the page's header; a label with its value, a list
    item and a person's name are kept."""
    words = _compared(source_text, derived_text) if res.dropped else None
    if words is None:
        return
    res.dropped[:] = [
        f
        for f, line, n, header in _lines(res.dropped, source_text, words[1])
        if not line
        or ":" in line[:-1]
        or _LISTED_RE.match(line)
        or f.kind == "person"
        or len(_WORD_RE.findall(line)) >= LONG
        or (n and not header)
    ]
