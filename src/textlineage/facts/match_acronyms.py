"""Acronyms a text defines in brackets: a name and its acronym are one organisation.

A text that writes "Canyon Ridge Public Health (CRPH)" names one body twice. When the
other text keeps either form, the form left over is not dropped (or added): it is kept as
the other side's name, labelled ``abbreviation``. Only an acronym the text itself defines
right after the name counts here; initials that merely look alike are left to
:mod:`.match_leftovers`, in sentences that say the same thing, and to
:func:`fold_initials`: a dropped name and an added acronym of its initials (with or
without its closing organisation's word: "the GW" for "George Ward Hospital"; or its
closing words only: "Harlow AFB" for "Harlow Air Force Base"), each the other's only
candidate in the two texts.
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import NAME_KINDS, Result
from .vocab import ORG_WORDS

_DEFINED_RE = regex.compile(r"[ \u00a0]*\((\p{Lu}{2,})\)")


def _side(link: FactLink, side: int) -> Fact:
    return link.source if side == 0 else link.derived


def _keep(res: Result, left: list[Fact], f: Fact, k: FactLink, side: int) -> None:
    other = _side(k, 1 - side)
    sf, df = (f, other) if side == 0 else (other, f)
    note = f"abbreviation ('{sf.text}' / '{df.text}')"
    res.kept.append(FactLink(f.kind, sf, df, note, "abbreviation"))
    left.remove(f)


def fold_defined_acronyms(texts: tuple[str, str], res: Result) -> None:
    """Keep a left-over name whose defined acronym is kept ("International Energy Agency
    (IEA)" dropped, "IEA" kept), and a left-over acronym whose text defines it after a
    name that is kept ("Canyon Ridge Public Health (CRPH)": the name kept, "CRPH"
    dropped)."""
    for side, left in ((0, res.dropped), (1, res.added)):
        text = texts[side]
        by_start: dict[int, FactLink] = {}
        by_end: dict[int, FactLink] = {}
        for link in res.kept:
            f = _side(link, side)
            by_start.setdefault(f.span[0], link)
            if f.kind in NAME_KINDS:
                by_end.setdefault(f.span[1], link)
        named = [(_side(k, side).text, k) for k in res.kept if _side(k, side).kind in NAME_KINDS]
        before: dict[int, FactLink | None] = {}  # the kept name written before each bracket
        for f in [x for x in left if x.kind in NAME_KINDS]:
            m = _DEFINED_RE.match(text, f.span[1])
            k = by_start.get(m.start(1)) if m else None
            if k is not None and m is not None and _side(k, side).text == m[1]:
                _keep(res, left, f, k, side)
                continue
            if not (f.text.isupper() and f.text.isalpha()):
                continue
            for d in _DEFINED_RE.finditer(text):
                if d[1] != f.text:
                    continue
                k = by_end.get(d.start())  # the name ends where the brackets' gap starts
                if k is None:  # or a mention of a kept name other than the one it keeps
                    if d.start() not in before:
                        before[d.start()] = next(
                            (x for t, x in named if text.endswith(t, 0, d.start())), None
                        )
                    k = before[d.start()]
                if k is not None:
                    _keep(res, left, f, k, side)
                    break


_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "de", "la", "du", "des", "&"})


def initials(name: str) -> str:
    """The initials of a name's words ("United Nations Children's Fund": "UNCF")."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _INITIALS_SKIP]
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


def initials_of(name: str) -> frozenset[str]:
    """A name's initials, and, when it closes with an organisation's word, those of the
    name without it ("George Ward Hospital": "GWH", "GW")."""
    words = name.split()
    out = {initials(name)}
    if len(words) >= 3 and words[-1].lower() in ORG_WORDS:
        out.add(initials(" ".join(words[:-1])))
    return frozenset(x for x in out if len(x) >= 2)


def _acronym(f: Fact) -> bool:
    t = f.text
    return t.isupper() and t.isalpha() and 2 <= len(t) <= 6


def _ends_acronym(f: Fact) -> bool:
    return _acronym(f) or _acronym(Fact(f.kind, f.text.split()[-1], f.span, f.doc))


_REGIONS = {
    "apac": ("asia-pacific", "asia pacific"), "emea": ("europe, middle east and africa",
    "europe, the middle east and africa"), "latam": ("latin america",),
    "mena": ("middle east and north africa",), "anz": ("australia and new zealand",),
}  # fmt: skip
"""A business's short names of world regions ("APAC" for "Asia-Pacific")."""
_REGION_NAMES = frozenset(n for names in _REGIONS.values() for n in names)


def _abbreviates(short: str, long: str) -> bool:
    """Is ``short`` the name ``long`` in initials, whole or after the words both open with
    ("Harlow Air Force Base" / "Harlow AFB"), or a region's short name ("APAC")?"""
    if short in initials_of(long) or long.lower() in _REGIONS.get(short.lower(), ()):
        return True
    s, lw = short.split(), long.split()
    k = len(s) - 1
    return 1 <= k <= len(lw) - 2 and s[:k] == lw[:k] and s[-1] == initials(" ".join(lw[k:]))


def fold_initials(res: Result) -> None:
    """Keep a dropped name of several words and an added acronym of its initials as one
    name, when each is the other's only candidate (either way round); so is a name with
    its closing words written in initials ("Harlow Air Force Base" / "Harlow AFB")."""
    for side, left, other in ((0, res.dropped, res.added), (1, res.added, res.dropped)):
        longs = [
            f
            for f in left
            if f.kind in NAME_KINDS
            and (len(f.text.split()) >= 2 or f.text.lower() in _REGION_NAMES)
        ]
        shorts = [f for f in other if f.kind in NAME_KINDS and _ends_acronym(f)]
        cands = [(f, a) for f in longs for a in shorts if _abbreviates(a.text, f.text)]
        for f, a in cands:
            if sum(1 for x in cands if x[0] is f or x[1] is a) != 1:
                continue
            sf, df = (f, a) if side == 0 else (a, f)
            note = f"abbreviation ('{sf.text}' / '{df.text}')"
            res.kept.append(FactLink(f.kind, sf, df, note, "abbreviation"))
            left.remove(f)
            other.remove(a)
