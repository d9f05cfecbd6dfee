"""The ``textlineage eval`` commands: scores against ground truth (PAN, labelled pairs,
planted relations, translated passages, annotated fact changes). Registered on the main
group by :mod:`.cli`."""

from __future__ import annotations

import click

from .cli_options import _format_option, _progress, _quiet_option, _workers_option


@click.group(name="eval")
def eval_group() -> None:
    """Evaluate against ground truth: a PAN corpus, labelled pairs, planted relations,
    translated passages, annotated fact changes."""


_split_option = click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="dev",
    show_default=True,
    help="Which half of the set: tune on dev, report on test.",
)
"""The dev/test choice of the scorers whose sets have fixed halves."""


@eval_group.command(name="pan")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("detections_dir", type=click.Path(exists=True, file_okay=False))
@_format_option("text", "json")
@_quiet_option
def eval_pan(corpus_dir: str, detections_dir: str, fmt: str) -> None:
    """Precision, recall, granularity and plagdet per sub-corpus and overall."""
    from .eval.pan import evaluate_pan, format_table

    ev = evaluate_pan(corpus_dir, detections_dir)
    click.echo(ev.to_json_str() if fmt == "json" else format_table(ev))


@eval_group.command(name="pairs")
@click.argument("labels")
@_format_option("text", "json")
@click.option("--no-semantic", is_flag=True, help="Skip the sentence-embedding stage (faster).")
@_workers_option("Worker processes for the comparisons.")
@_quiet_option
def eval_pairs(labels: str, fmt: str, no_semantic: bool, workers: int) -> None:
    """Compare every labelled pair of a TSV file and score the verdicts and directions."""
    import json

    from .align.semantic import SemanticConfig
    from .compare import CompareConfig
    from .eval import evaluate_pairs, format_pairs

    cfg = CompareConfig(semantic=SemanticConfig(enabled=not no_semantic))
    with _progress("pairs") as progress:
        ev = evaluate_pairs(labels, config=cfg, workers=workers, progress=progress)
    click.echo(json.dumps(ev.to_dict(), indent=2) if fmt == "json" else format_pairs(ev))


@eval_group.command(name="translation")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False))
@_split_option
@click.option(
    "--lang",
    "langs",
    type=click.Choice(["es", "fr", "fa"]),
    multiple=True,
    help="A foreign language to evaluate (repeat for several; default: all).",
)
@_format_option("text", "json")
@click.option("--no-semantic", is_flag=True, help="Skip the sentence-embedding stage (faster).")
@click.option(
    "--pan13",
    "pan13_dir",
    type=click.Path(exists=True, file_okay=False),
    help="Take the English filler from this PAN corpus's src/ documents.",
)
@_quiet_option
def eval_translation(
    data_dir: str,
    split: str,
    langs: tuple[str, ...],
    fmt: str,
    no_semantic: bool,
    pan13_dir: str | None,
) -> None:
    """Cross-language reuse on a set of translated passages: pairs, characters, time."""
    import json

    from .align.semantic import SemanticConfig
    from .compare import CompareConfig
    from .eval import evaluate_translation, format_translation

    cfg = CompareConfig(semantic=SemanticConfig(enabled=not no_semantic))
    with _progress("pairs") as progress:
        ev = evaluate_translation(
            data_dir,
            split=None if split == "all" else split,
            langs=langs or None,
            config=cfg,
            pan13_dir=pan13_dir,
            progress=progress,
        )
    click.echo(json.dumps(ev.to_dict(), indent=2) if fmt == "json" else format_translation(ev))


@eval_group.command(name="discover")
@click.argument("truth")
@click.argument("out_dir")
@_format_option("text", "json")
@_quiet_option
def eval_discover(truth: str, out_dir: str, fmt: str) -> None:
    """Score a `discover` output directory against planted relations (recall, clusters)."""
    import json

    from .eval import evaluate_discover, format_discover

    ev = evaluate_discover(truth, out_dir)
    click.echo(json.dumps(ev.to_dict(), indent=2) if fmt == "json" else format_discover(ev))


@eval_group.command(name="lineage")
@click.option(
    "--truth",
    required=True,
    type=click.Path(exists=True),
    help="The planted parents: a lineage.jsonl, or a directory holding one.",
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="The output directory of `textlineage discover`.",
)
@click.option(
    "--republications/--no-republications",
    default=True,
    show_default=True,
    help="Count whole articles republished word for word (truth kind verbatim) as "
    "mirrors, as mirror-exact and mirror-near are.",
)
@_format_option("text", "json")
@_quiet_option
def eval_lineage(truth: str, out_dir: str, republications: bool, fmt: str) -> None:
    """Score the lineage of a `discover` run against planted parents: parent accuracy,
    sibling links, site edges, mirror counts, origins."""
    import json

    from .eval import evaluate_lineage, format_lineage
    from .eval.lineage import REPUBLICATIONS

    ev = evaluate_lineage(truth, out_dir, REPUBLICATIONS if republications else ())
    click.echo(json.dumps(ev.to_dict(), indent=2) if fmt == "json" else format_lineage(ev))


@eval_group.command(name="facts")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(exists=True, file_okay=False),
    help="The gold set: NN_gold.json files beside their NN_source.txt and NN_derived.txt "
    "(default: the checkout's tests/data/facts_gold).",
)
@_split_option
@click.option(
    "--seed",
    is_flag=True,
    help="Also score the founding pair and its gold (../shared/seeds beside the checkout).",
)
@click.option(
    "--seed-dir",
    type=click.Path(exists=True, file_okay=False),
    help="Where the founding pair and its gold.json are (implies --seed).",
)
@_format_option("text", "json")
@click.option("--no-semantic", is_flag=True, help="Skip the sentence-embedding stage (faster).")
@_quiet_option
def eval_facts(
    data_dir: str | None,
    split: str,
    seed: bool,
    seed_dir: str | None,
    fmt: str,
    no_semantic: bool,
) -> None:
    """Compare every pair of the fact gold set and score the fact diff: precision and
    recall per change type and kind, noise reported, facts counted twice."""
    import json

    from .align.semantic import SemanticConfig
    from .compare import CompareConfig
    from .eval import evaluate_facts, format_facts

    cfg = CompareConfig(semantic=SemanticConfig(enabled=not no_semantic))
    with _progress("pairs") as progress:
        ev = evaluate_facts(
            data_dir,
            split=None if split == "all" else split,
            seed=seed or seed_dir is not None,
            seed_dir=seed_dir,
            config=cfg,
            progress=progress,
        )
    click.echo(
        json.dumps(ev.to_dict(), indent=2, ensure_ascii=False)
        if fmt == "json"
        else format_facts(ev),
        nl=False,
    )
