"""A person's name the derived text writes whole that the source writes, somewhere, with a
second half to its surname ("Mirela Sandu" / "Mirela Sandu-Kovac"), while the diff paired
it with a shorter mention ("Mirela" signing off a letter): the surname was cut short, a
``surname`` change, even when the full form stands on a line the diff reads no fact from
(a memo's "From:" line). So is a derived person's name of two words or more that the diff
paired with nothing because the source writes it only inside a longer, hyphenated one (in a
quotation, where the diff reads no names)."""

from __future__ import annotations

import regex

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


def unpaired_halves(groups: list[Group], source_text: str, doc: int, res: Result) -> list[Group]:
    """``groups`` (derived names paired with nothing) without the persons' names of two
    words or more that the source writes only with a second half to the surname ("Mirela
    Sandu" / "... Mirela Sandu-Kovac ..."): each is a ``surname`` change, reported once."""
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
    return out
