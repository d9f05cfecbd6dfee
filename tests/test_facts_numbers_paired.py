"""Numbers and dates a rewrite changes or keeps in other words, paired as one fact rather
than reported dropped and added: a measure converted and rounded under "about", a
measure whose qualifier and value both moved, a range with one end moved, an amount of
money said twice under two nouns, a date whose year is left unsaid, a share in words
that is no bare number, and compound unit symbols. The sentences are made up for these
tests; no passages are given."""

from __future__ import annotations

from textlineage.facts import diff_facts, extract_facts
from textlineage.facts.ages import is_age
from textlineage.types import Fact, FactDiff


def _diff(a: str, b: str) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1)


def _changed(d: FactDiff) -> dict[tuple[str, str], str]:
    return {(k.source.text, k.derived.text): k.label for k in d.changed}


def _kept(d: FactDiff) -> set[tuple[str, str]]:
    return {(k.source.text, k.derived.text) for k in d.kept}


def _left(d: FactDiff, kind: str = "number") -> list[str]:
    return sorted(f.text for f in (*d.added, *d.dropped) if f.kind == kind)


def test_a_measure_converted_and_rounded_under_about_is_one_change() -> None:
    d = _diff(
        "The bridge repairs will take around 30 weeks, the engineers said on Monday.",
        "Expect roadworks for about six months while the crossing is fixed.",
    )
    assert ("around 30 weeks", "about six months") in _changed(d)
    assert _left(d) == []


def test_a_measure_with_a_new_qualifier_and_value_is_one_change() -> None:
    d = _diff(
        "Heavy rain is expected. Winds gusting as high as 45 mph.",
        "Forecasters warn of a wet night with gusts up to 50 mph along the coast.",
    )
    assert ("as high as 45 mph", "up to 50 mph") in _changed(d)
    assert _left(d) == []


def test_a_range_with_one_end_moved_pairs_with_that_range() -> None:
    d = _diff(
        "Snow totals of 10 to 16 inches are expected, with up to 20 inches on the hills.",
        "Forecasters call for 10 to 20 inches of snow across the region.",
    )
    ch = _changed(d)
    assert ("10 to 16 inches", "10 to 20 inches") in ch
    assert _left(d) == ["up to 20 inches"]


def test_money_said_twice_under_two_nouns_is_one_amount() -> None:
    d = _diff(
        "The £4.3 million scheme was approved. Critics said the £4.3m plan was rushed.",
        "Councillors backed the plan, £4.3m altogether, on Tuesday night.",
    )
    assert _left(d) == []


def test_a_date_with_its_year_left_unsaid_is_kept() -> None:
    d = _diff(
        "The company will publish interim results on 9 September 2025.",
        "Half-year results are due on 9 September, the company said.",
    )
    assert ("9 September 2025", "9 September") in _kept(d)
    assert not d.changed


def test_a_month_without_its_year_is_still_less_specific() -> None:
    d = _diff("The vote is due in March 2026.", "The council votes in March.")
    assert not [k for k in d.kept if "left unsaid" in k.note]


def test_a_share_in_words_is_no_bare_number() -> None:
    d = _diff(
        "Report of Session 2024-25. Of the money, 26 per cent went on administration.",
        "More than a quarter of the money went on administration.",
    )
    assert ("26 per cent", "more than a quarter") in {
        (k.source.text, k.derived.text.lower()) for k in d.changed
    }


def test_the_closest_share_pairs_first() -> None:
    d = _diff(
        "Approximately 47% of patients on the drug improved, against 26% on placebo.",
        "Nearly half of those on the drug improved, compared with roughly a quarter on "
        "placebo, and half said they would go on.",
    )
    pairs = _changed(d)
    assert ("26%", "roughly a quarter") in pairs
    assert ("Approximately 47%", "Nearly half") in pairs


def test_a_comparison_after_a_number_is_no_qualifier_of_the_next() -> None:
    facts = extract_facts("Some 17,500 fewer than three months earlier were out of work.", 0)
    texts = {f.text for f in facts if f.kind == "number"}
    assert "three months" in texts
    assert "fewer than three months" not in texts


def test_a_comparative_alone_after_a_number_is_no_noun() -> None:
    facts = extract_facts("The placebo group had about four fewer.", 0)
    assert [f.text for f in facts if f.kind == "number"] == ["about four"]


def test_a_length_symbol_over_a_time_is_a_speed() -> None:
    facts = extract_facts("Turbines stop at wind speeds above 8 m/s at night.", 0)
    assert [f.text for f in facts if f.kind == "number"] == ["above 8 m/s"]
    facts = extract_facts("He was paid 5 m a year.", 0)
    assert [f.text for f in facts if f.kind == "number"] == ["5 m"]


