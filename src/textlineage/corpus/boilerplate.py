"""A site's boilerplate: the sentences its pages share as a template (mastheads, footers,
share prompts), found per site and blanked out before pairs are verified.

Pure functions, so that the local and the Spark engines find the same boilerplate:
:func:`document_sentences` is what each document contributes; :func:`is_boilerplate`
decides from the counts over a site.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from ..text.normalise import fold
from ..text.segment import blank_sentences, split_sentences

BOILERPLATE_SHARE = 0.3
"""On a site with ``SITE_MIN_DOCS`` documents or more, a sentence (or fingerprint) held by
this share of its documents is boilerplate..."""
BOILERPLATE_MIN_DOCS = 3
"""... and by at least this many."""
SITE_MIN_DOCS = 5
EDGE_SHARE = 0.2
"""The head and the tail of a text (this share of its length each), where mastheads and
footers live."""
MIN_SENTENCE_CHARS = 20


def sentence_key(text: str) -> str:
    """A sentence folded and with its spaces collapsed: how template sentences are matched."""
    if text.isascii():
        # The same as below for ASCII (NFKC and casefold change nothing there but case and
        # the backtick), at a fraction of the cost: every sentence of a corpus comes here.
        return " ".join(text.replace("`", "'").lower().split())
    return " ".join(fold(text).split())


def boilerplate_threshold(n_site: int) -> int:
    """Documents of a site of ``n_site`` that must share a sentence for it to be boilerplate."""
    return max(BOILERPLATE_MIN_DOCS, int(BOILERPLATE_SHARE * n_site + 0.999))


def document_sentences(text: str) -> dict[str, bool]:
    """A document's sentence keys (of ``MIN_SENTENCE_CHARS`` or more), each with whether
    every occurrence sits in the head or tail of the text."""
    n = len(text) or 1
    seen: dict[str, bool] = {}
    for snt in split_sentences(text):
        key = sentence_key(text[snt.start : snt.end])
        if len(key) < MIN_SENTENCE_CHARS:
            continue
        at_edge = snt.end <= EDGE_SHARE * n or snt.start >= (1 - EDGE_SHARE) * n
        seen[key] = seen.get(key, True) and at_edge
    return seen


def is_boilerplate(n_docs: int, n_edge: int, n_site: int) -> bool:
    """Whether a sentence held by ``n_docs`` documents of a site of ``n_site`` (in
    ``n_edge`` of them only at the head or tail) is that site's boilerplate.

    Large sites use shares; smaller ones give too little evidence for shares, so there a
    sentence counts only when two or more documents hold it and each only at an edge: body
    text reused between a small site's articles stays reuse.
    """
    if n_site >= SITE_MIN_DOCS:
        return n_docs >= boilerplate_threshold(n_site)
    return n_docs >= 2 and n_edge == n_docs


def boilerplate_sentences(
    documents: Iterable[tuple[str, str]], site_size: Mapping[str, int]
) -> dict[str, set[str]]:
    """Per site, its boilerplate sentence keys, from ``(site, text)`` of every document."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    edge: dict[str, Counter[str]] = defaultdict(Counter)
    for site, text in documents:
        if not site or site_size.get(site, 0) < 2:
            continue
        seen = document_sentences(text)
        counts[site].update(seen.keys())
        edge[site].update(k for k, e in seen.items() if e)
    out: dict[str, set[str]] = {}
    for site, c in counts.items():
        sents = {k for k, n in c.items() if is_boilerplate(n, edge[site][k], site_size[site])}
        if sents:
            out[site] = sents
    return out


def mask_boilerplate(text: str, sentences: set[str]) -> tuple[str, int]:
    """``text`` with the sentences found in ``sentences`` blanked out (each character but
    whitespace replaced by a space, so offsets stay true), and how many were."""
    if not sentences:
        return text, 0
    found = split_sentences(text)
    blank = [s for s in found if sentence_key(text[s.start : s.end]) in sentences]
    if not blank:
        return text, 0
    return blank_sentences(text, found, blank), len(blank)
