"""A capitalised word that opens a list item's phrase or follows a line's short label is
capitalised for its place, not because it is a name; a bullet that is a name alone, and
a name after a label, stay names."""

from __future__ import annotations

from facts_lines import values


def test_a_verb_opening_a_bullet_is_no_name() -> None:
    text = (
        "The ferry company listed its repairs:\n\n"
        "- Checking a second ramp on every vessel (complete)\n"
        "- Holm Sound Ferries Trust\n"
    )
    found = values(text)
    assert "Checking" not in found
    assert "Holm Sound Ferries Trust" in found


def test_a_common_noun_after_a_lines_label_is_no_name() -> None:
    text = (
        "Item 3: School meals. The council agreed to spend £40,000 on meals in schools.\n"
        "Present: Councillor Ruth Abara and the clerk.\n"
    )
    found = values(text)
    assert "School" not in found
    assert "Ruth Abara" in found


def test_a_dictionary_noun_opening_a_sentence_is_no_person() -> None:
    text = (
        "The rowing club held its yearly meeting in the boathouse on Friday evening. "
        "Attendance was 61% of the members. Litter collection on the towpath resumes in May."
    )
    found = values(text)
    assert "Attendance" not in found and "Litter" not in found
    assert "61%" in found


def test_a_surname_met_in_a_full_name_or_with_said_stays_a_person() -> None:
    text = (
        "Coach Nell Baker led the crew. Baker said the crew trained twice a day. "
        "Quarrington said the boat was ready."
    )
    found = values(text)
    assert "Baker" in found or "Nell Baker" in found
    assert "Quarrington" in found
