"""Search told as stories: hits grouped by story, the earliest first, mirrors folded in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import PAN
from textlineage import document_from_text
from textlineage.corpus.index import Corpus


def _paragraphs(k: int) -> list[str]:
    """Real paragraphs of one PAN source document (read from ../shared, never copied)."""
    if not PAN.exists():
        pytest.skip("../shared/data/pan13-train not present")
    f = sorted((PAN / "src").iterdir())[40 + k]
    paras = [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 200]
    assert len(paras) >= 3
    return paras[:4]


@pytest.fixture()
def story_index(tmp_path: Path) -> Path:
    one, two = _paragraphs(0), _paragraphs(1)
    story = "\n\n".join(one)
    recs = [
        # The original, a complete later copy with an added paragraph (it reuses more of
        # the query than the original does), an exact duplicate of the original on a
        # third site, and another story.
        {"id": "orig", "text": story, "site": "outlet.example", "date": "2021-03-01"},
        {
            "id": "late-copy",
            "text": story + "\n\n" + two[0],
            "site": "copier.example",
            "date": "2021-03-09",
        },
        {"id": "dup", "text": story, "site": "mirror.example", "date": "2021-03-02"},
        {"id": "other", "text": "\n\n".join(two[1:]), "site": "else.example", "date": "2020-01-01"},
    ]
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    db = tmp_path / "s.db"
    with Corpus.open(db) as c:
        c.add([str(src)], embeddings=False)
    return db


def _query(db: Path) -> str:
    with Corpus.open(db, create=False) as c:
        late = c.get("late-copy")
        assert late is not None
        return late.text


def test_earliest_first_and_mirrors_folded_without_discovery(story_index: Path) -> None:
    query = document_from_text(_query(story_index), "q")
    with Corpus.open(story_index, create=False) as c:
        res = c.search(query, semantic=False)
    ids = [h.doc.ext_id for h in res.hits]
    assert ids[:2] == ["orig", "late-copy"]  # one story, the earliest first
    assert "dup" not in ids  # the duplicate is not a hit of its own…
    first = res.hits[0].story
    assert first is not None and first.earliest and first.group == 1
    assert [m["id"] for m in first.mirrors] == ["dup"]  # …but listed under its text
    assert first.mirrors[0]["site"] == "mirror.example" and first.mirrors[0]["kind"] == "exact"
    second = res.hits[1].story
    assert second is not None and second.group == 1 and not second.earliest
    out = res.to_json()
    assert out["groups"][0] == {
        "group": 1,
        "cluster_id": None,
        "earliest": "orig",
        "hits": [1, 2],
    }
    assert out["hits"][0]["story"]["mirrors"][0]["date"] == "2021-03-02"
    assert "other" not in ids


def test_hits_reusing_other_parts_of_the_query_are_other_stories(story_index: Path) -> None:
    # The query holds the story and the other document: two stories, two groups.
    with Corpus.open(story_index, create=False) as c:
        orig, other = c.get("orig"), c.get("other")
        assert orig is not None and other is not None
        query = document_from_text(other.text + "\n\n" + orig.text, "q")
        res = c.search(query, semantic=False)
    groups = {h.doc.ext_id: h.story.group for h in res.hits if h.story is not None}
    assert groups["orig"] == groups["late-copy"] != groups["other"]
    assert len(res.to_json()["groups"]) == 2


def test_lineage_of_hits_after_discovery(story_index: Path, tmp_path: Path) -> None:
    with Corpus.open(story_index, create=False) as c:
        c.discover(tmp_path / "out", workers=1, semantic=False)
        res = c.search(document_from_text(_query(story_index), "q"), semantic=False)
    by_id = {h.doc.ext_id: h.story for h in res.hits}
    orig, late = by_id["orig"], by_id["late-copy"]
    assert orig is not None and late is not None
    assert orig.cluster_id is not None and orig.cluster_id == late.cluster_id
    assert orig.cluster_origin and orig.link == "origin"
    assert late.link in ("derived", "mirror") and late.parent == "orig"
    assert not late.cluster_origin
    # The exact duplicate, and the late copy (the whole article republished word for word
    # with a paragraph added: a mirror), though it is a hit of its own too.
    assert [m["id"] for m in orig.mirrors] == ["dup", "late-copy"]
