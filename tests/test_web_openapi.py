"""The OpenAPI description of the JSON API, against a real server's answers.

Every path and method has a 200 response schema, and every real answer validates against
the pydantic model its schema is made from and round-trips through it unchanged (so the
model holds every field the answer has, with the right types).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from pydantic import BaseModel

from test_web_api import DERIVED, SOURCE, Server, build_corpus
from textlineage.web import models


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A lexical service on a corpus with discovery results (no model: quick to start)."""
    db = build_corpus(tmp_path_factory.mktemp("openapi-corpus"))
    log = tmp_path_factory.mktemp("openapi-log") / "server.log"
    srv = Server(log, "--db", str(db), "--workers", "1", "--no-semantic")
    with httpx.Client(base_url=srv.url, timeout=120) as c:
        yield c
    srv.stop()
    assert "Traceback" not in srv.output()


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    found: dict[str, Any] = spec
    for part in ref.removeprefix("#/").split("/"):
        found = found[part]
    return found


def test_every_endpoint_has_a_response_schema(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    operations = [(p, m, op) for p, ops in spec["paths"].items() for m, op in ops.items()]
    assert len(operations) >= 7
    for path, method, op in operations:
        ok = op["responses"].get("200")
        assert ok is not None, (method, path)
        schema = ok["content"]["application/json"]["schema"]
        resolved = _resolve(spec, schema)
        assert resolved.get("properties"), (method, path, schema)
        assert resolved.get("required"), (method, path)
    comparison = spec["components"]["schemas"]["Comparison"]
    assert {"schema", "documents", "verdict", "passages", "facts"} <= set(comparison["required"])


def _round_trips(model: type[BaseModel], data: dict[str, Any]) -> None:
    """``data`` validates against ``model`` and dumps back to itself: no field the model
    does not describe, none it declares missing, every type as declared."""
    parsed = model.model_validate(data)
    again = parsed.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert json.loads(json.dumps(again)) == data, model.__name__


def _get(client: httpx.Client, path: str, **kw: Any) -> dict[str, Any]:
    r = client.get(path, **kw)
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


def test_answers_match_their_models(client: httpx.Client) -> None:
    _round_trips(models.Health, _get(client, "/healthz"))
    pair = {
        "a": {"text": SOURCE.read_text(encoding="utf-8"), "name": "report"},
        "b": {"text": DERIVED.read_text(encoding="utf-8"), "name": "article"},
    }
    r = client.post("/api/compare", json=pair)
    assert r.status_code == 200, r.text
    compared = r.json()
    assert compared["facts"]["kept"] and compared["facts"]["changed"] and compared["passages"]
    _round_trips(models.Comparison, compared)
    r = client.post("/api/search", json={"text": DERIVED.read_text(encoding="utf-8")})
    assert r.status_code == 200 and r.json()["hits"], r.text
    _round_trips(models.SearchAnswer, r.json())
    _round_trips(models.DocumentDetail, _get(client, "/api/documents/seed-source"))
    page = _get(client, "/api/clusters", params={"limit": 1})
    assert page["clusters"] and page["next"]
    _round_trips(models.ClusterPage, page)
    _round_trips(models.ClusterDetail, _get(client, f"/api/clusters/{page['clusters'][0]['id']}"))
    _round_trips(models.Network, _get(client, "/api/network"))


def test_a_field_the_model_does_not_describe_is_noticed() -> None:
    """The round trip can fail: a closed record loses an unknown field."""
    health = {
        "status": "ok",
        "version": "0",
        "workers": 1,
        "semantic": False,
        "corpus": False,
        "index": "none",
        "index_problem": None,
        "pending": 0,
        "max_pending": 1,
        "max_document_bytes": 1,
    }
    _round_trips(models.Health, health)
    with pytest.raises(AssertionError):
        _round_trips(models.Health, {**health, "surprise": 1})
