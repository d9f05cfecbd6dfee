"""Reading the small labelled TSV files of the scorers, and shared ratio helpers.

A file is UTF-8 (a byte-order mark is ignored), one record a line, fields separated by
tabs; blank lines and lines whose first non-blank character is ``#`` are skipped; the first
other line is the header naming the columns (any order, case-insensitive; unknown columns
are ignored so that users may keep notes beside the labels).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError


@dataclass(frozen=True)
class Row:
    """One record: its 1-based line number in the file and its fields by column name."""

    line: int
    fields: dict[str, str]


def read_text_file(path: Path, what: str) -> str:
    """The file's text, or :class:`InputError` naming the file and the problem."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(str(path), f"no such file (expected {what})") from exc
    except IsADirectoryError as exc:
        raise InputError(str(path), f"is a directory, not {what}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from exc


def read_jsonl(path: Path, what: str) -> list[tuple[int, dict[str, Any]]]:
    """The JSON objects of a JSON-lines file (``what`` it is, for messages) with their line
    numbers; blank lines are skipped, anything else that is not an object is an
    :class:`InputError` naming the file and line."""
    out = []
    for lineno, raw in enumerate(read_text_file(path, what).splitlines(), 1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"line {lineno}: not JSON ({exc.msg})") from exc
        if not isinstance(rec, dict):
            raise InputError(str(path), f"line {lineno}: not a JSON object")
        out.append((lineno, rec))
    return out


def read_tsv(
    path: str | os.PathLike[str],
    required: Sequence[str],
    optional: Sequence[str] = (),
    *,
    may_be_empty: Sequence[str] = (),
    what: str = "a tab-separated file",
) -> list[Row]:
    """The records of a headed TSV file, with every ``required`` column present.

    Each row holds all ``required`` and ``optional`` columns (missing trailing fields read
    as ``""``); values are stripped of surrounding blanks. A missing header or required
    column, a row with more fields than the header, or an empty value in a required column
    not listed in ``may_be_empty`` raises :class:`InputError` naming the file and line.
    """
    p = Path(path)
    text = read_text_file(p, what)
    header: list[str] | None = None
    header_line = 0
    rows: list[Row] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if header is None:
            header = [c.lower() for c in cells]
            header_line = lineno
            _check_header(p, lineno, header, required)
            continue
        if len(cells) > len(header):
            raise InputError(
                str(p),
                f"line {lineno}: {len(cells)} fields but the header (line {header_line}) "
                f"names {len(header)} columns",
            )
        values = dict(zip(header, cells, strict=False))
        for name in required:
            if not values.get(name) and name not in may_be_empty:
                hint = " (fields are separated by tabs)" if " " in raw.strip() else ""
                raise InputError(str(p), f"line {lineno}: no value in column {name!r}{hint}")
        fields = {name: values.get(name, "") for name in (*required, *optional)}
        rows.append(Row(lineno, fields))
    if header is None:
        raise InputError(
            str(p), f"no header line (the first line must name the columns: {_names(required)})"
        )
    return rows


def _check_header(path: Path, lineno: int, header: list[str], required: Sequence[str]) -> None:
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            raise InputError(str(path), f"line {lineno}: column {name!r} named twice")
        seen.add(name)
    missing = [c for c in required if c not in seen]
    if missing:
        hint = " (columns are separated by tabs)" if len(header) == 1 and " " in header[0] else ""
        raise InputError(
            str(path),
            f"line {lineno}: header lacks column {_names(missing)}; "
            f"it must name {_names(required)}{hint}",
        )


def _names(names: Sequence[str]) -> str:
    return ", ".join(repr(n) for n in names)


def ratio(num: int, den: int) -> float | None:
    """``num / den``, or ``None`` (undefined) when ``den`` is 0."""
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean; ``None`` when either is undefined, 0 when both are 0."""
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def fmt(value: float | None) -> str:
    """A measure for a text table: four decimals, ``n/a`` when undefined."""
    return "n/a" if value is None else f"{value:.4f}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lines of an aligned plain-text table: first column left, the others right."""
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    return [line(header), *(line(r) for r in rows)]
