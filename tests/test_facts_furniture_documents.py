"""Page furniture of documents and of their pages: a PDF's header and footer laid out in
columns, a registration identifier under its abbreviation, a byline with the writing team
or with a comment count, a gallery's caption, a newsletter's sign-up, a call to give by
text message, a disclaimer, a note on comments, a note citing a regulation, a menu with
the site's name, a row of links under its heading, a market strip; and lines of the same
shapes that stay facts."""

from __future__ import annotations

import time

import pytest

from facts_lines import furniture, values
from textlineage.facts import diff_facts
from textlineage.facts.furniture import furniture_spans

LEAD = (
    "The river trust will open a new footbridge over the weir at Colmere on Saturday, after "
    "eighteen months of work that closed the towpath between the lock and the old mill."
)
MORE = (
    "The bridge cost £1.4 million, most of it from a lottery grant, and the trust says the "
    "towpath will be open to cyclists again from the first week of the summer holidays."
)


def test_a_pdfs_note_number_and_date_in_two_columns_are_furniture() -> None:
    head = "No. KRT/PN/2029/58" + " " * 30 + "Date: 03.02.2029"
    text = f"PRESS NOTE\n{head}\n\n{LEAD}\n"
    assert head in furniture(text)


def test_a_pdfs_running_footer_in_two_columns_is_furniture() -> None:
    foot = "KRT Press Note No. 58/2029" + " " * 30 + "Page 1 of 3"
    text = f"{LEAD}\n\n{foot}\n\n{MORE}\n"
    assert furniture(text) == [foot]
    assert "58/2029" not in " ".join(values(text))


def test_columns_of_the_story_stay() -> None:
    row = "Opening day" + " " * 10 + "Saturday 4 May 2029"
    assert row not in furniture(f"{LEAD}\n\n{row}\n\n{MORE}\n")


def test_a_registration_identifier_under_its_abbreviation_is_furniture() -> None:
    line = "REG: 4471QXZ900218"
    assert line in furniture(f"COLMERE RIVER TRUST\n{line}\n\n{LEAD}\n")
    short = "Gate: B12"
    assert furniture(f"{LEAD}\n\n{short}\n") == []


def test_a_byline_naming_a_team_with_the_reading_time() -> None:
    byline = "Posted 4 June 2029 by the Trust Communications Team · 2 min read"
    assert furniture(f"{byline}\n\n{LEAD}\n") == [byline]


def test_a_date_and_byline_with_a_comment_count() -> None:
    byline = "March 3, 2029 by Ada Mensah-Clarke 5 Comments"
    assert furniture(f"{byline}\n\n{LEAD}\n") == [byline]
    assert "March 3, 2029" not in values(f"{byline}\n\n{LEAD}\n")


def test_a_gallerys_caption_in_brackets() -> None:
    caption = "[Gallery: 9 pictures of the bridge opening]"
    text = f"{LEAD}\n\n{caption}\n\n{MORE}\n"
    assert furniture(text) == [caption]


def test_a_newsletters_sign_up_after_a_question() -> None:
    call = "Enjoyed this? Sign up to the Colmere Weekly for more river news straight to your inbox."
    assert furniture(f"{LEAD}\n\n{call}\n") == [call]


def test_a_call_to_give_by_text_message_with_its_cost() -> None:
    call = (
        "[SMS OTTER to 81234 to donate £2 to the otter fund. Texts cost £2 plus your standard "
        "network charge.]"
    )
    text = f"{LEAD}\n\n{call}\n"
    assert furniture(text) == [call]
    assert "£2" not in values(text)


def test_a_call_to_give_by_text_message_after_the_gift() -> None:
    call = "To donate £10, text WEIR to 60123."
    assert furniture(f"{LEAD}\n\n{call}\n") == [call]


def test_a_sentence_on_what_texts_cost_stays() -> None:
    line = "Texts cost 12p each on the new tariff, the regulator said."
    assert furniture(f"{LEAD}\n\n{line}\n") == []


@pytest.mark.parametrize(
    "line",
    [
        "Disclaimer: The Allotment Hour podcast does not constitute legal advice; ask a solicitor "
        "about your tenancy.",
        "Comments expressed below do not reflect the views of the Colmere Weekly.",
        "This communication constitutes price-sensitive material within the meaning of section 40 "
        "of the Stock Exchange Ordinance.",
        "This announcement is made in accordance with Rule 4.2 of the Listing Code.",
    ],
)
def test_a_disclaimer_a_note_on_comments_and_a_regulations_note(line: str) -> None:
    assert furniture(f"{LEAD}\n\n{line}\n") == [line]


def test_a_notice_saying_which_rule_it_follows_stays() -> None:
    line = (
        "This notice is displayed in accordance with paragraph 9 of the Harbour Byelaws: the "
        "slipway at Skelby Quay shuts to boats for 30 days from 1 October."
    )
    assert furniture(f"{LEAD}\n\n{line}\n") == []


