"""Ranks: an ordinal that places something in an order ("the second-most trending topic",
"the third largest city", "finished in second place").

A rank is a number fact whose value is the position (``"2nd"``) and whose noun is what is
ranked. The superlative that says by what ("most", "largest") is its qualifier, so a rank
that keeps its position but loses or changes its superlative ("second-most trending" →
"second trending") is a change of claim, matched like a number whose qualifier changed.
A position after a verb of ranking is one too ("finished fourth", "moved up to third",
"was second", "sits 40th", "climbed three places to fifth"), a place in a table ("up to
third", "now fourth.", "fifth in the table"), and "runner-up" is second place. An ordinal
that ranks nothing ("the first few hours", "a second time", "the second-most in
the division") is no fact.
"""

from __future__ import annotations

import regex

from ..types import Fact
from .forms import singular
from .items import Item, mark, overlaps

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_ORDINAL = rf"(?:{'|'.join(ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))"
_SUPERLATIVE = r"(?:most|least|\p{Ll}{2,}est|best|worst)"
_RANK_VERBS = (
    r"(?:finish(?:ed|es)?|rank(?:ed|s)?|plac(?:ed|es)|c[oa]me|comes|was|were|is|are"
    r"|sits|sat|sitting|stands|stood|lies|lay"
    r"|(?:mov(?:ed|es|e|ing)|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|risen|rising"
    r"|r[oi]s(?:e|es)|dropp?(?:ed|s|ing)?|f[ae]ll(?:en|s|ing)?|slipp?(?:ed|s|ing)?)"
    r"(?:\s+(?:\p{N}+|\p{Ll}+)\s+places?)?\s+(?:up\s+|down\s+)?to)"
)
_RANK_AFTER_VERB_RE = regex.compile(
    rf"(?<![\p{{L}}])(?i:{_RANK_VERBS})\s+(?P<ord>(?i:{_ORDINAL}))(?![\p{{L}}-])"
)
_TABLES = r"(?:table|standings|league|rankings|ladder|group|pool)"
_RANK_TABLE_RE = regex.compile(
    rf"(?<![\p{{L}}])(?:(?i:(?:up|down)\s+to)\s+(?P<ord>(?i:{_ORDINAL}))(?![\p{{L}}\p{{N}}-])"
    rf"|(?i:now)\s+(?P<ord>(?i:{_ORDINAL}))(?=\s*[.,;:)!]|\s+(?:in|on)\s)"
    rf"|(?P<ord>(?i:{_ORDINAL}))\s+(?:in|of)\s+the\s+(?:\p{{L}}+\s+){{0,3}}(?i:{_TABLES})\b)"
)
"""A place in a table: "up to third,", "now fourth.", "fifth in the table", "second in the
Premier League table", "143rd in the World University Rankings"."""
_RANK_AT_RE = regex.compile(
    r"(?<![\p{L}])(?i:at|in)\s+(?P<ord>\d{1,3}(?:st|nd|rd|th))(?=\s*[.,;:)])"
)
"""A position in digits after "at" or "in", ending a clause ("the best in the region, at
97th."): a rank though no verb or noun says so."""
_RANK_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<ord>(?i:{_ORDINAL}))"
    rf"(?:(?P<sup>[-\s]{_SUPERLATIVE})"
    r"|\s(?P<ing>\p{Ll}{3,}(?:ing|ed))"
    r"|\s(?P<place>place|position|spot))"
    r"(?![\p{L}-])"
)
AMONG = "among the first"
"""The value of a superlative that ranks a thing among others without a place ("one of the
fastest times"): a rank made vaguer when it stood for a place ("the third-fastest
time")."""
_ONE_OF_RE = regex.compile(
    rf"(?<![\p{{L}}])(?i:one)[ \u00a0]+of[ \u00a0]+the[ \u00a0]+(?P<sup>{_SUPERLATIVE})"
    r"[ \u00a0]+(?P<noun>\p{Ll}{3,}s)(?![\p{L}-])"
)
_RUNNER_UP_RE = regex.compile(r"(?<![\p{L}-])(?i:runner[- ]up)(?![\p{L}-])")
_NOUN_RE = regex.compile(r"(?:\G|(?<![ \u00a0]))[ \u00a0]++(?P<noun>\p{Ll}{3,})(?![\p{L}-])")
_NOT_SUPERLATIVE = frozenset({"interest", "rest", "test", "west", "east", "request"})
_MODIFIER_ENDINGS = ("ing", "est", "ous", "ful", "ive", "able", "ible", "ular")
_NOT_NOUNS = frozenset({"of", "in", "on", "at", "for", "to", "and", "or", "the", "with", "by"})


