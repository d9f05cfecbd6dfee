"""A person named with a title spelled out on one side and by its initials on the other
("International Master Ana Ruiz" / "IM Ana Ruiz", "Detective Inspector Tom Reyes" / "DI
Tom Reyes") is one person, kept.

Name matching compares names by their words; a title of several words written as its
initials shares none of them, and a title of capitalised words ahead of the name can make
the name read as an organisation's. The two are then left over: the person dropped and
the person added. Once matching is done, an added name and a dropped name (read as a
person's, an organisation's or another entity's) are one person kept when both end in the
same given name and surname (two capitalised words, spelled alike) and the words before
them on one side are the initials of the words before them on the other. The title the
extraction left out of a name ("Detective Sergeant" before "Owen Castell") is read from
the text just before it. When one side writes a double-barrelled surname with one of its
halves only ("Detective Sergeant Ana Reis-Lobo" / "DS Ana Reis"), the person is the same
and the surname changed (``surname``).
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import Result
from .match_acronyms import initials_of

_KINDS = frozenset({"person", "organisation", "entity"})
_NAME_WORDS = 2
"""Words of the personal name both sides must end in, at least."""


_TITLE_BEFORE_RE = regex.compile(r"(?:\p{Lu}\p{L}+[ \u00a0]){1,4}$")
"""Capitalised words right before a name on its line: a title the extraction left out."""


def _split(f: Fact, text: str = "") -> tuple[str, tuple[str, ...]] | None:
    """A name's title and its last :data:`_NAME_WORDS` words (lower case); a name of those
    words only takes its title from ``text`` just before it."""
    words = f.text.split()
    if len(words) < _NAME_WORDS + (0 if text else 1):
        return None
    tail = tuple(words[-_NAME_WORDS:])
    if not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in tail):
        return None
    title = " ".join(words[:-_NAME_WORDS])
    if not title:
        m = _TITLE_BEFORE_RE.search(text, max(0, f.span[0] - 60), f.span[0])
        if m is None:
            return None
        title = m.group().strip()
    return title, tuple(w.lower() for w in tail)


def _half(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same given name, and one surname a half of the other's, hyphenated."""
    if a[:-1] != b[:-1] or a[-1] == b[-1]:
        return False
    return b[-1] in a[-1].split("-") or a[-1] in b[-1].split("-")


def _initials(short: str, long: str) -> bool:
    return short.isupper() and short.isalpha() and short in initials_of(long)


def keep_title_initials(res: Result, texts: tuple[str, str] = ("", "")) -> None:
    """Pair each added name with a dropped name that is the same person under the title's
    initials (or spelled out), as kept, or as a ``surname`` change when one side writes
    half of the other's double-barrelled surname. ``texts``: source, derived."""
    drops: list[tuple[Fact, tuple[str, tuple[str, ...]]]] = []
    for g in res.dropped:
        split = _split(g, texts[0]) if g.kind in _KINDS else None
        if split is not None:
            drops.append((g, split))
    if not drops:
        return
    used: set[int] = set()
    keep: list[Fact] = []
    for f in res.added:
        s = _split(f, texts[1]) if f.kind in _KINDS else None
        match = None
        if s is not None:
            for g, (gp, gt) in drops:
                if (
                    id(g) not in used
                    and (gt == s[1] or _half(gt, s[1]))
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
        a, b = src.text.split()[-1], der.text.split()[-1]
        if a.lower() != b.lower():
            note = f"surname '{a}' → '{b}'"
            res.changed.append(FactLink("person", src, der, note, "surname", "", True))
            continue
        res.kept.append(FactLink("person", src, der, "a title given by its initials"))
    res.added[:] = keep
    res.dropped[:] = [g for g in res.dropped if id(g) not in used]
