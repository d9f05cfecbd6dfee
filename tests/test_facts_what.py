"""What is a fact: page furniture is not, a short quotation is one fact with what it names,
a number is one fact with its noun, in words or digits, alone or as a range or a rank."""

from __future__ import annotations

import pytest

from textlineage.facts import diff_facts, extract_facts
from textlineage.facts.furniture import furniture_spans

STORY = (
    "The council of Brackley voted on Monday to close three of its five libraries, "
    "citing a budget gap of 2.4 million pounds and falling visitor numbers."
)


def facts(text: str, kind: str | None = None, lang: str = "en") -> list[tuple[str, str]]:
    out = extract_facts(text, language=lang)
    for f in out:
        assert text[f.span[0] : f.span[1]] == f.text
    return [(f.text, f.value) for f in out if kind is None or f.kind == kind]


def furniture(text: str, lang: str = "und") -> list[str]:
    return [text[s:e] for s, e in furniture_spans(text, lang)]


# -- page furniture -----------------------------------------------------------------------


def test_page_furniture_lines() -> None:
    page = (
        "728 x 90\n\nLibraries to close\n\nBy Jane Smith and Tom Lee\n"
        "Published: June 1, 2021 10:32 am\nUpdated 11:00 BST\n1.2K Shares | 45 Comments\n\n"
        f"{STORY}\n\nAdvertisement\nPhoto: Jane Smith\n© 2021 Brackley News. All rights "
        "reserved.\n(Reporting by Jane Smith; Editing by Tom Lee)\n"
    )
    assert furniture(page) == [
        "728 x 90",
        "By Jane Smith and Tom Lee",
        "Published: June 1, 2021 10:32 am",
        "Updated 11:00 BST",
        "1.2K Shares | 45 Comments",
        "Advertisement",
        "Photo: Jane Smith",
        "© 2021 Brackley News. All rights reserved.",
        "(Reporting by Jane Smith; Editing by Tom Lee)",
    ]
    found = facts(page)
    assert ("728 x 90", "728x90") not in found
    assert not [t for t, _ in found if "2021" in t or "Shares" in t or "Jane" in t]
    assert ("three of its five libraries", "3") in found or ("three", "3") in found
    assert ("2.4 million pounds", "2400000") in found


def test_header_lines_of_parts_and_section_names() -> None:
    page = (
        "Brackley Gazette | Local News\nLibraries to close\n"
        "Match report by Jane Smith | 12 comments | Share 57\n"
        "By Tom Lee, Health Correspondent | 9 February 2024 | 🗨 38 | Reading time: 4 min\n"
        "Sponsored content · 320 x 50\n\n"
        f"{STORY}\n\nMost read: Man charged after crash | Jury retires in murder trial\n"
        "Originally published by Brackley Gazette. Republished with permission.\n"
    )
    assert furniture(page) == [
        "Brackley Gazette | Local News",
        "Match report by Jane Smith | 12 comments | Share 57",
        "By Tom Lee, Health Correspondent | 9 February 2024 | 🗨 38 | Reading time: 4 min",
        "Sponsored content · 320 x 50",
        "Most read: Man charged after crash | Jury retires in murder trial",
        "Originally published by Brackley Gazette. Republished with permission.",
    ]


def test_section_names_only_above_a_story_and_never_list_items() -> None:
    assert furniture("Local News\nParis\n\nShort text, no story.") == []
    assert furniture(f"Towns:\n  • Ahvaz\n  • Arak\n\n{STORY}") == []
    assert furniture(f"Local News\n\n{STORY}\n\nLocal News\n") == ["Local News"]


def test_banners_link_lines_and_social_counters() -> None:
    page = (
        "Harbour News | 3 March 2024 | 08:15\nTwitter 1,204 · X 77 · Reposts 31\n"
        "Share (12) · Comment\n[Advert 300x600]\nSTROMNESS, March 3 (Orkney Wire) -\n\n"
        f"{STORY}\n\nPrivacy policy | Terms and conditions | Contact us\n"
        "This website uses analytics cookies. Accept all | Reject all\n"
        "We value your privacy. Manage preferences\n"
    )
    assert furniture(page) == [
        "Harbour News | 3 March 2024 | 08:15",
        "Twitter 1,204 · X 77 · Reposts 31",
        "Share (12) · Comment",
        "[Advert 300x600]",
        "STROMNESS, March 3 (Orkney Wire) -",
        "Privacy policy | Terms and conditions | Contact us",
        "This website uses analytics cookies. Accept all | Reject all",
        "We value your privacy. Manage preferences",
    ]
    found = [f for f, _ in facts(page)]
    assert "1,204" not in found and "Orkney Wire" not in found and "08:15" not in found


