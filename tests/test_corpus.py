"""The corpus index end to end: ingest, duplicates, reruns, search, discovery, bad input."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from conftest import PAN, cli_path
from textlineage import document_from_text
from textlineage.corpus.config import CorpusConfig
from textlineage.corpus.index import Corpus
from textlineage.embed_static import StaticEmbedder
from textlineage.errors import IndexFileError


def _prose(k: int, n: int = 3) -> list[str]:
    """Real paragraphs from PAN source documents (read from ../shared, never copied)."""
    if not PAN.exists():
        pytest.skip("../shared/data/pan13-train not present")
    files = sorted((PAN / "src").iterdir())[k * 7 : k * 7 + n]
    out = []
    for f in files:
        paras = [
            p.strip() for p in f.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 200
        ]
        out.append("\n\n".join(paras[:4]) or f.read_text(encoding="utf-8")[:2000])
    return out


def _write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def corpus_file(tmp_path: Path) -> tuple[Path, list[str]]:
    texts = _prose(1, 6)
    footer = (
        "Subscribe to the Morning Ledger newsletter for daily updates from our newsroom. "
        "Our reporters cover the city council, the courts and the schools every day of the week. "
        "Send tips and corrections to the editors at the address printed on the back page."
    )
    recs: list[dict[str, object]] = [
        {
            "id": f"doc{i}",
            "text": t + "\n\n" + footer,
            "site": "ledger.example",
            "date": f"2021-01-{i + 1:02d}",
            "url": f"https://ledger.example/{i}",
        }
        for i, t in enumerate(texts)
    ]
    # An exact copy of doc0 under another id, and a partial reprint of doc1 on another site.
    recs.append(
        {"id": "copy0", "text": recs[0]["text"], "site": "mirror.example", "date": "2021-02-01"}
    )
    reprint = (
        texts[1].split("\n\n")[0] + "\n\nOur own reporting adds that officials declined to comment."
    )
    recs.append(
        {
            "id": "reprint1",
            "text": reprint,
            "site": "mirror.example",
            "date": "2021-02-03",
            "url": "https://mirror.example/r1",
        }
    )
    return _write_jsonl(tmp_path / "docs.jsonl", recs), texts


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli_path(), *args], capture_output=True, text=True, timeout=600)


def test_add_records_duplicates_and_rerun(
    tmp_path: Path, corpus_file: tuple[Path, list[str]]
) -> None:
    path, _ = corpus_file
    db = tmp_path / "c.db"
    with Corpus.open(db) as c:
        s = c.add([str(path)], embeddings=False)
        assert (s.added, s.duplicates, len(s.skipped)) == (7, 1, 0)
        again = c.add([str(path)], embeddings=False)
        assert (again.added, again.duplicates, again.already_indexed) == (0, 0, 8)
        st = c.stats()
        assert st["documents"] == 7 and st["duplicates"] == 1 and st["fingerprints"] > 0
        doc = c.get("copy0")
        assert doc is not None and doc.ext_id == "doc0"
        assert c.get("99999999999999999999") is None and c.get(2**70) is None


def test_sketching_workers_build_the_same_index(
    tmp_path: Path, corpus_file: tuple[Path, list[str]]
) -> None:
    path, _ = corpus_file
    cfg = CorpusConfig(batch_size=2)  # several batches in flight
    with Corpus.open(tmp_path / "one.db", config=cfg) as one:
        a = one.add([str(path)], embeddings=False, workers=1)
        rows_one = one.store.conn.execute("SELECT * FROM postings ORDER BY 1, 2").fetchall()
        docs_one = one.store.conn.execute("SELECT ext_id, text_key FROM documents").fetchall()
    with Corpus.open(tmp_path / "two.db", config=cfg) as two:
        b = two.add([str(path)], embeddings=False, workers=2)
        rows_two = two.store.conn.execute("SELECT * FROM postings ORDER BY 1, 2").fetchall()
        docs_two = two.store.conn.execute("SELECT ext_id, text_key FROM documents").fetchall()
    assert (a.added, a.duplicates) == (b.added, b.duplicates) == (7, 1)
    assert rows_one == rows_two and docs_one == docs_two


def test_search_finds_source_of_partial_reprint(
    tmp_path: Path, corpus_file: tuple[Path, list[str]]
) -> None:
    path, texts = corpus_file
    db = tmp_path / "c.db"
    with Corpus.open(db) as c:
        c.add([str(path)], embeddings=False)
        query_text = (
            "Breaking. " + texts[2].split("\n\n")[1] + "\n\nMore on this story later today."
        )
        q = document_from_text(query_text, "query", {"date": "2022-05-01"})
        r = c.search(q, semantic=False)
    assert r.hits, "the source paragraph's document must be found"
    top = r.hits[0]
    assert top.doc.ext_id == "doc2"
    assert top.comparison.verdict in {"derived", "partially_derived"}
    assert top.direction == "hit_is_source"


def test_search_finds_a_text_reprinted_too_widely_for_rare_fingerprints(
    tmp_path: Path,
) -> None:
    wire = _prose(3, 1)[0]
    others = _prose(4, 3)
    recs: list[dict[str, object]] = [
        {"id": f"reprint{i}", "text": f"Outlet {i} reports.\n\n{wire}", "site": f"s{i}.example"}
        for i in range(6)
    ] + [{"id": f"other{i}", "text": t} for i, t in enumerate(others)]
    path = _write_jsonl(tmp_path / "wire.jsonl", recs)
    # Every fingerprint of the wire text is in 6 documents, over max_df = 3.
    cfg = CorpusConfig(max_df_floor=3, max_df_cap=3)
    with Corpus.open(tmp_path / "w.db", config=cfg) as c:
        c.add([str(path)], embeddings=False)
        r = c.search(document_from_text("Our desk: " + wire, "q"), semantic=False)
    assert {h.doc.ext_id for h in r.hits} <= {f"reprint{i}" for i in range(6)}
    assert len(r.hits) >= 3


def test_malformed_records_skipped_or_strict(tmp_path: Path) -> None:
    good = _prose(2, 1)[0]
    f = tmp_path / "mixed.jsonl"
    f.write_text(
        json.dumps({"id": "a", "text": good}) + "\n{not json\n" + json.dumps({"id": "b"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "m.db"
    p = run("index", "add", str(db), str(f), "--no-semantic")
    assert p.returncode == 0, p.stderr
    assert "added 1" in p.stdout and "skipped 2" in p.stdout
    assert f"{f}:2" in p.stderr
    p = run("index", "add", str(tmp_path / "s.db"), str(f), "--no-semantic", "--strict")
    assert p.returncode == 2
    assert p.stderr.strip().splitlines()[-1].startswith(f"textlineage: error: {f}:2")


def test_bad_index_files_give_one_line(tmp_path: Path) -> None:
    not_db = tmp_path / "notes.txt"
    not_db.write_text("hello", encoding="utf-8")
    p = run("stats", str(not_db))
    assert p.returncode == 2 and "not a textlineage index" in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
    db = tmp_path / "v.db"
    Corpus.open(db).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    con.commit()
    con.close()
    p = run("stats", str(db))
    assert p.returncode == 2 and "schema version 99" in p.stderr
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    p = run("stats", str(broken))
    assert p.returncode == 2 and "index" in p.stderr and "Traceback" not in p.stderr


def test_kill_during_ingest_leaves_usable_index(tmp_path: Path) -> None:
    base = _prose(3, 3)
    recs = [
        {"id": f"n{i}", "text": f"Item {i}. " + base[i % 3][(i * 37) % 500 :] + f" Number {i}."}
        for i in range(6000)
    ]
    f = _write_jsonl(tmp_path / "many.jsonl", recs)
    db = tmp_path / "k.db"
    proc = subprocess.Popen(
        [cli_path(), "index", "add", str(db), str(f), "--no-semantic"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=1)
                n = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                con.close()
            except sqlite3.Error:
                n = 0
            if n >= 500:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    p = run("stats", str(db), "--format", "json")
    assert p.returncode == 0, p.stderr
    st = json.loads(p.stdout)
    assert 0 < st["documents"] + st["duplicates"] <= 6000
    assert (st["documents"] + st["duplicates"]) % 500 == 0 or st["documents"] + st[
        "duplicates"
    ] == 6000
    p = run("index", "add", str(db), str(f), "--no-semantic")
    assert p.returncode == 0, p.stderr
    st = json.loads(run("stats", str(db), "--format", "json").stdout)
    assert st["documents"] + st["duplicates"] == 6000


def test_discover_writes_verified_relations(
    tmp_path: Path, corpus_file: tuple[Path, list[str]]
) -> None:
    path, _ = corpus_file
    db = tmp_path / "d.db"
    with Corpus.open(db) as c:
        c.add([str(path)], embeddings=False)
        summary = c.discover(tmp_path / "out", workers=1)
    out = tmp_path / "out"
    pairs = [json.loads(x) for x in (out / "pairs.jsonl").read_text().splitlines()]
    found = {frozenset((p["a"]["id"], p["b"]["id"])) for p in pairs}
    assert frozenset(("doc1", "reprint1")) in found
    rel = next(p for p in pairs if {p["a"]["id"], p["b"]["id"]} == {"doc1", "reprint1"})
    assert rel["source"] == "doc1"
    # The shared newsletter footer is same-site boilerplate, not reuse between articles.
    assert not any({p["a"]["id"], p["b"]["id"]} <= {f"doc{i}" for i in range(6)} for p in pairs)
    assert summary["boilerplate_sentences"] >= 1
    for name in ("clusters.jsonl", "sites.csv", "network.graphml", "network.svg"):
        assert (out / name).stat().st_size > 0

    # The run is also kept in the index, for the web service and later reads.
    with Corpus.open(db, create=False) as c:
        clusters = c.clusters()
        on_file = [json.loads(x) for x in (out / "clusters.jsonl").read_text().splitlines()]
        assert [k["id"] for k in clusters] == [k["id"] for k in on_file]
        assert c.clusters(limit=1, offset=len(on_file)) == []
        cid = c.cluster_of("reprint1")
        assert cid is not None
        cluster = c.cluster(cid)
        assert cluster is not None
        assert {m["ext_id"] for m in cluster["members"]} >= {"doc1", "reprint1"}
        doc1 = c.get("doc1")
        assert doc1 is not None
        rels = cluster["relations"]
        assert any(r["source"] == doc1.doc_id for r in rels)
        assert all(r["verdict"] in ("derived", "partially_derived") for r in rels)
        assert c.cluster(10_000) is None
        assert c.cluster_of("doc3") is None
        assert len(c.relations("reprint1")) == 1
        net = c.network()
        assert net is not None and net["svg"].startswith("<svg")
        assert any(
            e["source_site"] == "ledger.example" and e["derived_site"] == "mirror.example"
            for e in net["edges"]
        )
        reprint = next(m for m in cluster["members"] if m["ext_id"] == "reprint1")
        assert reprint["parent"] == "doc1" and reprint["link"] == "derived"
        # The exact duplicate the index recorded is a member of doc0's cluster: a mirror
        # with its own site and date, and a line of pairs.jsonl.
        assert net["summary"]["exact_duplicates"] == 1
        assert net["summary"]["verified_relations"] == len(pairs) - 1
        assert frozenset(("copy0", "doc0")) in found
        mirrored = c.cluster(c.cluster_of("doc0") or 0)
        assert mirrored is not None and mirrored["mirrors"] == 1
        copy = next(m for m in mirrored["members"] if m["ext_id"] == "copy0")
        assert copy["doc_id"] < 0 and copy["site"] == "mirror.example"
        assert copy["link"] == "mirror" and copy["exact_duplicate_of"] == "doc0"
        assert copy["parent"] == "doc0"
        assert any(e["source_site"] == "ledger.example" and e["mirrors"] == 1 for e in net["edges"])
    with Corpus.open(tmp_path / "fresh.db") as c:
        assert c.clusters() == [] and c.network() is None


def _seed_search_corpus(
    tmp_path: Path, seed_paths: tuple[Path, Path]
) -> tuple[Path, str, list[dict[str, object]]]:
    """The seed report among 30 PAN documents, and as query the seed article's reworded
    paragraphs only (no verbatim paragraph, no copied quotes)."""
    source, derived = seed_paths
    others = sorted((PAN / "src").iterdir())[:30] if PAN.exists() else []
    recs: list[dict[str, object]] = [
        {"id": "seed-source", "text": source.read_text(encoding="utf-8"), "date": "2021-06-01"}
    ]
    recs += [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in others]
    paras = derived.read_text(encoding="utf-8").split("\n\n")
    query = "\n\n".join(p for p in paras if "Since June 1981" not in p and "“" not in p)
    return _write_jsonl(tmp_path / "c.jsonl", recs), query, recs


def test_search_finds_paraphrased_derivative_through_the_window_channel(
    tmp_path: Path, seed_paths: tuple[Path, Path]
) -> None:
    f, query, recs = _seed_search_corpus(tmp_path, seed_paths)
    # Lexical candidates switched off and no document embeddings: only the window channel
    # (stored content terms, corpus document frequencies) can propose the source.
    no_lexical = CorpusConfig(min_shared=1000)
    with Corpus.open(tmp_path / "c.db", config=no_lexical) as c:
        c.add([str(f)], embeddings=False)
        assert c.store.count("embeddings") == 0
        assert c.store.count("terms") == len(recs)
        lexical = c.search(document_from_text(query, "q"), semantic=False)
        r = c.search(document_from_text(query, "q"))
    assert not lexical.hits
    assert r.hits and r.hits[0].doc.ext_id == "seed-source"
    assert r.hits[0].window_score is not None and r.hits[0].window_score >= 0.25
    assert r.hits[0].to_json()["window_score"] == round(r.hits[0].window_score, 4)
    assert r.hits[0].direction == "hit_is_source"
    # The semantic stage (on the closest candidates, within a budget) is what finds the
    # reworded paragraphs: without its budget the lexical verdict stands.
    with Corpus.open(tmp_path / "c.db", config=replace(no_lexical, semantic_verify=0)) as c:
        unrefined = c.search(document_from_text(query, "q"))
    reused = r.hits[0].comparison.coverage[1]
    lexical_only = [h for h in unrefined.hits if h.doc.ext_id == "seed-source"]
    assert not lexical_only or lexical_only[0].comparison.coverage[1] < reused


def test_term_frequencies_count_each_document_once(tmp_path: Path) -> None:
    import numpy as np

    from textlineage.text.sketch import content_terms

    texts = ["Owls hunt owls at dusk.", "Owls sleep by day.", "Foxes hunt at night."]
    f = _write_jsonl(tmp_path / "c.jsonl", [{"id": str(i), "text": t} for i, t in enumerate(texts)])
    with Corpus.open(tmp_path / "c.db") as c:
        c.add([str(f)], embeddings=False)
        owl, hunt, fox = (int(content_terms(w)[0]) for w in ("owls", "hunt", "foxes"))
        unseen = int(content_terms("zeppelin")[0])
        assert c.store.term_df(np.array([owl, hunt, fox, unseen, owl])).tolist() == [2, 2, 1, 0, 2]
        assert c.store.terms_documents() == 3
        stored = c.store.terms_of([1])
        assert stored[1].tolist() == content_terms(texts[0]).tolist()
    with Corpus.open(tmp_path / "lexical.db") as c:
        c.add([str(f)], semantic=False)
        assert c.store.count("terms") == 0


def test_an_index_without_terms_gets_them_and_discovery_reads_its_text(
    tmp_path: Path, seed_paths: tuple[Path, Path]
) -> None:
    source, derived = seed_paths
    others = sorted((PAN / "src").iterdir())[:30] if PAN.exists() else []
    paras = derived.read_text(encoding="utf-8").split("\n\n")
    reworded = "\n\n".join(p for p in paras if "Since June 1981" not in p and "“" not in p)
    recs = [
        {"id": "report", "text": source.read_text(encoding="utf-8")},
        {"id": "rewrite", "text": reworded},
    ]
    recs += [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in others]
    f = _write_jsonl(tmp_path / "c.jsonl", recs)
    only_windows = CorpusConfig(min_evidence=1e9)
    db = tmp_path / "old.db"
    with Corpus.open(db, config=only_windows) as c:
        c.add([str(f)], embeddings=False)
        assert c.store.count("terms") == len(recs)
        before = c.discover(tmp_path / "a", workers=1, semantic=True)
    assert before["window_candidate_pairs"] > 0 and before["verified_relations"] > 0
    # An index from before the window channel: no terms tables at all.
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE terms")
    conn.execute("DROP TABLE term_df")
    conn.commit()
    conn.close()
    with Corpus.open(db, config=only_windows) as c:
        assert c.store.has_terms and c.store.count("terms") == 0
        after = c.discover(tmp_path / "b", workers=1, semantic=True)
        # Tables gone while open (as for a file that could not be upgraded): search still
        # answers, without the window channel.
        conn = sqlite3.connect(db)
        conn.execute("DROP TABLE terms")
        conn.commit()
        conn.close()
        assert not c.store.has_terms
        r = c.search(document_from_text(reworded, "q"))
        assert all(h.window_score is None for h in r.hits)
    assert after["window_candidate_pairs"] == before["window_candidate_pairs"]
    assert (tmp_path / "a" / "pairs.jsonl").read_text() == (
        tmp_path / "b" / "pairs.jsonl"
    ).read_text()


def test_search_finds_paraphrased_derivative_semantically(
    tmp_path: Path, seed_paths: tuple[Path, Path]
) -> None:
    f, query, _ = _seed_search_corpus(tmp_path, seed_paths)
    # Lexical candidates switched off: the semantic index alone must find the source.
    no_lexical = CorpusConfig(min_shared=1000)
    with Corpus.open(tmp_path / "c.db", config=no_lexical) as c:
        c.add([str(f)], embeddings=True)
        lexical = c.search(document_from_text(query, "q"), semantic=False)
        r = c.search(document_from_text(query, "q"), semantic=True)
    assert not lexical.hits
    assert r.hits and r.hits[0].doc.ext_id == "seed-source"
    assert r.hits[0].direction == "hit_is_source"
    assert r.hits[0].semantic_similarity is not None


def test_document_vectors_come_from_the_static_model_and_old_ones_are_left_aside(
    tmp_path: Path, seed_paths: tuple[Path, Path]
) -> None:
    f, query, _ = _seed_search_corpus(tmp_path, seed_paths)
    with Corpus.open(tmp_path / "c.db") as c:
        c.add([str(f)], embeddings=True)
        assert c.store.get_meta("embedding_model") == StaticEmbedder.name
        _ids, mat = c.store.embeddings()
        assert mat.shape == (c.store.count("documents"), StaticEmbedder.dim)
        assert c.embeddings_usable()
        # An index whose vectors another model made (as before this version: no name).
        c.store.set_meta("embedding_model", "all-MiniLM-L6-v2")
        assert not c.embeddings_usable()
        r = c.search(document_from_text(query, "q"))
        assert all(h.semantic_similarity is None for h in r.hits)
        with pytest.raises(IndexFileError, match="another model"):
            c.add([str(f)], embeddings=True)
        c.add([str(f)])  # without asking for vectors: fine, and none are added


def test_static_document_vectors_depend_on_the_text_alone() -> None:
    model = StaticEmbedder()
    texts = ["Protesters gathered in the capital on Friday.", "", "A recipe for bread."]
    one = np.stack([model.encode([t])[0] for t in texts])
    batch = model.encode(texts[::-1])[::-1]
    assert np.array_equal(one, batch)
    assert not one[1].any()
    assert abs(float(np.linalg.norm(one[0])) - 1.0) < 1e-5
    near = model.encode(["Demonstrators assembled in the capital city on Friday."])[0]
    assert float(one[0] @ near) > float(one[2] @ near)


def test_discover_finds_a_rewrite_through_the_window_channel(
    tmp_path: Path, seed_paths: tuple[Path, Path]
) -> None:
    source, derived = seed_paths
    others = sorted((PAN / "src").iterdir())[:30] if PAN.exists() else []
    paras = derived.read_text(encoding="utf-8").split("\n\n")
    reworded = "\n\n".join(p for p in paras if "Since June 1981" not in p and "“" not in p)
    recs = [
        {"id": "report", "text": source.read_text(encoding="utf-8"), "date": "2021-06-01"},
        {"id": "rewrite", "text": reworded, "date": "2021-06-20"},
    ]
    recs += [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in others]
    f = _write_jsonl(tmp_path / "c.jsonl", recs)
    # No fingerprint evidence is enough: only the window channel can make candidates.
    no_lexical = CorpusConfig(min_evidence=1e9)
    with Corpus.open(tmp_path / "c.db", config=no_lexical) as c:
        c.add([str(f)])
        lexical = c.discover(tmp_path / "lex", workers=1, semantic=False)
        found = c.discover(tmp_path / "sem", workers=1)
    assert lexical["verified_relations"] == 0 and lexical["semantic"] is False
    assert found["semantic"] is True and found["window_candidate_pairs"] >= 1
    pairs = [json.loads(x) for x in (tmp_path / "sem" / "pairs.jsonl").read_text().splitlines()]
    ids = {frozenset((p["a"]["id"], p["b"]["id"])): p for p in pairs}
    hit = ids[frozenset(("report", "rewrite"))]
    assert hit["source"] == "report"
    assert any(x["kind"] in ("paraphrase", "compression") for x in hit["passages"])


def test_discovery_does_not_depend_on_insertion_order(
    tmp_path: Path, seed_paths: tuple[Path, Path]
) -> None:
    source, derived = seed_paths
    others = sorted((PAN / "src").iterdir())[:40] if PAN.exists() else []
    recs = [
        {"id": "report", "text": source.read_text(encoding="utf-8"), "date": "2021-06-01"},
        {"id": "article", "text": derived.read_text(encoding="utf-8"), "date": "2021-06-20"},
    ]
    recs += [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in others]

    def run(name: str, records: list[dict[str, object]]) -> set[tuple[object, ...]]:
        f = _write_jsonl(tmp_path / f"{name}.jsonl", records)
        with Corpus.open(tmp_path / f"{name}.db") as c:
            c.add([str(f)])
            c.discover(tmp_path / name, workers=1)
        lines = (tmp_path / name / "pairs.jsonl").read_text(encoding="utf-8").splitlines()
        out = set()
        for line in lines:
            p = json.loads(line)
            a, b = sorted((p["a"]["id"], p["b"]["id"]))
            out.add((a, b, p["verdict"], p["source"]))
        return out

    forward = run("forward", recs)
    assert ("article", "report", "derived", "report") in forward
    assert run("backward", recs[::-1]) == forward


def test_window_ties_break_by_external_id_and_same_site_pairs_stand(tmp_path: Path) -> None:
    from textlineage.corpus.discover import DocInfo, _stored_terms, window_pairs
    from textlineage.text.sketch import content_terms

    if not PAN.exists():
        pytest.skip("../shared/data/pan13-train not present")
    files = sorted((PAN / "src").iterdir())[:4]
    body = " ".join(p.read_text(encoding="utf-8") for p in files[:2])
    other = " ".join(p.read_text(encoding="utf-8") for p in files[2:])
    half = body[: len(body) // 2]
    # w, y1 and y2 hold the same content terms (they differ in stop words only), so x's
    # best partner is a three-way tie, and w's a tie between y1 and y2.
    recs = [
        {"id": "x", "site": "x.example", "text": half + "\n\n" + other},
        {"id": "w", "site": "w.example", "text": body + " And so it was."},
        {"id": "y1", "site": "y.example", "text": body},
        {"id": "y2", "site": "y.example", "text": "And " + body},
    ]
    assert len({tuple(content_terms(str(r["text"]))) for r in recs[1:]}) == 1
    cfg = replace(CorpusConfig(), windows=replace(CorpusConfig().windows, top_k=1))

    def selected(name: str, records: list[dict[str, object]]) -> set[tuple[str, str]]:
        f = _write_jsonl(tmp_path / f"{name}.jsonl", records)
        with Corpus.open(tmp_path / f"{name}.db", config=cfg) as c:
            c.add([str(f)])
            infos = {
                int(d): DocInfo(int(d), e, s, "", "", "", 0)
                for d, e, s in c.store.iter_documents("doc_id, ext_id, site")
            }
            ext = {d: i.ext_id for d, i in infos.items()}
            by_ext = {i.ext_id: d for d, i in infos.items()}
            y1, y2 = sorted((by_ext["y1"], by_ext["y2"]))
            # Two pages of one site share little (evidence below min_evidence_alone) and
            # windows never score them: the fingerprints alone decide.
            window, _, unconfirmed = window_pairs(
                _stored_terms(c.store, infos), c.config, infos, {(y1, y2): 1.5}
            )
        assert not unconfirmed
        return {tuple(sorted((ext[a], ext[b]))) for a, b in window}  # type: ignore[misc]

    expected = {("w", "x"), ("w", "y1"), ("w", "y2")}
    assert selected("forward", recs) == expected
    assert selected("backward", recs[::-1]) == expected
