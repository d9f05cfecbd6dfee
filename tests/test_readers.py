"""Tests for reading records (textlineage.ingest): real JSONL, CSV, text, HTML and WARC
files in tmp_path."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from textlineage.errors import InputError, MissingDependencyError
from textlineage.ingest import (
    DEFAULT_MAX_BYTES,
    FieldMap,
    Record,
    RecordError,
    expand_inputs,
    iter_records,
    normalise_date,
    site_from_url,
)

PARAGRAPHS = (
    "The river rose by three metres overnight, flooding the lower town and forcing two "
    "hundred residents to leave their homes.",
    "Emergency crews worked through the night to reinforce the embankments near the old "
    "mill, officials said on Wednesday.",
    "The mayor said the cost of the damage would be assessed once the water receded, and "
    "promised help for the affected families.",
)


def article_page(title: str, paragraphs: tuple[str, ...], *, head: str = "") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title>{head}</head><body>\n"
        "<nav><ul><li><a href='/'>Home page link</a></li>"
        "<li><a href='/sport'>Sport section menu</a></li></ul></nav>\n"
        f"<article><h1>{title}</h1>\n{body}</article>\n"
        "<footer><p>Copyright notice of the example newspaper</p></footer>\n"
        "</body></html>\n"
    )


FLOOD_PAGE = article_page(
    "River flood report",
    PARAGRAPHS,
    head=(
        "<meta property='article:published_time' content='2023-04-05T10:00:00Z'>"
        "<link rel='canonical' href='https://www.News.example.org/2023/flood-report'>"
    ),
)


def records(
    inputs: list[str], *, fields: FieldMap | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Record | RecordError]:
    return list(iter_records(inputs, fields=fields or FieldMap(), max_bytes=max_bytes))


def as_tuples(items: list[Record | RecordError]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for item in items:
        if isinstance(item, RecordError):
            out.append(("error", item.origin, item.problem))
        else:
            out.append(("record", item.origin, item.ext_id, item.text))
    return out


# --------------------------------------------------------------------------- JSONL


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    lines = [
        json.dumps(
            {
                "id": 7,
                "text": "First text.\nSecond line.",
                "url": "https://www.Example.com/a",
                "date": "June 1, 2021",
                "title": "  A   title ",
            }
        ).encode(),
        b"",
        b'{"id": "x" "text": "missing comma"}',
        b'{"title": "no text here"}',
        b"[1, 2, 3]",
        b'{"text": "caf\xe9 au lait"}',
        b'{"text": "   ", "id": "blank"}',
        b'{"text": "Third text.", "site": "Example News"}',
        b'{"text": "Fourth text.", "url": "https://news.example.org/x", "date": "sometime"}',
        b"   ",
        b'{"text": {"nested": true}}',
        b'"just a string"',
    ]
    path.write_bytes(b"\r\n".join(lines[:3]) + b"\n" + b"\n".join(lines[3:]) + b"\n")
    p = str(path)

    got = records([p])

    assert as_tuples(got) == [
        ("record", f"{p}:1", "7", "First text.\nSecond line."),
        ("error", f"{p}:3", "invalid JSON (Expecting ',' delimiter at column 12)"),
        ("error", f"{p}:4", "no text or html field"),
        ("error", f"{p}:5", "not a JSON object (found an array)"),
        ("error", f"{p}:6", "invalid UTF-8 (byte 0xe9 at column 14)"),
        ("error", f"{p}:7", "empty text"),
        ("record", f"{p}:8", f"{p}:8", "Third text."),
        ("record", f"{p}:9", "https://news.example.org/x", "Fourth text."),
        ("error", f"{p}:11", "field 'text' holds an object, not a value"),
        ("error", f"{p}:12", "not a JSON object (found a string)"),
    ]
    first, third, fourth = got[0], got[6], got[7]
    assert isinstance(first, Record)
    assert first.meta == {
        "url": "https://www.Example.com/a",
        "site": "example.com",
        "date": "2021-06-01",
        "date_source": "metadata",
        "title": "A title",
        "format": "jsonl",
        "source": p,
    }
    assert isinstance(third, Record)
    assert third.meta == {"site": "Example News", "format": "jsonl", "source": p}
    assert isinstance(fourth, Record)
    assert fourth.meta["date"] == "sometime"
    assert fourth.meta["site"] == "news.example.org"


def test_gzip_jsonl_and_csv(tmp_path: Path) -> None:
    body = b"".join(
        json.dumps({"id": f"g{i}", "text": f"Compressed record number {i}."}).encode() + b"\n"
        for i in range(200)
    )
    gz = tmp_path / "batch.jsonl.gz"
    gz.write_bytes(gzip.compress(body))
    csv_gz = tmp_path / "rows.csv.gz"
    csv_gz.write_bytes(gzip.compress(b"id,text\nc1,A row from a compressed CSV file.\n"))
    got = records([str(tmp_path)])  # a directory picks up the compressed files too
    assert [r.ext_id for r in got if isinstance(r, Record)] == [
        *(f"g{i}" for i in range(200)),
        "c1",
    ]
    assert got[5].origin == f"{gz}:6"

    # Cut short: the records before the cut, then one error naming the file.
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(body)[:-40])
    items = records([str(cut)])
    assert isinstance(items[-1], RecordError) and "truncated" in items[-1].problem
    assert all(isinstance(r, Record) for r in items[:-1]) and len(items) > 150
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"plain text, not gzip\n")
    (err,) = records([str(bad)])
    assert isinstance(err, RecordError) and "gzip" in err.problem and str(bad) in err.origin


def test_jsonl_field_remapping(tmp_path: Path) -> None:
    path = tmp_path / "remap.ndjson"
    rows = [
        {
            "ident": "doc-1",
            "body": "Body text wins.",
            "text": "not this one",
            "link": "http://blog.example.net/post",
            "published": "2020-02-29T23:59:59+05:00",
            "headline": "Leap day",
        },
        {"id": "ignored", "text": "no body field"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    fields = FieldMap.from_specs(["id=ident", "text=body", "url=link", "date=published"])
    fields = FieldMap(**{**fields.__dict__, "title": "headline"})

    got = records([str(path)], fields=fields)

    assert isinstance(got[0], Record)
    assert got[0].ext_id == "doc-1"
    assert got[0].text == "Body text wins."
    assert got[0].meta == {
        "url": "http://blog.example.net/post",
        "site": "blog.example.net",
        "date": "2020-02-29",
        "date_source": "metadata",
        "title": "Leap day",
        "format": "jsonl",
        "source": str(path),
    }
    assert got[1] == RecordError(f"{path}:2", "no body or html field")


def test_field_map_specs_are_checked() -> None:
    assert FieldMap.from_specs(["text = body"]).text == "body"
    with pytest.raises(ValueError, match="unknown record part 'txt'"):
        FieldMap.from_specs(["txt=body"])
    with pytest.raises(ValueError, match="part=field"):
        FieldMap.from_specs(["text"])
    with pytest.raises(ValueError, match="non-empty"):
        FieldMap(text="")


def test_jsonl_html_field_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    rows = [
        {"id": "p1", "html": FLOOD_PAGE},
        {"id": "p2", "html": FLOOD_PAGE, "title": "Own title", "date": "1 March 2022"},
        {"id": "p3", "html": "<html><body><script>var x = 1;</script></body></html>"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")

    got = records([str(path)])

    first = got[0]
    assert isinstance(first, Record)
    assert first.ext_id == "p1"
    for paragraph in PARAGRAPHS:
        assert paragraph in first.text
    assert "Sport section menu" not in first.text
    assert first.meta == {
        "url": "https://www.news.example.org/2023/flood-report",  # as trafilatura gives it
        "site": "news.example.org",
        "date": "2023-04-05",
        "date_source": "html-meta",
        "title": "River flood report",
        "format": "jsonl",
        "source": str(path),
    }
    second = got[1]
    assert isinstance(second, Record)
    assert second.meta["title"] == "Own title"
    assert second.meta["date"] == "2022-03-01"
    assert got[2] == RecordError(f"{path}:3", "HTML with no extractable text")


def test_jsonl_text_over_max_bytes_is_skipped(tmp_path: Path) -> None:
    """The limit is that of the text; a line longer than any text within it could be
    spelt in JSON (six bytes a byte) is not read whole."""
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "x" * 5000})
    huge = json.dumps({"text": "x" * 7000})
    lines = [big, huge, json.dumps({"text": "small"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    got = records([str(path)], max_bytes=1000)

    assert got[0] == RecordError(
        f"{path}:1",
        "text is 4.9 KB, over the 1000 bytes limit of one document (split it into parts)",
    )
    assert got[1] == RecordError(
        f"{path}:2",
        "line is 6.8 KB: no document within the 1000 bytes limit takes so much JSON (split "
        "it into parts)",
    )
    assert isinstance(got[2], Record)
    assert got[2].origin == f"{path}:3"
    assert got[2].text == "small"


# --------------------------------------------------------------------------- CSV


def test_csv_rows_and_malformed_row(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    huge = "word " * 40_000  # 200,000 characters: over csv's default field limit
    content = (
        "id,text,url,date\r\n"
        '1,"Plain row text.",https://www.example.com/one,2021-06-01T10:00:00Z\r\n'
        '2,"Quoted text\nover two lines, with a comma.",,\r\n'
        "3,too,many,fields,here\r\n"
        "\r\n"
        f'4,"{huge}",,1 June 2021\r\n'
        ",No id and no url,,\r\n"
    )
    path.write_bytes(content.encode("utf-8") + b'5,"caf\xe9",,\r\n6,"",,\r\n')
    p = str(path)

    got = records([p])

    assert [(type(r).__name__, r.origin) for r in got] == [
        ("Record", f"{p}:2"),
        ("Record", f"{p}:3"),
        ("RecordError", f"{p}:5"),
        ("Record", f"{p}:7"),
        ("Record", f"{p}:8"),
        ("RecordError", f"{p}:9"),
        ("RecordError", f"{p}:10"),
    ]
    one, two, four, anon = got[0], got[1], got[3], got[4]
    assert isinstance(one, Record)
    assert one.ext_id == "1"
    assert one.meta == {
        "url": "https://www.example.com/one",
        "site": "example.com",
        "date": "2021-06-01",
        "date_source": "metadata",
        "format": "csv",
        "source": p,
    }
    assert isinstance(two, Record)
    assert two.text == "Quoted text\nover two lines, with a comma."
    assert got[2] == RecordError(f"{p}:5", "row has 5 fields, the header row has 4")
    assert isinstance(four, Record)
    assert four.text == huge
    assert four.meta["date"] == "2021-06-01"
    assert isinstance(anon, Record)
    assert anon.ext_id == f"{p}:8"
    assert anon.text == "No id and no url"
    assert got[5] == RecordError(f"{p}:9", "invalid UTF-8 (CSV files must be UTF-8)")
    assert got[6] == RecordError(f"{p}:10", "empty text")


def test_csv_needs_a_text_or_html_column(tmp_path: Path) -> None:
    path = tmp_path / "nocol.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")

    assert records([str(path)]) == [
        RecordError(f"{path}:1", "no text or html column in the header row")
    ]
    assert records([str(empty)]) == [
        RecordError(str(empty), "empty file (a CSV file needs a header row)")
    ]
    got = records([str(path)], fields=FieldMap(text="body"))
    assert isinstance(got[0], Record)
    assert got[0].text == "hello"


def test_csv_row_over_max_bytes_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(f'id,text\n1,"{"x" * 3000}"\n2,small\n', encoding="utf-8")

    got = records([str(path)], max_bytes=1000)

    assert got[0] == RecordError(
        f"{path}:2", "row is over the 1000 bytes limit of one document (split it into parts)"
    )
    assert isinstance(got[1], Record)
    assert got[1].text == "small"


# --------------------------------------------------------------------------- files, inputs


def make_tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b.txt").write_text("Bee text.", encoding="utf-8")
    (root / "a.html").write_text(FLOOD_PAGE, encoding="utf-8")
    (root / "notes.md").write_text("Not taken from a directory.", encoding="utf-8")
    (root / "sub" / "c.TXT").write_text("Sea text.", encoding="utf-8")
    (root / "sub" / "d.jsonl").write_text('{"id": "d1", "text": "Dee."}\n', encoding="utf-8")
    (root / "sub" / "deeper" / "e.txt").write_text("Eee.", encoding="utf-8")
    (root / ".hidden" / "f.txt").write_text("Hidden.", encoding="utf-8")
    (root / ".dot.txt").write_text("Hidden file.", encoding="utf-8")


def test_expand_directory_recursively_sorted(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    make_tree(root)

    got = expand_inputs([str(root)])

    assert got == [
        root / "a.html",
        root / "b.txt",
        root / "sub" / "c.TXT",
        root / "sub" / "d.jsonl",
        root / "sub" / "deeper" / "e.txt",
    ]


def test_expand_globs_explicit_files_and_duplicates(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    make_tree(root)

    got = expand_inputs(
        [
            str(root / "notes.md"),
            str(root / "**" / "*.txt"),
            str(root / "b.txt"),
            str(root / "s*"),
        ]
    )

    assert got == [
        root / "notes.md",
        root / "b.txt",
        root / "sub" / "deeper" / "e.txt",
        root / "sub" / "c.TXT",
        root / "sub" / "d.jsonl",
    ]


def test_missing_inputs_raise(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.jsonl")
    with pytest.raises(InputError) as info:
        expand_inputs([missing])
    assert info.value.source == missing
    assert info.value.problem == "no such file or directory"

    pattern = str(tmp_path / "*.warc.gz")
    with pytest.raises(InputError) as info:
        iter_records([pattern])  # raised by the call, before any record is read
    assert info.value.source == pattern
    assert info.value.problem == "no such file or directory"


def test_text_and_html_files(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    make_tree(root)
    binary = root / "z.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    empty = root / "y.txt"
    empty.write_bytes(b"  \n")

    got = records([str(root)])

    by_origin = {r.origin: r for r in got}
    page = by_origin[str(root / "a.html")]
    assert isinstance(page, Record)
    assert page.ext_id == "https://www.news.example.org/2023/flood-report"
    assert page.meta == {
        "url": "https://www.news.example.org/2023/flood-report",
        "site": "news.example.org",
        "date": "2023-04-05",
        "date_source": "html-meta",
        "title": "River flood report",
        "format": "html",
        "source": str(root / "a.html"),
    }
    bee = by_origin[str(root / "b.txt")]
    assert bee == Record(
        ext_id=str(root / "b.txt"),
        text="Bee text.",
        meta={"format": "txt", "source": str(root / "b.txt")},
        origin=str(root / "b.txt"),
    )
    jsonl = by_origin[f"{root / 'sub' / 'd.jsonl'}:1"]
    assert isinstance(jsonl, Record)
    assert jsonl.ext_id == "d1"
    bad = by_origin[str(binary)]
    assert isinstance(bad, RecordError)
    assert bad.problem.startswith("binary data, not text")
    assert by_origin[str(empty)] == RecordError(str(empty), "empty document")
    assert len(got) == 7


# --------------------------------------------------------------------------- WARC


def write_warc(path: Path, *, compress: bool = True) -> dict[str, int]:
    """A small WARC: request, 2 HTML pages, a 404, an image, an empty page, a text page.

    Returns the file offset of each record by name.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets: dict[str, int] = {}
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)

    def response(name: str, url: str, status: str, ctype: str, body: bytes, date: str) -> None:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),  # without it warcio buffers in a temporary file it never closes
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        offsets[name] = buffer.tell()
        writer.write_record(record)

    request_http = StatusAndHeaders(
        "GET /2023/flood-report HTTP/1.1", [("Host", "www.news.example.org")], is_http_request=True
    )
    offsets["request"] = buffer.tell()
    writer.write_record(
        writer.create_warc_record(
            "https://www.News.example.org/2023/flood-report",
            "request",
            http_headers=request_http,
            warc_headers_dict={"WARC-Date": "2024-01-02T03:04:05Z"},
        )
    )
    response(
        "flood",
        "https://www.News.example.org/2023/flood-report",
        "200 OK",
        "text/html; charset=utf-8",
        FLOOD_PAGE.encode("utf-8"),
        "2024-01-02T03:04:05Z",
    )
    response(
        "missing",
        "https://news.example.org/gone",
        "404 Not Found",
        "text/html",
        article_page(
            "Not found", ("This page does not exist any more, sorry about that.",)
        ).encode(),
        "2024-01-02T03:04:06Z",
    )
    response(
        "image",
        "https://news.example.org/logo.png",
        "200 OK",
        "image/png",
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        "2024-01-02T03:04:07Z",
    )
    council = article_page(
        "Council meeting",
        (
            "The council met on Tuesday to discuss the new budget for the coming year, "
            "which includes money for roads and schools.",
            "Several members criticised the plan, saying it did not do enough for the "
            "villages outside the town centre.",
        ),
    )
    response(
        "council",
        "http://Blog.Example.COM/council",
        "200 OK",
        "text/html; charset=windows-1252",
        council.replace("budget", "budget \u2013 caf\u00e9").encode("cp1252"),
        "2024-02-03T04:05:06Z",
    )
    response(
        "empty",
        "https://news.example.org/empty",
        "200 OK",
        "text/html",
        b"<html><body><script>var nothing = 1;</script></body></html>",
        "2024-02-03T04:05:07Z",
    )
    path.write_bytes(buffer.getvalue())
    offsets["end"] = buffer.tell()
    return offsets


