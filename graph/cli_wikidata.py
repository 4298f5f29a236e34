"""Wikidata commands: wikidata mirror load, enrich, explain (see graph/cli.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from graph.cli import (
    cli,
    echo_err,
    endpoint_option,
    offline_option,
    remote_options,
    settings_from,
    store_option,
)

# --- wikidata mirror -----------------------------------------------------------------


@cli.group()
def wikidata() -> None:
    """Wikidata helpers: the local mirror.

    Example:
        reelgraph wikidata mirror load ../shared/wikidata/*.nt.gz --mirror ./wd
    """


@wikidata.group()
def mirror() -> None:
    """A local Wikidata mirror (on-disk Oxigraph) the linker can query offline.

    Example:
        reelgraph wikidata mirror load dump.nt.gz --mirror ./wd
        REELGRAPH_WIKIDATA_ENDPOINT=./wd reelgraph ingest review.txt
    """


@mirror.command("load")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path)
)
@click.option(
    "--mirror",
    "mirror_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Mirror folder (created if missing).",
)
def mirror_load(files: tuple[Path, ...], mirror_dir: Path) -> None:
    """Bulk-load Wikidata-shaped N-Triples/Turtle (gzip too) into a mirror folder.

    Point REELGRAPH_WIKIDATA_ENDPOINT (or --wikidata-endpoint) at the folder to link
    against it with the same SPARQL the public service gets.

    Example:
        reelgraph wikidata mirror load ../shared/wikidata/*.nt.gz --mirror ./wd
    """
    from graph.mirror import load_mirror

    report = load_mirror(list(files), mirror=mirror_dir)
    click.echo(
        f"Loaded {len(report.files)} file(s) into {report.path}: {report.triples} "
        f"triples, {report.labels} labels indexed, {report.seconds:.1f} s"
    )


# --- enrich --------------------------------------------------------------------------


@cli.command()
@store_option
@remote_options
@offline_option
@endpoint_option
@click.pass_context
def enrich(ctx: click.Context, /, **options: Any) -> None:
    """Link entities stored unlinked, then fetch Wikidata facts for linked ones.

    Finishes what an earlier ingest could not (Wikidata down, rate-limited, offline):
    new links go to the entities graph with their reasons (see 'reelgraph explain').
    Exit status 1 when Wikidata failed; the pending items stay pending.

    Example:
        reelgraph enrich --store ./kg
        reelgraph enrich --offline
    """
    from graph.enrich import enrich_store
    from graph.store import open_store
    from graph.wikidata import client_from_settings

    settings = settings_from(ctx, **options)
    client = client_from_settings(settings)
    store = open_store(settings)
    try:
        report = enrich_store(store, client=client, settings=settings)
    finally:
        store.close()
    click.echo(
        f"{len(report.linked)} newly linked, {report.pending} pending, "
        f"{len(report.enriched)} enriched, {report.triples} triple(s) added; "
        f"{client.stats.requests} request(s), {client.stats.cache_hits} from cache"
    )
    if client.stats.skipped:
        echo_err(f"Offline, skipped {len(client.stats.skipped)} query(ies).")
    if report.problem:
        echo_err(f"Wikidata: {report.problem}")
        sys.exit(1)


# --- explain -------------------------------------------------------------------------


@cli.command()
@click.argument("entity")
@store_option
@remote_options
@click.pass_context
def explain(ctx: click.Context, /, entity: str, **options: Any) -> None:
    """Show why an entity was linked to Wikidata: item, confidence, signals, review.

    ENTITY is an entity IRI, a Wikidata id (Q1398256) or a name ("Michel Blanc").
    Exit status 1 when the store records no link for it.

    Example:
        reelgraph explain "Michel Blanc" --store ./kg
        reelgraph explain Q1398256
    """
    from graph.link_explain import explain_entity
    from graph.store import open_store

    settings = settings_from(ctx, **options)
    store = open_store(settings, read_only=True)
    try:
        found = explain_entity(store, entity)
    finally:
        store.close()
    if not found:
        echo_err(f"No Wikidata link recorded for {entity!r}.")
        sys.exit(1)
    for item in found:
        conf = f"{item.confidence:.2f}" if item.confidence is not None else "?"
        click.echo(f"{item.name or item.entity} -> wd:{item.qid} (confidence {conf})")
        click.echo(f"  entity:  {item.entity}")
        click.echo(f"  reasons: {', '.join(item.reasons) or '-'}")
        click.echo(f"  review:  {item.review or '-'}  [{item.extractor or '-'}]")
