"""Page furniture that runs over several lines under a heading of its own: an issuer's
contact block ("Enquiries:" alone on a line, then who to call, one short line each), and
a notice on reusing a document beside its copyright sign.

A contact block lists the issuer's press officers, their firms and telephone numbers;
the story never asks a reader to check them, and a rewrite that leaves them out has
dropped nothing. The block ends at the first blank line or at a line too long to be a
contact's.
"""

from __future__ import annotations

import regex

from ..types import Span

_CONTACT_HEAD_RE = regex.compile(
    r"(?i:(?:(?:media|press|investor|news|further|general)\s+)?(?:enquiries|inquiries|contacts?"
    r"|contact\s+(?:details|information))|for\s+(?:further|more)\s+(?:information|details)"
    r"(?:\s+(?:please\s+)?contact)?)\s*:?"
)
"""A contact block's heading alone on its line: "Enquiries:", "Media contacts",
"For further information, contact:"."""
_CONTACT_MAX_LINES = 8
_CONTACT_MAX_WORDS = 15
_REUSE_RE = regex.compile(
    r"(?i:(?:this|the)\s+(?:[\p{L}-]+\s+){0,2}(?:may|can|must\s+not|may\s+not|cannot)\s+be"
    r"\s+(?:freely\s+)?(?:reproduced|republished|copied|quoted|shared|redistributed|reused)\b"
    r"[^.!?\n]{0,80}[.!]?)\s*"
)
"""A notice on reusing a document ("This leaflet may be copied for teaching.")."""


def contact_block_spans(text: str, lines: list[tuple[int, int, bool]]) -> list[Span]:
    """The contact blocks of ``text`` (whose lines are ``lines``): a contact heading alone
    on its line and the short lines right below it, up to a blank line."""
    out: list[Span] = []
    i = 0
    while i < len(lines):
        s, e, _ = lines[i]
        if _CONTACT_HEAD_RE.fullmatch(text, s, e) is None:
            i += 1
            continue
        block = [(s, e)]
        j = i + 1
        while j < len(lines) and len(block) <= _CONTACT_MAX_LINES:
            ns, ne, _ = lines[j]
            if "\n" in text[block[-1][1] : ns].replace("\n", "", 1):  # a blank line
                break
            if len(text[ns:ne].split()) > _CONTACT_MAX_WORDS or text[ns:ne].endswith("?"):
                break
            block.append((ns, ne))
            j += 1
        if len(block) > 1:
            out.extend(block)
        i = j
    return out


def reuse_notice(owner: str) -> bool:
    """Is ``owner`` (what stands before a copyright sign on its line) a notice on reusing
    the document, as a whole?"""
    return _REUSE_RE.fullmatch(owner) is not None