def test_warc_responses(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    offsets = write_warc(path)
    p = str(path)

    got = records([p])

    assert [(type(r).__name__, r.origin) for r in got] == [
        ("Record", f"{p}@{offsets['flood']}"),
        ("Record", f"{p}@{offsets['council']}"),
        ("RecordError", f"{p}@{offsets['empty']}"),
    ]
    flood, council, empty = got
    assert isinstance(flood, Record)
    assert flood.ext_id == "https://www.News.example.org/2023/flood-report"
    for paragraph in PARAGRAPHS:
        assert paragraph in flood.text
    assert "Sport section menu" not in flood.text
    assert flood.meta == {
        "url": "https://www.News.example.org/2023/flood-report",
        "site": "news.example.org",
        "date": "2023-04-05",  # the page's own date, not the crawl date
        "date_source": "html-meta",
        "title": "River flood report",
        "format": "warc",
        "source": p,
        "crawl_date": "2024-01-02",
    }
    assert isinstance(council, Record)
    assert council.ext_id == "http://Blog.Example.COM/council"
    assert "new budget \u2013 caf\u00e9 for the coming year" in council.text
    assert council.meta["site"] == "blog.example.com"
    # No date in the page: the crawl date is kept as such, never as a publication date.
    assert "date" not in council.meta and "date_source" not in council.meta
    assert council.meta["crawl_date"] == "2024-02-03"
    assert council.meta["title"] == "Council meeting"
    assert empty == RecordError(f"{p}@{offsets['empty']}", "HTML with no extractable text")


def test_uncompressed_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    offsets = write_warc(path, compress=False)

    got = records([str(path)])

    assert [r.origin for r in got] == [
        f"{path}@{offsets['flood']}",
        f"{path}@{offsets['council']}",
        f"{path}@{offsets['empty']}",
    ]


def test_truncated_warc_gz_keeps_earlier_records(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    offsets = write_warc(whole)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    # Cut in the middle of the gzip member holding the council page.
    cut.write_bytes(data[: (offsets["council"] + offsets["empty"]) // 2])

    got = records([str(cut)])

    assert len(got) == 2
    assert isinstance(got[0], Record)
    assert got[0].origin == f"{cut}@{offsets['flood']}"
    assert got[1] == RecordError(
        f"{cut}@{offsets['council']}",
        "corrupt WARC (gzip data ends in the middle of a record; truncated file?)",
    )


def test_corrupt_and_truncated_uncompressed_warc(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    offsets = write_warc(whole, compress=False)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: offsets["council"] + 600])
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(gzip.compress(b"<html><body>Not a web archive.</body></html>\n"))

    got = records([str(cut), str(garbage)])

    assert [(type(r).__name__, r.origin) for r in got] == [
        ("Record", f"{cut}@{offsets['flood']}"),
        ("RecordError", f"{cut}@{offsets['council']}"),
        ("RecordError", f"{garbage}@0"),
    ]
    assert got[1] == RecordError(
        f"{cut}@{offsets['council']}", "corrupt WARC (the record ends early; truncated file?)"
    )
    assert isinstance(got[2], RecordError)
    assert got[2].problem.startswith("corrupt WARC (Unknown archive format, first line: ")


def test_warc_without_warcio_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"")
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)

    with pytest.raises(MissingDependencyError) as info:
        iter_records([str(path)])
    assert info.value.install == "pip install 'textlineage[warc]'"


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.Example.com/a/b?c=d", "example.com"),
        ("http://news.example.org:8080/x", "news.example.org"),
        ("example.net/page", "example.net"),
        ("HTTPS://WWW.EXAMPLE.CO.UK.", "example.co.uk"),
        ("https://wwwexample.com/", "wwwexample.com"),
        ("/relative/path", ""),
        ("not a url", ""),
        ("", ""),
    ],
)
def test_site_from_url(url: str, site: str) -> None:
    assert site_from_url(url) == site


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-06-01", "2021-06-01"),
        ("2021-06-01T10:00:00Z", "2021-06-01"),
        ("2021-06-01 23:59:59+02:00", "2021-06-01"),
        ("June 1, 2021", "2021-06-01"),
        ("Jun 1 2021", "2021-06-01"),
        ("1 June 2021", "2021-06-01"),
        ("Tuesday, 1st June 2021", "2021-06-01"),
        ("Sept. 30, 2019", "2019-09-30"),
        ("2021/6/1", "2021-06-01"),
        ("20210601", "2021-06-01"),
        ("Tue, 01 Jun 2021 10:00:00 GMT", "2021-06-01"),
        ("  2021-02-30  ", "2021-02-30"),  # not a date: kept (trimmed)
        ("Spring 2021", "Spring 2021"),
        ("2021", "2021"),
        ("32 June 2021", "32 June 2021"),
    ],
)
def test_normalise_date(value: str, expected: str) -> None:
    assert normalise_date(value) == expected
