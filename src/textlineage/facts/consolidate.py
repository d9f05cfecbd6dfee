"""One fact reported once, paired with the right mention: a last pass over the result.

The matching rules run one after another, each pairing what the ones before left over, so
one mention can end in two reports and a change can take a mention that a later rule would
have paired better. This pass looks at the whole result once:

- A figure or a date that a kept link reports is not changed too: a changed link of a
  figure or a date whose source mention (or derived mention) a kept link of a figure or a
  date already holds is a second reading of one mention, and goes
  (:func:`drop_relinked`).
- A fact dropped (added) inside the source (derived) side of a kept or changed link is part
  of a fact already reported, not a fact of its own (:func:`drop_contained`); so is a
  person named again by the last words of a name a link holds (:func:`drop_name_parts`).
- A changed figure or date is paired with the derived mention of the sentence that says
  the same thing: when the derived sentence of a change shares fewer content words with the
  source sentence than the sentence of an added mention written with the source's digits
  only ("by autumn 2033" against "in 2033"), the change takes that mention, and the one
  it held is added (:func:`repair_changes`).
- A sentence dropped whole is one statement lost: the facts dropped in one source sentence
  that keeps no fact (none kept or changed there) and that no derived sentence retells (half
  its content words in one derived sentence) are one fact, reaching from the first to the
  last (:func:`join_dropped_sentences`); a rank ("first") stays apart. Not across a new clause ("..., and buyers
  are due", nor after a date opening the sentence: "In 1998, ..."), and not when it would
  join two figures, two organisations or a person: a sentence of two counts says two
  things, and a name of a person or a body is checked on its own.
- A name put for another in one frame of a retold sentence is one name changed
  (:func:`~.swaps.pair_swaps`); a reason or a purpose cut from the end of a retold
  sentence is a claim dropped (:func:`~.clause_tails.dropped_tails`).
- Figures dropped (added) apart that a slash or a dash joins into one written token
  ("2019/20") are one fact (:func:`join_split_tokens`).
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence

import regex

from ..text.features import span_terms
from ..text.segment import split_sentences
from ..types import Fact, FactLink, Span
from .clause_tails import dropped_tails
from .dropped_once import report_once
from .items import Result
from .list_counts import sum_lists
from .person_forms import one_change_per_mention
from .swaps import pair_swaps

_MEASURES = ("number", "date")
_WHOLE = ("claim", "quote")
"""Kinds that are a statement already: never joined into a larger fact."""


def drop_relinked(res: Result) -> None:
    """Drop the changed links of a figure or a date whose source or derived mention a kept
    link of a figure or a date holds."""
    src = {k.source.span for k in res.kept if k.kind in _MEASURES}
    der = {k.derived.span for k in res.kept if k.kind in _MEASURES}
    res.changed[:] = [
        c
        for c in res.changed
        if c.kind not in _MEASURES or (c.source.span not in src and c.derived.span not in der)
    ]


def _within(span: Span, ranges: Sequence[Span], starts: Sequence[int]) -> bool:
    """Does a range of ``ranges`` (sorted, ``starts`` their starts) hold ``span``, larger
    than it?"""
    k = bisect.bisect_right(starts, span[0])
    return any(s <= span[0] and span[1] <= e and (s, e) != span for s, e in ranges[:k])


def drop_contained(res: Result) -> None:
    """Drop the dropped (added) facts that stand inside the source (derived) side of a
    kept or changed link."""
    links = (*res.kept, *res.changed)
    for left, spans in (
        (res.dropped, sorted({k.source.span for k in links})),
        (res.added, sorted({k.derived.span for k in links})),
    ):
        if not spans or not left:
            continue
        starts = [s for s, _ in spans]
        left[:] = [f for f in left if not _within(f.span, spans, starts)]


_DIGITS_RE = regex.compile(r"\d+")
MIN_SHARED = 3
"""Content words a source and a derived sentence must share for a change to move to it."""


class _Sentences:
    """A text's sentences (their starts) and their content terms, read when asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sents = split_sentences(text)
        self.starts = [s.start for s in self.sents]
        self._terms: dict[int, Counter[str]] = {}

    def terms(self, i: int) -> Counter[str]:
        """The content terms of sentence ``i``."""
        c = self._terms.get(i)
        if c is None:
            s = self.sents[i]
            c = self._terms[i] = _terms(self.text, (s.start, s.end))
        return c

    def around(self, f: Fact) -> Counter[str]:
        """The content terms of the sentence of ``f``, those of ``f`` left out."""
        if not self.sents:
            return Counter()
        i = max(0, bisect.bisect_right(self.starts, f.span[0]) - 1)
        return self.terms(i) - _terms(self.text, f.span)


