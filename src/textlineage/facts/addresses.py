"""A street address made vaguer: "at the sports hall, 1450 W. Corvell Ave." → "at the sports
hall on Corvell".

An address is read in pieces, a house number (or a number taken for a year) and a name
("W. Corvell Ave"); when the other text names only the street, by the word that tells it
from other streets, the pieces are left dropped, and that word is not reported at all (it
is a part of a name the source has). Where the source's pieces all lie inside one address
(a number, a name of capitalised words and a street word: "Ave", "Street", "Road" ...),
none of them reported otherwise, and the other text writes the street's own word, not as
part of a longer name, in a sentence saying the same thing, the address is one place made
less specific (or, the other way, more specific). English only.
"""

from __future__ import annotations

import regex

from ..types import Fact
from .items import Result
from .match_loose import Sentences, said_alike, specificity_link

_STREET_WORDS = (
    r"(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Place|Pl|Court"
    r"|Ct|Terrace|Crescent|Highway|Hwy|Parkway|Pkwy)"
)
_ADDRESS_RE = regex.compile(
    r"(?<![\p{L}\p{N}])\d{1,5}[ \u00a0]+(?:[NSEW]\.?[ \u00a0]+)?"
    r"(?P<core>\p{Lu}\p{Ll}+(?:[ \u00a0]+\p{Lu}\p{Ll}+){0,2})[ \u00a0]+"
    rf"{_STREET_WORDS}\.?(?![\p{{L}}])"
)
"""A house number, a direction, the street's own words and a street word: "1450 W.
Corvell Ave.", "48 Harlow Road"."""


def vaguer_addresses(texts: tuple[str, str], docs: tuple[int, int], res: Result) -> None:
    """Turn the dropped (added) pieces of an address that the other text names only by
    its street's word into one change of specificity (see the module)."""
    sides = (Sentences(texts[0]), Sentences(texts[1]))
    for side, lost in ((0, res.dropped), (1, res.added)):
        if not lost:
            continue
        other = 1 - side
        spans = [k.source.span if side == 0 else k.derived.span for k in (*res.kept, *res.changed)]
        theirs = [k.derived.span if side == 0 else k.source.span for k in (*res.kept, *res.changed)]
        theirs += [f.span for f in (res.added if side == 0 else res.dropped)]
        for m in _ADDRESS_RE.finditer(texts[side]):
            s, e = m.span()
            inside = [f for f in lost if s <= f.span[0] and f.span[1] <= e]
            if not inside or any(a < e and s < b for a, b in spans):
                continue
            core = regex.escape(m.group("core"))
            pat = regex.compile(
                rf"(?<![\p{{L}}\p{{N}}])(?<!\p{{Lu}}\p{{L}}*[ \u00a0]+){core}(?![\p{{L}}\p{{N}}])"
            )
            hits = [
                v.span()
                for v in pat.finditer(texts[other])
                if not any(a < v.end() and v.start() < b for a, b in theirs)
                and said_alike(sides, side, m.span(), v.span())
            ]
            if len(hits) != 1:
                continue
            here = Fact("place", m.group(), m.span(), docs[side], "")
            span = hits[0]
            there = Fact("place", texts[other][span[0] : span[1]], span, docs[other], "")
            for f in inside:
                lost.remove(f)
            res.changed.append(specificity_link("place", "the address", here, there, side))
