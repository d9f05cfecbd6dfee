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


_FORM_AFTER_RE = regex.compile(rf",?[ \t\u00a0]+(?i:{_FORM})\.?(?![\p{{L}}\p{{M}}])")
_LETTER_RE = regex.compile(r"[\p{L}\p{M}]")


def _with_form(text: str, name: str) -> tuple[int, int] | None:
    """The first place of ``text`` writing ``name`` as a whole word with a legal form
    after it. One pattern for the form, matched where the name ends, instead of one
    compiled per name: compiling the forms' alternation anew for each name cost more than
    the rest of the pass."""
    i = text.find(name)
    while i >= 0:
        if i == 0 or _LETTER_RE.match(text, i - 1) is None:
            m = _FORM_AFTER_RE.match(text, i + len(name))
            if m is not None:
                return i, m.end()
        i = text.find(name, i + 1)
    return None


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
        span = _with_form(texts[0], s.text)
        if span is None or _with_form(texts[1], s.text) is not None:
            out.append(link)
            continue
        written = texts[0][span[0] : span[1]]
        full = Fact(s.kind, written, span, s.doc, s.value)
        note = f"legal form left out ('{written}')"
        out.append(FactLink(link.kind, full, d, note, link.label, link.detail))
    res.kept[:] = out
