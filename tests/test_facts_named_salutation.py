"""A letter's salutation that names its addressee with an honorific ("Dear Ms Ferrand,") is
no furniture: the addressee is a fact of the letter, dropped when a retelling leaves the
name out. A salutation to a group ("Dear Tenant,") stays furniture."""

from __future__ import annotations

from textlineage import Document, compare
from textlineage.facts.furniture_lines import letter_spans


def _lines(text: str) -> list[tuple[int, int, bool]]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line), False))
        at += len(line) + 1
    return out


def test_a_named_addressee_is_no_furniture() -> None:
    text = "Dear Mrs Quennell,\n\nYour parking permit runs out next month."
    assert letter_spans(text, _lines(text)) == []


def test_a_group_salutation_stays_furniture() -> None:
    text = "Dear Tenant,\n\nYour parking permit runs out next month."
    assert [text[s:e] for s, e in letter_spans(text, _lines(text))] == ["Dear Tenant,"]


def test_a_named_addressee_left_out_is_dropped() -> None:
    body = (
        "Your residents' parking permit for the zone around the old market runs out at the "
        "end of next month. You can renew it online or at the council offices, and the "
        "yearly charge stays the same as last year for a first car in the household."
    )
    source = f"Dear Mrs Quennell,\n\n{body}\n"
    derived = f"{body}\n"
    fd = compare(Document("a", source), Document("b", derived)).facts
    assert [f.text for f in fd.dropped if f.kind == "person"] == ["Quennell"]
