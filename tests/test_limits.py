"""One document size limit everywhere (``compare``, ``search``, ``index add``, the records
of ``Corpus.add``, ``serve``, the Spark engine's reader), refused or skipped in one line,
and stated once in the README."""

from __future__ import annotations

import inspect
import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import cli_path
from textlineage.corpus.index import Corpus
from textlineage.ingest import DEFAULT_MAX_BYTES, Record, format_size
from textlineage.ingest.records import FieldMap, RecordError, jsonl_record

ROOT = Path(__file__).resolve().parents[1]
LIMIT = format_size(DEFAULT_MAX_BYTES)
SENTENCE = "The river rose by three metres overnight and flooded the lower town again. "


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli_path(), *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A text file one byte over the limit (sparse beyond its first lines: the readers
    refuse it by its size before reading it)."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    with open(path, "wb") as fh:
        fh.write(SENTENCE.encode() * 100)
        fh.truncate(DEFAULT_MAX_BYTES + 1)
    return path


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    (tmp_path / "small.txt").write_text(SENTENCE * 3, encoding="utf-8")
    return tmp_path / "small.txt"


def _over(line: str) -> None:
    assert f"over the {LIMIT} limit of one document (split it into parts)" in line, line


def test_the_limit_is_five_megabytes() -> None:
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024 and LIMIT == "5 MB"


def test_compare_refuses_a_document_over_the_limit(big: Path, small: Path) -> None:
    p = run("compare", str(big), str(small), "--no-semantic")
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "Traceback" not in p.stderr
    assert f"{big}: document is 5 MB" in p.stderr
    _over(p.stderr)


def test_stdin_over_the_limit_is_refused(small: Path) -> None:
    data = (SENTENCE * (DEFAULT_MAX_BYTES // len(SENTENCE) + 2)).encode()
    p = subprocess.run(
        [cli_path(), "compare", "-", str(small), "--no-semantic"],
        input=data,
        capture_output=True,
        timeout=600,
    )
    assert p.returncode == 2
    _over(p.stderr.decode())


def test_search_refuses_a_query_over_the_limit(tmp_path: Path, big: Path, small: Path) -> None:
    db = tmp_path / "c.db"
    assert run("index", "add", str(db), str(small), "-j", "1").returncode == 0
    p = run("search", str(db), str(big), "--no-semantic")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    _over(p.stderr)


def test_index_add_skips_and_counts_documents_over_the_limit(
    tmp_path: Path, big: Path, small: Path
) -> None:
    text = SENTENCE * (DEFAULT_MAX_BYTES // len(SENTENCE) + 2)
    (tmp_path / "long.jsonl").write_text(json.dumps({"id": "l", "text": text}) + "\n")
    (tmp_path / "long.csv").write_text(f"id,text\nlong,{text}\n", encoding="utf-8")
    db = tmp_path / "c.db"
    inputs = [str(big), str(tmp_path / "long.jsonl"), str(tmp_path / "long.csv")]
    p = run("index", "add", str(db), *inputs, "--format", "json", "-j", "1")
    assert p.returncode == 1  # nothing added, and why is in the summary
    summary = json.loads(p.stdout)
    assert summary["added"] == 0 and summary["skipped"] == 3
    for reason in summary["skipped_reasons"]:
        _over(reason["problem"])
    p = run("index", "add", str(db), str(small), *inputs, "--format", "json", "-j", "1")
    assert p.returncode == 0 and json.loads(p.stdout)["added"] == 1


def test_records_given_to_corpus_add_are_held_to_the_limit(tmp_path: Path) -> None:
    records = [
        Record("ok", SENTENCE * 3, {}, "mine:1"),
        Record("long", "é" * (DEFAULT_MAX_BYTES // 2 + 1), {}, "mine:2"),  # 2 bytes each
        Record("bad", "lone \udcff surrogate", {}, "mine:3"),
    ]
    with Corpus.open(tmp_path / "c.db") as corpus:
        summary = corpus.add(records, workers=1, semantic=False)
    assert summary.added == 1
    assert [o for o, _ in summary.skipped] == ["mine:2", "mine:3"]
    _over(summary.skipped[0][1])
    assert "not valid Unicode" in summary.skipped[1][1]


def test_the_spark_reader_and_the_service_use_the_same_limit() -> None:
    from textlineage.engines.spark import discover_spark
    from textlineage.web import ServiceConfig

    assert inspect.signature(discover_spark).parameters["max_bytes"].default == DEFAULT_MAX_BYTES
    assert ServiceConfig().max_document_bytes == DEFAULT_MAX_BYTES
    raw = json.dumps({"id": "x", "text": "a" * (DEFAULT_MAX_BYTES + 1)}).encode()
    got = jsonl_record(raw, "in.jsonl:1", "in.jsonl", FieldMap(), DEFAULT_MAX_BYTES)
    assert isinstance(got, RecordError)
    _over(got.problem)
    p = run("serve", "--help")
    assert f"{LIMIT}; see Limits in the README" in " ".join(p.stdout.split())


def test_the_readme_states_every_limit_in_one_section() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", readme, flags=re.M)
    limits = [s for s in sections if s.startswith("Limits")]
    assert len(limits) == 1
    text = limits[0]
    for what in ("Document size", "Comparison size", "Request size"):
        assert what in text, what
    assert LIMIT in text and "25,000,000" in text


@pytest.fixture(scope="module")
def long_text() -> str:
    """6,000 short sentences: two such documents make 36 million sentence pairs, over the
    limit of one comparison."""
    words = ("river", "town", "council", "budget", "school", "road", "crew", "mill")
    words += ("water", "night", "storm", "bridge")
    return " ".join(
        f"{words[i % 12].capitalize()} {words[i * 7 % 12]} {words[i * 5 % 11]} number {i}."
        for i in range(6000)
    )


def test_a_pair_over_the_comparison_limit_is_left_unverified_not_fatal(
    tmp_path: Path, long_text: str
) -> None:
    (tmp_path / "a.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(long_text + " And one more line.", encoding="utf-8")
    p = run("compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--no-semantic")
    assert p.returncode == 2
    assert "too large to compare (6,000 x 6,000 sentence pairs exceed the limit of 25,000,000" in (
        p.stderr
    )
    db = tmp_path / "c.db"
    add = run("index", "add", str(db), str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-j", "1")
    assert add.returncode == 0, add.stderr
    found = run("search", str(db), str(tmp_path / "a.txt"), "--no-semantic", "--format", "json")
    assert found.returncode == 0, found.stderr
    assert "left unverified: 6,000 x 6,000 sentence pairs exceed" in found.stderr
    found_hits = json.loads(found.stdout)["hits"]
    assert found_hits == []
    out = tmp_path / "out"
    disc = run("discover", str(db), "--out", str(out), "-j", "1", "--no-semantic")
    assert disc.returncode == 0, disc.stderr
    assert "left unverified" in disc.stderr
    assert json.loads(disc.stdout)["documents"] == 2
