"""Dates and numbers paired by what is said around them, not by value alone: a vaguer
date stands for the source date whose sentence it retells, and one outside the shared
passages is still that date made vaguer when the sentences say the same. The sentences
are made up for these tests."""

from __future__ import annotations

from textlineage.facts import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(a: str, b: str, passages: tuple[Passage, ...] = ()) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1, passages=passages)


def _pairs(links: object) -> set[tuple[str, str]]:
    return {(k.source.text, k.derived.text) for k in links}  # type: ignore[attr-defined]


def test_a_vaguer_date_stands_for_the_date_whose_sentence_it_retells() -> None:
    d = _diff(
        "The library first opened its doors in May 2021 after a long refit. "
        "The roof leak was found in October 2021 when a volunteer saw damp on the maps.",
        "A volunteer spotted damp on the maps in 2021, revealing the roof leak.",
    )
    assert ("October 2021", "2021") in _pairs(d.changed)
    assert "May 2021" in {f.text for f in d.dropped}


def test_a_vaguer_date_outside_the_passages_in_a_sentence_saying_the_same() -> None:
    src = (
        "The ferry company said the timetable would change. "
        "The skipper has been suspended until 14 November 2027 while the inquiry goes on."
    )
    der = "Timetables are changing, the company said. Meanwhile the skipper is suspended until November."
    cut = src.index("The skipper")
    p = Passage("paraphrase", 0.8, (((0, cut),), ((0, der.index("Meanwhile")),)))
    d = _diff(src, der, (p,))
    assert ("14 November 2027", "November") in _pairs(d.changed)


def test_a_range_of_dates_retold_as_its_length_is_one_date_made_vaguer() -> None:
    d = _diff(
        "From April 2015 to June 2021 the orchestra toured the coastal towns every winter.",
        "The orchestra toured the coastal towns for over six years.",
    )
    assert [(k.source.text, k.derived.text[-9:]) for k in d.changed] == [
        ("April 2015 to June 2021", "six years")
    ]
    assert not [f for f in (*d.added, *d.dropped) if f.kind in ("date", "number")]
    d = _diff(
        "Between October 2020 and May 2023 the survey team counted otters on the river.",
        "The survey team counted otters on the river for nearly three years.",
    )
    assert ("October 2020 and May 2023", "nearly three years") in _pairs(d.changed)


def test_a_duration_that_does_not_say_the_range_length_stays_apart() -> None:
    d = _diff(
        "From April 2015 to June 2021 the orchestra toured the coastal towns every winter.",
        "The orchestra toured the coastal towns for nearly six years.",
    )
    assert not [k for k in d.changed if k.kind == "date"]
    d = _diff(
        "From April 2015 to June 2021 the orchestra toured the coastal towns every winter.",
        "The orchestra toured the coastal towns for two years.",
    )
    assert not [k for k in d.changed if k.kind == "date"]


def test_a_date_since_retold_as_the_time_since_is_one_date_changed() -> None:
    d = _diff(
        "Published 12 June 2030\n\nThe ferryman, who has rowed the river crossing since 2017,"
        " retires at the end of the month.",
        "The ferryman, who has rowed the river crossing for more than a dozen years, retires"
        " this month.",
    )
    assert [(k.source.text, k.label) for k in d.changed if k.kind == "date"] == [
        ("2017", "specificity")
    ]
    assert not [f for f in (*d.added, *d.dropped) if f.kind in ("date", "number")]
    d = _diff(
        "Published 12 June 2030\n\nThe ferryman, who has rowed the river crossing since 2017,"
        " retires at the end of the month.",
        "The ferryman, who has rowed the river crossing for 20 years, retires this month.",
    )
    assert [(k.source.text, k.label) for k in d.changed if k.kind == "date"] == [("2017", "value")]


def test_a_date_since_without_a_page_date_stays_apart() -> None:
    d = _diff(
        "The ferryman, who has rowed the river crossing since 2017, retires at the end of the"
        " month.",
        "The ferryman, who has rowed the river crossing for 13 years, retires this month.",
    )
    assert not [k for k in d.changed if k.kind == "date"]


