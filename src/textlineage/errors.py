"""Exceptions raised by the library.

User errors (bad input, a document that cannot be read) derive from
:class:`TextlineageError`; adapters (CLI, web) turn them into one clear line and a
non-zero exit or a 4xx response. Anything else is a bug and may show a traceback.
"""

from __future__ import annotations


class TextlineageError(Exception):
    """Base class for errors caused by input or environment, not by a bug."""


class InputError(TextlineageError):
    """A document could not be read: missing, empty, binary, undecodable, no text."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Survive pickling across process pools (args differ from __init__'s parameters).
        return (InputError, (self.source, self.problem))


class OutputError(TextlineageError):
    """An output file or folder could not be written: a missing folder, no permission, a
    read-only file system, a full disk. Nothing half-written is left under its name."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: cannot write ({problem})")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type[OutputError], tuple[str, str]]:
        return (OutputError, (self.path, self.problem))


class MissingDependencyError(TextlineageError):
    """An optional heavy part is not installed; the message names the install command."""

    def __init__(self, feature: str, install: str) -> None:
        super().__init__(f"{feature} needs an optional dependency: run `{install}`")
        self.feature = feature
        self.install = install

    def __reduce__(self) -> tuple[type[MissingDependencyError], tuple[str, str]]:
        return (MissingDependencyError, (self.feature, self.install))


class ModelIntegrityError(TextlineageError):
    """Model weights on disk do not match the pinned checksum."""


class IndexFileError(TextlineageError):
    """The index file cannot be used, or not for this: not an index, another version,
    damaged, a missing folder, no permission, a full disk, or read-only here (the message
    says which)."""


class TooLargeError(TextlineageError, ValueError):
    """The two documents have more unit pairs than alignment is allowed to score."""

    def __init__(self, na: int, nb: int, limit: int) -> None:
        super().__init__(
            f"{na:,} x {nb:,} sentence pairs exceed the limit of {limit:,} for one comparison"
        )
        self.units = (na, nb)


# The web service's own errors (turned into HTTP responses by :mod:`textlineage.web.app`).


class NoCorpus(Exception):
    """The request needs a corpus index and the service was started without one."""

    def __init__(self) -> None:
        super().__init__(
            "this service has no corpus index: start it with `textlineage serve --db INDEX`"
        )


class Overloaded(Exception):
    """More jobs than the service admits at once; the client should retry shortly."""


class ApiError(Exception):
    """A client error with its HTTP status and one clear message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}
