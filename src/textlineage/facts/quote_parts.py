"""The facts inside a quotation go with it.

A quotation is one fact with the names, figures and dates it holds. When a rewrite keeps
the quotation in other words, its figures kept are part of that change, not facts kept
beside it: "We urge relatives to check on them at least twice a day" → "urging relatives
to check on them twice a day" is one quotation turned into reported speech, and listing
"twice a day" as kept as well counts it twice.

So, once the diff is done:

- a kept fact inside both sides of a changed quotation is dropped from the kept list (the
  quotation's change shows it);
- a quotation reported dropped whose facts the derived text keeps (a figure or a date, or
  two facts of any kind), all in one sentence with no quotation of its own, is a quotation
  turned into reported speech: a change of wording from the quotation to that sentence
  (after its verb of speech: the speaker is a fact of its own), with its kept facts
  folded in;
- a fact reported dropped inside a changed quotation goes with the change;
- a sentence of a quotation reported dropped beside a sentence of it turned into reported
  speech, retold in the same paragraph, was put in reported speech too: one change.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..text.segment import split_sentences
from ..types import Fact, FactLink
from .items import Result
from .quote_sentences import reported_in

Span = tuple[int, int]

SPECIFIC = frozenset({"number", "date"})
"""Kinds of which one fact kept is enough to tie a quotation to the sentence retelling it."""
MIN_KEPT = 2
"""Facts of other kinds kept from a quotation that tie it to the sentence retelling it."""
NOTE = "quotation turned into reported speech"


def _within(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_of(sentences: Sequence[Span], span: Span) -> Span | None:
    return next((s for s in sentences if _within(span, s)), None)


def _trimmed(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".!?"):
        e -= 1
    return s, e


_SPEECH_RE = regex.compile(
    r"\b(?:says|said|say|told|tells|adds|added|explains|explained|argues|argued|warns|warned"
    r"|asks|asked|urges|urged|stresses|stressed|insists|insisted|notes|noted|admits|admitted"
    r"|confirms|confirmed|writes|wrote)"
    r"(?:\s+that)?[,\s]+",
    regex.IGNORECASE,
)
"""A verb of speech: what follows it retells what the speaker said."""


def _outside_quotes(sent: Span, spans: Sequence[Span], quoted: Sequence[Span]) -> Span | None:
    """The part of sentence ``sent`` around ``spans`` that no quotation of the derived
    text takes ("'…,' she said, urging relatives to …"), or None when one of ``spans``
    stands inside a quotation."""
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    start, end = sent
    for qs, qe in quoted:
        if not _overlaps(sent, (qs, qe)):
            continue
        if qs < hi and lo < qe:
            return None
        if qe <= lo:
            start = max(start, qe)
        else:
            end = min(end, qs)
    return start, end


def _told(text: str, sent: Span, spans: Sequence[Span]) -> Span:
    """The part of sentence ``sent`` that retells the quotation: after a verb of speech
    when one stands before the first of ``spans`` or the sentence's words go on past it
    (the speaker's name is a fact of its own), else the whole sentence."""
    lo = min(s for s, _ in spans)
    start = sent[0]
    for m in _SPEECH_RE.finditer(text, sent[0], sent[1]):
        if m.end() <= lo or not any(s < m.start() for s, _ in spans):
            start = m.end()
            break
    return _trimmed(text, (start, sent[1]))


def fold_quote_parts(res: Result, texts: tuple[str, str]) -> None:
    """Fold the facts inside quotations into them (see the module's docstring)."""
    _as_reported_speech(res, texts)
    _reported_together(res, texts)
    changed_quotes = [c for c in res.changed if c.kind == "quote"]
    if not changed_quotes:
        return
    res.kept[:] = [
        k
        for k in res.kept
        if not any(
            _within(k.source.span, q.source.span) and _within(k.derived.span, q.derived.span)
            for q in changed_quotes
        )
    ]
    # what a quotation changed holds is its change's, not dropped beside it
    res.dropped[:] = [
        f
        for f in res.dropped
        if f.kind == "quote" or not any(_within(f.span, q.source.span) for q in changed_quotes)
    ]


def _as_reported_speech(res: Result, texts: tuple[str, str]) -> None:
    """Each dropped quotation whose facts one derived sentence keeps, as a change into
    that sentence; its kept facts folded into the change."""
    dropped_quotes = [f for f in res.dropped if f.kind == "quote"]
    if not dropped_quotes:
        return
    sentences = [(x.start, x.end) for x in split_sentences(texts[1])]
    quoted = [
        *(f.span for f in res.added if f.kind == "quote"),
        *(k.derived.span for k in (*res.kept, *res.changed) if k.kind == "quote"),
    ]
    folded: set[int] = set()
    for q in dropped_quotes:
        inside = [k for k in res.kept if _within(k.source.span, q.span) and k.kind != "quote"]
        by_sentence: dict[Span, list[FactLink]] = {}
        for k in inside:
            sent = _sentence_of(sentences, k.derived.span)
            if sent is not None:
                by_sentence.setdefault(sent, []).append(k)
        best = max(by_sentence.items(), key=lambda kv: (len(kv[1]), -kv[0][0]), default=None)
        if best is None:
            continue
        sent, links = best
        if not any(k.kind in SPECIFIC for k in links) and len(links) < MIN_KEPT:
            continue
        spans = [k.derived.span for k in links]
        part = _outside_quotes(sent, spans, quoted)
        if part is None:
            continue  # the facts stand inside a quotation of the derived text
        span = _told(texts[1], part, spans)
        told = Fact("quote", texts[1][span[0] : span[1]], span, links[0].derived.doc)
        res.changed.append(FactLink("quote", q, told, NOTE, "wording"))
        res.dropped.remove(q)
        folded.update(id(k) for k in links)
    if folded:
        res.kept[:] = [k for k in res.kept if id(k) not in folded]


_QUOTE_MARKS = '"“”«»„'
_PARAGRAPH_BREAK_RE = regex.compile(r"\n[ \t]*\n")


def _reported_together(res: Result, texts: tuple[str, str]) -> None:
    """A sentence of a quotation reported dropped next to a sentence of the same quotation
    turned into reported speech, when the derived paragraph that retells the one retells
    the other too (:func:`~.quote_sentences.reported_in`): the whole quotation was put in
    reported speech, one change (the two sources and the sentences retelling them)."""
    told = [k for k, c in enumerate(res.changed) if c.kind == "quote" and c.note == NOTE]
    if not told:
        return
    gone: set[int] = set()
    for k in told:
        c = res.changed[k]
        for f in res.dropped:
            if f.kind != "quote" or id(f) in gone or not _same_quotation(texts[0], f, c.source):
                continue
            para = _paragraph_around(texts[1], c.derived.span)
            at = reported_in(f, texts[1], para)
            if at is None:
                continue
            speech = _SPEECH_RE.search(texts[1], *at)
            at = _trimmed(texts[1], (speech.end() if speech is not None else at[0], at[1]))
            src = _joined(texts[0], f.span, c.source.span, c.source)
            der = _joined(texts[1], at, c.derived.span, c.derived)
            c = res.changed[k] = FactLink("quote", src, der, NOTE, "wording")
            gone.add(id(f))
    if gone:
        res.dropped[:] = [f for f in res.dropped if id(f) not in gone]


def _same_quotation(text: str, a: Fact, b: Fact) -> bool:
    """Are two quote facts neighbouring sentences of one quotation: nothing but spaces and
    sentence punctuation between them?"""
    lo, hi = sorted((a.span, b.span))
    gap = text[lo[1] : hi[0]]
    return len(gap) <= 3 and not any(ch in _QUOTE_MARKS for ch in gap)


def _paragraph_around(text: str, span: Span) -> Span:
    a, b = 0, len(text)
    for m in _PARAGRAPH_BREAK_RE.finditer(text):
        if m.end() <= span[0]:
            a = m.end()
        elif m.start() >= span[1]:
            b = m.start()
            break
    return a, b


def _joined(text: str, a: Span, b: Span, like: Fact) -> Fact:
    s, e = min(a[0], b[0]), max(a[1], b[1])
    return Fact(like.kind, text[s:e], (s, e), like.doc, like.value)