def _position(word: str) -> int | None:
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    digits = "".join(c for c in w if c.isdigit())
    return int(digits) if digits else None


def find_ranks(text: str, doc: int, num_mask: bytearray, name_mask: bytearray) -> list[Item]:
    """The ranks of English ``text`` outside ``num_mask``; marks them in both masks."""
    out: list[Item] = []
    verbs = [
        *_RANK_AFTER_VERB_RE.finditer(text),
        *_RANK_AT_RE.finditer(text),
        *_RANK_TABLE_RE.finditer(text),
    ]
    for m in verbs:  # "finished fourth", "moved up to third", "at 97th."
        s, e = m.span("ord")
        pos = _position(m.group("ord"))
        if pos is None or overlaps(num_mask, s, e):
            continue
        value = f"{pos}{_suffix(pos)}"
        fact = Fact("number", text[s:e], (s, e), doc, value)
        out.append(Item(fact, "number", (value, "place", "", ""), unit="place"))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    for m in _RUNNER_UP_RE.finditer(text):  # "was runner-up": second place
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        fact = Fact("number", m.group(), (s, e), doc, "2nd")
        out.append(Item(fact, "number", ("2nd", "place", "", ""), unit="place"))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    for m in _ONE_OF_RE.finditer(text):  # "one of the fastest times": among the first
        s, e = m.span()
        if overlaps(num_mask, s, e) or m.group("sup").lower() in _NOT_SUPERLATIVE:
            continue
        noun, qual = singular(m.group("noun")), m.group("sup").lower()
        fact = Fact("number", m.group(), (s, e), doc, AMONG)
        key = (AMONG, noun, "", "sup")
        out.append(Item(fact, "number", key, qual=qual, qcls="sup", unit=noun))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    for m in _RANK_RE.finditer(text):
        s, e = m.span()
        if overlaps(num_mask, s, e):
            continue
        pos = _position(m.group("ord"))
        if pos is None:
            continue
        qual = ""
        if m.group("sup"):
            words = m.group("sup")[1:].split()
            if words[0] in _NOT_SUPERLATIVE:
                continue
            qual = words[0]
        elif m.group("place"):
            qual = ""
        noun = "place" if m.group("place") else ""
        if not noun:
            noun, e = _noun_after(text, e)
            if not noun:
                continue  # "the second-most in the division": no rank of a thing
        value = f"{pos}{_suffix(pos)}"
        qcls = "sup" if qual else ""
        fact = Fact("number", text[s:e], (s, e), doc, value)
        out.append(Item(fact, "number", (value, noun, "", qcls), qual=qual, qcls=qcls, unit=noun))
        mark(num_mask, s, e)
        mark(name_mask, s, e)
    return out


def _noun_after(text: str, pos: int) -> tuple[str, int]:
    """What is ranked: the first of the next two words that is no adjective or verb form
    ("trending topic", "popular party"), singular, and where it ends; ``("", pos)``
    without one."""
    for _ in range(2):
        n = _NOUN_RE.match(text, pos)
        if n is None or n.group("noun") in _NOT_NOUNS:
            break
        word = n.group("noun")
        pos = n.end()
        participle = len(word) > 4 and word.endswith("ed") and not word.endswith("eed")
        if not word.endswith(_MODIFIER_ENDINGS) and not participle:
            return singular(word), pos
    return "", pos


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
