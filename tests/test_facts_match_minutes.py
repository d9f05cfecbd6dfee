"""The minute of a match something happened in ("in the 63rd minute") is a fact: a
derived text that counts no minute has dropped it."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts


def test_a_match_minute_left_out_is_dropped() -> None:
    d = diff_facts(
        "Okoro was sent off in the 63rd minute of the league match at Cobbald Lane.",
        "Okoro was sent off during the league match at Cobbald Lane.",
        source_doc=0,
        derived_doc=1,
    )
    assert "63rd minute" in [f.text for f in d.dropped]


def test_a_match_minute_kept() -> None:
    d = diff_facts(
        "Okoro was sent off in the 63rd minute of the league match at Cobbald Lane.",
        "Okoro saw red in the 63rd minute at Cobbald Lane.",
        source_doc=0,
        derived_doc=1,
    )
    assert not [f for f in d.dropped if "minute" in f.text]
