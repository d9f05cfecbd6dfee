"""Changes of a claim's strength read in whole aligned sentences (facts.claim_rules): a
hedged verb stated as fact, a negation dropped, a superlative with another rank or scope,
and a hedge running into a changed number reported once."""

from __future__ import annotations

import pytest

from textlineage import Document, compare
from textlineage.facts.claim_rules import verb_stem
from textlineage.types import FactDiff

INTRO = (
    "The regional water board met on Tuesday evening to discuss the summer's supply "
    "problems, which left several districts without running water for days."
)
OUTRO = (
    "Residents who lost their supply can apply for compensation through the board's "
    "website until the end of next month, a spokesman for the board added."
)


def _facts(source: str, derived: str) -> FactDiff:
    doc = "{}\n\n{}\n\n{}\n"
    c = compare(Document("a", doc.format(INTRO, source, OUTRO)),
                Document("b", doc.format(INTRO, derived, OUTRO)))  # fmt: skip
    assert c.passages
    return c.facts


def _claims(fd: FactDiff) -> list[tuple[str, str, str, str]]:
    return [
        (c.source.text, c.derived.text, c.label, c.detail) for c in fd.changed if c.kind == "claim"
    ]


@pytest.mark.parametrize(
    ("source", "derived", "expected"),
    [
        # a hedged passive stated as an active verb: the verb moved
        (
            "Investigators said on Monday that the customer records of the water board may "
            "have been copied during a break-in at its offices in the north of the city.",
            "Thieves copied the customer records of the water board during a break-in at its "
            "offices in the north of the city, investigators said on Monday.",
            ("may have been copied", "copied", "strength", "hedge_dropped"),
        ),
        # a hedging verb with its "to", over more words than a small edit holds
        (
            "The fire at the pumping station is thought to have been caused by a faulty "
            "cable in the main hall, engineers said.",
            "The fire at the pumping station was caused by a faulty cable in the main hall, "
            "engineers said.",
            ("is thought to have been caused", "was caused", "strength", "hedge_dropped"),
        ),
        # a verb stated as fact made hedged
        ("Officials confirmed that the main valve broke during the storm last week.",
         "Officials said that the main valve reportedly broke during the storm last week.",
         ("valve broke", "valve reportedly broke", "strength", "hedge_added")),
    ],
)  # fmt: skip
def test_a_hedged_verb_and_the_same_verb_stated(
    source: str, derived: str, expected: tuple[str, str, str, str]
) -> None:
    assert _claims(_facts(source, derived)) == [expected]


def test_a_negation_dropped_around_shared_words_reverses_the_claim() -> None:
    fd = _facts(
        "Meters, pipes and pumps were checked, the board said, but it did not think that "
        "the billing computers had been affected.",
        "Meters, pipes, pumps and the billing computers were affected.",
    )
    assert _claims(fd) == [
        (
            "did not think that the billing computers had been affected",
            "the billing computers were affected",
            "reversed",
            "",
        )
    ]


@pytest.mark.parametrize(
    ("source", "derived"),
    [
        # the negated words come back in a prepositional phrase, not as the claim
        ("Supplies had not reached the mountain villages because floods had cut roads.",
         "Floods had cut roads to the mountain villages."),
        # a negated relative clause dropped whole drops a detail, it reverses nothing
        ("Anna Berg, who was not at the meeting, said the plan was sound.",
         "Anna Berg said the plan was sound."),
        # two scopes that both leave nothing out say the same
        ("It was the driest summer since records began in the valley.",
         "It was the driest summer on record in the valley."),
    ],
)  # fmt: skip
def test_no_change_of_strength(source: str, derived: str) -> None:
    assert _claims(_facts(source, derived)) == []


