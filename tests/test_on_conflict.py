"""``index add --on-conflict skip|replace|error`` through the real command line: an id
already indexed with another text is never passed over in silence, and a replaced text
leaves the index as if it had been indexed that way from the start."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conftest import cli_path
from textlineage.corpus.docvectors import document_embedder
from textlineage.corpus.index import Corpus

RIVER = (
    "The river rose by three metres overnight, flooding the lower town and forcing two "
    "hundred residents to leave their homes before dawn on Wednesday, officials said."
)
CREWS = (
    "Emergency crews worked through the night to reinforce the embankments near the old "
    "mill, while volunteers filled sandbags in the market square until the morning."
)
BUDGET = (
    "A completely new story about the council budget, which includes money for roads, "
    "schools and a new library in the town centre next year, was published on Monday."
)
FRENCH = (
    "Le conseil municipal a voté mardi soir le budget de la ville, qui prévoit des fonds "
    "pour les routes, les écoles et une nouvelle bibliothèque au centre."
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli_path(), *args], capture_output=True, text=True, timeout=600)


def jsonl(path: Path, records: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def add(db: Path, source: str, *options: str) -> subprocess.CompletedProcess[str]:
    return run("index", "add", str(db), source, "-j", "1", "--format", "json", *options)


WEATHER = "A short notice: fog is expected along the coast tomorrow morning, easing by noon."
FIRST = [
    {"id": "x", "text": RIVER, "site": "one.example"},
    {"id": "y", "text": CREWS, "site": "two.example"},
    {"id": "ycopy", "text": CREWS, "site": "copy.example"},
    {"id": "w", "text": BUDGET},
]
# x gets a new text (in another language), y gets x's old text (y had an exact copy), and
# w a text that shares no word with its old one.
SECOND = [
    {"id": "x", "text": FRENCH, "site": "three.example"},
    {"id": "y", "text": RIVER, "site": "two.example"},
    {"id": "w", "text": WEATHER},
]


def state(db: Path) -> dict[str, Any]:
    """Everything the index derives from texts, keyed by external id (doc_ids differ
    between two indexes of the same records)."""
    con = sqlite3.connect(db)
    try:
        name = dict(con.execute("SELECT doc_id, ext_id FROM documents"))
        out: dict[str, Any] = {
            "documents": {
                ext: (text, language)
                for ext, text, language in con.execute(
                    "SELECT ext_id, text, language FROM documents"
                )
            },
            "duplicates": {
                ext: name[dup] for ext, dup in con.execute("SELECT ext_id, dup_of FROM duplicates")
            },
            "term_df": sorted(con.execute("SELECT term, df FROM term_df")),
            "terms": {
                name[d]: bytes(seq) for d, seq in con.execute("SELECT doc_id, seq FROM terms")
            },
            "embeddings": {
                name[d]: bytes(v) for d, v in con.execute("SELECT doc_id, vec FROM embeddings")
            },
            "multilingual": {
                name[d]: (lang, bytes(v))
                for d, lang, v in con.execute("SELECT doc_id, language, vec FROM multilingual")
            },
            "languages": sorted(con.execute("SELECT * FROM languages")),
            "terms_documents": con.execute(
                "SELECT value FROM meta WHERE key='terms_documents'"
            ).fetchone(),
        }
        postings: dict[str, set[int]] = {}
        for h, d in con.execute("SELECT hash, doc_id FROM postings"):
            postings.setdefault(name[d], set()).add(h)
        out["postings"] = postings
        claims: dict[str, set[tuple[int, int]]] = {}
        for k, d, start in con.execute("SELECT key, doc_id, start FROM claims"):
            claims.setdefault(name[d], set()).add((k, start))
        out["claims"] = claims
        return out
    finally:
        con.close()


def test_default_skip_keeps_the_text_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert add(db, jsonl(tmp_path / "a.jsonl", FIRST)).returncode == 0
    p = add(db, jsonl(tmp_path / "b.jsonl", SECOND))
    assert p.returncode == 0, p.stderr
    summary = json.loads(p.stdout)
    assert summary["conflicts"] == 3 and summary["conflicting_ids"] == ["x", "y", "w"]
    assert summary["replaced"] == 0 and summary["added"] == 0
    assert "warning: 3 ids already indexed with another text kept their indexed text" in p.stderr
    shown = run("show", str(db), "x", "--format", "json")
    assert json.loads(shown.stdout)["text"] == RIVER
    quiet = run("index", "add", "-q", str(db), str(tmp_path / "b.jsonl"), "-j", "1")
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert "conflicts 3 (indexed text kept)" in quiet.stdout


def test_error_refuses_the_batch_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert add(db, jsonl(tmp_path / "a.jsonl", FIRST)).returncode == 0
    new = {"id": "z", "text": WEATHER}
    p = add(db, jsonl(tmp_path / "b.jsonl", [new, *SECOND]), "--on-conflict", "error")
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in p.stderr
    assert "b.jsonl:2: id 'x' is already indexed with another text" in lines[0]
    # The whole batch was refused: z, read before x, is not indexed either.
    assert run("show", str(db), "z").returncode != 0
    assert json.loads(run("stats", str(db), "--format", "json").stdout)["documents"] == 3


def test_replace_leaves_the_index_as_if_built_from_the_new_texts(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    options = ("--embeddings", "--multilingual")
    assert add(db, jsonl(tmp_path / "a.jsonl", FIRST), *options).returncode == 0
    with Corpus.open(db, create=False) as corpus:
        emb = document_embedder(True)
        assert emb is not None
        before = corpus.vectors.search(corpus.document_embedding(emb, FRENCH), 3)
        p = add(db, jsonl(tmp_path / "b.jsonl", SECOND), "--on-conflict", "replace")
        assert p.returncode == 0, p.stderr
        summary = json.loads(p.stdout)
        assert (summary["conflicts"], summary["replaced"], summary["added"]) == (3, 3, 0)
        # A corpus opened before the replacement sees the new vectors, not the old ones.
        after = corpus.vectors.search(corpus.document_embedding(emb, FRENCH), 3)
        x = corpus.get("x")
        assert x is not None and x.text == FRENCH and x.site == "three.example"
    assert dict(after)[x.doc_id] > 0.99 > dict(before)[x.doc_id]

    # The same records indexed fresh: x and y with their new texts, ycopy keeping CREWS.
    fresh = tmp_path / "fresh.db"
    final = [SECOND[0], {"id": "ycopy", "text": CREWS}, SECOND[1], SECOND[2]]
    assert add(fresh, jsonl(tmp_path / "f.jsonl", final), *options).returncode == 0
    got, want = state(db), state(fresh)
    assert got["documents"] == want["documents"]
    assert got["documents"]["x"][1] == "fr"
    assert got["claims"]["x"] and got["claims"]["w"]
    for key in ("duplicates", "postings", "claims", "terms", "term_df", "embeddings", "languages"):
        assert got[key] == want[key], key
    assert got["terms_documents"] == want["terms_documents"]
    assert got["multilingual"].keys() == want["multilingual"].keys()
    for ext, (lang, vec) in got["multilingual"].items():
        other_lang, other = want["multilingual"][ext]
        a, b = np.frombuffer(vec, np.float16), np.frombuffer(other, np.float16)
        assert (
            lang == other_lang
            and float(a @ b) / float(np.linalg.norm(a) * np.linalg.norm(b)) > 0.999
        )

    stats = json.loads(run("stats", str(db), "--format", "json").stdout)
    assert stats["discovery_stale"] == 3
    # Search finds x by its new text; the old one is found under y.
    query = tmp_path / "q.txt"
    query.write_text(FRENCH, encoding="utf-8")
    hits = json.loads(
        run("search", str(db), str(query), "--format", "json", "--no-semantic").stdout
    )
    assert [h["doc"]["id"] for h in hits["hits"]] == ["x"]
    query.write_text(RIVER, encoding="utf-8")
    hits = json.loads(
        run("search", str(db), str(query), "--format", "json", "--no-semantic").stdout
    )
    assert [h["doc"]["id"] for h in hits["hits"]] == ["y"]
    # A discovery run brings the results up to date again.
    assert run("discover", str(db), "--out", str(tmp_path / "out"), "-j", "1").returncode == 0
    assert json.loads(run("stats", str(db), "--format", "json").stdout)["discovery_stale"] == 0


OLD_CLAIM = (
    "The mayor said the new bridge over the river would cost forty million pounds and open "
    "in the spring."
)
NEW_CLAIM = (
    "Health officials confirmed that the outbreak at the city hospital had infected twelve "
    "patients and two nurses."
)


def claim_hits(db: Path, tmp_path: Path, claim: str) -> list[str]:
    """The ids a claim-length search finds, each through a sentence of the query."""
    query = tmp_path / "claim.txt"
    query.write_text(claim, encoding="utf-8")
    p = run("search", str(db), str(query), "--format", "json", "--no-semantic")
    assert p.returncode == 0, p.stderr
    hits = json.loads(p.stdout)["hits"]
    assert all(h["claim_matches"] for h in hits)
    return [h["doc"]["id"] for h in hits]


def test_replace_renews_the_sentence_keys(tmp_path: Path) -> None:
    """A replaced document is found by a claim of its new text and no more by one of its
    old text (the claim channel reads the sentence keys, not the fingerprints)."""
    db = tmp_path / "c.db"
    old = {"id": "x", "text": f"{RIVER} {OLD_CLAIM} {CREWS}"}
    assert add(db, jsonl(tmp_path / "a.jsonl", [old, {"id": "w", "text": BUDGET}])).returncode == 0
    assert claim_hits(db, tmp_path, OLD_CLAIM) == ["x"]
    assert claim_hits(db, tmp_path, NEW_CLAIM) == []
    new = {"id": "x", "text": f"{BUDGET} {NEW_CLAIM} {WEATHER}"}
    p = add(db, jsonl(tmp_path / "b.jsonl", [new]), "--on-conflict", "replace")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["replaced"] == 1
    assert claim_hits(db, tmp_path, NEW_CLAIM) == ["x"]
    assert claim_hits(db, tmp_path, OLD_CLAIM) == []
    # No key of the old text is left behind: the rows are those of a fresh index.
    fresh = tmp_path / "fresh.db"
    recs = [{"id": "w", "text": BUDGET}, new]
    assert add(fresh, jsonl(tmp_path / "f.jsonl", recs)).returncode == 0
    assert state(db)["claims"] == state(fresh)["claims"]


def test_one_id_twice_in_a_run(tmp_path: Path) -> None:
    twice = [{"id": "x", "text": RIVER}, {"id": "x", "text": CREWS}]
    db = tmp_path / "skip.db"
    p = add(db, jsonl(tmp_path / "a.jsonl", twice))
    assert json.loads(p.stdout)["conflicts"] == 1
    assert json.loads(run("show", str(db), "x", "--format", "json").stdout)["text"] == RIVER
    db = tmp_path / "replace.db"
    p = add(db, jsonl(tmp_path / "a.jsonl", twice), "--on-conflict", "replace")
    assert json.loads(p.stdout)["replaced"] == 1
    assert json.loads(run("show", str(db), "x", "--format", "json").stdout)["text"] == CREWS


def test_a_replaced_vector_gets_a_new_graph_file(tmp_path: Path) -> None:
    """The HNSW graph beside the index (used from 20,000 vectors; here from 0) is rebuilt
    for the new generation, and the old generation's file is removed."""
    import importlib.util

    if importlib.util.find_spec("usearch") is None:
        pytest.skip("usearch not installed")
    from textlineage.corpus.ann import VectorIndex

    db = tmp_path / "c.db"
    assert add(db, jsonl(tmp_path / "a.jsonl", FIRST), "--embeddings").returncode == 0
    with Corpus.open(db, create=False) as corpus:
        emb = document_embedder(True)
        assert emb is not None
        query = corpus.document_embedding(emb, FRENCH)
        graph = VectorIndex(corpus.store, exact_below=0)
        x = corpus.get("x")
        assert x is not None
        before = dict(graph.search(query, 3))
        assert graph.path.name == "c.db.usearch" and graph.path.exists()
        replaced = add(db, jsonl(tmp_path / "b.jsonl", SECOND), "--on-conflict", "replace")
        assert replaced.returncode == 0, replaced.stderr
        after = dict(graph.search(query, 3))
    assert graph.path.name == "c.db.g3.usearch" and graph.path.exists()
    assert not (tmp_path / "c.db.usearch").exists()
    assert after[x.doc_id] > 0.97 > before[x.doc_id]


