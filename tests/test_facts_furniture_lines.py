"""Page furniture told by a line's shape (:mod:`textlineage.facts.furniture_lines` and the
stamp, byline, contact and masthead shapes of :mod:`textlineage.facts.furniture`): ads
with a bracketed label, stock tickers, a chat app's forwarding mark, sender line and read
receipt, citation lines, a legal notice under its heading, a "provided by" label over a
name, stamps worded "issued at" or "next update", bylines with a date and categories or a
job title, phone lines, registration notices with an office, a newsletter's name over its
issue line; and story lines of the same words that stay facts."""

from __future__ import annotations

import pytest

from facts_lines import furniture, values

STORY = (
    "The orchard cooperative in the Vale of Sorrel said on Tuesday that its apple harvest "
    "fell by a fifth this autumn after a late frost damaged blossom across most of its farms."
)
MORE = (
    "Growers who sell through the cooperative will receive smaller payments in March, and "
    "two packing sheds will close for the winter months to save money on staff and power."
)


@pytest.mark.parametrize(
    "line",
    [
        "[Promoted] Learn to bake sourdough with our 14-day course",
        "(Advertisement) Cheap flights to 30 cities this spring",
        "ORCH 14.22 ▼ 0.61 (4.11%)",
        "NYSE: ORCH 14.22 ▲ 0.61",
        "→ Forwarded",
        "✓✓ Seen 17:05",
        "Cite this paper: Marsh K, Oduya P. Orchard Sci. 2024;3(2):e88.",
        "Released at: 07:15 on Friday 3 October 2025",
        "Article last updated 4 October 2025 at 09:40",
        "Next update: Monday, Oct. 6, 9 a.m.",
        "Harvest helpline: (555) 301-7788, open 9 a.m. to 5 p.m.",
        "Written by Ada Pellow on 5 October 2025 in Farming, Weather",
        "Sorrel Growers Ltd. Registered in Scotland No. SC441122. Registered office: 4 Mill Lane, Perth.",
    ],
)
def test_shaped_line_is_furniture(line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert line.lstrip("→ ") in " ".join(furniture(text)) or line in furniture(text)


def test_byline_with_job_title_in_a_dotted_line() -> None:
    line = "Ada Pellow, Farming Correspondent · Oct 5, 2025 08:12 AM · Comments (12)"
    assert line in furniture(f"Apple harvest falls\n\n{line}\n\n{STORY}\n")


def test_chat_sender_line_is_furniture_but_not_the_message() -> None:
    text = f"[10/4/25, 6:02 PM] Bea Hollis (Choir group): {STORY}\n"
    found = furniture(text)
    assert found == ["[10/4/25, 6:02 PM] Bea Hollis (Choir group): "]
    assert "a fifth" in values(text)


def test_legal_notice_under_its_heading() -> None:
    notice = (
        "This statement contains forward-looking statements under the Securities Act of 1933. "
        "Results may differ from those expected and we undertake no duty to revise them."
    )
    text = f"{STORY}\n\nForward-looking statements\n{notice}\n"
    assert notice in furniture(text)
    assert "1933" not in values(text)


def test_provided_by_label_and_name() -> None:
    text = f"CONTENT SUPPLIED BY\nSorrel Growers, Ltd.\n\n{STORY}\n"
    assert furniture(text)[:2] == ["CONTENT SUPPLIED BY", "Sorrel Growers, Ltd."]


def test_newsletter_name_over_its_issue_line() -> None:
    text = f"VALE ORCHARD POST\nIssue 12 | Autumn 2025 | News for members\n\n{STORY}\n"
    assert "VALE ORCHARD POST" in furniture(text)


@pytest.mark.parametrize(
    "line",
    [
        "Bottom line: the cooperative lost 200 members in 2024.",
        "Growers read the notice on 3 October 2025 and sent 40 complaints.",
        "Disclaimer",
        "ISO 3166-2",
        "The phone line was cut for 3 days after the storm on 2 October.",
    ],
)
def test_story_lines_stay_facts(line: str) -> None:
    text = f"{STORY}\n\n{line}\n\n{MORE}\n"
    assert line not in furniture(text)


def test_list_of_links_below_its_heading() -> None:
    text = f"{STORY}\n\nMore from the valley:\n- Frost warnings: how to read them\n- A year on the farm\n\n{MORE}\n"
    found = furniture(text)
    assert "Frost warnings: how to read them" in found
    assert "A year on the farm" in found
    assert MORE not in found


def test_offer_closed_by_sign_up_button_and_trademark_notice() -> None:
    offer = "Orchard prices every Friday - subscribe now"
    notice = "All trademarks are the property of their owners. Prices may change."
    found = furniture(f"{STORY}\n\n{offer}\n{notice}\n")
    assert offer in found
    assert notice in found


def test_story_list_below_a_plain_heading_stays() -> None:
    for head in ("The cooperative plans to:", "More details:"):
        text = f"{STORY}\n\n{head}\n- close 2 sheds\n- cut 40 jobs\n"
        assert "cut 40 jobs" not in furniture(text)


def test_a_story_line_opening_with_from_is_no_source_line() -> None:
    line = "From May 28 to 30 the storms raged."
    assert line not in furniture(f"{STORY}\n\n{line}\n\n{MORE}\n")
    assert "From the Associated Press" in furniture(
        f"{STORY}\n\nFrom the Associated Press\n\n{MORE}\n"
    )
