"""Translated reuse in the corpus (issue 10): documents' languages in the index, multilingual
lead vectors (``index add --multilingual``), search's and discovery's multilingual channel.

Real SQLite files, the real models (CLD2, multilingual-e5-small) and the news items written
for these tests (tests/data/crosslingual/corpus, see its README): Spanish, French and
Persian originals with English translations, and unrelated texts.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conftest import cli_path
from textlineage.corpus.config import CorpusConfig
from textlineage.corpus.index import Corpus
from textlineage.corpus.multilingual import (
    crosslingual_pairs,
    languages_and_leads,
    lead_span,
    query_chunks,
)
from textlineage.embed_multi import available as model_available
from textlineage.embed_multi import default_multilingual_embedder
from textlineage.ingest import read_document
from textlineage.text import language
from textlineage.text.segment import split_sentences

DATA = Path(__file__).parent / "data" / "crosslingual" / "corpus"

pytestmark = pytest.mark.skipif(
    not (model_available() and language.available()), reason="semantic extra not installed"
)

TRANSLATIONS = {"port_strike_en": "port_strike_es", "wildfire_en": "wildfire_fr"}
TRANSLATIONS["earthquake_en"] = "earthquake_fa"
QUERIES = ("port_strike_en", "earthquake_en", "roundup_en")
"""English texts that search looks up in an index of the others."""


def _records(names: list[str]) -> list[dict[str, str]]:
    """Each text as an ``index add`` record: originals dated the day before the English
    texts, each language on its own site."""
    out = []
    for name in sorted(names):
        lang = name.rsplit("_", 1)[1]
        translated = name in TRANSLATIONS or name == "roundup_en"
        out.append(
            {
                "id": name,
                "text": (DATA / f"{name}.txt").read_text(encoding="utf-8"),
                "site": f"news-{lang}.example",
                "date": "2024-03-05" if translated else "2024-03-04",
            }
        )
    return out


def _jsonl(path: Path, names: list[str]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(names)),
        encoding="utf-8",
    )
    return path


ALL = sorted(p.stem for p in DATA.glob("*.txt"))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("multilingual")


@pytest.fixture(scope="module")
def search_index(work: Path) -> Path:
    """Every text but the English ones searched for, with multilingual vectors."""
    db = work / "search.db"
    with Corpus.open(db) as c:
        s = c.add(
            [str(_jsonl(work / "search.jsonl", [n for n in ALL if n not in QUERIES]))],
            multilingual=True,
        )
        assert s.added == s.multilingual == len(ALL) - len(QUERIES)
    return db


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [cli_path(), *args], capture_output=True, text=True, check=False, env=dict(os.environ)
    )


@pytest.fixture(scope="module")
def full(work: Path) -> dict[str, Any]:
    """Every text indexed through the CLI with --multilingual (two workers) and
    discovered; and the same without --multilingual."""
    records = _jsonl(work / "all.jsonl", ALL)
    out: dict[str, Any] = {"records": records}
    for name, extra in (("multi", ["--multilingual", "-j", "2"]), ("plain", [])):
        db = work / f"{name}.db"
        r = _cli("index", "add", str(db), str(records), "--format", "json", *extra)
        assert r.returncode == 0, r.stderr
        out[f"{name}_add"] = json.loads(r.stdout)
        r = _cli("discover", str(db), "--out", str(work / f"{name}-out"), "-j", "1")
        assert r.returncode == 0, r.stderr
        out[f"{name}_summary"] = json.loads(r.stdout)
        out[name] = db
        out[f"{name}_out"] = work / f"{name}-out"
    return out


def _pairs(out: Path) -> dict[tuple[str, str], dict[str, Any]]:
    lines = (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()
    recs = [json.loads(line) for line in lines]
    return {tuple(sorted((r["a"]["id"], r["b"]["id"]))): r for r in recs}  # type: ignore[misc]


# --- leads, chunks and the pair kernel ----------------------------------------------------


def test_lead_ends_at_a_sentence_end() -> None:
    text = (DATA / "port_strike_es.txt").read_text(encoding="utf-8")
    sentences = split_sentences(text)
    span = lead_span(text, sentences, 1000)
    assert span is not None
    start, end = span
    assert start == 0 and 500 < end <= 1000
    assert end in {s.end for s in sentences}
    # A first sentence longer than the lead is cut at a space.
    long = "palabra " * 300
    cut = lead_span(long, split_sentences(long), 1000)
    assert cut is not None and cut[1] <= 1000 and long[cut[1]] == " "
    assert lead_span("", [], 1000) is None


def test_query_chunks_group_sentences_and_tell_their_language() -> None:
    text = (DATA / "roundup_en.txt").read_text(encoding="utf-8")
    chunks = query_chunks(text, 1000, limit=8)
    assert len(chunks) == 2
    assert all(c.end - c.start <= 1000 and c.language == "en" for c in chunks)
    assert chunks[0].start == 0 and chunks[1].start > chunks[0].end
    claim = "El ministerio informó el martes que treinta mil personas fueron evacuadas."
    assert [(c.start, c.end, c.language) for c in query_chunks(claim, 1000, 8)] == [
        (0, len(claim), "es")
    ]
    assert len(query_chunks(text, 300, limit=2)) == 2


def test_pairs_join_only_other_languages_nearest_first() -> None:
    rng = np.random.default_rng(0)
    base = rng.normal(size=(3, 16))
    noise = rng.normal(size=(7, 16)) * 0.05
    # 0 en / 1 es: one story; 2 en / 3 fr: another; 4 es close to 2 but less than 3;
    # 5 en a near copy of 0 (same language: not this channel's); 6 und.
    rows = np.stack(
        [base[0], base[0], base[1], base[1], base[1] * 0.7 + base[2] * 0.7, base[0], base[0]]
    )
    mat = rows + noise
    mat /= np.linalg.norm(mat, axis=1, keepdims=True)
    ids = np.array([10, 11, 12, 13, 14, 15, 16])
    langs = ["en", "es", "en", "fr", "es", "en", "und"]
    pairs = crosslingual_pairs(ids, langs, mat.astype(np.float32), neighbours=1, min_cos=0.5)
    assert (10, 11) in pairs and (12, 13) in pairs
    assert (10, 15) not in pairs and not any(16 in p for p in pairs)
    assert all(langs[a - 10] != langs[b - 10] for a, b in pairs)
    # The same pairs whatever the order of the documents.
    order = rng.permutation(len(ids))
    again = crosslingual_pairs(
        ids[order], [langs[i] for i in order], mat[order].astype(np.float32), 1, 0.5
    )
    assert again.keys() == pairs.keys()
    assert crosslingual_pairs(ids, langs, mat.astype(np.float32), 1, 0.9999) == {}


def test_mutual_nearest_leads_are_candidates_from_a_lower_cosine() -> None:
    def unit(*v: float) -> np.ndarray:
        a = np.array(v, dtype=np.float32)
        return a / np.linalg.norm(a)

    x = unit(1, 0, 0)  # en
    y = unit(0.82, np.sqrt(1 - 0.82**2), 0)  # es: x's nearest, and x is y's (cos 0.82)
    z = unit(0.3, -0.2, 0.93)  # es, far from x
    v = unit(0.75, 0.3, -0.58)  # en: its nearest es is y, but y's nearest en is x
    ids, langs, mat = np.array([1, 2, 3, 4]), ["en", "es", "es", "en"], np.stack([x, y, z, v])
    assert float(v @ y) > float(v @ z) and float(x @ y) > float(v @ y) > 0.5
    assert crosslingual_pairs(ids, langs, mat, 3, 0.84) == {}
    mutual = crosslingual_pairs(ids, langs, mat, 3, 0.84, float(v @ y) - 0.01)
    assert list(mutual) == [(1, 2)] and abs(mutual[(1, 2)] - 0.82) < 1e-5


def test_control_white_space_does_not_break_language_identification() -> None:
    text = "The minister said on Tuesday that \x85we would need more time\x85 to decide."
    assert language.detect(text) == "en"


# --- ingest -------------------------------------------------------------------------------


def test_vectors_are_the_same_whatever_the_batch_and_process_split(tmp_path: Path) -> None:
    names = ["earthquake_fa", "metro_es", "port_strike_es", "wildfire_fr", "cup_final_en"]
    records = str(_jsonl(tmp_path / "few.jsonl", names))
    stored = []
    for workers, batch in ((1, 2), (2, 3)):
        cfg = CorpusConfig(batch_size=batch)
        with Corpus.open(tmp_path / f"w{workers}.db", config=cfg) as c:
            c.add([records], multilingual=True, workers=workers)
            stored.append(
                c.store.conn.execute(
                    "SELECT d.ext_id, m.language, m.vec FROM multilingual m "
                    "JOIN documents d USING (doc_id) ORDER BY 1"
                ).fetchall()
            )
    assert stored[0] == stored[1] and len(stored[0]) == len(names)
    texts = [r["text"] for r in _records(names)]
    langs, vecs = languages_and_leads(texts, 1000)
    assert [(n, lang) for n, lang, _ in stored[0]] == list(zip(sorted(names), langs, strict=True))
    for (_, _, blob), v in zip(stored[0], vecs, strict=True):
        assert v is not None and blob == v.astype(np.float16).tobytes()


def test_language_stored_counted_and_shown(full: dict[str, Any]) -> None:
    for name in ("multi", "plain"):
        r = _cli("stats", str(full[name]), "--format", "json")
        st = json.loads(r.stdout)
        assert {k: v["documents"] for k, v in st["languages"].items()} == {
            "en": 7,
            "es": 3,
            "fa": 1,
            "fr": 2,
        }
        vectors = st["multilingual_vectors"]
        assert vectors == (13 if name == "multi" else 0)
        assert sum(v["multilingual_vectors"] for v in st["languages"].values()) == vectors
    assert full["multi_add"]["multilingual"] == 13 and full["plain_add"]["multilingual"] == 0
    r = _cli("show", str(full["plain"]), "earthquake_fa", "--format", "json")
    assert json.loads(r.stdout)["language"] == "fa"


def test_an_index_from_before_languages_opens_and_grows(tmp_path: Path) -> None:
    """An index made before the language column and tables keeps working: opened, it gets
    them; its older documents have language ""; a read-only copy is read as it is."""
    db = tmp_path / "old.db"
    with Corpus.open(db) as c:
        c.add([str(_jsonl(tmp_path / "a.jsonl", ["metro_es"]))])
    conn = sqlite3.connect(db)  # as an earlier version left it
    conn.executescript(
        "ALTER TABLE documents DROP COLUMN language; DROP TABLE languages; DROP TABLE multilingual;"
    )
    conn.close()
    ro = tmp_path / "ro.db"
    ro.write_bytes(db.read_bytes())
    ro.chmod(stat.S_IRUSR)
    with Corpus.open(db) as c:
        assert c.store.has_languages
        assert c.get("metro_es").language == ""  # type: ignore[union-attr]
        c.add([str(_jsonl(tmp_path / "b.jsonl", ["harvest_fr"]))], multilingual=True)
        assert c.get("harvest_fr").language == "fr"  # type: ignore[union-attr]
        assert c.stats()["languages"] == {"fr": {"documents": 1, "multilingual_vectors": 1}}
    if os.access(ro, os.W_OK):
        return  # root writes read-only files: that part cannot be checked here
    with Corpus.open(ro, create=False) as c:
        assert not c.store.has_languages
        assert c.get("metro_es").language == ""  # type: ignore[union-attr]
        assert c.stats()["languages"] == {}
        hits = c.search(read_document(str(DATA / "metro_es.txt"))).hits
        assert [h.doc.ext_id for h in hits] == ["metro_es"]


# --- search -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "original"),
    [("port_strike_en", "port_strike_es"), ("earthquake_en", "earthquake_fa")],
)
def test_search_finds_the_translated_original_on_top(
    search_index: Path, query: str, original: str
) -> None:
    with Corpus.open(search_index, create=False) as c:
        res = c.search(read_document(str(DATA / f"{query}.txt")))
    j = res.to_json()
    assert j["query"]["language"] == "en"
    top = j["hits"][0]
    assert top["doc"]["id"] == original
    assert top["doc"]["language"] == original.rsplit("_", 1)[1]
    assert top["multilingual_similarity"] >= CorpusConfig().multilingual_min
    assert top["verdict"] == "derived"
    kinds = [p["kind"] for p in top["comparison"]["passages"]]
    assert kinds.count("translation") >= 4
    assert top["coverage"]["query"] > 0.8


def test_search_reports_show_the_languages(search_index: Path, tmp_path: Path) -> None:
    query = str(DATA / "earthquake_en.txt")
    text = _cli("search", str(search_index), query, "--top", "1")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0].endswith(", en") and lines[3].startswith("1. earthquake_fa")
    assert lines[3].endswith(" · fa") and "[translation]" in text.stdout
    page = tmp_path / "hits.html"
    html = _cli("search", str(search_index), query, "--format", "html", "-o", str(page))
    assert html.returncode == 0, html.stderr
    assert "[fa]" in page.read_text(encoding="utf-8")


def test_search_finds_a_translation_after_the_query_lead(search_index: Path) -> None:
    """The round-up translates the metro item in its second chunk: only that chunk's vector
    is near the item's lead."""
    with Corpus.open(search_index, create=False) as c:
        res = c.search(read_document(str(DATA / "roundup_en.txt")))
    hits = {h.doc.ext_id: h for h in res.hits}
    assert "metro_es" in hits
    assert hits["metro_es"].multilingual_similarity is not None
    assert any(p.kind == "translation" for p in hits["metro_es"].comparison.passages)


