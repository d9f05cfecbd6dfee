"""Reading requests: JSON bodies and form uploads into :class:`~.workers.Source` values.

Every check a client can fail is made here, before any work is queued: the media type,
JSON syntax, the request models, per-document size (413) and empty documents (400). The
rest of the reading (decoding, binary data, HTML extraction) happens in a worker with
:func:`~textlineage.ingest.document_from_bytes`, whose :class:`~textlineage.errors.InputError`
becomes a 400 as well.
"""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from starlette.datastructures import FormData, UploadFile

from ..errors import ApiError, InputError
from ..ingest.limits import format_size
from .workers import Source

M = TypeVar("M", bound=BaseModel)

MAX_NAME = 200
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def body_too_large(limit: int, per_document: int) -> ApiError:
    return ApiError(
        413,
        f"request body is over the {format_size(limit)} limit of this service "
        f"(documents of at most {format_size(per_document)} each)",
    )


# --------------------------------------------------------------------------- models


class DocumentIn(BaseModel):
    """One document: plain text or HTML (its main text is extracted), with a name."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain text, kept exactly as given.")
    html: str | None = Field(None, description="An HTML page; its main text is compared.")
    name: str | None = Field(
        None, max_length=MAX_NAME, description="What to call the document in the result."
    )

    @model_validator(mode="after")
    def _one_of_text_or_html(self) -> DocumentIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class CompareRequest(BaseModel):
    """Two documents to compare."""

    model_config = ConfigDict(extra="forbid")

    a: DocumentIn
    b: DocumentIn
    semantic: bool | None = Field(
        None, description="Use the sentence-embedding stage (default: the service's setting)."
    )


class SearchRequest(DocumentIn):
    """A document to look up in the corpus."""

    top: int | None = Field(None, ge=1, le=100, description="How many hits at most.")
    semantic: bool | None = Field(
        None, description="Use embeddings for candidates and alignment (default: the service's)."
    )


class ErrorBody(BaseModel):
    """Every error response."""

    error: str


def inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema with its ``$defs`` inlined (for an OpenAPI request body)."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return resolve(defs[ref.removeprefix("#/$defs/")])
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    resolved: dict[str, Any] = resolve(schema)
    return resolved


def validation_message(exc: ValidationError | Any) -> str:
    """Pydantic's errors as one line: ``a.text: Input should be a valid string; ...``."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body",))
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts) or "invalid request"


# --------------------------------------------------------------------------- reading


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def read_json(request: Request, model: type[M]) -> M:
    """The JSON body as ``model``: 400 when it is not JSON (or nested so deeply that the
    parser gives up: no request model goes past three levels), 422 when it does not match."""
    raw = await request.body()
    try:
        data = json.loads(raw)
    except RecursionError as exc:
        raise ApiError(
            400, "the request body is JSON nested too deeply (a request has at most 3 levels)"
        ) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"the request body is not valid JSON ({exc})") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ApiError(422, validation_message(exc)) from exc


async def read_form(request: Request, max_document_bytes: int) -> FormData:
    # Text fields (the page's text areas) may be as large as a document.
    return await request.form(max_files=4, max_fields=20, max_part_size=max_document_bytes + 1)


def clean_name(name: str | None, default: str, *, filename: bool = False) -> str:
    """A display name: no control characters, at most 200 characters.

    For an uploaded ``filename`` only its last part counts (browsers on some systems send
    the whole path).
    """
    if not name:
        return default
    name = _UNSAFE_NAME.sub(" ", name)
    if filename:
        name = name.replace("\\", "/").rsplit("/", 1)[-1]
    return name.strip()[:MAX_NAME] or default


def _checked(src: Source, limit: int) -> Source:
    if len(src.data) > limit:
        raise ApiError(
            413,
            f"{src.name}: document is {len(src.data):,} bytes, over the "
            f"{format_size(limit)} limit of this service ({limit:,} bytes)",
        )
    if not src.data.strip():
        raise InputError(src.name, "empty document")
    return src


def source_from_text(text: str, name: str, limit: int, *, fmt: str = "txt") -> Source:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(name, "not valid Unicode text (unpaired surrogate code points)") from exc
    return _checked(Source(name, data, fmt), limit)


def pasted_text(text: str) -> str:
    """Text from a page's text area with its line ends as the user typed them.

    A browser submits a text area's lines joined by CR LF, whatever the user pasted (the
    HTML standard's newline normalisation); compared as sent, every line would count one
    character more than the text on screen, and offsets would drift from it by one per
    line. CR LF and a lone CR (which a browser would also have sent as CR LF) become LF.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def source_from_json(doc: DocumentIn, default_name: str, limit: int) -> Source:
    name = clean_name(doc.name, default_name)
    if doc.text is not None:
        return source_from_text(doc.text, name, limit)
    return source_from_text(doc.html or "", name, limit, fmt="html")


async def source_from_upload(upload: UploadFile, default_name: str, limit: int) -> Source:
    name = clean_name(upload.filename, default_name, filename=True)
    data = await upload.read(limit + 1)
    return _checked(Source(name, data, "auto"), limit)


async def source_from_field(
    form: FormData, field: str, default_name: str, limit: int
) -> Source | None:
    """A form field holding a file upload, or plain text; None when absent or blank."""
    value = form.get(field)
    if isinstance(value, UploadFile):
        if not value.filename and not value.size:
            return None  # a file input left empty
        return await source_from_upload(value, default_name, limit)
    if isinstance(value, str) and value.strip():
        return source_from_text(value, default_name, limit)
    return None


def form_flag(form: FormData, field: str) -> bool | None:
    value = form.get(field)
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off"):
        return False
    raise ApiError(422, f"{field}: expected true or false, not {value[:40]!r}")


def form_int(form: FormData, field: str, lo: int, hi: int) -> int | None:
    value = form.get(field)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        n = int(value)
    except ValueError:
        raise ApiError(422, f"{field}: expected a whole number, not {value[:40]!r}") from None
    if not lo <= n <= hi:
        raise ApiError(422, f"{field}: must be between {lo} and {hi}, not {n}")
    return n
