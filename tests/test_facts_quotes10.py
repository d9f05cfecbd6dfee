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


def _quote_left_out(sentence: str) -> tuple[list[str], int]:
    """The dropped quotes, and the changed quotes' count, when a quote of two sentences
    is given without its second, ``sentence``."""
    head = "The blood service issued an alert on Monday as stocks fell.\n\n"
    first = "Please book an appointment now if you can give"
    src = f'{head}Its director, Mara Quill, said: "{first}. {sentence}"'
    der = f'{head}"{first}," director Mara Quill said.'
    fd = diff_facts(src, der, source_doc=0, derived_doc=1)
    quotes = [f.text for f in fd.dropped if f.kind == "quote"]
    return quotes, len([c for c in fd.changed if c.kind == "quote"])


def test_a_sentence_of_eight_words_left_out_of_a_quote_is_dropped() -> None:
    sentence = "We expect hospitals to keep planned surgery going."
    assert _quote_left_out(sentence) == ([sentence], 0)


def test_a_sentence_of_seven_words_left_out_is_a_quote_trimmed() -> None:
    dropped, changed = _quote_left_out("Thank you all for giving so much.")
    assert not dropped and changed == 1
