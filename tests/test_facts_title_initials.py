"""A person's title spelled out on one side and given by its initials on the other is
one person kept."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts


def _diff(src: str, der: str) -> list[tuple[str, str]]:
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not [f for f in (*d.added, *d.dropped) if f.kind != "number"]
    return [(k.source.text, k.derived.text) for k in d.kept]


def test_a_title_by_its_initials_is_the_same_person() -> None:
    kept = _diff(
        "The rapid section was won by International Master Ana Ruiz (Madrid) with 6 points.",
        "IM Ana Ruiz from Madrid won the rapid section on 6 points.",
    )
    assert ("International Master Ana Ruiz", "IM Ana Ruiz") in kept


def test_a_title_by_its_initials_and_half_a_double_surname_is_a_surname_change() -> None:
    d = diff_facts(
        "Detective Inspector Rhian Tolley-Marsh, of the county's burglary squad, said the"
        " stolen clocks had been recovered.",
        "DI Rhian Tolley, of the county's burglary squad, said the stolen clocks were found.",
        source_doc=0,
        derived_doc=1,
    )
    assert [(k.source.text[-18:], k.derived.text, k.label) for k in d.changed] == [
        ("Rhian Tolley-Marsh", "DI Rhian Tolley", "surname")
    ]
    assert not [f for f in (*d.added, *d.dropped) if f.kind == "person"]


def test_a_title_read_before_the_name_and_half_a_double_surname_is_a_surname_change() -> None:
    d = diff_facts(
        "Detective Sergeant Rhian Tolley-Marsh, of the county's burglary squad, said the"
        " stolen clocks had been recovered.",
        "DS Rhian Tolley, of the county's burglary squad, said the stolen clocks were found.",
        source_doc=0,
        derived_doc=1,
    )
    assert [(k.source.text, k.derived.text, k.label) for k in d.changed] == [
        ("Rhian Tolley-Marsh", "DS Rhian Tolley", "surname")
    ]
    assert not [f for f in (*d.added, *d.dropped) if f.kind == "person"]


def test_initials_of_other_words_are_no_title() -> None:
    d = diff_facts(
        "Morning Show Rhian Tolley-Marsh presented the awards on the pier.",
        "DI Rhian Tolley presented the awards on the pier.",
        source_doc=0,
        derived_doc=1,
    )
    # "DI" does not stand for "Morning Show": no link takes the show's words for the title
    # (the double surname cut is still one person: match_double_names)
    links = [*d.kept, *d.changed]
    assert not [k for k in links if "Morning" in k.source.text or "Show" in k.source.text]
    assert [(k.source.text, k.derived.text) for k in d.changed] == [
        ("Rhian Tolley-Marsh", "DI Rhian Tolley")
    ]
