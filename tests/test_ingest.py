"""Tests for textlineage.ingest: real files in tmp_path, real bytes on a fake stdin."""

from __future__ import annotations

import io
import logging
import os
import random
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from textlineage.errors import InputError
from textlineage.ingest import (
    DEFAULT_MAX_BYTES,
    document_from_bytes,
    document_from_text,
    read_document,
)

FRENCH = (
    "Le café était plein ce matin-là. « Déjà vu », murmura la jeune femme naïve en "
    "regardant la foule qui se pressait près du comptoir. Le garçon, très occupé, "
    "apportait des croissants et des tartines beurrées. À côté de la fenêtre, un vieil "
    "homme lisait le journal : on y parlait de la grève des cheminots, de la hausse des "
    "prix de l'énergie et des élections régionales. Noël approchait ; les vitrines "
    "étaient déjà décorées de guirlandes dorées.\r\n"
)

ARTICLE_PARAGRAPHS = (
    "The river rose by three metres overnight, flooding the lower town and forcing two "
    "hundred residents to leave their homes.",
    "Emergency crews worked through the night to reinforce the embankments near the old "
    "mill, officials said on Wednesday.",
    "The mayor said the cost of the damage would be assessed once the water receded, and "
    "promised help for the affected families.",
)

ARTICLE_PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>River flood report</title>
<meta property="article:published_time" content="2023-04-05T10:00:00Z">
<link rel="canonical" href="https://news.example.org/2023/flood-report">
<meta name="author" content="Jane Roe">
</head>
<body>
<nav><ul>
<li><a href="/">Home page link</a></li>
<li><a href="/sport">Sport section menu</a></li>
<li><a href="/weather">Weather forecast menu</a></li>
</ul></nav>
<header><div>Subscribe to our newsletter today</div></header>
<article>
<h1>River flood report</h1>
<p>{ARTICLE_PARAGRAPHS[0]}</p>
<p>{ARTICLE_PARAGRAPHS[1]}</p>
<p>{ARTICLE_PARAGRAPHS[2]}</p>
</article>
<footer><p>Copyright 2023 Daily Gazette. All rights reserved. Privacy policy.</p></footer>
</body>
</html>
"""


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


# --------------------------------------------------------------------------- plain text


def test_utf8_round_trip_keeps_crlf_and_spacing(tmp_path: Path) -> None:
    text = "  First line.\r\nSecond line, naïve café.\r\n\r\nThird\tline  \n"
    path = write(tmp_path / "doc.txt", text.encode("utf-8"))
    doc = read_document(path)
    assert doc.text == text
    assert doc.id == path
    assert doc.meta["format"] == "txt"
    assert doc.meta["encoding"] == "utf-8"
    assert doc.meta["path"] == os.path.abspath(path)


def test_pathlike_id_is_the_path_string(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"Some words here.\n")
    doc = read_document(path)
    assert doc.id == str(path)
    assert doc.text == "Some words here.\n"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfHello there.\r\nBye.")
    doc = read_document(path)
    assert doc.text == "Hello there.\r\nBye."
    assert doc.meta["encoding"] == "utf-8"


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_legacy_western_encoding_is_detected(
    tmp_path: Path, codec: str, caplog: pytest.LogCaptureFixture
) -> None:
    text = "café déjà vu naïve. " + FRENCH
    path = write(tmp_path / "legacy.txt", text.encode(codec))
    with caplog.at_level(logging.INFO, logger="textlineage.ingest"):
        doc = read_document(path)
    assert doc.text == text
    assert doc.meta["encoding"] == "cp1252"
    assert f"decoded {path} as cp1252 (charset-normalizer)" in caplog.text


def test_cp1252_punctuation_is_decoded(tmp_path: Path) -> None:
    text = "“Quoted” words cost €5 — a naïve café said “déjà vu”. " + FRENCH
    path = write(tmp_path / "quotes.txt", text.encode("cp1252"))
    assert read_document(path).text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    text = "Hello, wörld.\r\nSecond line — with a dash.\n"
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    path = write(tmp_path / "wide.txt", bom + text.encode(codec))
    doc = read_document(path)
    assert doc.text == text
    assert doc.meta["encoding"] == "utf-16"


def test_utf16_without_bom_is_reported_as_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", "Hello world, no mark.".encode("utf-16-le"))
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value).startswith(f"{path}: binary data, not text")
    assert "byte-order mark" in str(info.value)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "data",
    [b"", b"   \r\n\t\n  ", b"\xef\xbb\xbf \n", "\u00a0\u2003\n".encode(), b"\xff\xfe"],
    ids=["empty", "whitespace", "bom-whitespace", "unicode-spaces", "utf16-bom-only"],
)
def test_empty_documents(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "empty.txt", data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: empty document"
    assert info.value.source == path


def test_empty_html_document(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.html", b"\n \n")
    with pytest.raises(InputError, match="empty document") as info:
        read_document(path)
    assert info.value.source == path


def test_random_bytes_with_nul_are_binary(tmp_path: Path) -> None:
    rng = random.Random(1)
    data = bytes(rng.randrange(256) for _ in range(4000)) + b"\x00\x00"
    path = write(tmp_path / "blob.txt", b"abc\x00" + data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value).startswith(f"{path}: binary data, not text")


def test_png_is_binary(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
    path = write(tmp_path / "image.png", png + bytes(range(256)))
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value).startswith(f"{path}: binary data, not text")


def test_control_characters_are_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "ctl.txt", bytes(range(1, 32)) * 20 + b"some text")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value).startswith(f"{path}: binary data, not text")
    assert "control characters" in str(info.value)


def test_some_control_characters_are_binary(tmp_path: Path) -> None:
    # one control character in ten
    path = write(tmp_path / "ctl2.txt", b"word word\x01" * 100)
    with pytest.raises(InputError, match="binary data, not text"):
        read_document(path)
    # a stray one is fine
    ok = write(tmp_path / "ok.txt", b"word word " * 100 + b"\x1b[0m\x0c\n")
    assert read_document(ok).text.endswith("\x1b[0m\x0c\n")


def test_undecodable_garbage(tmp_path: Path) -> None:
    rng = random.Random(3)
    data = bytes(rng.randrange(1, 256) for _ in range(3000))
    path = write(tmp_path / "garbage.txt", data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == (
        f"{path}: cannot decode the bytes as text (not UTF-8 and no other encoding detected)"
    )


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: no such file"


def test_missing_parent_that_is_a_file(tmp_path: Path) -> None:
    parent = write(tmp_path / "plain.txt", b"text")
    path = os.path.join(parent, "child.txt")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_document(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a directory, not a file"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", b"hidden words")
    os.chmod(path, 0)
    try:
        with pytest.raises(InputError) as info:
            read_document(path)
    finally:
        os.chmod(path, 0o600)
    assert str(info.value).startswith(f"{path}: permission denied")


def test_over_max_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"word " * 40)
    with pytest.raises(InputError) as info:
        read_document(path, max_bytes=100)
    assert str(info.value) == (
        f"{path}: document is 200 bytes, over the 100 bytes limit of one document (split it "
        "into parts)"
    )
    # exactly at the limit is fine
    assert read_document(path, max_bytes=200).text == "word " * 40


def test_size_message_uses_megabytes() -> None:
    with pytest.raises(InputError) as info:
        document_from_bytes(b"x" * (3 * 1024 * 1024 + 1), "big.txt", max_bytes=2 * 1024 * 1024)
    assert str(info.value).startswith("big.txt: document is 3 MB, over the 2 MB limit of ")
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


def test_bad_options_are_programming_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"text")
    with pytest.raises(ValueError, match="fmt"):
        read_document(path, fmt="pdf")
    with pytest.raises(ValueError, match="max_bytes"):
        read_document(path, max_bytes=0)


# --------------------------------------------------------------------------- HTML


def test_html_article_main_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", ARTICLE_PAGE.encode("utf-8"))
    doc = read_document(path)
    assert doc.meta["format"] == "html"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    # paragraphs are separated by one blank line, in page order
    joined = "\n\n".join(ARTICLE_PARAGRAPHS)
    assert joined in doc.text
    for boilerplate in ("Sport section menu", "Weather forecast", "newsletter", "Copyright"):
        assert boilerplate not in doc.text
    assert doc.meta["title"] == "River flood report"
    assert doc.meta["date"] == "2023-04-05"
    assert doc.meta["url"] == "https://news.example.org/2023/flood-report"
    assert doc.meta["site"] == "news.example.org"
    assert doc.meta["author"] == "Jane Roe"
    assert doc.meta["path"] == os.path.abspath(path)


def test_html_only_scripts(tmp_path: Path) -> None:
    page = (
        b"<!DOCTYPE html><html><head><script>var a = 1;</script>"
        b"<style>p { color: red }</style></head>"
        b"<body><script>document.write('hello there');</script></body></html>"
    )
    path = write(tmp_path / "scripts.html", page)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: HTML with no extractable text"


def test_malformed_html(tmp_path: Path) -> None:
    page = (
        b"<html><head><title>Broken page<body><article>"
        b"<p>First paragraph with enough words to count as text"
        b"<p>Second <b>unclosed bold text that keeps going"
        b"<div>Third part of the broken page <i>never closed"
    )
    path = write(tmp_path / "broken.htm", page)
    doc = read_document(path)
    assert "First paragraph with enough words to count as text" in doc.text
    assert "Third part of the broken page" in doc.text
    assert doc.meta["format"] == "html"


def test_html_fragment_is_read() -> None:
    doc = document_from_bytes(b"<p>A bare fragment of text.</p>", "fragment.html")
    assert doc.text == "A bare fragment of text."


def test_html_fallback_when_trafilatura_finds_nothing(caplog: pytest.LogCaptureFixture) -> None:
    # trafilatura discards a page whose only text is in an <aside>; the lxml walk keeps it
    # and still drops scripts and footers.
    page = (
        b"<html><body><aside>Side words<br>more words</aside>"
        b"<script>var hidden = 1;</script><footer>Foot</footer></body></html>"
    )
    with caplog.at_level(logging.INFO, logger="textlineage.ingest"):
        doc = document_from_bytes(page, "aside.html")
    assert "trafilatura found no main text" in caplog.text
    assert doc.text == "Side words\n\nmore words"


def test_html_declared_charset(tmp_path: Path) -> None:
    body = "<p>" + FRENCH.strip() + "</p>"
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        f"<title>Café</title></head><body><article>{body}{body}</article></body></html>"
    )
    path = write(tmp_path / "latin.html", page.encode("cp1252"))
    doc = read_document(path)
    assert "Déjà vu" in doc.text
    assert "élections régionales" in doc.text
    assert doc.meta["encoding"] == "cp1252"


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "page", b"\xef\xbb\xbf\n  " + ARTICLE_PAGE.encode("utf-8"))
    doc = read_document(path)
    assert doc.meta["format"] == "html"
    assert ARTICLE_PARAGRAPHS[1] in doc.text
    assert "<p>" not in doc.text


def test_txt_extension_is_never_sniffed(tmp_path: Path) -> None:
    path = write(tmp_path / "source.txt", ARTICLE_PAGE.encode("utf-8"))
    doc = read_document(path)
    assert doc.meta["format"] == "txt"
    assert doc.text == ARTICLE_PAGE


def test_fmt_overrides_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "page.txt", ARTICLE_PAGE.encode("utf-8"))
    doc = read_document(path, fmt="html")
    assert doc.meta["format"] == "html"
    assert ARTICLE_PARAGRAPHS[0] in doc.text
    raw = read_document(write(tmp_path / "p.html", b"<p>x</p> plain"), fmt="txt")
    assert raw.text == "<p>x</p> plain"


# --------------------------------------------------------------------------- stdin, bytes, text


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"From stdin.\r\nSecond line.\r\n")
    doc = read_document("-")
    assert doc.id == "-"
    assert doc.text == "From stdin.\r\nSecond line.\r\n"
    assert doc.meta == {"encoding": "utf-8", "format": "txt"}


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, ARTICLE_PAGE.encode("utf-8"))
    doc = read_document("-")
    assert doc.meta["format"] == "html"
    assert ARTICLE_PARAGRAPHS[2] in doc.text
    assert "path" not in doc.meta


def test_stdin_errors_name_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b" \n ")
    with pytest.raises(InputError) as info:
        read_document("-")
    assert str(info.value) == "-: empty document"
    fake_stdin(monkeypatch, b"a" * 50)
    with pytest.raises(InputError) as info:
        read_document("-", max_bytes=10)
    assert str(info.value).startswith("-: document is over the 10 bytes limit")


def test_document_from_bytes_uses_source_extension() -> None:
    doc = document_from_bytes(ARTICLE_PAGE.encode("utf-8"), "https://example.org/a.html")
    assert doc.meta["format"] == "html"
    assert doc.id == "https://example.org/a.html"
    assert "path" not in doc.meta


def test_document_from_text() -> None:
    doc = document_from_text("Kept\r\nexactly ", "mine", {"lang": "en"})
    assert doc.text == "Kept\r\nexactly "
    assert doc.id == "mine"
    assert doc.meta == {"lang": "en"}
    with pytest.raises(InputError) as info:
        document_from_text(" \n\t", "mine")
    assert str(info.value) == "mine: empty document"


def test_stray_nul_in_valid_utf8_text_stays_text(tmp_path: Path) -> None:
    body = ("A plain paragraph of ordinary prose. " * 40).encode() + b"\x00" + b" More text."
    path = write(tmp_path / "stray.txt", body)
    doc = read_document(path)
    assert doc.text == body.decode("utf-8")
