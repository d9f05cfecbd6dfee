"""Normalisation for matching only.

The reported text and every offset stay those of the original document; this module gives
matching a folded view of it (Unicode NFKC, quote/apostrophe/dash variants, non-breaking
and other spaces, case).

Tokens are taken from the *original* text, each carrying its original span and a folded
form, so alignment works on folded tokens and reports original offsets with no map at all.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

import regex

# Characters folded to one canonical form before casefolding.
_QUOTE_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u0060": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
}  # fmt: skip
_TRANSLATE = str.maketrans(_QUOTE_MAP)

_SPACE_RE = regex.compile(r"[\p{Zs}\t\u200b\u2060\ufeff]")

# A token: a number with inner separators ("130,000", "3.5", "1988"), or a run of letters
# and marks possibly joined by an apostrophe ("we've", "o'brien").
TOKEN_RE = regex.compile(
    r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?"
    r"|[\p{L}\p{M}]+(?:['\u2019\u02bc][\p{L}\p{M}]+)*"
    r"|\p{N}+",
    regex.VERSION1,
)


def fold(text: str) -> str:
    """Fold a string for comparison: NFKC, canonical quotes and dashes, spaces, case."""
    if text.isascii():
        # The same steps on ASCII: NFKC keeps it, casefold is lower, and the only variants
        # left are the backtick and the tab.
        return text.replace("`", "'").replace("\t", " ").lower()
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _SPACE_RE.sub(" ", text)
    return text.casefold()


class Token(NamedTuple):
    """A word or number of the original text: ``norm`` is its folded form. (A named tuple:
    documents have thousands of tokens and a frozen dataclass is slow to build.)"""

    start: int
    end: int
    norm: str

    @property
    def is_number(self) -> bool:
        return self.norm[:1].isdigit()


@lru_cache(maxsize=200_000)
def fold_token(raw: str) -> str:
    """The folded form of one token (cached: vocabularies are small)."""
    if raw.isascii():
        return raw.lower()
    return fold(raw)


# The same tokens as the separators of a split: one C-level call gives every token and
# the text between tokens, whose lengths give the offsets.
_SPLIT_RE = regex.compile(f"({TOKEN_RE.pattern})", regex.VERSION1)
# On text of ASCII and common punctuation (no letter, mark or digit among the latter),
# TOKEN_RE's classes are ASCII letters and digits, its third branch never wins over the
# first, and the standard library's engine gives the same split, faster.
_PLAIN_SPLIT_RE = re.compile(r"([0-9]+(?:[.,][0-9]+)*(?:st|nd|rd|th)?|[A-Za-z]+(?:['’][A-Za-z]+)*)")
_NOT_PLAIN_RE = re.compile("[^\x00-\x7f’‘“”–—…«»\u00a0•·]")


def token_columns(text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and raw text of the tokens of ``text``, column by column (cheaper
    than match objects: every document compared is tokenized)."""
    plain = _NOT_PLAIN_RE.search(text) is None
    pieces = (_PLAIN_SPLIT_RE if plain else _SPLIT_RE).split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    return offsets[1:-1:2], offsets[2::2], pieces[1::2]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` with spans in ``text``."""
    stop = len(text) if end is None else end
    starts, ends, raw = token_columns(text[start:stop])
    if start:
        starts = [s + start for s in starts]
        ends = [e + start for e in ends]
    return list(map(Token._make, zip(starts, ends, map(fold_token, raw), strict=True)))