def _terms(text: str, span: Span) -> Counter[str]:
    return span_terms(text, span[0], span[1])


def _digits(f: Fact) -> set[str]:
    return set(_DIGITS_RE.findall(f.text))


def repair_changes(res: Result, texts: tuple[str, str]) -> None:
    """Move a changed figure or date to the added mention of its kind, written with the
    source's digits only, whose sentence shares more content words with the source's
    sentence (at least :data:`MIN_SHARED`, and more than any other such mention); the
    mention the change held is added."""
    added = [f for f in res.added if f.kind in _MEASURES and _digits(f)]
    if not added or not any(c.kind in _MEASURES for c in res.changed):
        return
    src, der = _Sentences(texts[0]), _Sentences(texts[1])

    def shared(s: Fact, d: Fact) -> int:
        return len(src.around(s).keys() & der.around(d).keys())

    for i, link in enumerate(res.changed):
        s = link.source
        digits = _digits(s)
        if link.kind not in _MEASURES or not digits:
            continue
        fits = [a for a in added if a.kind == s.kind and _digits(a) <= digits]
        if not fits:
            continue
        now = shared(s, link.derived)
        scored = sorted(
            ((n, a) for a in fits if (n := shared(s, a)) >= MIN_SHARED and n > now),
            key=lambda t: -t[0],
        )
        if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            continue
        a = scored[0][1]
        label = "specificity" if link.kind == "date" else "value"
        note = f"{s.text} → {a.text}"
        res.changed[i] = FactLink(link.kind, s, a, note, label, "", False)
        added.remove(a)
        res.added.remove(a)
        res.added.append(link.derived)


MAX_JOINED = 4
"""The most dropped facts of one sentence joined into one."""
_JOINED_KINDS = frozenset({"number", "date", "place", "entity", "organisation"})
_AT_MOST = {"number": 1, "organisation": 1}
"""Of these kinds, a joined fact holds at most so many parts: two counts are two things
said, and a body is checked on its own."""
_CLAUSE_RE = regex.compile(
    r";|\b(?:and|but|or|while|whereas)\s+"
    r"(?!(?:the|a|an|of|in|at|on|from|to|its|their|his|her)\b)\p{Ll}"
)
"""A gap that opens a new clause: a semicolon, or a conjunction before a lower-case word
other than an article, a preposition or a possessive ("and buyers are due", not "and the
coast")."""


_OPENER_RE = regex.compile(r"(?:^|[.!?\n])\s*\p{Lu}\p{L}*\s*$")
"""What stands before a date that opens its sentence after one word ("In 2019, ...")."""


def _opening(prev: Sequence[Fact], f: Fact, text: str) -> bool:
    """Is ``prev`` a date opening its sentence ("In 2019, 40 kilns were sold"), set off
    by a bare comma from ``f``: an opening phrase, then the clause (as in :mod:`.together`)?"""
    first = prev[0]
    return (
        len(prev) == 1
        and first.kind == "date"
        and text[first.span[1] : f.span[0]].strip() == ","
        and _OPENER_RE.search(text, max(0, first.span[0] - 40), first.span[0]) is not None
    )


_ORDINAL_RE = regex.compile(r"(?:\G|(?<!\d))\d++(?:st|nd|rd|th)")
"""The value of an ordinal ("first", "3rd"): a rank, read apart from the facts beside it."""


def _segments(parts: list[Fact], text: str) -> list[list[Fact]]:
    """``parts`` (in text order) cut where the gap between two opens a new clause, or
    after an opening date."""
    out = [[parts[0]]]
    for f in parts[1:]:
        if _CLAUSE_RE.search(text, out[-1][-1].span[1], f.span[0]) or _opening(out[-1], f, text):
            out.append([f])
        else:
            out[-1].append(f)
    return out


def _joinable(parts: Sequence[Fact]) -> bool:
    kinds = Counter(f.kind for f in parts)
    return (
        1 < len(parts) <= MAX_JOINED
        and kinds.keys() <= _JOINED_KINDS
        and all(kinds[k] <= n for k, n in _AT_MOST.items())
    )


RETOLD_SHARE = 0.5
"""The share of a source sentence's content words that one derived sentence repeats for the
source sentence to be read as retold there, not dropped whole."""


