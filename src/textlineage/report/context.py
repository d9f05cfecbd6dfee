"""Where a fact stands, as a reader finds it: its line, its sentence, and what changed in
its words.

A fact-checker's first move on a reported change is to read it in context on both sides;
character offsets mean nothing to a person. :func:`line_of` gives the line number (as an
editor counts), :func:`in_sentence` the sentence around a fact with the fact in brackets,
and :func:`word_diff` shows how a quotation or a claim was reworded ("… too strong [cut: in
the last 10 kilometres]").
"""

from __future__ import annotations

import bisect
import difflib
import re
from functools import lru_cache

from ..facts.furniture import furniture_spans
from ..types import Comparison, Span
from .factgroups import STATEMENT_KIND

__all__ = [
    "direction_note",
    "in_sentence",
    "line_of",
    "new_sentences",
    "sentence_parts",
    "word_diff",
    "word_edits",
]

SURE = 0.85
"""Below this confidence in the direction, the reports say the direction is uncertain and
how to read the fact changes the other way."""


def direction_note(c: Comparison) -> str:
    """ "Direction uncertain …" when the fact diff's roles rest on weak evidence; for an
    independent pair, that its facts are no diff of reuse; else ""."""
    fd = c.facts
    letters = {0: "A", 1: "B"}
    src, der = letters.get(fd.source_doc, "?"), letters.get(fd.derived_doc, "?")
    if c.verdict == "independent":
        if not (fd.changed or fd.added or fd.dropped):
            return ""
        note = (
            f"No reuse found: the facts below are each text's own, listed as if {der} were"
            f" written from {src}. They are changes only if you know it was."
        )
        shared = sum(1 for k in fd.kept if k.kind in SPECIFIC_KINDS)
        if shared >= SHARED_SPECIFIC:
            note += (
                f" Still, {der} repeats {shared} of {src}'s figures, dates and quotations:"
                f" it may restate {src} in its own words, or both may report one source."
            )
        return note
    if c.source in (0, 1) and c.confidence >= SURE:
        return ""
    if not (fd.changed or fd.added or fd.dropped):
        return ""  # nothing to read backwards
    return (
        f"Direction uncertain (confidence {c.confidence:.2f}): {src} is read as the source;"
        f" if {der} is, read each change backwards."
    )


SPECIFIC_KINDS = frozenset({"number", "date", "quote"})
"""Facts specific enough that two texts sharing many of them share a source."""
SHARED_SPECIFIC = 4
"""From this many such facts kept, the note on an independent pair says so: a rewrite into
another genre keeps a source's figures and quotations while changing all its wording."""


_SENTENCE_END = re.compile(r"[.!?](?=[\s\"'”’)\]]|$)|\n\s*\n|\n")
_KEEP_AROUND = 4  # unchanged words kept on each side of an edit in a word diff
_KEEP_OUTER = 3  # and at the start and end of the text


@lru_cache(maxsize=8)
def _line_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in re.finditer("\n", text)))


def line_of(text: str, pos: int) -> int:
    """The 1-based line number of character ``pos`` of ``text``."""
    return bisect.bisect_right(_line_starts(text), max(pos, 0))


_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "sen",
        "gen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "sgt",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "approx",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
    ]
)
"""Words that end in a full stop without ending a sentence ("Dr. Helen Marsh")."""


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    if m.group() != ".":
        return True
    k = m.start()
    j = k
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:k].lower()
    return not (word in _ABBREVIATIONS or len(word) == 1)


_LOOK_BACK = 2000  # how far before a fact its sentence's start is looked for


def _sentence_bounds(text: str, span: Span) -> Span:
    s, e = span
    lo = max(0, s - _LOOK_BACK)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, s):
        if _ends_sentence(text, m):
            start = m.end()
    end = len(text)
    for m in _SENTENCE_END.finditer(text, e):
        if _ends_sentence(text, m):
            end = m.end() if m.group().strip() else m.start()
            break
    return start, end


def _sentences(text: str) -> list[Span]:
    """The sentences of ``text`` in one pass (the same breaks as :func:`in_sentence`)."""
    out = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if not _ends_sentence(text, m):
            continue
        end = m.end() if m.group().strip() else m.start()
        if end > start:
            out.append((start, end))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def in_sentence(text: str, span: Span, limit: int) -> str:
    """The sentence of ``text`` around ``span``, whitespace collapsed, the fact in
    brackets, cut to about ``limit`` characters around the fact ("…" where cut)."""
    before, fact, after = sentence_parts(text, span, limit)
    return f"{before}[{fact}]{after}".strip()


