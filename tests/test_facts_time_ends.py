"""A span of time on one side told as its two ends on the other is one fact kept."""

from __future__ import annotations

from textlineage.facts.diff import diff_facts
from textlineage.types import FactDiff, Passage


def _diff(src: str, der: str) -> FactDiff:
    p = Passage("paraphrase", 0.8, (((0, len(src)),), ((0, len(der)),)))
    return diff_facts(src, der, source_doc=0, derived_doc=1, passages=(p,))


def _dates(d: FactDiff) -> tuple[list[str], list[str], list[str]]:
    return (
        [f.text for f in d.added if f.kind == "date"],
        [f.text for f in d.dropped if f.kind == "date"],
        [k.derived.text for k in d.kept if k.kind == "date"],
    )


def test_two_ends_told_as_one_span() -> None:
    d = _diff(
        "The ferry will now leave Ardmore at 7:00 a.m. and return at 3:00 p.m. each day.",
        "Sailings from Ardmore run 7am to 3pm each day.",
    )
    assert _dates(d) == ([], [], ["7am to 3pm"])


def test_a_span_told_as_its_two_ends_and_ends_of_another_span() -> None:
    d = _diff(
        "The hall is open 10am to 6pm on weekdays.",
        "The hall opens at 10am on weekdays and closes at 6pm.",
    )
    added, dropped, kept = _dates(d)
    assert not added and not dropped and kept
    d = _diff(
        "The hall is open 10am to 6pm on weekdays.",
        "The hall opens at 10am on weekdays and closes at 8pm.",
    )
    # one end the same, the other moved: the span changed, not dropped
    assert _dates(d)[:2] == ([], [])
    assert [(k.source.text, k.derived.text) for k in d.changed if k.kind == "date"] == [
        ("10am to 6pm", "10am on weekdays and closes at 8pm")
    ]
