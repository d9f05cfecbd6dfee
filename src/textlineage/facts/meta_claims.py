"""A statement about the page itself, or a greeting, is no claim of the story.

"The table below lists the substances we detected", "while visiting the locations
below": a sentence that points at a part of its own page says where to look, not what
happened. A derived text that leaves the table out, or never had it, leaves out no fact.
Such a statement is not reported added or dropped; its figures, if any, are read as
they are. Nor is a greeting or a thanks ("good afternoon, everyone"), which a call's
transcript opens with and its write-up leaves out.
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


def drop_page_pointers(res: Result) -> None:
    """Forget each added or dropped claim that points at a part of its own page, or is a
    greeting."""
    for facts in (res.added, res.dropped):
        facts[:] = [
            f
            for f in facts
            if not (
                f.kind == "claim"
                and (_POINTER_RE.search(f.text) or _GREETING_RE.fullmatch(f.text.strip()))
            )
        ]
