"""Fact extraction and the fact diff: invented sentences for each rule, then the seed pair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textlineage.facts import diff_facts, extract_facts
from textlineage.types import Fact, FactDiff, Passage

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SOURCE = SEEDS / "000_5c8013fe7f5c8783.txt"
DERIVED = SEEDS / "001_6b4ef528436f3c35.txt"


# -- helpers ---------------------------------------------------------------------------


def facts_of(text: str, kind: str | None = None) -> list[Fact]:
    out = extract_facts(text)
    for f in out:
        assert text[f.span[0] : f.span[1]] == f.text
    return [f for f in out if kind is None or f.kind == kind]


def one(text: str, kind: str, needle: str) -> Fact:
    found = [f for f in facts_of(text, kind) if needle in f.text]
    assert len(found) == 1, (needle, [(f.kind, f.text) for f in facts_of(text)])
    return found[0]


def texts(facts: tuple[Fact, ...] | list[Fact]) -> list[str]:
    return [f.text for f in facts]


def diff(a: str, b: str, passages: tuple[Passage, ...] = ()) -> FactDiff:
    return diff_facts(a, b, source_doc=0, derived_doc=1, passages=passages)


def changed_pairs(d: FactDiff) -> list[tuple[str, str]]:
    return [(c.source.text, c.derived.text) for c in d.changed]


def kept_pairs(d: FactDiff) -> list[tuple[str, str]]:
    return [(k.source.text, k.derived.text) for k in d.kept]


def names(d_facts: tuple[Fact, ...]) -> list[str]:
    return [f.text for f in d_facts if f.kind in {"person", "place", "organisation", "entity"}]


# -- numbers ---------------------------------------------------------------------------


def test_numbers_carry_qualifier_value_and_noun() -> None:
    t = (
        "Over 310 areas joined, more than 130,000 tweets were sent and two young students "
        "were held. A 29-year-old was freed. The fund lost $2.5 billion and 12% of its staff "
        "in 27 provinces."
    )
    f = one(t, "number", "310")
    assert (f.text, f.value) == ("Over 310 areas", "310")
    f = one(t, "number", "130,000")
    assert (f.text, f.value) == ("more than 130,000 tweets", "130000")
    f = one(t, "number", "two")
    assert (f.text, f.value) == ("two young students", "2")
    f = one(t, "number", "29")
    assert (f.text, f.value) == ("29-year-old", "29")
    assert one(t, "number", "$2.5").value == "2500000000"
    assert one(t, "number", "12").text == "12%"
    assert one(t, "number", "27").text == "27 provinces"


def test_vague_quantities_are_numbers_with_a_vague_value() -> None:
    t = "Thousands of dissidents and tens of thousands of workers marched; dozens of people too."
    assert one(t, "number", "Thousands").value == "~1000s"
    assert one(t, "number", "Thousands").text == "Thousands of dissidents"
    assert one(t, "number", "tens of").value == "~10000s"
    assert one(t, "number", "dozens").value == "~12s"


def test_verbs_are_not_units_and_one_is_mostly_a_pronoun() -> None:
    assert one("In total 5,000 died.", "number", "5,000").text == "5,000"
    assert facts_of("One of them left; no one stayed.", "number") == []
    assert one("Only one teacher stayed.", "number", "one").text == "one teacher"


def test_years_and_counts_are_told_apart() -> None:
    t = "In 1988 the 1988 massacre began. Over 1500 protesters and 2000 people came in 2019."
    assert [f.text for f in facts_of(t, "date")] == ["1988", "1988", "2019"]
    assert texts(facts_of(t, "number")) == ["Over 1500 protesters", "2000 people"]


# -- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "value"),
    [
        ("It ends on June 18.", "June 18", "06-18"),
        ("Iran, June 1, 2021—During May", "June 1, 2021", "2021-06-01"),
        ("Only during November 2019, over 1500 died.", "November 2019", "2019-11"),
        ("Filed 2021-06-01 at noon.", "2021-06-01", "2021-06-01"),
        ("Held on 18 May 2020 in Rome.", "18 May 2020", "2020-05-18"),
        ("Sales fell in May.", "May", "05"),
        ("The 1990s were hard.", "1990s", "1990s"),
    ],
)
def test_dates_are_normalised(text: str, date: str, value: str) -> None:
    f = one(text, "date", date)
    assert (f.text, f.value) == (date, value)


def test_no_double_counting_inside_dates_and_no_false_months() -> None:
    t = "On June 1, 2021 the Mayor said you may go. March on!"
    assert texts(facts_of(t, "date")) == ["June 1, 2021"]
    assert facts_of(t, "number") == []


# -- hashtags and quotes ---------------------------------------------------------------


def test_hashtags_including_non_latin_scripts() -> None:
    t = "Trending: #آزادی_۶۷ and #Free2021, but not #1 nor C# code."
    assert texts(facts_of(t, "hashtag")) == ["#آزادی_۶۷", "#Free2021"]
    assert facts_of(t, "number") == []  # digits inside hashtags are not numbers


def test_quotes_of_three_words_or_a_word_said() -> None:
    t = (
        "He said “we will never give up,” called it a “sham” and wrote "
        '"all of this ends now" before ‘Iran’s people decide’ was said; a ‘rogue’ '
        "reading of “Hamlet”."
    )
    qs = facts_of(t, "quote")
    # A word or two in lower case between double quote marks is a quotation; in single
    # marks, or in capitals (a title), it is not.
    assert texts(qs) == [
        "“we will never give up,”",
        "“sham”",
        '"all of this ends now"',
        "‘Iran’s people decide’",
    ]
    assert qs[0].value == "we will never give up"


# -- names -----------------------------------------------------------------------------


def test_persons_organisations_places() -> None:
    t = (
        "Mr. John Smith met President Joe Biden and Dr Jane Doe at the University of Oxford "
        "in London. The Eastland Liberation Front (ELF) and the Ministry of Health agreed. "
        "Supreme Leader Ali Khamenei spoke; Khamenei said little."
    )
    kinds = {f.text: f.kind for f in facts_of(t)}
    assert kinds["John Smith"] == "person"
    assert kinds["Joe Biden"] == "person"
    assert kinds["Jane Doe"] == "person"
    assert kinds["Ali Khamenei"] == "person"
    assert kinds["Khamenei"] == "person"
    assert kinds["University of Oxford"] == "organisation"
    assert kinds["Eastland Liberation Front"] == "organisation"
    assert kinds["ELF"] == "organisation"
    assert kinds["Ministry of Health"] == "organisation"
    assert kinds["London"] == "place"


def test_possessive_inside_an_organisation_name() -> None:
    t = "Members of the People’s Union of Northland (PUN) spoke."
    assert one(t, "organisation", "Union").text == "People’s Union of Northland"


def test_common_sentence_initial_words_are_not_entities() -> None:
    t = (
        "Recently, slogans appeared. Slogans such as these spread. These were new. "
        "Simultaneously the Resistance grew. Also, The Network grew."
    )
    found = names(tuple(facts_of(t)))
    assert "Recently" not in found
    assert "Slogans" not in found
    assert "These" not in found
    assert "Simultaneously" not in found
    assert "Resistance" in found
    assert "Network" in found


def test_comma_list_of_places() -> None:
    t = "Rallies were held in cities such as Paris, Lyon, Saint Etienne, Doroud (Lorestan) and Nice."
    places = texts(facts_of(t, "place"))
    assert places == ["Paris", "Lyon", "Saint Etienne", "Doroud", "Lorestan", "Nice"]


def test_bullet_list_of_places() -> None:
    t = (
        "Here are the towns that saw protests:\n\n  • Ahvaz\n  • Arak\n  • Torbat Jam\n"
        "  - Yazd\n  • The Hague.\n"
    )
    assert texts(facts_of(t, "place")) == ["Ahvaz", "Arak", "Torbat Jam", "Yazd", "Hague"]


# -- robustness ------------------------------------------------------------------------

_PIECES = [
    *("June", "May", " over ", " of ", "thousands", "Mr", "ی", "۶", "رئیسی", "Tehran", " in "),
    *("\n  • ", "The ", " of the ", "’s ", "Union", "Dr. ", "Shahre Kord", "1,000", " more than "),
]
_ALPHABET = st.sampled_from(
    [*"aAbBeEkKmMoOsStTzZ019 ,.;:!?-–—()'\"“”‘’«»#$%•\n\u00a0_/x", *_PIECES]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_spans_always_valid_on_random_text(text: str) -> None:
    facts = extract_facts(text, doc=1)
    for f in facts:
        assert 0 <= f.span[0] < f.span[1] <= len(text)
        assert text[f.span[0] : f.span[1]] == f.text
        assert f.doc == 1
    assert facts == sorted(facts, key=lambda f: (f.span[0], f.span[1], f.kind))


@pytest.mark.parametrize(
    "text",
    ["a2021-06-01.5", "Towns:\n • The Hague", "#", "“", '"', "1,000,000.5.5", "$", "Mr.", "’s"],
)
def test_tricky_strings(text: str) -> None:
    for f in extract_facts(text):
        assert text[f.span[0] : f.span[1]] == f.text
    diff_facts(text, text + " 2", source_doc=0, derived_doc=1)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_spans_valid_on_any_unicode(text: str) -> None:
    for f in extract_facts(text):
        assert text[f.span[0] : f.span[1]] == f.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(_ALPHABET, max_size=60).map("".join),
    st.lists(_ALPHABET, max_size=60).map("".join),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_diff_never_crashes_on_random_text(a: str, b: str, i: int, j: int) -> None:
    p = Passage("paraphrase", 0.5, (((0, min(i, len(a))),), ((0, min(j, len(b))),)))
    d = diff_facts(a, b, source_doc=1, derived_doc=0, passages=(p,))
    json.dumps(d.to_json())
    for f in d.added:
        assert b[f.span[0] : f.span[1]] == f.text
    for f in d.dropped:
        assert a[f.span[0] : f.span[1]] == f.text
    for link in (*d.kept, *d.changed):
        assert a[link.source.span[0] : link.source.span[1]] == link.source.text
        assert b[link.derived.span[0] : link.derived.span[1]] == link.derived.text
    # each derived fact reported once
    derived = [(f.span, f.kind) for f in d.added] + [(k.derived.span, "") for k in d.kept]
    derived += [(k.derived.span, "") for k in d.changed]
    assert len({span for span, _ in derived}) == len(derived)


# -- diff: numbers ---------------------------------------------------------------------


def test_qualifier_dropped_is_a_change_not_an_addition() -> None:
    d = diff("Over 300 villages were flooded.", "300 villages were flooded.")
    assert changed_pairs(d) == [("Over 300 villages", "300 villages")]
    c = d.changed[0]
    assert c.note == "qualifier 'over' dropped"
    assert (c.label, c.detail, c.unsupported) == ("strength", "qualifier_dropped", False)
    assert d.added == () and d.dropped == ()


def test_same_meaning_qualifiers_are_kept() -> None:
    d = diff("It had more than 130,000 tweets.", "It had over 130,000 tweets.")
    assert kept_pairs(d) == [("more than 130,000 tweets", "over 130,000 tweets")]
    assert d.changed == () and d.added == ()


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        ("He seeks not less than $87,400 in back pay.", "He seeks at least $87,400 in back pay."),
        ("Each grant is not more than £5,000.", "Each grant is up to £5,000."),
        ("It may not exceed 40 tonnes.", "It may carry no more than 40 tonnes."),
    ],
)
def test_a_negated_bound_is_the_opposite_bound(source: str, derived: str) -> None:
    """ "not less than $87,400" was read as "less than $87,400", so "at least $87,400"
    came out as a change of strength."""
    d = diff(source, derived)
    assert d.changed == () and d.added == () and d.dropped == ()
    assert len(d.kept) == 1


def test_vague_made_specific_is_a_change_of_strength_reported_once() -> None:
    d = diff(
        "The massacre of thousands of political prisoners.",
        "The massacre of 30,000 political prisoners.",
    )
    assert changed_pairs(d) == [("thousands of political prisoners", "30,000 political prisoners")]
    c = d.changed[0]
    assert c.note == "vague 'thousands' made specific"
    assert (c.label, c.detail, c.unsupported) == ("strength", "vague_to_specific", True)
    assert d.added == () and d.dropped == ()
    assert [f.text for f in d.unsupported()] == ["30,000 political prisoners"]


def test_values_never_match_inside_longer_numbers() -> None:
    d = diff("The fire burnt 130,000 trees.", "The fire burnt 30,000 trees.")
    assert d.kept == () and d.added == ()
    assert changed_pairs(d) == [("130,000 trees", "30,000 trees")]
    assert d.changed[0].note == "value 130,000 → 30,000"
    assert (d.changed[0].label, d.changed[0].unsupported) == ("value", True)


def test_nouns_must_agree_when_both_sides_have_one() -> None:
    d = diff("About 50 students and 50 teachers came.", "50 students came.")
    assert changed_pairs(d) == [("About 50 students", "50 students")]
    assert texts(d.dropped) == ["50 teachers"]


def test_passages_pair_facts_inside_them() -> None:
    src = "In 2019, 40 schools closed. In 2020, 55 schools closed."
    der = "Last year 60 schools closed."
    assert changed_pairs(diff(src, der)) == [("40 schools", "60 schools")]
    second = src.index("In 2020")
    p = Passage("paraphrase", 0.8, (((second, len(src)),), ((0, len(der)),)))
    d = diff(src, der, (p,))
    assert changed_pairs(d) == [("55 schools", "60 schools")]
    assert d.added == ()
    assert "40 schools" in texts(d.dropped)


def test_passage_pairs_numbers_with_a_changed_noun() -> None:
    src = "Police held three students overnight."
    der = "Police held four activists overnight."
    assert changed_pairs(diff(src, der)) == []
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    d = diff(src, der, (p,))
    assert changed_pairs(d) == [("three students", "four activists")]
    assert "noun 'student' → 'activist'" in d.changed[0].note
    assert d.changed[0].label == "value"


# -- diff: dates -----------------------------------------------------------------------


def test_dates_kept_made_specific_and_changed() -> None:
    src = "The vote is on May 5. It began in March. It was planned in 2019."
    der = "The vote is on May 6. It began on March 3, 2020. It was planned in 2019."
    d = diff(src, der)
    assert kept_pairs(d) == [("2019", "2019")]
    assert changed_pairs(d) == [("May 5", "May 6"), ("March", "March 3, 2020")]
    assert [(c.label, c.detail) for c in d.changed] == [
        ("value", ""),
        ("specificity", "more_specific"),
    ]
    assert d.added == () and d.dropped == ()


def test_less_specific_date_is_a_change_inside_a_passage_only() -> None:
    src, der = "Signed on June 1, 2021.", "Signed in June."
    d = diff(src, der)
    assert changed_pairs(d) == [("June 1, 2021", "June")]
    assert (d.changed[0].label, d.changed[0].detail) == ("specificity", "less_specific")
    assert d.added == () and d.dropped == ()
    # With passages, a loose mention outside them is kept.
    src2 = src + " Other things happened later in the year."
    elsewhere = Passage("paraphrase", 0.8, (((24, len(src2)),), ((0, 6),)))
    d = diff(src2, der, (elsewhere,))
    assert kept_pairs(d) == [("June 1, 2021", "June")] and d.changed == ()


# -- diff: names -----------------------------------------------------------------------


def test_spelling_variants_match() -> None:
    src = "Rallies were held in cities such as Mashhad, Shustar, Shahre Kord and Ahvaz."
    der = "Rallies were held in:\n  • Mashad\n  • Shushtar\n  • Shahrekord\n  • Ahwaz\n"
    d = diff(src, der)
    pairs = kept_pairs(d)
    for pair in [
        ("Mashhad", "Mashad"),
        ("Shustar", "Shushtar"),
        ("Shahre Kord", "Shahrekord"),
        ("Ahvaz", "Ahwaz"),
    ]:
        assert pair in pairs
    assert d.added == () and d.dropped == ()


def test_different_names_do_not_match() -> None:
    src = "Rallies took place in cities such as Kerman, Iran, Sari and Tehran. Maryam Rajavi spoke."
    der = (
        "Rallies took place in cities such as Kermanshah, Iraq, Saqqez and Tehran. "
        "Massoud Rajavi spoke."
    )
    d = diff(src, der)
    assert ("Tehran", "Tehran") in kept_pairs(d)
    assert names(d.added) == ["Kermanshah", "Iraq", "Saqqez"]
    assert names(d.dropped) == ["Kerman", "Iran", "Sari"]
    # two tokens, one of them changed: another person of one family, a change
    assert changed_pairs(d) == [("Maryam Rajavi", "Massoud Rajavi")]
    assert d.changed[0].label == "first_name"


def test_partial_names_and_repeats() -> None:
    src = "Judge Ebrahim Raisi met people in Paris, Lyon, Paris and Lyon."
    der = "Raisi went to Paris."
    d = diff(src, der)
    assert ("Ebrahim Raisi", "Raisi") in kept_pairs(d)
    assert texts(d.dropped) == ["Lyon"]  # listed twice, reported once


def test_a_place_does_not_shield_the_organisation_named_after_it() -> None:
    d = diff("The National Council of Eastland met in Eastland.", "They met in Eastland.")
    assert texts(d.dropped) == ["National Council of Eastland"]


# -- diff: hashtags and quotes ---------------------------------------------------------


def test_hashtags_diff() -> None:
    d = diff("The tag #FreeThem and #آزادی_برای_همه spread.", "The tag #freethem spread.")
    assert kept_pairs(d) == [("#FreeThem", "#freethem")]
    assert texts(d.dropped) == ["#آزادی_برای_همه"]


def test_quotes_diff() -> None:
    src = (
        "They chanted “we will never give up the fight.” The charge was "
        "“enmity against God”. He said that the regime cannot be reformed at all."
    )
    der = (
        "They chanted “we will never give up this fight”. He wrote: “the regime cannot be "
        "reformed at all”. Then “all of it was invented here”."
    )
    d = diff(src, der)
    assert changed_pairs(d) == [
        ("“we will never give up the fight.”", "“we will never give up this fight”")
    ]
    kept = kept_pairs(d)
    assert (
        "the regime cannot be reformed at all",
        "“the regime cannot be reformed at all”",
    ) in kept
    assert d.changed[0].label == "wording"
    assert texts(d.added) == ["“all of it was invented here”"]
    # A short quotation is one fact with the names inside it (issue 12): no "God" of its own.
    assert texts(d.dropped) == ["“enmity against God”"]


def test_output_is_ordered_and_serialisable() -> None:
    src = "In 2020, 3 dogs, 4 cats and 5 cows lived in Paris, Lyon and Nice."
    der = "In 2021, 7 rabbits lived in Berlin, Paris and Bonn."
    d = diff(src, der)
    for group in (d.added, d.dropped):
        assert list(group) == sorted(group, key=lambda f: f.span)
    json.dumps(d.to_json())


# -- the seed pair ---------------------------------------------------------------------


def _seed() -> tuple[str, str]:
    if not SOURCE.exists() or not DERIVED.exists():
        pytest.skip("../shared/seeds not present")
    return SOURCE.read_text(encoding="utf-8"), DERIVED.read_text(encoding="utf-8")


def _gold_passages(src: str, der: str) -> tuple[Passage, ...]:
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    out = []
    for a in gold["alignments"]:
        d = der.find(a["derived"])
        ss = [(src.find(s), src.find(s) + len(s)) for s in a["source"] if src.find(s) >= 0]
        if d >= 0 and ss:
            out.append(Passage(a["kind"], 1.0, (tuple(ss), ((d, d + len(a["derived"])),))))
    return tuple(out)


@pytest.mark.parametrize("with_passages", [False, True])
def test_seed_pair(with_passages: bool) -> None:
    src, der = _seed()
    passages = _gold_passages(src, der) if with_passages else ()
    d = diff(src, der, passages)
    # what the derived text states and the source does not: added, or a change's new value
    added, dropped = texts(d.unsupported()), texts(d.dropped)

    assert "June 18" in added
    assert any("30,000" in t for t in added)
    assert not any("130,000" in t for t in added)
    assert "Massoud" in added
    assert any("120,000" in t for t in dropped)
    assert any("1500" in t for t in dropped)
    assert "27 provinces" in dropped
    assert "Isfahan" in dropped
    assert any(f.kind == "person" and "Mehran Gharabaghi" in f.text for f in d.dropped)

    changed = changed_pairs(d)
    assert ("over 310 areas", "310 areas") in changed
    assert ("thousands of political prisoners", "30,000 political prisoners") in changed
    kept = kept_pairs(d)
    assert ("more than 130,000 tweets", "over 130,000 tweets") in kept
    assert ("Shustar", "Shushtar") in kept
    assert ("Shahre Kord", "Shahrekord") in kept
    # every city of the derived list is in the source list
    assert not [f for f in d.added if f.kind == "place"]


def test_name_made_only_of_particles_does_not_crash() -> None:
    # Regression: a capitalised run of name particles ("Van Der") left no head word.
    facts = extract_facts("They met Van Der on Monday in the town hall.")
    assert all(f.text for f in facts)
