"""The CLI through its real entry point: output formats and one-line errors."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import cli_path


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [cli_path(), *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_compare_json_on_seed_pair(seed_paths: tuple[Path, Path]) -> None:
    p = run("compare", *map(str, seed_paths), "--format", "json")
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)
    assert r["schema_version"] and r["verdict"] == "derived" and r["source"] == 0


def test_compare_html_and_text(seed_paths: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    p = run(
        "compare", *map(str, seed_paths), "--format", "html", "--output", str(out), "--no-semantic"
    )
    assert p.returncode == 0, p.stderr
    assert "<html" in out.read_text(encoding="utf-8").lower()
    t = run("compare", *map(str, seed_paths), "--no-semantic")
    assert t.returncode == 0 and "derived" in t.stdout


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        (d / name).write_bytes(data)
        return d / name

    return make


@pytest.mark.parametrize(
    "make, needle",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "directory"),
        (_file("empty.txt", b""), "empty"),
        (_file("blank.txt", b"  \n\t \n"), "empty"),
        (_file("bin.txt", bytes(range(256)) * 8), "binary"),
        (_file("x.html", b"<html><script>x()</script></html>"), "no extractable text"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    tmp_path: Path, seed_paths: tuple[Path, Path], make, needle: str
) -> None:
    bad = make(tmp_path)
    p = run("compare", str(bad), str(seed_paths[0]), "--no-semantic")
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert str(bad) in lines[0] and needle in lines[0].lower()
    assert "Traceback" not in p.stderr


def test_stdin_document(seed_paths: tuple[Path, Path]) -> None:
    p = run(
        "compare",
        "-",
        str(seed_paths[0]),
        "--format",
        "json",
        "--no-semantic",
        stdin=seed_paths[1].read_bytes(),
    )
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)
    assert r["documents"][0]["id"] == "-"
    assert r["documents"][0]["text"] == seed_paths[1].read_text(encoding="utf-8")


def test_huge_document_is_refused_in_one_line(tmp_path: Path) -> None:
    sentence = "Word{} and more words about topic number {} are written here today.\n"
    big = tmp_path / "big.txt"
    big.write_text("".join(sentence.format(i, i) for i in range(6000)), encoding="utf-8")
    p = run("compare", str(big), str(big), "--no-semantic")
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and str(big) in lines[0] and "too large" in lines[0], p.stderr
