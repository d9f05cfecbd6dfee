"""A contraction is no name.

A word that opens a sentence is capitalised, and a model reading names may take a
contraction there for one ("Don't move the plants", "We're sorry"): a verb or a pronoun
with its ending run on after an apostrophe. A name of one word that is such a contraction
(a function word's stem, then ``n't``, ``'re``, ``'ve``, ``'ll``, ``'m``, ``'d`` or
``'s``) is no fact, added or dropped. A name with an apostrophe inside it ("O'Neill",
"D'Arcy") keeps a capital after it, and stays.
"""

from __future__ import annotations

import regex

from ..types import Fact
from .items import NAME_KINDS, Result

_STEM_RE = regex.compile(
    r"do|does|did|can|could|won|would|should|shall|must|might|need|is|are|was|were|has|have"
    r"|had|ain|i|we|you|they|he|she|it|that|there|here|what|who|where|how|let"
)
"""Verbs and pronouns a contraction is made of."""
_CONTRACTION_RE = regex.compile(r"(\p{L}+)(?:n['’]t|['’](?:re|ve|ll|m|d|s))")


def _contraction(f: Fact) -> bool:
    m = _CONTRACTION_RE.fullmatch(f.text.strip()) if f.kind in NAME_KINDS else None
    if m is None:
        return False
    stem = m.group(1).casefold()
    if _STEM_RE.fullmatch(stem):
        return True
    return f.text.casefold().endswith(("n't", "n’t")) and _STEM_RE.fullmatch(stem + "n") is not None


def drop_contractions(res: Result) -> None:
    """Forget each added or dropped name of ``res`` that is a contraction."""
    res.added[:] = [f for f in res.added if not _contraction(f)]
    res.dropped[:] = [f for f in res.dropped if not _contraction(f)]
