"""Load test of the web service: many clients posting compares of news-length pairs.

Run by hand:  .venv/bin/python benchmarks/bench_serve.py [--clients 50] [--seconds 60]

Starts ``textlineage serve`` on a free loopback port (or uses ``--url``), waits until its
workers are warm, then runs ``--clients`` concurrent clients (asyncio + httpx), each
posting ``POST /api/compare`` back to back for ``--seconds``. Prints requests per second,
p50/p90/p99 latency and the count of 5xx answers (503 = shed by the admission bound).

The pairs are PAN 2013 training pairs (read from ../shared/data, never copied) whose two
documents are both news-length (2,500 to 8,000 bytes, about 400 to 1,300 words): a mix of
copied, obfuscated, summarised and unrelated pairs, taken at an even stride through the
pairs list. Client and server share the machine, so the client's own work is included.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

PAN = Path(__file__).resolve().parents[2] / "shared" / "data" / "pan13-train"


def news_pairs(n: int) -> list[dict[str, Any]]:
    """Up to ``n`` request bodies, both documents 2,500 to 8,000 bytes long."""
    pairs = [line.split() for line in (PAN / "pairs").read_text().splitlines() if line.strip()]
    fits = [
        (susp, src)
        for susp, src in pairs
        if 2500 <= (PAN / "susp" / susp).stat().st_size <= 8000
        and 2500 <= (PAN / "src" / src).stat().st_size <= 8000
    ]
    stride = max(1, len(fits) // n)
    bodies = []
    for susp, src in fits[::stride][:n]:
        bodies.append(
            {
                "a": {"text": (PAN / "src" / src).read_text(encoding="utf-8"), "name": src},
                "b": {"text": (PAN / "susp" / susp).read_text(encoding="utf-8"), "name": susp},
            }
        )
    return bodies


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(args: argparse.Namespace) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    cmd = [sys.executable, "-m", "textlineage.cli", "serve", "--port", str(port)]
    cmd += ["--workers", str(args.workers), "--max-pending", str(args.max_pending)]
    if args.no_semantic:
        cmd.append("--no-semantic")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(proc, url, lambda: proc.stderr.read().decode() if proc.stderr else "")
    return proc, url


def wait_until_serving(
    proc: subprocess.Popen[bytes], url: str, output: Callable[[], str], limit: float = 300
) -> None:
    """Wait until the server at ``url`` answers ``/healthz``; exit with its ``output``
    if it dies first, or after ``limit`` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {output()}")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit(f"server did not start within {limit:.0f} s")


async def load(url: str, bodies: list[dict[str, Any]], clients: int, seconds: float) -> None:
    latencies: list[float] = []
    statuses: Counter[int | str] = Counter()
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    next_body = 0

    async def client(c: httpx.AsyncClient) -> None:
        nonlocal next_body
        while time.monotonic() < deadline:
            body = bodies[next_body % len(bodies)]
            next_body += 1
            t = time.perf_counter()
            try:
                r = await c.post("/api/compare", json=body)
                statuses[r.status_code] += 1
            except httpx.HTTPError as exc:
                statuses[type(exc).__name__] += 1
                continue
            if r.status_code == 200:
                latencies.append(time.perf_counter() - t)

    async with httpx.AsyncClient(base_url=url, timeout=600, limits=limits) as c:
        t0 = time.perf_counter()
        await asyncio.gather(*(client(c) for _ in range(clients)))
        elapsed = time.perf_counter() - t0

    ok = len(latencies)
    server_errors = sum(n for s, n in statuses.items() if isinstance(s, int) and s >= 500)
    q = statistics.quantiles(latencies, n=100) if ok >= 2 else [float("nan")] * 99
    print(f"{clients} clients, {elapsed:.1f} s: {ok} compares OK = {ok / elapsed:.2f} requests/s")
    print(
        f"latency p50 {q[49] * 1000:.0f} ms, p90 {q[89] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms"
    )
    print(
        f"5xx: {server_errors} (of which 503: {statuses.get(503, 0)}); all answers: {dict(statuses)}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--pairs", type=int, default=200, help="distinct pairs, used round robin")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--max-pending", type=int, default=64)
    ap.add_argument("--no-semantic", action="store_true")
    ap.add_argument("--url", help="benchmark a running server instead of starting one")
    args = ap.parse_args()

    bodies = news_pairs(args.pairs)
    sizes = [len(b["a"]["text"]) + len(b["b"]["text"]) for b in bodies]
    print(
        f"{len(bodies)} PAN pairs, median {statistics.median(sizes) / 2:,.0f} characters a document"
    )
    proc = None
    url = args.url
    if url is None:
        t = time.perf_counter()
        proc, url = start_server(args)
        print(
            f"server: {args.workers} worker(s), semantic {'off' if args.no_semantic else 'on'}, "
            f"max pending {args.max_pending}; ready in {time.perf_counter() - t:.1f} s"
        )
    try:
        asyncio.run(load(url, bodies, args.clients, args.seconds))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=60)


if __name__ == "__main__":
    main()