def test_mastheads_reactions_tags_and_wire_datelines_in_the_header() -> None:
    page = (
        "Ferry fares rise again as fuel costs bite\nFjord Harbour Chronicle\n"
        "By Ola Strand, harbour reporter\n"
        "Bergen, 4 May 2025 — 07:12 CET\n👍 2.4k  💬 133\nListen to this article · 4 min\n"
        "Share  |  Tweet  |  Email (9)\n\n"
        f"{STORY}\n\nFollow Fjord Harbour Chronicle on Instagram\nComments are closed.\n"
        "Tags: Bergen, Ferries, Budget\nRecommended for you ▸\n"
    )
    assert furniture(page) == [
        "Fjord Harbour Chronicle",
        "By Ola Strand, harbour reporter",
        "Bergen, 4 May 2025 — 07:12 CET",
        "👍 2.4k  💬 133",
        "Listen to this article · 4 min",
        "Share  |  Tweet  |  Email (9)",
        "Follow Fjord Harbour Chronicle on Instagram",
        "Comments are closed.",
        "Tags: Bergen, Ferries, Budget",
        "Recommended for you ▸",
    ]


def test_a_title_case_headline_is_no_masthead() -> None:
    page = f"Ferry Fares Rise Again\n\n{STORY}\n"
    assert furniture(page) == []
    page = f"Harbour News\nFerry Fares Rise Again\nBy Ola Strand\n\n{STORY}\n"
    assert "Ferry Fares Rise Again" not in furniture(page)


def test_story_lines_about_cookies_or_prices_stay_facts() -> None:
    text = (
        f"{STORY}\n\nThe bakery sold 4,000 cookies at the fair.\n$5.00\n"
        "Regulators fined the retailer 2 million euros for setting tracking cookies without "
        "asking its 30 million visitors, in a ruling that lawyers called the toughest yet.\n"
    )
    assert furniture(text) == []
    found = [f for f, _ in facts(text)]
    assert "4,000 cookies" in found and "30 million visitors" in found


def test_a_short_copyright_line_is_furniture_with_its_owner() -> None:
    assert furniture(f"{STORY}\nHarbour News © 2024 – all rights reserved") == [
        "Harbour News © 2024 – all rights reserved"
    ]


def test_a_copyright_notice_runs_from_its_mark_to_the_end_of_the_line() -> None:
    text = f"{STORY}\nCustomers were warned. © 2024 Brackley Media Group"
    assert furniture(text) == ["© 2024 Brackley Media Group"]
    assert furniture(f"{STORY}\nThey fought copyright and trademark infringements.") == []


@pytest.mark.parametrize(
    ("opening", "lang"),
    [
        ("Iran, June 1, 2021—", "en"),
        ("BRACKLEY, Aug. 4, 2020 — ", "en"),
        ("WASHINGTON (Reuters) - ", "en"),
        ("MADRID, 18 de junio de 2021. ", "es"),
        ("BERLIN, 12. Oktober 2022 — ", "de"),
        ("МОСКВА, 24 февраля 2023 года. ", "ru"),
    ],
)
def test_datelines_opening_the_story(opening: str, lang: str) -> None:
    assert furniture(f"Libraries to close\n\n{opening}{STORY}", lang) == [opening]


def test_story_sentences_are_never_furniture() -> None:
    text = (
        "By Monday, 40 people had died.\n\n"
        f"{STORY} The mayor said on June 1, 2021 that 12 comments were enough.\n\n"
        "June 1, 2021 — a date inside the story, after its first paragraph.\n"
        "He won 300 votes\n"
    )
    assert furniture(text) == []
    assert ("40 people", "40") in facts(text)


def test_a_date_alone_on_a_line_above_the_story_is_the_page_date() -> None:
    assert furniture(f"Libraries to close\nJune 1, 2021\n\n{STORY}") == ["June 1, 2021"]
    assert furniture(f"{STORY}\n\nJune 1, 2021\n\n{STORY}\n") == []  # between paragraphs


def test_a_date_alone_closing_the_text_is_the_documents_date() -> None:
    assert furniture(f"{STORY}\n\nJune 1, 2021\n") == ["June 1, 2021"]
    assert furniture(f"{STORY}\n\nJune 1, 2021\n© Fenwick Libraries 2021\n") == [
        "June 1, 2021",
        "© Fenwick Libraries 2021",
    ]
    assert furniture(f"{STORY}\n\nJune 1, 2021\nThe branch reopened.\n") == []


# -- quotations ---------------------------------------------------------------------------


