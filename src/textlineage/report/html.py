"""Self-contained HTML report: both texts side by side with reused passages highlighted.

The markup is in Jinja2 templates (``report/templates/``), the style and the script in
``report/static/``; this module prepares what they show (labels, counts, the document
texts cut into highlighted segments) and renders ``report.html``.

The page has no external resources: CSS and a small vanilla-JS script are inline, and a
Content-Security-Policy forbids loading anything else and running any script but ours
(allowed by hash). All document content is untrusted:

* the templates are rendered with autoescaping, and no document string is marked safe:
  the only values marked safe are our own CSS, script and policy, and the page data;
* the data handed to the script is JSON inside a ``<script type="application/json">``
  block, with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped so that it cannot end the
  element; the script reads it with ``JSON.parse`` and only ever puts it into the page
  via ``textContent``;
* bidi control characters cannot reorder what the reader sees: in labels (ids, metadata,
  reasons, fact texts, the page data) they are replaced by U+FFFD as in the text report;
  in the document panes, whose text must stay exactly the document's, each one is a
  segment of its own that the style isolates and shows as its code point.

Each highlighted segment is one flat ``<span class="seg ...">`` listing the passages
(``data-p``) and facts (``data-f``) that cover it (see :mod:`.segments`).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import jinja2
from markupsafe import Markup

from ..text.language import UNKNOWN, language_name
from ..types import PASSAGE_KINDS, Comparison, Fact, FactLink
from .context import direction_note, line_of, new_sentences, sentence_parts, word_edits
from .factgroups import (
    LABEL_NAMES,
    change_groups,
    describe,
    kind_groups,
    reads_apart,
    respelled,
    shown_note,
    shown_sides,
    statements,
    unsupported_note,
    untagged,
)
from .glossary import FACT_TERMS, KIND_TERMS, TERMS, VERDICT_TERMS
from .segments import BIDI_CONTROLS, bidi_name, neutralise, segments

__all__ = ["environment", "render_html"]

_PACKAGE = __name__.rpartition(".")[0]
_LETTERS = ("A", "B")


def _short(where: str) -> str:
    """A fact's place written short for a narrow column: "A line 14" → "A l.14"."""
    return where.replace(" line ", " l.", 1)


def _letter(doc: int) -> str:
    return _LETTERS[doc] if doc in (0, 1) else "?"


_KIND_LABELS = {
    "verbatim": "Verbatim",
    "near_verbatim": "Near-verbatim",
    "paraphrase": "Paraphrase",
    "compression": "Compression",
    "translation": "Translation",
    "other": "Other",
}
_KIND_HELP = {**KIND_TERMS, "other": "other reuse"}
# Which colour a segment shows when several passages of different kinds cover it.
_KIND_PRIORITY = {
    k: i
    for i, k in enumerate(
        ("verbatim", "near_verbatim", "compression", "paraphrase", "translation", "other")
    )
}
_VERDICT_LABELS = {
    "derived": "Derived",
    "partially_derived": "Partially derived",
    "independent": "Independent",
}
_FACT_STATUSES = (
    ("changed", "fact changed"),
    ("added", "fact added"),
    ("dropped", "fact dropped"),
    ("kept", "fact kept"),
)
_FACT_STATUS_PRIORITY = {status: i for i, (status, _label) in enumerate(_FACT_STATUSES)}
_TITLE_ITEMS = 4
_SHOWN_PER_KIND = 12  # added or dropped facts of a kind shown open; more are collapsed
_CONTEXT_MAX = 140  # characters of a change's sentence shown around it
_NEW_MAX = 400  # characters of a sentence new in the derived text shown
_FRAGMENT_WORDS = 6  # a reworded side of fewer words is shown in its sentence


