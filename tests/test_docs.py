"""Docs that cannot drift: every CLI command has help text and is in the README, and
every option of every command is in the command line reference (``docs/cli.md``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click
import pytest

from textlineage.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full + " "))
        else:
            out.append((full, cmd))
    return out


def test_every_command_has_help_and_is_documented() -> None:
    cmds = _commands(main)
    assert {c for c, _ in cmds} >= {
        "compare",
        "pan",
        "eval pan",
        "eval pairs",
        "eval discover",
        "index add",
        "search",
        "show",
        "stats",
        "discover",
    }
    for name, cmd in cmds:
        assert (cmd.help or "").strip(), name
        assert f"textlineage {name}" in README, name


def test_readme_gives_the_two_setup_commands() -> None:
    assert "bash scripts/demo.sh" in README and "bash scripts/test.sh" in README
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/test.sh" in ci


def _option_names(cmd: click.Command) -> set[str]:
    """Every spelling of every visible option (``-o`` and ``--output``; ``--embeddings`` and
    ``--no-embeddings``), without click's own ``--help``."""
    return {
        name
        for p in cmd.params
        if isinstance(p, click.Option) and not p.hidden
        for name in (*p.opts, *p.secondary_opts)
    }


def _documented_options() -> dict[str, set[str]]:
    """Per ``## `textlineage NAME ...``` section of docs/cli.md, the options its list items
    open with (``- `-o, --output FILE`: ...``); the key is the command name, ``""`` for
    the global options."""
    out: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in CLI_DOC.splitlines():
        heading = re.match(r"## `textlineage((?: [a-z][a-z-]*)*)\b", line)
        if heading:
            current = out.setdefault(heading.group(1).strip(), set())
        elif current is not None and (item := re.match(r"- `([^`]*)`", line)):
            current.update(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", item.group(1)))
    return out


def test_every_cli_option_is_in_the_reference() -> None:
    """Each command's section of docs/cli.md lists exactly the options it has: none
    missing, none left over from an option since removed."""
    documented = _documented_options()
    expected = {"": _option_names(main)}
    expected.update((name, _option_names(cmd)) for name, cmd in _commands(main))
    assert set(documented) == set(expected)
    for name, options in expected.items():
        assert documented[name] == options, f"textlineage {name}".strip()
    assert "docs/cli.md" in README


def test_readme_defines_the_terms_of_a_report() -> None:
    """Each passage kind, coverage and confidence has its definition in the README."""
    from textlineage.report.glossary import KIND_LABELS
    from textlineage.types import PASSAGE_KINDS

    section = README.split("### Reading a report", 1)[1].split("\n### ", 1)[0]
    for kind in PASSAGE_KINDS:
        assert f"\n| {KIND_LABELS[kind]} | " in section, kind
    assert "**Coverage**" in section and "**Confidence**" in section
    for verdict in ("*derived*", "*partially derived*", "*independent*"):
        assert verdict in section


def test_demo_installs_what_a_user_needs_and_tests_the_rest() -> None:
    """The demo's set-up installs the user's extras, not the development tools or the
    browser; the test set-up (which CI runs) installs those."""
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    user, _, full = setup.partition('if [ "${1:-}" = "--user" ]; then')[2].partition("fi\n")
    assert "--user" in (ROOT / "scripts" / "demo.sh").read_text(encoding="utf-8")
    assert '".[semantic,facts,warc,web]"' in user
    assert "dev" not in user and "chromium" not in user
    assert "dev]" in full and "facts" in full and "/usr/bin/chromium" in full
    assert "--user" not in (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- outputs

_LEDGER_FOOTER = "Subscribe to the Ledger newsletter for local news every single morning."


def _sections(doc: str) -> dict[str, tuple[set[str], set[str]]]:
    """Per ``## `` heading of a docs page: the names its table rows open with (``| `a`,
    `b` | ...``) and every name in backticks anywhere in the section."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for part in re.split(r"(?m)^## ", doc)[1:]:
        heading, _, body = part.partition("\n")
        rows = {
            name
            for line in body.splitlines()
            if line.startswith("| `")
            for name in re.findall(r"`([^`]+)`", line.split("|")[1])
        }
        out[heading.strip().strip("`")] = (rows, set(re.findall(r"`([^`]+)`", body)))
    return out


def _nested_keys(value: object) -> set[str]:
    """The keys of the objects inside ``value`` (objects and arrays of objects, one level)."""
    items = value if isinstance(value, list) else [value]
    return {k for item in items if isinstance(item, dict) for k in item}


@pytest.fixture(scope="module")
def discovered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A small corpus through the real CLI: sites, dates, a reprint, a site footer;
    ``discover`` run on it, and a ``search --format json`` answer."""
    import json
    import subprocess

    from conftest import cli_path
    from test_web_api import _STORIES

    work = tmp_path_factory.mktemp("docs-outputs")
    recs = [
        {
            "id": f"story{i}",
            "text": f"{t}\n\n{_LEDGER_FOOTER}",
            "site": "ledger.example",
            "date": f"2021-0{i + 1}-01",
            "url": f"https://ledger.example/{i}",
            "title": f"Story {i}",
        }
        for i, t in enumerate(_STORIES)
    ]
    recs.append(
        {
            "id": "reprint",
            "text": _STORIES[0] + "\n\nOur reporter adds that the mayor declined to comment.",
            "site": "mirror.example",
            "date": "2021-05-02",
        }
    )
    (work / "docs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    db, out = str(work / "c.db"), work / "out"

    def cli(*args: str) -> str:
        p = subprocess.run(
            [cli_path(), "-q", *args], capture_output=True, text=True, timeout=600, check=False
        )
        assert p.returncode == 0, p.stderr
        return p.stdout

    cli("index", "add", db, str(work / "docs.jsonl"), "--no-semantic", "-j", "1")
    cli("discover", db, "--out", str(out), "--no-semantic", "-j", "1")
    (work / "q.txt").write_text(_STORIES[0], encoding="utf-8")
    found = json.loads(cli("search", db, str(work / "q.txt"), "--format", "json", "--no-semantic"))
    return out, found


def test_discover_outputs_are_documented(discovered: tuple[Path, dict[str, Any]]) -> None:
    """Every field and column of a real discover run is in docs/discover.md, and every
    field the page lists is in the output."""
    import csv
    import json
    import xml.etree.ElementTree as ET

    out, _ = discovered
    docs = _sections((ROOT / "docs" / "discover.md").read_text(encoding="utf-8"))
    assert set(docs) >= {
        "pairs.jsonl",
        "clusters.jsonl",
        "sites.csv",
        "network.graphml",
        "network.svg",
        "timeline.csv",
        "boilerplate.csv",
        "summary.json",
    }
    for name in ("pairs.jsonl", "clusters.jsonl"):
        rows, mentioned = docs[name]
        records = [json.loads(x) for x in (out / name).read_text().splitlines()]
        assert records, name
        top = {k for r in records for k in r}
        nested = {k for r in records for k in ("a", "b", "origin", "members") if k in r}
        inner = {k for r in records for field in nested for k in _nested_keys(r[field])}
        assert top <= rows, (name, top - rows)
        assert inner <= mentioned, (name, inner - mentioned)
        assert rows <= top | inner, (name, rows - top - inner)
    for name in ("sites.csv", "timeline.csv", "boilerplate.csv"):
        with (out / name).open(newline="") as f:
            table = list(csv.reader(f))
        assert len(table) > 1, name  # some rows, so the run exercised the file
        assert set(table[0]) == docs[name][0], name
    summary = json.loads((out / "summary.json").read_text())
    rows, mentioned = docs["summary.json"]
    spark_only = {"engine", "skipped_records"}
    assert set(summary) <= rows and rows - spark_only <= set(summary)
    assert set(summary["seconds"]) <= mentioned
    keys = ET.parse(out / "network.graphml").getroot()
    names = {k.get("attr.name") for k in keys.iter("{http://graphml.graphdrawing.org/xmlns}key")}
    assert names and names <= docs["network.graphml"][1] | docs["sites.csv"][0]


def test_search_json_is_documented(discovered: tuple[Path, dict[str, Any]]) -> None:
    """Every field of a real ``search --format json`` answer is in docs/search.md, and
    every field the page lists is in the answer."""
    _, found = discovered
    docs = _sections((ROOT / "docs" / "search.md").read_text(encoding="utf-8"))
    hits = found["hits"]
    assert isinstance(hits, list) and hits
    assert set(found) == docs["The answer"][0]
    assert set(found["query"]) == docs["query"][0]
    assert {k for h in hits for k in h} == docs["hits[]"][0]
    for field in ("doc", "coverage"):
        assert _nested_keys([h[field] for h in hits]) <= docs["hits[]"][1], field
    assert "docs/search.md" in README and "docs/discover.md" in README


def test_fact_diff_json_is_documented(tmp_path: Path) -> None:
    """Every field of the fact diff of a real ``compare --format json`` (a rewrite that
    changes names, hedges, qualifiers and dates) is in docs/schema.md's "Facts" section,
    and so is every label and detail the code knows; the label table lists no other."""
    import json
    import subprocess

    from conftest import cli_path
    from test_fact_changes import DERIVED, SOURCE
    from textlineage.types import (
        CHANGE_LABELS,
        KEPT_LABELS,
        SCHEMA_VERSION,
        SPECIFICITY_DETAILS,
        STRENGTH_DETAILS,
        WORDING_DETAILS,
    )

    schema = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    section = schema.split("## Facts\n", 1)[1].split("\n# ", 1)[0]
    mentioned = set(re.findall(r"`([^`]+)`", section))
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(SOURCE, encoding="utf-8")
    b.write_text(DERIVED, encoding="utf-8")
    p = subprocess.run(
        [cli_path(), "compare", str(a), str(b), "--format", "json"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["schema_version"] == SCHEMA_VERSION and f'`"{SCHEMA_VERSION}"`' in schema
    facts = data["facts"]
    assert set(facts) <= mentioned | {"source_doc", "derived_doc"}
    keys: set[str] = set()
    values: set[str] = set()
    for name in ("kept", "changed", "added", "dropped"):
        assert name in mentioned
        for item in facts[name]:
            keys |= set(item)
            keys |= _nested_keys([item[k] for k in ("source", "from", "to") if k in item])
            values |= {item["kind"], item.get("label", ""), item.get("detail", "")} - {""}
    assert {"label", "detail", "unsupported"} <= keys
    assert keys <= mentioned, keys - mentioned
    assert values <= mentioned, values - mentioned
    known = {
        *CHANGE_LABELS, *KEPT_LABELS, *STRENGTH_DETAILS, *SPECIFICITY_DETAILS, *WORDING_DETAILS
    }  # fmt: skip
    assert known <= mentioned, known - mentioned
    table = {
        name
        for line in section.splitlines()
        if line.startswith("| `")
        for name in re.findall(r"`([^`]+)`", line.split("|")[1])
    }
    assert table == set(CHANGE_LABELS)
