"""Company forms of Malaysia, Singapore, India and Indonesia written after a company's name
("Sdn. Bhd.", "Pte. Ltd.", "Pvt. Ltd.", "Tbk"): part of the name, no place or person of
their own."""

from __future__ import annotations

from facts_lines import values
from textlineage.facts import extract_facts


def _names(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in extract_facts(text, language="en") if f.kind != "date"]


def test_a_malaysian_company_form_ends_its_name() -> None:
    got = _names("The unit signed a deal with Kelana Motors Sdn. Bhd. on Monday in Johor Bahru.")
    assert ("organisation", "Kelana Motors Sdn. Bhd") in got
    assert not any(t in ("Sdn", "Bhd", "Sdn. Bhd") for _, t in got)


def test_a_company_form_after_a_bracket_is_no_name_of_its_own() -> None:
    got = _names("Its subsidiary, Tembusu Precision (Johor) Sdn. Bhd., signed a memorandum.")
    assert not any(t in ("Sdn", "Bhd", "Sdn. Bhd") for _, t in got)


def test_singapore_and_indian_forms_end_their_names() -> None:
    got = _names("Marlow Foods Pte. Ltd. and Arun Textiles Pvt. Ltd. signed the deal.")
    assert got == [
        ("organisation", "Marlow Foods Pte. Ltd"),
        ("organisation", "Arun Textiles Pvt. Ltd"),
    ]
    assert "40 ships" in values("PT Sinar Abadi Tbk. sold 40 ships in 2025.")