def _retold(i: int, src: _Sentences, der: _Sentences, index: dict[str, list[int]]) -> bool:
    """Does one derived sentence repeat :data:`RETOLD_SHARE` of source sentence ``i``'s
    content words?"""
    terms = src.terms(i)
    if not terms:
        return False
    hits: Counter[int] = Counter()
    for w in terms:
        hits.update(index.get(w, ()))
    return bool(hits) and max(hits.values()) >= RETOLD_SHARE * len(terms)


def join_dropped_sentences(res: Result, texts: tuple[str, str]) -> None:
    """Join the facts dropped in one clause of a source sentence that keeps no fact (and
    drops no claim or quotation, a statement of its own, and that no derived sentence
    retells: :data:`RETOLD_SHARE`) into one dropped fact (of the kind of its first figure or date, else of its first part)."""
    if len(res.dropped) < 2:
        return
    source_text = texts[0]
    src = _Sentences(source_text)  # split once: its terms are read below, when asked for
    sents, starts = src.sents, src.starts

    def sentence(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    busy = {sentence(k.source.span[0]) for k in (*res.kept, *res.changed)}
    busy.update(sentence(f.span[0]) for f in res.dropped if f.kind in _WHOLE)
    by_sentence: dict[int, list[Fact]] = {}
    out: list[Fact] = []
    for f in res.dropped:
        i = sentence(f.span[0])
        if i < 0 or i in busy or f.span[1] > sents[i].end or _ORDINAL_RE.fullmatch(f.value):
            out.append(f)
        else:
            by_sentence.setdefault(i, []).append(f)
    for i in [i for i, p in by_sentence.items() if len(p) == 1]:
        out.extend(by_sentence.pop(i))
    if by_sentence:
        der = _Sentences(texts[1])
        index: dict[str, list[int]] = {}
        for j in range(len(der.sents)):
            for w in der.terms(j):
                index.setdefault(w, []).append(j)
        for i in [i for i in by_sentence if _retold(i, src, der, index)]:
            out.extend(by_sentence.pop(i))
    for parts in by_sentence.values():
        for seg in _segments(sorted(parts, key=lambda f: f.span), source_text):
            if not _joinable(seg):
                out.extend(seg)
                continue
            a, b = seg[0].span[0], max(f.span[1] for f in seg)
            kind = next((f.kind for f in seg if f.kind in _MEASURES), seg[0].kind)
            out.append(Fact(kind, source_text[a:b], (a, b), seg[0].doc))
    res.dropped[:] = out


def consolidate(
    res: Result, texts: tuple[str, str], *, across: bool = False, source_doc: int = 0
) -> None:
    """The last pass (see the module's rules); a translation is only checked for
    mentions reported twice (its sentences share no words to pair or join by)."""
    drop_relinked(res)
    drop_contained(res)
    drop_name_parts(res)
    one_change_per_mention(res)
    if not across:
        repair_changes(res, texts)
        pair_swaps(res, texts)
        join_dropped_sentences(res, texts)
        join_split_tokens(res, texts)
        sum_lists(res, texts)
        report_once(res, texts)
        dropped_tails(res, texts, source_doc)


def drop_name_parts(res: Result) -> None:
    """Drop a person dropped (added) whose words end the name of a person a kept or
    changed link holds on that side ("Pressick" beside "Tova Pressick"): the same person, named
    again, already reported."""
    links = [k for k in (*res.kept, *res.changed) if k.kind == "person"]
    for left, names in (
        (res.dropped, [k.source.text.split() for k in links]),
        (res.added, [k.derived.text.split() for k in links]),
    ):
        tails = {tuple(w[i:]) for w in names for i in range(1, len(w))}
        left[:] = [f for f in left if f.kind != "person" or tuple(f.text.split()) not in tails]


_JOINT_RE = regex.compile(r"[/\u2013-]")
"""What joins two figures into one written token: "2019/20", "2019-20", "9–5"."""


def join_split_tokens(res: Result, texts: tuple[str, str]) -> None:
    """Join the figures and dates dropped (added) apart that one slash or dash joins into
    one written token ("2019/20" read as a year and a number): one fact, reported once."""
    for left, text in ((res.dropped, texts[0]), (res.added, texts[1])):
        parts = sorted((f for f in left if f.kind in _MEASURES), key=lambda f: f.span)
        for f, g in itertools.pairwise(parts):
            if f not in left or g not in left:
                continue
            gap = text[f.span[1] : g.span[0]]
            if not _JOINT_RE.fullmatch(gap) or not (
                text[f.span[1] - 1].isdigit() and text[g.span[0]].isdigit()
            ):
                continue
            a, b = f.span[0], g.span[1]
            left[left.index(f)] = Fact(f.kind, text[a:b], (a, b), f.doc)
            left.remove(g)
