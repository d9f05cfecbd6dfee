"""Page furniture of notices, mastheads and post headers (:mod:`textlineage.facts.furniture`
and its helpers): a document's reference code, an issuer's listing, a release label
with its issuer, a charity's registration sentence, a contact service's opening hours,
a reading age, a forum poster's profile fields, an admin's post label, a byline with its
date first or by a team, a "last reviewed" stamp, a site's name with an emoji; and story
lines of the same words that stay facts."""

from __future__ import annotations

import pytest

from facts_lines import furniture, values

STORY = (
    "The rowing club on the River Leddon said on Thursday that it would build a new "
    "boathouse for 42 crews next spring, after a grant of 310,000 pounds from the county."
)


@pytest.mark.parametrize(
    "line",
    [
        "Licensing notice: permit 25/00412/LIC",
        "Appeal ref: APP/Q3115/W/24/3349871",
    ],
)
def test_a_documents_label_and_its_reference_code(line: str) -> None:
    page = f"{line}\n\n{STORY}\n"
    assert furniture(page) == [line]
    assert not any(v in line for v in values(page))


def test_a_date_in_a_story_line_is_no_reference() -> None:
    line = "Meeting moved to 12/05/2027"
    assert furniture(f"{STORY}\n{line}\n") == []


def test_an_issuers_name_with_its_listing() -> None:
    line = "HARLOW FIELD MINERALS LTD. (ASX-X: HFM; OTCQB: HFMLF)"
    page = f"{line}\n\n{STORY}\n"
    assert furniture(page) == [line]
    sentence = "Harlow Field Minerals (ASX: HFM) said its drilling found copper at 40 metres."
    assert furniture(f"{STORY}\n{sentence}\n") == []


def test_a_securities_notice_run_on_after_its_heading() -> None:
    line = (
        "Safe harbor statement: Some remarks in this release look ahead and may not come "
        "true, and 12 risks are listed in our filings."
    )
    page = f"{STORY}\n\n{line}\n"
    assert furniture(page) == [line]
    assert "12 risks" not in values(page)


def test_a_release_label_with_its_issuers_name() -> None:
    line = "Press release: Leddon Valley Rowing Club"
    assert furniture(f"{line}\n\n{STORY}\n") == [line]


def test_a_charitys_registration_sentence() -> None:
    line = "The Leddon Otter Trust is a registered charity (no. 2046611)."
    other = "Leddon Rowing Association, registered charity no. 1177302"
    page = f"{STORY}\n\n{line}\n{other}\n"
    assert furniture(page) == [line, other]
    assert "2046611" not in values(page) and "1177302" not in values(page)


@pytest.mark.parametrize(
    "line",
    [
        "Our helpline is open 8am to 6pm, Monday to Friday.",
        "Customer support is open 08:30-17:30, Mon-Sat.",
        "Phone lines are open 24 hours a day, seven days a week.",
    ],
)
def test_a_contact_services_opening_hours(line: str) -> None:
    page = f"{STORY}\n\n{line}\n"
    assert furniture(page) == [line]


def test_a_places_opening_hours_in_a_story_stay() -> None:
    line = "The new boathouse will be open 07:00-19:00 daily."
    page = f"{STORY}\n{line}\n"
    assert furniture(page) == []
    assert "07:00-19:00" in "".join(values(page))


def test_a_reading_age_beside_a_reading_time() -> None:
    line = "Reading age 9+ | 3 min read"
    page = f"Young Rowers ★ Sport\n{line}\n\nNew boathouse for river club\n\n{STORY}\n"
    assert furniture(page) == ["Young Rowers ★ Sport", line]
    found = values(page)
    assert "9" not in found and "3 min" not in found and "Young Rowers" not in found


def test_a_forum_posters_profile_fields_beside_the_stamp() -> None:
    line = "Posted by oarsman_71 | Mar 4, 2027 at 7:12 PM | Member since 2016 | Posts: 5,803"
    page = f"{line}\n\n{STORY}\n"
    assert furniture(page) == [line]
    found = values(page)
    assert "2016" not in found and "5,803" not in found and "7:12 PM" not in found


def test_a_not_advice_sign_off() -> None:
    line = "Not investment advice, just my view."
    page = f"{STORY}\n\n{line}\n"
    assert furniture(page) == [line]


def test_a_groups_name_with_an_emoji_over_an_admin_post() -> None:
    page = f"Leddon Paddlers 🚣\nAdmin post · 4 March at 19:05 · 🌐\n\n{STORY}\n"
    assert furniture(page) == ["Leddon Paddlers 🚣", "Admin post · 4 March at 19:05 · 🌐"]
    assert "Leddon Paddlers" not in values(page)


def test_a_team_byline_with_a_last_reviewed_stamp() -> None:
    line = "Written by the Oarlock advice team | Last reviewed 3 March 2027"
    page = f"{line}\n\n{STORY}\n"
    assert furniture(page) == [line]
    assert "3 March 2027" not in values(page)


def test_a_site_name_with_an_emoji_and_tagline_over_a_dated_byline() -> None:
    head = "The Thrifty Heron 🐦 | plain talk about money"
    byline = "Posted March 2, 2027 by Ola Brandt · Filed under: Pensions, Loans"
    page = f"{head}\n{byline}\n\n{STORY}\n"
    assert furniture(page) == [head, byline]
    found = values(page)
    assert "Ola Brandt" not in found and "March 2, 2027" not in found


def test_a_list_items_number_before_a_quoted_title() -> None:
    page = f'{STORY}\n\n1. “Low Water”: a debut about a lock keeper.\n\n2. "Ferryland": a comedy.\n'
    assert furniture(page) == ["1.", "2."]
    assert "1" not in values(page) and "2" not in values(page)


def test_a_forum_threads_title_line() -> None:
    line = "Thread: New boathouse on the Leddon, 42 crews??"
    page = f"Leddon Forums › Clubs\n{line}\n\n{STORY}\n"
    assert furniture(page) == ["Leddon Forums › Clubs", line]


def test_a_blogs_pagination_link() -> None:
    page = f"{STORY}\n\n← Older posts\nNewer entries »\n"
    assert furniture(page) == ["← Older posts", "Newer entries »"]


def test_a_summarys_note_that_it_is_no_part_of_the_decision() -> None:
    line = "Summary of reasons (this summary does not form part of the determination)"
    page = f"Case no. 14 of 2027\n{line}\n\n{STORY}\n"
    assert line in furniture(page)


def test_a_share_button_with_its_icon_beside_a_count() -> None:
    line = "Share 📤 | 3.4K likes"
    page = f"{STORY}\n\n{line}\n"
    assert furniture(page) == [line]
    assert "3.4K" not in "".join(values(page))


def test_a_courts_note_that_a_summary_is_not_its_reasons() -> None:
    line = (
        "NOTE: This summary helps readers follow the panel's ruling. It does not form part "
        "of the reasons for the ruling. Only the full text of 12 pages is authoritative."
    )
    page = f"{STORY}\n\n{line}\n"
    assert furniture(page) == [line]
    assert "12 pages" not in values(page)


def test_a_page_useful_question_run_into_a_problem_link() -> None:
    line = "Was this page helpful? Yes No Report a problem with this page"
    assert furniture(f"{STORY}\n\n{line}\n") == [line]
