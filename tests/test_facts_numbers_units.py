"""Number grammar the fact diff must read on unseen text (issue 12): speeds as one
measure, a range written as a compound adjective, a size in two lengths, a part of a
year. The sentences are made up for these tests."""

from __future__ import annotations

import pytest

from textlineage.facts import diff_facts, extract_facts
from textlineage.types import FactDiff, Passage


def _whole(a: str, b: str) -> tuple[Passage, ...]:
    """One passage over both texts: they say the same thing."""
    return (Passage("paraphrase", 0.8, (((0, len(a)),), ((0, len(b)),))),)


def _diff(a: str, b: str) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1, passages=_whole(a, b))


def _facts(text: str, kind: str = "number") -> list[tuple[str, str]]:
    return [(f.text, f.value) for f in extract_facts(text, language="en") if f.kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gusts reached 95km/h on the ridge.", [("95km/h", "95")]),
        ("Trucks may drive at 40 mph here.", [("40 mph", "40")]),
        ("The train ran at 120 kilometres an hour.", [("120 kilometres an hour", "120")]),
        ("The tiles measure 30cm by 45cm.", [("30cm by 45cm", "30x45")]),
        ("A yard 12 by 20 metres was fenced.", [("12 by 20 metres", "12x20")]),
        ("Cells of 5m x 8m were built.", [("5m x 8m", "5x8")]),
        (
            "Yields fell by a quarter of a percentage point.",
            [("a quarter of a percentage point", "0.25")],
        ),
        ("Markets expect a half-point rise.", [("half-point", "0.5")]),
        ("The shelter is half a mile away.", [("half a mile", "0.5")]),
        (
            "The scheme has an estimated cost of £4 million.",
            [("an estimated cost of £4 million", "4000000")],
        ),
    ],
)
def test_speeds_and_sizes_are_one_number(text: str, expected: list[tuple[str, str]]) -> None:
    assert _facts(text) == expected


def test_a_speed_is_no_length() -> None:
    d = _diff(
        "Work on a 14-kilometre stretch began. Lorries are limited to 50 km/h on it.",
        "Lorries are limited to 70 km/h on it.",
    )
    changed = [(c.source.text, c.derived.text) for c in d.changed]
    assert changed == [("limited to 50 km/h", "limited to 70 km/h")]  # "limited to": at most
    assert [f.text for f in d.dropped] == ["14-kilometre"]


def test_a_range_as_a_compound_adjective_is_the_range() -> None:
    d = _diff("Most voters aged 18 to 29 stayed at home.", "Most 18- to 29-year-olds stayed home.")
    assert [(k.source.text, k.derived.text) for k in d.kept] == [
        ("18 to 29", "18- to 29-year-olds")
    ]
    assert d.changed == () and d.added == () and d.dropped == ()


@pytest.mark.parametrize(
    ("source", "derived", "pair"),
    [
        (
            "Fares have climbed since late 2019.",
            "Fares have climbed since 2019.",
            ("late 2019", "2019"),
        ),
        ("The hall reopens in 2026.", "The hall reopens in mid-2026.", ("2026", "mid-2026")),
    ],
)
def test_a_part_of_a_year_is_more_specific_than_the_year(
    source: str, derived: str, pair: tuple[str, str]
) -> None:
    d = _diff(source, derived)
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [(*pair, "specificity")]
    assert d.added == () and d.dropped == ()


def test_a_part_of_a_year_kept() -> None:
    d = _diff("Sales slowed in early 2022.", "In early 2022 sales slowed.")
    assert [(k.source.text, k.derived.text) for k in d.kept] == [("early 2022", "early 2022")]


def test_a_count_far_from_another_of_its_noun_is_not_it() -> None:
    source = (
        "Several hundred residents gathered outside the town hall on Monday evening. "
        "Later, two residents were arrested near the station."
    )
    derived = (
        "Officers arrested four residents near the station. "
        "A petition was signed by 45,000 residents."
    )
    d = diff_facts(source, derived, source_doc=0, derived_doc=1, passages=())
    changes = [(c.source.text, c.derived.text) for c in d.changed]
    assert ("two residents", "four residents") in changes
    assert all(s != "two residents" or t != "45,000 residents" for s, t in changes)
    assert all(s != "Several hundred residents" or t != "four residents" for s, t in changes)


def test_a_fraction_of_a_point_changed() -> None:
    d = _diff(
        "The central bank cut its rate by half a percentage point.",
        "The central bank announced a quarter-point cut in its rate.",
    )
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [
        ("half a percentage point", "quarter-point", "value")
    ]


def test_an_estimated_quantity_of_a_noun_made_plain_is_a_change_of_strength() -> None:
    d = _diff(
        "The bridge has an estimated cost of £12 million.", "The bridge has a cost of £12 million."
    )
    assert [(c.source.text, c.derived.text, c.label) for c in d.changed] == [
        ("an estimated cost of £12 million", "£12 million", "strength")
    ]