def test_one_count_under_two_nouns_tied_by_a_kept_neighbour() -> None:
    d = _diff(
        "Officials said 47 accommodation centres are hosting 36,500 displaced people.",
        "Around 36,500 people have taken refuge in 47 shelters, aid groups report.",
    )
    assert ("47 accommodation centres", "47 shelters") in _kept(d)


def test_one_count_under_two_nouns_tied_by_a_shared_word() -> None:
    d = _diff(
        "Two security staff were in the building when the fire started.",
        "Two security guards who were inside got out safely.",
    )
    assert ("Two security staff", "Two security guards") in _kept(d)


def test_small_counts_of_other_things_stay_apart() -> None:
    d = _diff(
        "The museum bought three paintings last year.",
        "Thieves escaped with three vans during the night.",
    )
    assert _left(d) == ["three paintings", "three vans"]


def test_a_measure_and_a_half() -> None:
    facts = extract_facts("The flight takes about three and a half hours.", 0)
    assert [(f.text, f.value) for f in facts if f.kind == "number"] == [
        ("about three and a half hours", "3.5")
    ]
    facts = extract_facts("The meeting lasted an hour and a half.", 0)
    assert [(f.text, f.value) for f in facts if f.kind == "number"] == [
        ("an hour and a half", "1.5")
    ]


def test_a_time_in_parts_is_compared_with_one_unit() -> None:
    d = _diff(
        "The flight time is scheduled at around 3 hours 25 minutes on the new jets.",
        "On the new jets the flight takes about three and a half hours.",
    )
    links = {(k.source.text, k.derived.text): k.detail for k in d.changed}
    assert links[("around 3 hours 25 minutes", "about three and a half hours")] == "rounded"


def test_a_fraction_of_any_unit_of_measure() -> None:
    facts = extract_facts("More than a quarter of a meter of rain fell.", 0)
    assert [(f.text, f.value) for f in facts if f.kind == "number"] == [
        ("More than a quarter of a meter", "0.25")
    ]
    facts = extract_facts("Half a dozen eggs and a third of the flour.", 0)
    assert "a third of the flour" not in {f.text for f in facts}


def test_one_measure_in_another_unit_with_its_qualifier_dropped() -> None:
    d = _diff(
        "The storm brought more than 250 mm of rain in 24 hours to the coast.",
        "The coast was soaked by a quarter of a meter of rain in a single day.",
    )
    links = {(k.source.text, k.derived.text): k.label for k in d.changed}
    assert links[("more than 250 mm", "a quarter of a meter")] == "strength"


def test_money_is_one_amount_whatever_word_follows_it() -> None:
    d = _diff(
        "Councillors approved the £4.3 million scheme on Tuesday.",
        "The council approved the works, £4.3m altogether, on Tuesday.",
    )
    assert ("£4.3 million scheme", "£4.3m altogether") in _kept(d)


def test_a_share_before_a_comparative_and_inches_against_the_digits() -> None:
    d = _diff(
        "The 12.9-inch tablet is 20 percent lighter and up to 35 percent faster.",
        "The tablet has a 12.9in screen, is a fifth lighter and as much as 35% quicker.",
    )
    assert _left(d) == []
    assert not d.changed


def test_a_bare_number_changed_beside_a_kept_fact() -> None:
    d = _diff(
        "The novel ends in 2004 with the same woman, now 67, trying to sell the house.",
        "It follows her until 2004, when, aged 76, she finally decides to sell up.",
    )
    assert ("67", "76") in _changed(d)


def test_an_age_after_who_is_changed_to_an_age_in_years() -> None:
    d = _diff(
        "The complaint concerns her son, who is 17, and the stairlift the council refused.",
        "The complaint concerns her 16-year-old son and the stairlift the council refused.",
    )
    assert ("17", "16-year-old") in _changed(d)
    text = "The complaint concerns her son, who is 17, and the stairlift."
    at = text.index("17")
    assert is_age(Fact("number", "17", (at, at + 2), 0, "17"), text)
    text = "The council, who is 17 days late, has not replied."  # no age: a count of days
    at = text.index("17 days")
    assert not is_age(Fact("number", "17 days", (at, at + 7), 0, "17"), text)


def test_bare_numbers_of_other_sizes_stay_apart() -> None:
    d = _diff(
        "The novel ends in 2004 with the same woman, now 67, trying to sell the house.",
        "It follows her until 2004, when she sells 3 of her paintings.",
    )
    assert ("67", "3 of her paintings") not in _changed(d)
    assert "67" in _left(d)


