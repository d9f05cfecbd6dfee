"""Page furniture of leaflets, letters, newsletters and sponsored pages: ads with a
colon label, sponsors' lines, imprints, link teasers closed by an arrow, a letter's
salutation, close and the writer's title, a postal address and dated fields above the
story, a report's number line, a two-step breadcrumb in the header, a site's name and
tagline over its menu, a charity's tax status, radio and tip-off calls, a company's
"About" boilerplate and the numbered notes to editors; and story lines of the same
words that stay facts."""

from __future__ import annotations

import pytest

from facts_lines import furniture, values

STORY = (
    "The ferry company said on Monday that it would cut its winter timetable to four "
    "sailings a day from January because of falling passenger numbers on the island route."
)
MORE = (
    "Islanders who commute to the mainland said the change would leave them with no "
    "crossing after six in the evening, and the council plans to meet the operator in March."
)


@pytest.mark.parametrize(
    "line",
    [
        "Sponsored: Save on pet insurance from $7 a month with Burrow Cover",
        "Official sponsor: Northgate Tyres",
        "Supported by Lowfield Trust & Brae Foundation",
        "Printed and published by Skerry Residents' Group, 12 Harbour Row, Stromness.",
        "⚡ FLASH SALE: Oslo to Bergen from $49 one way →",
        "Got a ferry update? Text the newsroom on 07700 900 123",
        "Listen live: The Drive Home, 4pm–7pm",
        "Bramble Fund is a registered 501(c)(3) nonprofit.",
    ],
)
def test_promo_line_is_furniture(line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    found = " ".join(furniture(text))
    assert line.lstrip("⚡ ") in found


def test_promo_line_numbers_are_no_facts() -> None:
    text = (
        f"{STORY}\n\nSponsored: Save on pet insurance from $7 a month with Burrow Cover\n\n{MORE}\n"
    )
    assert "$7" not in " ".join(values(text))


@pytest.mark.parametrize(
    "line",
    [
        "Sponsors said they would pull out of the festival if the fee rose by 20%.",
        "Published by the ministry in 2024, the survey found 3,100 empty homes.",
        "Ferries to Bergen cost $49 more than last year.",
        "Dear readers will remember the storm of 1987.",
        "Partners in the scheme will pay £4 million over ten years.",
    ],
)
def test_story_lines_stay_facts(line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert line not in furniture(text)


def test_letter_salutation_close_and_title() -> None:
    text = (
        "Skerry Ferries\nSkerry Ferries, 4 Pier Road, Stromness KW16 1AB\nDate: 3 November 2027\n\n"
        f"Dear Passenger,\n\n{STORY}\n\n{MORE}\n\nYours sincerely,\n\nMairi Flett\nHead of Operations\n"
    )
    found = furniture(text)
    for line in (
        "Dear Passenger,",
        "Yours sincerely,",
        "Head of Operations",
        "Skerry Ferries, 4 Pier Road, Stromness KW16 1AB",
    ):
        assert line in found
    assert "Mairi Flett" not in found  # who signed it is whom the letter quotes


def test_address_in_a_story_stays() -> None:
    line = "Police were called to 14 Mill Lane, Bury, at 2am."
    assert line not in furniture(f"{STORY}\n\n{line}\n\n{MORE}\n")


def test_report_header_fields() -> None:
    text = (
        "Brae Relief\nField Bulletin No. 7 | Drought, Northern Kenya\n"
        "Period covered: 3–9 May 2027\nUpdates > Kenya\n\n"
        f"{STORY}\n\n{MORE}\n\nNext bulletin: 16 May 2027\nContact: desk@brae.example\n"
    )
    found = furniture(text)
    for line in (
        "Field Bulletin No. 7 | Drought, Northern Kenya",
        "Period covered: 3–9 May 2027",
        "Updates > Kenya",
        "Next bulletin: 16 May 2027",
    ):
        assert line in found


def test_dated_field_inside_the_story_stays() -> None:
    line = "Deadline: 9 May 2027"
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert line not in furniture(text)


def test_site_name_and_tagline_over_its_menu() -> None:
    for head in (
        "THE SKERRY BEACON — Island weekly since 1952",
        "FerryFox — cheap sailings, smart trips",
    ):
        text = f"{head}\nNews | Travel | Sport\n\nFerry timetable cut\n\n{STORY}\n"
        assert head in furniture(text)


def test_headline_with_dash_over_a_byline_stays() -> None:
    head = "Ferry cuts — islanders left stranded after six"
    text = f"{head}\nBy Ola Rendall | 3 May 2027\n\n{STORY}\n"
    assert head not in furniture(text)


def test_about_boilerplate_first_sentence() -> None:
    text = (
        f"{STORY}\n\n{MORE}\n\nAbout Skerry Ferries\n"
        "Skerry Ferries is a family-owned operator of island routes. Its new vessel has not yet been approved for service.\n"
    )
    found = furniture(text)
    assert "About Skerry Ferries" in found
    assert "Skerry Ferries is a family-owned operator of island routes." in found
    assert not any("approved" in f for f in found)


def test_numbered_notes_to_editors() -> None:
    text = f"{STORY}\n\n{MORE}\n\nNotes to editors\n1. The Timetable Review is published by Brae Media Ltd.\n"
    assert "1. The Timetable Review is published by Brae Media Ltd." in furniture(text)


def test_phone_number_before_a_comma_is_no_quantity() -> None:
    text = (
        f"{STORY} Islanders can call the ferry desk on 01632 960 118, and staff will rebook them.\n"
    )
    found = values(text)
    assert "960" not in found
    assert "118" not in found


def test_numbers_listed_with_commas_stay_numbers() -> None:
    text = f"{STORY} Fares rose to 12 500, 13 000 and 14 200 krona over three years.\n"
    assert "12 500" in " ".join(values(text))
