"""A claim said with the opposite word (above → below, rejected → agreed, unchanged →
losing), and sentence pairs found by similarity alone for the fact diff to read."""

from __future__ import annotations

import numpy as np

from textlineage.align.sentence_pairs import reading_pairs
from textlineage.facts.claim_opposites import OPPOSITES
from textlineage.facts.diff import diff_facts
from textlineage.text.features import features
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def _reversed(d: FactDiff) -> list[tuple[str, str, str]]:
    return [
        (c.source.text, c.derived.text, c.note)
        for c in d.changed
        if c.kind == "claim" and c.label == "reversed"
    ]


def test_a_level_said_below_instead_of_above_is_reversed() -> None:
    (change,) = _reversed(
        _diff(
            "The pond's oxygen level stayed above the safe minimum all summer.",
            "The pond's oxygen level fell below the safe minimum this summer.",
        )
    )
    assert "above" in change[0] and "below" in change[1]
    assert "'above' → 'below'" in change[2]


def test_a_ruling_and_a_service_turned_round() -> None:
    (ruling,) = _reversed(
        _diff(
            "The panel rejected the tenants' complaint that the agency had kept the keys.",
            "The panel agreed with the tenants' complaint that the agency kept the keys.",
        )
    )
    assert "rejected" in ruling[0] and "agreed" in ruling[1]
    (hours,) = _reversed(
        _diff(
            "Opening hours at the museum would be unchanged.", "The museum is losing opening hours."
        )
    )
    assert "unchanged" in hours[0] and "losing" in hours[1]


def test_opposites_that_agree_are_no_change() -> None:
    # both words in the source: the derived text repeats one of two claims
    assert not _reversed(
        _diff(
            "Rents rose in the city but fell in the suburbs last year.",
            "Rents fell in the suburbs last year.",
        )
    )
    # the derived word stands elsewhere in the source: said of another thing there
    assert not _reversed(
        _diff(
            "Attendance remains below the county figure. Meals uptake is above the county figure.",
            "Attendance is still below the county figure.",
        )
    )
    # opposite words about different things share nothing around them
    assert not _reversed(
        _diff(
            "The bridge reopened to cyclists on Monday morning.",
            "The café next to the bridge has closed its doors for winter.",
        )
    )


def test_opposites_are_symmetric() -> None:
    for word, others in OPPOSITES.items():
        for other in others:
            assert word in OPPOSITES[other], (word, other)
        assert word not in others


SOURCE = (
    "The mayor presented the draft budget to the council on Monday evening. "
    "Library hours would be unchanged under the plan. "
    "Street cleaning would move to a new contractor in April."
)
DERIVED = (
    "Even the library is losing hours under the mayor's plan. "
    "Cleaning of the streets goes to another firm in the spring."
)


def test_sentences_each_others_best_match_are_read_side_by_side() -> None:
    fa, fb = features(SOURCE, 1), features(DERIVED, 1)
    assert (len(fa.units), len(fb.units)) == (3, 2)
    scores = np.array([[0.30, 0.20], [0.62, 0.25], [0.20, 0.55]])
    pairs = reading_pairs(fa, fb, [], [], scores)
    got = [(SOURCE[slice(*a)][:12], DERIVED[slice(*b)][:12]) for a, b in pairs]
    assert got == [("Library hour", "Even the lib"), ("Street clean", "Cleaning of ")]
    # under the floor, or not each other's best, no pair
    assert reading_pairs(fa, fb, [], [], scores, min_score=0.6) == (pairs[0],)
    crossed = np.array([[0.30, 0.20], [0.62, 0.70], [0.20, 0.55]])
    got = [
        (SOURCE[slice(*a)][:12], DERIVED[slice(*b)][:12])
        for a, b in reading_pairs(fa, fb, [], [], crossed)
    ]
    assert got == [("Library hour", "Cleaning of ")]
    # without scores (no sentence model), only the seeds' pairs
    assert reading_pairs(fa, fb, [], []) == ()


def test_what_the_words_are_said_of_reaches_past_a_number() -> None:
    (change,) = _reversed(
        _diff(
            "Savings would stay at 12 percent of income, above the club's 10 percent target.",
            "The club is spending its savings, leaving them below the club's own target.",
        )
    )
    assert change[0].startswith("above") and "10 percent" not in change[0]  # a fact apart
    assert "below" in change[1]
    (coach,) = _reversed(
        _diff(
            "Late trains may end at Dunlow, where a free coach will take riders on to Carne.",
            "Late trains will stop at Dunlow and riders must pay for a coach to Carne.",
        )
    )
    assert "free" in coach[0] and "pay" in coach[1]
