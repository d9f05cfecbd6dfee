"""Docs that cannot drift: every CLI command has help text and is in the README, and
every option of every command is in the command line reference (``docs/cli.md``)."""

from __future__ import annotations

import re
from pathlib import Path

import click

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
