"""Page furniture that speaks to the reader or about the publisher: prompts answered by a
call, offers to members, funding notes, rating widgets, equal-opportunity and trading-name
notices, underwriting credits, run-on notes to editors, end marks between dashes, a
social group's header, an issue number with "#", a masthead in capitals over the header,
a column's title with its writer, a tagline and an "About" heading; and story lines of
the same shapes that stay facts."""

from __future__ import annotations

import pytest

from facts_lines import furniture

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
        "Moving house this summer? Book a free survey with our team.",
        "Liked this piece? Share it with a friend.",
        "Find a sailing: enter your departure port",
        "Members can watch our recorded talks in the library.",
        "The Skerry Post is reader-funded. Become a supporter.",
        "Rate this recipe ★★★☆☆ (48 ratings)",
        "Rated 4.5 out of 5 stars (1,204 reviews)",
        "Harbour Board is an equal opportunity employer and provider.",
        "The council does not discriminate on the basis of age, faith or disability.",
        "FerryFinder is a trading name of Tidewise Media Ltd.",
        "Our searches are free. We may receive a commission from operators when you book.",
        "Support for Island Radio comes from the Orkney Boatyard Cooperative.",
        "The Skerry Choir is a registered charity and receives grants from the arts board.",
        "Notes to editors: Photographs are available from the press office on request.",
        "Orkney Walkers (Private group) · 2.4K members",
        "For more details, ring the ferry office or ask at any pier.",
        "Already a subscriber? Log in",
        "This article is for subscribers only.",
        "You have 3 free articles remaining this month.",
        "Estimated reading time: 4 minutes",
        "Read time: 5 mins",
        "Tagged: ferries, islands, transport",
        "4.8 ★ (2,310)",
        "A version of this article appears in print on 3 March 2027, Section A, Page 12.",
        "Enjoy unlimited access for £1 a week. Cancel anytime.",
        "This story was produced in partnership with the Island Trust.",
        "Want to get in touch? Email tips@skerrypost.example",
        "Join 25,000 readers who get our morning briefing.",
        "We rely on readers like you. Please consider supporting us.",
        "If you value our reporting, please consider a donation.",
        "Support independent journalism. Donate today.",
        "Click here to subscribe",
        "Story continues below advertisement",
        "Photo by Ann Royle on a hillside",
        "(Image credit: Skerry Post)",
        "Sign in to continue reading",
        "Our journalism is free to read. Help keep it that way.",
        "Limited time offer: 3 months for £1",
        "Offer ends 31 March 2027. Terms and conditions apply.",
        "Contact the reporter at aroyle@skerrypost.example",
        "Sponsored content from Tidewise",
        "This is a paid advertisement.",
        "Rated 4 stars by 212 readers",
        "Prices correct at time of publication.",
        "The views expressed are the author's own.",
    ],
)
def test_prompt_or_notice_is_furniture(line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert line in furniture(text)


def test_end_mark_between_dashes() -> None:
    text = f"{STORY}\n\n{MORE}\n\n-- Skerry Ferries --\n"
    assert any("Skerry Ferries" in f for f in furniture(text))


@pytest.mark.parametrize(
    "line",
    [
        "Check the timetable before you travel, the company said.",
        "Book early, the operator advised, because the summer ferries fill up by May.",
        "Why did the council wait? It had no money until the grant arrived in June.",
        "Members can vote on the new timetable until Friday, the union said.",
        "The trust said it was a registered charity with 40 staff.",
        "Members get unlimited access to the pool for £20 a month.",
        "You have two days left to object to the plan.",
        "Read the timetable. Then plan your trip around the tides.",
        "Prices rose sharply at the time of the strike, the union said.",
        "The views expressed at the meeting were mixed.",
        "Contact with the mainland was lost for 12 hours, the coastguard said.",
        "Photographs taken by a passenger show the damaged hull.",
        "Funding for the new pier is provided by the island council and a lottery grant of £2 million.",
    ],
)
def test_story_lines_stay_facts(line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert line not in furniture(text)


def test_newsletter_masthead_tagline_and_issue_line() -> None:
    text = (
        "SKERRY NOTES\nThe weekly letter on island life\nIssue #52 · 3 March 2027 · 4 min read\n\n"
        "Winter timetable: fewer boats\n\n"
        f"{STORY}\n\n{MORE}\n"
    )
    found = furniture(text)
    for line in (
        "SKERRY NOTES",
        "The weekly letter on island life",
        "Issue #52 · 3 March 2027 · 4 min read",
    ):
        assert line in found


def test_column_title_with_writer_over_a_date_line() -> None:
    text = (
        "The Island Herald | Outdoors\nON THE WATER with Fenella Rousay\n"
        f"Published 3 March 2027 | Page 12\n\n{STORY}\n\n{MORE}\n"
    )
    assert "ON THE WATER with Fenella Rousay" in furniture(text)


def test_headline_in_capitals_stays() -> None:
    text = f"FERRY CUTS WINTER SAILINGS\nBy Ann Royle | 3 March 2027\n\n{STORY}\n\n{MORE}\n"
    assert "FERRY CUTS WINTER SAILINGS" not in furniture(text)


def test_about_heading_over_boilerplate() -> None:
    text = (
        f"{STORY}\n\n{MORE}\n\nAbout Tidewise Media\n"
        "Tidewise Media is a publisher of travel guides for the northern isles, founded in "
        "2009 and based in Kirkwall with a staff of twelve writers and editors.\n"
    )
    assert "About Tidewise Media" in furniture(text)


def test_byline_with_a_nickname_in_quotes() -> None:
    line = 'by "Red" Mackay | 3 March 2027 | 🔥 41 | 💬 12'
    text = f"Ferry cuts winter sailings\n{line}\n\n{STORY}\n\n{MORE}\n"
    assert line in furniture(text)


def test_body_and_department_over_the_menu() -> None:
    text = (
        "Skerry Harbour Board\nFerry Services Office\nTimetables | Fares | Notices | Contact\n\n"
        f"{STORY}\n\n{MORE}\n"
    )
    found = furniture(text)
    assert "Skerry Harbour Board" in found
    assert "Ferry Services Office" in found
