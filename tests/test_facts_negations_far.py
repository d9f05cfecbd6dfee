"""A claim negated in one text and stated in the other, tied by a word each text uses once,
in sentences the alignment did not pair."""

from __future__ import annotations

import pytest

from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    # a passage elsewhere in the texts (their first sentences): some reuse was read
    pa, pb = src.index(".") + 1, der.index(".") + 1
    p = Passage("paraphrase", 0.8, (((0, pa),), ((0, pb),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def _reversed(d: FactDiff) -> list[tuple[str, str, str]]:
    return [(c.source.text, c.derived.text, c.note) for c in d.changed if c.label == "reversed"]


_OPENING = "The ferry hit the quay in thick fog on Monday evening."
_OPENING_B = "The ferry hit the quay in fog on Monday."


def test_a_negation_dropped_between_unpaired_sentences() -> None:
    d = _diff(
        f"{_OPENING} Crew checked every cabin. Three deckhands were seen by medics on board"
        " and did not need to go to hospital.",
        f"{_OPENING_B} Some crew were rushed to hospital, a passenger said.",
    )
    (change,) = _reversed(d)
    assert change[0].startswith("did not need") and change[0].endswith("hospital")
    assert change[1].endswith("to hospital") and "dropped" in change[2]


def test_a_negation_added_is_reported_too() -> None:
    d = _diff(
        f"{_OPENING} The harbour master ordered an inquiry.",
        f"{_OPENING_B} Nobody has ordered any inquiry yet, locals complain.",
    )
    (change,) = _reversed(d)
    assert "inquiry" in change[0] and "inquiry" in change[1] and "added" in change[2]


_NO_REVERSAL = [
    # the stated side denies in other words
    ("The operator would not pay compensation.", "The operator refused compensation outright."),
    # the tying word is an adjunct after what is denied
    ("The fog did not delay sailings on weekdays.", "Commuters crowd the terminal on weekdays."),
    # the tying word is used twice by a text: it ties nothing
    ("The engine was not damaged. The engine room flooded.", "Its engine was wrecked."),
    # "roads to the hill farms": the farms are where the roads go, not what was reached
    ("Fuel had not reached the hill farms for a week.", "Snow covered roads to the hill farms."),
]


@pytest.mark.parametrize(("src", "der"), _NO_REVERSAL)
def test_no_reversal(src: str, der: str) -> None:
    assert _reversed(_diff(f"{_OPENING} {src}", f"{_OPENING_B} {der}")) == []


def test_nothing_is_read_without_an_aligned_passage() -> None:
    src = "Three deckhands did not need to go to hospital."
    der = "Some crew were rushed to hospital."
    assert _reversed(diff_facts(src, der, source_doc=0, derived_doc=1)) == []


def _hedges(d: FactDiff) -> list[tuple[str, str, str]]:
    return [(c.source.text, c.derived.text, c.detail) for c in d.changed if c.label == "strength"]


def test_a_hedge_dropped_between_unpaired_sentences() -> None:
    d = _diff(
        f"{_OPENING} The timetable is likely to be rewritten before winter.",
        f"{_OPENING_B} Passengers were angry. The operator says the timetable will be rewritten.",
    )
    (change,) = _hedges(d)
    assert change[0].startswith("is likely") and change[0].endswith("rewritten")
    assert change[1].endswith("be rewritten") and change[2] == "hedge_dropped"


@pytest.mark.parametrize(
    ("src", "der"),
    [
        # both hedge ("would")
        (
            "The timetable is likely to be rewritten before winter.",
            "The timetable would be rewritten, staff said.",
        ),
        # "could only": what was done, not what may be
        ("The skipper could only steer the hull away.", "The skipper managed to steer the hull."),
    ],
)
def test_no_hedge_change(src: str, der: str) -> None:
    assert _hedges(_diff(f"{_OPENING} {src}", f"{_OPENING_B} {der}")) == []
