"""A person's name the derived text writes whole that the source writes, somewhere, with a
second half to its surname ("Mirela Sandu" / "Mirela Sandu-Kovac"), while the diff paired
it with a shorter mention ("Mirela" signing off a letter): the surname was cut short, a
``surname`` change, even when the full form stands on a line the diff reads no fact from
(a memo's "From:" line). So is a derived person's name of two words or more that the diff
paired with nothing because the source writes it only inside a longer, hyphenated one (in a
quotation, where the diff reads no names)."""

from __future__ import annotations

import regex
from rapidfuzz import fuzz

from ..text.normalise import fold
from ..types import Fact, FactLink
from .forms import collapse
from .items import Group, Result


def surname_halves(res: Result, source_text: str) -> None:
    """Turn each kept partial link of a person written whole in the derived text, whose
    name the source writes with a hyphenated second surname, into a ``surname`` change
    (see the module's docstring)."""
    out: list[FactLink] = []
    for link in res.kept:
        s, d = link.source, link.derived
        if link.label != "partial" or d.kind != "person" or len(d.text.split()) < 2:
            out.append(link)
            continue
        if len(s.text) >= len(d.text) or "-" in d.text.rsplit(None, 1)[-1]:
            out.append(link)
            continue
        m = regex.search(
            rf"(?<![\p{{L}}\p{{M}}-]){regex.escape(d.text)}-\p{{Lu}}[\p{{L}}\p{{M}}]+", source_text
        )
        if m is None:
            out.append(link)
            continue
        full = Fact("person", m.group(), m.span(), s.doc, collapse(fold(m.group())))
        note = f"surname '{m.group().rsplit(None, 1)[-1]}' → '{d.text.rsplit(None, 1)[-1]}'"
        res.changed.append(FactLink(d.kind, full, d, note, "surname", "", True))
    res.kept[:] = out


def _full_form(name: str, source_text: str) -> regex.Match[str] | None:
    """The source's mention of ``name`` with a hyphenated second surname after it."""
    return regex.search(
        rf"(?<![\p{{L}}\p{{M}}-]){regex.escape(name)}-\p{{Lu}}[\p{{L}}\p{{M}}]+(?![\p{{L}}\p{{M}}-])",
        source_text,
    )


def unpaired_halves(
    groups: list[Group], left: list[Group], source_text: str, doc: int, res: Result
) -> tuple[list[Group], list[Group]]:
    """``groups`` (derived names paired with nothing) without the persons' names of two
    words or more that the source writes only with a second half to the surname ("Mirela
    Sandu" / "... Mirela Sandu-Kovac ..."): each is a ``surname`` change, reported once;
    and ``left`` (the source's names paired with nothing) without those whose surname's
    first half a derived name left writes, its given names spelled a little otherwise
    ("Mirela Sandu-Kovac" / "Mirella Sandu"): a ``surname`` change too."""
    groups, left = _respelled_halves(groups, left, res)
    out: list[Group] = []
    seen: set[str] = set()
    for g in groups:
        d = g.first.fact
        words = d.text.split()
        if d.kind != "person" or len(words) < 2 or "-" in words[-1]:
            out.append(g)
            continue
        m = _full_form(d.text, source_text)
        if m is None:
            out.append(g)
            continue
        if m.group() in seen:
            continue
        seen.add(m.group())
        full = Fact("person", m.group(), m.span(), doc, collapse(fold(m.group())))
        note = f"surname '{m.group().rsplit(None, 1)[-1]}' → '{words[-1]}'"
        res.changed.append(FactLink(d.kind, full, d, note, "surname", "", True))
    return out, left


_MIN_GIVEN_LIKENESS = 75  # how alike two spellings of a given name must be (0-100)


def _respelled_halves(
    groups: list[Group], left: list[Group], res: Result
) -> tuple[list[Group], list[Group]]:
    """Pair the derived persons left whose surname is the first half of a source person's
    hyphenated surname, the given names alike (see :func:`unpaired_halves`)."""
    people = [g for g in left if g.first.fact.kind == "person" and "-" in g.first.fact.text]
    if not people:
        return groups, left
    out, used = [], set()
    for g in groups:
        d = g.first.fact
        words = d.text.split()
        match = None
        if d.kind == "person" and len(words) >= 2 and "-" not in words[-1]:
            match = next((s for s in people if id(s) not in used and _halved(s, words)), None)
        if match is None:
            out.append(g)
            continue
        used.add(id(match))
        s = match.first.fact
        note = f"surname '{s.text.split()[-1]}' → '{words[-1]}'"
        res.changed.append(FactLink(d.kind, s, d, note, "surname", "", True))
    return out, [g for g in left if id(g) not in used]


def _halved(s: Group, words: list[str]) -> bool:
    """Is ``words`` (a derived name) the source person ``s`` with the first half of the
    surname only, the given names alike?"""
    src = s.first.fact.text.split()
    halves = src[-1].split("-")
    if len(src) != len(words) or len(halves) != 2 or fold(halves[0]) != fold(words[-1]):
        return False
    return all(
        fold(a) == fold(b) or fuzz.ratio(fold(a), fold(b)) >= _MIN_GIVEN_LIKENESS
        for a, b in zip(src[:-1], words[:-1], strict=True)
    )


def surnames_alone(res: Result) -> None:
    """Leave out the persons dropped (or added) that are the surname alone of a person
    reported with a ``surname`` change ("Sandu-Kovac" beside "Mirela Sandu-Kovac" →
    "Mirela Sandu"): one person, named again, is the change's."""
    changes = [c for c in res.changed if c.label == "surname" and c.kind == "person"]
    if not changes:
        return
    src = {fold(c.source.text.split()[-1]) for c in changes}
    der = {fold(c.derived.text.split()[-1]) for c in changes}
    res.dropped[:] = [f for f in res.dropped if f.kind != "person" or fold(f.text) not in src]
    res.added[:] = [f for f in res.added if f.kind != "person" or fold(f.text) not in der]
