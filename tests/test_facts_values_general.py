"""Numbers and measures as a second writer rewrites them: money and times in short,
temperatures with a decimal, roundings paired by the nearest value, ranges narrowed to an
end, and a value said again loosely. Each text is made up for the test."""

from __future__ import annotations

from textlineage.facts import diff_facts, extract_facts
from textlineage.types import FactDiff


def diff(src: str, der: str) -> FactDiff:
    return diff_facts(src, der, source_doc=0, derived_doc=1, languages=("en", "en"))


def changed(d: FactDiff) -> list[tuple[str, str]]:
    return [(k.source.text, k.derived.text) for k in d.changed if k.kind == "number"]


def numbers(d: FactDiff, which: str) -> list[str]:
    return [f.text for f in getattr(d, which) if f.kind == "number"]


def values(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.value) for f in extract_facts(text, language="en") if f.kind == "number"]


def test_money_in_short_is_read_as_millions_only_after_a_currency_sign() -> None:
    assert values("The club paid £7.5m for the striker and $1.2bn for the ground.") == [
        ("£7.5m", "7500000"),
        ("$1.2bn", "1200000000"),
    ]
    assert values("The wall is 12m high.") == [("12m", "12")]  # metres, not millions


def test_a_rounded_amount_in_short_is_one_amount_changed() -> None:
    d = diff(
        "The bakery group said turnover rose 8.4 per cent to €52.7 million in 2024.",
        "The bakery group said turnover rose 8% to €53m in 2024.",
    )
    assert sorted(changed(d)) == [("8.4 per cent", "8%"), ("€52.7 million", "€53m")]
    assert not numbers(d, "added") and not numbers(d, "dropped")


def test_an_amount_of_money_is_never_a_share() -> None:
    # (a guard: the pairing of numbers must not take a share for an amount)
    d = diff(
        "Costs at the ferry company grew to £41.2 million as fuel went up.",
        "Costs at the ferry company grew 9% as fuel went up.",
    )
    assert not changed(d)
    assert numbers(d, "dropped") == ["£41.2 million"] and numbers(d, "added") == ["9%"]


def test_a_time_in_short_units_is_the_same_time() -> None:
    assert values("She finished in 2hrs 41mins 07secs, 3min 9sec clear.") == [
        ("2hrs 41mins 07secs", "2:41:07"),
        ("3min 9sec", "3:09"),
    ]
    d = diff(
        "The winner crossed the line 3 minutes 9 seconds ahead of the pack in the rain.",
        "The winner crossed the line 3min 9sec ahead of the pack in the rain.",
    )
    assert not d.changed and not d.added and not d.dropped


def test_a_temperature_with_a_decimal_and_a_qualifier_is_read() -> None:
    assert values("Inland it reached 38.7C, with highs of up to 35C near the coast.") == [
        ("38.7C", "38.7"),
        ("up to 35C", "35"),
    ]
    d = diff(
        "Inland the thermometer reached 38.7C on Monday, the weather office said.",
        "Inland the thermometer reached 39C on Monday, the weather office said.",
    )
    assert changed(d) == [("38.7C", "39C")]
    d = diff(
        "Forecasters expect highs of up to 35C near the coast this week.",
        "Forecasters expect highs of 35C near the coast this week.",
    )
    assert [(k.source.text, k.label) for k in d.changed] == [("up to 35C", "strength")]


def test_a_range_narrowed_to_one_end_is_a_change_of_that_range() -> None:
    d = diff(
        "The bank will open between 20 and 25 branches next year, it said on Monday.",
        "The bank will open 25 branches next year, it said on Monday.",
    )
    assert changed(d) == [("between 20 and 25 branches", "25 branches")]
    assert not numbers(d, "added") and not numbers(d, "dropped")


def test_two_roundings_in_one_rewritten_sentence_pair_by_the_nearest_value() -> None:
    d = diff(
        "In the ballot on the new stadium, 61.7 per cent of members backed the plan and "
        "38.3 per cent opposed it, the club announced after the count.",
        "Club members backed the new stadium plan by 62 per cent to 38 per cent in the "
        "ballot, the club announced.",
    )
    assert sorted(changed(d)) == [
        ("38.3 per cent", "38 per cent"),
        ("61.7 per cent", "62 per cent"),
    ]
    assert not numbers(d, "added") and not numbers(d, "dropped")


def test_a_matched_share_said_again_loosely_is_not_new() -> None:
    d = diff(
        "Harbour profits up sharply\n\nThe port operator reported a 34 per cent rise in "
        "profit for the year, helped by record container traffic.",
        "Port profits up more than a third\n\nThe port operator reported a 34% rise in "
        "profit for the year, helped by record container traffic.",
    )
    assert not numbers(d, "added") and not changed(d)


