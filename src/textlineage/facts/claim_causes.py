"""A cause made stronger or weaker: what one text gives as one cause among others, or as
a partial one ("the storm contributed to the delays", "mostly because of the new road"),
the other gives as the cause ("the storm caused the delays", "blames the new road"), or
the reverse.

Causal wording is read on a two-step scale. A share in a cause: a verb of contribution
("contribute to", "play a part in", "be a factor in") or a causal phrase under an adverb
of degree ("partly because of", "largely due to", "in part thanks to"). The cause itself:
a causal verb ("cause", "lead to", "result in", "trigger"), attribution ("blame", "be
responsible for") or a causal phrase alone ("because of", "due to", "owing to").

Two sentences, one in each text, are paired when each holds wording of one step, the
other step is absent from it, and they are about the same thing: two content words of the
sentences shared, one of them within a few words of the causal wording on both sides (what
was caused, or the cause). Numbers, dates and quotations are left to their own diff: the
words read stop at them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.normalise import tokenize
from ..text.segment import split_sentences
from ..types import FactLink
from .claim_near_none import near_none
from .claim_open import settled_questions
from .claim_rules import AUX, Shape, verb_stem
from .items import Item, Result
from .match_claims import (
    _MAX_TOKENS,
    _blocked,
    _clauses,
    _links,
    _overlaps,
    _Side,
    _side,
    add_links,
)

Span = tuple[int, int]

PARTIAL = 1
FULL = 2
_NAMES = {PARTIAL: "a cause among others", FULL: "the cause"}


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _phrases(text: str) -> list[tuple[str, ...]]:
    return [tuple(p.split()) for p in text.split(",")]


SHARE_PHRASES = _phrases(
    """contribute to, contributes to, contributed to, contributing to, contributor to,
    a factor in, a contributing factor, play a part in, plays a part in, played a part in,
    playing a part in, play a role in, plays a role in, played a role in, playing a role in"""
)
"""Wording that gives a share in a cause."""
CAUSE_PHRASES = _phrases(
    """cause, causes, caused, causing, blame, blames, blamed, blaming, because of, due to,
    owing to, thanks to, led to, leads to, leading to, resulted in, results in, resulting in,
    result of, triggered, triggers, responsible for"""
)
"""Wording that gives the cause itself."""
DEGREE_ADVERBS = _set(
    """partly partially largely mostly mainly chiefly primarily predominantly principally
    substantially somewhat"""
)
"""Adverbs that make a cause one part of what happened ("partly because of")."""
_IN_PART = ("in", "part")
_NOT_AFTER = frozenset({"a", "an", "good", "just", "worthy", "common", "lost", "root"})
"""Words before "cause" that make it a noun of another sense ("a good cause")."""
_BOUNDARIES = _set("and but or while whereas which who where when")
_REACH = 6  # words after the causal wording (and before it) read as what it is about
_MIN_LEN = 4  # letters of a content word
_MIN_SHARED = 2  # content words the two sentences must share
ATTRIBUTING = _set("attribute attributes attributed attributing")
"""Verbs that give a cause with "to" after what was caused ("attributed the fall to the
storm"; "attributed the fall partly to the storm": a share in it)."""
_ATTRIBUTED_REACH = 7  # words from such a verb to its "to"
_BLAME = _set("blame blames blamed blaming")
_BLAME_REACH = 10  # words from "blame" to the "for" of what it blames the cause for
_AFTER_FOR = 4  # words after that "for" read as what was caused
_FIRST = frozenset(p[0] for p in (*SHARE_PHRASES, *CAUSE_PHRASES)) | ATTRIBUTING
_NOT_CONTENT = _set(
    """the this that these those there their them they with from into over under about
    after before during than also said says told according which what when where while
    more most less much many some such only very just even still then"""
)


def _content(w: str) -> bool:
    return w.isalpha() and len(w) >= _MIN_LEN and w not in _NOT_CONTENT and w not in AUX


def _markers(words: Sequence[str]) -> list[tuple[int, int, int]]:
    """(start, end, step) of each causal wording of a sentence (end exclusive; the start
    takes in an adverb of degree in front)."""
    out: list[tuple[int, int, int]] = []
    for i, w in enumerate(words):
        if w not in _FIRST:
            continue
        if w in ATTRIBUTING:
            out += _attributed(words, i)
            continue
        for phrases, step in ((SHARE_PHRASES, PARTIAL), (CAUSE_PHRASES, FULL)):
            hit = next((p for p in phrases if tuple(words[i : i + len(p)]) == p), None)
            if hit is None:
                continue
            if hit[0] == "cause" and i and words[i - 1] in _NOT_AFTER:
                break
            lo = i
            if step == FULL and i and words[i - 1] in DEGREE_ADVERBS:
                lo, step = i - 1, PARTIAL
            elif step == FULL and tuple(words[max(0, i - 2) : i]) == _IN_PART:
                lo, step = i - 2, PARTIAL
            out.append((lo, i + len(hit), step))
            break
    return out


def _attributed(words: Sequence[str], i: int) -> list[tuple[int, int, int]]:
    """The causal wording of an attributing verb at ``i``: up to its "to", a share when an
    adverb of degree stands before the verb or the "to"; none without a "to"."""
    end = min(len(words), i + 1 + _ATTRIBUTED_REACH)
    to = next((m for m in range(i + 1, end) if words[m] == "to"), None)
    if to is None or any(words[m] in _BOUNDARIES for m in range(i + 1, to)):
        return []
    partial = words[to - 1] in DEGREE_ADVERBS or (i > 0 and words[i - 1] in DEGREE_ADVERBS)
    return [(i, to + 1, PARTIAL if partial else FULL)]


def _window(
    words: Sequence[str], clause: Sequence[int], blocked: Sequence[bool], lo: int, hi: int
) -> tuple[int, int]:
    """The causal wording at ``lo:hi`` with up to :data:`_REACH` words after it in its
    clause, stopping at a blocked word or a word opening another clause; after "blame"
    the words run on past the "for" of what was caused ("blamed the state of the road
    for crashes at night")."""
    reach = _REACH
    if words[lo] in _BLAME:
        top = min(len(words), hi + _BLAME_REACH)
        at = next((m for m in range(hi, top) if words[m] == "for"), None)
        reach = _REACH if at is None else at - hi + 1 + _AFTER_FOR
    end = hi
    while (
        end < len(words)
        and end - hi < reach
        and clause[end] == clause[lo]
        and not blocked[end]
        and words[end] not in _BOUNDARIES
    ):
        end += 1
    return lo, end


def _near_stems(words: Sequence[str], clause: Sequence[int], lo: int, end: int) -> set[str]:
    start = lo
    while start > 0 and lo - start < _REACH and clause[start - 1] == clause[lo]:
        start -= 1
    return {verb_stem(w) for w in words[start:end] if _content(w)}


def _shared_stems(src: _Side, der: _Side) -> set[str]:
    return {verb_stem(w) for w in src.words if _content(w)} & {
        verb_stem(w) for w in der.words if _content(w)
    }


def _shared(src: _Side, der: _Side) -> int:
    return len(_shared_stems(src, der))


def cause_shapes(src: _Side, der: _Side) -> list[Shape]:
    """The causes made stronger or weaker between two sentences (see the module's
    docstring), one a causal wording at most."""
    ma, mb = _markers(src.words), _markers(der.words)
    if not ma or not mb:
        return []
    steps_a, steps_b = {s for *_, s in ma}, {s for *_, s in mb}
    if steps_a == steps_b:
        return []
    shared = _shared_stems(src, der)
    if len(shared) < _MIN_SHARED:
        return []
    clauses = _clauses(src), _clauses(der)
    blocked = _blocked(src), _blocked(der)
    out: list[Shape] = []
    taken: set[int] = set()
    for lo, hi, si in ma:
        if si in steps_b or blocked[0][lo]:
            continue
        wa = _window(src.words, clauses[0], blocked[0], lo, hi)
        near_a = _near_stems(src.words, clauses[0], *wa) & shared
        for k, (lo_b, hi_b, sj) in enumerate(mb):
            if k in taken or sj in steps_a or sj == si or blocked[1][lo_b]:
                continue
            wb = _window(der.words, clauses[1], blocked[1], lo_b, hi_b)
            if not near_a & _near_stems(der.words, clauses[1], *wb):
                continue
            detail = "hedge_dropped" if sj > si else "hedge_added"
            a_said = " ".join(src.words[lo:hi])
            b_said = " ".join(der.words[lo_b:hi_b])
            note = f"'{a_said}' → '{b_said}': {_NAMES[si]} made {_NAMES[sj]}"
            out.append(Shape(wa, wb, "strength", detail, note))
            taken.add(k)
            break
    return out


def _sides(text: str, doc: int, read: Sequence[Span] | None, taken: list[Span]) -> list[_Side]:
    """The sentences of a text that hold causal wording (inside the parts read)."""
    spans = set(read or ((0, len(text)),))
    out = []
    for x in split_sentences(text):
        toks = tokenize(text, x.start, x.end)
        if not 0 < len(toks) <= _MAX_TOKENS or _FIRST.isdisjoint(t.norm for t in toks):
            continue
        if _overlaps((toks[0].start, toks[-1].end), spans):
            side = _side(text, doc, toks, taken)
            if _markers(side.words):
                out.append(side)
    return out


def diff_causes(
    texts: tuple[str, str],
    docs: tuple[int, int],
    items: tuple[Sequence[Item], Sequence[Item]],
    res: Result,
    read: tuple[Sequence[Span] | None, Sequence[Span] | None] = (None, None),
) -> None:
    """Add to ``res`` the causes made stronger or weaker between the sentences of two
    texts (claims already reported on a side left alone), after the approximate nones
    made none (:mod:`.claim_near_none`) and the open questions settled
    (:mod:`.claim_open`)."""
    taken = [
        [it.fact.span for it in side if it.cls in ("number", "date", "quote")] for side in items
    ]
    near_none(res, texts, docs)
    dated = [[it.fact.span for it in side if it.cls in ("number", "date")] for side in items]
    settled_questions(texts, docs, dated, res, read)
    sides = [_sides(texts[n], docs[n], read[n], taken[n]) for n in (0, 1)]
    if not sides[0] or not sides[1]:
        return
    claimed = (  # the claims reported (a name changed inside a cause's words is its own)
        {c.source.span for c in res.changed if c.kind == "claim" and c.source.doc == docs[0]},
        {c.derived.span for c in res.changed if c.kind == "claim" and c.derived.doc == docs[1]},
    )
    found: list[tuple[int, int, list[FactLink]]] = []
    for src in sides[0]:
        for der in sides[1]:
            shapes = cause_shapes(src, der)
            if shapes:
                found.append((-_shared(src, der), len(found), _links(src, der, shapes)))
    for *_, links in sorted(found):  # the sentences sharing most words first
        add_links(res, links, claimed)
