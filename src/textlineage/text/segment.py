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
_BOUNDARY_RE = regex.compile(
    r"(?P<term>[.!?\u2026\u3002\uff01\uff1f\u061f\u06d4]+)"
    r"(?P<close>[\"'\u2019\u201d\u00bb)\]]*)"
    r"(?P<space>\s+)"
)
_PARA_RE = regex.compile(r"\n[ \t\u00a0]*\n\s*")
_LIST_ITEM_RE = regex.compile(
    r"[ \t\u00a0]*(?:[\u2022\u25cf\u25aa\u2023\u2043\u25e6*\-\u2013]\s+|\d{1,3}[.)]\s+)"
)
_STARTER_RE = regex.compile(
    r"[\p{Lu}\p{Lt}\p{N}\"'\u2018\u201c\u00ab(\[\u2022*\-]|[^\p{Latin}\p{P}\s]"
)
_WORD_BEFORE_RE = regex.compile(r"([\p{L}.]+)$")
_ACRONYM_RE = regex.compile(r"(?:\p{L}\.)+\p{L}")
_ENDS_LOWER_RE = regex.compile(r"\p{Ll}\s*$")
_HAS_WORD_RE = regex.compile(r"[\p{L}\p{N}]")


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


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as trimmed, non-empty, non-overlapping spans in text order."""
    out: list[Sentence] = []
    para_start = 0
    bounds = [m.span() for m in _PARA_RE.finditer(text)]
    bounds.append((len(text), len(text)))
    for p_end, next_start in bounds:
        if text.find("\n", para_start, p_end) < 0:  # one line: one block
            _split_block(text, para_start, p_end, out)
        else:
            for b_start, b_end in _lines(text, para_start, p_end):
                _split_block(text, b_start, b_end, out)
        para_start = next_start
    return out
