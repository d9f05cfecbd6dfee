"""Numbers that name a part of a document, not a quantity: "Motion 7", "Clause 12",
"Appendix 2". A rewrite that says "the roof repair was funded" for "Motion 7, to fund
the roof repair, was carried" has dropped no number: the number only told which of
the document's items was meant.

Only a capitalised noun for an item of a document (a resolution, an agenda item, a
clause, an appendix) right before a number of at most three digits is read so, and not
when more of a reference follows ("Clause 2(1)", "Schedule 5 of the Act", "Appendix
4.3.1"): there the reference itself may be the fact. A law's parts ("Section 21",
"Article 50", "Chapter 11") are left out: they are often the news.
"""

from __future__ import annotations

import regex

_LABEL_RE = regex.compile(
    r"(?<![\p{L}\p{N}])(?:Resolution|Item|Clause|Motion|Paragraph|Schedule|Appendix|Annex"
    r"|Amendment|Proposal|Question|Exhibit|Recommendation|Condition)[ \u00a0]\d{1,3}(?!\d)"
)
_MORE_REFERENCE_RE = regex.compile(r"\(|[./-]\d|[\p{L}\p{N}]|(?:\G|(?<!\s))\s++(?i:of|to)\s")
"""What would make the number part of a longer reference: a sub-part in parentheses, a
dotted sub-number, a letter glued on, "of the …", a span ("Clause 3 to 7")."""


def item_label_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` where a document item's label and its number stand
    ("Motion 7"): no name and no number is read there."""
    out = []
    for m in _LABEL_RE.finditer(text):
        if _MORE_REFERENCE_RE.match(text, m.end()) is None:
            out.append(m.span())
    return out
