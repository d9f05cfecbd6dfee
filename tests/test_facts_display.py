"""Names in headlines, headings and labels, and words that are never a name alone: a
capital there needs other evidence (the real model, spaCy's en_core_web_sm 3.8.0)."""

from __future__ import annotations

import pytest

from test_facts_ner import _model_on, names  # noqa: F401  (the model on, and the reader)
from textlineage.facts import ner
from textlineage.facts.display import display_spans, label_opener

pytestmark = pytest.mark.skipif(
    not ner.available(), reason=f"the named-entity model is not installed: {ner.INSTALL_HINT}"
)


def test_display_lines_and_labels() -> None:
    text = (
        "Quillmere Foods to Close Bakery Depot in Tarnby\n"
        "Quillmere said on Monday it would close the depot.\n"
        "Outlook\n"
        "CAN WE FIX IT? Maybe.\n"
        "STAFF NOTICE: Reduced hours this week | Note: Shop open"
    )
    lines = [text[s:e] for s, e in display_spans(text)]
    assert lines == ["Quillmere Foods to Close Bakery Depot in Tarnby", "Outlook"]
    assert label_opener(text, text.index("Reduced"))
    assert label_opener(text, text.index("Shop"))
    assert not label_opener(text, text.index("Tarnby"))


def test_title_case_headline_words_are_no_names() -> None:
    text = (
        "Quillmere Foods to Close Bakery Depot in Tarnby\n\n"
        "Quillmere Foods said on Monday that it would shut its bakery depot in Tarnby, "
        "where 80 people work."
    )
    found = names(text)
    # "to Close": an infinitive, not a place; "Bakery Depot": capitals of title case
    assert not [n for n in found if "Close" in n or "Bakery" in n]
    assert found["Tarnby"] == "place"
    assert "Quillmere Foods" in found


def test_heading_and_label_words_are_no_names() -> None:
    text = (
        "The kettle boils in ninety seconds and pours cleanly.\n\n"
        "Verdict\n"
        "It is worth the price for anyone who drinks tea all day.\n\n"
        "Weight: 1.2 kg | Power: 3 kW"
    )
    assert names(text) == {}  # the model reads "Verdict" as a person's name


def test_a_label_opens_a_sentence_and_pronouns_are_no_names() -> None:
    text = (
        "WEATHER WARNING: Heavy snow expected across Dunmore on Friday\n\n"
        "Anyone travelling should check before setting out, Dunmore council said.\n\n"
        "CAN YOU HELP? Volunteers are needed to clear paths."
    )
    found = names(text)
    assert "Heavy" not in found
    assert "WEATHER WARNING" not in found
    assert "Anyone" not in found
    assert "YOU HELP" not in found and "HELP" not in found
    assert "Dunmore" in found


def test_company_form_scale_and_back_reference_are_no_names() -> None:
    text = (
        "Harrowgate Metals, Inc. said the furnace reached 1,200 degrees Celsius. "
        "The Arbitration Board of Kessel heard the case in May. The ruling of the Board "
        "was final."
    )
    found = names(text)
    assert "Inc" not in found
    assert "Celsius" not in found
    assert "Board" not in found
    assert "Harrowgate Metals" in found
    # a body the text names only so is a name
    assert "Board" in names("Later, The Board voted to close the mill in Kessel.")


def test_shouted_headline_words_the_story_writes_in_lower_case_are_no_name() -> None:
    text = (
        "LORRY DRIVER'S £2 MILLION WINDFALL!\n\n"
        "A retired lorry driver from Stromness has won £2 million on a scratch card, "
        "Tam Linklater said on Monday."
    )
    found = names(text)
    assert not [n for n in found if "DRIVER" in n]
    assert [n for n in found if "Tam Linklater" in n]
