"""Page furniture of letters, releases and newsletters: a sender's post office box and a
reference field above the salutation, a status field beside a revision stamp, an embargo
beside a release's label, a footer's links before a copyright sign, a sponsor's credit
with a promo code, an ad's text under a "presented by" label or run on after its label,
a note that readers' letters may be edited, a tip appeal, an address under a label of its
own, a noticeboard's item closed by "all welcome", an author's note or a caption under
its label, a caption closed by a photo credit, a newsletter's "also in" list and a site's
domain over its menu, a long cookie banner above the story (no line of the story); and
story lines of like shapes that stay facts."""

from __future__ import annotations

import time

import pytest

from facts_lines import furniture

STORY = (
    "The lighthouse trust said on Tuesday that it would close its visitor centre for the "
    "winter from November because repairs to the tower's lantern room will take longer."
)
MORE = (
    "Volunteers who run the tours said the trust had promised to reopen by Easter, and the "
    "parish council will discuss a grant for the repairs at its meeting in December."
)


def test_letterhead_box_and_reference_lines() -> None:
    text = (
        "Brackwater Mutual\nMembers' Office, PO Box 512, Tilbury TL4 2QQ\n"
        "Our ref: 88-31-07 ****4129\n2 May 2031\n\nDear Mr Osgood,\n\n"
        f"{STORY}\n\n{MORE}\n"
    )
    found = furniture(text)
    assert "Members' Office, PO Box 512, Tilbury TL4 2QQ" in found
    assert "Our ref: 88-31-07 ****4129" in found


def test_account_number_line_in_the_header() -> None:
    text = f"Account number: ****7788\n\n{STORY}\n\n{MORE}\n"
    assert "Account number: ****7788" in furniture(text)


