"""A company the source names once with its legal form ("Corvale Foods Ltd", "Stennet
Mills, Inc.") and elsewhere without it, and the derived text names without it: the name
is kept, and the mention that says what the derived text left out is the one with the
legal form. The kept link is pointed at that mention (whichever mention the matching
paired first, a headline's or a later short one), so that the report shows the form
dropped; it stays kept: a company's legal form is part of how it is written, not another
company.
"""

from __future__ import annotations

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .items import NAME_KINDS, Result
from .vocab import LEGAL_FORMS

_FORM = "|".join(sorted(LEGAL_FORMS, key=len, reverse=True))
_LONGEST = 200
"""The longest name looked for with a legal form: a longer one (a run of thousands of
capitalised words in an untrusted document) is no company's, and the search for it would
take time growing with the square of its length."""


def _with_form(name: str) -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}]){regex.escape(name)},?[ \t\u00a0]+(?i:{_FORM})\.?(?![\p{{L}}\p{{M}}])"
    )


def legal_form_mentions(res: Result, texts: tuple[str, str]) -> None:
    """Point each kept name whose source mention lacks a legal form at the source's
    mention of the same name with one, when the derived text never writes it so."""
    out: list[FactLink] = []
    for link in res.kept:
        s, d = link.source, link.derived
        words = s.text.split()
        if (
            link.kind not in NAME_KINDS
            or len(words) < 2
            or len(s.text) > _LONGEST
            or fold(words[-1]).strip(".") in LEGAL_FORMS
            or s.text != d.text
        ):
            out.append(link)
            continue
        pat = _with_form(s.text)
        m = pat.search(texts[0])
        if m is None or pat.search(texts[1]) is not None:
            out.append(link)
            continue
        full = Fact(s.kind, m.group(), m.span(), s.doc, s.value)
        note = f"legal form left out ('{m.group()}')"
        out.append(FactLink(link.kind, full, d, note, link.label, link.detail))
    res.kept[:] = out
