"""Command-line habits through the real entry point: ``-j/--workers`` wherever a pool of
processes runs, ``-q/--quiet``, progress bars on a terminal only, and the compact fact
summary of ``compare``'s text report."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import cli_path
from textlineage.report.factgroups import plural

# Every command that runs a pool of worker processes.
POOL_COMMANDS = (("index", "add"), ("discover",), ("serve",), ("pan",), ("eval", "pairs"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [cli_path(), *args], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )


def run_on_terminal(*args: str) -> tuple[str, str]:
    """Run with stderr on a pseudo-terminal (stdout piped): (stdout, what the terminal got)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [cli_path(), *args],
        stdout=subprocess.PIPE,
        stderr=slave,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(slave)
    got = bytearray()
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        got += chunk
    os.close(master)
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0, got.decode(errors="replace")
    return out.decode(), got.decode(errors="replace")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Three text files and a JSONL file of four records and one malformed line."""
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"doc{i}.txt").write_text(
            f"Document {i} tells how the harbour quay closed for repairs after storm {i}.",
            encoding="utf-8",
        )
    lines = [
        json.dumps({"id": f"r{i}", "text": f"Record {i}: the orchestra plays in October."})
        for i in range(4)
    ]
    (d / "records.jsonl").write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    return d


@pytest.mark.parametrize("command", POOL_COMMANDS, ids=" ".join)
def test_every_pool_command_takes_workers(command: tuple[str, ...]) -> None:
    p = run(*command, "--help")
    assert p.returncode == 0, p.stderr
    assert "-j, --workers" in p.stdout
    assert "-q, --quiet" in p.stdout


def test_progress_bar_with_its_total_on_a_terminal_only(tmp_path: Path, inputs: Path) -> None:
    add = ("index", "add", "--no-semantic", "-j", "1")
    out, term = run_on_terminal(*add, str(tmp_path / "a.db"), str(inputs))
    assert out.startswith("added 7,")
    # 3 files + 5 JSONL lines counted; the malformed one is skipped, so the bar ends at 7/7
    assert re.search(r"documents\s+\[[-#]+\]\s+0/8", term), term
    assert re.search(r"documents\s+\[#+\]\s+7/7\s+100%", term), term
    assert "skipped" in term
    # piped: no bar (a log keeps the lines that matter)
    p = run(*add, str(tmp_path / "b.db"), str(inputs))
    assert p.returncode == 0 and "documents" not in p.stderr and "[" not in p.stderr
    assert "skipped" in p.stderr
    # quiet, even on a terminal: results only
    out, term = run_on_terminal("-q", *add, str(tmp_path / "c.db"), str(inputs))
    assert out.startswith("added 7,") and term == ""


def test_quiet_leaves_results_only(seed_paths: tuple[Path, Path], tmp_path: Path) -> None:
    seeds = [str(p) for p in seed_paths]
    out = tmp_path / "r.json"
    loud = run("compare", *seeds, "--no-semantic", "--format", "json", "-o", str(out))
    assert loud.returncode == 0 and loud.stderr.strip() == f"wrote {out}"
    for args in (("-q", "compare"), ("compare", "-q"), ("compare", "--quiet")):
        p = run(*args, *seeds, "--no-semantic", "--format", "json", "-o", str(out))
        assert p.returncode == 0, p.stderr
        assert p.stdout == "" and p.stderr == "", args
        assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "textlineage.compare"
    # errors still print
    p = run("-q", "compare", str(tmp_path / "missing.txt"), seeds[1])
    assert p.returncode == 2 and "no such file" in p.stderr


def test_compare_text_counts_facts_per_kind(seed_paths: tuple[Path, Path]) -> None:
    """The text report's per-kind lines agree with the JSON's fact lists, and
    ``--all-facts`` lists each added and dropped fact."""
    seeds = [str(p) for p in seed_paths]
    data = json.loads(run("compare", *seeds, "--no-semantic", "--format", "json").stdout)
    facts = data["facts"]
    text = run("compare", *seeds, "--no-semantic").stdout
    for key, sign, own in (("dropped", "-", ("source", "from")), ("added", "+", (None, "to"))):
        # whole statements (claims) are listed apart, in full, under a count of their own
        want = Counter(f["kind"] for f in facts[key] if f["kind"] != "claim")
        statements = sum(f["kind"] == "claim" for f in facts[key])
        if statements:
            assert re.search(rf"^  {statements} statements? {key}\b", text, re.MULTILINE), text
        # that side's facts of each kind, each position once: kept, changed, added/dropped
        side = {(f["kind"], tuple(f["span"])) for f in facts[key]}
        side |= {
            (f["kind"], tuple(f["span"]))
            for f in [k[own[0]] if own[0] else k for k in facts["kept"]]
            + [c[own[1]] for c in facts["changed"]]
        }
        total = Counter(kind for kind, _ in side)
        lines = re.findall(
            rf"^    \{sign} (\d+)(?: of (\d+))? (listed )?([a-z ]+) {key}:(.*)$",
            text,
            flags=re.MULTILINE,
        )
        assert len(lines) == len(want), text
        kinds = {plural(k): k for k in want} | {k: k for k in want}
        for n, t, listed, noun, _ in lines:
            kind = kinds[noun]
            assert int(n) == want[kind], (noun, text)
            # a kind whose facts all stand in lists counts the side's facts in lists
            # (out of how many is said from five facts, and for facts in lists)
            assert bool(t) == (bool(listed) or int(n) >= 5), (noun, text)
            if t:
                assert int(t) <= total[kind] if listed else int(t) == total[kind], (noun, text)
    # the seed pair drops dozens of facts: one line a kind, not one a fact
    dropped_lines = sum(line.startswith("    - ") for line in text.splitlines())
    assert dropped_lines < len(facts["dropped"]) / 3
    listed = run("compare", *seeds, "--no-semantic", "--all-facts").stdout
    assert sum(line.startswith("    - ") for line in listed.splitlines()) == len(facts["dropped"])
    assert sum(line.startswith("    + ") for line in listed.splitlines()) == len(facts["added"])


def test_record_count_for_the_progress_total(tmp_path: Path, inputs: Path) -> None:
    """Text files count one each, JSONL (also gzipped) its non-blank lines; a CSV makes
    the count unknown."""
    import gzip

    from textlineage.ingest import count_records

    assert count_records([str(inputs)]) == 8
    packed = tmp_path / "more.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as f:
        f.write('{"id": "x", "text": "one"}\n\n{"id": "y", "text": "two"}\n')
    assert count_records([str(inputs), str(packed)]) == 10
    table = tmp_path / "t.csv"
    table.write_text('id,text\na,"a row\nspanning lines"\n', encoding="utf-8")
    assert count_records([str(table), str(inputs)]) is None