@pytest.mark.parametrize(
    ("source", "derived", "s_text", "d_text"),
    [
        ("The reservoir reached the second-highest level in its history this spring.",
         "The reservoir reached one of the highest levels in its history this spring.",
         "the second-highest level in its history", "one of the highest levels in its history"),
        ("Demand on Sunday was the highest of the summer, the board said.",
         "Demand on Sunday was the highest ever, the board said.",
         "the highest of the summer", "the highest ever"),
    ],
)  # fmt: skip
def test_a_superlative_with_another_rank_or_scope(
    source: str, derived: str, s_text: str, d_text: str
) -> None:
    fd = _facts(source, derived)
    # once, as a claim or as the number diff's rank ("second-highest level")
    found = [(c.source.text, c.derived.text, c.label, c.detail) for c in fd.changed]
    assert len(found) == 1 and found[0][2:] == ("strength", "degree"), found
    assert found[0][0] in s_text and found[0][1] in d_text


def test_not_until_made_a_set_time_is_a_change_of_strength() -> None:
    fd = _facts(
        "The new treatment plant would not be ready until 2031 at the earliest.",
        "The new treatment plant would be ready from 2031.",
    )
    assert [(c[2], c[3]) for c in _claims(fd)] == [("strength", "not_until")]


def test_a_hedge_running_into_a_changed_number_is_one_claim() -> None:
    fd = _facts(
        "Bills could rise by up to 12 per cent next year, the board warned.",
        "Bills will rise 12 per cent next year, the board warned.",
    )
    assert _claims(fd) == [
        ("could rise by up to 12 per cent", "will rise 12 per cent", "strength", "hedge_dropped")
    ]
    assert not [c for c in fd.changed if c.kind == "number"]


def test_verb_stems_join_the_forms_of_a_verb() -> None:
    assert verb_stem("stolen") == verb_stem("stole") == verb_stem("steals") == "steal"
    assert verb_stem("begun") == verb_stem("began") == "begin"
    assert verb_stem("arrested") == verb_stem("arrests") == verb_stem("arrest")
    assert verb_stem("stopped") == verb_stem("stop")
    assert verb_stem("closing") == verb_stem("closed") == verb_stem("close")
    assert verb_stem("carried") == verb_stem("carries") == verb_stem("carry")
    assert verb_stem("arrested") != verb_stem("arrived")


def test_a_thing_the_source_never_names_done_in_its_place_is_a_change() -> None:
    fd = _facts(
        "Volunteers painted slogans on the walls of the old pumping station on Friday.",
        "Volunteers painted portraits on the walls of the old pumping station on Friday, "
        "beside their slogans.",
    )
    found = [c for c in fd.changed if c.label == "object"]
    assert [(c.source.text, c.derived.text, c.unsupported) for c in found] == [
        ("painted slogans", "painted portraits", True)
    ]


def test_a_thing_said_in_other_words_is_no_change() -> None:
    # the derived text never names the source's thing: a synonym, not an addition
    fd = _facts(
        "Volunteers painted slogans on the walls of the old pumping station on Friday.",
        "Volunteers painted messages on the walls of the old pumping station on Friday.",
    )
    assert [c for c in fd.changed if c.label == "object"] == []


@pytest.mark.parametrize(
    ("source", "derived", "note"),
    [
        (
            "Health officials are watching the shelters closely, but no cases of cholera "
            "have been confirmed among the families so far.",
            "Health officials have confirmed cases of cholera among the families in the shelters.",
            "negation dropped ('no cases')",
        ),
        (
            "During their visit on Tuesday the inspectors reported that they had found cracks "
            "in the cooling pipes of the eastern pumping station.",
            "According to the inspectors who visited on Tuesday, no cracks were found in the "
            "cooling pipes at the eastern pumping station.",
            "negation added ('no cracks')",
        ),
    ],
)
def test_none_of_a_thing_said_and_the_thing_stated(source: str, derived: str, note: str) -> None:
    changes = [c for c in _facts(source, derived).changed if c.label == "reversed"]
    assert [c.note for c in changes] == [note]


def test_none_of_a_thing_in_both_is_no_reversal() -> None:
    fd = _facts(
        "No cases of cholera have been confirmed among the families in the shelters.",
        "Officials say no cholera cases have been confirmed among the sheltering families.",
    )
    assert not [c for c in fd.changed if c.label == "reversed"]
