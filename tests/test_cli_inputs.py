"""Hostile inputs through the real command line: file names that are not UTF-8, named
pipes, damaged UTF-8, inputs that hold nothing, numbers where text belongs. Each gives a
visible, counted outcome; none a traceback, a hang or a silent exit 0."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import cli_path

TEXT_A = (
    "The river rose by three metres overnight, flooding the lower town and forcing two "
    "hundred residents to leave their homes before dawn on Wednesday.\n"
)
TEXT_B = (
    "Emergency crews worked through the night to reinforce the embankments near the old "
    "mill, officials said, while volunteers filled sandbags in the square.\n"
)


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """The CLI with bytes arguments and output (names that are not UTF-8 survive)."""
    return subprocess.run([cli_path(), *args], capture_output=True, timeout=timeout)


def one_line(p: subprocess.CompletedProcess[bytes]) -> str:
    err = p.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    return lines[0]


# --------------------------------------------------------------------------- names


@pytest.fixture()
def latin1_name(tmp_path: Path) -> Path:
    """A directory holding a text file whose name is Latin-1 bytes (not UTF-8)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9.txt"
    try:
        with open(raw, "wb") as fh:
            fh.write(TEXT_A.encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (folder / "plain.txt").write_text(TEXT_B, encoding="utf-8")
    return Path(os.fsdecode(raw))


def test_index_add_reads_a_name_that_is_not_utf8(tmp_path: Path, latin1_name: Path) -> None:
    db = tmp_path / "c.db"
    p = run("index", "add", str(db), str(latin1_name.parent), "--format", "json", "-j", "1")
    assert p.returncode == 0, p.stderr.decode()
    summary = json.loads(p.stdout)
    assert (summary["added"], summary["skipped"]) == (2, 0)
    shown = run("show", str(db), str(latin1_name.parent / "caf\\xe9.txt"), "--format", "json")
    assert shown.returncode == 0, shown.stderr.decode()
    doc = json.loads(shown.stdout.decode("utf-8"))
    assert doc["id"].endswith("/caf\\xe9.txt") and doc["text"] == TEXT_A


def test_compare_json_on_a_name_that_is_not_utf8_is_valid_utf8(latin1_name: Path) -> None:
    p = run(
        "compare",
        os.fsencode(latin1_name).decode("latin-1") and str(latin1_name),
        str(latin1_name.parent / "plain.txt"),
        "--format",
        "json",
        "--no-semantic",
    )
    assert p.returncode == 0, p.stderr.decode()
    report = json.loads(p.stdout.decode("utf-8"))  # strict: invalid UTF-8 raises
    ids = [d["id"] for d in report["documents"]]
    assert ids[0].endswith("/caf\\xe9.txt")


def test_missing_name_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/gone\xff\x1b[31m.txt")
    p = run("compare", missing, missing, "--no-semantic")
    assert p.returncode == 2
    line = one_line(p)
    assert "gone\\xff\\x1b[31m.txt: no such file" in line  # the escape is shown, not sent


# --------------------------------------------------------------------------- pipes


@pytest.fixture()
def fifo_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    try:
        os.mkfifo(folder / "pipe.txt")
        os.mkfifo(folder / "pipe.jsonl")
    except (AttributeError, OSError):
        pytest.skip("no named pipes here")
    return folder


def test_index_add_skips_named_pipes_in_a_directory(tmp_path: Path, fifo_dir: Path) -> None:
    p = run(
        "index",
        "add",
        str(tmp_path / "c.db"),
        str(fifo_dir),
        "--format",
        "json",
        "-j",
        "1",
        timeout=60,
    )
    assert p.returncode == 0, p.stderr.decode()
    summary = json.loads(p.stdout)
    assert summary["added"] == 1 and summary["skipped"] == 2
    problems = {r["problem"] for r in summary["skipped_reasons"]}
    assert problems == {"is a named pipe (FIFO), not a regular file"}


def test_compare_refuses_a_named_pipe_in_one_line(fifo_dir: Path) -> None:
    p = run(
        "compare", str(fifo_dir / "pipe.txt"), str(fifo_dir / "a.txt"), "--no-semantic", timeout=60
    )
    assert p.returncode == 2
    line = one_line(p)
    assert "pipe.txt: is a named pipe (FIFO), not a regular file" in line and "give -" in line


def test_compare_refuses_a_device(tmp_path: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    p = run("compare", "/dev/zero", str(tmp_path / "a.txt"), "--no-semantic", timeout=60)
    assert p.returncode == 2
    assert "/dev/zero: is a character device, not a regular file" in one_line(p)


# --------------------------------------------------------------------------- damaged UTF-8


def test_mostly_utf8_text_is_read_as_utf8_with_a_warning(tmp_path: Path) -> None:
    sentence = "It’s the river — the ‘old’ one — that rose at the café, “again”. "
    good = (sentence * 12).encode("utf-8")
    # Five invalid bytes: a stray Latin-1 é, a cp1252 quote, a lone continuation byte...
    damaged = good[:40] + b"\xe9" + good[40:300] + b"\x93" + good[300:] + b"\x80\xff\xfe"
    (tmp_path / "damaged.txt").write_bytes(damaged)
    (tmp_path / "clean.txt").write_bytes(good)
    p = run(
        "compare",
        str(tmp_path / "damaged.txt"),
        str(tmp_path / "clean.txt"),
        "--format",
        "json",
        "--no-semantic",
    )
    assert p.returncode == 0
    report = json.loads(p.stdout.decode("utf-8"))
    text = report["documents"][0]["text"]
    assert report["documents"][0]["meta"]["encoding"] == "utf-8"
    assert text.count("’") >= 20 and text.count("—") >= 20 and "café" in text
    assert text.count("\ufffd") == 5
    assert "5 invalid bytes replaced" in p.stderr.decode()


def test_a_legacy_file_is_still_read_in_its_encoding(tmp_path: Path) -> None:
    text = "Le café de la gare a fermé ses portes après quarante-deux années. " * 5
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="utf-8")
    p = run(
        "compare",
        str(tmp_path / "legacy.txt"),
        str(tmp_path / "b.txt"),
        "--format",
        "json",
        "--no-semantic",
    )
    assert p.returncode == 0, p.stderr.decode()
    doc = json.loads(p.stdout.decode("utf-8"))["documents"][0]
    assert doc["text"] == text and doc["meta"]["encoding"] == "cp1252"


# --------------------------------------------------------------------------- nothing read


def _summary(p: subprocess.CompletedProcess[bytes]) -> dict[str, object]:
    assert "Traceback" not in p.stderr.decode()
    out: dict[str, object] = json.loads(p.stdout)
    return out


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("garbage.warc", os.urandom(3000), "corrupt WARC"),
        ("empty.warc", b"", "no WARC records"),
        ("text.warc.gz", gzip.compress(b"just some words, not an archive\n"), "no WARC records"),
        (
            "info.warc",
            b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            b"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Length: 0\r\n\r\n\r\n\r\n",
            "no web page in the archive (1 WARC record",
        ),
        ("empty.jsonl", b"\n\n", "no records"),
        ("header.csv", b"id,text\n", "no records"),
        ("number.jsonl", b'{"id": "n1", "text": 123}\n', "field 'text' holds a number"),
    ],
)
def test_an_input_that_gives_nothing_is_counted_and_fails(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    (tmp_path / name).write_bytes(data)
    p = run(
        "index", "add", str(tmp_path / "c.db"), str(tmp_path / name), "--format", "json", "-j", "1"
    )
    summary = _summary(p)
    assert summary["added"] == 0 and summary["skipped"] == 1
    reasons = summary["skipped_reasons"]
    assert isinstance(reasons, list) and problem in reasons[0]["problem"]
    assert p.returncode == 1
    assert "nothing was added" in p.stderr.decode()


def test_an_empty_directory_is_counted(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    p = run("index", "add", str(tmp_path / "c.db"), str(tmp_path / "empty"))
    assert p.returncode == 1
    out = p.stdout.decode()
    assert "added 0" in out and "skipped 1" in out
    assert "1 x no files with a known extension in it" in out


def test_a_rerun_that_adds_nothing_new_succeeds(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert run("index", "add", db, str(tmp_path / "a.txt")).returncode == 0
    again = run("index", "add", db, str(tmp_path / "a.txt"), "--format", "json")
    assert again.returncode == 0
    assert _summary(again)["already_indexed"] == 1


def test_some_added_some_skipped_succeeds(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(b'{"id": "x", "text": true}\n')
    p = run(
        "index",
        "add",
        str(tmp_path / "c.db"),
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.jsonl"),
        "--format",
        "json",
    )
    assert p.returncode == 0
    summary = _summary(p)
    assert summary["added"] == 1 and summary["skipped"] == 1
