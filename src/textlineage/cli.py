"""The command line: a thin adapter over the library.

Every library error (:class:`~textlineage.errors.TextlineageError`) becomes one line on
stderr and exit status 2; progress goes to stderr; results go to stdout or ``--output``.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
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
            click.echo(f"textlineage: error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="textlineage")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to stderr.")
def main(verbose: int) -> None:
    """textlineage: tell where a text came from."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    _quiet_third_party()


def _write(out: str, output: str | None) -> None:
    if output:
        Path(output).write_text(out, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(out, nl=not out.endswith("\n"))


@main.command()
@click.argument("doc_a")
@click.argument("doc_b")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE, not stdout.")
@click.option("--no-semantic", is_flag=True, help="Skip the sentence-embedding stage (faster).")
def compare(doc_a: str, doc_b: str, fmt: str, output: str | None, no_semantic: bool) -> None:
    """Compare two documents (.txt, .html, or - for stdin): reuse, source, fact changes."""
    from .compare import CompareConfig
    from .compare import compare as run_compare
    from .ingest import read_document
    from .report import render_html, render_json, render_text
    from .semantic import SemanticConfig

    if doc_a == "-" and doc_b == "-":
        raise click.UsageError("only one of the two documents can be read from stdin")
    a, b = read_document(doc_a), read_document(doc_b)
    cfg = CompareConfig(semantic=SemanticConfig(enabled=not no_semantic))
    result = run_compare(a, b, cfg)
    out = (
        render_json(result)
        if fmt == "json"
        else render_html(result)
        if fmt == "html"
        else render_text(result)
    )
    _write(out, output)


@main.command()
@click.argument("pairs", type=click.Path(exists=True, dir_okay=False))
@click.argument("susp_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("src_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option(
    "-j",
    "--workers",
    type=int,
    default=os.cpu_count() or 1,
    show_default=True,
    help="Worker processes.",
)
def pan(pairs: str, susp_dir: str, src_dir: str, out_dir: str, workers: int) -> None:
    """Run the aligner on every pair of a PAN text-alignment corpus; write detection XMLs."""
    from .pan import run_pan

    with click.progressbar(length=1, label="pairs", file=sys.stderr) as bar:
        state = {"done": 0}

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - state["done"])
            state["done"] = done

        summary = run_pan(pairs, susp_dir, src_dir, out_dir, workers=workers, progress=progress)
    click.echo(
        f"{summary.pairs} pairs, {summary.detections} detections, "
        f"{summary.seconds:.1f} s ({summary.pairs_per_second:.1f} pairs/s) -> {out_dir}"
    )


@main.group(name="eval")
def eval_group() -> None:
    """Evaluate against a benchmark's ground truth."""


@eval_group.command(name="pan")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("detections_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def eval_pan(corpus_dir: str, detections_dir: str, fmt: str) -> None:
    """Precision, recall, granularity and plagdet per sub-corpus and overall."""
    from .pan import evaluate_pan, format_table

    ev = evaluate_pan(corpus_dir, detections_dir)
    click.echo(ev.to_json_str() if fmt == "json" else format_table(ev))


if __name__ == "__main__":  # pragma: no cover
    main()
