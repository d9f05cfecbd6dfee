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
