"""An organisation's name with its place moved (facts.match_names.reordered): "the
Magistrates' Court at Hexham" is "Hexham Magistrates' Court", "the University of Tromsø"
is "Tromsø University"; other words or another place are another name. A councillor's
title is a title, no name (facts.vocab.TITLES)."""

from __future__ import annotations

from test_facts_names_left import _facts
from textlineage.facts import extract_facts
from textlineage.facts.match_names import reordered


def test_a_name_with_its_place_moved_is_kept() -> None:
    names = ("organisation", "place", "entity")
    for source, derived in (
        (
            "She studied at the University of Tromsø for three years.",
            "She studied at Tromsø University for three years.",
        ),
        (
            "IN THE SHERIFF COURT AT STROMNESS\n\nThe case was heard on Monday before a jury "
            "of local residents, who took two hours to reach their verdict on all counts.",
            "The case at Stromness Sheriff Court was heard on Monday before a jury of local "
            "residents, who took two hours to reach a verdict.",
        ),
    ):
        fd = _facts(source, derived)
        assert [f.text for f in fd.added if f.kind in names] == []
        assert [f.text for f in fd.dropped if f.kind in names] == []


def test_reordered_names() -> None:
    assert reordered(("the", "crown", "court", "at", "hexham"), ("hexham", "crown", "court"))
    assert reordered(("university", "of", "tromso"), ("tromso", "university"))
    assert not reordered(("university", "of", "tromso"), ("bergen", "university"))
    assert not reordered(("bank", "of", "holm"), ("holm", "savings", "bank"))
    assert not reordered(("crown", "court"), ("court", "crown"))


def test_a_councillors_title_is_no_name() -> None:
    def names(text: str) -> list[str]:
        kinds = ("person", "organisation", "entity", "place")
        return [f.text for f in extract_facts(text, language="en") if f.kind in kinds]

    assert names("Councillor Morag Flett chaired the ferry board in May.") == ["Morag Flett"]
    assert names("Cllr Morag Flett chaired the ferry board in May.") == ["Morag Flett"]
    assert names("The Parish Councillor for the ward stood down in July.") == []
