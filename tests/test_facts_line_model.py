"""The learned model of page-furniture lines (:mod:`textlineage.facts.line_model`)."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from textlineage.facts import line_model
from textlineage.facts.items import Result
from textlineage.types import Fact

SOURCE = (
    "Harbour Lane Library will close for six weeks from 3 March while its roof is "
    "replaced, the borough council said on Tuesday.\n\n"
    "The work will cost about 480,000 pounds and the mobile library will stop at the "
    "harbour car park every Thursday while the branch is shut.\n\n"
    "Readers can return books at the town hall, where a drop box will be emptied each "
    "morning by the library's own staff.\n"
)
DERIVED = (
    "Harbour Lane Library is to shut for six weeks from 3 March so that its roof can be "
    "replaced, the council announced on Tuesday.\n\n"
    "SHARE  |  TWEET  |  EMAIL  |  1.2K READS  |  PRINT\n\n"
    "The repairs will cost around 480,000 pounds, and a mobile library will call at the "
    "harbour car park each Thursday, with 3,000 books on board.\n\n"
    "Books can also be returned at the town hall, where library staff will empty a drop "
    "box every morning.\n"
)


def _fact(text: str, word: str, doc: int) -> Fact:
    start = text.index(word)
    return Fact("number", word, (start, start + len(word)), doc, word)


def _probability(text: str, other: str, needle: str) -> float:
    lines = line_model.text_lines(text)
    i = next(j for j, (a, b) in enumerate(lines) if needle in text[a:b])
    story = line_model.story_bounds(text, lines)
    terms = line_model.content_terms(other)
    return line_model.furniture_probability(line_model.line_features(text, lines, i, terms, story))


def test_the_model_was_made_from_open_sets_only() -> None:
    raw = files("textlineage").joinpath("data", line_model.MODEL_FILE).read_text(encoding="utf-8")
    model = json.loads(raw)
    assert "facts_holdout14" in model["sets"] and "facts_gold" in model["sets"]
    assert not {"facts_holdout15", "facts_holdout16"} & set(model["sets"])  # still blind
    assert tuple(model["features"]) == line_model.FEATURES


def test_a_bar_of_buttons_is_furniture_and_a_sentence_of_the_story_is_not() -> None:
    assert _probability(DERIVED, SOURCE, "TWEET") >= line_model.THRESHOLD
    assert _probability(DERIVED, SOURCE, "3,000 books") < 0.5


def test_facts_on_furniture_lines_are_forgotten_and_others_kept() -> None:
    res = Result(added=[_fact(DERIVED, "1.2K", 1), _fact(DERIVED, "3,000", 1)])
    line_model.drop_model_furniture(res, (SOURCE, DERIVED), ("en", "en"))
    assert [f.text for f in res.added] == ["3,000"]


def test_a_text_of_a_sentence_or_two_is_left_to_the_rules() -> None:
    short = DERIVED.split("\n\n")
    text = "\n\n".join(short[:2]) + "\n"
    res = Result(added=[_fact(text, "1.2K", 1)])
    line_model.drop_model_furniture(res, (SOURCE, text), ("en", "en"))
    assert [f.text for f in res.added] == ["1.2K"]


def test_the_pass_reads_english_only() -> None:
    res = Result(added=[_fact(DERIVED, "1.2K", 1)])
    line_model.drop_model_furniture(res, (SOURCE, DERIVED), ("en", "de"))
    assert [f.text for f in res.added] == ["1.2K"]


def test_a_model_file_that_does_not_match_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    model = line_model._model()
    broken = dict(model, features=list(reversed(model["features"])))
    line_model._model.cache_clear()
    monkeypatch.setattr(line_model.json, "loads", lambda _raw: broken)
    try:
        with pytest.raises(ValueError, match="does not match"):
            line_model._model()
    finally:
        monkeypatch.undo()
        line_model._model.cache_clear()
