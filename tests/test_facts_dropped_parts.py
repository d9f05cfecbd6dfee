"""Dropped names read right: a person of a body is two facts, a name said as its own
common noun is made less specific, a count of one said with the article is kept."""

from __future__ import annotations

from textlineage.facts.dropped_parts import name_as_noun, one_as_article, split_person_of_body
from textlineage.facts.items import Result
from textlineage.types import Fact


def _fact(text: str, part: str, kind: str, doc: int = 0, value: str = "") -> Fact:
    start = text.index(part)
    return Fact(kind, part, (start, start + len(part)), doc, value)


def test_a_person_of_a_body_is_two_facts() -> None:
    src = "Sergeant Ivo Penrose of the Tarn Harbour Police asked for calm."
    res = Result(dropped=[_fact(src, "Sergeant Ivo Penrose of the Tarn Harbour Police", "person")])
    split_person_of_body(res)
    assert [(f.kind, f.text) for f in res.dropped] == [
        ("person", "Sergeant Ivo Penrose"),
        ("organisation", "Tarn Harbour Police"),
    ]


def test_a_title_of_a_place_stays_one_name() -> None:
    src = "The Duke of Arden opened the fair."
    whole = _fact(src, "Duke of Arden", "person")
    res = Result(dropped=[whole])
    split_person_of_body(res)
    assert res.dropped == [whole]


def test_a_name_said_as_its_own_common_noun_is_made_less_specific() -> None:
    src = "The rider was flown to Marrowfield General Hospital in Dunhope on Sunday."
    der = "The rider was flown to hospital in Dunhope."
    res = Result(dropped=[_fact(src, "Marrowfield General Hospital", "organisation")])
    name_as_noun(res, (src, der), 1)
    assert not res.dropped
    assert [(k.source.text, k.derived.text, k.label) for k in res.changed] == [
        ("Marrowfield General Hospital", "hospital", "specificity")
    ]


def test_the_noun_in_another_slot_leaves_the_name_dropped() -> None:
    src = "Inspector Rhee of Dunhope Harbour Police thanked the crew."
    der = "A police spokesman thanked the crew."
    name = _fact(src, "Dunhope Harbour Police", "organisation")
    res = Result(dropped=[name])
    name_as_noun(res, (src, der), 1)
    assert res.dropped == [name] and not res.changed


def test_a_count_of_one_said_with_the_article_is_kept() -> None:
    src = "The Larks sit third, one point behind Owlbridge."
    der = "We're third, a point behind Owlbridge."
    res = Result(dropped=[_fact(src, "one point", "number", value="1")])
    one_as_article(res, (src, der), 1)
    assert not res.dropped
    assert [(k.source.text, k.derived.text) for k in res.kept] == [("one point", "a point")]


def test_a_firm_named_short_is_one_name() -> None:
    from textlineage.facts.dropped_parts import fold_name_tails
    from textlineage.types import FactLink

    src = "He traded as Pell Glazing & Joinery until spring."
    der = "He traded as Pell Glazing."
    kept = FactLink(
        "organisation",
        _fact(src, "Pell Glazing", "organisation"),
        _fact(der, "Pell Glazing", "organisation", 1),
    )
    res = Result(kept=[kept], dropped=[_fact(src, "Joinery", "organisation")])
    fold_name_tails(res, src)
    assert not res.dropped
    assert [(k.source.text, k.derived.text) for k in res.kept] == [
        ("Pell Glazing & Joinery", "Pell Glazing")
    ]


def test_a_figure_running_over_a_kept_name_is_cut_back() -> None:
    from textlineage.facts.dropped_parts import trim_linked_tails
    from textlineage.types import FactLink

    src = "The Larks (20-6, 9-4 Tarn League) won again."
    der = "The Larks lead the Tarn League."
    league = FactLink(
        "place", _fact(src, "Tarn League", "place"), _fact(der, "Tarn League", "place", 1)
    )
    res = Result(kept=[league], dropped=[_fact(src, "9-4 Tarn League", "number", value="9")])
    trim_linked_tails(res, (src, der))
    assert [f.text for f in res.dropped] == ["9-4"]


def test_a_figure_opening_a_range_a_link_holds_is_not_dropped_again() -> None:
    from textlineage.facts.dropped_parts import fold_range_ends
    from textlineage.types import FactLink

    src = "Fees ranged from £12 to £30 a night, and 4% and 6% of guests paid more."
    der = "Fees were up to £30 a night."
    top = FactLink(
        "number", _fact(src, "£30", "number", value="30"), _fact(der, "up to £30", "number", 1)
    )
    low = _fact(src, "£12", "number", value="12")
    four = _fact(src, "4%", "number", value="4")
    res = Result(changed=[top], dropped=[low, four])
    fold_range_ends(res, src)
    assert res.dropped == [four]


def test_a_change_and_its_result_are_no_range() -> None:
    from textlineage.facts.dropped_parts import fold_range_ends
    from textlineage.types import FactLink

    src = "The price rose 2% to £40 this spring."
    der = "The price is now £40."
    price = FactLink(
        "number", _fact(src, "£40", "number", value="40"), _fact(der, "£40", "number", 1)
    )
    rise = _fact(src, "2%", "number", value="2")
    res = Result(kept=[price], dropped=[rise])
    fold_range_ends(res, src)
    assert res.dropped == [rise]


def test_a_maiden_name_left_out_is_a_person_dropped() -> None:
    from textlineage.facts.dropped_parts import split_maiden_names
    from textlineage.types import FactLink

    src = "Edna Mary Lusk (née Varrow) died at home on Friday."
    der = "Edna Lusk died at home."
    link = FactLink(
        "person",
        _fact(src, "Edna Mary Lusk (née Varrow)", "person"),
        _fact(der, "Edna Lusk", "person", 1),
    )
    res = Result(kept=[link])
    split_maiden_names(res, der)
    assert [k.source.text for k in res.kept] == ["Edna Mary Lusk"]
    assert [(f.kind, f.text) for f in res.dropped] == [("person", "née Varrow")]


def test_a_maiden_name_the_retelling_writes_stays() -> None:
    from textlineage.facts.dropped_parts import split_maiden_names
    from textlineage.types import FactLink

    src = "Edna Mary Lusk (née Varrow) died at home on Friday."
    der = "Edna Lusk, born a Varrow, died at home."
    link = FactLink(
        "person",
        _fact(src, "Edna Mary Lusk (née Varrow)", "person"),
        _fact(der, "Edna Lusk", "person", 1),
    )
    res = Result(kept=[link])
    split_maiden_names(res, der)
    assert res.kept == [link] and not res.dropped
