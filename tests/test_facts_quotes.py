"""Quotations cut short, given more words or reworded are changes a reader must see; only
case, punctuation and quote marks may differ for a quote to be kept."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff


def diff(src: str, der: str) -> FactDiff:
    return diff_facts(src, der, source_doc=0, derived_doc=1, languages=("en", "en"))


def quotes(d: FactDiff) -> dict[str, list[tuple[str, ...]]]:
    return {
        "kept": [(k.source.text, k.derived.text) for k in d.kept if k.kind == "quote"],
        "changed": [
            (k.source.text, k.derived.text, k.label, k.detail)
            for k in d.changed
            if k.kind == "quote"
        ],
        "added": [(f.text,) for f in d.added if f.kind == "quote"],
        "dropped": [(f.text,) for f in d.dropped if f.kind == "quote"],
    }


def test_a_quote_cut_short_is_a_trimmed_change() -> None:
    src = 'The mayor said: "We will rebuild every school and every road by the winter."'
    der = 'The mayor said: "We will rebuild every school," and left.'
    q = quotes(diff(src, der))
    assert q["changed"] == [
        (
            '"We will rebuild every school and every road by the winter."',
            '"We will rebuild every school,"',
            "wording",
            "trimmed",
        )
    ]
    assert not q["kept"] and not q["dropped"]


def test_a_quote_cut_to_one_word_is_a_trimmed_change() -> None:
    src = 'The inspector called the repairs "adequate for now but not a lasting answer".'
    der = 'The inspector called the repairs "adequate".'
    q = quotes(diff(src, der))
    assert [c[2:] for c in q["changed"]] == [("wording", "trimmed")]
    assert not q["dropped"]


def test_a_quote_given_more_words_is_an_extended_change() -> None:
    src = 'The report called the bridge "a costly mistake" in its summary.'
    der = 'The report called the bridge "a costly mistake that nobody wanted" in its summary.'
    q = quotes(diff(src, der))
    assert [c[2:] for c in q["changed"]] == [("wording", "extended")]
    assert diff(src, der).changed[0].unsupported


def test_case_punctuation_and_marks_keep_a_quote() -> None:
    src = "She said “we owe the river everything,” and smiled."
    der = 'She said: "We owe the river everything."'
    q = quotes(diff(src, der))
    assert len(q["kept"]) == 1 and not q["changed"]


def test_a_quote_split_in_two_is_kept() -> None:
    src = '"The dam will hold this year and the next," the engineer said.'
    der = '"The dam will hold this year," the engineer said. "And the next."'
    q = quotes(diff(src, der))
    assert len(q["kept"]) == 2 and not q["changed"] and not q["dropped"]


def test_a_quote_repeated_in_part_beside_its_whole_is_kept() -> None:
    src = 'He said "the river has never been this low in a century".'
    der = (
        '"Never been this low", he warned. He said "the river has never been this low '
        'in a century".'
    )
    q = quotes(diff(src, der))
    assert len(q["kept"]) == 2 and not q["changed"]


def test_a_word_quoted_alone_is_a_fact() -> None:
    d = diff(
        'Doctors said the ward was "overcrowded" on Monday.',
        "Doctors said the ward was busy on Monday.",
    )
    assert quotes(d)["dropped"] == [('"overcrowded"',)]
    # a lone word found unquoted in the other text is no quote of it
    d = diff(
        'Doctors said the ward was "overcrowded" on Monday.',
        "The overcrowded ward was busy on Monday.",
    )
    assert quotes(d)["dropped"] == [('"overcrowded"',)]


def test_a_quote_given_in_parts_and_joined_is_kept() -> None:
    src = '"We will finish the tunnel," the builder said, "before the first snow falls."'
    der = 'The builder said: "We will finish the tunnel before the first snow falls."'
    q = quotes(diff(src, der))
    assert len(q["kept"]) == 1 and not q["changed"] and not q["dropped"]


def test_a_word_quoted_alone_in_another_passage_is_no_excerpt() -> None:
    from textlineage.types import Passage

    src = 'The minister said the plan was "sound and fair to every region". Rain fell.'
    der = 'Rain fell. Critics called the forecast "sound".'
    # the derived quote falls in a passage, the source quote in none
    p = Passage("paraphrase", 0.8, (((src.index("Rain"), len(src)),), ((0, len(der)),)))
    d = diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,), languages=("en", "en"))
    q = quotes(d)
    assert not q["changed"] and q["added"] == [('"sound"',)]
