"""A date the derived text gives in full and mentions again loosely elsewhere ("this
March" beside "between 4 and 6 March 2027") is kept: the loose mention is no change."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts


def test_a_kept_date_mentioned_again_by_its_month() -> None:
    src = (
        "Volunteers counted otters at 90 river sites between 4 and 6 March 2027. The total"
        " of 340 otters was the highest since the survey began."
    )
    der = (
        "Volunteers counted 340 otters at river sites this March, the highest total since"
        " the survey began. They were out at 90 sites between 4 and 6 March 2027."
    )
    d = diff_facts(src, der, source_doc=0, derived_doc=1)
    assert not [c for c in d.changed if c.kind == "date"]
    assert "March" in [k.derived.text for k in d.kept if k.kind == "date"]
