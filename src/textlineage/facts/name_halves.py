"""A person's name the derived text writes whole that the source writes, somewhere, with a
second half to its surname ("Mirela Sandu" / "Mirela Sandu-Kovac"), while the diff paired
it with a shorter mention ("Mirela" signing off a letter): the surname was cut short, a
``surname`` change, even when the full form stands on a line the diff reads no fact from
(a memo's "From:" line)."""

from __future__ import annotations

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .forms import collapse
from .items import Result


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