def test_vague_hundreds_of_thousands() -> None:
    d = _diff(
        "Wind turbines kill an estimated several hundred thousand bats a year.",
        "Turbines kill hundreds of thousands of bats every year.",
    )
    links = {(k.source.text, k.derived.text): k.label for k in d.changed}
    assert (
        links[("an estimated several hundred thousand bats", "hundreds of thousands of bats")]
        == "strength"
    )


def test_a_bound_that_excludes_a_range_is_not_that_range() -> None:
    d = _diff(
        "Deaths fell by 38% (95% CI: 24–49%). For hoary bats the fall was 51%.",
        "For hoary bats the drop was more than half.",
    )
    assert ("24–49%", "more than half") not in _changed(d)


def test_a_bound_untrue_of_its_equal_value_is_a_rounding_of_another() -> None:
    d = _diff(
        "Side effects were nausea (9%) and constipation (4%). Only 3.2% stopped treatment.",
        "Nausea affected about one in ten, and fewer than 4% stopped treatment.",
    )
    links = {(k.source.text, k.derived.text): k.detail for k in d.changed}
    assert links[("3.2%", "fewer than 4%")] == "rounded"
    assert "4%" in [f.text for f in d.dropped]


def test_a_bound_equal_to_its_only_source_value_is_a_qualifier_added() -> None:
    d = _diff("Turnout was 40% this year.", "Turnout was under 40% this year.")
    links = {(k.source.text, k.derived.text): k.label for k in d.changed}
    assert links[("40%", "under 40%")] == "strength"


def test_a_measure_rounded_with_its_noun_left_understood() -> None:
    d = _diff(
        "Patients receiving the 60 mg dose experienced a mean reduction of 6.8 monthly "
        "migraine days from baseline, compared with 4.1 days for placebo.",
        "At its 60 mg dose, people had close to seven fewer migraine days a month than "
        "before, against about four fewer for those taking a dummy pill.",
    )
    links = {(k.source.text, k.derived.text): k.detail for k in d.changed}
    assert links[("4.1 days", "about four")] == "rounded"


def test_shares_far_apart_in_unrelated_sentences_stay_apart() -> None:
    d = _diff(
        "The average selling price rose 3% to £287,400.",
        "Shares in the builder closed 4.2% higher yesterday.",
    )
    # (the rise and the level it reached are dropped as one phrase: facts/together.py)
    assert _left(d) == ["3% to £287,400", "4.2%"]
    d = _diff(
        "The council will cap administration costs at 15 per cent.",
        "The council says admin costs will be capped at 10 per cent.",
    )
    assert ("15 per cent", "10 per cent") in _changed(d)


def test_money_is_never_the_same_value_counting_things() -> None:
    d = _diff(
        "Each season ticket will cost about $58 more. The club also cut 60 seasonal jobs.",
        "Season tickets will go up by about $60.",
    )
    assert _changed(d) == {("about $58", "$60"): "value"}
    assert _left(d) == ["60 seasonal jobs"]
    d = _diff("The fine was 60 dollars.", "The fine was $60.")
    assert ("60 dollars", "$60") in _kept(d)


def test_a_rough_measure_converted_to_another_unit_is_kept() -> None:
    d = _diff(
        "The new ring road will be about 80 kilometres long.",
        "The ring road will run for about 50 miles.",
    )
    assert _kept(d) == {("about 80 kilometres", "about 50 miles")}
    assert not d.changed


def test_two_roundings_in_one_passage_pair_with_their_nearest() -> None:
    from textlineage.types import Passage

    src = (
        "Total sales were $512.4 million, up 9%. Online sales were $466.8 million, up 14%, "
        "and made up 91% of the total."
    )
    der = "The chain's sales came to $512 million, up 9%, with $467 million of them online."
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    d = diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))
    pairs = {(k.source.text, k.derived.text) for k in d.changed}
    assert pairs == {("$512.4 million", "$512 million"), ("$466.8 million", "$467 million")}


def test_a_named_countrys_dollar_is_an_amount_of_dollars() -> None:
    facts = extract_facts("It holds C$14.2 million in cash, A$3 billion of debt and NZ$40.")
    assert [(f.text, f.value) for f in facts if f.kind == "number"] == [
        ("C$14.2 million", "14200000"),
        ("A$3 billion", "3000000000"),
        ("NZ$40", "40"),
    ]
    d = _diff("The miner has about C$14.2 million in cash.", "They have $14 million in the bank.")
    assert _changed(d) == {("about C$14.2 million", "$14 million"): "value"}
