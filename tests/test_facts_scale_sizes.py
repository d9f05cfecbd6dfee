"""A step on a scale told with the scale's size ("stage 2 of 5") states the size, a fact
of its own: added when the source gives the step alone."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts


def test_the_size_of_a_scale_added() -> None:
    d = diff_facts(
        "The drought warning for the valley was raised to stage 2 (amber) on Tuesday.",
        "The valley's drought warning went up to stage 2 of 5 (amber) on Tuesday.",
        source_doc=0,
        derived_doc=1,
    )
    assert "of 5" in [f.text for f in d.added]


def test_the_size_of_a_scale_kept() -> None:
    d = diff_facts(
        "Forecasters put the fire danger at level 4 out of 6 for the weekend.",
        "Fire danger is at level 4 out of 6 this weekend, forecasters said.",
        source_doc=0,
        derived_doc=1,
    )
    assert not d.added and not d.dropped
