"""The command line: a thin adapter over the library.

Every library error (:class:`~textlineage.errors.TextlineageError`) becomes one line on
stderr and exit status 2; progress goes to stderr; results go to stdout or ``--output``.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import click

from . import __version__
from .cli_eval import eval_group
from .cli_options import (
    _count_progress,
    _format_option,
    _info,
    _os_error_line,
    _print_add_summary,
    _progress,
    _quiet_option,
    _warn,
    _workers_option,
    is_quiet,
    set_quiet,
)
from .errors import TextlineageError


def _quiet_third_party() -> None:
    for name in (
        "trafilatura",
        "charset_normalizer",
        "htmldate",
        "courlan",
        "transformers",
        "sentence_transformers",
        "torch",
    ):
        logging.getLogger(name).setLevel(logging.ERROR)
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class _Group(click.Group):
    """Turn library errors into one clear line and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TextlineageError as exc:
            from .ingest.paths import printable_path

            # One line, whatever the names in it hold (a line break, a terminal escape).
            click.echo(f"textlineage: error: {printable_path(str(exc))}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            raise  # the reader of stdout went away (`| head`): click ends quietly
        except OSError as exc:
            # The environment, not the input: a full disk, a read-only or vanished file.
            click.echo(f"textlineage: error: {_os_error_line(exc)}", err=True)
            sys.exit(2)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="textlineage")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to stderr.")
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print results only: no progress bars, no information lines, no warnings (also "
    "accepted after any command).",
)
@click.pass_context
def main(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """textlineage: tell where a text came from."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    _quiet_third_party()
    if quiet:
        set_quiet(ctx)


_output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE, not stdout."
)


def _render(fmt: str, result: Any, **renderers: Callable[[Any], str]) -> str:
    """Render ``result`` with the renderer named by ``--format``."""
    return renderers[fmt](result)


def _write(out: str, output: str | None) -> None:
    """``out`` to the file ``output`` (whole or not at all), or to stdout."""
    if output:
        from .ingest.paths import printable_path
        from .outputs import write_text

        write_text(output, out)
        _info(f"wrote {printable_path(output)}")
    else:
        click.echo(out, nl=not out.endswith("\n"))


@main.command()
@click.argument("doc_a")
@click.argument("doc_b")
@_format_option("text", "json", "html")
@_output_option
@click.option("--no-semantic", is_flag=True, help="Skip the sentence-embedding stage (faster).")
@click.option(
    "--all-facts",
    is_flag=True,
    help="Text format: list every fact added or dropped with its position (default: a "
    "count per kind and the first few).",
)
@_quiet_option
def compare(
    doc_a: str, doc_b: str, fmt: str, output: str | None, no_semantic: bool, all_facts: bool
) -> None:
    """Compare two documents (.txt, .html, or - for stdin): reuse, source, fact changes."""
    from .align.semantic import SemanticConfig
    from .compare import CompareConfig
    from .compare import compare as run_compare
    from .ingest import read_document
    from .report import render_html, render_json, render_text

    if doc_a == "-" and doc_b == "-":
        raise click.UsageError("only one of the two documents can be read from stdin")
    a, b = read_document(doc_a), read_document(doc_b)
    cfg = CompareConfig(semantic=SemanticConfig(enabled=not no_semantic))
    result = run_compare(a, b, cfg)
    text = partial(render_text, all_facts=all_facts)
    _write(_render(fmt, result, text=text, json=render_json, html=render_html), output)


@main.group(name="index")
def index_group() -> None:
    """Build and grow a corpus index (one SQLite file)."""


@index_group.command(name="add")
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Abort on the first malformed record.")
@click.option(
    "--no-semantic",
    is_flag=True,
    help="Store no content terms (about 1 KB a document): search then has no window "
    "channel, and discovery reads the terms from the text.",
)
@click.option(
    "--embeddings/--no-embeddings",
    default=None,
    help="Also store a document vector (a static embedding model), a second semantic "
    "channel for search (default: when the index already has them).",
)
@click.option(
    "--multilingual/--no-multilingual",
    default=None,
    help="Also store a multilingual vector of each document's lead (its first 1,000 "
    "characters), so that search and discover find translations across languages. Costly: "
    "about 0.6 s a document per worker (default: when the index already has them).",
)
@click.option("--id-field", default="id", show_default=True, help="JSONL/CSV field with the id.")
@click.option("--text-field", default="text", show_default=True, help="Field with plain text.")
@click.option("--html-field", default="html", show_default=True, help="Field with HTML.")
@click.option("--url-field", default="url", show_default=True, help="Field with the URL.")
@click.option("--site-field", default="site", show_default=True, help="Field with the site.")
@click.option("--date-field", default="date", show_default=True, help="Field with the date.")
@click.option("--title-field", default="title", show_default=True, help="Field with the title.")
@click.option(
    "--on-conflict",
    type=click.Choice(["skip", "replace", "error"]),
    default="skip",
    show_default=True,
    help="An id already indexed with another text: keep the indexed text (skip, with a "
    "warning), replace it and all derived from it (replace), or refuse its batch (error).",
)
@_workers_option(
    "Processes computing fingerprints (and document vectors) while the main one reads and "
    "writes (1: all in one process)."
)
@_format_option("text", "json")
@_quiet_option
def index_add(
    db: str,
    inputs: tuple[str, ...],
    strict: bool,
    no_semantic: bool,
    embeddings: bool | None,
    multilingual: bool | None,
    id_field: str,
    text_field: str,
    html_field: str,
    url_field: str,
    site_field: str,
    date_field: str,
    title_field: str,
    on_conflict: str,
    workers: int,
    fmt: str,
) -> None:
    """Add files, directories, globs, JSONL/CSV (also .gz) and WARC files to the index DB.

    Exits 1 when every input or record was skipped (none could be read)."""
    import json

    from .corpus.index import Corpus
    from .ingest import FieldMap, count_records

    if no_semantic and embeddings:
        raise click.UsageError("--embeddings and --no-semantic exclude each other")
    if no_semantic and multilingual:
        raise click.UsageError("--multilingual and --no-semantic exclude each other")
    try:
        fields = FieldMap(
            id=id_field,
            text=text_field,
            html=html_field,
            url=url_field,
            site=site_field,
            date=date_field,
            title=title_field,
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    with (
        Corpus.open(db) as corpus,
        _count_progress("documents", lambda: count_records(list(inputs))) as progress,
    ):
        summary = corpus.add(
            list(inputs),
            fields=fields,
            strict=strict,
            semantic=not no_semantic,
            embeddings=embeddings,
            multilingual=multilingual,
            progress=progress,
            workers=workers,
            on_conflict=on_conflict,
        )
    if fmt == "json":
        click.echo(json.dumps(summary.to_json(), indent=2))
    else:
        _print_add_summary(summary)
    if summary.conflicts and on_conflict == "skip":
        n = len(summary.conflicts)
        _warn(
            f"{n} id{'s' if n != 1 else ''} already indexed with another text kept "
            f"{'their' if n != 1 else 'its'} indexed text (first: {summary.conflicts[0]!r}); "
            "--on-conflict replace updates them"
        )
    if summary.failed:
        click.echo(
            f"textlineage: nothing was added: {len(summary.skipped)} input(s) or record(s) skipped",
            err=True,
        )
        sys.exit(1)


@index_group.command(name="add-claims")
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
def index_add_claims(db: str) -> None:
    """Add sentence keys to documents indexed by an earlier version (claim-length search)."""
    from .corpus.index import Corpus

    with (
        Corpus.open(db, create=False) as corpus,
        click.progressbar(
            length=corpus.store.unkeyed_documents(), label="documents", file=sys.stderr
        ) as bar,
    ):
        state = {"n": 0}

        def progress(n: int) -> None:
            bar.update(n - state["n"])
            state["n"] = n

        n = corpus.add_claim_keys(progress)
    click.echo(f"sentence keys added to {n} document(s)")


@main.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.argument("document")
@click.option(
    "--top", type=click.IntRange(min=1), default=10, show_default=True, help="Hits to show."
)
@_format_option("text", "json", "html")
@_output_option
@click.option("--no-semantic", is_flag=True, help="Lexical candidates and alignment only.")
@_quiet_option
def search(
    db: str, document: str, top: int, fmt: str, output: str | None, no_semantic: bool
) -> None:
    """Where did this text come from? Indexed documents it reuses or that reuse it."""
    from .corpus.index import Corpus
    from .ingest import read_document
    from .report.search import render_search_html, render_search_json, render_search_text

    query = read_document(document)
    with Corpus.open(db, create=False) as corpus:
        result = corpus.search(query, top=top, semantic=False if no_semantic else None)
    _write(
        _render(
            fmt,
            result,
            text=render_search_text,
            json=render_search_json,
            html=render_search_html,
        ),
        output,
    )


@main.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@click.argument("doc_id")
@_format_option("text", "json")
@_quiet_option
def show(db: str, doc_id: str, fmt: str) -> None:
    """Show one indexed document (by its id or number) with its metadata."""
    import json

    from .corpus.index import Corpus
    from .errors import TextlineageError
    from .report.segments import neutralise
    from .text.bidi import mark_bidi

    with Corpus.open(db, create=False) as corpus:
        doc = corpus.get(doc_id)
        if doc is None:
            raise TextlineageError(f"{db}: no document with id {doc_id!r}")
        dups = corpus.store.duplicates_of(doc.doc_id)
    if fmt == "json":
        j = doc.to_json()
        j["duplicates"] = dups
        click.echo(json.dumps(j, ensure_ascii=False, indent=2))
        return
    # Bidi controls shown, not applied: U+FFFD in the fields, [U+202E] in the text.
    for k in ("ext_id", "doc_id", "url", "site", "date", "title", "origin"):
        v = getattr(doc, k)
        if k == "date" and doc.date_source:
            v = f"{v} ({doc.date_source})"
        if v != "":
            click.echo(f"{k:7s} {neutralise(v)}")
    if dups:
        click.echo(f"duplicates: {neutralise(', '.join(d['id'] for d in dups))}")
    click.echo("")
    click.echo(mark_bidi(doc.text))


@main.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False))
@_format_option("text", "json")
@_quiet_option
def stats(db: str, fmt: str) -> None:
    """Counts and sizes of an index."""
    import json

    from .corpus.index import Corpus

    with Corpus.open(db, create=False) as corpus:
        st = corpus.stats()
    if fmt == "json":
        click.echo(json.dumps(st, indent=2))
    else:
        for k, v in st.items():
            click.echo(f"{k:26s} {v}")


@main.command()
@click.argument("db", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Directory for pairs.jsonl, clusters.jsonl, sites.csv, network.graphml/svg.",
)
@click.option(
    "--no-semantic",
    is_flag=True,
    help="Fingerprint candidates and lexical verification only (no window channel, "
    "no semantic stage).",
)
@_workers_option("Worker processes for verification (local engine).")
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="local: over the index DB; spark: over --input files, on Apache Spark.",
)
@click.option(
    "--input",
    "inputs",
    multiple=True,
    help="Spark engine: a JSONL or Parquet file or directory of records (repeatable).",
)
@click.option(
    "--master",
    default="local[*]",
    show_default=True,
    help="Spark engine: the Spark master URL.",
)
@click.option(
    "--conf",
    "confs",
    multiple=True,
    metavar="KEY=VALUE",
    help="Spark engine: a Spark setting, passed through (repeatable).",
)
@click.option(
    "--multilingual",
    is_flag=True,
    help="Spark engine: compute each document's language and multilingual lead vector, so "
    "that translations are candidates (the local engine uses an index's own, from "
    "`index add --multilingual`).",
)
@_quiet_option
def discover(
    db: str | None,
    out_dir: str,
    no_semantic: bool,
    workers: int,
    engine: str,
    inputs: tuple[str, ...],
    master: str,
    confs: tuple[str, ...],
    multilingual: bool,
) -> None:
    """Find every verified reuse relation in the corpus: pairs, clusters, site network.

    Local engine: `discover DB --out DIR` over an index built by `index add`. Spark
    engine: `discover --engine spark --input corpus.jsonl --out DIR`, the same files from
    the same records (plus pairs.parquet and clusters.parquet).
    """
    import json

    if engine == "spark":
        if db is not None or not inputs:
            raise click.UsageError("--engine spark reads --input files, not an index DB")
        conf = {}
        for c in confs:
            key, eq, value = c.partition("=")
            if not eq or not key.strip():
                raise click.UsageError(f"--conf {c!r}: expected KEY=VALUE")
            conf[key.strip()] = value
        from .engines.spark import SparkEngine

        summary = SparkEngine(
            list(inputs), master=master, conf=conf, multilingual=multilingual
        ).discover(Path(out_dir), semantic=not no_semantic)
        click.echo(json.dumps(summary, indent=2))
        return
    if db is None:
        raise click.UsageError("give the index DB (or --engine spark with --input files)")
    if inputs or confs or multilingual:
        raise click.UsageError(
            "--input, --conf and --multilingual belong to --engine spark (an index built "
            "with `index add --multilingual` is used as it is)"
        )
    from .corpus.index import Corpus

    with Corpus.open(db, create=False) as corpus, _progress("verifying") as progress:
        summary = corpus.discover(
            out_dir, semantic=not no_semantic, workers=workers, progress=progress
        )
    click.echo(json.dumps(summary, indent=2))


@main.command()
@click.option(
    "--db",
    type=click.Path(exists=True, dir_okay=False),
    help="A corpus index to search and browse (clusters and network after `discover`).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (the service has no authentication: keep it local or behind a proxy).",
)
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@_workers_option("Worker processes for comparison and search (each loads the model once).")
@click.option("--no-semantic", is_flag=True, help="A lexical-only service (no embedding model).")
@click.option(
    "--max-document-mb",
    type=click.FloatRange(min=0.001),
    default=None,
    help="Largest document accepted; bigger uploads get 413 (default: the document size "
    "limit of every command, 5 MB; see Limits in the README).",
)
@click.option(
    "--max-pending",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Requests admitted at once (running or queued); more get 503.",
)
@_quiet_option
def serve(
    db: str | None,
    host: str,
    port: int,
    workers: int,
    no_semantic: bool,
    max_document_mb: float | None,
    max_pending: int,
) -> None:
    """Run the web service: the JSON API and the compare (and search) pages."""
    from .ingest.limits import DEFAULT_MAX_BYTES
    from .web import ServiceConfig
    from .web import serve as run_service

    config = ServiceConfig(
        db=Path(db) if db else None,
        workers=workers,
        semantic=not no_semantic,
        max_document_bytes=DEFAULT_MAX_BYTES
        if max_document_mb is None
        else int(max_document_mb * 1024 * 1024),
        max_pending=max_pending,
    )
    run_service(config, host=host, port=port, log_level="warning" if is_quiet() else "info")


@main.command()
@click.argument("pairs", type=click.Path(exists=True, dir_okay=False))
@click.argument("susp_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("src_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("out_dir", type=click.Path(file_okay=False))
@_workers_option("Worker processes.")
@click.option(
    "--semantic",
    is_flag=True,
    help="Seed passages with the semantic stage too (about ten times slower).",
)
@_quiet_option
def pan(
    pairs: str, susp_dir: str, src_dir: str, out_dir: str, workers: int, semantic: bool
) -> None:
    """Run the aligner on every pair of a PAN text-alignment corpus; write detection XMLs."""
    from .compare import detect_reuse, detect_reuse_semantic
    from .eval.pan import run_pan

    detector = detect_reuse_semantic if semantic else detect_reuse
    with _progress("pairs") as progress:
        summary = run_pan(
            pairs,
            susp_dir,
            src_dir,
            out_dir,
            detector=detector,
            workers=workers,
            progress=progress,
        )
    click.echo(
        f"{summary.pairs} pairs, {summary.detections} detections, "
        f"{summary.seconds:.1f} s ({summary.pairs_per_second:.1f} pairs/s) -> {out_dir}"
    )


main.add_command(eval_group)


if __name__ == "__main__":  # pragma: no cover
    main()
