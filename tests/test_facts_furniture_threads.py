"""Page furniture of threads, feeds and documents' margins
(:mod:`textlineage.facts.furniture_threads` and the header rules beside it): a thread's
starter and reply headers and the reply below, a top comment, a community's handle, a
link line, an app's promotion, a confidentiality notice, a helpline sentence, an ad's
label split by a dot, a document's title and dated line under its issuer, a dateline
with its date in parentheses, a music credit, a transcript's speaker labels; and story
lines of the same words that stay facts."""

from __future__ import annotations

import time

import pytest
import regex

from facts_lines import furniture, values
from textlineage.facts.furniture_threads import inline_spans

STORY = (
    "The ferry company serving Holm Sound said on Monday that it would cut two of its six "
    "daily sailings from April, blaming a shortage of engineers and rising fuel costs."
)
MORE = (
    "Islanders who rely on the early crossing to reach work on the mainland said the "
    "change would leave them with no way to arrive before nine in the morning."
)


def test_a_thread_starter_line_a_reply_header_and_the_short_reply_below() -> None:
    crumbs = "Island Forum › Ferries › Sailings cut again"
    starter = "Thread started by gull_wing » Sat 3 May 2027 08:12"
    reply = "Re: Sailings cut again — posted by PierHead » Sat 3 May 2027 09:40"
    text = f"{crumbs}\n{starter}\n\n{STORY}\n\n{MORE}\n\n{reply}\nShocking. Write to your councillor.\n"
    assert furniture(text) == [crumbs, starter, reply, "Shocking. Write to your councillor."]
    found = values(text)
    assert "08:12" not in found and "09:40" not in found and "PierHead" not in found


def test_a_long_paragraph_below_a_reply_header_is_the_story() -> None:
    reply = "Re: Sailings cut again — posted by PierHead » Sat 3 May 2027 09:40"
    text = f"{STORY}\n{reply}\n{MORE}\n"
    assert furniture(text) == [reply]


def test_a_top_comment_and_a_communitys_handle() -> None:
    comment = "Top comment by u/pierhead: Nine in the morning is far too late honestly"
    text = f"r/HolmSound\n{STORY}\n{comment}\n"
    assert furniture(text) == ["r/HolmSound", comment]
    assert not any("nine" in v.casefold() for v in values(text))


@pytest.mark.parametrize(
    "line",
    [
        "Back the campaign: holmferryusers.example/give",
        "Get the Holm Herald app! ★★★★★",
        "Holm Ferries Ltd — Strictly confidential. For internal distribution only. Do not circulate.",
        "Sponsored · Kelp Kayaks — hire from $20, 10% off for members",
        'Music: "Low Water" by The Slipway Band',
        "Liked this story? Buy the crew a tea ☕",
        "Re: Sailings cut again from April",
        "Holm Ferries (@holmferries) May 3, 2027",
        "pic.twitter.com/AbC123xyz",
        "https://holmferries.example/timetables/april",
        "Image credit: Jo Flett/Holm Herald",
        "Want more stories like this? Follow us on Instagram.",
        "Bulletin 3/2027",
        "Notice No. 27 of 2027",
        "Document: HSF-OPS-0142 rev. 3",
        "Classification: OFFICIAL-SENSITIVE",
        "Prepared by: Harbour Office",
        "Joined Mar 2019 · 412 posts",
        "Shop now at Kelp Kayaks — 20% off this weekend",
    ],
)
def test_margin_lines_of_a_page(line: str) -> None:
    assert furniture(f"{STORY}\n{line}\n") == [line]


def test_a_helpline_sentence_to_any_reader_beside_the_story() -> None:
    helpline = "If you or someone you know is struggling with debt, call 0800 555 0142."
    text = f"{STORY}\nPlease travel safely. {helpline}\n"
    assert furniture(text) == [helpline]
    assert "0800 555 0142" not in values(text)


def test_an_appeal_to_witnesses_stays_a_fact() -> None:
    text = f"{STORY}\nAnyone who saw the collision should call police on 0800 555 0142.\n"
    assert furniture(text) == []


def test_an_issuers_name_over_its_documents_title_and_dated_line() -> None:
    head = [
        "Holm Sound Ferry Users Association",
        "Committee — Annual General Meeting Minutes (Draft)",
        "Meeting date: Monday, June 7, 2027 · Church Hall, 12 Pier Road, Brackwick, Skerrland",
        "Notice 14/2027 — Sunday 6 June 2027",
    ]
    text = "\n".join([*head, STORY]) + "\n"
    assert furniture(text) == head
    found = values(text)
    assert "Brackwick" not in found and "12" not in found and "Notice 14" not in found


def test_a_headline_over_a_byline_and_a_date_stays() -> None:
    text = f"Ferry Cuts Hit Holm Sound\nBy Jo Flett\n3 May 2027\n{STORY}\n"
    assert furniture(text) == ["By Jo Flett", "3 May 2027"]


def test_a_newsletters_issue_line_with_a_call_to_forward_it() -> None:
    line = "Issue 12 · June 2027 · Forward to a friend!"
    assert furniture(f"{line}\n{STORY}\n") == [line]