def test_an_age_after_a_name_is_the_age_changed_not_another_count() -> None:
    d = _diff(
        "You are 41 years old. You forged the signatures of three trustees on the cheques.",
        "Gemma Holt, 42, forged cheques from the trust.",
    )
    assert ("41 years", "42") in _pairs(d.changed)
    assert not [k for k in d.changed if k.source.text == "three trustees"]
    d = _diff(
        "Corran Wilde, 30, was fined for speeding on the bypass.",
        "The 31-year-old was fined for speeding on the bypass.",
    )
    assert ("30", "31-year-old") in _pairs(d.changed)


def test_a_time_rounded_is_changed_unless_said_to_lie_just_before_or_after() -> None:
    d = _diff("The bus left the depot at 08:52 with no passengers.", "The bus left at 08:50.")
    assert ("08:52", "08:50") in _pairs(d.changed)
    d = _diff("The alarm sounded at around 4.10am.", "The alarm went off at about 4am.")
    assert ("4.10am", "4am") in _pairs(d.changed)
    d = _diff("The alarm sounded at 03:56.", "The alarm went off just before four o'clock.")
    assert ("03:56", "four o'clock") in _pairs(d.kept)


def test_a_count_restated_under_another_noun_in_a_sentence_saying_the_same() -> None:
    d = _diff(
        "The ferry sailed from Oban with 148 passengers and six crew. A storm delayed it. "
        "Its owners, a Glasgow firm, later sold two older boats.",
        "Forum post: the ferry was delayed, 149 aboard plus the crew.",
    )
    assert ("148 passengers", "149 aboard") in _pairs(d.changed)
    d = _diff(
        "In 2011 the residents' petition gathered more than 6,300 signatures before the "
        "council meeting. The hall itself opened in 1931.",
        "Over 6,000 of us signed the petition, and the council backed down. What a hall.",
    )
    assert {(k.source.text[-16:], k.derived.text) for k in d.changed if k.kind == "number"} == {
        ("6,300 signatures", "Over 6,000")
    }


def test_a_value_said_loosely_then_nearly_exactly_changes_to_the_near_one() -> None:
    d = _diff(
        "Attendance: 61.4%. The school has 812 pupils on roll.",
        "Attendance was under two thirds. Only 61% of pupils turned up at the school.",
    )
    assert [(k.source.text, k.derived.text) for k in d.changed if k.kind == "number"] == [
        ("61.4%", "61%")
    ]
    assert "under two thirds" not in {f.text for f in d.added}


def test_a_place_in_a_table_is_a_rank_and_a_new_place_a_change() -> None:
    d = _diff(
        "The draw leaves Harfield Town sixth in the table, four points off the play-offs.",
        "We're now seventh, four points off the play-offs after that draw.",
    )
    assert ("sixth", "seventh") in _pairs(d.changed)
    d = _diff(
        "The win took Ostbury up to second in the Northern Premier League table.",
        "Ostbury are up to third after the win.",
    )
    assert ("second", "third") in _pairs(d.changed)


def test_a_place_after_a_climb_of_some_places_or_a_verb_of_sitting_is_a_rank() -> None:
    d = _diff(
        "Dunmere College has risen four places to sixth in the annual survey. "
        "On teaching space alone, Dunmere ranks 31st.",
        "Dunmere College jumped four places to fifth in the survey. For teaching space, "
        "the college sits 13th.",
    )
    assert {("sixth", "fifth"), ("31st", "13th")} <= _pairs(d.changed)
    assert not d.dropped and not d.added


def test_a_second_mention_of_a_kept_value_retelling_another_number() -> None:
    d = _diff(
        "Ilse Marr finished second on the stage. Tomas Brandt, after a long solo attack, "
        "is moving up to fourth overall behind the leader.",
        "Ilse Marr finished second. After a long solo attack, Tomas Brandt moves up to "
        "second overall behind the leader.",
    )
    assert ("fourth", "second") in _pairs(d.changed)


