"""A date the source gives only in its page header, repeated by the derived text, is kept
(not added)."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff

_SOURCE = (
    "Inspection report: Holmbrook Nursery\n"
    "Report published: 14 March 2025\n\n"
    "Holmbrook Nursery was inspected over two days and is now judged Good in every area. "
    "Children are safe, staff know them well, and the outdoor space is used every day. "
    "Leaders should make sure that the new reading scheme is taught consistently.\n"
)


def _diff(der: str) -> FactDiff:
    return diff_facts(_SOURCE, der, source_doc=0, derived_doc=1)


def test_the_publication_date_repeated_is_kept() -> None:
    d = _diff(
        "Good news for Holmbrook Nursery: its latest report, out on 14 March, rates it Good "
        "in every area after a two-day visit. Staff know the children well."
    )
    assert not [f.text for f in d.added if f.kind == "date"]
    assert ("14 March 2025", "14 March") in [
        (k.source.text, k.derived.text) for k in d.kept if k.kind == "date"
    ]


def test_another_day_is_still_added() -> None:
    d = _diff(
        "Good news for Holmbrook Nursery: its latest report, out on 17 March, rates it Good "
        "in every area after a two-day visit. Staff know the children well."
    )
    assert "17 March" in [f.text for f in d.added if f.kind == "date"]


def test_a_year_made_a_day_the_header_gives_stays_paired_with_the_source_year() -> None:
    source = (
        "Snapshot date: 5 May 2041\n\nRiver levels report 2041\n\n"
        "The river board said in its 2041 report that levels at the weir fell by 12 cm over "
        "the spring.\n"
    )
    derived = "The river board said in its report of 5 May 2041 that levels at the weir fell."
    d = diff_facts(source, derived, source_doc=0, derived_doc=1)
    kept = [(k.source.text, k.derived.text) for k in d.kept if k.kind == "date"]
    assert sorted(kept) == [("2041", "5 May 2041"), ("5 May 2041", "5 May 2041")]
    assert not [f for f in [*d.added, *d.dropped] if f.kind == "date"]
    assert not [k for k in d.changed if k.kind == "date"]
