"""Fuzzing the HTTP request models (issue 13): arbitrary JSON bodies, raw bytes and form
fields to ``/api/compare`` and ``/api/search`` of a real server.

Every answer must be well-formed JSON with a 2xx or 4xx status (never a 5xx): a result of
its schema, or ``{"error": "..."}``. The server is ``textlineage serve --no-semantic`` over
a small index, one request at a time; the examples are bounded so that the file runs in
well under a minute.
"""

from __future__ import annotations

import json
import signal
import subprocess
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, cli_path
from test_web_api import Server

SEED = REPO / "examples" / "seed"
SENTENCES = [
    s.strip() + "."
    for path in (SEED / "source_report.txt", SEED / "derived_article.txt")
    for s in path.read_text(encoding="utf-8").split(".")
    if len(s.strip()) > 20
][:40]
ROUTES = ("/api/compare", "/api/search")
FIELDS = ("a", "b", "document", "text", "html", "name", "top", "semantic")
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    work = tmp_path_factory.mktemp("fuzz")
    db = work / "c.db"
    p = subprocess.run(
        [cli_path(), "index", "add", str(db), str(SEED), "--no-semantic", "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert p.returncode == 0, p.stderr
    srv = Server(
        work / "server.log",
        "--db",
        str(db),
        "--no-semantic",
        "--workers",
        "1",
        "--max-document-mb",
        "0.01",
    )
    yield srv
    assert srv.stop() in (0, -signal.SIGTERM), srv.output()
    assert "Traceback" not in srv.output()


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


def check(r: httpx.Response) -> None:
    """A 2xx or 4xx status and a JSON body of the right shape."""
    assert r.status_code < 500, (r.status_code, r.text[:300], r.request.content[:300])
    assert r.headers["content-type"].startswith("application/json"), r.headers
    body = r.json()
    if r.status_code >= 400:
        assert list(body) == ["error"] and isinstance(body["error"], str) and body["error"]
    else:
        assert body["schema"] in ("textlineage.compare", "textlineage.search"), body


# Text: real sentences (so that some requests succeed), or anything, lone surrogates too.
texts = st.one_of(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6).map(" ".join),
    st.text(st.characters(codec=None), max_size=60),
    st.text(st.characters(categories=["Cs", "Cc", "Cf", "Zs"]), max_size=20),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    texts,
)
any_json = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
documents = st.fixed_dictionaries(
    {},
    optional={
        "text": texts | any_json,
        "html": texts.map(lambda t: f"<p>{t}</p>") | any_json,
        "name": texts | any_json,
    },
)
request_like = st.fixed_dictionaries(
    {},
    optional={
        "a": documents | any_json,
        "b": documents | any_json,
        "text": texts | any_json,
        "html": texts | any_json,
        "name": st.text(max_size=250) | any_json,
        "top": st.integers(min_value=-5, max_value=200) | any_json,
        "semantic": st.booleans() | any_json,
        "extra": any_json,
    },
)


def _dump(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True).encode("utf-8")


@FUZZ
@given(route=st.sampled_from(ROUTES), body=st.one_of(request_like, any_json))
def test_json_bodies(client: httpx.Client, route: str, body: Any) -> None:
    check(client.post(route, content=_dump(body), headers={"content-type": "application/json"}))


def _nest(depth: int, opening: str) -> bytes:
    closing = "]" if opening == "[" else "}"
    return (opening * depth + "1" + closing * depth).encode()


# Nested past any parser's recursion limit, or not.
nested = st.builds(_nest, st.integers(1, 20_000), st.sampled_from(["[", '{"a":', '{"a":{"text":']))


@FUZZ
@given(
    route=st.sampled_from(ROUTES),
    body=st.one_of(st.binary(max_size=200), nested),
    ctype=st.sampled_from(
        [
            "application/json",
            "multipart/form-data",
            "multipart/form-data; boundary=xyz",
            "text/plain",
            "",
            "application/json; charset=latin-1",
        ]
    ),
)
def test_raw_bodies(client: httpx.Client, route: str, body: bytes, ctype: str) -> None:
    headers = {"content-type": ctype} if ctype else {}
    check(client.post(route, content=body, headers=headers))


form_values = st.one_of(texts, st.sampled_from(["true", "false", "1", "0", "yes", "7", "-1", ""]))
uploads = st.tuples(
    st.text(max_size=30),  # file name: anything, paths and controls too
    st.one_of(texts.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=300)),
    st.sampled_from(["text/plain", "text/html", "application/octet-stream", ""]),
)


@FUZZ
@given(
    route=st.sampled_from(ROUTES),
    fields=st.dictionaries(st.sampled_from(FIELDS), form_values, max_size=4),
    files=st.dictionaries(st.sampled_from(FIELDS), uploads, max_size=3),
)
def test_form_fields(
    client: httpx.Client,
    route: str,
    fields: dict[str, str],
    files: dict[str, tuple[str, bytes, str]],
) -> None:
    # Text fields with lone surrogates cannot be sent as UTF-8: send them as files.
    data = {}
    for k, v in fields.items():
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            continue
        data[k] = v
    if not data and not files:
        files = {"a": ("a.txt", b"x", "text/plain")}  # a multipart body needs one part
    check(client.post(route, data=data, files=files))
