"""The index file's problems named, and a read-only index still read (issue 13, item 6).

Through the real entry point (the console script in a subprocess). Read-only is made
three ways, each where this machine allows it: a read-only filesystem (a tmpfs mount
remounted read-only: needs root), an immutable file and folder (``chattr +i``: needs
root), and no write permission (``chmod``; root ignores it, so as root the commands run
under ``setpriv`` without the capabilities that override file permissions). A full disk
is a small tmpfs (root).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import REPO, cli_path

SEED = REPO / "examples" / "seed"
Run = subprocess.CompletedProcess[str]


def run(*args: str, prefix: tuple[str, ...] = ()) -> Run:
    return subprocess.run(
        [*prefix, cli_path(), *args], capture_output=True, text=True, timeout=300, check=False
    )


def one_line_error(p: Run) -> str:
    """The error line of a failed command (and that it is the only thing it said)."""
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    assert "Traceback" not in p.stderr
    lines = [line for line in p.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("textlineage: error: "), p.stderr
    return lines[0]


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("index") / "seed.db"
    p = run("index", "add", str(db), str(SEED), "--no-semantic", "-q")
    assert p.returncode == 0, p.stderr
    return db


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    p = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if p.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {p.stderr.decode(errors='replace').strip()}")


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def _chattr(flag: str, *paths: Path) -> bool:
    if os.geteuid() != 0 or shutil.which("chattr") is None:
        return False
    p = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True, check=False)
    return p.returncode == 0


Made = tuple[Path, tuple[str, ...]]  # the read-only index, and how to run commands on it


def _read_only_fs(folder: Path, db: Path) -> Iterator[Made]:
    _mount_tmpfs(folder, "16m")
    try:
        shutil.copy(db, folder / db.name)
        p = subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=False)
        if p.returncode != 0:
            pytest.skip("cannot remount read-only here")
        yield folder / db.name, ()
    finally:
        _umount(folder)


def _immutable(folder: Path, db: Path) -> Iterator[Made]:
    folder.mkdir()
    shutil.copy(db, folder / db.name)
    if not _chattr("+i", folder / db.name, folder):
        pytest.skip("chattr +i needs root and a filesystem that has the flag")
    try:
        yield folder / db.name, ()
    finally:
        _chattr("-i", folder, folder / db.name)


def _no_permission(folder: Path, db: Path) -> Iterator[Made]:
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root writes whatever the permissions say (and setpriv is missing)")
        prefix = (setpriv, "--bounding-set", "-dac_override,-fowner")
    folder.mkdir()
    shutil.copy(db, folder / db.name)
    (folder / db.name).chmod(0o444)
    folder.chmod(0o555)
    try:
        yield folder / db.name, prefix
    finally:
        folder.chmod(0o755)


READ_ONLY: dict[str, tuple[Callable[[Path, Path], Iterator[Made]], str]] = {
    "read-only filesystem": (_read_only_fs, "read-only filesystem"),
    "immutable": (_immutable, "immutable"),
    "no permission": (_no_permission, "no permission to write"),
}


@pytest.mark.parametrize("how", list(READ_ONLY))
def test_a_read_only_index_is_read_and_writes_say_why(
    how: str, seed_index: Path, tmp_path: Path
) -> None:
    make, reason = READ_ONLY[how]
    gen = make(tmp_path / "ro", seed_index)
    db, prefix = next(gen)
    try:
        before = sorted(os.listdir(db.parent))
        stats = run("stats", str(db), "--format", "json", prefix=prefix)
        assert stats.returncode == 0, stats.stderr
        assert '"documents": 2' in stats.stdout
        found = run(
            "search", str(db), str(SEED / "derived_article.txt"), "--no-semantic", prefix=prefix
        )
        assert found.returncode == 0, found.stderr
        assert "source_report.txt" in found.stdout
        shown = run("show", str(db), "1", prefix=prefix)
        assert shown.returncode == 0 and "examples/seed" in shown.stdout, shown.stderr
        for args in (
            ("index", "add", str(db), str(SEED / "README.md"), "--no-semantic"),
            ("discover", str(db), "--out", str(tmp_path / "out"), "--no-semantic"),
        ):
            line = one_line_error(run(*args, prefix=prefix))
            assert "cannot write to the index" in line and reason in line, line
            assert "damaged" not in line
        assert not (tmp_path / "out").exists()  # refused before any work
        # Reading left nothing beside the index (no shared-memory or log file).
        assert sorted(os.listdir(db.parent)) == before
    finally:
        gen.close()


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    db = tmp_path / "no" / "such" / "folder" / "c.db"
    line = one_line_error(run("index", "add", str(db), str(SEED), "--no-semantic"))
    assert f"folder {db.parent} does not exist" in line


def test_a_new_index_on_a_read_only_filesystem(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    _mount_tmpfs(folder, "1m")
    try:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        line = one_line_error(run("index", "add", str(folder / "c.db"), str(SEED)))
        assert "cannot create the index: read-only filesystem" in line
    finally:
        _umount(folder)


def test_a_full_disk_is_named_and_the_index_stays_usable(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    _mount_tmpfs(folder, "320k")
    try:
        rng = random.Random(13)
        words = ["".join(rng.choice("abcdefghij") for _ in range(6)) for _ in range(4000)]
        docs = tmp_path / "docs"
        docs.mkdir()
        for i in range(40):
            text = " ".join(rng.choice(words) for _ in range(3000)) + "."
            (docs / f"d{i:02d}.txt").write_text(text, encoding="utf-8")
        db = folder / "c.db"
        line = one_line_error(run("index", "add", str(db), str(docs), "--no-semantic"))
        assert "disk full" in line and "damaged" not in line, line
        # What was committed before is there and readable.
        stats = run("stats", str(db), "--format", "json")
        assert stats.returncode == 0, stats.stderr
    finally:
        _umount(folder)


@pytest.mark.parametrize(
    ("damage", "needle"),
    [
        (lambda b: b"plain text, not a database" * 10, "not a textlineage index"),
        (lambda b: b[:4096] + bytes(4096) + b[8192:], "damaged index"),
    ],
)
def test_foreign_and_damaged_files(
    damage: Callable[[bytes], bytes], needle: str, seed_index: Path, tmp_path: Path
) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(damage(seed_index.read_bytes()))
    line = one_line_error(run("stats", str(db)))
    assert needle in line


def test_an_index_whose_creation_failed_is_made_on_the_next_run(tmp_path: Path) -> None:
    """A new index that the disk could not take leaves an SQLite file without a table
    behind; the next run made it "not a textlineage index (no such table: meta)" for
    good, until the user deleted it. An SQLite file with no table holds nobody's data:
    it is made an index."""
    import resource

    def small_files() -> None:  # as a disk that is full after 8 KB would
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    text = tmp_path / "a.txt"
    text.write_text("The river rose by three metres overnight, flooding the town.\n" * 20)
    db = tmp_path / "c.db"
    failed = subprocess.run(
        [cli_path(), "index", "add", str(db), str(text), "-j", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=small_files,
    )
    one_line_error(failed)
    assert db.exists()
    line = one_line_error(run("stats", str(db)))  # a reading command does not write it
    assert line.endswith("without tables; `index add` makes it one)")
    p = run("index", "add", str(db), str(text), "-j", "1", "--format", "json")
    assert p.returncode == 0, p.stderr
    assert '"added": 1' in p.stdout


def test_a_schema_version_that_is_not_a_number_is_a_damaged_index(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "c.db"
    text = tmp_path / "a.txt"
    text.write_text("The river rose by three metres overnight, flooding the town.\n" * 20)
    assert run("index", "add", str(db), str(text), "-j", "1").returncode == 0
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE meta SET value='2x' WHERE key='schema_version'")
    con.close()
    line = one_line_error(run("stats", str(db)))
    assert line.endswith("damaged index (schema version '2x')")


@pytest.mark.parametrize("command", ["stats", "index add"])
def test_an_index_path_that_is_a_named_pipe_is_refused(tmp_path: Path, command: str) -> None:
    """Opening a named pipe waits for a writer: ``stats`` and ``index add`` hung on one."""
    fifo = tmp_path / "c.db"
    os.mkfifo(fifo)
    text = tmp_path / "a.txt"
    text.write_text("The river rose by three metres overnight, flooding the town.\n" * 20)
    args = ["stats", str(fifo)] if command == "stats" else ["index", "add", str(fifo), str(text)]
    try:
        p = subprocess.run(
            [cli_path(), *args], capture_output=True, text=True, timeout=20, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} waited on a named pipe")
    line = one_line_error(p)
    assert line.endswith("c.db: is a named pipe (FIFO), not a regular file, not an index file")
