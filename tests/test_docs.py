"""Docs that cannot drift: every CLI command has help text and is in the README."""

from __future__ import annotations

from pathlib import Path

import click

from textlineage.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


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
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "scripts/test.sh" in ci
