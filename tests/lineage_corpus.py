"""A story with a lineage, for the web tests' corpus (``test_web_api.build_corpus``)."""

from __future__ import annotations

FORMULA_SITE = '=HYPERLINK("https://evil.example","open")'
_ADDED = (
    "Season tickets for the whole cycle sold out within a day, the box office said, and a "
    "waiting list has been opened for returns. Local cafés near the depot plan to stay open "
    "late on concert nights, and the tram company will run extra cars after each performance "
    "so that listeners from the outer districts can get home.",
    "Critics who attended the first rehearsal praised the young timpanist, a graduate of the "
    "city conservatory who joined the orchestra only last year. The conductor said the depot's "
    "bare brick walls give the brass a brighter sound than the old hall ever did, and hinted "
    "that the orchestra may return there for a summer festival.",
    "A pensioner who has attended every season since 1971 told us that she will bring her "
    "grandchildren to the family matinee, their first concert of any kind. The orchestra is "
    "also lending instruments to two primary schools for the month, with players visiting "
    "classrooms on Friday mornings to teach the children a short movement.",
)


_EDITS = (
    ("its conductor announced", "its principal conductor told reporters on Monday"),
    ("priced at five euros", "priced at just four euros"),
    ("fewer than the hall", "several hundred fewer than the old hall"),
)


def _edited(story: str) -> str:
    """``story`` with a few words changed, as a rewrite changes them."""
    for old, new in _EDITS:
        assert old in story, old
        story = story.replace(old, new)
    return story


def lineage_records(story: str) -> list[dict[str, str]]:
    """Copies of ``story`` (indexed before them as "Ledger story 2" of ledger.example on
    2021-03-03): two exact copies (one on a site whose name is a spreadsheet formula), a
    rewrite (some words changed, a paragraph added), a copy of the rewrite with one more
    word changed and one more paragraph (it carries the rewrite's changes), and an undated rewrite. The copies carry no title: the
    index keeps the original's."""
    return [
        {"id": "orch-dup-a", "text": story, "date": "2021-03-05", "site": FORMULA_SITE},
        {"id": "orch-dup-b", "text": story, "date": "2021-03-06", "site": "copycat.example"},
        {
            "id": "orch-rewrite",
            "text": _edited(story) + "\n\n" + _ADDED[0],
            "site": "weekly.example",
            "date": "2021-03-08",
            "title": "Beethoven in the tram depot",
        },
        {
            "id": "orch-rewrite2",
            # one more word changed: an edited copy, not a mirror of the rewrite
            "text": _edited(story).replace("conductor", "maestro", 1)
            + "\n\n"
            + _ADDED[0]
            + "\n\n"
            + _ADDED[1],
            "site": "digest.example",
            "date": "2021-03-12",
            "title": "Digest: Beethoven in the depot",
        },
        {
            "id": "orch-undated",
            "text": story + "\n\n" + _ADDED[2],
            "site": "undated.example",
            "title": "Orchestra lends instruments",
        },
    ]
