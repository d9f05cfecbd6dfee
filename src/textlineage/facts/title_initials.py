"""A person named with a title spelled out on one side and by its initials on the other
("International Master Ana Ruiz" / "IM Ana Ruiz", "Detective Inspector Tom Reyes" / "DI
Tom Reyes") is one person, kept.

Name matching compares names by their words; a title of several words written as its
initials shares none of them, and a title of capitalised words ahead of the name can make
the name read as an organisation's. The two are then left over: the person dropped and
the person added. Once matching is done, an added name and a dropped name (read as a
person's, an organisation's or another entity's) are one person kept when both end in the
same given name and surname (two capitalised words, spelled alike) and the words before
them on one side are the initials of the words before them on the other.
"""

from __future__ import annotations

from ..types import Fact, FactLink
from .items import Result
from .match_acronyms import initials_of

_KINDS = frozenset({"person", "organisation", "entity"})
_NAME_WORDS = 2
"""Words of the personal name both sides must end in, at least."""


def _split(f: Fact) -> tuple[str, tuple[str, ...]] | None:
    words = f.text.split()
    if len(words) < _NAME_WORDS + 1:
        return None
    tail = tuple(words[-_NAME_WORDS:])
    if not all(w[:1].isupper() and w.isalpha() for w in tail):
        return None
    return " ".join(words[:-_NAME_WORDS]), tuple(w.lower() for w in tail)


def _initials(short: str, long: str) -> bool:
    return short.isupper() and short.isalpha() and short in initials_of(long)


def keep_title_initials(res: Result) -> None:
    """Pair each added name with a dropped name that is the same person under the title's
    initials (or spelled out), as kept."""
    drops: list[tuple[Fact, tuple[str, tuple[str, ...]]]] = []
    for g in res.dropped:
        split = _split(g) if g.kind in _KINDS else None
        if split is not None:
            drops.append((g, split))
    if not drops:
        return
    used: set[int] = set()
    keep: list[Fact] = []
    for f in res.added:
        s = _split(f) if f.kind in _KINDS else None
        match = None
        if s is not None:
            for g, (gp, gt) in drops:
                if (
                    id(g) not in used
                    and gt == s[1]
                    and (_initials(s[0], gp) or _initials(gp, s[0]))
                ):
                    match = g
                    break
        if match is None:
            keep.append(f)
            continue
        used.add(id(match))
        src = Fact("person", match.text, match.span, match.doc, match.value)
        der = Fact("person", f.text, f.span, f.doc, f.value)
        res.kept.append(FactLink("person", src, der, "a title given by its initials"))
    res.added[:] = keep
    res.dropped[:] = [g for g in res.dropped if id(g) not in used]
