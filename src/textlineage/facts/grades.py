"""Letter grades: a mark from A to F, perhaps with a plus or a minus, given to something
("an "A-" HygieneMark", "a B+ rating", "a grade of C"). The fact diff reads numbers, not
letters, so a grade changed ("A-" → "A") would go unseen: here the grades of the two texts
are paired by what they grade (the noun after the grade, or before "of"), and a pair
whose marks differ is a ``value`` change. A minus written as a dash or as a minus sign is
one mark.
"""

from __future__ import annotations

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .items import Result

_MARK = r"[\"“‘']?([A-F][+\-−–]?)[\"”’']?"
_BEFORE_NOUN_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])(?i:an?|the|its|their|his|her)[ \t\u00a0]+{_MARK}"
    r"[ \t\u00a0]+(\p{L}[\p{L}\p{M}\-]*)"
)
"""A grade after an article or owner, before what it grades: "an "A-" HygieneMark"."""
_GRADED = frozenset(["grade", "grades", "rating", "ratings", "score", "mark", "marks"])
_OF_RE = regex.compile(
    r"(?<![\p{L}\p{M}])(\p{L}+)[ \t\u00a0]+of[ \t\u00a0]+" + _MARK + r"(?![\p{L}\p{N}])"
)
"""A grade after "of": "a grade of B+", "a HygieneMark of A"."""


_QUOTES = "\"“‘'"


def _mark(m: str) -> str:
    return m.replace("−", "-").replace("–", "-")


def _grades(text: str) -> dict[str, list[tuple[str, tuple[int, int]]]]:
    """Each grade of ``text`` by what it grades (folded): its mark and the span of the
    grade with its noun."""
    out: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for m in _BEFORE_NOUN_RE.finditer(text):
        noun = m.group(2)
        quoted = text[m.start(1) - 1] in _QUOTES
        if not (fold(noun) in _GRADED or noun[:1].isupper() or quoted):
            continue
        span = (m.start(1) - (1 if quoted else 0), m.end(2))
        out.setdefault(fold(noun), []).append((_mark(m.group(1)), span))
    for m in _OF_RE.finditer(text):
        noun = m.group(1)
        if fold(noun) in _GRADED or noun[:1].isupper():
            out.setdefault(fold(noun), []).append((_mark(m.group(2)), m.span()))
    return out


def changed_grades(res: Result, texts: tuple[str, str], docs: tuple[int, int]) -> None:
    """Report each grade of one thing that the two texts give different marks (one grade
    of that thing on each side), as a ``value`` change."""
    src, der = _grades(texts[0]), _grades(texts[1])
    for noun in sorted(src.keys() & der.keys()):
        a, b = {m for m, _ in src[noun]}, {m for m, _ in der[noun]}
        if len(a) != 1 or len(b) != 1 or a == b:
            continue
        (ma, sa), (mb, sb) = src[noun][0], der[noun][0]
        s = Fact("entity", texts[0][sa[0] : sa[1]], sa, docs[0], ma)
        d = Fact("entity", texts[1][sb[0] : sb[1]], sb, docs[1], mb)
        res.changed.append(FactLink("entity", s, d, f"grade '{ma}' → '{mb}'", "value", "", True))
        res.kept[:] = [  # the graded thing's name is the grade's
            k for k in res.kept if not (_inside(k.source.span, sa) and _inside(k.derived.span, sb))
        ]


def _inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]
