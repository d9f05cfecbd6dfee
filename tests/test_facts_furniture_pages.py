"""Page furniture of news and press pages as a crawler reads them
(:mod:`textlineage.facts.furniture_notes` and the helpers it sits beside): a figure's
caption or source under a label and a comma, a wire's contribution credit, a share or view
count in a sentence or under a label, a page's note on its corrections or its series, a
line closed by a web address, a form's "you agree to our terms", a priced subscription
offer, a header's weather widget, a call to write to the reporter, an author's note below
the story, a post's section, date and author, a release's number, a reading or playing
time, a newsletter's sign-up box, a correspondent's byline with a place, a release's
source line and a sponsor's line naming "the" body, a breadcrumb under its label. Story
lines of the same words stay facts."""

from __future__ import annotations

import pytest

from facts_lines import furniture, values

STORY = (
    "The canoe club on the River Wendle said on Monday that it would open a second "
    "boathouse for 36 crews next summer, after a grant of 240,000 pounds from the county."
)
MORE = (
    "Club secretary Ines Farrow said the new building would also hold a repair shop, and "
    "that work on the slipway would begin in the first week of April if the river is low."
)

IN_THE_STORY = [
    "Image source, Wendle Press Agency",
    "Media caption, Crews training on the river last summer",
    "Associated Press writer Lena Ortiz in Boise contributed to this report.",
    "This story has been shared 1,234 times.",
    "Page views: 4,211",
    "This article was amended on 4 May 2026 to correct the number of crews.",
    "Correction: An earlier version of this story gave 14 crews, not 36.",
    "This story is part of our series on rural transport in 2026.",
    "Photos accompanying this announcement are available at https://www.example.com/p/4471",
    "By clicking Sign up, you agree to our Terms and Privacy Policy.",
    "Supporting the Valley Herald: subscribe from £1 a week",
    "Reach the reporter at ines@herald.example or 555-0142.",
    "Posted in Local News on 6 May 2026 by Ines Farrow",
    "News release 2026/114",
    "Listen to this article · 4:32",
    "Newsletter sign-up: the Wendle Weekly, every Friday",
]


@pytest.mark.parametrize("line", IN_THE_STORY)
def test_a_pages_line_between_paragraphs(line: str) -> None:
    page = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert furniture(page) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Ortiz, who contributed to this report from Boise, said the river rose 2 metres.",
        "The report was amended in 2024 after the council found 3 errors in its figures.",
        "The article was corrected by the council, which said 60 homes, not 16, were flooded.",
        "Contact the reporter at the scene, police said, if you saw the crash.",
        "You agree to the terms of the lease when you pay the first rent of £900, he said.",
        "Members who subscribe before June pay £40 instead of £55, the club said.",
        "Details are at https://www.wendle.example, the council said, and bids close on 4 May.",
        "The Wendle Council plans are online at www.wendle.example/plans",
        "Visits: 42,000",
        "First published in 1998, the guide sold 20,000 copies.",
        "This story is part of why the club has grown to 300 members, Farrow said.",
        "Supported by the Lottery, the club bought 12 boats in 2025.",
        "Release 7.3.3",
        "Temperatures reached 31°C in Wendle on Tuesday, the highest since 1976.",
    ],
)
def test_a_story_line_of_the_same_words_stays(line: str) -> None:
    for page in (f"{STORY}\n\n{line}\n\n{MORE}\n", f"{STORY}\n\n{MORE}\n\n{line}\n"):
        assert line not in furniture(page)


def test_a_weather_widget_in_the_pages_header() -> None:
    line = "Weather: 14°C, light rain"
    page = f"Wendle Valley Herald\n{line}\n\n{STORY}\n\n{MORE}\n"
    assert line in furniture(page)
    assert "14°C" not in values(page)


def test_an_authors_note_below_the_story() -> None:
    line = (
        "Jane Ruiz is a reporter covering transport for the Valley Herald. Reach her at "
        "jruiz@herald.example."
    )
    page = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert furniture(page) == [line]
    assert "Jane Ruiz" not in values(page)


def test_a_writers_injury_told_below_the_story_stays() -> None:
    line = "Jane Ruiz is a reporter for the Valley Herald who was hurt at the protest on Tuesday."
    assert furniture(f"{STORY}\n\n{MORE}\n\n{line}\n") == []