def test_an_ordinal_of_a_noun_counted_twice_pairs_by_its_sentence() -> None:
    d = _diff(
        "Rovers scored in the 12th minute through a header from Dale Kirwin. "
        "Kirwin's cousin Mo Abaza added a volley in the 77th minute to seal it.",
        "Mo Abaza's volley in the 80th minute sealed the win.",
    )
    assert ("77th minute", "80th minute") in _pairs(d.changed)
    assert not [k for k in d.changed if k.source.text == "12th minute"]


def test_every_month_made_every_season_by_the_sentence_it_retells() -> None:
    d = _diff(
        "The inn served cold soups in summer. Each year she sailed to Crete every July "
        "to see her sisters.",
        "She sailed to Crete every summer to see her sisters.",
    )
    assert ("July", "summer") in _pairs(d.changed)


def test_a_second_mention_of_a_kept_measure_retelling_another_in_other_units() -> None:
    d = _diff(
        "The court imposed a ban of two years. The flood put back the reopening of the "
        "village school by about twenty months.",
        "A two-year ban was imposed. The flood put back the school's reopening by two "
        "years, villagers said.",
    )
    assert ("about twenty months", "two years") in _pairs(d.changed)


def test_a_part_of_a_whole_given_as_all_but_some() -> None:
    d = _diff(
        "Turnout rose in six of the eight rural wards, the returning officer said.",
        "Turnout rose in every ward except Eastgate, the returning officer said.",
    )
    assert ("six of the eight rural wards", "every ward except") in _pairs(d.changed)
    assert not [f for f in d.dropped if f.kind == "number"]


def test_a_number_counting_no_noun_made_vague() -> None:
    d = _diff(
        "Of the 90 tenants we surveyed, 58 said they had waited over a year for repairs to "
        "damp walls; 12 had moved out.",
        "The survey found some tenants had waited over a year for repairs to damp walls.",
    )
    assert ("58", "some tenants") in _pairs(d.changed)
    d = _diff(
        "Rescue teams flew 36 of the most badly hurt climbers to the valley hospital.",
        "Rescue teams flew the most badly hurt climbers to the valley hospital.",
    )
    assert not [k for k in d.changed if k.kind == "number"]


def test_half_a_dozen_is_six() -> None:
    d = _diff(
        "The collection gained six small etchings this spring.",
        "The collection gained half a dozen small etchings this spring.",
    )
    assert not d.changed
    assert ("six small etchings", "half a dozen small etchings") in _pairs(d.kept)


def test_a_quarter_of_a_scale_word_is_that_part_of_it() -> None:
    d = _diff(
        "The appeal raised 250,000 pounds for the harbour wall.",
        "The appeal raised a quarter of a million pounds for the harbour wall.",
    )
    assert not d.changed
    assert ("250,000 pounds", "a quarter of a million pounds") in _pairs(d.kept)
    d = _diff(
        "Nearly 250,000 pounds was raised for the harbour wall.",
        "Around a quarter of a million pounds was raised for the harbour wall.",
    )
    assert not d.added


def test_a_range_made_vaguer_at_both_ends_is_one_change() -> None:
    d = _diff(
        "The scheme ran between 3 May 2024 and 9 June 2025 in four counties.",
        "The scheme ran from May 2024 to June 2025 in four counties.",
    )
    assert [(k.source.text, k.derived.text) for k in d.changed if k.kind == "date"] == [
        ("3 May 2024 and 9 June 2025", "May 2024 to June 2025")
    ]


def test_a_month_with_its_year_said_in_words_and_the_end_of_a_year() -> None:
    d = _diff(
        "The mill was converted in October 2025 by a local builder.",
        "A local builder converted the mill in October last year.",
    )
    assert ("October 2025", "October") in _pairs(d.kept)
    assert not [k for k in d.changed if k.kind == "date"]
    d = _diff(
        "Rents have risen since the end of 2022, the agency said.",
        "Rents have risen since late 2022, the agency said.",
    )
    assert not [k for k in d.changed if k.kind == "date"]
    assert ("the end of 2022", "late 2022") in _pairs(d.kept)