def test_a_sites_name_with_its_initials_over_its_menu() -> None:
    text = f"Holm Sound Ferries (HSF)\nTimetables | Fares | Contact\n{STORY}\n"
    assert furniture(text) == ["Holm Sound Ferries (HSF)", "Timetables | Fares | Contact"]


def test_a_dateline_with_its_date_in_parentheses() -> None:
    text = f"BRACKWICK, Skerrland (May 3, 2027) — {STORY}\n"
    assert furniture(text) == ["BRACKWICK, Skerrland (May 3, 2027) — "]
    found = values(text)
    assert "May 3, 2027" not in found and "BRACKWICK" not in found


def test_a_letterhead_block_above_the_story_and_an_address_line_below_it() -> None:
    head = [
        "Holm District Council",
        "Harbour Office",
        "14 Pier Road",
        "Brackwick, Skerrland BW4 1AB",
    ]
    foot = "Holm Sound Ferries Ltd · 2 Quay Road · Brackwick BW4 2QT"
    text = "\n".join(head) + f"\n\n{STORY}\n\n{foot}\n"
    assert furniture(text) == [*head, foot]
    found = values(text)
    assert "14" not in found and "Pier Road" not in found and "Quay Road" not in found


def test_a_us_letterhead_block_with_a_suite_and_a_zip_code() -> None:
    head = ["Office of the Harbor Master", "200 N. Front St., Suite 4", "Fairbrook, OR 97401"]
    text = "\n".join(head) + f"\n\n{STORY}\n"
    assert furniture(text) == head


def test_an_address_between_the_storys_paragraphs_stays_a_fact() -> None:
    text = f"{STORY}\n\nWater is handed out at:\nHolm Hall\n14 Pier Road\n\n{MORE}\n"
    assert furniture(text) == []
    assert "Pier Road" in " ".join(values(text))


def test_the_lines_below_an_ads_label() -> None:
    text = f"{STORY}\n\nADVERTISEMENT\nKelp Kayaks — hire from $20 a day\nkelpkayaks.example\n\n{MORE}\n"
    assert furniture(text) == [
        "ADVERTISEMENT",
        "Kelp Kayaks — hire from $20 a day",
        "kelpkayaks.example",
    ]
    assert "$20" not in values(text)


@pytest.mark.parametrize(
    "line",
    [
        "Episode 42: The last ferry to Holm",
        "Listen to The Island Hour on Spotify, Apple Podcasts and wherever you get your podcasts.",
        "Quote from: gull_wing on 3 May 2027, 08:12",
    ],
)
def test_a_podcasts_lines_and_a_quoted_posts_note(line: str) -> None:
    assert furniture(f"{line}\n{STORY}\n") == [line]


def test_a_data_sheets_dated_field_alone_on_its_line_stays_a_fact() -> None:
    text = f"HOLM FIRE - DAILY UPDATE\nStart date: Tuesday, Sept. 14, 2027\n{STORY}\n"
    assert "Start date: Tuesday, Sept. 14, 2027" not in furniture(text)


def test_an_about_heading_run_on_before_its_boilerplate() -> None:
    about = "About Holm Sound Ferries: "
    first = "Holm Sound Ferries is a family-owned operator of six vessels."
    text = f"{STORY}\n{about}{first} It has not sailed to the north isles since 1961.\n"
    assert furniture(text) == [about, first]
    assert "1961" in values(text)


def test_an_about_paragraphs_founding_year_stays_a_fact() -> None:
    about = "About Holm Sound Ferries: "
    first = "Holm Sound Ferries is a family-owned operator of six vessels."
    text = f"{STORY}\n{about}{first} It was founded in 1961.\n"
    assert furniture(text) == [about, first]
    assert "1961" in values(text)


def test_a_sentence_naming_a_handle_stays() -> None:
    line = "Jo Flett (@joflett) said the ferry left late."
    assert furniture(f"{STORY}\n{line}\n") == []


def test_a_notices_block_with_its_date_above_the_story_stays() -> None:
    head = ["Holm Summer Fair", "Saturday 3 June, 10am", "Holm Hall", "14 Pier Road"]
    text = "\n".join(head) + f"\n\n{STORY}\n"
    assert "14 Pier Road" not in furniture(text)


def test_a_headline_over_an_ad_and_a_share_bar_stays() -> None:
    text = f"Ferry Cuts Hit Holm Sound\n[Advertisement]\nShare this story · 57 comments\n{STORY}\n"
    assert "Ferry Cuts Hit Holm Sound" not in furniture(text)


def test_a_place_label_beside_two_update_lines_stays() -> None:
    text = (
        f"{STORY}\nUPDATE: The storm made landfall near Galveston at 3 a.m.\n"
        "UPDATE: Officials said 40,000 homes lost power.\n"
        "WASHINGTON: President Harmon declared an emergency for Texas.\n"
    )
    assert "WASHINGTON:" not in furniture(text)


def test_a_long_transcripts_labels_are_read_at_once() -> None:
    text = "".join(f"AB: line {i} said\n" for i in range(20_000))
    started = time.perf_counter()
    found = []
    for m in regex.finditer(r"[^\n]+", text):
        found.extend(inline_spans(text, m.start(), m.end()))
    assert len(found) == 20_000
    assert time.perf_counter() - started < 3.0
