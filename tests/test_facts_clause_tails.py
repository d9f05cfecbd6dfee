"""A reason or a purpose cut from the end of a retold sentence is a claim dropped
(:mod:`textlineage.facts.clause_tails`). The sentences are made up for these tests."""

from __future__ import annotations

from textlineage.facts.clause_tails import dropped_tails
from textlineage.facts.items import Result

SOURCE = (
    "The county closed the riverside footpath on Monday. "
    "Walkers should keep dogs on leads near the grazing fields, to avoid startling the ewes. "
    "The path reopens in spring."
)


def _tails(derived: str) -> list[str]:
    res = Result()
    dropped_tails(res, (SOURCE, derived), 0)
    return [f.text for f in res.dropped]


def test_a_purpose_left_out_of_a_retold_sentence_is_dropped() -> None:
    derived = (
        "The riverside footpath was closed on Monday. "
        "Walkers must keep dogs on leads near the grazing fields. It reopens in spring."
    )
    assert _tails(derived) == ["to avoid startling the ewes"]


def test_a_purpose_said_nearby_is_not_dropped() -> None:
    derived = (
        "The riverside footpath was closed on Monday. "
        "Walkers must keep dogs on leads near the grazing fields. Ewes startle easily."
    )
    assert _tails(derived) == []


def test_a_sentence_not_retold_gives_no_tail() -> None:
    assert _tails("The riverside footpath was closed on Monday. It reopens in spring.") == []


def test_a_reason_after_because_is_read_too() -> None:
    src = "Anglers may fish the lower pool again, because the algae bloom has cleared."
    der = "Anglers may fish the lower pool again from Saturday."
    res = Result()
    dropped_tails(res, (src, der), 0)
    assert [f.text for f in res.dropped] == ["because the algae bloom has cleared"]


def test_a_long_run_without_a_comma_is_quick() -> None:
    src = "Walkers keep dogs on leads near fields" + " near fields" * 5000 + "."
    res = Result()
    dropped_tails(res, (src, "Walkers keep dogs on leads near fields."), 0)
    assert res.dropped == []


def test_what_follows_left_out_of_a_retold_sentence_is_dropped() -> None:
    source = (
        "The ceremony will take place at Harrow Fen chapel at noon on Monday, "
        "followed by a reception at the boathouse."
    )
    derived = "The ceremony is at Harrow Fen chapel at noon on Monday."
    res = Result()
    dropped_tails(res, (source, derived), 0)
    assert [f.text for f in res.dropped] == ["followed by a reception at the boathouse"]
