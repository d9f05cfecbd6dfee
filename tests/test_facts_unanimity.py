"""A split vote told as unanimous, or the reverse (:mod:`textlineage.facts.unanimity`): one
value changed, not a tally dropped. The sentences are made up for these tests; no
passages are given."""

from __future__ import annotations

from textlineage.facts import diff_facts


def test_a_split_tally_told_as_unanimous_is_a_value_changed() -> None:
    d = diff_facts(
        "The parish council approved the new bus shelter by a 6-2 vote on Tuesday evening.",
        "Parish councillors unanimously approved the new bus shelter on Tuesday.",
        source_doc=0,
        derived_doc=1,
    )
    assert [(k.source.text, k.derived.text, k.label) for k in d.changed] == [
        ("6-2 vote", "unanimously", "value")
    ]
    assert not [f for f in d.dropped if f.kind == "number"]


def test_a_majority_in_words_told_as_unanimous_is_a_value_changed() -> None:
    d = diff_facts(
        "The tribunal rejected the appeal by a majority of two to one, its ruling said.",
        "The tribunal unanimously rejected the appeal.",
        source_doc=0,
        derived_doc=1,
    )
    assert [(k.source.text, k.label) for k in d.changed] == [("majority of two to one", "value")]


def test_a_tally_with_none_against_is_unanimous() -> None:
    d = diff_facts(
        "The parish council approved the new bus shelter by a 6-0 vote on Tuesday evening.",
        "Parish councillors unanimously approved the new bus shelter on Tuesday.",
        source_doc=0,
        derived_doc=1,
    )
    assert not [k for k in d.changed if k.derived.text == "unanimously"]


def test_a_vote_on_another_matter_is_left_alone() -> None:
    d = diff_facts(
        "The parish council approved the new bus shelter by a 6-2 vote on Tuesday evening.",
        "The allotment society unanimously elected a new treasurer.",
        source_doc=0,
        derived_doc=1,
    )
    assert not [k for k in d.changed if k.derived.text == "unanimously"]
