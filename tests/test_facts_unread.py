"""Numbers one side writes in a form read only against the other side's leftover number
(:mod:`textlineage.facts.match_unread`): a unit symbol against the digits ("12.5m",
"3,200gt") and "a" for one ("a week"). Also a small reading: "the fall" before "at" is
an event, not the season. The sentences are made up for these tests; no passages are
given."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.facts.extract import analysed
from textlineage.facts.items import Result
from textlineage.facts.match_unread import after_leftovers, converted_over_bare
from textlineage.types import Fact, FactDiff, FactLink


def _diff(a: str, b: str) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1)


def _changed(d: FactDiff) -> dict[tuple[str, str], str]:
    return {(k.source.text, k.derived.text): k.label for k in d.changed}


def _kept(d: FactDiff) -> set[tuple[str, str]]:
    return {(k.source.text, k.derived.text) for k in d.kept}


def _left(d: FactDiff, kind: str = "number") -> list[str]:
    return sorted(f.text for f in (*d.added, *d.dropped) if f.kind == kind)


def test_a_length_written_with_its_symbol_is_kept() -> None:
    d = _diff(
        "The lighthouse keeper said the tower stands 12.5 metres, counting the lantern room.",
        "Counting its lantern room, the tower stands 12.5m, the lighthouse keeper said.",
    )
    assert ("12.5 metres", "12.5m") in _kept(d)
    assert _left(d) == []


def test_a_symbol_of_the_nouns_initials_with_a_like_hedge_is_kept() -> None:
    d = _diff(
        "The dredger Halvard Moen, of around 3,200 gross register tonnes, berthed at Dunmore.",
        "The Halvard Moen, a dredger of about 3,200grt, berthed at Dunmore overnight.",
    )
    assert ("around 3,200 gross register tonnes", "about 3,200grt") in _kept(d)
    assert _left(d) == []


def test_a_symbol_with_a_hedge_dropped_is_a_change_of_strength() -> None:
    d = _diff(
        "Divers searched the reservoir at depths of up to 40 metres on Thursday afternoon.",
        "On Thursday afternoon divers searched the reservoir at depths of 40m.",
    )
    assert _changed(d).get(("up to 40 metres", "40m")) == "strength"
    assert _left(d) == []


def test_a_for_one_with_a_hedge_dropped_is_a_change_of_strength() -> None:
    d = _diff(
        "Stir the glaze for at least one minute before brushing it over the warm loaf.",
        "Before brushing it over the warm loaf, stir the glaze for a minute.",
    )
    assert _changed(d).get(("at least one minute", "a minute")) == "strength"
    assert _left(d) == []


def test_a_for_one_in_a_sentence_saying_the_same_is_a_change_of_value() -> None:
    d = _diff(
        "The orchard reopened to visitors three weeks after the storm flattened its fences.",
        "Visitors were back in the orchard a week after the storm flattened the fences.",
    )
    assert _changed(d).get(("three weeks", "a week")) == "value"
    assert _left(d) == []


def test_a_as_a_rate_or_a_point_to_compare_with_is_no_count() -> None:
    d = _diff(
        "Sales of the orchard's cider rose to 4,100 bottles, up from three years ago.",
        "Cider sales at the orchard rose to 4,100 bottles from a year earlier, twice a year.",
    )
    assert not any("a year" in k.derived.text for k in (*d.kept, *d.changed))


def test_the_fall_before_at_is_no_season() -> None:
    d = _diff(
        "The climber was treated in hospital on Friday.",
        "The climber was treated in hospital on Friday, two days after the fall at the crag.",
    )
    assert not [f for f in d.added if f.kind == "date" and "fall" in f.text]


def test_a_count_of_a_noun_made_vague_is_one_change() -> None:
    d = _diff(
        "Inspectors found cracks in four support beams of the old pier last week.",
        "Last week inspectors found cracks in several support beams of the pier.",
    )
    assert _changed(d).get(("four support beams", "several support beams")) == "strength"
    assert _left(d) == []


def test_a_vague_count_made_specific_is_one_change_the_other_way() -> None:
    d = _diff(
        "The volunteers replanted a few oak saplings along the canal towpath.",
        "Along the canal towpath the volunteers replanted six oak saplings.",
    )
    assert _changed(d).get(("a few oak saplings", "six oak saplings")) == "strength"
    assert _left(d) == []


def test_a_change_is_told_from_the_source_mention_said_alike() -> None:
    src = (
        "Seaside Town Wins £4.62 Million Grant\n\n"
        "The fishing town of Pellow has been awarded £4.62 million to rebuild its harbour "
        "wall and fish market, the regional fund said."
    )
    d = _diff(src, "Pellow has been awarded £4.6 million to rebuild its harbour wall.")
    [k] = [k for k in d.changed if k.kind == "number"]
    assert k.source.span[0] > src.index("\n\n")


def test_a_rank_told_as_a_superlative_is_first_place() -> None:
    d = _diff(
        "The festival sold 41,000 tickets, the third-biggest audience in its history.",
        "The festival sold 41,000 tickets, its biggest audience yet.",
    )
    assert _changed(d).get(("third-biggest audience", "its biggest audience")) == "value"
    assert _left(d) == []


def test_a_measure_is_kept_against_its_converted_self_not_a_bare_number() -> None:
    src = "The council voted, 5 for and 2 against, to extend parking to 180 minutes, up from 60 minutes."
    der = "Councillors (5 for, 2 against) extended parking from 60 minutes to three hours."
    items = (analysed(src, 0, "en"), analysed(der, 1, "en"))

    def fact(side: int, text: str) -> Fact:
        return next(it.fact for it in items[side] if it.fact.text == text)

    res = Result(
        kept=[FactLink("number", fact(0, "2"), fact(1, "three hours"))],
        dropped=[fact(0, "180 minutes")],
    )
    converted_over_bare(items, res)
    assert [(k.source.text, k.derived.text) for k in res.kept] == [("180 minutes", "three hours")]
    assert res.dropped == []


def test_a_count_whose_noun_is_left_out_is_kept() -> None:
    d = _diff(
        "The referee said 312 matches were completed and only one match was abandoned.",
        "The referee said 312 matches were completed and only one was abandoned.",
    )
    assert ("one match", "one") in _kept(d)
    assert _left(d) == []


def test_a_range_narrowed_takes_its_end_from_a_number_kept_elsewhere() -> None:
    src = "Lab results are due within 72 hours. The road should reopen in four to five days."
    der = "Lab results are due soon. Reopening in four days."
    items = (analysed(src, 0, "en"), analysed(der, 1, "en"))

    def fact(side: int, text: str) -> Fact:
        return next(it.fact for it in items[side] if it.fact.text == text)

    res = Result(
        kept=[FactLink("number", fact(0, "72 hours"), fact(1, "four days"))],
        dropped=[fact(0, "four to five days")],
    )
    after_leftovers((src, der), (0, 1), items, res)
    assert [(k.source.text, k.derived.text) for k in res.changed] == [
        ("four to five days", "four days")
    ]
    assert [f.text for f in res.dropped] == ["72 hours"]


def test_names_counted_are_the_same_things() -> None:
    d = _diff(
        "Road closures will affect the Millbrook and Ashcombe districts until Friday.",
        "Until Friday, the closures affect two districts.",
    )
    assert ("Millbrook and Ashcombe districts", "two districts") in _kept(d)
    assert not [f for f in d.added if f.kind == "number"]
