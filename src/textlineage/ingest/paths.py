"""File names and file kinds as the readers meet them.

* :func:`printable_path`: a name as it may be shown and stored. POSIX file names are bytes;
  Python hands a name that is not valid UTF-8 over with lone surrogates (``surrogateescape``),
  which cannot be written to an index, a JSON report or a UTF-8 terminal. The file is still
  opened by its real name; only what is shown (ids, origins, messages) is escaped.
* :func:`not_regular`: why a path is not a file to read. A named pipe (FIFO) blocks
  ``open()`` until some other process writes to it, and a device never ends, so the readers
  read regular files only; standard input (``-``) is the way to read a pipe.
"""

from __future__ import annotations

import os
import re
import stat

__all__ = ["not_regular", "printable_path"]

# C0 and C1 control characters (newline, escape, ...): shown escaped so that a file name
# cannot break a one-line message or move a terminal's cursor.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable_path(path: str | os.PathLike[str]) -> str:
    """``path`` as valid UTF-8 text, every byte that is not UTF-8 written ``\\xNN`` and every
    control character written ``\\xNN`` (a valid UTF-8 name without controls is unchanged).

    >>> printable_path("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    raw = os.fsencode(path)
    text = raw.decode("utf-8", "backslashreplace")
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_regular(mode: int) -> str | None:
    """The problem with reading a file of this ``st_mode``, or None for a regular file
    (directories are the callers' own case)."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return f"is {kind}, not a regular file"
    return "is not a regular file"
