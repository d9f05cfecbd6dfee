"""An organisation the derived text names by a run of words from inside its long name:
"the Northern Waters Rescue and Civil Alert Service" told as "Civil Alert", the part of the
name that tells this body from others of its kind.

Name matching pairs a name with one that opens or closes it ("Army" / "Nigerian Army");
a run from the middle of a long name shares neither end, so the long name is left
dropped, and the short one may be read as no fact at all (its words look like common
ones). A fact-checker reads the same body, named short: the dropped organisation is kept
(``partial``) when

- the run is two capitalised words or more from inside the name (neither its first
  word nor its last), not opening or closing on a function word ("and", "of"), with a word that is no organisation's word ("Service",
  "Corps") and no function word;
- the derived text writes the run as a name of its own (no capitalised word right before
  or after it, "the" aside), where no other kept or changed fact stands, nor a person or
  a place added;
- the source writes the run nowhere but inside that long name (a place or a body it names
  apart is another fact).
"""

from __future__ import annotations

import regex

from ..types import Fact, FactLink
from .items import Result
from .vocab import ORG_WORDS

_JOINERS = frozenset({"and", "of", "for", "the", "&", "at", "in", "on", "de"})
_MAX_WORDS = 10
"""Words of a dropped organisation's name looked at, at most."""
_CAP_BEFORE_RE = regex.compile(r"(?P<w>\p{Lu}[\p{L}\p{M}'’.\-]*)[ \u00a0]+$")
_CAP_AFTER_RE = regex.compile(r"[ \u00a0]+\p{Lu}")


def _runs(words: list[str]) -> list[list[str]]:
    """The runs of two words or more from inside ``words`` (its first and last left out:
    a run opening or closing a name is matching's business) that may name the body
    short, longest first."""
    out: list[list[str]] = []
    n = len(words)
    for size in range(n - 2, 1, -1):
        for i in range(1, n - size):
            run = words[i : i + size]
            low = [w.lower() for w in run]
            if low[0] in _JOINERS or low[-1] in _JOINERS:
                continue
            if not all(w[:1].isupper() or w.lower() in _JOINERS for w in run):
                continue
            if all(w in ORG_WORDS or w in _JOINERS for w in low):
                continue
            out.append(run)
    return out


def _alone(text: str, span: tuple[int, int]) -> bool:
    """Is the run at ``span`` of ``text`` a name of its own (no capitalised word joined to
    it before or after, "The" aside)?"""
    m = _CAP_BEFORE_RE.search(text, max(0, span[0] - 40), span[0])
    if m is not None and m.group("w").lower() not in _JOINERS:
        return False
    return _CAP_AFTER_RE.match(text, span[1]) is None


def keep_short_orgs(res: Result, texts: tuple[str, str]) -> None:
    """Keep each dropped organisation the derived text names by a run from inside its
    name (see the module's docstring). ``texts``: source, derived."""
    source, derived = texts
    drops = [
        g
        for g in res.dropped
        if g.kind == "organisation" and 3 <= len(g.text.split()) <= _MAX_WORDS
    ]
    if not drops:
        return
    links = (*res.kept, *res.changed)
    doc = next((k.derived.doc for k in links), next((f.doc for f in res.added), None))
    if doc is None:
        return
    taken = [k.derived.span for k in links]
    found: dict[int, FactLink] = {}
    folded: set[int] = set()
    for g in drops:
        rest = source.replace(g.text, " " * len(g.text))
        for run in _runs(g.text.split()):
            pat = r"[ \u00a0]+".join(regex.escape(w) for w in run)
            if run[0] not in derived:
                continue
            m = next(
                (
                    m
                    for m in regex.finditer(
                        rf"(?<![\p{{L}}\p{{N}}]){pat}(?![\p{{L}}\p{{N}}])", derived
                    )
                    if _alone(derived, m.span())
                    and not any(s < m.end() and m.start() < e for s, e in taken)
                ),
                None,
            )
            if m is None or any(
                f.kind in ("person", "place") and f.span[0] < m.end() and m.start() < f.span[1]
                for f in res.added
            ):
                continue
            if regex.search(rf"(?<![\p{{L}}\p{{N}}]){pat}(?![\p{{L}}\p{{N}}])", rest):
                break  # the source names the part apart: another fact
            der = Fact("organisation", m.group(), m.span(), doc, "")
            found[id(g)] = FactLink("organisation", g, der, "a name given in part", "partial")
            taken.append(m.span())
            folded.update(
                id(f) for f in res.added if m.start() <= f.span[0] and f.span[1] <= m.end()
            )
            break
    if not found:
        return
    res.kept.extend(found.values())
    res.dropped[:] = [g for g in res.dropped if id(g) not in found]
    res.added[:] = [f for f in res.added if id(f) not in folded]
