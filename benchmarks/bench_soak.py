"""Soak test of the web service: many clients for a long time, valid, malformed and
oversized requests mixed; memory over time, 5xx answers, and every answer checked.

Run by hand:  .venv/bin/python benchmarks/bench_soak.py [--clients 50] [--seconds 600]
              [--sample 15] [--workers N] [--no-semantic] [--max-document-mb 1]

Builds a small index (PAN 2013 source documents of news length, read from ../shared/data
and never copied; the bundled seed pair when that is absent), starts ``textlineage serve``
on it, and runs ``--clients`` concurrent clients (asyncio + httpx), each sending requests
back to back for ``--seconds``, drawn from a fixed mix (seeded, so a run is repeatable):

* valid (about 55%): compares of news-length pairs as JSON and as uploads, searches, reads
  of stored documents (ids are paths, with ``/``), clusters, the network, health;
* malformed (about 35%): bodies that are not JSON or not UTF-8, JSON of the wrong shape or
  types, nested 100,000 deep, lone surrogates, both or neither of text and html, bad
  numbers and flags, unknown media types, multipart without a boundary or with garbage,
  binary and empty uploads;
* oversized (about 10%): a document over the service's limit, a body over the body limit
  (declared, and streamed without a length).

Every answer must be JSON of the right shape (a result with its schema, or
``{"error": "..."}``) with a status of its class (2xx for valid requests, 4xx for the
others); 5xx answers are counted (503 included: the clients are fewer than the admission
bound, so none is expected). Every ``--sample`` seconds the resident memory of the server
and of each of its worker processes is read from ``/proc`` and printed; the summary gives
memory at the first sample, at the end, its peak and its trend over the second half (MB a
minute), and the requests by kind and status. Exits 1 when any answer was a 5xx or
ill-formed. Client and server share the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import free_port, wait_until_serving  # a script beside this one

REPO = Path(__file__).resolve().parents[1]
PAN = REPO.parent / "shared" / "data" / "pan13-train"
SEED = REPO / "examples" / "seed"
MB = 1024 * 1024


# --------------------------------------------------------------------------- material


def news_documents(n: int) -> list[Path]:
    """Up to ``n`` PAN source documents of 2,500 to 8,000 bytes (the seed pair without PAN)."""
    if not (PAN / "src").is_dir():
        return sorted(SEED.glob("*.txt"))
    files = sorted(p for p in (PAN / "src").iterdir() if 2500 <= p.stat().st_size <= 8000)
    stride = max(1, len(files) // n)
    return files[::stride][:n]


def news_pairs(n: int) -> list[tuple[str, str]]:
    """Up to ``n`` (source, suspicious) texts, both news length (the seed pair without PAN)."""
    if not (PAN / "pairs").exists():
        texts = [p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))]
        return [(texts[0], texts[1])]
    pairs = [line.split() for line in (PAN / "pairs").read_text().splitlines() if line.strip()]
    fits = [
        (src, susp)
        for susp, src in pairs
        if 2500 <= (PAN / "susp" / susp).stat().st_size <= 8000
        and 2500 <= (PAN / "src" / src).stat().st_size <= 8000
    ]
    stride = max(1, len(fits) // n)
    return [
        (
            (PAN / "src" / src).read_text(encoding="utf-8"),
            (PAN / "susp" / susp).read_text(encoding="utf-8"),
        )
        for src, susp in fits[::stride][:n]
    ]


# --------------------------------------------------------------------------- requests


@dataclass
class Request:
    """One request of the mix, and the class of status it must get (2 or 4)."""

    kind: str
    method: str
    path: str
    expect: int
    json_body: Any = None
    content: bytes | Callable[[], AsyncIterator[bytes]] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes, str]] | None = None
    data: dict[str, str] | None = None


def _nested(depth: int) -> bytes:
    return b'{"a":' + b"[" * depth + b"]" * depth + b',"b":{"text":"x"}}'


def _malformed(rng: random.Random, text: str) -> Request:
    json_ct = {"content-type": "application/json"}
    route = rng.choice(["/api/compare", "/api/search"])
    raw: list[tuple[str, bytes, dict[str, str]]] = [
        ("not-json", b'{"a": {"text": "unterminated', json_ct),
        ("not-utf8", b'{"text": "\xff\xfe\xfa"}', json_ct),
        ("nested", _nested(100_000), json_ct),
        ("surrogate", b'{"a": {"text": "x\\ud800y"}, "b": {"text": "z"}}', json_ct),
        ("huge-number", b'{"text": "x", "top": 1' + b"0" * 5000 + b"}", json_ct),
        ("nan", b'{"text": "x", "top": NaN}', json_ct),
        ("media-type", text[:200].encode(), {"content-type": "text/plain"}),
        ("no-boundary", b"--x\r\n\r\n", {"content-type": "multipart/form-data"}),
        ("bad-multipart", rng.randbytes(64), {"content-type": "multipart/form-data; boundary=zz"}),
    ]
    shaped: list[tuple[str, Any]] = [
        ("array", [1, 2, 3]),
        ("wrong-types", {"a": {"text": 5}, "b": {"html": ["x"]}, "semantic": "maybe"}),
        ("both", {"a": {"text": "x", "html": "<p>x</p>"}, "b": {"text": "y"}, "text": "z"}),
        ("neither", {"a": {}, "b": {"name": "only a name"}}),
        ("extra", {"a": {"text": "x"}, "b": {"text": "y"}, "text": "q", "top": 0, "zzz": 1}),
        ("empty", {"a": {"text": "   "}, "b": {"text": ""}, "text": " \n "}),
        ("long-name", {"a": {"text": "x", "name": "n" * 10_000}, "text": "y", "top": 500}),
    ]
    pick = rng.randrange(len(raw) + len(shaped) + 2)
    if pick < len(raw):
        name, body, headers = raw[pick]
        return Request(f"bad:{name}", "POST", route, 4, content=body, headers=headers)
    pick -= len(raw)
    if pick < len(shaped):
        name, value = shaped[pick]
        return Request(f"bad:{name}", "POST", route, 4, json_body=value)
    if pick == len(shaped):
        files = {"a": ("a.bin", rng.randbytes(2048), "application/octet-stream")}
        files["b"] = ("b.txt", b"", "text/plain")
        return Request("bad:binary-upload", "POST", "/api/compare", 4, files=files)
    return Request(
        "bad:form-flags",
        "POST",
        "/api/search",
        4,
        files={"document": ("q.txt", text[:500].encode(), "text/plain")},
        data={"top": "many", "semantic": "perhaps"},
    )


def _oversized(rng: random.Random, limit: int) -> Request:
    big = ("word " * (limit // 5 + 200)).encode()
    choice = rng.randrange(3)
    if choice == 0:  # one document over the limit, the body under the body limit
        body = {"a": {"text": big.decode()}, "b": {"text": "short"}}
        return Request("big:document", "POST", "/api/compare", 4, json_body=body)
    body_limit = 2 * limit + 64 * 1024
    if choice == 1:  # a declared length over the body limit
        blob = b'{"a":{"text":"' + b"x" * (body_limit + 1024) + b'"}}'
        return Request(
            "big:body",
            "POST",
            "/api/compare",
            4,
            content=blob,
            headers={"content-type": "application/json"},
        )

    async def stream() -> AsyncIterator[bytes]:  # no length: cut off as it passes the limit
        chunk = b"y" * (256 * 1024)
        for _ in range(body_limit // len(chunk) + 2):
            yield chunk

    return Request(
        "big:stream",
        "POST",
        "/api/search",
        4,
        content=stream,
        headers={"content-type": "application/json"},
    )


class Mix:
    """Draws the requests of one client (its own seeded generator)."""

    def __init__(self, seed: int, pairs: list[tuple[str, str]], ids: list[str], limit: int) -> None:
        self.rng = random.Random(seed)
        self.pairs = pairs
        self.ids = ids
        self.limit = limit

    def next(self) -> Request:
        rng = self.rng
        a, b = rng.choice(self.pairs)
        roll = rng.random()
        if roll < 0.22:
            body = {"a": {"text": a, "name": "a"}, "b": {"text": b, "name": "b"}}
            return Request("ok:compare", "POST", "/api/compare", 2, json_body=body)
        if roll < 0.27:
            html = (
                "<html><body>"
                + "".join(f"<p>{p}</p>" for p in b.split("\n") if p)
                + "</body></html>"
            )
            files = {
                "a": ("a.txt", a.encode(), "text/plain"),
                "b": ("b.html", html.encode(), "text/html"),
            }
            return Request("ok:upload", "POST", "/api/compare", 2, files=files)
        if roll < 0.37:
            return Request("ok:search", "POST", "/api/search", 2, json_body={"text": b, "top": 5})
        if roll < 0.50:
            # Ids are paths: sent as they are, or with every "/" percent-encoded.
            key = rng.choice(self.ids)
            quoted = quote(key, safe="/" if rng.random() < 0.5 else "")
            return Request("ok:document", "GET", f"/api/documents/{quoted}", 2)
        if roll < 0.55:
            path = rng.choice(["/healthz", "/api/clusters?limit=5", "/api/documents/1"])
            return Request("ok:read", "GET", path, 2)
        if roll < 0.90:
            return _malformed(rng, b)
        return _oversized(rng, self.limit)


# --------------------------------------------------------------------------- answers


def well_formed(r: httpx.Response) -> str | None:
    """What is wrong with the answer's form (None: nothing)."""
    if not r.headers.get("content-type", "").startswith("application/json"):
        return f"content-type {r.headers.get('content-type')!r}"
    try:
        body = r.json()
    except ValueError:
        return "body is not JSON"
    if r.status_code >= 400:
        if not (
            isinstance(body, dict) and list(body) == ["error"] and isinstance(body["error"], str)
        ):
            return "error body is not {'error': str}"
        return None
    if not isinstance(body, dict):
        return "result is not an object"
    return None


