"""The local engine's process pool: workers die with their parent, one inference thread."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from textlineage.engines.pool import process_pool

PARENT = textwrap.dedent(
    """
    import json, os, sys, time
    from textlineage.engines.pool import process_pool

    def pid(_):
        time.sleep(0.5)
        return os.getpid()

    if __name__ == "__main__":
        pool = process_pool(2, start_method=sys.argv[1])
        pids = sorted(set(pool.map(pid, range(4))))
        print(json.dumps(pids), flush=True)
        time.sleep(600)
    """
)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"  # a zombie is dead
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_exit_when_the_parent_is_killed(tmp_path, method: str) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    proc = subprocess.Popen(
        [sys.executable, str(script), method], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        pids = json.loads(proc.stdout.readline())
        assert len(pids) == 2 and all(_alive(p) for p in pids)
        os.kill(proc.pid, signal.SIGKILL)  # no clean-up runs in the parent
        proc.wait()
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in pids)
    finally:
        proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _threads(_: int) -> tuple[str | None, str | None]:
    return os.environ.get("OMP_NUM_THREADS"), os.environ.get("TEXTLINEAGE_THREADS")


def test_one_inference_thread_unless_configured(monkeypatch) -> None:
    monkeypatch.delenv("TEXTLINEAGE_THREADS", raising=False)
    with process_pool(1) as pool:
        assert list(pool.map(_threads, [0])) == [("1", "1")]
    with process_pool(1, threads=3) as pool:
        assert list(pool.map(_threads, [0])) == [("3", "3")]
    monkeypatch.setenv("TEXTLINEAGE_THREADS", "2")
    with process_pool(1) as pool:
        assert list(pool.map(_threads, [0])) == [("2", "2")]


def test_bad_worker_count() -> None:
    with pytest.raises(ValueError, match="workers"):
        process_pool(0)


def test_both_engines_implement_the_seam(tmp_path) -> None:
    from textlineage.corpus.store import Store
    from textlineage.engines.base import Engine
    from textlineage.engines.local import LocalEngine
    from textlineage.engines.spark import SparkEngine

    store = Store(tmp_path / "x.db")
    try:
        assert isinstance(LocalEngine(store), Engine)
    finally:
        store.close()
    assert isinstance(SparkEngine(["x.jsonl"]), Engine)  # no session until it runs


def test_spark_engine_without_pyspark_names_the_install_command(monkeypatch) -> None:
    import sys

    from textlineage.engines.spark import session
    from textlineage.errors import MissingDependencyError

    monkeypatch.setitem(sys.modules, "pyspark", None)  # as if not installed
    with pytest.raises(MissingDependencyError, match=r"pip install 'textlineage\[spark\]'"):
        session()
