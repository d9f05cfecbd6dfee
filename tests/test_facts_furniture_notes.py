"""Page furniture a publisher prints beside the story (:mod:`textlineage.facts.furniture_notes`
and the helpers it sits beside): a caption under its label, a banner's call with its offer,
a schedule in the page's header, a registration line with a tax number, an imprint, a
membership notice and an event's next date below the story, the page's closing block over
its page number; a view counter, a notice's placing stamp, a cookie banner of "our
website", a file's type after a link, an office's phone line with its hours, a paywall's
meter, a newsletter's sponsor, an ad label closed by a full stop, an author's "About me";
and the facts a matching pass reads inside furniture (:mod:`textlineage.facts.furniture_facts`).
Story lines of the same words stay facts."""

from __future__ import annotations

import time

import pytest

from facts_lines import furniture, values
from textlineage.facts import diff_facts
from textlineage.facts.furniture_facts import drop_furniture_facts
from textlineage.facts.items import Result
from textlineage.types import Fact, FactLink

STORY = (
    "The canoe club on the River Wendle said on Monday that it would open a second "
    "boathouse for 36 crews next summer, after a grant of 240,000 pounds from the county."
)
MORE = (
    "Club secretary Ines Farrow said the new building would also hold a repair shop, and "
    "that work on the slipway would begin in the first week of April if the river is low."
)


def test_a_long_caption_under_its_label() -> None:
    line = (
        "Image: Two canoes on the Wendle at dawn. The club's fleet has grown to 30 boats "
        "since the spring."
    )
    page = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert furniture(page) == [line]
    assert "30 boats" not in values(page)


def test_a_story_sentence_about_an_image_stays() -> None:
    line = "The image of two canoes on the Wendle at dawn won a prize of 500 pounds this year."
    assert furniture(f"{STORY}\n\n{line}\n\n{MORE}\n") == []


@pytest.mark.parametrize(
    "line",
    ["Book now: river tours from $15", "Donate today: $30 plants a hedge for the otters"],
)
def test_a_banners_call_with_its_offer(line: str) -> None:
    page = f"{line}\n\n{STORY}\n\n{MORE}\n"
    assert furniture(page) == [line]
    assert not any(v in line for v in values(page))


def test_a_call_closed_as_a_sentence_stays() -> None:
    line = "Book now: places on the 36 crews go on sale in May."
    assert furniture(f"{STORY}\n\n{line}\n\n{MORE}\n") == []


def test_a_schedule_in_the_pages_header() -> None:
    line = "Choir practice at 7 p.m. · Supper in the Lower Room"
    page = f"Wendle Parish Notes\n{line}\n\n{STORY}\n\n{MORE}\n"
    assert line in furniture(page)
    assert "7 p.m." not in values(page)


def test_a_schedule_shaped_line_in_the_story_stays() -> None:
    line = "Choir practice at 7 p.m. · Supper in the Lower Room"
    assert line not in furniture(f"{STORY}\n\n{line}\n\n{MORE}\n")


def test_a_registration_line_with_a_tax_number() -> None:
    line = "The Wendle Tool Library is a 501(c)(3) nonprofit. EIN 00-1234567."
    page = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert furniture(page) == [line]
    assert "00-1234567" not in " ".join(values(page))


def test_a_tax_status_told_with_a_fact_stays() -> None:
    line = "The library is a 501(c)(3) nonprofit that lent 4,000 tools last year."
    assert furniture(f"{STORY}\n\n{MORE}\n\n{line}\n") == []


def test_an_imprint_below_the_story_however_long() -> None:
    line = (
        "Printed by Fenmoor Press, Unit 9, Brackley Road, Fenmoor. Promoted by J. Oduya on "
        "behalf of the Valley Alliance, both at 7 Quarry Lane, Fenmoor FN2 4RT."
    )
    page = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert furniture(page) == [line]
    assert not any(v in line for v in values(page))


def test_a_numbered_regulators_note_below_the_story() -> None:
    notes = (
        "Notes\n1. The index has been published monthly since January 1994.\n"
        "2. Fenmoor Building Society is authorised by the Prudential Regulation Authority and "
        "regulated by the Financial Conduct Authority and the PRA. FRN 100432.\n"
    )
    page = f"{STORY}\n\n{MORE}\n\n{notes}"
    found = furniture(page)
    assert notes.splitlines()[2] in found
    assert not any("1994" in f for f in found)  # a note of the story's own facts stays
    assert "100432" not in " ".join(values(page))


