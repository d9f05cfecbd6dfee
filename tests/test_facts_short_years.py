"""A year written by its last two digits after an apostrophe ("'91") keeps the year
written whole; it is no number."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts


def test_a_class_year_by_its_last_two_digits() -> None:
    d = diff_facts(
        "The medal goes to Ulfric Vantwell, a Class of 1991 graduate who now runs a rowing club.",
        "The medal goes to Ulfric Vantwell '91, who now runs a rowing club.",
        source_doc=0,
        derived_doc=1,
    )
    assert [(k.source.text, k.derived.text) for k in d.kept if k.kind == "date"] == [
        ("1991", "'91")
    ]
    assert not [f for f in (*d.added, *d.dropped) if f.kind in ("date", "number")]
