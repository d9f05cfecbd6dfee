"""The Spark engine's JSONL reader applies the document limit as the local one does: to
the record's text in UTF-8, not to its JSON line (whose escapes may be six times longer)."""

from __future__ import annotations

import json

from textlineage.engines.spark import _read_line
from textlineage.ingest.records import FieldMap, Record, RecordError, jsonl_record

LIMIT = 1000


def _line(text: str) -> bytes:
    return json.dumps({"id": "d1", "text": text}, ensure_ascii=True).encode("ascii")


def test_escaped_text_within_the_limit_is_read_by_both_readers() -> None:
    text = "é" * 450  # 900 bytes in UTF-8; its JSON line is 2,700+ bytes of \\u00e9
    raw = _line(text)
    assert len(raw) > LIMIT
    spark = _read_line((raw, 3), 0, "in.jsonl", FieldMap(), LIMIT)
    local = jsonl_record(raw, "in.jsonl:4", "in.jsonl", FieldMap(), LIMIT)
    assert isinstance(spark, Record) and isinstance(local, Record)
    assert spark.text == local.text == text


def test_text_over_the_limit_is_refused_by_both_readers() -> None:
    raw = _line("é" * 600)  # 1,200 bytes in UTF-8
    spark = _read_line((raw, 0), 0, "in.jsonl", FieldMap(), LIMIT)
    local = jsonl_record(raw, "in.jsonl:1", "in.jsonl", FieldMap(), LIMIT)
    assert isinstance(spark, RecordError) and isinstance(local, RecordError)
    assert spark.problem == local.problem
