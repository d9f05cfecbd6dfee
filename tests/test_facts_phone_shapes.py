"""A telephone number in a phone's hyphenated shape stays one number when a comma and a
figure follow it; groups of digits split by spaces there stay separate numbers."""

from __future__ import annotations

from facts_lines import values


def test_a_hyphenated_phone_number_before_a_comma_and_a_figure() -> None:
    found = values("Ring the ferry office on 802-555-0143, 8 a.m. to 6 p.m. on weekdays.")
    assert "802-555-0143" in found
    assert "0143" not in found and "802-555" not in found


def test_spaced_thousands_before_a_comma_are_no_phone() -> None:
    found = values("The three islands hold 1 200, 3 400 and 5 600 people.")
    assert not [v for v in found if v.startswith("1 200")]