def test_a_year_named_as_its_decade_is_made_less_specific() -> None:
    d = diff(
        "The lido, opened in 1934, will reopen after repairs next summer.",
        "The lido, which dates from the 1930s, will reopen after repairs next summer.",
    )
    assert [(k.source.text, k.derived.text, k.label) for k in d.changed] == [
        ("1934", "1930s", "specificity")
    ]
    assert not d.added and not [f for f in d.dropped if f.kind == "date"]


def test_a_share_before_a_verb_is_a_share() -> None:
    assert values("Of the members polled, a third voted against.") == [("a third", "33.33")]
    assert values("She won a third term.") == []


def test_a_duration_after_for_or_after_is_a_measure() -> None:
    assert values("Talks collapsed after a year. It snows twice a year. A year ago, calm.") == [
        ("a year", "1")
    ]
    d = diff(
        "The dockers' talks collapsed after eleven months of meetings, the union said.",
        "The dockers' talks collapsed after a year of meetings, the union said.",
    )
    assert changed(d) == [("eleven months", "a year")]


def test_a_headline_measure_in_another_unit_is_a_rounding_of_the_body() -> None:
    d = diff(
        "Canal to drain for nine weeks\n\nThe canal will be drained for nine weeks from May "
        "while its locks are repaired, the trust said.",
        "Canal to close for two months\n\nThe canal will be drained for nine weeks from May "
        "while its locks are repaired, the trust said.",
    )
    assert changed(d) == [("nine weeks", "two months")]
    assert not numbers(d, "added") and not numbers(d, "dropped")


def test_one_duration_said_twice_in_two_units_is_not_dropped() -> None:
    d = diff(
        "Nurses will strike for 48 hours from Monday. The two days of action follow a "
        "ballot in which most members backed a walkout.",
        "Nurses will strike for two days from Monday after a ballot backed a walkout.",
    )
    assert not numbers(d, "dropped") and not numbers(d, "added")


def test_a_noun_after_two_joined_words_is_what_is_counted() -> None:
    assert values("Divers raised 212 gold and silver rings from the wreck.") == [
        ("212 gold and silver rings", "212")
    ]


def test_a_bare_number_is_not_taken_for_a_distant_measure() -> None:
    d = diff(
        "Police seized 1,240 in cash. The man, who had lived there for years, was held.",
        "Police seized cash. The man, who had lived there for 17 years, was held.",
    )
    assert not changed(d)


def test_times_of_day_and_their_spans_are_dates() -> None:
    facts = [
        (f.text, f.value)
        for f in extract_facts(
            "The library stays open until 9pm, the café between noon and 3.30pm, and the "
            "car park from 10pm to 6am.",
            language="en",
        )
        if f.kind == "date"
    ]
    assert facts == [
        ("9pm", "time:21:00"),
        ("between noon and 3.30pm", "time:12:00-15:30"),
        ("from 10pm to 6am", "time:22:00-06:00"),
    ]


def test_a_span_of_hours_changed_is_one_change() -> None:
    d = diff(
        "Trains will not run between 10pm and 5am on weeknights while the tunnel is relined.",
        "Trains will not run from 10pm to 6am on weeknights while the tunnel is relined.",
    )
    assert [(k.source.text, k.derived.text, k.label) for k in d.changed] == [
        ("between 10pm and 5am", "from 10pm to 6am", "value")
    ]
    assert not d.added and not d.dropped
    d = diff(
        "Trains will not run between 10pm and 5am on weeknights, the operator said.",
        "Trains will not run from 10pm to 5am on weeknights, the operator said.",
    )
    assert not d.changed and not d.added and not d.dropped


def test_a_number_rounded_in_a_rebuilt_sentence_is_one_number_changed() -> None:
    d = diff(
        "The new line will open next year. It will serve about 84,000 commuters, the "
        "transport authority expects, most of them from the northern towns.",
        "About 80,000 passengers a day will use the new line when it opens next year.",
    )
    assert changed(d) == [("about 84,000 commuters", "About 80,000 passengers")]
    assert not numbers(d, "added") and not numbers(d, "dropped")


def test_small_or_distant_leftover_numbers_stay_apart() -> None:
    d = diff(
        "The new line will open next year. It will serve 12 stations, the authority said.",
        "Eleven trains an hour will use the new line when it opens next year.",
    )
    assert not changed(d)


