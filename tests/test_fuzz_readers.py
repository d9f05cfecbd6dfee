"""Fuzzing the readers: whatever bytes a JSONL, CSV, HTML, text or WARC file holds (plain or
gzip-compressed), reading it gives records and record errors, or one
:class:`~textlineage.errors.InputError`, in bounded time: never another exception, never a
hang. Inputs are arbitrary bytes and damaged copies (bytes flipped, cut, spliced) of valid
files of each kind."""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import json
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textlineage.errors import InputError
from textlineage.ingest import Record, RecordError, document_from_bytes, iter_records

SECONDS = 20
"""Longest time one input may take (a real hang shows as a failure, not a stuck run)."""

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)

PAGE = (
    b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Flood report</title>"
    b"<meta property='article:published_time' content='2023-04-05'></head><body>"
    b"<nav><a href='/'>Home</a></nav><article><h1>Flood report</h1>"
    b"<p>The river rose by three metres overnight, flooding the lower town and forcing "
    b"two hundred residents to leave their homes.</p>"
    b"<p>Emergency crews worked through the night to reinforce the embankments.</p>"
    b"</article></body></html>"
)

JSONL = (
    json.dumps({"id": "a", "text": "The river rose by three metres overnight.", "url": "x.org/1"})
    + "\n"
    + json.dumps({"id": "b", "html": PAGE.decode(), "date": "2023-04-05", "site": "=x"})
    + "\n"
).encode()

CSV = (
    b'id,text,url,date\na,"The river rose, and rose ""again"".",https://x.org/a,2023-04-05\n'
    b"b,Emergency crews worked through the night.,,\n"
)


@functools.cache
def _warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for i, (status, ctype, body) in enumerate(
        [("200 OK", "text/html; charset=utf-8", PAGE), ("404 Not Found", "text/html", b"gone")]
    ):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://news.example.org/{i}",
            "response",
            payload=io.BytesIO(body),
            length=len(body),  # without it warcio buffers in a temporary file it never closes
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-01-02T03:04:05Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail (not hang) when the block takes longer than ``seconds``."""

    def expired(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"a reader took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def read_file(name: str, data: bytes) -> list[Record | RecordError]:
    """Every record of a file named ``name`` holding ``data``, as ``index add`` reads it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with time_limit(SECONDS):
            got = list(iter_records([str(path)], max_bytes=64 * 1024))
    for item in got:
        assert isinstance(item, (Record, RecordError)), item
        if isinstance(item, Record):
            assert item.text.strip()
            item.text.encode("utf-8")  # storable: no lone surrogates
            item.ext_id.encode("utf-8")
        else:
            assert item.problem and "\n" not in item.problem
    return got


@st.composite
def damaged(draw: st.DrawFn, valid: bytes) -> bytes:
    """``valid`` with a few bytes changed, a piece cut out or spliced in, or cut short."""
    data = bytearray(valid)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "splice", "truncate"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "splice":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[at:]
    return bytes(data)


def anything_or_damaged(valid: bytes) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=2048), damaged(valid))


@FUZZ
@given(anything_or_damaged(JSONL))
def test_jsonl(data: bytes) -> None:
    read_file("x.jsonl", data)


@FUZZ
@given(anything_or_damaged(CSV))
def test_csv(data: bytes) -> None:
    read_file("x.csv", data)


@FUZZ
@given(anything_or_damaged(PAGE))
def test_html_file(data: bytes) -> None:
    got = read_file("x.html", data)
    assert len(got) == 1


@FUZZ
@given(anything_or_damaged(PAGE))
def test_text_and_html_bytes(data: bytes) -> None:
    for name in ("x.txt", "x.html", "x"):
        try:
            with time_limit(SECONDS):
                doc = document_from_bytes(data, name, max_bytes=64 * 1024)
        except InputError as exc:
            assert exc.problem and "\n" not in str(exc)
        else:
            assert doc.text.strip()
            doc.text.encode("utf-8")


@FUZZ
@given(st.data())
def test_warc(data: st.DataObject) -> None:
    pytest.importorskip("warcio")
    valid = _warc()
    raw = data.draw(anything_or_damaged(valid))
    got = read_file("x.warc", raw)
    assert got  # an archive with nothing to read says so


@FUZZ
@given(st.data())
def test_warc_gz(data: st.DataObject) -> None:
    pytest.importorskip("warcio")
    valid = gzip.compress(_warc())
    raw = data.draw(
        st.one_of(anything_or_damaged(valid), st.binary(max_size=512).map(gzip.compress))
    )
    assert read_file("x.warc.gz", raw)


@FUZZ
@given(
    st.sampled_from(["x.jsonl.gz", "x.csv.gz", "x.ndjson.gz"]),
    st.one_of(
        st.binary(max_size=1024),
        st.binary(max_size=1024).map(gzip.compress),
        damaged(gzip.compress(JSONL)),
        damaged(gzip.compress(CSV)),
    ),
)
def test_gzip_records(name: str, data: bytes) -> None:
    assert read_file(name, data)
