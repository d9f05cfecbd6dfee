"""What every page shares: the templates and their filters, the navigation, the security
headers, and the comparison report with the site's navigation added.

Server-rendered with Jinja2 (autoescaping on: every document string, name, title, URL and
metadata value is escaped). Every string a page shows has its bidi controls replaced by
U+FFFD (the environment's ``finalize``), so that no title, id or site can reverse the text
around it; a document's text shown whole marks each as ``[U+202E]`` instead
(``bidi_text``), and what the user typed into a form is given back as typed
(``as_typed``). The only script is ``static/app.js``; the Content-Security-
Policy of these pages allows nothing else. The comparison report is the library's own
self-contained page (:func:`textlineage.report.render_html`) with the site's navigation
bar added; it keeps the policy it declares.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from .. import __version__
from ..errors import ApiError, InputError
from ..report.segments import BIDI_CONTROLS, bidi_name, neutralise
from ..text.bidi import bidi_marker
from .api import service_of
from .service import Service

HERE = Path(__file__).resolve().parent
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# Only for a report whose own policy cannot be found: safe, if without its script.
_FALLBACK_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')

_REPORT_NAV_CSS = (HERE / "static" / "report-nav.css").read_text(encoding="utf-8")


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` a page shows: a plain string without its bidi controls (markup
    made on purpose, such as :func:`bidi_text`'s, passes as it is)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return neutralise(value)
    return value


def bidi_text(text: str) -> Markup:
    """A document's text, escaped, each bidi control shown as a marker that names it."""

    def marker(m: re.Match[str]) -> str:
        ch = m.group()
        title = f"{bidi_name(ch)}: a text-direction control, shown and not applied"
        return f'<span class="bidi" title="{escape(title)}">{bidi_marker(ch)}</span>'

    return Markup(BIDI_CONTROLS.sub(marker, str(escape(text))))


def as_typed(text: str) -> Markup:
    """What the user typed into a form, escaped but otherwise as typed (the page gives it
    back to be sent again: it must not change)."""
    return escape(text)


_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=_finalize,
)
_env.filters["bidi_text"] = bidi_text
_env.filters["as_typed"] = as_typed

VERDICTS = {
    "derived": "Derived",
    "partially_derived": "Partially derived",
    "independent": "Independent",
}
DIRECTIONS = {
    "hit_is_source": "This document is the source: your text reuses it.",
    "query_is_source": "Your text is the source: this document reuses it.",
    "unknown": "Shared text; which came first is not established.",
}
KINDS = {
    "verbatim": "verbatim",
    "near_verbatim": "near-verbatim",
    "paraphrase": "paraphrase",
    "compression": "compression",
    "translation": "translation",
}
_env.filters["verdict"] = lambda v: VERDICTS.get(str(v), str(v))
_env.filters["kind"] = lambda v: KINDS.get(str(v), str(v))
_env.filters["pct"] = lambda v: f"{float(v or 0):.0%}"
_env.filters["num"] = lambda v: f"{int(v):,}" if isinstance(v, int | float) else str(v)


def input_problem(exc: InputError | ApiError) -> tuple[int, str]:
    """Status and message for a form whose input cannot be used (server errors re-raised)."""
    status = exc.status if isinstance(exc, ApiError) else 400
    if status >= 500:
        raise exc
    return status, exc.message if isinstance(exc, ApiError) else str(exc)


def _nav(service: Service, path: str) -> list[dict[str, Any]]:
    items = [("/", "Compare")]
    if service.has_corpus:
        items += [("/search", "Search"), ("/clusters", "Clusters"), ("/network", "Network")]
    out = []
    for href, label in items:
        current = (
            path == "/" or path.startswith("/compare") if href == "/" else path.startswith(href)
        )
        out.append({"href": href, "label": label, "current": current})
    return out


def page(
    request: Request,
    template: str,
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """Render one of the site's own pages."""
    service = service_of(request)
    html = _env.get_template(template).render(
        nav=_nav(service, request.url.path),
        version=__version__,
        has_corpus=service.has_corpus,
        semantic_service=service.config.semantic,
        max_document_bytes=service.config.max_document_bytes,
        **context,
    )
    h = {"Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-store"}
    h.update(headers or {})
    return HTMLResponse(html, status_code=status, headers=h)


def error_page(
    request: Request,
    status: int,
    message: str,
    headers: dict[str, str] | None = None,
    *,
    heading: str | None = None,
) -> HTMLResponse:
    """The error as a page: ``message`` (escaped) under ``heading`` (or one for the status)."""
    return page(
        request,
        "error.html",
        status=status,
        headers=headers,
        status_code=status,
        message=message,
        heading=heading,
    )


def report_page(request: Request, report: bytes) -> HTMLResponse:
    """The library's comparison report with the site's navigation added."""
    html = report.decode("utf-8")
    found = _META_CSP.search(html, 0, 4096)
    csp = found.group(1) if found else _FALLBACK_REPORT_CSP
    nav = _env.get_template("report_nav.html").render(
        nav=_nav(service_of(request), request.url.path)
    )
    # The anchor precedes any document text, and the report's policy allows inline styles.
    head, sep, rest = html.partition("</head><body>")
    if sep:
        html = f"{head}<style>{_REPORT_NAV_CSS}</style></head><body>{nav}{rest}"
    headers = {
        "Content-Security-Policy": csp + "; frame-ancestors 'none'",
        "Cache-Control": "no-store",
    }
    return HTMLResponse(html, headers=headers)


def safe_url(url: str) -> str | None:
    """The URL when it is an http(s) link a page may show, else None."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


_env.filters["safe_url"] = safe_url


def document_key(member: dict[str, Any]) -> str:
    """How a page names a cluster member or stored document to the server: its number when
    it is indexed, else (an exact duplicate, whose number is negative) its external id."""
    doc_id = member.get("doc_id")
    if isinstance(doc_id, int) and doc_id > 0:
        return str(doc_id)
    return str(member.get("ext_id") or member.get("id") or "")


def document_href(member: dict[str, Any]) -> str:
    """The document page of a cluster member or stored document (:func:`document_key`,
    URL-encoded as one path segment)."""
    return "/documents/" + quote(document_key(member), safe="")


def id_href(ext_id: str) -> str:
    """The document page of an external id (the id URL-encoded as one path segment)."""
    return "/documents/" + quote(ext_id, safe="")


_env.filters["doc_href"] = document_href
_env.filters["doc_key"] = document_key
_env.filters["id_href"] = id_href
_env.filters["qs"] = lambda v: quote(str(v), safe="")
