"""Page furniture of press releases, public bodies' pages, investor pages, newsletters,
reviews and broadcast scripts (:mod:`textlineage.facts.furniture_kinds`): contact lines,
breadcrumbs, menus, metadata lines, document numbers, disclosures, stock quotes, slugs;
and story sentences of the same words that stay facts."""

from __future__ import annotations

import pytest

from facts_lines import furniture, values
from textlineage.facts import extract_facts
from textlineage.facts.furniture_kinds import is_phone

STORY = (
    "The harbour board of Port Alwen voted on Tuesday to dredge two of its four berths, "
    "citing a shortfall of 3.1 million pounds and a fall in cargo since last spring."
)


@pytest.mark.parametrize(
    "line",
    [
        "Press contact: Idris Fenwick, idris@harbour.example, +44 1632 960 118",
        "Media enquiries: desk@alwen.example | 01632 960 404",
        "Contact: Sunniva Holt, Communications Office, 303-555-0122",
        "news@alwen.example | (503) 555-0177",
        "SOURCE Alwen Harbour Board",
        "Issued by: Alwen Harbour Board | Distributed by Wirecast",
        "Harbour Board › Notices › Dredging 2026",
        "Home > Notices > Works & Closures",
        "Home / Things to do / Harbours & piers / The dredging of berths two and four at Port Alwen",
        "Skip to content | Visit | Trade | Careers",
        "Call 0300 in an emergency | Contact us | Careers",
        "Print this page",
        "Was this article helpful? Yes | No",
        "Report a problem with this page",
        "Download the notice (PDF, 310 KB)",
        "Notice No. 2026-07",
        "Issue 42",
        "Page 7",
        "Registered charity no. 1099999 | © Alwen Trust 2026",
        "Hearing date: 4 March 2026 | Court: Alwen Magistrates | Case type: Licensing",
        "Text is available under the Creative Commons Attribution licence.",
        "We may earn a commission when you shop through links in this guide.",
        "As an affiliate we earn from qualifying purchases.",
        "Compare prices at Kitchenly | Buy from Hollins",
        "LSE: ALWN 212.50 ▼ 1.25 (0.58%) | Delayed 15 min",
        "Follow the Harbour Board on Instagram, YouTube and Threads",
        "Share this notice: Facebook | X | Email",
        "WALN RADIO - 7 AM - VO/SOT - DREDGING",
        "Posted 3 Feb 2026 | Visitor book (12 entries) | Light a candle",
        "More from the harbour: Ferry timetable changes in May",
        "Additional reporting by Idris Fenwick",
        "Photos by Sunniva Holt",
        "Brought to you by Alwen Marine Insurance",
        "Prepared by Idris Fenwick, Harbour Office",
        "Ph: 01632 960 118  |  Fax: 01632 960 119  |  Email: desk@alwen.example",
        "Shop the story: a brass ship's bell, £49 (the Gazette may earn a commission)",
        "You are receiving HARBOUR NEWS because you joined at the ferry terminal.",
        "Alwen and Alwen Marine are trademarks of Alwen Holdings Ltd.",
    ],
)
def test_page_lines_of_other_kinds_of_page_are_furniture(line: str) -> None:
    text = f"{STORY}\n\n{line}\n"
    assert furniture(text) == [line]
    assert values(text) == values(STORY)


def test_release_datelines_and_a_site_name_over_its_menu() -> None:
    page = (
        "Alwen Harbour Board\nNotices | Tenders | Contact\nDredging to start in March\n\n"
        f"PORT ALWEN, Wales, Feb. 3, 2026 /Wirecast/ -- {STORY}\n"
    )
    assert furniture(page) == [
        "Alwen Harbour Board",
        "Notices | Tenders | Contact",
        "PORT ALWEN, Wales, Feb. 3, 2026 /Wirecast/ -- ",
    ]
    bulletin = "Alwen Bay & District Community Bulletin | March 2026 | Issue 51"
    assert furniture(f"{bulletin}\nDredging to start\n\n{STORY}") == [bulletin]
    for opening in ("PORT ALWEN, Wales — ", "SWANSEA — "):
        assert furniture(f"Dredging to start\n\n{opening}{STORY}") == [opening]


