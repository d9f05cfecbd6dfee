"""The index file on disk: opening it, read-only when it cannot be written, and saying in
one sentence what is wrong when it cannot be used.

SQLite reports a full disk, a read-only filesystem, a missing folder, a file without
permission and a damaged file through a few result codes ("unable to open database file"
covers most of them); :func:`explain` turns those into what the user can act on, looking
at the file and its folder where the code alone does not tell.

An index this process cannot write (a read-only filesystem or mount, an immutable file,
no write permission on the file or its folder) is opened read-only (:func:`connect`), so
the reading commands (``stats``, ``search``, ``show``, ``serve``) still work on it.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from pathlib import Path

from ..errors import IndexFileError
from ..ingest.paths import not_regular

__all__ = ["cannot_change", "check_path", "connect", "explain", "read_only_error", "write_problem"]

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"

_OS_REASONS = {
    errno.EROFS: "read-only filesystem",
    errno.EPERM: "the file is immutable or append-only (operation not permitted)",
    errno.EACCES: "no permission to write it",
    errno.ENOSPC: "the disk is full",
}


def _folder(path: Path) -> Path:
    return path.absolute().parent


def _read_only_fs(folder: Path) -> bool:
    if not hasattr(os, "statvfs"):  # not on Windows
        return False
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _no_space(path: Path) -> bool:
    """Whether the device holding ``path`` has no block left for this process."""
    if not hasattr(os, "statvfs"):
        return False
    try:
        st = os.statvfs(_folder(path))
    except OSError:
        return False
    return st.f_bavail == 0


def _folder_problem(folder: Path) -> str | None:
    """Why no file can be made in ``folder`` (SQLite makes its log files there)."""
    if not folder.is_dir():
        return f"folder {folder} does not exist"
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    if _read_only_fs(folder):
        return "read-only filesystem"
    return f"no permission to write in folder {folder}"


def write_problem(path: Path) -> str | None:
    """Why this process cannot write the index at ``path`` (None: it can).

    The file is opened for writing without changing it (no create, no truncate), so the
    operating system's own answer is read: read-only filesystem, immutable file, no
    permission. The folder must take new files too, for SQLite's write-ahead log.
    """
    if path.exists():
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError as exc:
            return _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        os.close(fd)
    return _folder_problem(_folder(path))


def cannot_change(path: Path) -> bool:
    """Whether no process can change the file at ``path``: it is immutable, or on a
    read-only filesystem. SQLite may then read it as immutable, without locks or the
    shared-memory file it would otherwise leave beside it."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError as exc:
        return exc.errno in (errno.EROFS, errno.EPERM)
    os.close(fd)
    return False


def check_path(path: Path, *, create: bool) -> bool:
    """Check what can be checked before SQLite opens ``path``; whether it holds a
    database already (False: a new or empty file).

    Raises :class:`IndexFileError`: a folder, a missing folder, a missing index (unless
    ``create``), an unreadable file, a file that is not an SQLite database.
    """
    if path.is_dir():
        raise IndexFileError(f"{path}: is a directory, not an index file")
    try:
        kind = not_regular(path.stat().st_mode)
    except (OSError, ValueError):
        kind = None  # missing or unreadable: told below
    if kind is not None:
        # Opening a named pipe would wait for a writer, a device never end.
        raise IndexFileError(f"{path}: {kind}, not an index file")
    folder = _folder(path)
    if not folder.is_dir():
        raise IndexFileError(f"{path}: folder {folder} does not exist (create it first)")
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        header = b""
    except PermissionError as exc:
        raise IndexFileError(f"{path}: no permission to read the index") from exc
    except OSError as exc:
        raise IndexFileError(f"{path}: cannot read the index ({exc.strerror or exc})") from exc
    if not header and not create:
        raise IndexFileError(f"{path}: no such index")
    if header and header != SQLITE_HEADER:
        raise IndexFileError(f"{path}: not a textlineage index (not an SQLite database)")
    return bool(header)


def connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """An autocommit connection to the index at ``path``.

    Read-only, SQLite must still make a shared-memory file beside a write-ahead-log
    database (an index's at rest), and leaves it there. A file nothing can change
    (:func:`cannot_change`) is read as immutable instead, which needs no such file; so is
    one in a folder where SQLite cannot make it.
    """
    if not read_only:
        return sqlite3.connect(str(path), isolation_level=None, timeout=30)
    uri = path.absolute().as_uri()
    if not cannot_change(path):
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=30)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            # No shared-memory file can be made (or used): cannot open, or "read-only".
            if _primary(exc) not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
                raise
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        # Immutable, SQLite reads the main file only.
        log.warning(
            "%s: read-only, its write-ahead log (%s) cannot be read: what was added since "
            "the index was last closed cleanly is not seen",
            path,
            wal.name,
        )
    log.debug("%s: read as immutable", path)
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None, timeout=30)


def _primary(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def explain(path: Path, exc: sqlite3.Error) -> str:
    """What is wrong, as one line starting with the path: disk full, read-only, no
    permission, missing folder, locked, not an index, damaged, or SQLite's own words."""
    code = _primary(exc)
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and _no_space(path)):
        return (
            f"{path}: disk full: no space left on the device holding the index; free some "
            "space and run again (the index keeps everything committed before)"
        )
    if code == sqlite3.SQLITE_READONLY:
        why = write_problem(path) or "SQLite opened it read-only"
        return f"{path}: cannot write to the index: {why}"
    if code == sqlite3.SQLITE_CANTOPEN:
        folder = _folder(path)
        if not folder.is_dir():
            return f"{path}: folder {folder} does not exist"
        if path.exists() and not os.access(path, os.R_OK):
            return f"{path}: no permission to read the index"
        problem = write_problem(path)
        if problem is not None:
            return f"{path}: cannot open the index: {problem}"
        return f"{path}: cannot open the index ({exc})"
    if code in (sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return f"{path}: permission denied ({exc})"
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return (
            f"{path}: the index is locked by another process (an `index add` or `discover` "
            "writing to it?); run again when it has finished"
        )
    if code == sqlite3.SQLITE_NOTADB:
        return f"{path}: not a textlineage index (not an SQLite database)"
    if code == sqlite3.SQLITE_CORRUPT:
        return f"{path}: damaged index ({exc}); restore it from a copy or build it again"
    if code == sqlite3.SQLITE_IOERR:
        return f"{path}: input/output error on the index's device ({exc})"
    if code == sqlite3.SQLITE_NOMEM:
        return f"{path}: out of memory reading the index"
    return f"{path}: cannot use the index ({exc})"


def read_only_error(path: Path, reason: str) -> IndexFileError:
    """The error for a write to an index opened read-only."""
    return IndexFileError(
        f"{path}: cannot write to the index: {reason} (reading commands such as stats, "
        "search, show and serve still work on it)"
    )
