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
"""

from __future__ import annotations

from ..text.features import span_terms
from .items import Result
from .story_lines import _LISTED_RE, _WORD_RE, LONG, _line, _separator

MIN_SHARED = 0.4
"""The share of the derived text's distinct content words (of letters) found in the source
below which the two texts are not compared word by word (a translation, say)."""


def _words(text: str, start: int = 0, end: int | None = None) -> set[str]:
    terms = span_terms(text, start, len(text) if end is None else end)
    return {t for t in terms if any(c.isalpha() for c in t)}


def drop_added_off_topic(res: Result, source_text: str, derived_text: str) -> None:
    """Forget the added facts whose line shares no content word with the source, or one
    only and is short."""
    if not res.added:
        return
    source = _words(source_text)
    derived = _words(derived_text)
    if not derived or len(derived & source) < MIN_SHARED * len(derived):
        return
    sep = _separator(derived_text)
    keep = []
    for f in res.added:
        line = _line(derived_text, f.span[0], sep)
        n = len(_words(line) & source)
        if not line or n > 1 or (n == 1 and len(_WORD_RE.findall(line)) >= LONG):
            keep.append(f)
    res.added[:] = keep


def drop_dropped_off_topic(res: Result, source_text: str, derived_text: str) -> None:
    """Forget the dropped facts whose source line shares no content word with the
    derived text."""
    if not res.dropped:
        return
    source = _words(source_text)
    derived = _words(derived_text)
    if not derived or len(derived & source) < MIN_SHARED * len(derived):
        return
    sep = _separator(source_text)
    keep = []
    for f in res.dropped:
        line = _line(source_text, f.span[0], sep)
        if (
            not line
            or ":" in line[:-1]
            or _LISTED_RE.match(line)
            or f.kind == "person"
            or len(_WORD_RE.findall(line)) >= LONG
            or _words(line) & derived
        ):
            keep.append(f)
    res.dropped[:] = keep
