"""Hostile records through the real command line (found reviewing the issue 13 work): a
JSON number too long for Python to read, and a charset whose decoding is not text. Each
record is skipped and counted, or read; never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from conftest import cli_path

TEXT = (
    "The river rose by three metres overnight, flooding the lower town and forcing two "
    "hundred residents to leave their homes before dawn on Wednesday."
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli_path(), *args], capture_output=True, text=True, timeout=300)


def add(db: Path, *inputs: str) -> subprocess.CompletedProcess[str]:
    return run("index", "add", str(db), *inputs, "-j", "1", "--format", "json")


def test_a_number_too_long_to_read_skips_its_record(tmp_path: Path) -> None:
    """Python refuses to read an integer of more than 4,300 digits (a ValueError that is
    not a JSONDecodeError): the line is one skipped record, the others are indexed."""
    path = tmp_path / "r.jsonl"
    lines = [
        json.dumps({"id": "ok", "text": TEXT}),
        '{"id": ' + "9" * 5000 + ', "text": "a text whose id is a huge number"}',
        '{"id": "d", "text": "a text whose date is a huge number", "date": ' + "1" * 4400 + "}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    p = add(tmp_path / "c.db", str(path))
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr
    summary = json.loads(p.stdout)
    assert summary["added"] == 1 and summary["skipped"] == 2
    reasons = summary["skipped_reasons"]
    assert [r["origin"] for r in reasons] == [f"{path}:2", f"{path}:3"]
    assert all(r["problem"].startswith("invalid JSON (a number of more than") for r in reasons)


def _warc_with_charset(path: Path, body: bytes, charset: str) -> None:
    warcwriter = pytest.importorskip("warcio.warcwriter")
    headers = pytest.importorskip("warcio.statusandheaders")
    with path.open("wb") as fh:
        writer = warcwriter.WARCWriter(fh, gzip=False)
        http = headers.StatusAndHeaders(
            "200 OK", [("Content-Type", f"text/html; charset={charset}")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/a",
                "response",
                payload=io.BytesIO(body),
                length=len(body),  # without it warcio buffers in a temporary file it never closes
                http_headers=http,
            )
        )


# Not UTF-8 (the byte 0xff), and under the "unicode_escape" codec \ud800 is a lone
# surrogate: that codec's text cannot be stored or printed as UTF-8.
ESCAPED = b"<html><body><p>" + TEXT.encode() + b" \\ud800 caf\xe9 au lait.</p></body></html>"


def test_a_warc_charset_that_does_not_give_text_is_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "a.warc"
    _warc_with_charset(path, ESCAPED, "unicode_escape")
    db = tmp_path / "c.db"
    p = add(db, str(path))
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["added"] == 1
    shown = json.loads(run("show", str(db), "https://example.org/a", "--format", "json").stdout)
    assert TEXT in shown["text"] and "caf" in shown["text"]


@pytest.mark.parametrize("charset", ["unicode_escape", "base64", "hex"])
def test_a_declared_charset_that_does_not_give_text_is_passed_over(
    tmp_path: Path, charset: str
) -> None:
    """Decoded with the charset the page declares, the text had a lone surrogate, and the
    page kept only the words before it; a bytes-to-bytes codec (base64, hex) was a
    LookupError traceback."""
    path = tmp_path / "a.html"
    meta = f'<html><head><meta charset="{charset}">'.encode()
    path.write_bytes(ESCAPED.replace(b"<html>", meta))
    db = tmp_path / "c.db"
    p = add(db, str(path))
    assert p.returncode == 0, p.stderr
    shown = json.loads(run("show", str(db), str(path), "--format", "json").stdout)
    assert TEXT in shown["text"] and "au lait" in shown["text"]


@pytest.mark.parametrize("field", ["", " "])
def test_a_blank_field_name_is_a_usage_error(tmp_path: Path, field: str) -> None:
    """``--id-field ''`` was a ValueError traceback; ``--text-field ' '`` skipped every
    record as having "no   or html field"."""
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    for option in ("--id-field", "--text-field"):
        p = run("index", "add", str(tmp_path / "c.db"), str(path), option, field, "-j", "1")
        assert p.returncode == 2, p.stderr
        assert "Traceback" not in p.stderr
        assert "must be a non-empty string" in p.stderr
        assert not (tmp_path / "c.db").exists()


@pytest.mark.parametrize("top", ["0", "-1"])
def test_search_top_below_one_is_a_usage_error(tmp_path: Path, top: str) -> None:
    """``--top -1`` listed every hit but the last (a Python slice); ``--top 0`` none."""
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    assert add(tmp_path / "c.db", str(path)).returncode == 0
    query = tmp_path / "q.txt"
    query.write_text(TEXT, encoding="utf-8")
    p = run("search", str(tmp_path / "c.db"), str(query), "--top", top, "--no-semantic")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "--top" in p.stderr and ">=1" in p.stderr


def test_a_csv_field_over_the_limit_is_one_skipped_record(tmp_path: Path) -> None:
    """A quoted field of many lines that outgrows the document limit is one skipped row,
    and the rows after it keep their line numbers. (The csv module gives up in the middle
    of the field and starts afresh on its next line: each further line of the field was
    read as a row of its own, 20,000 rows of the field's lines indexed.)"""
    line = "line {} of a long quoted field, with a comma in the middle of it\n"
    lines = 90_000  # 6 MB, over the 5 MB limit
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("id,text\n")
        fh.write(f'first,"{TEXT}"\n')
        fh.write('huge,"' + "".join(line.format(i) for i in range(lines)) + '"\n')
        fh.write('last,"Crews worked through the night to reinforce the embankments."\n')
    db = tmp_path / "c.db"
    p = add(db, str(path))
    assert p.returncode == 0, p.stderr
    summary = json.loads(p.stdout)
    assert (summary["added"], summary["duplicates"], summary["skipped"]) == (2, 0, 1)
    assert summary["skipped_reasons"][0]["origin"] == f"{path}:3"
    shown = json.loads(run("show", str(db), "last", "--format", "json").stdout)
    assert shown["origin"] == f"{path}:{3 + lines + 1}"


def test_a_stray_quote_does_not_hide_the_rows_after_a_long_one(tmp_path: Path) -> None:
    """A quote inside an unquoted field is a character to the csv module: the rows after
    it are not taken for the rest of a quoted field when a later row is too long."""
    path = tmp_path / "r.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("id,text\n")
        fh.write('a,The river rose by three metres and the wall stood 5" taller\n')
        fh.write("b," + "x" * (6 * 1024 * 1024) + "\n")  # one line over the limit
        fh.write("c,Crews worked through the night to reinforce the embankments.\n")
    p = add(tmp_path / "c.db", str(path))
    summary = json.loads(p.stdout)
    assert (summary["added"], summary["skipped"]) == (2, 1), p.stdout
    assert summary["skipped_reasons"][0]["origin"] == f"{path}:3"
    assert "row is over the 5 MB limit" in summary["skipped_reasons"][0]["problem"]


def test_the_limit_is_that_of_the_text_whatever_json_escapes_spell_it(tmp_path: Path) -> None:
    """A 3.6 MB French text (under the 5 MB limit) is read from a JSONL line that
    ``json.dumps`` made 5.2 MB with its ``\\u00e9`` escapes, as it is from a text file; a
    6.2 MB one is refused from either, named as the text that is too large."""
    sentence = "Le conseil a voté le budget de la ville, été après été, à l’unanimité. "
    under, over = sentence * 47_000, sentence * 80_000
    assert len(under.encode()) < 5 * 1024 * 1024 < len(json.dumps(under))
    path = tmp_path / "r.jsonl"
    records = [{"id": "under", "text": under}, {"id": "over", "text": over}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    p = add(tmp_path / "c.db", str(path))
    assert p.returncode == 0, p.stderr
    summary = json.loads(p.stdout)
    assert (summary["added"], summary["skipped"]) == (1, 1)
    (reason,) = summary["skipped_reasons"]
    assert reason["origin"] == f"{path}:2"
    assert reason["problem"].startswith("text is 6.2 MB, over the 5 MB limit of one document")


def test_an_index_path_with_a_line_break_is_named_on_one_line(tmp_path: Path) -> None:
    """Input names were shown escaped, the index's was not: a line break (or a terminal's
    escape) in it split the one-line error."""
    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "new\nfolder\x1b[2J" / "c.db"
    p = run("index", "add", str(db), str(text), "-j", "1")
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert p.stderr.count("\n") == 1, p.stderr
    assert "\\x0afolder\\x1b[2J" in p.stderr and "does not exist" in p.stderr


def test_a_rerun_of_inputs_with_a_bad_record_succeeds_as_the_first_run(tmp_path: Path) -> None:
    """``index add`` exits 1 when every record was skipped. A rerun (the way to continue)
    of inputs with one bad record found the good ones indexed and exited 1, "nothing was
    added", where the first run of the same inputs exited 0."""
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n{not json\n", encoding="utf-8")
    db = tmp_path / "c.db"
    first = add(db, str(path))
    assert first.returncode == 0, first.stderr
    again = add(db, str(path))
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert (summary["already_indexed"], summary["skipped"]) == (1, 1)
    assert "nothing was added" not in again.stderr
