"""An amount in pence written with "p" ("4.2p") is the amount in pence; a picture's
"1080p" is no amount."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.facts.extract import analysed


def test_pence_written_with_p_keep_the_amount() -> None:
    d = diff_facts(
        "The board proposed an interim dividend of 4.2 pence per share.",
        "The board wants to pay 4.2p a share.",
        source_doc=0,
        derived_doc=1,
    )
    assert [(k.source.text, k.derived.text) for k in d.kept if k.kind == "number"] == [
        ("4.2 pence", "4.2p")
    ]
    assert not d.dropped and not d.added


def test_a_screen_resolution_is_no_amount() -> None:
    items = analysed("The camera records at 1080p and 60 frames a second.", 0, "en")
    assert "1080p" not in [it.fact.text for it in items]