def test_replaced_by_a_text_indexed_under_another_id(tmp_path: Path) -> None:
    """An id given a text the index holds under another id becomes that document's exact
    duplicate, as in a fresh index of the new records; its old text, held by no id now,
    leaves the index. (It was updated in place: two documents with one text, found twice
    by search and reported by discover as a pair.)"""
    db = tmp_path / "c.db"
    options = ("--embeddings", "--multilingual")
    first = [{"id": "w", "text": BUDGET}, {"id": "x", "text": RIVER}, {"id": "y", "text": CREWS}]
    assert add(db, jsonl(tmp_path / "a.jsonl", first), *options).returncode == 0
    # x takes w's text (indexed before); y takes that of z, a record new in the same batch.
    second = [
        {"id": "z", "text": WEATHER},
        {"id": "x", "text": BUDGET},
        {"id": "y", "text": WEATHER},
    ]
    p = add(db, jsonl(tmp_path / "b.jsonl", second), "--on-conflict", "replace")
    assert p.returncode == 0, p.stderr
    summary = json.loads(p.stdout)
    assert (summary["added"], summary["replaced"], summary["conflicts"]) == (1, 2, 2)

    fresh = tmp_path / "fresh.db"
    final = [first[0], second[1], second[0], second[2]]
    assert add(fresh, jsonl(tmp_path / "f.jsonl", final), *options).returncode == 0
    got, want = state(db), state(fresh)
    assert got["documents"].keys() == {"w", "z"}
    assert got["duplicates"] == {"x": "w", "y": "z"}
    for key in ("documents", "postings", "claims", "terms", "term_df", "embeddings"):
        assert got[key] == want[key], key
    assert got["languages"] == want["languages"]
    assert got["multilingual"].keys() == want["multilingual"].keys()
    assert got["terms_documents"] == want["terms_documents"]

    query = tmp_path / "q.txt"
    query.write_text(BUDGET, encoding="utf-8")
    hits = json.loads(
        run("search", str(db), str(query), "--format", "json", "--no-semantic").stdout
    )
    assert [h["doc"]["id"] for h in hits["hits"]] == ["w"]


def test_a_number_left_by_a_replaced_document_is_not_given_again(tmp_path: Path) -> None:
    """Pages, clusters and caches name documents by number: the newest document, gone
    with its old text, does not lend its number to the next one."""
    db = tmp_path / "c.db"
    first = [{"id": "w", "text": BUDGET}, {"id": "x", "text": RIVER}]
    assert add(db, jsonl(tmp_path / "a.jsonl", first)).returncode == 0
    x = json.loads(run("show", str(db), "x", "--format", "json").stdout)["doc_id"]
    p = add(
        db, jsonl(tmp_path / "b.jsonl", [{"id": "x", "text": BUDGET}]), "--on-conflict", "replace"
    )
    assert json.loads(p.stdout)["replaced"] == 1
    assert add(db, jsonl(tmp_path / "c.jsonl", [{"id": "v", "text": CREWS}])).returncode == 0
    assert json.loads(run("show", str(db), "v", "--format", "json").stdout)["doc_id"] > x
