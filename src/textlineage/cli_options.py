"""Options and helpers shared by the command modules (:mod:`.cli`, :mod:`.cli_eval`).

Quiet mode (``textlineage -q ...`` or ``... -q`` after any command) leaves only results:
no progress bar, no information line on stderr, warnings from the library silenced
(errors still print). Progress bars show only when stderr is a terminal, so a log or a
pipe never fills with bar redraws.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from .corpus.hits import AddSummary

FC = TypeVar("FC", bound=Callable[..., Any])

_QUIET = "textlineage.quiet"


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


def set_quiet(ctx: click.Context) -> None:
    """Turn quiet mode on for the rest of this invocation (kept in the root context)."""
    ctx.find_root().meta[_QUIET] = True
    logging.getLogger().setLevel(logging.ERROR)


def _on_quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        set_quiet(ctx)


def _quiet_option(fn: FC) -> FC:
    """``-q/--quiet`` on a command: the same switch as the main group's."""
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_on_quiet,
        help="Print results only: no progress, no information lines.",
    )(fn)


def is_quiet() -> bool:
    """Whether ``-q/--quiet`` was given (on the main group or on the command)."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.find_root().meta.get(_QUIET))


def _info(message: str) -> None:
    """An information line on stderr (what was written where), unless quiet."""
    if not is_quiet():
        click.echo(message, err=True)


def _warn(message: str) -> None:
    """A warning line on stderr (the run went on, but not as asked), unless quiet."""
    if not is_quiet():
        click.echo(f"textlineage: warning: {message}", err=True)


def _nothing() -> Iterator[int]:
    """A generator that yields nothing: an iterable without a length."""
    yield from ()


def _show_progress() -> bool:
    return sys.stderr.isatty() and not is_quiet()


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr with its total (only on a terminal and when not quiet: a
    log keeps just a possible error line), as a ``progress(done, total)`` callback."""
    if not _show_progress():
        yield lambda done, total: None
        return
    with click.progressbar(length=1, label=label, file=sys.stderr) as bar:
        state = {"done": 0}

        def progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - state["done"])
            state["done"] = done

        yield progress


@contextmanager
def _count_progress(label: str, total: Callable[[], int | None]) -> Iterator[Callable[[int], None]]:
    """A progress bar for work whose size may be unknown, as a ``progress(done)``
    callback. ``total()`` is asked only when the bar shows (it may read the inputs); when
    it answers None the bar counts without a percentage."""
    if not _show_progress():
        yield lambda done: None
        return
    n = total()
    # Without a total, an iterable with no length makes click draw a bar that counts.
    unknown: Iterator[int] | None = None if n else iter(_nothing())
    with click.progressbar(
        unknown,
        length=n or None,
        label=label,
        file=sys.stderr,
        show_pos=True,
        show_percent=bool(n),
        show_eta=bool(n),
    ) as bar:
        state = {"done": 0}

        def progress(done: int) -> None:
            if n is not None and done > n:  # more records than counted: no false 100%
                bar.length = done
            bar.update(done - state["done"])
            state["done"] = done

        yield progress
        if n is not None and state["done"] < n:
            # Fewer than counted (malformed records are skipped): done is all there was.
            bar.length = max(state["done"], 1)
            bar.render_progress()


def _os_error_line(exc: OSError) -> str:
    """An operating-system error in one line, naming its file when it has one."""
    from .ingest.paths import printable_path

    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.filename is not None:
        return f"{printable_path(exc.filename)}: {reason}"
    return reason


def _print_add_summary(summary: AddSummary) -> None:
    """The text form of ``index add``'s summary: one line of counts, then the reasons
    records were skipped, most frequent first (each skipped record on stderr, unless -q)."""
    changed = ""
    if summary.replaced:
        changed = f", replaced {summary.replaced}"
    elif summary.conflicts:
        changed = f", conflicts {len(summary.conflicts)} (indexed text kept)"
    click.echo(
        f"added {summary.added}, duplicates {summary.duplicates}, already indexed "
        f"{summary.already_indexed}{changed}, skipped {len(summary.skipped)} "
        f"({summary.seconds:.1f} s, {summary.docs_per_second:.0f} docs/s)"
    )
    reasons: dict[str, int] = {}
    for origin, problem in summary.skipped:
        reasons[problem] = reasons.get(problem, 0) + 1
        _info(f"  skipped {origin}: {problem}")
    for problem, n in sorted(reasons.items(), key=lambda x: -x[1]):
        click.echo(f"  {n} x {problem}")
