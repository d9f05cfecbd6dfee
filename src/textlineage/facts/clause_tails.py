"""A reason, a purpose or what follows cut from the end of a retold sentence is a claim
dropped.

A retelling often keeps a sentence's statement and leaves out the adjunct clause that ends
it: why ("..., because the roots rot in wet soil") or what for ("..., to keep the paths
clear"). The statement is kept, so no rule that reads a sentence dropped whole sees the
loss; yet the reason or the purpose is a claim of its own, which a fact-checker would miss.

A source sentence is retold when one derived sentence holds :data:`RETOLD_SHARE` of its
content words (and :data:`MIN_SHARED` at least). Its tail is the clause after its last
comma when that clause opens with a subordinator of reason, purpose or condition (a list a
grammar gives: "because", "since", "so that", "in order to", "to" + verb, "unless",
"provided that"), or with "followed by" (what came or comes next, an event of its own:
"..., followed by a reception"), and runs to the sentence's end. The tail is dropped when
it has two content words at least and none of them is in the retelling sentence or the
sentences either side of it, and no fact reported already overlaps it. English only.
"""

from __future__ import annotations

from collections import Counter

import regex

from ..text.features import span_terms
from ..text.normalise import fold
from ..text.segment import split_sentences
from ..types import Fact, Span
from .forms import collapse
from .items import Result

MIN_SHARED = 3
"""Content words a source sentence and its retelling share at least."""
RETOLD_SHARE = 0.5
"""The share of a source sentence's content words (its tail's aside) its retelling holds."""
MIN_TAIL = 2
"""Content words a tail must hold to be a claim of its own."""
_TAIL_RE = regex.compile(
    r",[ \u00a0]+(?P<tail>(?:because|since|unless|so[ \u00a0]+that|in[ \u00a0]+order[ \u00a0]+to"
    r"|so[ \u00a0]+as[ \u00a0]+to|provided[ \u00a0]+that|followed[ \u00a0]+by"
    r"|to[ \u00a0]+(?!be\b|the\b|a\b|an\b)\p{Ll}+)"
    r"\b[^,;:()\"“”!?.]*)[.!][\"”’)]*[ \u00a0]*$"
)
"""The last clause of a sentence, after a comma, opened by a subordinator of reason,
purpose or condition (or "to" before a verb: no article after it), or by "followed by"
(what comes next: an event of its own), to the full stop."""


def _terms(text: str, span: Span) -> Counter[str]:
    return span_terms(text, span[0], span[1])


def dropped_tails(res: Result, texts: tuple[str, str], doc: int) -> None:
    """Add to ``res.dropped`` the tails of retold source sentences that the retelling
    leaves out (see the module). ``doc``: the source's."""
    source_text, derived_text = texts
    tails = []
    for s in split_sentences(source_text):
        m = _TAIL_RE.search(source_text, s.start, s.end)
        if m is not None:
            tails.append((s.start, m.span("tail")))
    if not tails:
        return
    der = split_sentences(derived_text)
    der_terms = [_terms(derived_text, (d.start, d.end)) for d in der]
    index: dict[str, list[int]] = {}
    for j, terms in enumerate(der_terms):
        for w in terms:
            index.setdefault(w, []).append(j)
    reported = [f.span for f in res.dropped]
    reported += [k.source.span for k in (*res.kept, *res.changed)]
    for start, (a, b) in tails:
        b = a + len(source_text[a:b].rstrip())
        tail = _terms(source_text, (a, b)).keys()
        if len(tail) < MIN_TAIL or any(s < b and a < e for s, e in reported):
            continue
        head = _terms(source_text, (start, a)).keys()
        hits: Counter[int] = Counter(j for w in head for j in index.get(w, ()))
        if not hits:
            continue
        j, n = hits.most_common(1)[0]
        if n < MIN_SHARED or n < RETOLD_SHARE * len(head):
            continue
        near = set().union(*der_terms[max(0, j - 1) : j + 2])
        if tail & near:
            continue
        t = source_text[a:b]
        res.dropped.append(Fact("claim", t, (a, b), doc, collapse(fold(t))))
