"""Page furniture of live pages and of a site's margins: a live blog's entry stamps
(:mod:`textlineage.facts.furniture_entries`), a team's byline with a channel number, an
app's promotion after what it offers, a menu with a label of a small prefix, and a
poster's handle before the profile's fields, a contact block under its heading
(:mod:`textlineage.facts.furniture_blocks`), a reuse notice, an imprint, a trending line;
and lines of the same shapes that stay facts."""

from __future__ import annotations

import time

import pytest

from facts_lines import furniture, values
from textlineage.facts.furniture_entries import stamp_spans

LEAD = (
    "Gale warnings are in force for the whole of the Ardmoor coast tonight, and the harbour "
    "authority has told owners of small boats to move them to the inner basin before dark."
)


def _blog(stamps: list[str]) -> str:
    entries = [
        "The harbour authority says the inner basin gates will close at nine, and owners "
        "who have not moved their boats by then will be charged for the tow.",
        "Ferries to the islands are cancelled for the rest of the day, and the operator "
        "says it will decide on tomorrow's first sailing at six in the morning.",
        "Coastguard teams have closed the promenade between the pier and the lifeboat "
        "station after waves began to throw shingle onto the road.",
    ]
    return LEAD + "\n\n" + "\n\n".join(f"{s} {e}" for s, e in zip(stamps, entries, strict=True))


def test_a_live_blogs_entry_stamps_newest_first_are_furniture() -> None:
    text = _blog(["6:52 PM:", "6:18 PM:", "5:40 PM:"])
    assert furniture(text) == ["6:52 PM: ", "6:18 PM: ", "5:40 PM: "]
    found = values(text)
    assert "6:52 PM" not in found and "5:40 PM" not in found


def test_entry_stamps_oldest_first_with_dashes_are_furniture() -> None:
    text = _blog(["14:05 —", "14:40 —", "15:25 —"])
    assert furniture(text) == ["14:05 — ", "14:40 — ", "15:25 — "]


def test_a_timetables_short_items_keep_their_times() -> None:
    text = LEAD + "\n\n7:00 pm: Doors open\n7:30 pm: Welcome from the chair\n8:15 pm: Raffle\n"
    assert furniture(text) == []
    assert "7:30 pm" in values(text)


def test_times_out_of_order_are_no_live_blog() -> None:
    text = _blog(["6:52 PM:", "5:40 PM:", "6:18 PM:"])
    assert furniture(text) == []


def test_entry_stamps_with_a_spaced_hyphen_are_furniture() -> None:
    text = _blog(["6:52 PM -", "6:18 PM -", "5:40 PM -"])
    assert furniture(text) == ["6:52 PM - ", "6:18 PM - ", "5:40 PM - "]


def test_a_time_before_a_long_run_of_spaces_is_read_at_once() -> None:
    # the stamp's runs of spaces are possessive: no split of them is tried again
    line = "9:05" + " " * 20_000 + "x"
    started = time.perf_counter()
    assert stamp_spans(line, [(0, len(line), False)]) == []
    assert time.perf_counter() - started < 2.0


def test_a_teams_byline_with_a_channel_number() -> None:
    byline = "By the WRKX 9 Weather Team"
    assert furniture(f"{byline}\n\n{LEAD}\n") == [byline]


def test_an_apps_promotion_after_what_it_offers() -> None:
    promo = "📲 Storm alerts on your phone: download the Ardmoor Gazette app"
    assert furniture(f"{LEAD}\n\n{promo}\n") == [promo]
    story = "Fishermen said the new tide app was hard to use: download speeds at sea are poor."
    assert furniture(f"{LEAD}\n\n{story}\n") == []


def test_a_menu_with_a_label_of_a_small_prefix() -> None:
    menu = "Home News · Sport · Farming · Letters · e-Paper"
    text = f"The Ardmoor Gazette\n{menu}\n\nStorm closes harbour\n\n{LEAD}\n"
    assert menu in furniture(text)


def test_a_posters_handle_before_the_profiles_fields() -> None:
    poster = "gale_chaser · Member since 2015 · 880 posts"
    text = f"{poster}\nPosted 3 March 2027, 18:02\n\n{LEAD}\n"
    assert poster in furniture(text)
    assert "880 posts" not in values(text)


def test_a_contact_block_under_its_heading() -> None:
    block = "Enquiries:\nArdmoor Harbour Trust — Port Officer, Gwen Tallis\nSaltmarsh PR — Owen Brice, 01632 960 552"
    text = f"{LEAD}\n\n{block}\n\nThe trust will review the gates next spring.\n"
    assert furniture(text) == block.split("\n")
    assert "01632 960 552" not in values(text)


def test_a_contact_heading_without_lines_below_it_is_left() -> None:
    text = f"{LEAD}\n\nContacts:\n\n{LEAD}\n"
    assert furniture(text) == []


def test_a_reuse_notice_beside_the_copyright_sign() -> None:
    notice = "This guide may be copied for schools. © Ardmoor Harbour Trust"
    assert furniture(f"{LEAD}\n\n{notice}\n") == [notice]


def test_a_dated_line_with_the_local_time_in_parentheses() -> None:
    stamp = "Issued: 3 March 2027, 09:00 UTC (10:00 local time, CET)"
    text = f"Ardmoor Harbour Trust\n{stamp}\n\n{LEAD}\n"
    assert stamp in furniture(text)


def test_a_newsletters_name_season_and_issue_split_by_dashes() -> None:
    head = "THE ARDMOOR ANCHOR — Parish Newsletter, Winter 2027 — Issue 41"
    assert head in furniture(f"{head}\n\nStorm closes harbour\n\n{LEAD}\n")


def test_an_imprint_after_who_made_the_newsletter() -> None:
    imprint = "Newsletter compiled by volunteers. Printed by Quayside Print Works."
    assert furniture(f"{LEAD}\n\n{imprint}\n") == [imprint]


def test_a_trending_line_naming_the_site() -> None:
    links = "Also trending on Tidewatch: The 12 wildest storms of the decade | Pier cam highlights"
    assert furniture(f"{LEAD}\n\n{links}\n") == [links]


def test_another_posters_reply_under_the_post() -> None:
    reply = "Reply from tide_watcher: We sailed that route in 2024, lovely trip!"
    text = f"{LEAD}\n\n{reply}\n"
    assert furniture(text) == [reply]
    assert "2024" not in values(text)


def test_entry_stamps_alone_on_the_line_over_each_entry() -> None:
    text = _blog(["6:52 PM", "6:18 PM", "5:40 PM"]).replace(" PM ", " PM\n")
    assert furniture(text) == ["6:52 PM", "6:18 PM", "5:40 PM"]


@pytest.mark.parametrize(
    "line",
    [
        "— The WRKX 9 Weather Desk",
        "Next bulletin: 4 March 2027, 09:00 UTC",
        "This leaflet may be freely copied.",
    ],
)
def test_a_desks_sign_off_a_next_bulletin_line_and_a_reuse_notice_alone(line: str) -> None:
    assert furniture(f"{LEAD}\n\n{line}\n") == [line.lstrip("— ")]


def test_a_sentence_about_a_team_is_the_story() -> None:
    story = "The rescue team said the boat was safe and its crew were back on shore."
    assert furniture(f"{LEAD}\n\n{story}\n") == []