def test_a_short_quote_is_one_fact_with_what_it_names() -> None:
    text = "They were charged with “enmity against God” and chanted “Down with Khamenei”."
    found = extract_facts(text, language="en")
    assert [f.kind for f in found] == ["quote", "quote"]


def test_a_long_quote_keeps_its_facts() -> None:
    text = (
        "“Since June 1981, when the police opened fire on peaceful protesters in Tehran, "
        "thousands of dissidents have been jailed or executed and the people have faced an "
        "ongoing massacre,” the statement said."
    )
    kinds = [f.kind for f in extract_facts(text, language="en")]
    assert kinds.count("quote") == 1
    assert "date" in kinds and "number" in kinds


def test_a_quoted_number_changed_is_one_change() -> None:
    d = diff_facts(
        "The slogan was “300 martyrs for freedom” that day.",
        "The slogan was “3,000 martyrs for freedom” that day.",
        source_doc=0,
        derived_doc=1,
    )
    assert [c.kind for c in d.changed] == ["quote"]
    assert all(f.kind == "quote" for f in (*d.added, *d.dropped))  # no number of its own


# -- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("About three hundred thousand people marched.", "three hundred thousand people", "300000"),
        ("Two hundred and fifty people attended.", "Two hundred and fifty people", "250"),
        ("It cost one million two hundred thousand dollars.", "one million two hundred thousand dollars", "1200000"),
        ("A hundred and twenty boats sank.", "A hundred and twenty boats", "120"),
        ("They sold a dozen eggs.", "a dozen eggs", "12"),
        ("Some twenty-five thousand troops left.", "twenty-five thousand troops", "25000"),
    ],
)  # fmt: skip
def test_numbers_in_words_are_one_fact(text: str, fact: str, value: str) -> None:
    found = facts(text, "number")
    assert len(found) == 1
    assert fact in found[0][0] and found[0][1] == value


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("They fired 10–15 rounds.", "10–15 rounds", "10-15"),
        ("Between 10 and 15 people died.", "Between 10 and 15 people", "10-15"),
        ("It rose 5–7% in May.", "5–7%", "5-7"),
        ("Some 10 to 15 people came.", "10 to 15 people", "10-15"),
        ("Two hundred to three hundred people came.", "Two hundred to three hundred people", "200-300"),
        ("It cost $10-15 million.", "$10-15 million", "10000000-15000000"),
    ],
)  # fmt: skip
def test_ranges_are_one_fact(text: str, fact: str, value: str) -> None:
    found = facts(text, "number")
    assert len(found) == 1
    assert fact in found[0][0] and found[0][1] == value


def test_what_is_not_a_range() -> None:
    assert [v for _, v in facts("Prices rose from 10 to 15 percent.", "number")] == ["10", "15"]
    assert [v for _, v in facts("City won 3-1 at home.", "number")] == ["score:3-1"]  # one result
    assert facts("The 2019–2020 season ended.", "date") == [("2019", "2019"), ("2020", "2020")]


def test_a_year_after_in_is_a_date_even_before_a_noun() -> None:
    assert facts("In 2019 sales rose.", "date") == [("2019", "2019")]
    assert facts("In 2019 sales rose.", "number") == []
    assert facts("Police counted 2019 votes.", "number") == [("2019 votes", "2019")]


def test_a_qualified_year_after_until_is_a_date() -> None:
    assert facts("Fares are capped until at least 2025.", "date") == [("2025", "2025")]
    assert facts("They sold at least 2025 tickets.", "number") == [
        ("at least 2025 tickets", "2025")
    ]


def test_ranks() -> None:
    text = (
        "It was the second-most trending topic. Mashhad is the second largest city and "
        "she finished in third place. In the first few hours, for a second time, nothing. "
        "Rovers moved up to fourth, the second-most in the division. The Alliance was second."
    )
    assert facts(text, "number") == [
        ("second-most trending topic", "2nd"),
        ("second largest city", "2nd"),
        ("third place", "3rd"),
        ("fourth", "4th"),
        ("second", "2nd"),
    ]


def test_a_number_word_inside_a_name_is_no_number() -> None:
    assert facts("The Formula One race was cancelled.", "number") == []
    assert facts("One race was cancelled.", "number") == [("One race", "1")]


def test_a_rank_that_loses_its_superlative_is_changed() -> None:
    d = diff_facts(
        "It became the second-most trending topic on Twitter.",
        "It was the second trending topic on Twitter.",
        source_doc=0,
        derived_doc=1,
    )
    assert [(c.source.text, c.derived.text) for c in d.changed] == [
        ("second-most trending topic", "second trending topic")
    ]
    assert "most" in d.changed[0].note
