"""Facts dropped or added together, in one phrase, reported as one fact.

A phrase often holds several figures that stand or fall together: a figure and its
restatement ("a loss of $18.4m, or $0.21 a share"), a count and its year ("1.1 million
passengers in 2024"), a part and its whole ("291 of the 296 councils"), a time and its day
("at 2.14am on Friday 25 September"), a change and its base ("6% lower than in the first
quarter"), two counts side by side ("9 judges and 4 clerks"). When the other text drops
the phrase, a reader has lost one statement, not three, and its pieces listed one by one
read as noise.

So dropped figures and dates (and added ones) that follow each other in one sentence,
with nothing between them but punctuation and a few linking words, are joined into one
fact reaching from the first to the last; so are two claims side by side. Names are left
apart: a list of places, or a person and the body they speak for, is read item by item
(annotators disagree on lists, and a name is checked on its own). A run is left apart
when the phrase goes on into a fact the other text kept or changed, and runs are short
(:data:`MAX_RUN`).

A list item is read the same way: an item ("- Library, Redmond: 12 May, 2pm to 6pm") that
the other text drops whole, with no fact of it kept or changed, is one statement lost, and
its place, day and hours are joined into one fact (:func:`join_items`), whatever their
kinds. Each item of the list still stands on its own, and a long line opened by a bullet
is prose, read phrase by phrase (:data:`MAX_ITEM_WORDS`).

Brackets hold one aside: the facts dropped inside one pair of round brackets, none kept or
changed there, are one fact ("(ratio 0.94; 95% CI 0.91-0.97)"), and a bracket that
glosses the fact just before it goes with that fact when both are dropped: "four coastal
towns (Arley, Brene and Cole)", "the Harlow Trust (grant HT-2021-77)" (:func:`join_brackets`);
names alone in brackets, glossing no fact dropped, are a list, read item by item.

A region written after a town to locate it ("Dayton, Ohio", "Hull, Quebec") goes with the
town: when the other text keeps the town, the region left off is no fact dropped (nor one
added when only the other text names it) (:func:`drop_locators`). A place after a comma is
read as a locator only when it closes the phrase (punctuation, a bracket opening an aside,
or a lower-case word follow it); in a list ("Ayr, Troon, Irvine", "Ayr,
Troon and Irvine") each place stands on its own.

A place (or another entity of no person or body) said a few words before a figure or a
date that the other text drops with it ("sent to Lorvik on 3 May", "readers in Norland
raised £900") tells where the figure's event happened: one fact with it
(:func:`fold_minor_names`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from ..types import Fact
from .items import NAME_KINDS, Result

Span = tuple[int, int]

MAX_RUN = 4
"""The most facts joined into one: a longer run is a list, reported item by item."""
MAX_GAP = 24
"""Characters between two facts of one phrase, at most."""

_GLUE_WORDS = (
    r"and|or|to|from|of|the|a|an|in|on|at|for|by|per|with|than|over|versus|vs|against"
    r"|up|down|higher|lower|more|less|fewer|greater|smaller|rise|fall|compared|previously"
)
_GLUE_RE = regex.compile(
    rf"(?:[\s,:()\u2013\u2014/]|-|(?:\b(?:{_GLUE_WORDS})\b))*",
    regex.IGNORECASE,
)
"""A gap made of punctuation inside a sentence and linking words only."""
_WORD_RE = regex.compile(r"\w+")
_KIND_ORDER = ("number", "date", "person", "organisation", "place", "entity")
"""The kind a joined fact takes: the first of these among its parts."""


def _glue(gap: str) -> bool:
    """A gap of linking words and punctuation; a bare comma is not one ("In 2019, 40
    schools closed": an opening phrase, then the clause)."""
    return (
        gap.strip() != ","
        and len(gap) <= MAX_GAP
        and "\n" not in gap
        and _GLUE_RE.fullmatch(gap) is not None
        and len(_WORD_RE.findall(gap)) <= 3
    )


_MEASURES = frozenset({"number", "date"})


def _joinable(run: Sequence[Fact]) -> bool:
    """Figures and dates join one another, and claims join claims; names stay apart (a
    list of places, a person and the body they speak for are read one by one)."""
    kinds = {f.kind for f in run}
    return kinds <= _MEASURES or kinds == {"claim"}


def _kind(parts: Sequence[Fact]) -> str:
    kinds = {f.kind for f in parts}
    return next((k for k in _KIND_ORDER if k in kinds), parts[0].kind)


def _runs(facts: Sequence[Fact], text: str, others: Sequence[Span]) -> list[list[Fact]]:
    """Facts in text order grouped into runs joined by glue; a run touching a fact of
    ``others`` (kept or changed) by glue is split back into its facts."""
    order = sorted(facts, key=lambda f: f.span)
    runs: list[list[Fact]] = []
    for f in order:
        last = runs[-1][-1] if runs else None
        if last is not None and last.span[1] <= f.span[0] and _glue(text[last.span[1] : f.span[0]]):
            runs[-1].append(f)
        else:
            runs.append([f])
    ends = sorted(others)
    out: list[list[Fact]] = []
    for run in runs:
        if len(run) < 2:
            out.append(run)
            continue
        start, end = run[0].span[0], run[-1].span[1]
        touches = any(
            (e <= start and _glue(text[e:start])) or (s >= end and _glue(text[end:s]))
            for s, e in ends
        )
        if touches or len(run) > MAX_RUN or not _joinable(run):
            out.extend([f] for f in run)
        else:
            out.append(run)
    return out


def _join(run: Sequence[Fact], text: str) -> Fact:
    if len(run) == 1:
        return run[0]
    start, end = run[0].span[0], run[-1].span[1]
    return Fact(_kind(run), text[start:end], (start, end), run[0].doc)


_ITEM_RE = regex.compile(
    r"(?:\G|(?<![ \t\u00a0]))[ \t\u00a0]*+(?:[-\u2013\u2014\u2022*\u00b7]|\d{1,3}[.)])[ \t\u00a0]+"
)
"""The marker opening a line of a list."""
MAX_ITEM_WORDS = 16
"""The most words in a list item joined whole: a longer line is prose with a bullet."""


def _item_line(text: str, span: Span) -> Span | None:
    """The line of a list item holding ``span``, or None when the line is not one."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    end = len(text) if end < 0 else end
    if (
        _ITEM_RE.match(text, start) is None
        or len(_WORD_RE.findall(text, start, end)) > MAX_ITEM_WORDS
    ):
        return None
    return start, end


def join_items(facts: Sequence[Fact], text: str, others: Sequence[Span]) -> list[Fact]:
    """Join the facts of each list item dropped (or added) whole into one fact, of the kind
    of its first fact (an item opens with what it is about); an item with a fact in
    ``others`` (kept or changed) is left apart."""
    lines: dict[Span, list[Fact]] = {}
    out: list[Fact] = []
    for f in facts:
        line = _item_line(text, f.span)
        if line is None:
            out.append(f)
        else:
            lines.setdefault(line, []).append(f)
    for (start, end), parts in lines.items():
        if len(parts) < 2 or any(start <= s < end for s, _ in others):
            out.extend(parts)
            continue
        parts = sorted(parts, key=lambda f: f.span)
        first, last = parts[0].span[0], max(f.span[1] for f in parts)
        out.append(Fact(parts[0].kind, text[first:last], (first, last), parts[0].doc))
    return out


MAX_ASIDE = 160
"""The most characters between a bracket and a fact inside it."""


def _bracket(text: str, span: Span) -> Span | None:
    """The round brackets (inside one line) holding ``span``, or None."""
    lo = max(0, span[0] - MAX_ASIDE)
    before = text[lo : span[0]]
    i = before.rfind("(")
    if i < 0 or ")" in before[i:] or "\n" in before[i:]:
        return None
    after = text[span[1] : span[1] + MAX_ASIDE]
    j = after.find(")")
    if j < 0 or "(" in after[:j] or "\n" in after[:j]:
        return None
    return lo + i, span[1] + j + 1


def join_brackets(facts: Sequence[Fact], text: str, others: Sequence[Span]) -> list[Fact]:
    """Join the facts dropped (or added) inside one pair of brackets with nothing of
    ``others`` there, and fold them into a fact of ``facts`` that the bracket follows."""
    groups: dict[Span, list[Fact]] = {}
    out: list[Fact] = []
    for f in facts:
        br = _bracket(text, f.span)
        if br is None or any(br[0] <= s < br[1] for s, _ in others):
            out.append(f)
        else:
            groups.setdefault(br, []).append(f)
    ends = {f.span[1]: f for f in out}
    for (open_at, _), parts in groups.items():
        parts = sorted(parts, key=lambda f: f.span)
        head_end = len(text[:open_at].rstrip())
        head = ends.get(head_end) if head_end >= open_at - 2 else None
        if head is not None:
            out.remove(head)
            parts = [head, *parts]
            del ends[head_end]
        elif len(parts) > 1 and all(f.kind in NAME_KINDS for f in parts):
            out.extend(parts)  # a list of names, glossing nothing dropped: item by item
            continue
        first, last = parts[0].span[0], max(f.span[1] for f in parts)
        out.append(Fact(parts[0].kind, text[first:last], (first, last), parts[0].doc))
    return out


_LOCATOR_GAP = ", "
_CLOSES_RE = regex.compile(r"[ \u00a0]*(?:[.;:()\]\n]|\Z|,?[ \u00a0]+(?!(?:and|or|nor)\b)\p{Ll})")
_NAMES = frozenset({"person", "place", "organisation", "entity"})


def drop_locators(facts: Sequence[Fact], text: str, kept: Sequence[Fact]) -> list[Fact]:
    """``facts`` without the places that locate a kept name just before them ("Ohio" of
    "Dayton, Ohio" when "Dayton" is kept); not when that name follows a place of its own
    (a list)."""
    ends = {f.span[1]: f for f in kept if f.kind in _NAMES}
    places = {f.span[1] for f in (*facts, *kept) if f.kind == "place"}
    out = []
    for f in facts:
        s, e = f.span
        head = ends.get(s - len(_LOCATOR_GAP))
        if (
            f.kind == "place"
            and head is not None
            and text.startswith(_LOCATOR_GAP, s - len(_LOCATOR_GAP))
            and _CLOSES_RE.match(text, e) is not None
            and head.span[0] - len(_LOCATOR_GAP) not in places
            and not text.startswith(" and", head.span[1] + 1)
        ):
            continue
        out.append(f)
    return out


_MINOR_NAMES = frozenset({"place", "entity"})
MAX_MINOR_GAP = 3
"""Words between a minor name and the figure it goes with, at most."""


def fold_minor_names(facts: Sequence[Fact], text: str, others: Sequence[Span]) -> list[Fact]:
    """``facts`` with each place or other entity that stands shortly before a figure or a
    date of ``facts`` in one phrase joined to it ("Samples went to Lorvik on 3 May": the
    place says where the dated event happened; one statement lost, not two). Only words
    stand between the two (:data:`MAX_MINOR_GAP` at most, on one line, no fact of
    ``others`` or of ``facts`` there). People and organisations stay apart: a name is
    checked on its own; so does a name right after a figure of its own phrase ("30 firms
    in Norland since 2021": the place qualifies the count as much as the date)."""
    order = sorted(facts, key=lambda f: f.span)
    starts = sorted(s for s, _ in others)
    out: list[Fact] = []
    skip: set[int] = set()
    for i, f in enumerate(order):
        if id(f) in skip:
            continue
        nxt = order[i + 1] if i + 1 < len(order) else None
        prev = order[i - 1] if i else None
        after_figure = (
            prev is not None and prev.kind in _MEASURES and _near(text, prev.span[1], f.span[0])
        )
        if (
            f.kind in _MINOR_NAMES
            and nxt is not None
            and nxt.kind in _MEASURES
            and not after_figure
        ):
            k = bisect.bisect_left(starts, f.span[1])
            if _near(text, f.span[1], nxt.span[0]) and not (
                k < len(starts) and starts[k] < nxt.span[0]
            ):
                span = (f.span[0], nxt.span[1])
                out.append(Fact(nxt.kind, text[span[0] : span[1]], span, nxt.doc))
                skip.add(id(nxt))
                continue
        out.append(f)
    return out


def _near(text: str, a: int, b: int) -> bool:
    """Are two facts, one ending at ``a`` and the other starting at ``b``, in one phrase:
    a few lower-case words between them on one line?"""
    gap = text[a:b]
    return (
        "\n" not in gap
        and _GAP_WORDS_RE.fullmatch(gap) is not None
        and len(_WORD_RE.findall(gap)) <= MAX_MINOR_GAP
    )


_GAP_WORDS_RE = regex.compile(r"[ \u00a0]+(?:[\p{Ll}]+[ \u00a0]+)*")
"""Lower-case words only between two facts: one phrase, no clause break."""


def join_together(res: Result, texts: tuple[str, str]) -> None:
    """Join the dropped facts, and the added ones, that stand together in one phrase or
    one list item, and minor names into the figures they stand before."""
    kept_src = [k.source.span for k in (*res.kept, *res.changed)]
    kept_der = [k.derived.span for k in (*res.kept, *res.changed)]
    res.dropped[:] = drop_locators(res.dropped, texts[0], [k.source for k in res.kept])
    res.added[:] = drop_locators(res.added, texts[1], [k.derived for k in res.kept])
    dropped = [_join(r, texts[0]) for r in _runs(res.dropped, texts[0], kept_src)]
    added = [_join(r, texts[1]) for r in _runs(res.added, texts[1], kept_der)]
    dropped = join_brackets(dropped, texts[0], kept_src)
    added = join_brackets(added, texts[1], kept_der)
    dropped = join_items(dropped, texts[0], kept_src)
    added = join_items(added, texts[1], kept_der)
    res.dropped[:] = fold_minor_names(dropped, texts[0], kept_src)
    res.added[:] = fold_minor_names(added, texts[1], kept_der)
