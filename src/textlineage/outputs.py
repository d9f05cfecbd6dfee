"""Writing output files: whole or not at all, and CSV that a spreadsheet cannot execute.

* :func:`atomic_write` writes to a temporary file in the target's directory and renames it
  over the target only when the writing finished: an interrupted run (an error, Ctrl-C,
  ``kill -9``, a full disk) leaves the previous file or none, never half a file.
* :func:`csv_cell` defuses cells that a spreadsheet would read as a formula (``=``, ``+``,
  ``-``, ``@``, tab or carriage return first), since documents and their metadata are
  untrusted: the cell gets a leading apostrophe, the usual escape, and stays readable.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """``value`` made safe as a CSV cell: strings that would start a formula are prefixed
    with an apostrophe; numbers and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """Open ``path`` for writing text; the file appears (replacing any old one) only when the
    ``with`` block ends without an exception."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; give it the mode a plain open() would have.
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all."""
    with atomic_write(path) as fh:
        fh.write(text)