def test_a_match_minute_told_by_the_clock() -> None:
    d = _diff(
        "Albion went ahead in the 28th minute when Reece Obi headed in a corner. "
        "Obi's partner Lenny Faro doubled the lead three minutes after the break.",
        "Reece Obi headed us in front on the half hour and Lenny Faro made it two straight "
        "after half-time.",
    )
    pairs = _pairs(d.changed)
    assert ("in the 28th minute", "on the half hour") in pairs
    assert ("three minutes after the break", "straight after half-time") in pairs
    assert not [f for f in d.dropped if "minute" in f.text]


def test_a_minute_far_from_the_landmark_is_not_told_by_it() -> None:
    d = _diff(
        "Albion went ahead in the 12th minute when Reece Obi headed in a corner.",
        "Reece Obi headed us in front on the half hour.",
    )
    assert not _pairs(d.changed)


def test_a_derived_number_stated_nearly_by_a_dropped_source_number_is_its_change() -> None:
    d = _diff(
        "Several thousand residents marched through the old town on Sunday. "
        "An online petition against the bypass gathered 8,150 signatures in a week.",
        "More than 8,000 residents signed the online petition against the bypass.",
    )
    assert ("8,150 signatures", "More than 8,000 residents") in _pairs(d.changed)


def test_a_lede_said_loosely_yields_to_the_figure_a_paragraph_later() -> None:
    lede_a = "Turnout in the parish poll was 43.2%."
    lede_b = "Fewer than half of the parish voted in the poll."
    d = _diff(
        f"{lede_a} The count at the village school ran late into the night, and the result "
        "was read out by the clerk just before two in the morning.",
        f"{lede_b}\n\nThe count at the village school ran late into the night, with "
        "volunteers sorting ballot papers on trestle tables long after the caretaker had "
        "gone home, and the clerk finally read the result out just before two in the "
        "morning to a hall that had mostly emptied. Officials said later that 43% had "
        "turned out, a little down on the last poll.",
        (Passage("paraphrase", 0.8, (((0, len(lede_a)),), ((0, len(lede_b)),))),),
    )
    assert [(k.source.text, k.derived.text) for k in d.changed if k.kind == "number"] == [
        ("43.2%", "43%")
    ]
    assert "43%" not in {f.text for f in d.added}


def test_a_source_number_told_twice_far_off_yields_to_a_dropped_near_one() -> None:
    a1 = "There were 1,038 late arrivals over the autumn term, up from 903 in the summer."
    a2 = " The head says that lateness harms learning."
    a3 = " On a typical day 212 pupils who were well enough to attend stayed at home."
    b1 = "More than a thousand pupils turned up late, and the head says lateness harms learning."
    b2 = " On a typical day more than 200 pupils stayed at home."
    a, b = a1 + a2 + a3, b1 + b2
    n1, n2 = len(a1), len(a1 + a2)
    d = _diff(
        a,
        b,
        (
            Passage("compression", 0.7, (((n1, n2), (n2, len(a))), ((0, len(b1)),))),
            Passage("paraphrase", 0.8, (((n2, len(a)),), ((len(b1), len(b)),))),
        ),
    )
    assert _pairs(d.changed) == {
        ("1,038 late arrivals", "More than a thousand pupils"),
        ("212 pupils", "more than 200 pupils"),
    }
    assert [f.text for f in d.dropped if f.kind == "number"] == ["903"]


def test_a_far_change_yields_to_a_bound_kept_true_under_another_noun() -> None:
    d = _diff(
        "The Harbour Film Festival returns in May with 112 feature films from 30 countries.",
        "Our 4 Favourite Films at the Harbour Film Festival\n\nThe festival returns in May "
        "with more than 100 features from 30 countries.",
    )
    assert _pairs(d.changed) == {("112 feature films", "more than 100 features")}
    assert [f.text for f in d.added] == ["4 Favourite Films"]


def test_a_far_value_for_a_source_number_changed_already_is_added() -> None:
    d = _diff(
        "The ferry company has cancelled 212 sailings this week because of gales.",
        "About 210 sailings are off this week. The company cancelled more than 500 sailings "
        "in last winter's gales as well.",
    )
    assert _pairs(d.changed) <= {("212 sailings", "About 210 sailings")}
    assert "more than 500 sailings" in {f.text for f in d.added}
