"""Options and helpers shared by the command modules (:mod:`.cli`, :mod:`.cli_eval`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

FC = TypeVar("FC", bound=Callable[..., Any])


def _format_option(*choices: str) -> Callable[[FC], FC]:
    """The ``--format`` option shared by every command that prints a result."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def _workers_option(help: str) -> Callable[[FC], FC]:
    """The ``-j/--workers`` option of commands that run a pool of processes."""
    return click.option(
        "-j",
        "--workers",
        type=click.IntRange(min=1),
        default=os.cpu_count() or 1,
        show_default=True,
        help=help,
    )


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr (only on a terminal: a log keeps just a possible error
    line), as a ``progress(done, total)`` callback."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    with click.progressbar(length=1, label=label, file=sys.stderr) as bar:
        state = {"done": 0}

        def progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - state["done"])
            state["done"] = done

        yield progress
