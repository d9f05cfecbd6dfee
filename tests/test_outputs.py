"""Output files: whole or not at all; CSV cells that cannot start a formula."""

from __future__ import annotations

import csv
import io

import pytest

from textlineage.outputs import atomic_write, csv_cell, write_text


def test_a_failed_write_leaves_the_old_file(tmp_path) -> None:
    path = tmp_path / "out.json"
    write_text(path, "old")
    with pytest.raises(RuntimeError), atomic_write(path) as fh:
        fh.write("half of the new")
        raise RuntimeError("interrupted")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left


def test_a_failed_first_write_leaves_nothing(tmp_path) -> None:
    with pytest.raises(KeyboardInterrupt), atomic_write(tmp_path / "new.csv") as fh:
        fh.write("a,b\n")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_written_file_is_readable_like_a_plain_one(tmp_path) -> None:
    path = tmp_path / "x.txt"
    write_text(path, "été\n")
    assert path.read_text(encoding="utf-8") == "été\n"
    assert path.stat().st_mode & 0o644 == 0o644


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\t=1"])
def test_formula_cells_are_defused(value: str) -> None:
    cell = csv_cell(value)
    assert isinstance(cell, str) and cell.startswith("'") and cell[1:] == value
    buf = io.StringIO()
    csv.writer(buf).writerow([cell])
    assert not buf.getvalue().lstrip('"').startswith(("=", "+", "-", "@"))


def test_ordinary_cells_pass() -> None:
    assert csv_cell("example.com") == "example.com"
    assert csv_cell(3) == 3
    assert csv_cell("a=b") == "a=b"