def test_a_menu_with_the_sites_name_before_a_bar() -> None:
    menu = "Colmere River Trust  |  Visit  Volunteer  Projects  About us  Contact"
    assert menu in furniture(f"{menu}\n\n{LEAD}\n")


def test_a_row_of_links_under_a_heading_without_a_colon() -> None:
    row = "Volunteers: mill race cleared in a day | Wildlife: otters back at the lock | Towpath survey"
    text = f"{LEAD}\n\n{MORE}\n\nLATEST NEWS\n{row}\n"
    assert set(furniture(text)) == {"LATEST NEWS", row}


def test_a_row_of_three_parts_in_the_story_stays() -> None:
    row = "Lock to mill: 2 km | Mill to weir: 1 km | Weir to bridge: 400 m"
    assert furniture(f"{LEAD}\n\n{row}\n\n{MORE}\n") == []


def test_a_market_strip_with_its_arrows() -> None:
    strip = "Index 5,120.4 ▲0.4% | Gold $2,310 ▼0.2% | EUR/GBP 0.8512 | Oil $77.10"
    quote = "CRT.L | Last 212.5p | Day ▲1.8% | Mkt cap £0.9bn | Yield 3.2%"
    for line in (strip, f"Markets: {strip}", quote):
        assert furniture(f"{line}\n\n{LEAD}\n") == [line]


def test_a_table_row_without_arrows_stays() -> None:
    row = "Visitors | 2028 41,200 | 2029 46,900 | Change +13.8%"
    assert furniture(f"{LEAD}\n\n{row}\n\n{MORE}\n") == []


@pytest.mark.parametrize(
    "line",
    [
        " | ".join(["A" * 20_000] * 3),
        " | ".join(["Gold " * 4_000] * 3),
        "Index " + "1." * 10_000 + " ▲1 | A | B",
        "REG: " + "7" * 20_000,
        "No. " + "A/1" * 7_000,
        ("7" * 20_000 + " " * 20) * 2,
    ],
)
def test_long_runs_are_read_at_once(line: str) -> None:
    started = time.perf_counter()
    furniture_spans(f"{line}\n\n{LEAD}\n", "en")
    assert time.perf_counter() - started < 2.0


def test_a_term_defined_in_parentheses_is_no_quote() -> None:
    text = (
        'The grocer gave its figures for the 13 weeks to 3 May (the "period"), and its chief '
        'executive called trading "tough".'
    )
    found = values(text)
    assert '"tough"' in found and '"period"' not in found


def test_a_posters_rank_and_place_beside_the_profiles_fields() -> None:
    profile = "Senior member · Joined Apr 2024 · Posts: 1,204 · Location: Colmere"
    handle = "weirwatcher9 · Member · Posts: 37"
    text = f"weirwatcher9\n{profile}\n\n{LEAD}\n\n{handle}\n{MORE}\n"
    assert {profile, handle} <= set(furniture(text))
    assert "1,204" not in " ".join(values(text))


def test_a_place_alone_under_its_label_stays() -> None:
    line = "Location: Colmere Town Hall, Room 4"
    assert furniture(f"{LEAD}\n\n{line}\n\n{MORE}\n") == []


@pytest.mark.parametrize(
    "button",
    [
        "Open in app",
        "Tap to expand",
        "Continue to page 2 >>",
        "Get WeirWatch on iOS and Android",
        "Was this page helpful?  👍  👎",
        "Read in app",
        "Continued overleaf",
        "(continued)",
        "12 -",
        "An official website of the Borough of Colmere  Here's how you know ▾",
    ],
)
def test_a_pages_and_an_apps_buttons(button: str) -> None:
    assert furniture(f"{LEAD}\n\n{button}\n\n{MORE}\n") == [button]


def test_a_sponsors_line_with_two_ranks() -> None:
    line = "Headline Kit Sponsor: Quillon Bakeries"
    assert line in furniture(f"SKELBY ROWING CLUB\n{line}\n\n{LEAD}\n")


def test_a_call_to_members_under_their_label() -> None:
    line = "Members only: download our towpath maps"
    assert furniture(f"{LEAD}\n\n{line}\n") == [line]


def test_an_about_paragraph_under_the_bodys_initials() -> None:
    first = "The Colmere River Trust is an independent charity founded in 1987."
    about = f"About CRT: {first} It has no power to close the towpath."
    text = f"{LEAD}\n\n{MORE}\n\n{about}\n"
    assert furniture(text) == ["About CRT: ", first]
    assert "1987" not in values(text)


def test_an_about_paragraphs_later_sentences_without_a_denial() -> None:
    first = "The Colmere River Trust is an independent charity founded in 1987."
    later = "It looks after the towpath and the locks on behalf of boaters."
    about = f"About CRT: {first} {later}"
    text = f"{LEAD}\n\n{MORE}\n\n{about}\n"
    assert furniture(text) == ["About CRT: ", first, later]