@dataclass
class Tally:
    statuses: Counter[tuple[str, int | str]] = field(default_factory=Counter)
    wrong_class: Counter[str] = field(default_factory=Counter)
    ill_formed: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    done: int = 0


async def send(c: httpx.AsyncClient, req: Request) -> httpx.Response:
    content = req.content() if callable(req.content) else req.content
    return await c.request(
        req.method,
        req.path,
        json=req.json_body,
        content=content,
        headers=req.headers or None,
        files=req.files,
        data=req.data,
    )


async def client(c: httpx.AsyncClient, mix: Mix, deadline: float, tally: Tally) -> None:
    while time.monotonic() < deadline:
        req = mix.next()
        t = time.perf_counter()
        try:
            r = await send(c, req)
        except httpx.HTTPError as exc:
            # A body cut off by the server mid-upload (413 sent early) ends this way.
            tally.statuses[(req.kind, type(exc).__name__)] += 1
            tally.done += 1
            continue
        tally.done += 1
        tally.statuses[(req.kind, r.status_code)] += 1
        problem = well_formed(r)
        if problem is not None:
            tally.ill_formed.append(f"{req.kind} {r.status_code}: {problem}")
        if r.status_code // 100 != req.expect:
            tally.wrong_class[f"{req.kind} -> {r.status_code}"] += 1
        if req.kind in ("ok:compare", "ok:search") and r.status_code == 200:
            tally.latencies.append(time.perf_counter() - t)


