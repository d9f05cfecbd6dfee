"""Quotations on sentences of no test corpus: a quote the derived text gives in two
pieces, the second a sentence cut short."""

from __future__ import annotations

from textlineage.facts import diff_facts


def test_a_sentence_of_a_split_quote_cut_short_is_a_change_of_wording() -> None:
    src = (
        "The coastal path at Pendrow was shut on Monday after a landslip.\n\n"
        'The ranger, Tamsin Olde, said: "This is only a short closure. We are clearing '
        'the fallen rock by hand, and we will reopen the path as soon as the cliff is safe."'
    )
    der = (
        "The coastal path at Pendrow shut on Monday after a landslip.\n\n"
        '"This is only a short closure," ranger Tamsin Olde said. "We are clearing the '
        'fallen rock by hand."'
    )
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    changed = [c for c in fd.changed if c.kind == "quote"]
    assert [(c.label, c.detail) for c in changed] == [("wording", "trimmed")]
    assert "reopen" in changed[0].source.text and "reopen" not in changed[0].derived.text