@pytest.mark.parametrize(
    "line",
    [
        "The tower has been kept by the trust since PO Box 4 was its only address, in 1890.",
        "Our reference to 12 keepers in the guide was wrong, the trust said.",
    ],
)
def test_story_lines_naming_a_box_or_reference_stay(line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert line not in furniture(text)


def test_status_field_beside_a_revision_stamp() -> None:
    line = "Notice status: draft | Last revised 4 Mar 2031 09:40 UTC"
    text = f"Coastal Lights Survey\n{line}\n\n{STORY}\n\n{MORE}\n"
    assert line in furniture(text)


def test_status_field_alone_in_the_story_stays() -> None:
    line = "Repair status: the lantern is off the tower and the lens is in a workshop."
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert line not in furniture(text)


def test_embargo_beside_a_release_label() -> None:
    line = "News release | Embargoed until 06:00 GMT, Monday 5 May 2031"
    text = f"Coastal Lights Trust\n{line}\n\n{STORY}\n\n{MORE}\n"
    assert line in furniture(text)


def test_footer_links_before_a_copyright_sign() -> None:
    line = "Get our tide alerts | Privacy notice | Cookie settings | © Coastal Lights Trust 2031"
    text = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert line in furniture(text)


def test_copyright_after_a_sentence_stays_apart() -> None:
    line = "The trust bought the tower for £40,000 in 1998, the deeds show. © Coastal Lights 2031"
    text = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert line not in furniture(text)


@pytest.mark.parametrize(
    "line",
    [
        "This edition is brought to you by Gullwing Binoculars. Use code GULL15 for 15% off.",
        "Today's briefing is sponsored by Harbour Paints.",
        "Enter code SHORE20 to save on your first order.",
    ],
)
def test_sponsor_credit_and_promo_code(line: str) -> None:
    text = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert line in furniture(text)


@pytest.mark.parametrize(
    "line",
    [
        "The repairs are sponsored by a shipping firm, which gave £12,000, the trust said.",
        "The code of practice for keepers was brought in by the trust in 2004.",
    ],
)
def test_story_lines_on_sponsors_and_codes_stay(line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert line not in furniture(text)


def test_ad_text_under_a_presented_by_label() -> None:
    text = (
        f"{STORY}\n\n{MORE}\n\n— PRESENTED BY —\n"
        "Saltline tide clocks: never miss high water again. Order yours today.\n"
    )
    assert "Saltline tide clocks: never miss high water again. Order yours today." in furniture(
        text
    )


def test_letters_may_be_edited_note() -> None:
    line = (
        "Got a question about your garden? Write to askjo@coastpost.example. Letters may be edited."
    )
    text = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert line in furniture(text)


def test_site_domain_and_tagline_over_the_menu() -> None:
    text = (
        "ShoreJobs.example — work on the coast and at sea\n"
        "Jobs | Guides | Employers | Contact\n\n"
        f"Trust shuts lighthouse centre for winter\n\n{STORY}\n\n{MORE}\n"
    )
    assert "ShoreJobs.example — work on the coast and at sea" in furniture(text)


@pytest.mark.parametrize(
    "line",
    [
        "ADVERTISEMENT — Tide clocks from £49 at Saltline",
        "If you enjoyed this piece, share it with a friend",
        "Bookings desk: tours@lightkeepers.example",
        "About the author: Ines Varga writes on coasts for the weekly.",
        "Caption: Keepers on the gallery in the winter of 1961.",
        "The lantern room before the repairs. Photo: Saltline Archive",
        "Lifeboat crew quiz night Friday 9 May, 8pm, Anchor Inn — everyone welcome!",
    ],
)
def test_ad_run_on_appeal_notice_caption_and_labelled_address(line: str) -> None:
    text = f"{STORY}\n\n{MORE}\n\n{line}\n"
    assert line in furniture(text)


@pytest.mark.parametrize(
    "line",
    [
        "If you enjoyed the old tours, book early, the trust said, because only 20 places remain.",
        "Advertisement rules for the pier were relaxed in 2020, the council said.",
        "The photo: a keeper on the gallery, taken by a visitor in 1961, sold for £300.",
        "New volunteers were welcome at the tower, the trust said, and 30 signed up.",
    ],
)
def test_story_lines_like_appeals_ads_and_captions_stay(line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert line not in furniture(text)


def test_newsletter_also_in_heading_over_its_items() -> None:
    text = (
        f"{STORY}\n\n{MORE}\n\nALSO IN THIS LETTER\n"
        "• Pier toll rise put back to spring\n• Four beacons to visit in June\n"
    )
    found = furniture(text)
    assert "ALSO IN THIS LETTER" in found
    assert "Pier toll rise put back to spring" in found


def test_story_list_under_a_plain_heading_stays() -> None:
    text = f"{STORY}\n\nThe works will include:\n• a new lantern\n• a repainted gallery\n\n{MORE}\n"
    assert "a new lantern" not in furniture(text)


def test_long_cookie_banner_above_the_story_is_no_story_line() -> None:
    banner = (
        "We use cookies to give you a better visit. By carrying on you agree to our use of "
        "cookies on this site. Accept all | Settings"
    )
    text = (
        f"{banner}\n\nTrust shuts lighthouse centre for winter\nBy Ines Varga, Coasts "
        f"Reporter\n\n{STORY}\n\n{MORE}\n\nInes Varga is the weekly's coasts reporter "
        "and has written about the lights since 2015.\n"
    )
    found = furniture(text)
    assert banner in found
    assert any("has written about the lights since 2015" in f for f in found)


def test_long_runs_do_not_backtrack() -> None:
    runs = (
        "Our ref: " + "1 " * 10000,
        "PO Box " + "9" * 20000,
        "Use code " + "A1" * 10000,
        "Report status: " + "a " * 10000,
        "x" * 20000 + ".example — a b",
        "Also in " + "the " * 10000,
        "Label: " + "a" * 20000 + "@b",
        "Aa Bb, " * 3000 + "PO Box 1, Cc",
    )
    for run in runs:
        start = time.perf_counter()
        furniture(f"{run}\n\n{STORY}\n")
        assert time.perf_counter() - start < 5


def test_a_notes_distribution_line_is_furniture() -> None:
    line = "Copy to: (1) P.S. to Hon'ble Minister (Environment); (2) All Regional Officers; (3) Guard file."
    assert line in furniture(f"{STORY}\n\n{MORE}\n\nSd/–\nMember Secretary\n\n{line}\n")
    story = "A copy went to 12 regional officers, the trust said, and to the minister on 3 May."
    assert furniture(f"{STORY}\n\n{story}\n") == []
