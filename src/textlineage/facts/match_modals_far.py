"""A claim's modality changed between two sentences the alignment did not pair: a
ticker's item rewording an advisory's sentence ("Travel could be very difficult to
impossible" → "Whiteout conditions will make travel impossible"). Inside a passage
:mod:`.match_claims` reads modality between the sentences it aligns; here any two
sentences of the parts read that no passage holds together are read, and only a change
across the whole scale counts (possible → certain or back, :data:`FAR_STEPS`): between
sentences not aligned a step of one is mostly another change ("expected in February" →
"will hold a vote in March" is the date's), unless the modal words govern the same verb on
both sides ("expect to reopen the gate" → "will reopen the gate": :func:`_same_verb`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.normalise import tokenize
from ..text.segment import split_sentences
from ..types import FactLink, Passage
from .claim_modals import MODAL_WORDS
from .claim_rules import verb_stem
from .claim_silence import silence_links
from .items import Item, Result
from .match_claims import _MAX_TOKENS, _links, _modal_shapes, _overlaps, _Side, _side, add_links
from .match_negations_far import diff_far_negations

Span = tuple[int, int]

FAR_STEPS = 2
"""Steps of modality a change between sentences not aligned must span."""


def _sides(text: str, doc: int, read: Sequence[Span] | None, taken: list[Span]) -> list[_Side]:
    spans = set(read or ((0, len(text)),))
    toks = [tokenize(text, x.start, x.end) for x in split_sentences(text)]
    built = (
        _side(text, doc, t, taken)
        for t in toks
        if 0 < len(t) <= _MAX_TOKENS and _overlaps((t[0].start, t[-1].end), spans)
    )
    return [x for x in built if not MODAL_WORDS.isdisjoint(x.words)]


def diff_far_modals(
    texts: tuple[str, str],
    docs: tuple[int, int],
    passages: Sequence[Passage],
    items: tuple[Sequence[Item], Sequence[Item]],
    res: Result,
    read: tuple[Sequence[Span] | None, Sequence[Span] | None] = (None, None),
) -> None:
    """Add to ``res`` the modality changes between sentences no passage pairs (numbers,
    dates and quotations blocked, spans already claimed left alone), then the negations
    and hedges of :mod:`.match_negations_far`, when some passage was aligned at all."""
    taken = [
        [it.fact.span for it in side if it.cls in ("number", "date", "quote")] for side in items
    ]
    if not any(p.languages is None for p in passages):
        return  # no reuse read: two texts on one subject say different things
    together = [
        (set(p.spans[docs[0]]), set(p.spans[docs[1]]))
        for p in passages
        if p.languages is None and all(0 <= d < len(p.spans) for d in docs)
    ]
    claimed = (
        {c.source.span for c in res.changed if c.source.doc == docs[0]},
        {c.derived.span for c in res.changed if c.derived.doc == docs[1]},
    )
    sides = [_sides(texts[n], docs[n], read[n], taken[n]) for n in (0, 1)]
    one_step: list[FactLink] = []  # read after the negations and hedges: they say it better
    for src in sides[0]:
        a = (src.tokens[0].start, src.tokens[-1].end)
        for der in sides[1]:
            b = (der.tokens[0].start, der.tokens[-1].end)
            if any(_overlaps(a, x) and _overlaps(b, y) for x, y in together):
                continue  # read by match_claims
            shapes = _modal_shapes(src, der, FAR_STEPS)
            add_links(res, _links(src, der, shapes), claimed)
            if not shapes:
                near = [
                    sh
                    for sh in _modal_shapes(src, der, 1)
                    if _same_verb(src.words, sh.src, der.words, sh.der)
                ]
                one_step += _links(src, der, near)
    diff_far_negations(texts, docs, taken, res, read)
    claimed = (
        {c.source.span for c in res.changed if c.source.doc == docs[0]},
        {c.derived.span for c in res.changed if c.derived.doc == docs[1]},
    )
    add_links(res, one_step + silence_links(texts, docs, taken[0]), claimed)


_LINKING = frozenset({"to", "be", "have", "been"})


def _verbs_after_modals(words: list[str], span: tuple[int, int]) -> set[str]:
    """The stems of the words right after each modal word of ``words[span]`` ("expect to
    contact": "contact"), linking words ("to", "be") skipped."""
    out = set()
    for k in range(*span):
        if words[k] not in MODAL_WORDS:
            continue
        m = k + 1
        while m < span[1] and words[m] in _LINKING:
            m += 1
        if m < span[1] and words[m].isalpha():
            out.add(verb_stem(words[m]))
    return out


_ONE_SENSE = (
    "remain stay",
    "begin start commence",
    "finish complete",
    "close shut",
    "receive get",
    "rise increase climb",
    "fall drop decline",
    "need require",
    "help assist",
    "buy purchase",
)
"""Verbs of one sense: a rewrite puts one for another ("remain on the slipway" / "stay on
the slipway")."""
_SENSE = {verb_stem(w): n for n, ws in enumerate(_ONE_SENSE) for w in ws.split()}


def _same_verb(a: list[str], sa: tuple[int, int], b: list[str], sb: tuple[int, int]) -> bool:
    """Do the modal words of the two claims govern the same verb (or verbs of one sense,
    :data:`_ONE_SENSE`)?"""
    va, vb = _verbs_after_modals(a, sa), _verbs_after_modals(b, sb)
    return bool(va & vb) or bool({_SENSE.get(v) for v in va} & {_SENSE.get(v) for v in vb} - {None})