def test_a_script_speaker_tag_sign_off_and_paragraph_numbers() -> None:
    text = (
        f"[ANCHOR]: {STORY}\n\n[ANCHOR]: The work starts in March. For WALN News, I'm Ffion "
        "Rees.\n\n1. The board met on 3 February.\n"
    )
    assert furniture(text) == ["[ANCHOR]:", "[ANCHOR]:", "For WALN News, I'm Ffion Rees.", "1."]
    found = values(text)
    assert "Ffion Rees" not in found and "WALN News" not in found
    assert "3 February" in found


@pytest.mark.parametrize(
    "line",
    [
        "Anyone with information should call Alwen police on 0300 555 0199 or email "
        "tips@alwen.example.",
        "Share prices fell 3% after the board's announcement.",
        "Print sales fell by a fifth in 2025, the publisher said.",
        "Download speeds doubled to 80 megabits in two years.",
        "Population: 5,000 | Area: 20 sq km",
        "Our rating: 4.5/5 | £899 at Hollins",
        "Results: Alwen 3, Penmor 1 | Attendance: 4,210",
        "Follow-up checks on the two berths found 14 leaks.",
        "Contact between the ships lasted 40 seconds, the inquiry heard.",
        "Police inquiries: officers searched 40 homes in the town over the weekend, the "
        "force said.",
        "1,200 people attended the meeting on 2 March.",
        "For the first time, I'm told, the board voted unanimously.",
        "More than 40 ships: the busiest week since 2019.",
        "The council said the licence was revoked in 2024 under the Licensing Act.",
        "Agents earn a commission of 2% on each berth they let.",
        "HELP NEEDED: two volunteers for the harbour watch",
        "Crew - 14 | Cargo - 3,100 tonnes",
        "Spotted by Idris Fenwick of Alwen Divers.",
        "Rescued by Sunniva Holt and Tom Barra.",
        "Home / Away / Neutral: the club played 12 games at each. It lost four.",
        "Backers: 58 applicants were turned down by the board in 2025.",
    ],
)
def test_story_lines_of_the_same_words_stay_facts(line: str) -> None:
    assert furniture(f"{STORY}\n\n{line}\n") == []


def test_a_posts_age_and_its_applicants_over_the_story() -> None:
    line = "Posted 2 days ago · 58 applicants"
    assert line in furniture(f"Dredging manager at Alwen Harbour\n{line}\nJob summary\n\n{STORY}\n")


def test_a_phone_number_is_told_from_a_number_with_spaced_thousands() -> None:
    assert is_phone("+1 306 555 0178") and is_phone("0161 496 0732") and is_phone("503-555-0164")
    assert not is_phone("1 200 000") and not is_phone("12 500") and not is_phone("2019-2020")


def test_a_phone_number_in_a_story_is_one_number() -> None:
    text = f"{STORY} Witnesses can ring the harbour office on 01632 960 118 before 5pm."
    phones = [f for f in extract_facts(text, language="en") if f.text == "01632 960 118"]
    assert [f.value for f in phones] == ["tel:01632960118"]
    assert "960" not in values(text) and "01632" not in values(text)


def test_a_toll_free_number_with_its_trunk_code_and_a_round_the_clock_service() -> None:
    text = f"{STORY} The harbour hotline, 1-800-555-0142, is staffed 24/7 until the quay reopens."
    found = values(text)
    assert "1-800-555-0142" in found
    assert not {"1", "800-555-0142", "24", "7", "24/7"} & set(found)


def test_an_issuers_name_in_capitals_over_its_office_line() -> None:
    head = "ALWEN HARBOUR BOARD"
    office = "Head Office: 2 Quay Road, Port Alwen"
    contact = "Ph: 01632 960 118  |  Email: desk@alwen.example"
    text = f"{head}\n{office}\n{contact}\n\n{STORY}\n"
    assert furniture(text) == [head, office, contact]
