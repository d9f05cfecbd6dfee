"""Page furniture of headers and footers of posts, bulletins, newsletters and feeds
(:mod:`textlineage.facts.furniture`): a group's name over a post's byline, a station's
ident, a site's name between its menu and the headline, a footer that repeats the
header's name, advisories' update lines, link lines and wire notices; and story lines
of the same words that stay facts."""

from __future__ import annotations

import pytest

from facts_lines import furniture, values

STORY = (
    "The ferry company of Port Alwen said on Tuesday it would cut two of its four daily "
    "crossings in March, citing a shortfall of 3.1 million pounds and fewer passengers."
)


def test_a_groups_name_over_a_posts_byline_with_its_age() -> None:
    page = f"Alwen Ferry Users Club\nPosted by Bryn Coles · 5h\n\n{STORY}\n"
    assert furniture(page) == ["Alwen Ferry Users Club", "Posted by Bryn Coles · 5h"]
    assert "Bryn Coles" not in values(page)


def test_a_stations_ident_over_a_bulletin_and_under_it() -> None:
    page = (
        f"WALN 98.4 NEWS · 08:00 bulletin · Monday\n\n{STORY}\n\nWaln 98.4, your news every hour.\n"
    )
    assert furniture(page) == [
        "WALN 98.4 NEWS · 08:00 bulletin · Monday",
        "Waln 98.4, your news every hour.",
    ]
    ticker = f"ALWEN TV 4 | LATEST\n\n{STORY} ... Stay with Alwen TV 4 for updates"
    assert furniture(ticker) == ["ALWEN TV 4 | LATEST", "Stay with Alwen TV 4 for updates"]
    assert "98.4" not in values(page) and "4" not in values(ticker)


def test_an_authors_note_closing_a_column_under_the_byline() -> None:
    page = (
        "Ferries are a test of the council\nMared Hughes\n4 May 2025 · 3 min read\n\n"
        f"{STORY}\n\nMared Hughes sails from Alwen and writes every other week.\n"
    )
    assert "Mared Hughes sails from Alwen and writes every other week." in furniture(page)
    # a story's own closing line that names someone else stays
    other = page.replace("Mared Hughes sails", "Owen Rees sails")
    assert "Owen Rees sails from Alwen and writes every other week." not in furniture(other)


def test_a_sites_name_between_its_menu_and_the_headline() -> None:
    page = (
        "Travel | Ferries | Reviews\nThe Western Review of Shipping\n"
        "Alwen ferry cuts leave islanders stranded\nBy Ceri Lloyd\n\n"
        f"{STORY}\n"
    )
    found = furniture(page)
    assert "The Western Review of Shipping" in found
    assert "Alwen ferry cuts leave islanders stranded" not in found
    news = f"From the Desk at Harbour Books, Alwen\nSpring letter · Staff picks\n\n{STORY}"
    assert furniture(news)[0] == "From the Desk at Harbour Books, Alwen"


@pytest.mark.parametrize(
    "line",
    [
        "alwen.gov > Port Alwen, WA > Notices and Closures",
        "Last Map Update: Tue, Mar 3, 2026 at 4:12:09 pm GMT",
        "Forecaster: DJH",
        "Related notices: Berth closure, Penmor (2 Mar)",
        "Related content: Alwen: 2025 Harbour Season Review",
        "Most popular in Travel: The ten best ferry routes of the year",
        "Products  Support  Timetables  Company  Newsroom",
        "Was this helpful?  Yes  No",
        "Reply · Quote · 👍 12",
        "This information is provided by Wirecast, the news service of the Alwen Exchange. "
        "Wirecast is approved by the Harbour Authority to act as a news provider.",
    ],
)
def test_page_lines_of_advisories_forums_and_wires_are_furniture(line: str) -> None:
    text = f"{STORY}\n\n{line}\n"
    assert furniture(text) == [line]
    assert values(text) == values(STORY)


def test_a_newsletters_name_and_issue() -> None:
    page = f"The Harbour Letter, Issue 87\n\n{STORY}\n"
    assert furniture(page) == ["The Harbour Letter, Issue 87"]
    assert "87" not in values(page)


@pytest.mark.parametrize(
    "line",
    [
        "Ferry fares: 5 pm  4 pm  3 pm",
        "The ferry was updated: it now carries 40 cars.",
        "Stay with your family for the crossing, the crew said.",
        "Related to the cuts, the council will meet on 4 March.",
        "Flag",
    ],
)
def test_story_lines_of_the_same_words_stay(line: str) -> None:
    assert furniture(f"{STORY}\n\n{line}\n") == []


def test_a_short_headline_over_a_standfirst_stays() -> None:
    page = (
        "News | Ferries\nFerry Cuts Approved\nThe council voted on Monday to cut two "
        f"crossings.\nBy Ceri Lloyd\n\n{STORY}\n"
    )
    assert "Ferry Cuts Approved" not in furniture(page)
    assert furniture(f"{STORY}\n\nRelated costs: the council will borrow 2 million pounds.\n") == []
