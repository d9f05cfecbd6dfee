"""Quotations: text between curly quotes, guillemets or „low and high“ marks, and between straight or single
quote marks paired by where they stand against words. A quote's value is its folded
tokens; it stays within one paragraph and needs three of them, or, between double quote
marks, one or two words in lower case: a word quoted as said ("overwhelmed") is a fact a
rewrite may drop or cut a longer quote down to. A word or two in single quotes, or in
capitals (a title, a nickname), is not taken for a quotation."""

from __future__ import annotations

import regex

from ..text.normalise import tokenize
from ..types import Fact
from .items import Item

_CURLY_RE = regex.compile(r"“([^“”]{1,4000})”")
_GUILLEMET_RE = regex.compile(r"«([^«»]{1,4000})»")
_LOW_HIGH_RE = regex.compile(r"„([^„“”]{1,4000})[“”]")  # German, Russian: „so“
_BLANK_LINE_RE = regex.compile(r"\n[ \t\u00a0]*\n")
_QUOTE_MIN_TOKENS = 3
_DOUBLE_MARKS = frozenset('"“”«»„')
_SHORT_QUOTE_RE = regex.compile(r"\p{Ll}[\p{L}\p{M}'’-]*(?:[ \u00a0]\p{Ll}[\p{L}\p{M}'’-]*)?")
_QUOTE_MAX_CHARS = 4000
_DEFINED_RE = regex.compile(r"\((?i:the\s)?$")

_OPENERS = "([{—–-/"
_CLOSE_FOLLOW = ".,;:!?)]}—–-…"


def _quote_value(inner: str) -> str:
    return " ".join(t.norm for t in tokenize(inner))


def _quote_item(text: str, doc: int, s: int, e: int) -> Item | None:
    inner = text[s + 1 : e - 1]
    if len(inner) > _QUOTE_MAX_CHARS or _BLANK_LINE_RE.search(inner):
        return None
    value = _quote_value(inner)
    if value.count(" ") + 1 < _QUOTE_MIN_TOKENS and not _short_quote(text, s, inner):
        return None
    return Item(Fact("quote", text[s:e], (s, e), doc, value), "quote", (value,))


def _short_quote(text: str, s: int, inner: str) -> bool:
    """Is ``inner`` (opening at ``s``) a word or two said, between double quote marks? A
    term the text defines in parentheses ("the 13 weeks to 1 May (the "period")") is its
    drafting, not a word said."""
    end = s + len(inner) + 2
    defined = _DEFINED_RE.search(text, max(0, s - 5), s) is not None and text[end : end + 1] == ")"
    return (
        text[s] in _DOUBLE_MARKS
        and not defined
        and _SHORT_QUOTE_RE.fullmatch(inner.strip(" ,.!?;:")) is not None
    )


def _pair_marks(text: str, open_ch: str, close_ch: str) -> list[tuple[int, int]]:
    """Pair ambiguous quote marks by their position against words."""
    n = len(text)
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    pos = -1
    while True:
        a = text.find(open_ch, pos + 1)
        b = text.find(close_ch, pos + 1) if close_ch != open_ch else a
        cands = [x for x in (a, b) if x != -1]
        if not cands:
            break
        pos = min(cands)
        prev = text[pos - 1] if pos > 0 else " "
        nxt = text[pos + 1] if pos + 1 < n else " "
        ch = text[pos]
        can_open = ch == open_ch and (prev.isspace() or prev in _OPENERS) and not nxt.isspace()
        can_close = (
            ch == close_ch
            and not prev.isspace()
            and (nxt.isspace() or nxt in _CLOSE_FOLLOW or (close_ch != "’" and nxt in "\"'"))
        )
        if close_ch == "’" and (nxt.isalnum()):
            can_close = False
        if opened is not None and can_close:
            if pos - opened <= _QUOTE_MAX_CHARS + 1:
                pairs.append((opened, pos + 1))
            opened = None
        elif can_open:
            opened = pos
    return pairs


def find_quotes(text: str, doc: int) -> list[Item]:
    """The quotations of ``text`` (quotes may overlap other facts)."""
    spans: list[tuple[int, int]] = []
    for pat in (_CURLY_RE, _GUILLEMET_RE, _LOW_HIGH_RE):
        spans.extend(m.span() for m in pat.finditer(text))
    if '"' in text:
        spans.extend(_pair_marks(text, '"', '"'))
    if "‘" in text:
        spans.extend(_pair_marks(text, "‘", "’"))
    out = []
    for s, e in sorted(set(spans)):
        item = _quote_item(text, doc, s, e)
        if item is not None:
            out.append(item)
    return out
