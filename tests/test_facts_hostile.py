"""The fact diff on hostile text: an untrusted document made of one token repeated
thousands of times is read in time growing with its length, not with its square (nor
handed whole to the named-entity model)."""

from __future__ import annotations

import time

import pytest

from textlineage.facts import diff_facts, ner
from textlineage.facts.furniture import furniture_spans
from textlineage.facts.match_name_changes import _last_word

_STORY = "The council said on Monday that 310 homes in Ashby were flooded, Mayor Ann Lee said.\n\n"


@pytest.fixture(scope="module", autouse=True)
def _loaded() -> None:
    """The model (when installed) loaded before any run is timed."""
    if ner.enabled():
        ner.load()
    diff_facts(_STORY, _STORY + "Ann Lee of Acme Corp said.", source_doc=0, derived_doc=1)


@pytest.mark.parametrize(
    "token",
    [
        "Ab-",  # one "name" of 13,000 hyphenated capitals: was handed whole to the model
        "Ab ",  # a name of 13,000 words: was searched for with a legal form after it
        "been-",  # hyphenated words: each was read as the subject of a passive clause
    ],
)
def test_a_long_run_of_one_token_is_diffed_quickly(token: str) -> None:
    # Before the fixes, 40,000 characters a side took from 20 s to minutes.
    junk = token * (40_000 // len(token))
    started = time.perf_counter()
    fd = diff_facts(_STORY + junk, _STORY + junk + "\n\n" + _STORY, source_doc=0, derived_doc=1)
    assert time.perf_counter() - started < 8.0
    assert "Ann Lee" in {link.source.text for link in fd.kept}


def test_a_mix_of_hostile_runs_is_diffed_quickly() -> None:
    junk = "".join(t * 2_000 for t in ("Ab-", "A ", "Ab ", "been-", "Senior ", "Lu-"))
    started = time.perf_counter()
    diff_facts(_STORY + junk, junk + _STORY, source_doc=0, derived_doc=1)
    assert time.perf_counter() - started < 8.0


def test_the_last_word_of_a_long_hyphenated_run_is_read_quickly() -> None:
    started = time.perf_counter()
    assert _last_word("Ab-" * 20_000) == "Ab-" * 20_000  # no word ends it
    assert time.perf_counter() - started < 2.0
    assert _last_word("Sigrun Brekke-Lund.") == "Brekke-Lund"
    assert _last_word("Dr Ana O'Hara, ") == "O'Hara"


@pytest.mark.parametrize(
    "token",
    [
        "A",  # capitals: a place dateline's and a reference line's patterns backtracked
        "★",  # icons: a reaction bar's pattern backtracked
    ],
)
def test_a_long_line_of_one_character_is_read_for_furniture_quickly(token: str) -> None:
    # Before the fixes, 20,000 of them on one line took 2 to 5 s in the furniture pass.
    started = time.perf_counter()
    furniture_spans(token * 60_000 + "\n\n" + _STORY)
    assert time.perf_counter() - started < 3.0
    # the shapes are still read on lines of their size
    for line in ("NORTHFIELD, Vt. —", "👍 41  💬 9 comments"):
        assert furniture_spans(line + "\n" + _STORY) == [(0, len(line))]
