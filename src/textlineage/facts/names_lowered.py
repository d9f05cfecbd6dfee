"""Names the other text writes in lower case, and the outlet's own name.

**Lower case.** Names the other text writes in lower case: the same thing, called by its
common words.

A formal document capitalises the things it defines ("the Grants Committee", "the
Annual Report"); a rewrite for other readers writes them as ordinary words ("the
remuneration committee"). The extractor reads a name on one side only, so the name
looks added or dropped; but the other text names the same thing, word for word.
:func:`drop_lowered` forgets such a name when every word of it is a dictionary word and
the other text holds the same words, in that order, in lower case.

A one-word name that is a dictionary word, written with a capital only ("Serious
levels", "The Police made no representation", "Payouts hit €8.7 million"), is a common
word when either text also writes it in lower case: no name added or dropped. One of no
type (neither a person, a place nor a body: "Highway", "Sold") is such a word wherever
it stands.

**The outlet's own name.** A rewrite by a newspaper or a station names itself in its
story ("told the Dale Courier"); that is no fact of the source's left out of it, but the
page's name. :func:`drop_own_name` forgets an added name that the derived page's
furniture gives at least twice (its masthead, byline or copyright line): a place in a
breadcrumb or a title in a "Related" line is there only once.
"""

from __future__ import annotations

import regex

from . import ner
from .furniture import furniture_spans
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
    lower case ("Grants Committee" / "the grants committee")."""
    if not ner.enabled():
        return
    for facts, other in ((res.added, texts[0]), (res.dropped, texts[1])):
        facts[:] = [f for f in facts if not (f.kind in _NAME_KINDS and _lowered(f.text, other))]
    for facts in (res.added, res.dropped):
        facts[:] = [
            f
            for f in facts
            if not (f.kind in _NAME_KINDS and _common_noun(f.text, texts, f.kind == "entity"))
        ]


def _common_noun(name: str, texts: tuple[str, str], untyped: bool = False) -> bool:
    """Is ``name`` one dictionary word that either text also writes in lower case (a
    common noun capitalised as a sentence's first word or a defined term: "Payouts",
    "Plaintiff")? A name of no type (``untyped``: no person, place or body) needs no
    lower-case mention: a capitalised dictionary word alone ("Highway", "Sold",
    "Packages") is a heading's or a label's word far more often than a name."""
    words = _WORD_RE.findall(name)
    if len(words) != 1 or name.strip() != words[0] or not ner.is_common_word(words[0]):
        return False
    word = words[0]
    if not (word[:1].isupper() and word[1:].islower()):
        return False  # "UK", "iPhone": no common noun
    if untyped:
        return True
    low = word.casefold()
    pattern = r"(?<![\p{L}\p{N}])" + regex.escape(low) + r"(?![\p{L}])"
    return any(regex.search(pattern, t) is not None for t in texts)


_OWN_NAME_MIN = 2
"""How many of the page's furniture spans must hold a name for it to be the page's own."""


def drop_own_name(res: Result, derived: str, lang: str = "und") -> None:
    """Forget an added name that the derived page's furniture gives at least
    :data:`_OWN_NAME_MIN` times: the outlet's own name in its story. ``lang`` is the derived
    text's language, as extraction read its furniture (the spans are then cached)."""
    if not res.added:
        return
    spans = [derived[s:e] for s, e in furniture_spans(derived, lang)]
    keep = []
    for f in res.added:
        if f.kind in _NAME_KINDS or f.kind == "person":
            pattern = regex.compile(
                r"(?<![\p{L}\p{N}])" + regex.escape(f.text) + r"(?![\p{L}\p{N}])"
            )
            if sum(1 for sp in spans if pattern.search(sp)) >= _OWN_NAME_MIN:
                continue
        keep.append(f)
    res.added[:] = keep
