"""Page furniture of a page's widgets (:mod:`textlineage.facts.furniture_widgets`): a
column of line numbers, a button in brackets, a box ending in a link with an arrow, a
contents line, a usefulness counter; and story lines of the same words that stay facts."""

from __future__ import annotations

import pytest

from facts_lines import furniture, values
from textlineage.facts.furniture_widgets import widget_line

STORY = (
    "The ferry company serving Holm Sound said on Monday that it would cut two of its six "
    "daily sailings from April, blaming a shortage of engineers and rising fuel costs."
)


@pytest.mark.parametrize(
    "line",
    [
        "[ ♡ Save search: ferries to the northern isles ]",
        "[▶ WATCH: the storm hits the pier (1:12)]",
        "Featured sailing: Holm to Ness · 40 min · 12 cars · From £18 · Book ›",
        "TIDE OF THE WEEK ▸ Our pick is the spring tide on the 14th. See the tables ›",
        "What will your crossing cost? A car and 2 adults from £64 return · Calculate now ›",
        "In this report: 1 Summary · 2 Sailings · 3 Fares · 4 Outlook",
        "👍 57 islanders found this update useful   ·   💬 Comment",
        "[Reply]  [Quote]  [👍 Thanks (12)]",
        "Newsletter: Harbour News, every Friday at 7 AM  [Sign me up]",
        "[Poll] Should the Sunday sailing stay?  YES 61%  ·  NO 39%  (1,204 votes)",
        "Comments (0) — Be the first to comment",
        "KEEP SCROLLING FOR MORE ▼",
        "MORE ISLAND NEWS › Lifeboat crew honoured at the palace",
        "Moderator · Joined Mar 2027 · Posts: 2,118 · Rep: ★★★★",
        "❤ Donate to the crew — every sailing is run by volunteers",
        "🎧 Listen on Spotify",
        "3. Rainfall and sunshine .......... 2",
    ],
)
def test_widget_lines_are_furniture(line: str) -> None:
    assert furniture(f"{STORY}\n\n{line}\n") == [line]
    assert widget_line(line, len(line.split()))


@pytest.mark.parametrize(
    "line",
    [
        "The ferry company said 57 islanders had found the new timetable useful.",
        "Fares rise from £18 to £21 on the Holm to Ness route next month.",
        "[Crew numbers were cut to 12 in 2027.]",
        "The report's contents: sailings fell by 12% in the winter.",
        "Comments from 12 islanders were read to the board.",
        "More than 40 islanders joined in 2027 and wrote 300 letters.",
        "■ Share prices fell 5% on Monday.",
    ],
)
def test_story_lines_of_the_same_words_stay_facts(line: str) -> None:
    assert furniture(f"{STORY}\n\n{line}\n") == []


def test_a_column_of_line_numbers_is_furniture() -> None:
    column = "\n".join(str(n) for n in range(1, 9))
    text = f"{column}\nHOLM SOUND FERRY COMPANY\n\n{STORY}\n"
    assert furniture(text)[0] == column
    found = values(text)
    assert "7" not in found and "8" not in found and "two" in found


def test_a_short_run_of_numbers_stays() -> None:
    text = f"{STORY}\n\nScores\n1\n2\n3\n"
    assert not any(line in ("1", "2", "3") for line in furniture(text))


def test_a_serials_number_before_its_title_is_furniture() -> None:
    """ "Episode 212:" names an instalment; the title after it stays the story's."""
    line = "Episode 212: the night the ferry stayed in port while 40 cars queued on the pier"
    assert furniture(f"{STORY}\n\n{line}\n") == ["Episode 212:"]
    assert furniture(f"{STORY}\n\nThe crew of 212 sailed: all were safe.\n") == []


ENCYCLOPEDIA = (
    "Mairi Holm\n"
    "This article relies too much on references to primary sources. Please improve this by "
    "adding secondary or tertiary sources. (May 2027)\n\n"
    "Mairi Holm (born 3 May 1961) is a Scottish engineer who designed the Holm Sound "
    "ferry terminal in 1994.[1] She ran the harbour board's works unit for 12 years.[2][citation needed]\n\n"
    "Career[edit]\n"
    "In 2003 she founded a practice in Kirkwall with two partners.[a]\n\n"
    "References[edit]\n"
    '1. ^ "About the practice". Holm Works. Retrieved 2 March 2027.\n'
    '2. ^ a b Flett, Ann. "Building the pier". Orkney Weekly.\n'
)


def test_an_encyclopedias_marks_and_references_are_furniture() -> None:
    found = furniture(ENCYCLOPEDIA)
    assert any(
        f.startswith("This article relies too much") and f.endswith("(May 2027)") for f in found
    )
    assert "[1]" in found and "[2]" in found and "[citation needed]" in found and "[a]" in found
    assert "Career[edit]" in found and "References[edit]" in found
    assert any(f.startswith("1. ^") for f in found) and any(f.startswith("2. ^ a b") for f in found)
    got = values(ENCYCLOPEDIA)
    assert "1994" in got and "12 years" in got and "2003" in got
    assert "1" not in got and "2" not in got and "2 March 2027" not in got


def test_a_bracketed_number_spaced_from_its_word_stays() -> None:
    """A list's "[3]" after a space, or a sentence about a banner, is no mark."""
    text = f"{STORY}\n\nThe board voted [3] times. This article is about the pier; improve it by June.\n"
    assert furniture(text) == []


TRANSCRIPT = (
    "[00:00:04] ANN FLETT: Welcome back. My guest runs the Holm Sound ferry.\n\n"
    "[00:00:31] [SPONSOR] This episode is brought to you by Harbour Bank. Dial *483# today.\n\n"
    "[00:01:15] MAIRI HOLM: We cut two of the six daily sailings from April 2027.\n\n"
    "[00:02:09] ANN FLETT: Why?\n"
)


def test_a_transcripts_timecodes_and_its_ads_are_furniture() -> None:
    found = furniture(TRANSCRIPT)
    assert "[00:00:04] " in found and "[00:02:09] " in found
    assert any(f.startswith("[00:00:31] [SPONSOR]") and f.endswith("today.") for f in found)
    got = values(TRANSCRIPT)
    assert "two" in got and "April 2027" in got and "483" not in got
    assert not any("00:0" in v for v in got)


def test_a_time_opening_one_line_stays() -> None:
    text = f"{STORY}\n\n[10:30] Doors open at the terminal.\n"
    assert furniture(text) == []


def test_a_querys_number_before_its_question_is_furniture() -> None:
    line = "Query 2: Is the company aware of any reason for the trading in its 40 million shares?"
    assert furniture(f"{STORY}\n\n{line}\n") == ["Query 2:"]
    assert "2" not in values(line) and "40 million shares" in values(line)