def test_a_position_is_no_count_of_places() -> None:
    d = _diff(
        "The college fell six places this year. The best in the province was Lakeside, at 64th.",
        "The college dropped seven places. Lakeside was the best in the province, in 64th place.",
    )
    assert [(c.source.text, c.derived.text) for c in d.changed] == [("six places", "seven places")]
    assert [(k.source.text, k.derived.text) for k in d.kept if k.kind == "number"] == [
        ("64th", "64th place")
    ]
    assert d.added == () and d.dropped == ()


def test_a_spaced_m_is_metres_after_a_count_and_millions_after_money() -> None:
    assert _facts("The pier is 42 m long.") == [("42 m", "42")]
    assert _facts("The club owes £7 m to its lender.") == [("£7 m", "7000000")]
    d = _diff(
        "The new pier is 41.7 metres long and cost £7.2 million.",
        "The new pier is 42 m long and cost £7 m.",
    )
    pairs = sorted((c.source.text, c.derived.text) for c in d.changed)
    assert pairs == [("41.7 metres", "42 m"), ("£7.2 million", "£7 m")]
    assert not d.added and not d.dropped


def test_a_glued_m_is_metres_after_within_or_before_a_word_of_size() -> None:
    assert _facts("Nobody may build within 150m of the weir.") == [("150m", "150")]
    assert _facts("The sea wall is 9m high.") == [("9m", "9")]
    assert _facts("The fence stands 12ft from the road.") == [("12ft", "12")]
    assert _facts("The council found £9m for the weir.") == [("£9m", "9000000")]
    d = _diff(
        "Homes within 150 metres of the weir will be visited.",
        "Homes within 150m of the weir will be visited.",
    )
    assert not d.changed and not d.added and not d.dropped


def test_pounds_and_millilitres_glued_to_their_figure_are_measures() -> None:
    assert _facts("The horse had dropped 6lb in the weights.") == [("6lb", "6")]
    assert _facts("Each bottle holds 250ml.") == [("250ml", "250")]
    d = _diff("Carrick Lad dropped 6lb in the weights.", "Carrick Lad dropped 7lb in the weights.")
    assert [(c.source.text, c.derived.text) for c in d.changed] == [("6lb", "7lb")]
    d = _diff("The foal weighed 90 pounds at birth.", "The foal weighed 90lb at birth.")
    assert not d.changed and not d.added and not d.dropped


def test_a_unit_said_with_a_after_a_qualifier_is_one_of_it() -> None:
    assert _facts("The path climbs for nearly a mile past the mill.") == [("nearly a mile", "1")]
    assert _facts("She missed the final with a foot injury.") == []
    d = _diff(
        "Forecasters expect 20 to 24 inches of rain on the hills.",
        "Forecasters expect up to two feet of rain on the hills.",
    )
    assert not d.added and not d.dropped
    d = _diff(
        "Forecasters expect 20 to 24 inches of rain on the hills.",
        "Forecasters expect up to a foot of rain on the hills.",
    )
    assert _pairs_of(d) == [("20 to 24 inches", "up to a foot")]


def _pairs_of(d: FactDiff) -> list[tuple[str, str]]:
    return [(c.source.text, c.derived.text) for c in d.changed]


def test_a_preposition_after_a_number_is_no_noun_of_it() -> None:
    assert [t for t, _ in _facts("The storms raged from May 28 to 30 across the plains.")] == ["30"]
    assert _facts("Residents may request one through their council office.") == []
    assert [t for t, _ in _facts("They walked 30 miles across the moor.")] == ["30 miles"]


def test_grams_ounces_and_milligrams_after_their_figure_are_measures() -> None:
    assert _facts("The coin holds 31.1 g of silver.") == [("31.1 g", "31.1")]
    assert _facts("Add 250g of flour and 500mg of salt.") == [("250g", "250"), ("500mg", "500")]
    d = _diff("The coin holds 31.1 grams of silver.", "The coin holds 31.1 g of silver.")
    assert not d.changed and not d.added and not d.dropped
    d = _diff("The jar holds 6oz of honey.", "The jar holds 8oz of honey.")
    assert [(c.source.text, c.derived.text) for c in d.changed] == [("6oz", "8oz")]


def test_south_asian_grouping_and_lakh_and_crore() -> None:
    assert _facts("Arrivals reached 43,64,870 bales.") == [("43,64,870 bales", "4364870")]
    assert _facts("Arrivals reached 43.6 lakh bales.") == [("43.6 lakh bales", "4360000")]
    assert _facts("The bridge cost ₹3.75 crore.")[0][1] == "37500000"
    assert _facts("A fine of Rs 5 lakh was imposed.") == [("Rs 5 lakh", "500000")]
    assert _facts("There are two lakh vacancies.") == [("two lakh vacancies", "200000")]
    d = _diff("A fine of Rs 5 lakh was imposed.", "A fine of ₹500,000 was imposed.")
    assert not d.changed and not d.added and not d.dropped
    d = _diff("Mills bought 46,15,000 bales this year.", "Mills bought 46.15 lakh bales this year.")
    assert not d.changed and not d.added and not d.dropped
    d = _diff("Mills bought 43,64,870 bales this year.", "Mills bought 43.6 lakh bales this year.")
    assert [(c.source.text, c.derived.text) for c in d.changed] == [
        ("43,64,870 bales", "43.6 lakh bales")
    ]