# --------------------------------------------------------------------------- memory


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def memory(server: int) -> tuple[float, list[float]]:
    """RSS in MB of the server process and of each process under it."""
    kids = _children()
    below: list[int] = []
    todo = list(kids.get(server, []))
    while todo:
        pid = todo.pop()
        below.append(pid)
        todo.extend(kids.get(pid, []))
    return _rss_mb(server), sorted((_rss_mb(p) for p in below), reverse=True)


async def sampler(
    server: int,
    every: float,
    deadline: float,
    tally: Tally,
    rows: list[tuple[float, float, list[float]]],
) -> None:
    t0 = time.monotonic()
    print(f"{'time':>6} {'requests':>9} {'server MB':>10} {'workers MB':>24} {'total MB':>9}")
    while True:
        main, workers = memory(server)
        elapsed = time.monotonic() - t0
        rows.append((elapsed, main, workers))
        shown = " ".join(f"{w:.0f}" for w in workers) or "-"
        print(
            f"{elapsed:6.0f} {tally.done:9d} {main:10.1f} {shown:>24} {main + sum(workers):9.1f}",
            flush=True,
        )
        if time.monotonic() >= deadline:
            return
        await asyncio.sleep(min(every, max(deadline - time.monotonic(), 0.0)))


def trend(rows: list[tuple[float, float, list[float]]]) -> float:
    """Least-squares slope of total memory over the second half of the run, in MB a minute."""
    half = rows[len(rows) // 2 :]
    if len(half) < 2:
        return float("nan")
    xs = [t / 60 for t, _, _ in half]
    ys = [m + sum(w) for _, m, w in half]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0


# --------------------------------------------------------------------------- run


def build_index(work: Path, docs: list[Path]) -> tuple[Path, list[str]]:
    db = work / "soak.db"
    cmd = [sys.executable, "-m", "textlineage.cli", "index", "add", str(db), *map(str, docs)]
    subprocess.run([*cmd, "--no-semantic", "-q"], check=True)
    return db, [str(p) for p in docs]


def start_server(
    args: argparse.Namespace, db: Path, log: Path
) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    cmd = [sys.executable, "-m", "textlineage.cli", "serve", "--port", str(port), "--db", str(db)]
    cmd += ["--workers", str(args.workers), "--max-pending", str(args.max_pending)]
    cmd += ["--max-document-mb", str(args.max_document_mb)]
    if args.no_semantic:
        cmd.append("--no-semantic")
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_until_serving(proc, url, lambda: log.read_text(errors="replace")[-2000:])
    return proc, url


async def soak(
    args: argparse.Namespace, url: str, server: int, pairs: list[tuple[str, str]], ids: list[str]
) -> tuple[Tally, list[tuple[float, float, list[float]]], float]:
    tally = Tally()
    rows: list[tuple[float, float, list[float]]] = []
    limit = int(args.max_document_mb * MB)
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    t0 = time.perf_counter()
    deadline = time.monotonic() + args.seconds
    async with httpx.AsyncClient(base_url=url, timeout=600, limits=limits) as c:
        mixes = [Mix(args.seed + i, pairs, ids, limit) for i in range(args.clients)]
        await asyncio.gather(
            sampler(server, args.sample, deadline, tally, rows),
            *(client(c, m, deadline, tally) for m in mixes),
        )
    return tally, rows, time.perf_counter() - t0


def report(
    tally: Tally, rows: list[tuple[float, float, list[float]]], elapsed: float, server_log: Path
) -> int:
    by_kind: dict[str, Counter[int | str]] = {}
    for (kind, status), n in tally.statuses.items():
        by_kind.setdefault(kind, Counter())[status] += n
    print(f"\n{tally.done} requests in {elapsed:.0f} s ({tally.done / elapsed:.1f}/s)")
    for kind in sorted(by_kind):
        print(f"  {kind:22s} {dict(sorted(by_kind[kind].items(), key=str))}")
    five = sum(n for (_, s), n in tally.statuses.items() if isinstance(s, int) and s >= 500)
    transport = sum(n for (_, s), n in tally.statuses.items() if isinstance(s, str))
    if tally.latencies:
        q = (
            statistics.quantiles(tally.latencies, n=100)
            if len(tally.latencies) > 1
            else [tally.latencies[0]] * 99
        )
        print(
            f"valid compare/search latency: p50 {q[49]:.2f} s, p90 {q[89]:.2f} s, p99 {q[98]:.2f} s"
        )
    totals = [m + sum(w) for _, m, w in rows]
    # Warm: the first sample a fifth of the way in (at most a minute): caches filled.
    warm_at = min(60.0, rows[-1][0] / 5)
    warm = next(i for i, (t, _, _) in enumerate(rows) if t >= warm_at)
    print(
        f"memory (server + workers): at start {totals[0]:.0f} MB, warm ({rows[warm][0]:.0f} s) "
        f"{totals[warm]:.0f} MB, at the end {totals[-1]:.0f} MB, peak {max(totals):.0f} MB; "
        f"trend over the second half {trend(rows):+.2f} MB/min"
    )
    print(
        f"5xx answers: {five}; ill-formed answers: {len(tally.ill_formed)}; transport errors: {transport}"
    )
    if tally.wrong_class:
        print(f"status of another class than expected: {dict(tally.wrong_class)}")
    for line in tally.ill_formed[:10]:
        print(f"  ill-formed: {line}")
    tracebacks = server_log.read_text(errors="replace").count("Traceback")
    print(f"tracebacks in the server log: {tracebacks}")
    return 1 if five or tally.ill_formed or tracebacks else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=600.0)
    ap.add_argument("--sample", type=float, default=15.0, help="seconds between memory samples")
    ap.add_argument("--pairs", type=int, default=100, help="distinct compare pairs")
    ap.add_argument("--documents", type=int, default=300, help="documents in the index")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--max-pending", type=int, default=64)
    ap.add_argument("--max-document-mb", type=float, default=1.0)
    ap.add_argument("--no-semantic", action="store_true")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    pairs = news_pairs(args.pairs)
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        work = Path(tmp)
        t = time.perf_counter()
        db, ids = build_index(work, news_documents(args.documents))
        print(
            f"index: {len(ids)} documents in {time.perf_counter() - t:.1f} s; {len(pairs)} compare pairs"
        )
        t = time.perf_counter()
        log = work / "server.log"
        proc, url = start_server(args, db, log)
        print(
            f"server: {args.workers} worker(s), semantic {'off' if args.no_semantic else 'on'}, "
            f"documents up to {args.max_document_mb} MB, max pending {args.max_pending}; "
            f"ready in {time.perf_counter() - t:.1f} s; {args.clients} clients for {args.seconds:.0f} s\n"
        )
        try:
            tally, rows, elapsed = asyncio.run(soak(args, url, proc.pid, pairs, ids))
        finally:
            proc.terminate()
            proc.wait(timeout=60)
        status = report(tally, rows, elapsed, log)
    sys.exit(status)


if __name__ == "__main__":
    main()