@functools.cache
def environment() -> jinja2.Environment:
    """The reports' templates (``report/templates/``); autoescaping on, every variable
    must exist. Shared by the comparison report and the search report."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader(_PACKAGE, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True)
class _Assets:
    css: Markup
    script: Markup
    csp: Markup


@functools.cache
def _assets() -> _Assets:
    """Style and script to inline, and the policy that allows exactly that script."""
    static = files(_PACKAGE) / "static"
    css = (static / "report.css").read_text(encoding="utf-8")
    js = (static / "report.js").read_text(encoding="utf-8")
    # Inlined as they are (raw text elements are not unescaped): they must not end their
    # element early.
    if "</style" in css.lower() or "</script" in js.lower() or "<!--" in js:
        raise ValueError("report.css / report.js must not contain </style, </script or <!--")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    # Our own files and constant: safe to put in the page unescaped.
    return _Assets(Markup(css), Markup(js), Markup(csp))


def _script_json(obj: Any) -> Markup:
    """JSON that is inert inside a ``<script type="application/json">`` element.

    A script element's content is raw text (entities are not decoded), so HTML escaping
    would corrupt the JSON; instead the characters that could end the element or the
    string are JSON-escaped, and the result is marked safe for the template.
    """
    s = json.dumps(obj, ensure_ascii=False)
    return Markup(
        s.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _neutralise_all(obj: Any) -> Any:
    """``obj`` (JSON data) with :func:`neutralise` applied to every string in it."""
    if isinstance(obj, str):
        return neutralise(obj)
    if isinstance(obj, dict):
        return {neutralise(k): _neutralise_all(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_neutralise_all(v) for v in obj]
    return obj


def _language(code: str) -> dict[str, str] | None:
    """A document's language for its header and the pane's ``lang`` attribute (None when
    unknown). Codes come from the identifier, but are checked: they go into an attribute."""
    if code == UNKNOWN or not code.replace("-", "").isalnum():
        return None
    return {"code": code, "name": language_name(code)}


def _kind_css(kind: str) -> str:
    return kind if kind in PASSAGE_KINDS else "other"


def _kind_label(kind: str) -> str:
    return _KIND_LABELS.get(kind, kind)


@dataclass(frozen=True)
class _SegView:
    """The attributes of a highlighted segment; one per (passages, facts, bidi character)."""

    cls: str
    pids: str
    fids: str
    bidi: str
    title: str


class _Renderer:
    def __init__(self, c: Comparison, title: str | None) -> None:
        self.c = c
        self.title = title
        # Every fact shown gets an id: (fact, status).
        self.facts: list[tuple[Fact, str]] = []
        self.fact_ids: dict[int, int] = {}  # id(Fact object) -> first fact id
        fd = c.facts
        for link in fd.changed:
            self._add_fact(link.source, "changed")
            self._add_fact(link.derived, "changed")
        for f in fd.added:
            self._add_fact(f, "added")
        for f in fd.dropped:
            self._add_fact(f, "dropped")
        for link in fd.kept:
            self._add_fact(link.source, "kept")
            self._add_fact(link.derived, "kept")
        self._seg_cache: dict[tuple[tuple[int, ...], tuple[int, ...], str], _SegView] = {}
        self._passage_rank: dict[int, tuple[int, int, int]] = {}

    def _add_fact(self, f: Fact, status: str) -> None:
        if id(f) not in self.fact_ids:
            self.fact_ids[id(f)] = len(self.facts)
            self.facts.append((f, status))

    # -- marked-up document text ---------------------------------------------------

    def _seg_view(self, pids: tuple[int, ...], fids: tuple[int, ...], bidi: str) -> _SegView:
        key = (pids, fids, bidi)
        cached = self._seg_cache.get(key)
        if cached is not None:
            return cached
        classes = ["seg"]
        titles: list[str] = []
        if pids:
            # The passage shown first (and coloured) is the strongest kind, then the shortest.
            pids = tuple(sorted(pids, key=self._passage_rank.__getitem__))
            classes.append("k-" + _kind_css(self.c.passages[pids[0]].kind))
            if len(pids) > 1:
                classes.append("multi")
            for pid in pids[:_TITLE_ITEMS]:
                p = self.c.passages[pid]
                why = f" ({'; '.join(p.reasons)})" if p.reasons else ""
                titles.append(
                    f"Passage #{pid + 1} · {_kind_label(p.kind)} · score {p.score:.2f}{why}"
                )
            if len(pids) > _TITLE_ITEMS:
                titles.append(f"+{len(pids) - _TITLE_ITEMS} more passages")
        if fids:
            status = min((self.facts[f][1] for f in fids), key=_FACT_STATUS_PRIORITY.__getitem__)
            classes += ["fact", "f-" + status]
            for fid in fids[:_TITLE_ITEMS]:
                fact, st = self.facts[fid]
                titles.append(f"Fact {st} · {fact.kind}: {fact.text}")
            if len(fids) > _TITLE_ITEMS:
                titles.append(f"+{len(fids) - _TITLE_ITEMS} more facts")
        code = ""
        if bidi:
            classes.append("bidi")
            code = f"U+{ord(bidi):04X}"
            titles.append(f"{bidi_name(bidi)}: a text-direction control, shown and not applied")
        view = _SegView(
            " ".join(classes),
            " ".join(map(str, pids)),
            " ".join(map(str, fids)),
            code,
            neutralise("\n".join(titles)),
        )
        self._seg_cache[key] = view
        return view

    def _segments(self, d: int) -> list[tuple[int, str, _SegView | None]]:
        """Document ``d`` as (offset, text, attributes or None for plain text)."""
        c = self.c
        text = c.documents[d].text
        self._seg_cache.clear()  # passage ranks (lengths) differ between the documents
        for pid, p in enumerate(c.passages):
            self._passage_rank[pid] = (_KIND_PRIORITY[_kind_css(p.kind)], p.chars(d), pid)
        out: list[tuple[int, str, _SegView | None]] = []
        for seg in segments(
            text,
            [p.spans[d] for p in c.passages],
            [f.span if f.doc == d else None for f, _status in self.facts],
        ):
            if seg.passages or seg.facts or seg.bidi:
                bidi = seg.text if seg.bidi else ""
                out.append((seg.start, seg.text, self._seg_view(seg.passages, seg.facts, bidi)))
            else:
                out.append((seg.start, seg.text, None))
        return out

    # -- page parts ----------------------------------------------------------------

    def _doc_label(self, d: int) -> str:
        return f"{_LETTERS[d]} · {self.c.documents[d].id}"

    def _title(self) -> str:
        if self.title is not None:
            return self.title
        a, b = self.c.documents
        return f"{a.id} ↔ {b.id}"

    def _summary(self) -> dict[str, Any]:
        c = self.c
        coverage = []
        for d in (0, 1):
            frac = min(max(float(c.coverage[d]), 0.0), 1.0) if len(c.coverage) > d else 0.0
            coverage.append(
                {
                    "letter": _LETTERS[d],
                    "doc_id": neutralise(c.documents[d].id),
                    "pct": f"{frac:.1%}",
                    "width": f"{frac * 100:.2f}",
                }
            )
        kinds: dict[str, int] = defaultdict(int)
        for p in c.passages:
            kinds[_kind_css(p.kind)] += 1
        kind_summary = ", ".join(
            f"{kinds[k]} {_kind_label(k).lower()}" for k in _KIND_PRIORITY if kinds.get(k)
        )
        return {
            "verdict_css": neutralise(c.verdict if c.verdict in _VERDICT_LABELS else "other"),
            "verdict": neutralise(_VERDICT_LABELS.get(c.verdict, c.verdict)),
            "source": (
                neutralise(self._doc_label(c.source)) if c.source in (0, 1) else "Not established"
            ),
            "confidence": f"{c.confidence:.2f}",
            "coverage": coverage,
            "passages": len(c.passages),
            "kinds": kind_summary or "none",
            "reasons": [neutralise(r) for r in c.reasons],
        }

    def _legend(self) -> dict[str, Any]:
        """Every style the panes use, named: the passage labels (shading) with their
        counts, the darker shade of overlapping passages, the fact statuses (underlines)
        with theirs, and the shown bidi controls when a text has one."""
        counts: dict[str, int] = defaultdict(int)
        for p in self.c.passages:
            counts[_kind_css(p.kind)] += 1
        kinds = list(PASSAGE_KINDS) + (["other"] if counts.get("other") else [])
        fd = self.c.facts
        fact_counts = {
            "changed": len(fd.changed),
            "added": len(fd.added),
            "dropped": len(fd.dropped),
            "kept": len(fd.kept),
        }
        shown = [k for k in _KIND_PRIORITY if counts.get(k)]
        return {
            "kinds": [
                {"css": k, "label": _KIND_LABELS[k], "help": _KIND_HELP[k], "count": counts[k]}
                for k in kinds
            ],
            "overlap": shown[0] if len(self.c.passages) > 1 else "",
            "facts": [
                {"status": st, "label": label, "help": FACT_TERMS[st], "count": fact_counts[st]}
                for st, label in _FACT_STATUSES
            ],
            "bidi": any(BIDI_CONTROLS.search(doc.text) for doc in self.c.documents),
        }

    def _document(self, d: int) -> dict[str, Any]:
        c = self.c
        doc = c.documents[d]
        role = ""
        if c.source in (0, 1):
            role = "source" if c.source == d else "derived"
        return {
            "index": d,
            "letter": _LETTERS[d],
            "id": neutralise(doc.id),
            "chars": f"{doc.chars:,}",
            "role": role,
            "language": _language(c.languages[d]),
            "meta": [(neutralise(k), neutralise(v)) for k, v in doc.meta.items()],
            "segments": self._segments(d),
        }

    def _fref(self, f: Fact) -> dict[str, Any]:
        """A fact as a button that finds it in its text."""
        fid = self.fact_ids[id(f)]
        doc = f.doc if f.doc in (0, 1) else 0
        return {
            "fid": fid,
            "doc": doc,
            "status": self.facts[fid][1],
            "where": f"{_LETTERS[doc]} line {line_of(self.c.documents[doc].text, f.span[0])}",
            "text": neutralise(f.text),
        }

    def _context(self, f: Fact) -> dict[str, str]:
        """Where a fact stands: its line ("A l.7") and its sentence in three parts, the
        fact between."""
        doc = f.doc if f.doc in (0, 1) else 0
        text = self.c.documents[doc].text
        before, fact, after = sentence_parts(text, f.span, _CONTEXT_MAX)
        return {
            "where": _short(self._fref(f)["where"]),
            "before": neutralise(before),
            "fact": neutralise(fact),
            "after": neutralise(after),
        }

    def _facts(self) -> dict[str, Any]:
        """The fact panel: changes by significance, names kept in another spelling, added
        and dropped facts per kind (a long or listed kind collapsed), kept facts folded."""
        fd = self.c.facts
        unsupported = unsupported_note(self.c.verdict == "independent", _letter(fd.source_doc))

        texts = [d.text for d in self.c.documents]

        def link(lk: FactLink, with_context: bool = True) -> dict[str, Any]:
            src, der = self._fref(lk.source), self._fref(lk.derived)
            # Either side of a link finds both: the button names its partner, and says
            # what the link is for the detail bar.
            said = f"{src['where']} “{src['text']}” → {der['where']} “{der['text']}”"
            extra = "; ".join(
                x for x in (neutralise(lk.note), unsupported if lk.unsupported else "") if x
            )
            detail = f"{neutralise(lk.kind)}: {said}" + (f" · {extra}" if extra else "")
            src, der = (
                {**src, "pair": der["fid"], "detail": detail},
                {**der, "pair": src["fid"], "detail": detail},
            )
            reworded = lk.kind in ("quote", "claim") and (
                len(lk.source.text.split()) + len(lk.derived.text.split()) > 2
            )
            apart = reworded and reads_apart(lk)
            edits = word_edits(lk.source.text, lk.derived.text) if reworded and not apart else []
            short = any(len(f.text.split()) < _FRAGMENT_WORDS for f in (lk.source, lk.derived))
            shown = shown_sides(lk, texts)
            return {
                "kind": neutralise(lk.kind),
                "source": src,
                "derived": der,
                # Two statements that share few words: one under the other, not a diff.
                "said": [
                    (f"{_short(src['where'])} said", src),
                    (f"{_short(der['where'])} says", der),
                ]
                if apart
                else [],
                # A quotation or claim reworded: what was cut and added, word by word.
                "edits": [(op, neutralise(text)) for op, text in edits],
                "note": neutralise(untagged(shown_note(lk), LABEL_NAMES.get(lk.label, ""))),
                "label": neutralise(LABEL_NAMES.get(lk.label, lk.label)),
                "unsupported": unsupported if lk.unsupported else "",
                # the words a side's note names just outside the fact ("about" of "about
                # $18 million"), shown by it: two sides that read alike show nothing
                "around": [
                    _around(f.text, x) for f, x in zip((lk.source, lk.derived), shown, strict=True)
                ],
                # where each side stands, in its sentence: a figure or a few words of a
                # clause are checked in their sentence (a long quotation reads alone)
                "context": [self._context(f) for f in (lk.source, lk.derived)]
                if with_context and (not reworded or short)
                else [],
            }

        def single(f: Fact) -> dict[str, Any]:
            # the group's heading names the kind: the fact's line is what a reader needs
            ref = self._fref(f)
            return {"kind": _short(ref["where"]), "fact": ref}

        def stated(f: Fact) -> dict[str, Any]:
            # A whole statement: its line where the kind stands elsewhere; one of a few
            # words ("is punished severely") in its sentence, which alone it does not say.
            ref = self._fref(f)
            item: dict[str, Any] = {"kind": _short(ref["where"]), "fact": ref}
            if len(f.text.split()) < _FRAGMENT_WORDS:
                ctx = self._context(f)
                item["around"] = (ctx["before"], ctx["after"])
            return item

        def by_kind(facts: tuple[Fact, ...], side: list[Fact], doc: int, verb: str) -> Any:
            text = self.c.documents[doc].text if doc in (0, 1) else ""
            return [
                {
                    "headline": neutralise(g.headline(verb)),
                    "collapsed": g.listed or len(g.facts) > _SHOWN_PER_KIND,
                    "facts": [single(f) for f in g.facts],
                }
                for g in kind_groups(facts, [*facts, *side], text)
            ]

        links = (*fd.kept, *fd.changed)
        added, added_said = statements(fd.added)
        dropped, dropped_said = statements(fd.dropped)
        lengths = [
            len(self.c.documents[d].text) if d in (0, 1) else 0
            for d in (fd.source_doc, fd.derived_doc)
        ]
        return {
            "note": neutralise(describe(fd.read, lengths)),
            "direction": direction_note(self.c),
            "source": _letter(fd.source_doc),
            "derived": _letter(fd.derived_doc),
            "counts": {
                "changed": len(fd.changed),
                "added": len(fd.added),
                "dropped": len(fd.dropped),
                "kept": len(fd.kept),
                "added_facts": len(added),
                "dropped_facts": len(dropped),
            },
            "changed": [
                {"title": g.title, "links": [link(lk) for lk in g.links]}
                for g in change_groups(fd.changed)
            ],
            "respelled": [link(lk, with_context=False) for lk in respelled(fd.kept)],
            # A person's name respelled is shown open: it may be a misspelling.
            "respelled_open": any(lk.kind == "person" for lk in respelled(fd.kept)),
            "added": by_kind(tuple(added), [k.derived for k in links], fd.derived_doc, "added"),
            "dropped": by_kind(tuple(dropped), [k.source for k in links], fd.source_doc, "dropped"),
            "added_said": [stated(f) for f in added_said],
            "dropped_said": [stated(f) for f in dropped_said],
            "kept": [link(lk, with_context=False) for lk in fd.kept],
            "new": self._new_sentences(),
        }

    def _new_sentences(self) -> dict[str, Any] | None:
        """The derived text's sentences with no counterpart in the source, as the text
        report lists them (where additions the fact list may miss stand): the count, how
        many hold a statement listed already, and the others with their lines."""
        found, shown = new_sentences(self.c)
        if not found:
            return None
        d = self.c.facts.derived_doc
        text = self.c.documents[d].text
        return {
            "count": len(found),
            "held": len(found) - len(shown),
            "open": len(shown) <= _SHOWN_PER_KIND,
            "items": [
                {
                    "where": f"{_LETTERS[d]} l.{line_of(text, s)}",
                    "text": neutralise(" ".join(text[s:e].split())[:_NEW_MAX]),
                }
                for s, e in shown
            ],
        }

    def render(self) -> str:
        data = self.c.to_json(include_text=False)
        assets = _assets()
        return (
            environment()
            .get_template("report.html")
            .render(
                title=neutralise(self._title()),
                csp=assets.csp,
                css=assets.css,
                script=assets.script,
                summary=self._summary(),
                legend=self._legend(),
                glossary=_glossary(),
                documents=[self._document(0), self._document(1)],
                facts=self._facts(),
                schema_version=neutralise(data.get("schema_version", "")),
                data=_script_json(_neutralise_all(data)),
            )
        )


def _around(fact: str, shown: str) -> tuple[str, str]:
    """What ``shown`` (a change's side as the reports show it) has before and after the
    fact's own text."""
    at = shown.find(fact)
    if at < 0:
        return "", ""
    return neutralise(shown[:at]), neutralise(shown[at + len(fact) :])


def _glossary() -> list[tuple[str, str]]:
    """Every passage kind, verdict, fact status, coverage and confidence with what it
    means."""
    out = [(_KIND_LABELS[k], KIND_TERMS[k]) for k in PASSAGE_KINDS if k in KIND_TERMS]
    out += [(_VERDICT_LABELS[v], VERDICT_TERMS[v]) for v in VERDICT_TERMS]
    out += [(label.capitalize(), FACT_TERMS[st]) for st, label in _FACT_STATUSES]
    out += [(term.capitalize(), meaning) for term, meaning in TERMS.items()]
    return out


def render_html(c: Comparison, *, title: str | None = None) -> str:
    """Render ``c`` as one self-contained HTML page (no external resources)."""
    return _Renderer(c, title).render()
