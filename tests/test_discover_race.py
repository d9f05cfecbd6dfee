"""A text replaced while ``discover`` runs leaves the results marked stale (issue 13).

``discover`` reads the index at its start and stores its results at its end; an ``index
add --on-conflict replace`` landing in between (another connection, as another process
would) changes a text the results were computed from. The real functions are interleaved
through discover's progress callback, which runs between its reads and its write.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO
from textlineage.corpus.index import Corpus

SEED = REPO / "examples" / "seed"
OTHER = (
    "The regional orchestra will perform all nine Beethoven symphonies over three weekends "
    "in October, with tickets for students priced at five euros each, the director said."
)


def _jsonl(path: Path, records: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _index(tmp_path: Path) -> Path:
    db = tmp_path / "c.db"
    records = [
        {"id": "source", "text": (SEED / "source_report.txt").read_text(encoding="utf-8")},
        {"id": "derived", "text": (SEED / "derived_article.txt").read_text(encoding="utf-8")},
    ]
    with Corpus.open(db) as c:
        c.add([_jsonl(tmp_path / "first.jsonl", records)], semantic=False, workers=1)
    return db


def test_a_replace_during_discover_leaves_the_results_stale(tmp_path: Path) -> None:
    db = _index(tmp_path)
    update = _jsonl(tmp_path / "update.jsonl", [{"id": "derived", "text": OTHER}])
    calls: list[int] = []

    def replace_meanwhile(done: int, total: int) -> None:
        if not calls:
            with Corpus.open(db) as other:
                added = other.add([update], on_conflict="replace", semantic=False, workers=1)
            assert added.replaced == 1
        calls.append(done)

    with Corpus.open(db) as c:
        summary = c.discover(
            tmp_path / "out", semantic=False, workers=1, progress=replace_meanwhile
        )
        assert calls, "discover verified no candidate: nothing ran between read and write"
        assert summary["verified_relations"] >= 1
        # The results relate "derived" by its old text: they are stale.
        assert c.stats()["discovery_stale"] == 1

    # A run with no replacement meanwhile is up to date.
    with Corpus.open(db) as c:
        c.discover(tmp_path / "out2", semantic=False, workers=1)
        assert c.stats()["discovery_stale"] == 0


def test_a_replace_before_discover_is_in_its_results(tmp_path: Path) -> None:
    db = _index(tmp_path)
    update = _jsonl(tmp_path / "update.jsonl", [{"id": "derived", "text": OTHER}])
    with Corpus.open(db) as c:
        c.add([update], on_conflict="replace", semantic=False, workers=1)
        assert c.stats()["discovery_stale"] == 1
        c.discover(tmp_path / "out", semantic=False, workers=1)
        assert c.stats()["discovery_stale"] == 0