def test_a_lone_month_moved_in_a_rebuilt_sentence_is_one_date_changed() -> None:
    d = diff(
        "The ballot was only advisory. A final decision on the bypass is expected in "
        "June, officials said.",
        "The ballot binds the county, which will make a final decision on the bypass in July.",
    )
    assert [(k.source.text, k.derived.text) for k in d.changed if k.kind == "date"] == [
        ("June", "July")
    ]
    d = diff(
        "The ballot was only advisory. A final decision on the bypass is expected in "
        "June, officials said.",
        "The ballot binds the county. Work on the school starts in October.",
    )
    assert not [k for k in d.changed if k.kind == "date"]


def test_a_number_said_inside_the_other_sides_quotation_is_kept() -> None:
    d = diff(
        'The firm said: "We will refund every customer within ten days."',
        "The firm said it would refund every customer within ten days.",
    )
    assert not numbers(d, "added") and not numbers(d, "dropped")


def test_a_point_in_time_is_no_length_and_a_single_day_is_one() -> None:
    assert values("Sales rose 9 per cent, more than a year earlier. In a single day, snow.") == [
        ("9 per cent", "9"),
        ("a single day", "1"),
    ]
    d = diff(
        "The gauge recorded 310 millimetres of rain in 24 hours, the weather office said.",
        "The gauge recorded 310mm of rain in a single day, the weather office said.",
    )
    assert not d.changed and not numbers(d, "added") and not numbers(d, "dropped")


def test_a_site_name_and_edition_above_the_story_are_page_furniture() -> None:
    from textlineage.facts.furniture import furniture_spans

    text = (
        "Ferry fares to rise in spring\n"
        "The Harbour Courier - Weekend edition\n\n"
        "Ferry fares between the islands will rise by 6 per cent from April, the operator "
        "said on Monday, blaming higher fuel and crew costs for the increase.\n"
    )
    line = "The Harbour Courier - Weekend edition"
    start = text.index(line)
    assert (start, start + len(line)) in furniture_spans(text, "en")
    story = "the operator said - and it is sure - that fares will rise by 6 per cent"
    assert furniture_spans(story, "en") == []


def test_centuries_and_early_decades_are_dates() -> None:
    facts = [
        (f.text, f.value)
        for f in extract_facts(
            "The villa was built in the second century AD and abandoned in the 370s; the "
            "chapel dates from the 14th century. Highs in the 30s are forecast.",
            language="en",
        )
        if f.kind == "date"
    ]
    assert facts == [("second century AD", "c2"), ("370s", "0370s"), ("14th century", "c14")]


def test_a_year_named_as_its_century_is_made_less_specific() -> None:
    d = diff(
        "The mill, built in 1862, will reopen as a museum next summer.",
        "The mill, built in the 19th century, will reopen as a museum next summer.",
    )
    assert [(k.source.text, k.derived.text, k.label) for k in d.changed] == [
        ("1862", "19th century", "specificity")
    ]


def test_a_month_named_as_its_season_is_made_less_specific() -> None:
    d = diff(
        "Surveyors found the cracks in April, the council said on Tuesday.",
        "Surveyors found the cracks in the spring, the council said on Tuesday.",
    )
    assert [(k.source.text, k.derived.text, k.label) for k in d.changed] == [
        ("April", "spring", "specificity")
    ]
    assert values("The fall of the empire came in spring.") == []


def test_a_qualifier_dropped_in_the_body_is_a_change_though_the_headline_keeps_it() -> None:
    from textlineage.types import Passage

    src = (
        "Half of anglers catch nothing, survey says\n\n"
        "Almost half of the anglers on the river caught no fish last season, a survey "
        "published by the angling club on Monday says."
    )
    der = (
        "Half of anglers catch nothing\n\n"
        "Half of the anglers on the river caught no fish last season, a survey published "
        "by the angling club on Monday says."
    )
    s_body, d_body = src.index("Almost"), der.index("\n\nHalf") + 2
    heads = (((0, s_body - 2),), ((0, d_body - 2),))
    bodies = (((s_body, len(src)),), ((d_body, len(der)),))
    d = diff_facts(
        src,
        der,
        source_doc=0,
        derived_doc=1,
        passages=(Passage("paraphrase", 0.9, heads), Passage("paraphrase", 0.9, bodies)),
        languages=("en", "en"),
    )
    assert [(k.source.text, k.derived.text, k.label) for k in d.changed] == [
        ("Almost half", "Half", "strength")
    ]
    assert [(k.source.text, k.derived.span[0]) for k in d.kept if k.kind == "number"] == [
        ("Half", 0)
    ]
