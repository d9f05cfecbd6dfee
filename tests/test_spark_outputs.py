"""The Spark engine's parquet outputs are whole or absent (issue 13, item 5).

A real local SparkSession writes ``pairs.parquet`` through
:func:`textlineage.engines.spark_outputs.write_frame`: a second write replaces the first
with no temporary folder left; a write that fills the disk (a small tmpfs, root only)
raises one line naming the folder and the cause, and leaves the previous output readable
and nothing else.
"""

from __future__ import annotations

import os
import random
import string
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from textlineage.errors import OutputError


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from textlineage.engines.spark import session

    s = session("local[1]")
    yield s
    s.stop()


def _frame(spark: Any, n: int, width: int, seed: int) -> Any:
    rng = random.Random(seed)
    rows = [
        (f"doc{i}", "".join(rng.choices(string.ascii_letters, k=width)), float(i)) for i in range(n)
    ]
    return spark.createDataFrame(rows, "a string, b string, confidence double")


def _rows(spark: Any, folder: Path) -> list[tuple[str, str, float]]:
    return sorted(tuple(r) for r in spark.read.parquet(str(folder)).collect())


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield folder
    finally:
        # lazily: the JVM may hold a file it failed to write open until it collects it
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_second_write_replaces_the_first(spark: Any, tmp_path: Path) -> None:
    from textlineage.engines.spark_outputs import write_frame

    target = tmp_path / "pairs.parquet"
    write_frame(_frame(spark, 5, 10, seed=1), target)
    write_frame(_frame(spark, 7, 10, seed=2), target)
    assert len(_rows(spark, target)) == 7
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pairs.parquet"]
    assert len(list(target.glob("part-*.parquet"))) == 1


def test_a_write_that_fills_the_disk_keeps_the_old_output(spark: Any, small_disk: Path) -> None:
    from textlineage.engines.spark_outputs import write_frame

    target = small_disk / "pairs.parquet"
    write_frame(_frame(spark, 5, 10, seed=1), target)
    before = _rows(spark, target)
    st = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(bytes(st.f_bavail * st.f_frsize - 64 * 1024))

    with pytest.raises(OutputError) as caught:
        # About 1 MB of incompressible text: more than the 64 KB left.
        write_frame(_frame(spark, 4000, 250, seed=2), target)
    message = str(caught.value)
    assert message.startswith(f"{target}: cannot write (")
    assert "no space left on device" in message.lower() and "\n" not in message
    assert _rows(spark, target) == before
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "pairs.parquet"]