@pytest.mark.parametrize(
    "line",
    [
        "[Image description: A narrow staircase with a handrail on one side.]",
        "[Figure 2: Rainfall at 14 stations in July — chart not reproduced in this version]",
        "[QR code: scan for the interactive dashboard]",
        "[Image: the pier at dawn, from the north. Photo © Alwen Harbour Board]",
    ],
)
def test_a_placeholder_in_brackets_is_furniture(line: str) -> None:
    found = furniture(f"{STORY}\n\n{line}\n\n{MORE}\n")
    assert line in found and all(f in line for f in found)


def test_brackets_inside_a_sentence_stay() -> None:
    line = "The mayor [pictured] said 40 homes [see map: page 4] would be built by 2030."
    assert furniture(f"{STORY}\n\n{line}\n\n{MORE}\n") == []


def test_the_next_event_under_its_label_below_the_story() -> None:
    line = "Next event: Harbour Cup Provincial Final, February 18–22, Lerwick"
    assert furniture(f"{STORY}\n\n{MORE}\n\n{line}\n") == [line]
    line = "The next event drew 400 entries, the club said on Monday."
    assert furniture(f"{STORY}\n\n{MORE}\n\n{line}\n") == []


def test_a_publishers_sentence_inside_the_story_stays() -> None:
    line = "Published by Hartley Books in 1998, the club's first guide to the river sold 20,000 copies."
    assert furniture(f"{STORY}\n\n{line}\n\n{MORE}\n") == []


def test_a_membership_notice_below_the_story() -> None:
    line = "Ashcombe Removals is a member of the Guild of Household Movers."
    page = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert furniture(page) == [line]
    assert "Guild of Household Movers" not in values(page)


def test_a_membership_inside_the_story_stays() -> None:
    line = "Ms Farrow is a member of the Wendle Valley planning board."
    assert furniture(f"{STORY}\n\n{line}\n\n{MORE}\n") == []


def test_the_date_of_an_events_next_edition_below_the_story() -> None:
    line = "Next year's regatta: Saturday 5 June 2027"
    page = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert furniture(page) == [line]
    assert "5 June 2027" not in " ".join(values(page))


def test_the_pages_closing_block_over_its_page_number() -> None:
    block = [
        "The knitting circle meets in the annexe every Tuesday.",
        "Rota this week: the Amberley and Nkemelu families",
        "Page 2 of 6",
    ]
    page = f"{STORY}\n\n{MORE}\n\n" + "\n".join(block) + "\n"
    assert furniture(page) == block
    assert "Amberley" not in " ".join(values(page))


def test_a_dated_line_in_the_closing_block_stays() -> None:
    block = [
        "The regatta is on Saturday 5 June at the new boathouse.",
        "Share this page",
        "© 2026 Wendle Canoe Club",
    ]
    page = f"{STORY}\n\n{MORE}\n\n" + "\n".join(block) + "\n"
    assert block[0] not in furniture(page)
    assert "Share this page" in furniture(page)


@pytest.mark.parametrize(
    "block",
    [
        # two lines: the story's last paragraph glued to the copyright line
        ["All fares include a 5% booking fee.", "© 2026 Wendle Canoe Club"],
        # the closing line is furniture, but no copyright line or page number
        [
            "HOW TO HELP: Readers raised 9,000 pounds last winter.",
            "Share on Facebook | Email",
            "Follow us @WendleCanoes",
        ],
    ],
)
def test_a_closing_block_without_its_end_mark_stays(block: list[str]) -> None:
    page = f"{STORY}\n\n{MORE}\n\n" + "\n".join(block) + "\n"
    assert block[0] not in furniture(page)


def test_a_view_counter_beside_a_notices_placing_stamp() -> None:
    line = "Notice placed 3 May 2026 · Viewed 512 times"
    page = f"{line}\n\n{STORY}\n\n{MORE}\n"
    assert furniture(page) == [line]
    assert "512" not in " ".join(values(page))


def test_a_cookie_banner_of_our_website() -> None:
    line = "Our website uses cookies. Find out more. [Allow all] [Necessary only]"
    assert furniture(f"{line}\n\n{STORY}\n\n{MORE}\n") == [line]