@pytest.mark.parametrize(
    "line",
    [
        "From our correspondent in Wendle",
        "Issued by the Wendle County Council press office",
        "Supported by the Wendle Trust",
        "You are here: Home > News > Local",
    ],
)
def test_a_header_line_naming_a_place_or_a_body(line: str) -> None:
    page = f"{line}\n\n{STORY}\n\n{MORE}\n"
    assert furniture(page) == [line]


def test_a_list_of_links_under_its_heading_without_bullets() -> None:
    block = [
        "You might also like:",
        "Ferry fares to rise on the Wendle crossing",
        "Harbour car park charges cut for 2027?",
    ]
    page = f"{STORY}\n\n" + "\n".join(block) + f"\n\n{MORE}\n"
    assert furniture(page) == block
    assert "2027" not in " ".join(values(page))


def test_a_list_heading_over_story_sentences_takes_none_of_them() -> None:
    line = "Ferry fares on the Wendle crossing will rise by 5% in March."
    page = f"{STORY}\n\nRelated\n{line}\n\n{MORE}\n"
    assert line not in furniture(page)


def test_the_rest_of_a_menu_one_item_a_line() -> None:
    menu = ["Wendle Canoe Club", "Home", "Crews and coaching", "Our boathouses", "Join online"]
    page = "\n".join(menu) + f"\n\n{STORY}\n\n{MORE}\n"
    assert furniture(page) == menu


def test_short_lines_above_the_story_with_no_menu_link_stay() -> None:
    lines = ["Wendle Canoe Club", "Crews and coaching", "Our boathouses"]
    page = "\n".join(lines) + f"\n\n{STORY}\n\n{MORE}\n"
    assert furniture(page) == []


@pytest.mark.parametrize(
    "line",
    [
        "AP Photo/Lena Ortiz",
        "Ines Farrow/Valley Herald",
        "Wendle Press Images",
        "Upvote 54 · Downvote 2",
        "12 points · 3 hours ago",
        "Edited 2 hours ago",
        "This article originally appeared on the Valley Herald website.",
        "Republished with permission.",
        "Order of service (PDF, 2 pages)",
    ],
)
def test_a_credit_a_vote_count_or_a_republication_note(line: str) -> None:
    page = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert furniture(page) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Edited by Ann Lee. Produced by Tom Ashe.",
        "Part of the Wendle Media Group",
        "Wendle Media Ltd, 12 Quay Street, Wendle WN1 2AB",
    ],
)
def test_credits_an_owner_and_an_address_below_the_story(line: str) -> None:
    page = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert furniture(page) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Originally posted in March, the plan drew 40 objections from residents.",
        "Written by hand, the letter asked for 3 more boats.",
        "Edited by the council in 2024, the map shows 12 new paths.",
        "Part of the money, 40,000 pounds, will go on the slipway.",
        "The Valley Herald is a member of the panel that gave the club 5,000 pounds.",
    ],
)
def test_a_story_sentence_below_the_story_stays(line: str) -> None:
    assert furniture(f"{STORY}\n\n{MORE}\n\n{line}\n") == []


def test_a_masthead_a_short_headline_and_a_byline_are_no_menu() -> None:
    page = f"Wendle Herald\nBoathouse Plan Approved\nBy Ines Farrow\n\n{STORY}\n\n{MORE}\n"
    assert "Boathouse Plan Approved" not in furniture(page)


@pytest.mark.parametrize(
    "line",
    [
        "Sign up to our free newsletter and get the top stories from Wendle every weekday at 7am.",
        "Have your say: leave a comment below or join the debate on our Facebook page.",
        "Watch the full council meeting on our YouTube channel, which has 12,000 subscribers.",
        "If you have been affected by any of the issues in this story, call a helpline on 116 123.",
    ],
)
def test_the_publisher_calling_readers_to_its_channels_below_the_story(line: str) -> None:
    page = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert furniture(page) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The full survey of 40 rivers is published on our website.",
        '"Follow the crews on our website," Farrow said, "and come to the regatta in June."',
    ],
)
def test_a_statement_or_a_quote_naming_the_issuers_website_stays(line: str) -> None:
    assert furniture(f"{STORY}\n\n{MORE}\n\n{line}\n") == []
