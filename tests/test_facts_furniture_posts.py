"""Page furniture of posts and of a page's foot (:mod:`textlineage.facts.furniture_posts`):
forum and social post headers, reaction bars, a group's or a site's name over them, a
release's embargo line, a registration notice, notes to editors, a signature and a date
below the story; and story lines of the same words that stay facts."""

from __future__ import annotations

import pytest

from facts_lines import furniture, values

STORY = (
    "The ferry company serving Holm Sound said on Monday that it would cut two of its six "
    "daily sailings from April, blaming a shortage of engineers and rising fuel costs."
)
MORE = (
    "Islanders who rely on the early crossing to reach work on the mainland said the "
    "change would leave them with no way to arrive before nine in the morning."
)


def test_forum_post_headers_between_posts() -> None:
    first = "#7  TarmacTed  (Member, Posts: 1,204)  3 Mar 2027, 08:41"
    second = "#8  Ferry_Fan  3 Mar 2027, 09:02"
    text = f"Sailings cut again on Holm Sound\n{first}\n{STORY}\n{second}\n{MORE}\n"
    assert furniture(text) == [first, second]
    found = values(text)
    assert "1,204" not in found and "TarmacTed" not in found and "09:02" not in found


def test_a_groups_name_over_its_member_count_or_a_public_post() -> None:
    for head in ("Private group · 2.1K members", "12 March at 08:15 · Public"):
        text = f"Friends of Holm Lido\n{head}\n{STORY}\n"
        assert furniture(text) == ["Friends of Holm Lido", head]


def test_a_reaction_bar_with_counts_and_words() -> None:
    bar = "👍 31   💬 12 comments   ↗️ 4 shares"
    assert furniture(f"{STORY}\n{bar}\n") == [bar]
    byline = "Posted 3 Mar 2027 by @holmwatch | 🔁 18 ❤️ 52"
    assert furniture(f"{byline}\n{STORY}\n") == [byline]


def test_a_label_asking_readers_to_share_and_a_comment_box() -> None:
    text = f"⚠️ FERRY NEWS – PLEASE SHARE ⚠️\n{STORY}\nWrite a comment…\n"
    assert furniture(text) == ["⚠️ FERRY NEWS – PLEASE SHARE ⚠️", "Write a comment…"]


def test_a_sites_name_with_its_tagline_over_its_menu() -> None:
    masthead = "HARBOUR LINES — a blog about the ferries of the west"
    text = f"{masthead}\nHome | Timetables | Shop\n{STORY}\n"
    assert furniture(text) == [masthead, "Home | Timetables | Shop"]
    assert "HARBOUR LINES" not in values(text)


def test_a_document_issuers_name_over_its_number() -> None:
    text = f"Tribunal Service of the Northern Isles\nClaim no. 4471/2026\n{STORY}\n"
    assert furniture(text) == ["Tribunal Service of the Northern Isles", "Claim no. 4471/2026"]


@pytest.mark.parametrize(
    "line",
    [
        "Embargoed until 00:01 GMT Tuesday 4 May 2027",
        "For immediate release: 4 May 2027",
        "Ref: HX-5521",
        "YOU MAY ALSO LIKE: 5 islands to visit by boat | Why ferries run late",
        "Holm Ferries Ltd, 2 Quay Road, Stromness KW16 1AA. Registered in Scotland No. SC401234.",
        "Regd. Office: Holm Stadium, Quay Road, Stromness – 160 039",
        "Head office: Plot 4, Sector 18, Gurugram, Haryana 122015",
        "You are receiving this because you signed up at holmlines.example. Unsubscribe",
        "Our mailing address is: 9 Pier Road, Stromness KW16 1AB",
        "For interviews, please contact Jo Rendall on 01856 555 0101.",
        "For further information please contact press@holmferries.example",
        "Issued on behalf of Holm Ferries by Quay Communications",
        "Neutral Citation Number: [2027] EWCA Civ 88",
        "Crown copyright",
        "View 14 more replies",
        "Seen by 1,204",
        '3 responses to "Ferries cut again"',
        "Joined: Mar 2019 | Posts: 4,318",
        "Last edited by GullWing; 18 Aug 2026 at 22:10.",
        "Reply #2 on: August 18, 2026, 10:19:42 PM",
        "6 min listen",
        "Liked by gullwing and 1,024 others",
        "r/orkney · Posted by u/ferryfan 5 hours ago",
        "Member since 2014 · 4,318 posts",
        "Originally posted by GullWing on 18 Aug 2026",
        "Quote from GullWing on August 18, 2026, 10:05 pm",
        "Reporting by Jo Flett; Editing by Ian Rendall",
        "This entry was posted in News and tagged ferries, Orkney. Bookmark the permalink.",
        "Got a story? Email newsdesk@holmnews.example",
        "Gift this article",
        "2 hours ago",
        "GullWing  18 Aug 2026, 22:05",
        "#ferries #orkney #islandlife",
        "12 Reposts 4 Quotes 310 Likes 9 Bookmarks",
        "3:45 PM · May 3, 2026 · 12.4K Views",
        "On Mon, 3 May 2026 at 10:05, Jo Flett <jo@holm.example> wrote:",
        "Edited 2 times",
        "Keywords: ferries, islands, transport",
        "DOI: 10.1234/holm.2026.0042",
        "Received 3 May 2026; accepted 12 June 2026; published 1 July 2026",
        "Jump to navigation Jump to search",
        "This page was last edited on 3 May 2026, at 10:05 (UTC).",
        'Retrieved from "https://wiki.example/Holm_Sound"',
        "In partnership with Holm Ferries",
        "Video, 00:01:32",
        "Listen: 3 min",
        "The Holm Herald is not responsible for the content of external sites.",
        "Was this page helpful? Yes / No",
        "Comments are moderated. Be kind.",
        "Support the blog: buy us a coffee ☕",
        "Get ferry alerts straight to your inbox – sign up free",
        "This is not a verbatim transcript. The judgment as handed down is the official version.",
        "Check against delivery",
        "Holm Lets is a member of a redress scheme. Particulars are for guidance only and do "
        "not form part of any contract.",
    ],
)
def test_release_reference_related_registration_and_newsletter_lines(line: str) -> None:
    assert furniture(f"{STORY}\n{line}\n") == [line]