def test_an_about_paragraphs_later_sentence_with_a_year_stays() -> None:
    first = "The Colmere River Trust is an independent charity with 40 staff."
    staff = "It employs 12 wardens at its Colmere office."
    about = f"About CRT: {first} {staff} It took over the towpath in 1987."
    text = f"{LEAD}\n\n{MORE}\n\n{about}\n"
    assert furniture(text) == ["About CRT: ", first, staff]
    assert "1987" in values(text)


@pytest.mark.parametrize(
    "button",
    [
        "Save article",
        "Click to enlarge",
        "View image in fullscreen",
        "Show more",
        "Subscriber only",
        "Your email address will not be published. Required fields are marked *",
        "This article is more than 2 years old",
    ],
)
def test_a_news_pages_buttons_and_notes(button: str) -> None:
    text = f"{LEAD}\n\n{button}\n\n{MORE}\n"
    assert furniture(text) == [button]
    assert "2 years" not in " ".join(values(text))


def test_a_short_number_under_its_label_beside_a_web_address() -> None:
    line = "Toll-free: 155  |  crt.example.org"
    assert furniture(f"COLMERE RIVER TRUST\n{line}\n\n{LEAD}\n")[-1] == line


def test_a_price_beside_a_web_address_stays() -> None:
    line = "Tickets cost £5 | crt.example.org"
    assert furniture(f"{LEAD}\n\n{line}\n\n{MORE}\n") == []


def test_a_letterheads_status_and_office_under_its_masthead() -> None:
    status = "(Run by the parish councils of Fenby and Skelby)"
    office = "Eastern Division, Colmere"
    for under in (status, office):
        text = (
            f"COLMERE RIVER TRUST\n{under}\nTel: 155 | crt.example.org\n\nPRESS NOTE\n"
            f"New footbridge opens on Saturday\n\n{LEAD}\n"
        )
        assert {"COLMERE RIVER TRUST", under} <= set(furniture(text))


def test_a_headline_in_capitals_over_a_standfirst_stays() -> None:
    text = (
        "FOOTBRIDGE OPENS AT COLMERE\nEastern Division, Colmere\nCrowds expected on the towpath"
        f"\n\n{LEAD}\n"
    )
    assert "Eastern Division, Colmere" not in furniture(text)


def test_a_running_footer_with_its_page_number_going_up() -> None:
    feet = [f"Colmere River Trust annual review 2029 · page {n}" for n in (7, 8)]
    text = f"{LEAD}\n\n{feet[0]}\n\n{MORE}\n\n{feet[1]}\n\n{LEAD}\n"
    assert furniture(text) == feet


def test_a_running_header_of_a_name_printed_twice() -> None:
    text = f"Colmere River Trust plc\n\n{LEAD}\n\nColmere River Trust plc\n\n{MORE}\n"
    assert furniture(text) == ["Colmere River Trust plc"] * 2


@pytest.mark.parametrize("values_", [("41", "52"), ("41", "41")])
def test_a_tables_values_repeated_or_apart_stay(values_: tuple[str, str]) -> None:
    rows = [f"Turnout at the lock ward: {v}%" for v in values_]
    text = f"{LEAD}\n\n{rows[0]}\n\n{MORE}\n\n{rows[1]}\n"
    assert furniture(text) == []


def test_a_tables_rows_with_a_year_going_up_stay() -> None:
    rows = ["2039: 412 ships", "2040: 455 ships", "2041: 498 ships"]
    text = f"{LEAD}\n\nShips handled by year:\n" + "\n".join(rows) + f"\n\n{MORE}\n"
    assert furniture(text) == []
    quarters = ["Q1 2040 revenue: £5m", "Q2 2040 revenue: £7m"]
    text = f"{LEAD}\n\n{quarters[0]}\n\n{MORE}\n\n{quarters[1]}\n\n{LEAD}\n"
    assert furniture(text) == []


def test_a_tables_rows_are_not_added_against_a_derived_sentence() -> None:
    rows = "2039: 412 ships\n2040: 455 ships\n2041: 498 ships"
    source = f"Harbour traffic\n\nThe harbour board published its figures on Monday.\n\n{rows}\n"
    derived = "The harbour handled 455 ships in 2040 and 498 in 2041."
    d = diff_facts(source, derived, source_doc=0, derived_doc=1)
    assert [f.text for f in d.added] == []


def test_a_running_footer_with_page_of_pages_going_up() -> None:
    feet = [f"Colmere River Trust · Page {n} of 9" for n in (3, 4)]
    text = f"{LEAD}\n\n{feet[0]}\n\n{MORE}\n\n{feet[1]}\n\n{LEAD}\n"
    assert set(furniture(text)) == set(feet)


def test_a_results_table_with_arrows_is_no_market_strip() -> None:
    row = "Labour 1,412 ▲212 | Green 903 ▼40 | Turnout 41%"
    text = f"Ward results\n\n{LEAD}\n\n{row}\n\n{MORE}\n"
    assert furniture(text) == []
    d = diff_facts(text, f"{LEAD} Turnout was 41%.", source_doc=0, derived_doc=1)
    assert "41%" not in [f.text for f in d.added]
