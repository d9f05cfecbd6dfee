"""Common words that open proper names ("New Zealand", "the High Court") and a
transcript's time stamps on speakers' labels (:mod:`textlineage.facts.name_shapes`,
:mod:`textlineage.facts.furniture_threads`)."""

from __future__ import annotations

import pytest

from facts_lines import furniture
from textlineage.facts.extract import extract_facts


def _names(text: str) -> dict[str, str]:
    return {f.text: f.kind for f in extract_facts(text, language="en") if f.kind != "date"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The last titan arum to bloom in New Zealand flowered in Christchurch.", "New Zealand"),
        (
            "Shares of the firm trade on the New York Stock Exchange under a new code.",
            "New York Stock Exchange",
        ),
        ("The appeal went to the High Court in London last week.", "High Court"),
        ("Sales in Great Britain fell by a fifth.", "Great Britain"),
        ("New Zealand's dairy exports rose in March.", "New Zealand"),
    ],
)
def test_a_common_word_opens_a_proper_name(text: str, name: str) -> None:
    names = _names(text)
    assert name in names
    assert name.split(" ", 1)[1] not in names


def test_a_name_opened_by_a_common_word_is_no_persons() -> None:
    kinds = _names("He moved to Old Trafford after the Great Depression, in the New Year.")
    assert {kinds.get(n) for n in ("Old Trafford", "Great Depression", "New Year")} <= {
        "place",
        "organisation",
        "entity",
    }


def test_a_common_word_at_a_sentence_start_opens_no_unknown_name() -> None:
    names = _names("New Figures from the council show a rise in Leeds.")
    assert "New Figures" not in names
    assert names.get("Leeds") == "place"


def test_a_place_opened_by_a_common_word_is_a_place() -> None:
    assert _names("Bees were tagged across New England in the summer.")["New England"] == "place"
    assert _names("The team tagged bees in Vermont and New Hampshire.")["New Hampshire"] == "place"


STORY = (
    "The ward will close to births for six weeks from 1 April while two obstetricians are "
    "recruited, and about 40 women due to give birth will be offered care elsewhere."
)


def test_a_speakers_time_stamp_is_furniture_and_the_speech_is_not() -> None:
    line = (
        "Mr DAVENPORT-KYLE (Ballarat East—Minister for Health) (14:08): I thank the member. "
        "Over the past year the unit delivered 612 babies."
    )
    found = furniture(f"{STORY}\n\n{line}\n\n{STORY}\n")
    assert "(14:08)" in found
    assert not any("612" in f for f in found)


def test_a_broadcast_transcripts_speaker_labels_are_furniture() -> None:
    show = (
        "HOST (MAYA ORTIZ): The ferry is back in service. Our Leo Hart has more.\n\n"
        "REPORTER (LEO HART): Maya, the ferry sailed at 9 a.m. with 212 passengers.\n\n"
        "HOST (MAYA ORTIZ): Thanks, Leo.\n"
    )
    found = furniture(f"{STORY}\n\n{show}\n{STORY}\n")
    assert found.count("HOST (MAYA ORTIZ):") == 2 and "REPORTER (LEO HART):" in found
    assert not any("212" in f or "ferry" in f for f in found)
    # a label opening one line only is the story's
    line = "WARNING: the ferry may not sail on Friday."
    assert not any("WARNING" in f for f in furniture(f"{STORY}\n\n{line}\n\n{STORY}\n"))


def test_a_time_in_brackets_inside_a_sentence_is_no_stamp() -> None:
    line = "The meeting began at the usual hour (10:30) and ran until noon: nobody left early."
    assert not any("10:30" in f for f in furniture(f"{STORY}\n\n{line}\n\n{STORY}\n"))


def test_a_questions_mark_is_no_initial_of_a_name() -> None:
    faq = (
        "Q. Can I fly my drone in the park?\nA. No. The zone covers the whole park.\n\n"
        "Q. I hold a pilot certificate. Am I exempt?\nA. No, said Harriet Lowe.\n\n"
        "Q. Does the rule apply to toys?\nA. Yes."
    )
    assert _names(faq) == {"Harriet Lowe": "person"}


def test_an_initial_q_inside_a_sentence_stays_a_name() -> None:
    assert _names("He met Q. Smith in Leeds on Monday.")["Q. Smith"] == "person"


def test_a_time_in_brackets_before_a_colon_in_prose_is_no_stamp() -> None:
    line = "Doors open at the usual time (10:30): bring photo ID and a pen."
    assert not any("10:30" in f for f in furniture(f"{STORY}\n\n{line}\n\n{STORY}\n"))
    line = "The SPEAKER (14:09): Order! The member has asked her question."
    assert "(14:09)" in furniture(f"{STORY}\n\n{line}\n\n{STORY}\n")
