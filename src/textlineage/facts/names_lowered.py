"""Names the other text writes in lower case: the same thing, called by its common
words.

A formal document capitalises the things it defines ("the Remuneration Committee", "the
Annual Report"); a rewrite for other readers writes them as ordinary words ("the
remuneration committee"). The extractor reads a name on one side only, so the name
looks added or dropped; but the other text names the same thing, word for word.
:func:`drop_lowered` forgets such a name when every word of it is a dictionary word and
the other text holds the same words, in that order, in lower case.
"""

from __future__ import annotations

import regex

from . import ner
from .items import Result

_NAME_KINDS = frozenset({"organisation", "entity", "place"})
_WORD_RE = regex.compile(r"[\p{L}\p{M}'’-]+")


def _lowered(name: str, other: str) -> bool:
    """Does ``other`` write the words of ``name`` (all dictionary words, two or more) in
    lower case, in that order?"""
    words = _WORD_RE.findall(name)
    if len(words) < 2 or not all(ner.is_common_word(w) for w in words):
        return False
    pattern = (
        r"(?<![\p{L}\p{N}])"
        + r"\s+".join(regex.escape(w.casefold()) for w in words)
        + r"(?![\p{L}])"
    )
    return regex.search(pattern, other) is not None


def drop_lowered(res: Result, texts: tuple[str, str]) -> None:
    """Forget an added (dropped) name of dictionary words that the other text writes in
    lower case ("Remuneration Committee" / "the remuneration committee")."""
    if not ner.enabled():
        return
    for facts, other in ((res.added, texts[0]), (res.dropped, texts[1])):
        facts[:] = [f for f in facts if not (f.kind in _NAME_KINDS and _lowered(f.text, other))]
