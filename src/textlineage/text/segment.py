"""Sentence segmentation for news text, with character spans.

Rules, in order: a blank line always ends a sentence; a line break ends one when the next
line is a list item (bullet, number) or the current line is a heading or list item; inside a
paragraph a sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets) followed by white space and something that can start a sentence, unless the
word before the full stop is a known abbreviation, an initial, or a number with a decimal
point. Datelines ("Iran, June 1, 2021—") stay with their sentence. Text in other scripts is
handled by the same character classes and never raises.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

import regex

from .dates import month_abbreviations

_ABBREVIATIONS = month_abbreviations() | frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "pres",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "dept",
        "univ",
        "assn",
        "est",
        "approx",
        "vs",
        "etc",
        "al",
        "fig",
        "no",
        "nos",
        "vol",
        "pp",
        "ed",
        "eds",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "d.c",
    ]
)

# A sentence boundary candidate: terminal punctuation, optional closers, then white space.
# A semicolon right after the terminal mark ("yard.; Firefighting", how some corpora join
# a list of sentences) ends the sentence too.
_BOUNDARY_RE = regex.compile(
    r"(?P<term>[.!?\u2026\u3002\uff01\uff1f\u061f\u06d4]+)"
    r"(?P<close>[\"'\u2019\u201d\u00bb)\]]*;?)"
    r"(?P<space>\s+)"
)
_PARA_RE = regex.compile(r"\n[ \t\u00a0]*\n\s*")
_LIST_ITEM_RE = regex.compile(
    r"(?:\G|(?<![ \t\u00a0]))[ \t\u00a0]*+(?:[\u2022\u25cf\u25aa\u2023\u2043\u25e6*\-\u2013]\s+|\d{1,3}[.)]\s+)"
)
_STARTER_RE = regex.compile(
    r"[\p{Lu}\p{Lt}\p{N}\"'\u2018\u201c\u00ab(\[\u2022*\-]|[^\p{Latin}\p{P}\s]"
)
_WORD_BEFORE_RE = regex.compile(r"([\p{L}.]+)$")
_ACRONYM_RE = regex.compile(r"(?:\p{L}\.)+\p{L}")
_ENDS_LOWER_RE = regex.compile(r"\p{Ll}\s*$")
_HAS_WORD_RE = regex.compile(r"[\p{L}\p{N}]")
# The standard library's \S is exactly "not str.isspace()", the white space kept in place.
_NOT_SPACE = re.compile(r"\S")


class Sentence(NamedTuple):
    """A sentence's character range (a named tuple: cheap to build)."""

    start: int
    end: int


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    """Append the span trimmed of white space, when it holds a word."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and _HAS_WORD_RE.search(text, start, end):
        out.append(Sentence(start, end))


def _is_abbreviation(text: str, term_start: int) -> bool:
    m = _WORD_BEFORE_RE.search(text, max(0, term_start - 20), term_start)
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # A single initial ("J. Smith") or a dotted acronym ("U.S.").
    return (len(word) == 1 and word.isalpha()) or _ACRONYM_RE.fullmatch(word) is not None


def _split_block(text: str, start: int, end: int, out: list[Sentence]) -> None:
    """Split one paragraph-free block into sentences, appended to ``out``."""
    cur = start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        nxt = m.end()
        if nxt >= end:
            break
        if not _STARTER_RE.match(text, nxt):
            continue
        if m.group("term") == "." and _is_abbreviation(text, m.start()):
            continue
        _add(text, cur, m.end("close"), out)
        cur = nxt
    _add(text, cur, end, out)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Break a paragraph into blocks at line breaks that end a list item or heading."""
    lines: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        lines.append((pos, stop))
        pos = stop + 1
    if len(lines) <= 1:
        return [(start, end)]
    blocks: list[tuple[int, int]] = []
    cur_start, cur_end = lines[0]
    for ls, le in lines[1:]:
        prev = text[cur_start:cur_end]
        this_is_item = bool(_LIST_ITEM_RE.match(text, ls, le))
        prev_is_item = bool(_LIST_ITEM_RE.match(prev))
        prev_stripped = prev.strip()
        prev_is_heading = (
            bool(prev_stripped)
            and len(prev_stripped) < 80
            and not prev_stripped.endswith((",", ";", "-"))
            and (prev_stripped[-1:] in ".!?:" or not _ENDS_LOWER_RE.search(prev_stripped))
        )
        if this_is_item or prev_is_item or prev_is_heading or not text[ls:le].strip():
            blocks.append((cur_start, cur_end))
            cur_start, cur_end = ls, le
        else:
            cur_end = le
    blocks.append((cur_start, cur_end))
    return blocks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans between blank lines (some empty), in order."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _PARA_RE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _split_paragraph(text: str, start: int, end: int, out: list[Sentence]) -> None:
    """Append the sentences of one paragraph, which depend on its own text alone (a
    paragraph follows white space, where no abbreviation's look-back reaches past)."""
    if text.find("\n", start, end) < 0:  # one line: one block
        _split_block(text, start, end, out)
    else:
        for b_start, b_end in _lines(text, start, end):
            _split_block(text, b_start, b_end, out)


_KNOWN: dict[str, list[Sentence]] = {}
_KNOWN_MAX = 16
"""Texts whose sentences :func:`blank_sentences` worked out, for the next
:func:`split_sentences` of them (a masked text is split next, to build its features)."""


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as trimmed, non-empty, non-overlapping spans in text order."""
    known = _KNOWN.get(text)
    if known is not None:
        return list(known)
    out: list[Sentence] = []
    for start, end in _paragraphs(text):
        _split_paragraph(text, start, end, out)
    return out


def blank_sentences(text: str, sentences: Sequence[Sentence], blank: Sequence[Sentence]) -> str:
    """``text`` with the sentences ``blank`` (some of ``sentences``, its sentences, in
    order) blanked out: each character but white space replaced by a space, so offsets
    stay true.

    The blanked text's sentences are worked out on the way and remembered for
    :func:`split_sentences`: a paragraph the blanking leaves whole and untouched keeps its
    sentences, only the others are split again.
    """
    if not blank:
        return text
    pieces: list[str] = []
    at = 0
    for s in blank:
        pieces.append(text[at : s.start])
        pieces.append(_NOT_SPACE.sub(" ", text[s.start : s.end]))
        at = s.end
    pieces.append(text[at:])
    blanked = "".join(pieces)
    before = set(_paragraphs(text))
    starts = [s.start for s in sentences]
    cut = [s.start for s in blank]
    out: list[Sentence] = []
    for start, end in _paragraphs(blanked):
        k = bisect_left(cut, end)
        untouched = (start, end) in before and (k == 0 or blank[k - 1].end <= start)
        if untouched:
            out.extend(sentences[bisect_left(starts, start) : bisect_left(starts, end)])
        else:
            _split_paragraph(blanked, start, end, out)
    if len(_KNOWN) >= _KNOWN_MAX:
        _KNOWN.clear()
    _KNOWN[blanked] = out
    return blanked
