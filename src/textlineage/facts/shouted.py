"""A line shouted in capitals is no name.

A headline or a call to action written all in capitals ("FERRY FARES RISE IN MAY", "HOW
TO ENTER") has the shape of a name to a reader of capitals, and its words are read as one
name of several words, added or dropped. A name of several words all in capitals that
holds a word no name is made of (a verb or a function word such as "is", "to", "in",
"your": not "of", "and", "the", "for", "at" or "on", which names hold: "BANK OF ENGLAND")
is a phrase, not a name, and no fact.
"""

from __future__ import annotations

import regex

from ..text.language import FUNCTION_WORDS
from ..types import Fact
from .items import Result

_NAME_KINDS = frozenset({"person", "organisation", "entity", "place"})
_IN_NAMES = frozenset({"of", "and", "the", "for", "at", "on"})
_PHRASE_WORDS = (FUNCTION_WORDS.get("en", frozenset()) - _IN_NAMES) | frozenset(
    {"your", "our", "my", "you", "we", "how", "why", "what"}
)
"""Words of a phrase that are no part of a name."""
_WORD_RE = regex.compile(r"\p{L}+")


def _shouted(f: Fact) -> bool:
    if f.kind not in _NAME_KINDS:
        return False
    words = _WORD_RE.findall(f.text)
    if len(words) < 2 or not all(w.isupper() for w in words):
        return False
    return any(w.lower() in _PHRASE_WORDS for w in words)


def drop_shouted(res: Result) -> None:
    """Forget each added or dropped name of ``res`` that is a phrase in capitals."""
    res.added[:] = [f for f in res.added if not _shouted(f)]
    res.dropped[:] = [f for f in res.dropped if not _shouted(f)]
