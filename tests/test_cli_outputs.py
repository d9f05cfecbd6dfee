"""Output files through the real command line: a missing folder, a full disk, a read-only
file system give one line naming the file and exit 2, and never leave half a file; the
CSV files of a real ``discover`` run cannot start a spreadsheet formula."""

from __future__ import annotations

import csv
import json
import os
import resource
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PAN, cli_path

RIVER = (
    "The river rose by three metres overnight, flooding the lower town and forcing two "
    "hundred residents to leave their homes before dawn on Wednesday, officials said.\n"
) * 30
CREWS = (
    "Emergency crews worked through the night to reinforce the embankments near the old "
    "mill, while volunteers filled sandbags in the market square until the morning.\n"
) * 30


def run(*args: str, file_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI; ``file_limit`` caps the size of any file it writes (RLIMIT_FSIZE), as a
    disk that fills up would."""

    def limit() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run(
        [cli_path(), *args], capture_output=True, text=True, timeout=600, preexec_fn=limit
    )


def one_line(p: subprocess.CompletedProcess[str]) -> str:
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr, p.stderr
    lines = [x for x in p.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, p.stderr
    return lines[0]


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "a.txt").write_text(RIVER + CREWS, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RIVER, encoding="utf-8")
    return str(tmp_path / "a.txt"), str(tmp_path / "b.txt")


def _mount(folder: Path, options: str) -> Iterator[Path]:
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.fixture()
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KB file system with a few KB free."""
    for folder in _mount(tmp_path / "disk", "size=64k"):
        (folder / "filler").write_bytes(bytes(60 * 1024))
        yield folder


@pytest.fixture()
def read_only(tmp_path: Path) -> Iterator[Path]:
    yield from _mount(tmp_path / "ro", "ro,size=64k")


def test_compare_output_into_a_missing_folder(tmp_path: Path, pair: tuple[str, str]) -> None:
    out = tmp_path / "no" / "such" / "r.json"
    line = one_line(run("compare", *pair, "--no-semantic", "--format", "json", "-o", str(out)))
    assert line == f"textlineage: error: {out}: cannot write (no such folder)"


def test_compare_output_that_outgrows_the_disk_keeps_the_old_file(
    tmp_path: Path, pair: tuple[str, str]
) -> None:
    out = tmp_path / "r.html"
    out.write_text("the previous report\n", encoding="utf-8")
    p = run(
        "compare", *pair, "--no-semantic", "--format", "html", "-o", str(out), file_limit=16 * 1024
    )
    assert one_line(p) == f"textlineage: error: {out}: cannot write (file too large)"
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.txt", "b.txt", "r.html"]


def test_compare_output_on_a_full_disk(full_disk: Path, pair: tuple[str, str]) -> None:
    out = full_disk / "r.json"
    p = run("compare", *pair, "--no-semantic", "--format", "json", "-o", str(out))
    assert one_line(p) == f"textlineage: error: {out}: cannot write (no space left on device)"
    assert sorted(x.name for x in full_disk.iterdir()) == ["filler"]


def test_compare_output_on_a_read_only_file_system(read_only: Path, pair: tuple[str, str]) -> None:
    out = read_only / "r.txt"
    p = run("compare", *pair, "--no-semantic", "-o", str(out))
    assert one_line(p) == f"textlineage: error: {out}: cannot write (read-only file system)"


# --------------------------------------------------------------------------- discover


def _prose(n: int) -> list[str]:
    """Real paragraphs from PAN source documents (read from ../shared, never copied)."""
    if not PAN.exists():
        pytest.skip("../shared/data/pan13-train not present")
    out = []
    for f in sorted((PAN / "src").iterdir())[7 : 7 + 3 * n : 3]:
        paras = [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if len(p) > 200]
        out.append("\n\n".join(paras[:4]) or f.read_text(encoding="utf-8")[:2000])
    return out


HOSTILE_SITES = (
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
)


@pytest.fixture()
def hostile_index(tmp_path: Path) -> Path:
    """An index whose documents are reprinted across sites named like formulas."""
    texts = _prose(4)
    records = []
    for i, text in enumerate(texts):
        records.append(
            {"id": f"doc{i}", "text": text, "site": HOSTILE_SITES[i], "date": f"2021-01-0{i + 1}"}
        )
        reprint = text.split("\n\n")[0] + "\n\nThe council declined to comment further."
        records.append(
            {
                "id": f"re{i}",
                "text": reprint,
                "site": HOSTILE_SITES[(i + 1) % 4],
                "date": f"2021-02-0{i + 1}",
            }
        )
    records.append({"id": "copy0", "text": texts[0], "site": "=1+1", "date": "2021-03-01"})
    source = tmp_path / "hostile.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "h.db"
    assert run("index", "add", str(db), str(source), "-j", "1").returncode == 0
    return db


def test_discover_csv_cells_cannot_start_a_formula(tmp_path: Path, hostile_index: Path) -> None:
    out = tmp_path / "out"
    p = run("discover", str(hostile_index), "--out", str(out), "-j", "1", "--no-semantic")
    assert p.returncode == 0, p.stderr
    for name in ("sites.csv", "boilerplate.csv", "timeline.csv"):
        with open(out / name, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (name, cell)
                assert not (cell.startswith("-") and not cell[1:].replace(".", "").isdigit())
    with open(out / "sites.csv", encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    sites = {e["source_site"] for e in edges} | {e["derived_site"] for e in edges}
    assert {"'" + s for s in HOSTILE_SITES} & sites  # defused, still readable


def test_discover_onto_a_full_disk(full_disk: Path, hostile_index: Path) -> None:
    out = full_disk / "out"
    p = run("discover", str(hostile_index), "--out", str(out), "-j", "1", "--no-semantic")
    line = one_line(p)
    assert line.startswith(f"textlineage: error: {out}/") and line.endswith(
        ": cannot write (no space left on device)"
    )
    # Whatever was written is whole; no temporary file is left behind.
    for f in out.iterdir():
        assert not f.name.startswith("."), f.name
        if f.suffix == ".jsonl":
            for row in f.read_text(encoding="utf-8").splitlines():
                json.loads(row)
        if f.suffix == ".json":
            json.loads(f.read_text(encoding="utf-8"))


def test_discover_into_a_read_only_folder_fails_before_the_work(
    read_only: Path, hostile_index: Path
) -> None:
    out = read_only / "out"
    p = run("discover", str(hostile_index), "--out", str(out), "-j", "1", "--no-semantic")
    assert one_line(p) == f"textlineage: error: {out}: cannot write (read-only file system)"


def test_discover_out_under_a_file(tmp_path: Path, hostile_index: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("not a folder\n", encoding="utf-8")
    out = taken / "out"
    p = run("discover", str(hostile_index), "--out", str(out), "-j", "1", "--no-semantic")
    assert one_line(p) == (
        f"textlineage: error: {out}: cannot write (a part of the path is not a folder)"
    )


def test_compare_output_to_a_device_writes_into_it(tmp_path: Path, pair: tuple[str, str]) -> None:
    """``-o /dev/null`` (or a terminal, a pipe) is written into, never replaced by a
    regular file: a device cannot be swapped whole, and must not be."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    except PermissionError:
        pytest.skip("making a device node needs root")
    p = run("compare", *pair, "--no-semantic", "-o", str(device))
    assert p.returncode == 0, p.stderr
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.txt", "b.txt", "null"]


def test_compare_output_to_a_full_device_is_one_line(tmp_path: Path, pair: tuple[str, str]) -> None:
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
    except PermissionError:
        pytest.skip("making a device node needs root")
    line = one_line(run("compare", *pair, "--no-semantic", "-o", str(device)))
    assert line == f"textlineage: error: {device}: cannot write (no space left on device)"
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_compare_output_through_a_symbolic_link(tmp_path: Path, pair: tuple[str, str]) -> None:
    """The link stays a link; the file it points to gets the report, whole."""
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "report.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    p = run("compare", *pair, "--no-semantic", "--format", "json", "-o", str(link))
    assert p.returncode == 0, p.stderr
    assert link.is_symlink() and link.resolve() == real
    assert json.loads(real.read_text(encoding="utf-8"))["schema"] == "textlineage.compare"
    assert [x.name for x in (tmp_path / "reports").iterdir()] == ["report.json"]