def test_a_one_language_search_encodes_nothing(search_index: Path, tmp_path: Path) -> None:
    """An English query against an index whose multilingual vectors are all English, and
    any query against an index without them, never load the multilingual model."""
    english = ["chip_plant_en", "cup_final_en", "wildfire_california_en"]
    query = read_document(str(DATA / "wildfire_en.txt"))
    for multilingual in (True, False):
        db = tmp_path / f"en-{multilingual}.db"
        with Corpus.open(db) as c:
            c.add([str(_jsonl(tmp_path / "en.jsonl", english))], multilingual=multilingual)
            default_multilingual_embedder.cache_clear()
            res = c.search(query)
            assert default_multilingual_embedder.cache_info().currsize == 0
            assert all(h.multilingual_similarity is None for h in res.hits)


# --- discovery ----------------------------------------------------------------------------


def test_discover_links_translations_with_direction(full: dict[str, Any]) -> None:
    pairs = _pairs(full["multi_out"])
    for derived, original in TRANSLATIONS.items():
        p = pairs[tuple(sorted((derived, original)))]  # type: ignore[index]
        assert p["source"] == original
        assert {p["a"]["language"], p["b"]["language"]} == {"en", original.rsplit("_", 1)[1]}
        assert sum(1 for x in p["passages"] if x["kind"] == "translation") >= 4
    clusters = [
        json.loads(line) for line in (full["multi_out"] / "clusters.jsonl").read_text().splitlines()
    ]
    for derived, original in TRANSLATIONS.items():
        (c,) = [c for c in clusters if derived in {m["ext_id"] for m in c["members"]}]
        assert c["origin"]["ext_id"] == original
        roles = {m["ext_id"]: (m["role"], m["language"]) for m in c["members"]}
        assert roles[derived] == ("derived", "en")
    timeline = (full["multi_out"] / "timeline.csv").read_text()
    assert "2024-03," in timeline
    assert full["multi_summary"]["multilingual_candidate_pairs"] >= 1


def test_without_multilingual_discovery_is_the_other_channels(full: dict[str, Any]) -> None:
    """The multilingual channel only adds candidates: the index without it finds a subset,
    each pair verified the same."""
    multi, plain = _pairs(full["multi_out"]), _pairs(full["plain_out"])
    assert plain.keys() < multi.keys()
    for key, rec in plain.items():
        assert rec == multi[key]
    summary = full["plain_summary"]
    assert summary["multilingual_candidate_pairs"] == 0
    assert (
        summary["candidate_pairs"] + full["multi_summary"]["multilingual_candidate_pairs"]
        == full["multi_summary"]["candidate_pairs"]
    )


def test_spark_engine_gives_the_local_answer(full: dict[str, Any], work: Path) -> None:
    pytest.importorskip("pyspark")
    from textlineage.engines.spark import discover_spark, session

    spark = session("local[1]")
    try:
        discover_spark([str(full["records"])], work / "spark", spark=spark, multilingual=True)
    finally:
        spark.stop()
    assert _pairs(work / "spark") == _pairs(full["multi_out"])
    for name in ("clusters.jsonl", "timeline.csv", "sites.csv"):
        assert (work / "spark" / name).read_text() == (full["multi_out"] / name).read_text()
