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
