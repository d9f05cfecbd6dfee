"""A statement about the page itself, or a greeting, is no claim of the story.

"The table below lists the substances we detected", "while visiting the locations
below": a sentence that points at a part of its own page says where to look, not what
happened. A derived text that leaves the table out, or never had it, leaves out no fact.
Such a statement is not reported added or dropped; its figures, if any, are read as
they are. Nor is a greeting or a thanks ("good afternoon, everyone"), which a call's
transcript opens with and its write-up leaves out. Nor is a rewrite's advice to its own
readers, added in the imperative ("Pack warm layers", "please read if you have kids",
"If you're pregnant, check with your doctor first", "Gardeners, keep your eyes open"):
it tells the reader what to do, not what the source said or left out. A source's
instructions stay (a notice's "Do not drink the water" is what it states).
"""

from __future__ import annotations

import regex

from .items import Result

_POINTER_RE = regex.compile(
    r"\b(?i:the|these|those)\s+(?:[\p{L}-]+\s+){0,2}?(?i:below|above)\b"
    r"(?!\s+(?i:the|its|their|our|his|her|average|normal|expectations?|forecast|target|\d))"
    r"|\b(?i:listed|shown|given|set\s+out|described)\s+(?i:below|above)\b"
)
"""A pointer to a part of the page: "the table below", "the locations below", "listed
above"; not "above the target", "below average"."""
_GREETING_RE = regex.compile(
    r"(?i:good\s+(?:morning|afternoon|evening)|hello|hi|welcome|thank\s+you|thanks)\b"
    r"(?:[\s,]+(?i:everyone|everybody|all|and\s+welcome|again|very\s+much|for\s+joining))*"
    r"[\s,.!]*"
)
"""A greeting or thanks, whole ("good afternoon, everyone", "Thank you very much")."""


_VERBS = (
    r"pack|look|get|check|expect|keep|speak|talk|call|ring|visit|book|make\s+sure|remember|bring"
    r"|read|watch|try|take|see|ask|contact|tell|don['’]t|do\s+not|avoid|stay|wear|join|sign\s+up"
    r"|follow|share|spread|go|head|grab|consider|note|plan|pop|give|send|email|text|download"
)
_IMPERATIVE_RE = regex.compile(
    r"(?:(?i:so|now|and|but|better\s+still|meanwhile)[\s,]+)?(?:(?i:please)[\s,]+)?"
    r"(?:(?i:if|when|before|unless|whether)\s+(?:you|you['’]re|you['’]ve)\b[^,.;]{0,80},\s*)?"
    r"(?:\p{Lu}\p{Ll}+(?:\s+\p{Ll}+)?,\s+)?(?:(?i:please)\s+)?"
    rf"(?i:{_VERBS})\b(?!-)(?![^,.;]{{0,40}}?\b(?i:is|are|was|were|said|says|will|would|can|could)\b)"
)
"""A sentence opening in the imperative, perhaps after "please", a condition on the
reader ("If you're on blood thinners, …") or a vocative ("Gardeners, …")."""


def drop_page_pointers(res: Result) -> None:
    """Forget each added or dropped claim that points at a part of its own page, or is a
    greeting, and each added claim of advice to the reader."""
    for facts in (res.added, res.dropped):
        facts[:] = [
            f
            for f in facts
            if not (
                f.kind == "claim"
                and (_POINTER_RE.search(f.text) or _GREETING_RE.fullmatch(f.text.strip()))
            )
        ]
    res.added[:] = [f for f in res.added if not (f.kind == "claim" and _advice(f.text))]


def _advice(text: str) -> bool:
    """Is ``text`` advice to the reader, in the imperative?"""
    return _IMPERATIVE_RE.match(text.strip()) is not None