def test_naira_ringgit_and_shilling_letters_are_currencies() -> None:
    """ "N1.42 billion" was the entity "N1" and no number; "N95" and "N1" stay names."""
    assert _facts("The scheme cost N1.42 billion.") == [("N1.42 billion", "1420000000")]
    assert _facts("Each school got N25,000.") == [("N25,000", "25000")]
    assert _facts("Fines of RM25,000 apply.")[0][1] == "25000"
    assert _facts("Fares are KSh 300.")[0][1] == "300"
    d = _diff(
        "The project cost N1.42 billion, of which N600 million came from donors.",
        "The project cost ₦1.42bn, of which ₦600m came from donors.",
    )
    assert not d.changed and not d.added and not d.dropped and len(d.kept) == 2
    assert all(f.kind != "number" for f in extract_facts("Wear N95 masks on the N1.", doc=0))


def test_african_currencies_before_grouped_amounts() -> None:
    assert _facts("Pay is K28,500 to K34,000 per month.") == [("K28,500 to K34,000", "28500-34000")]
    assert _facts("The fine is R25,000.") == [("R25,000", "25000")]
    got = _facts("Pay is between N850,000 and N1,100,000, depending on experience.")
    assert got == [("between N850,000 and N1,100,000", "850000-1100000")]  # a comma after it
    assert _facts("Fees rose to UGX 40,000.")[0][1] == "40000"
    assert _facts("A grant of MK1.2 billion was paid.")[0][1] == "1200000000"
    d = _diff(
        "The loan book reached KSh 1.86 billion by June.", "The loan book reached Sh1.9bn by June."
    )
    assert [(k.source.text, k.derived.text) for k in d.changed] == [("KSh 1.86 billion", "Sh1.9bn")]
    kinds = [f.kind for f in extract_facts("The K9 unit ran R2 routes for K12 schools.", doc=0)]
    assert "number" not in kinds


def test_a_dollar_of_a_named_caribbean_country_is_a_dollar() -> None:
    assert _facts("Costumes from TT$4,200.") == [("TT$4,200", "4200")]
    assert _facts("Rent is J$90,000 a month.")[0][0] == "J$90,000"
    d = _diff(
        "Backline costumes cost TT$4,200 this year.",
        "Backline costumes cost around $4,000 this year.",
    )
    assert [(k.source.text, k.derived.text) for k in d.changed] == [("TT$4,200", "around $4,000")]
    assert not d.added and not d.dropped


def test_parts_per_million_is_one_unit() -> None:
    assert _facts("Nitrate was 4.2 parts per million.") == [("4.2 parts per million", "4.2")]
    d = _diff("Nitrate was 4.2 parts per million in May.", "Nitrate was 4.2 ppm in May.")
    assert not d.changed and not d.added and not d.dropped
    d = _diff("Lead was 15 parts per billion in May.", "Lead was 15 ppm in May.")
    assert [(c.source.text, c.derived.text) for c in d.changed] == [
        ("15 parts per billion", "15 ppm")
    ]


def test_a_range_hyphenated_before_its_noun() -> None:
    assert _facts("Free for 16-to-25-year-olds.") == [("16-to-25-year-olds", "16-25")]
    d = _diff("It is free for anyone aged 16 to 25.", "It is free for 16-to-25-year-olds.")
    assert not d.changed and not d.added and not d.dropped


def test_basis_points_are_hundredths_of_a_point_in_any_language() -> None:
    assert _facts("Rates rose 120 basis points.") == [("120 basis points", "1.2")]
    assert _facts("A 25-basis-point cut followed.") == [("25-basis-point", "0.25")]
    d = _diff(
        "The bank raised rates by 120 basis points.",
        "The bank raised rates by 1.2 percentage points.",
    )
    assert not d.changed and not d.added and not d.dropped
    for text, lang in (
        ("ورفع سعر الفائدة 600 نقطة أساس", "ar"),
        ("La BCE a relevé ses taux de 600 points de base.", "fr"),
        ("Die EZB hob die Zinsen um 600 Basispunkte an.", "de"),
    ):
        assert [f.value for f in extract_facts(text, language=lang) if f.kind == "number"] == ["6"]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("Sixty-plus onlookers watched the sale.", "More than 60 onlookers watched the sale."),
        ("The hall is limited to 500 people.", "The hall takes up to 500 people."),
        (
            "Organisers expect an expected 40,000 spectators a day.",
            "Organisers expect around 40,000 spectators a day.",
        ),
        (
            "The filter adds maybe KSh 9,000 to the cost.",
            "The filter adds about KSh 9,000 to the cost.",
        ),
        ("The plot is 612 sqm in all.", "The plot is 612 square metres in all."),
    ],
)
def test_a_bound_or_a_unit_said_in_other_words_is_kept(source: str, derived: str) -> None:
    d = _diff(source, derived)
    assert not d.changed and not d.added and not d.dropped and len(d.kept) == 1
