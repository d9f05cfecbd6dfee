"""A list of names summed up as a count: one fact changed, not a name dropped per item.

A rewrite that shortens often puts a count for a list: "from Leeds, York, Hull and Ripon"
becomes "from four towns". The diff reads each name of the list as dropped and the count as
added; a fact-checker reads one fact said less exactly (a change of specificity), right or
wrong as the count may be. So (:func:`sum_lists`): the names dropped side by side in one
source sentence, parted only by commas, "and", "or", "the" and capitalised words (a name's
first word the reader left out), at least :data:`MIN_ITEMS` of them, are one list; when
the derived sentence that retells that source sentence (a kept or changed link joins the
two) adds a count of a plural noun ("four towns", "3 clubs"), the list and the count are
one fact changed.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from ..text.segment import split_sentences
from ..types import Fact, FactLink
from .items import NAME_KINDS, Result

MIN_ITEMS = 2
"""The fewest names a list holds."""
_LIST_GAP_RE = regex.compile(
    r"(?:\G|(?<!\s))(?:\s*+,\s*|\s++(?:and|or|the|\p{Lu}\p{Ll}+)\s+|\s*+,\s*(?:and|or)\s+)"
    r"(?:(?:the|\p{Lu}\p{Ll}+)\s+)?",
    regex.V1,
)
"""What parts two names of one list: a comma or "and"/"or", with "the" or one capitalised
word beside it."""
MAX_GAP = 24
"""The longest gap (in characters) between two names of one list."""
_COUNT_RE = regex.compile(
    r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+\p{Ll}+s",
    regex.V1 | regex.IGNORECASE,
)
"""A count of a plural noun: "five towns", "12 clubs"."""


def _sentence_of(starts: Sequence[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1


def _lists(dropped: Sequence[Fact], text: str) -> list[list[Fact]]:
    """The runs of names dropped side by side, parted only by a list's gaps."""
    names = sorted((f for f in dropped if f.kind in NAME_KINDS), key=lambda f: f.span)
    runs: list[list[Fact]] = []
    for f in names:
        if runs:
            last = runs[-1][-1]
            a, b = last.span[1], f.span[0]
            if 0 < b - a <= MAX_GAP and _LIST_GAP_RE.fullmatch(text, a, b):
                runs[-1].append(f)
                continue
        runs.append([f])
    return [r for r in runs if len(r) >= MIN_ITEMS]


def sum_lists(res: Result, texts: tuple[str, str]) -> None:
    """Pair a list of names dropped with a count added in the derived sentence that retells
    the list's sentence, as one fact changed (see the module)."""
    counts = [f for f in res.added if f.kind == "number" and _COUNT_RE.fullmatch(f.text)]
    if not counts or len(res.dropped) < MIN_ITEMS:
        return
    source_text, derived_text = texts
    lists = _lists(res.dropped, source_text)
    if not lists:
        return
    src_starts = [s.start for s in split_sentences(source_text)]
    der_starts = [s.start for s in split_sentences(derived_text)]
    joined = {
        (_sentence_of(src_starts, k.source.span[0]), _sentence_of(der_starts, k.derived.span[0]))
        for k in (*res.kept, *res.changed)
    }
    for run in lists:
        i = _sentence_of(src_starts, run[0].span[0])
        if i != _sentence_of(src_starts, run[-1].span[0]):
            continue
        count = next(
            (c for c in counts if (i, _sentence_of(der_starts, c.span[0])) in joined), None
        )
        if count is None:
            continue
        a, b = run[0].span[0], run[-1].span[1]
        names = Fact(run[0].kind, source_text[a:b], (a, b), run[0].doc)
        note = f"{names.text} → {count.text}"
        res.changed.append(FactLink(run[0].kind, names, count, note, "specificity", "", False))
        counts.remove(count)
        res.added.remove(count)
        gone = {id(f) for f in run}
        res.dropped[:] = [f for f in res.dropped if id(f) not in gone]
