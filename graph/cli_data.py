"""Commands on the data: evaluate, export, describe, validate (see graph/cli.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from graph.cli import (
    cli,
    echo_err,
    remote_options,
    settings_from,
    store_option,
)

# --- evaluate ------------------------------------------------------------------------


@cli.command()
@click.argument(
    "gold",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: per-field P/R/F1; json: scores and every disagreement.",
)
@click.option("--misses", is_flag=True, help="Also list per-review disagreements.")
@click.pass_context
def evaluate(
    ctx: click.Context, /, gold: tuple[Path, ...], fmt: str, misses: bool
) -> None:
    """Score the extractor on gold JSONL files: per-field precision, recall, F1.

    Each line is {"id", "text", "gold"} with gold in the `extract --format json` shape.
    Several files are pooled into one score.

    Example:
        reelgraph evaluate tests/data/eval/dev.jsonl
        reelgraph evaluate tests/data/eval/dev.jsonl --format json
        reelgraph evaluate tests/data/eval/dev.jsonl tests/data/eval/holdout.jsonl
    """
    import json

    from graph.evaluate import evaluate_gold
    from graph.extract import Extractor

    report = evaluate_gold(gold, extractor=Extractor(settings_from(ctx)))
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{'field':<15} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    )
    for f in report.fields:
        click.echo(
            f"{f.name:<15} {f.precision:6.3f} {f.recall:6.3f} {f.f1:6.3f} "
            f"{f.tp:5d} {f.fp:5d} {f.fn:5d}"
        )
    click.echo(
        f"macro F1 (core fields, {report.reviews} reviews): {report.macro_f1:.3f}"
    )
    if misses:
        for m in report.misses:
            click.echo(
                f"{m.review_id} {m.field}: "
                f"missing={list(m.missing)} extra={list(m.extra)}"
            )


# --- export --------------------------------------------------------------------------


@cli.command()
@click.option(
    "--format",
    "fmt",
    default=None,
    help="turtle, ntriples, nquads, trig, jsonld, rdfxml or wikidata-qs "
    "(default: from the --out extension).",
)
@click.option(
    "--out",
    "out",
    default="-",
    show_default=True,
    help="File to write (atomically), or - for stdout.",
)
@click.option(
    "--graph",
    "graph_name",
    default=None,
    help="Only one graph: a review id, 'wikidata', 'entities' or a graph IRI.",
)
@store_option
@remote_options
@click.pass_context
def export(
    ctx: click.Context,
    /,
    fmt: str | None,
    out: str,
    graph_name: str | None,
    **options: Any,
) -> None:
    """Write the store (or one graph) as linked data: deterministic and atomic.

    Example:
        reelgraph export --out kg.ttl
        reelgraph export --format jsonld --graph cannes-2023-anatomy-of-a-fall
        reelgraph export --format wikidata-qs --out missing.qs
    """
    from graph.export import export_store, resolve_format, resolve_graph
    from graph.store import open_store

    settings = settings_from(ctx, **options)
    resolve_format(fmt, None if out == "-" else out)  # fail before opening the store
    graph_iri = resolve_graph(graph_name, base_iri=settings.base_iri)
    store = open_store(settings, read_only=True)
    try:
        result = export_store(store, out, fmt=fmt, graph=graph_iri)
    finally:
        store.close()
    if result.data is not None:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    else:
        echo_err(f"Wrote {result.statements} statements as {result.format} to {out}")


# --- describe ------------------------------------------------------------------------


@cli.command()
@click.option(
    "--format",
    "fmt",
    default="turtle",
    show_default=True,
    type=click.Choice(["turtle", "jsonld", "ntriples"]),
    help="Output format.",
)
@click.option(
    "--sparql-url",
    default=None,
    help="Public SPARQL endpoint to name in the description (void:sparqlEndpoint).",
)
@store_option
@remote_options
@click.pass_context
def describe(
    ctx: click.Context, /, fmt: str, sparql_url: str | None, **options: Any
) -> None:
    """Print a VoID/DCAT description of the dataset: size, entities, classes, graphs.

    Example:
        reelgraph describe --sparql-url http://127.0.0.1:7878/sparql
    """
    from graph.describe import describe_dataset
    from graph.export import serialize_quads
    from graph.store import open_store, to_ox

    settings = settings_from(ctx, **options)
    store = open_store(settings, read_only=True)
    try:
        endpoint = sparql_url or settings.remote_query_endpoint
        description = describe_dataset(
            store, base_iri=settings.base_iri, sparql_endpoint=endpoint
        )
    finally:
        store.close()
    import pyoxigraph as ox

    quads = [
        ox.Quad(to_ox(s), to_ox(p), to_ox(o))  # type: ignore[arg-type]
        for s, p, o in description
    ]
    sys.stdout.buffer.write(serialize_quads(quads, fmt))
    sys.stdout.flush()


# --- validate ------------------------------------------------------------------------


@cli.command()
@click.option(
    "--graph",
    "graph_name",
    default=None,
    help="Only one graph: a review id, 'wikidata', 'entities' or a graph IRI.",
)
@store_option
@remote_options
@click.pass_context
def validate(ctx: click.Context, /, graph_name: str | None, **options: Any) -> None:
    """Check the store against the SHACL shapes; exit 1 with the report on violations.

    Each violation names the entity, the rule and the review sentence behind it.

    Example:
        reelgraph validate --store ./kg
        reelgraph validate --graph cannes-2023-anatomy-of-a-fall
    """
    from graph.export import resolve_graph
    from graph.store import open_store
    from graph.validate import validate_store

    settings = settings_from(ctx, **options)
    graph_iri = resolve_graph(graph_name, base_iri=settings.base_iri)
    store = open_store(settings, read_only=True)
    try:
        report = validate_store(store, graph_iri=graph_iri)
    finally:
        store.close()
    click.echo(report.text(), nl=False)
    if not report.conforms:
        ctx.exit(1)