def test_notes_to_editors_and_what_follows_them() -> None:
    notes = [
        "Notes to editors",
        "Holm Ferries runs 14 routes between the islands and the mainland.",
        "Photographs are available from press@holmferries.example.",
    ]
    text = "\n".join([STORY, MORE, *notes]) + "\n"
    assert furniture(text) == notes
    assert "14 routes" not in values(text)


def test_an_emails_header_block() -> None:
    head = [
        "From: Jo Flett <jo@holm.example>",
        "Sent: Monday, 3 May 2026 10:05",
        "To: Ferry Users Group",
        "Subject: Sailings cut",
    ]
    assert furniture("\n".join([*head, STORY, MORE]) + "\n") == head
    assert furniture(f"{STORY}\nTo: the harbour master, 12 May 2026\n{MORE}\n") == []


def test_an_end_mark_mid_story_is_a_break() -> None:
    text = "\n".join([STORY, "###", MORE, MORE, "Sailings resume in May."]) + "\n"
    assert furniture(text) == []


def test_a_tagline_needs_a_sites_name_of_two_words() -> None:
    text = f"Ferries - except for the early crossing\nYes\n{STORY}\n"
    assert "Ferries - except for the early crossing" not in furniture(text)


def test_a_signature_and_the_documents_date_below_the_story() -> None:
    signature = "Morag Flett, Harbour Master, Holm Sound Harbour Trust, Pier Road, Stromness"
    text = f"{STORY}\n{MORE}\n{signature}\n14 March 2027\n"
    assert furniture(text) == [signature, "14 March 2027"]


def test_a_bare_call_line_and_a_posts_sign_off() -> None:
    call = "Tickets from the pier office only. Call 01856 555 2290."
    assert furniture(f"{STORY}\n{call}\n{MORE}\n") == [call]
    assert "01856 555 2290" not in values(f"{STORY}\n{call}\n")
    assert furniture(f"{STORY}\n{MORE}\nUp the Ferries! ⛴️\n") == ["Up the Ferries! ⛴️"]


def test_an_appeal_naming_whom_to_call_stays() -> None:
    appeal = "Anyone stranded should call the ferry office on 01856 555 2290."
    assert furniture(f"{STORY}\n{MORE}\n{appeal}\n") == []
    assert "01856 555 2290" in values(f"{STORY}\n{appeal}\n")


@pytest.mark.parametrize(
    "line",
    [
        "Embargoed goods worth 3 million pounds were seized at the pier in 2026.",
        "For immediate release of the detained crew, the union wrote to the minister.",
        "Members: 2,100 islanders joined the campaign in its first week.",
        "Stromness, Thurso, Wick",
        "Sailings resume at 08:15 on 12 March, the company said.",
        "The ferry was registered in Scotland in 1998 and sold in 2019.",
        "The head office: moved to Stromness in 2019 at a cost of 400,000 pounds.",
        "Notes to editors were sent to 40 newspapers.",
        "Tom Flett's Harbour Symphony No. 6 Island Suite",
        "=20",
        "DAY #2",
        "The skipper's guidance only covered the winter sailings of 2026.",
        "Received wisdom says 3 ferries are enough, the council said in May 2026.",
        "In partnership with Holm Ferries, the council bought 2 boats in 2025.",
        "For further information on fares, see the timetable printed in March 2027.",
        "Seen by 40,000 people in its first week, the film was shown again in 2026.",
        "Posts: 12 new engineering jobs were advertised by the company in May.",
        "Crown copyright rules did not stop the council printing 400 copies.",
        "Liked by 2,000 islanders, the skipper retired in 2019.",
        "Reporting by the Orkney Herald in 1998 first exposed the fault.",
        "5 hours of delays hit 300 passengers on Friday.",
    ],
)
def test_story_lines_of_the_same_words_stay(line: str) -> None:
    assert furniture(f"{STORY}\n{line}\n{MORE}\n") == []
    assert furniture(f"{STORY}\n{MORE}\n{line}\n") == []


def test_an_updated_and_originally_posted_stamp_under_the_headline() -> None:
    stamp = "Updated Mar. 4, 2027, 5:10 p.m. GMT  ·  Originally posted Mar. 3, 2027, 9:05 a.m. GMT"
    text = f"Holm Sound sailings to be cut\n{stamp}\n\n{STORY}\n"
    assert furniture(text) == [stamp]
    assert "Mar. 3, 2027" not in values(text)


def test_a_posts_line_with_its_disclosure_is_not_the_storys_first_line() -> None:
    meta = (
        "March 5, 2027 · Island Life, Ferries · Some links in this post are affiliate links, "
        "so the blog may earn a small commission if you book through them."
    )
    text = f"What the Holm Sound cuts mean for your island holiday\n\n{meta}\n\n{STORY}\n"
    assert furniture(text) == [meta]
    assert "March 5, 2027" not in values(text)