def test_a_links_file_type() -> None:
    line = "Match report (PDF)"
    assert furniture(f"{STORY}\n\n{MORE}\n\n{line}\n") == [line]


def test_an_offices_phone_line_with_its_hours() -> None:
    line = "Ticket office: 01632 960 118 (Tue–Sun, 11am–5pm)"
    page = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert furniture(page) == [line]
    assert "01632 960 118" not in " ".join(values(page))


def test_a_paywalls_meter() -> None:
    line = "You've read 4 of 6 free stories this month. Log in or subscribe for more."
    page = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert furniture(page) == [line]
    assert not any(v in line for v in values(page))


def test_a_newsletters_sponsor_with_its_pitch() -> None:
    line = "Today's sponsor: Ridgeback Tents. Camp in comfort. Try one free for 14 nights."
    page = f"{line}\n\n{STORY}\n\n{MORE}\n"
    assert furniture(page) == [line]
    assert not any(v in line for v in values(page))


def test_an_ad_label_closed_by_a_full_stop() -> None:
    line = "Advertisement. Hollin Feeds: hay, straw and bedding. Open 6 days."
    page = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert furniture(page) == [line]
    assert not any(v in line for v in values(page))


def test_an_authors_about_me_note() -> None:
    line = "About me: Priya is a Leeds dad of two terriers who writes about walks every week."
    page = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert furniture(page) == [line]
    assert "two terriers" not in values(page)


def test_a_hedge_in_a_disclosure_pairs_with_no_verb_of_the_story() -> None:
    source = (
        "The maker has had 12 reports of smoke, including 3 reports of small fires "
        "contained to the kettle's base, and no injuries have been reported."
    )
    derived = (
        "This post may contain affiliate links. We may earn a commission at no cost to you."
        "\n\nThe maker has had 12 reports of smoke and three small fires, but nobody was hurt."
    )
    diff = diff_facts(source, derived, source_doc=0, derived_doc=1)
    assert not [c for c in diff.changed if "contain" in c.derived.text]


def test_drop_furniture_facts_forgets_what_stands_in_furniture() -> None:
    derived = f"Sponsored: Kelp Kayaks, hire one from $20\n\n{STORY}\n"
    source = f"{STORY}\n\n{MORE}\n"
    start = derived.index("$20")
    in_ad = Fact("number", "$20", (start, start + 3), 1, "20")
    in_story = Fact("number", "36 crews", (derived.index("36"), derived.index("36") + 8), 1)
    kept_src = Fact("number", "36 crews", (source.index("36"), source.index("36") + 8), 0)
    res = Result(
        changed=[FactLink("number", kept_src, in_ad)],
        added=[in_ad, in_story],
        dropped=[kept_src],
    )
    drop_furniture_facts(res, (source, derived), ("en", "en"))
    assert res.changed == [] and res.added == [in_story] and res.dropped == [kept_src]


def test_a_long_run_of_one_character_is_read_in_linear_time() -> None:
    for ch in ("a", ".", " ", "1", "·"):
        page = f"{STORY}\n\n{MORE}\n\nImage: {ch * 20000}\nBook now: {ch * 20000}\n"
        t = time.perf_counter()
        furniture(page)
        assert time.perf_counter() - t < 2.0


@pytest.mark.parametrize(
    "line",
    [
        "This is your last free article this month.",
        "You've reached your monthly limit of free articles.",
        "Thanks to our sponsor, Ridgeback Tents.",
        "The Wendle Trust is a charity registered in England and Wales (1099999).",
        "Readers this week: the Amberley and Nkemelu families",
        "Service times: Sunday 9:30am and 6pm",
        "Office hours: Mon–Fri 9am–5pm",
    ],
)
def test_a_meter_a_sponsors_thanks_a_registration_or_a_rota(line: str) -> None:
    page = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert furniture(page) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Sales this week: up 40% on last year",
        "Services: 40 jobs cut at the depot",
        "The Wendle Trust is a charity that gave 12,000 pounds to the club.",
        "Thanks to our volunteers, the club raised 9,000 pounds.",
        "This is your last chance to see the 12 boats before they are sold.",
    ],
)
def test_a_story_line_with_a_rotas_or_a_meters_words_stays(line: str) -> None:
    assert furniture(f"{STORY}\n\n{line}\n\n{MORE}\n") == []
