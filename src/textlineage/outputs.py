"""Writing output files: whole or not at all, and CSV that a spreadsheet cannot execute.

* :func:`atomic_write` writes to a temporary file in the target's directory and renames it
  over the target only when the writing finished: an interrupted run (an error, Ctrl-C,
  ``kill -9``, a full disk) leaves the previous file or none, never half a file. A write
  that fails (a missing folder, no permission, a read-only file system, a full disk)
  raises :class:`~textlineage.errors.OutputError` naming the file and the problem. A
  symbolic link is written through (the file it names is replaced; the link stays), and a
  target that is not a regular file (``/dev/null``, ``/dev/stdout``, a terminal, a named
  pipe) is written into as ``open()`` would: renaming a file over it would replace the
  device itself.
* :func:`atomic_dir` does the same for an output that is a folder (Spark's parquet): it
  is written in a temporary folder beside the target, which takes the target's place when
  complete; a failed write leaves the old folder (or nothing) and removes the temporary.
* :func:`ensure_dir` makes an output folder and checks that files can be created in it,
  so that a long run fails at its start rather than at its end.
* :func:`csv_cell` defuses cells that a spreadsheet would read as a formula (``=``, ``+``,
  ``-``, ``@``, tab or carriage return first), since documents and their metadata are
  untrusted: the cell gets a leading apostrophe, the usual escape, and stays readable.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import OutputError
from .ingest.paths import printable_path

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Errors of writing itself: when one comes out of the caller's block (a buffer flushed by
# a write), it is about the output file; any other error there is the caller's own.
_WRITE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EROFS, getattr(errno, "EDQUOT", errno.ENOSPC)}
)


def csv_cell(value: object) -> object:
    """``value`` made safe as a CSV cell: strings that would start a formula are prefixed
    with an apostrophe; numbers and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_problem(exc: OSError) -> str:
    """The operating system's words for why a file could not be written, lower-cased
    (``no space left on device``, ``read-only file system``, ...)."""
    if isinstance(exc, FileNotFoundError):
        return "no such folder"
    if isinstance(exc, NotADirectoryError):
        return "a part of the path is not a folder"
    reason = exc.strerror or str(exc) or type(exc).__name__
    return reason[:1].lower() + reason[1:]


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """Open ``path`` for writing text; the file appears (replacing any old one) only when the
    ``with`` block ends without an exception.

    Raises :class:`~textlineage.errors.OutputError` when the file cannot be written.
    """
    target = Path(path)
    if _is_special(target):
        with _write_in_place(target, encoding=encoding, newline=newline) as fh:
            yield fh
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(printable_path(target), write_problem(exc)) from exc
    try:
        try:
            fh = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        except BaseException:
            os.close(fd)
            raise
        whole = False
        try:
            try:
                yield fh
            except OSError as exc:
                if exc.errno in _WRITE_ERRNOS:
                    raise OutputError(printable_path(target), write_problem(exc)) from exc
                raise
            try:
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise OutputError(printable_path(target), write_problem(exc)) from exc
            whole = True
        finally:
            if whole:
                fh.close()
            else:
                # Closing flushes what is buffered, which may fail again (a full disk): the
                # first error is the one to tell. The descriptor is closed either way.
                with contextlib.suppress(OSError):
                    fh.close()
        # mkstemp makes the file private; give it the mode a plain open() would have.
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except OSError:
            mode = 0o644
        try:
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(printable_path(target), write_problem(exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _is_special(path: Path) -> bool:
    """Whether ``path`` (followed through links) exists and is neither a regular file nor
    a folder: a device, a named pipe, a socket, a terminal."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@contextlib.contextmanager
def _write_in_place(path: Path, *, encoding: str, newline: str | None) -> Iterator[IO[str]]:
    """``path`` opened for writing as it is (a device or pipe: nothing to keep whole)."""
    shown = printable_path(path)
    try:
        fh = open(path, "w", encoding=encoding, newline=newline)  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise OutputError(shown, write_problem(exc)) from exc
    whole = False
    try:
        try:
            yield fh
            fh.flush()
        except OSError as exc:
            if exc.errno in _WRITE_ERRNOS:
                raise OutputError(shown, write_problem(exc)) from exc
            raise
        whole = True
    finally:
        if whole:
            try:
                fh.close()
            except OSError as exc:
                raise OutputError(shown, write_problem(exc)) from exc
        else:
            with contextlib.suppress(OSError):
                fh.close()


@contextlib.contextmanager
def atomic_dir(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A new empty folder beside ``path`` to write a whole output folder into; it takes
    ``path``'s place (replacing any old folder or file there) only when the ``with`` block
    ends without an exception, and is removed otherwise.

    The old output is moved aside, the new one renamed in, and the old one then removed:
    two renames in one folder, so an interruption between them leaves the old output
    under a hidden ``.NAME.*.old`` name and nothing half-written under ``path``. Raises
    :class:`~textlineage.errors.OutputError` when the folder cannot be made or renamed.
    """
    target = Path(path)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise OutputError(printable_path(target), write_problem(exc)) from exc
    try:
        yield tmp
        os.chmod(tmp, 0o755 & ~_umask())  # mkdtemp's folder is private
        _swap_in(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _swap_in(new: Path, target: Path) -> None:
    """Rename the folder ``new`` to ``target``, replacing what is there."""
    try:
        if not target.exists() and not target.is_symlink():
            os.rename(new, target)
            return
        old = target.parent / f".{target.name}.{secrets.token_hex(6)}.old"
        os.rename(target, old)
        try:
            os.rename(new, target)
        except OSError:
            os.rename(old, target)
            raise
    except OSError as exc:
        raise OutputError(printable_path(target), write_problem(exc)) from exc
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            old.unlink()


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (:func:`atomic_write`)."""
    with atomic_write(path) as fh:
        fh.write(text)


def ensure_dir(path: str | os.PathLike[str]) -> Path:
    """Make the output folder ``path`` (and its parents) and check that a file can be
    created in it; raises :class:`~textlineage.errors.OutputError` naming the problem."""
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe, name = tempfile.mkstemp(prefix=".textlineage-probe.", dir=folder)
        os.close(probe)
        os.unlink(name)
    except FileExistsError as exc:
        raise OutputError(printable_path(folder), "it exists and is not a folder") from exc
    except OSError as exc:
        raise OutputError(printable_path(folder), write_problem(exc)) from exc
    return folder