def sentence_parts(text: str, span: Span, limit: int) -> tuple[str, str, str]:
    """:func:`in_sentence` in three parts: the words before the fact (with the space
    after them where the text has one), the fact, the words after it."""
    s, e = span
    a, b = _sentence_bounds(text, span)
    before = " ".join(text[a:s].split())
    fact = " ".join(text[s:e].split())
    after = " ".join(text[e:b].split())
    room = max(limit - len(fact) - 2, 10)
    left = room // 2
    right = room - min(left, len(before))
    left = room - min(right, len(after))
    if len(before) > left:
        kept = before[len(before) - left + 1 :]
        if " " in kept and not before[len(before) - left].isspace():
            kept = kept[kept.index(" ") :]  # no word cut in two
        before = "…" + kept.lstrip()
    if len(after) > right:
        kept = after[: right - 1]
        if " " in kept and after[right - 1 : right].strip():
            kept = kept[: kept.rindex(" ")]
        after = kept.rstrip() + "…"
    # A space where the text has one (a closing quotation mark before the fact keeps it).
    sep_b = " " if before and s > 0 and text[s - 1].isspace() else ""
    sep_a = " " if after and e < len(text) and text[e].isspace() else ""
    return before.lstrip() + sep_b, fact, sep_a + after.rstrip()


def word_edits(old: str, new: str) -> list[tuple[str, str]]:
    """``new`` as an edit of ``old``, word by word: ``("same", words)``, ``("cut", words
    of old left out)``, ``("added", new words)``, in order; long unchanged runs shortened
    to their ends ("…"). Letter case and the punctuation at a word's edges aside."""
    a, b = old.split(), new.split()
    norm = [w.strip(".,;:!?\"'“”‘’").lower() for w in a]
    normb = [w.strip(".,;:!?\"'“”‘’").lower() for w in b]
    out: list[tuple[str, str]] = []
    ops = difflib.SequenceMatcher(a=norm, b=normb, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            words = b[j1:j2]
            head = _KEEP_OUTER if k == 0 else _KEEP_AROUND
            tail = _KEEP_OUTER if k == len(ops) - 1 else _KEEP_AROUND
            if len(words) > head + tail + _KEEP_AROUND:
                words = [*words[:head], "…", *words[len(words) - tail :]]
            if words:
                out.append(("same", " ".join(words)))
            continue
        if i2 > i1:
            out.append(("cut", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", " ".join(b[j1:j2])))
    return out


def word_diff(old: str, new: str, limit: int) -> str:
    """``new`` as an edit of ``old`` (:func:`word_edits`) in one line: unchanged words
    plain, words of ``old`` left out as ``[cut: …]``, new words as ``[added: …]``. Cut
    to ``limit`` characters."""
    parts = [text if op == "same" else f"[{op}: {text}]" for op, text in word_edits(old, new)]
    out = " ".join(p for p in parts if p)
    if len(out) > limit:
        out = out[: max(limit - 1, 1)].rstrip() + "…"
    return out


NEW_SENTENCE_MIN_CHARS = 40
NEW_SENTENCE_MAX_COVERED = 0.2


def unmatched_sentences(text: str, spans: list[Span], page: list[Span]) -> list[Span]:
    """The sentences of ``text`` with (almost) nothing inside the reused ``spans``: what a
    derived text says that its source does not, where additions live. Sentences of at
    least :data:`NEW_SENTENCE_MIN_CHARS` characters, at most
    :data:`NEW_SENTENCE_MAX_COVERED` of them reused, none inside the page's furniture
    (``page``: bylines, counters)."""
    covered = bytearray(len(text))
    for s, e in spans:
        covered[max(s, 0) : max(e, 0)] = b"\x01" * (max(e, 0) - max(s, 0))
    furniture = bytearray(len(text))
    for s, e in page:
        furniture[s:e] = b"\x01" * (e - s)
    out: list[Span] = []
    for s, e in _sentences(text):
        a, b = s, e
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        new = (
            b - a >= NEW_SENTENCE_MIN_CHARS
            and furniture.find(1, a, b) == -1
            and covered[a:b].count(1) <= NEW_SENTENCE_MAX_COVERED * (b - a)
        )
        if new:
            out.append((a, b))
    return out


def _stated_spans(c: Comparison) -> list[Span]:
    """Where the derived text's whole statements stand: its added claims and the new
    side of its replaced statements (listed with the fact changes already)."""
    fd = c.facts
    said = [f for f in fd.added if f.kind == STATEMENT_KIND]
    said += [k.derived for k in fd.changed if k.label == "restated"]
    return [f.span for f in said if f.doc == fd.derived_doc]


def new_sentences(c: Comparison) -> tuple[list[Span], list[Span]]:
    """The derived text's sentences with no counterpart in the source (where additions
    the fact list may miss stand; page furniture left out), when there is reuse at all:
    all of them, and those to list, the ones holding no statement the fact changes list
    already. Shared by the text and the HTML report."""
    fd = c.facts
    d = fd.derived_doc
    if c.verdict == "independent" or d not in (0, 1):
        return [], []
    text = c.documents[d].text
    spans = [sp for p in c.passages for sp in p.spans[d]]
    found = unmatched_sentences(text, spans, furniture_spans(text))
    stated = _stated_spans(c)
    shown = [(s, e) for s, e in found if not any(a < e and s < b for a, b in stated)]
    return found, shown
