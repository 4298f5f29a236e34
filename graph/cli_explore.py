"""Commands to explore the graph: query, serve, viz (see graph/cli.py)."""

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

# --- query ---------------------------------------------------------------------------


@cli.command()
@click.argument("query_ref", metavar="QUERY", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    type=(str, str),
    multiple=True,
    metavar="NAME VALUE",
    help="Bind a parameter: an IRI as <...> or http(s)://..., anything else as text.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(
        ["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld", "rdfxml"]
    ),
    default=None,
    help="Output format (default: table on a terminal, csv otherwise; turtle for "
    "CONSTRUCT/DESCRIBE).",
)
@click.option("--list", "list_only", is_flag=True, help="List the named queries.")
@click.option("--max-results", type=int, default=None, help="Stop after N rows.")
@store_option
@remote_options
@click.pass_context
def query(
    ctx: click.Context,
    /,
    query_ref: str | None,
    params: tuple[tuple[str, str], ...],
    fmt: str | None,
    list_only: bool,
    max_results: int | None,
    **options: Any,
) -> None:
    """Run a named query (queries/*.rq), a .rq file or SPARQL text on the store.

    SELECT prints a table, CSV, TSV, SPARQL JSON or XML; ASK prints true or false and
    exits 0 for true, 1 for false; CONSTRUCT/DESCRIBE print Turtle, N-Triples,
    JSON-LD or RDF/XML. Parameters are bound by the engine, never pasted into text.

    Example:
        reelgraph query --list
        reelgraph query film-cast -p film "Anatomy of a Fall"
        reelgraph query festival-lineup -p festival cannes -p year 2023 --format csv
        reelgraph query 'SELECT ?film WHERE { ?film a <https://schema.org/Movie> }'
    """
    from graph.query import describe_queries, list_queries, load_query, run_query
    from graph.query_format import format_result
    from graph.store import open_store

    if list_only:
        rows = describe_queries(list_queries())
        width = max((len(name) for name, _, _ in rows), default=0)
        for name, names, text in rows:
            click.echo(f"{name:<{width}}  {text}")
            if names:
                click.echo(f"{'':<{width}}  params: {names}")
        return
    if not query_ref:
        raise click.UsageError("Give a QUERY (name, .rq file or text) or --list.")
    named = load_query(query_ref)
    settings = settings_from(ctx, **options)
    store = open_store(settings, read_only=True)
    try:
        result = run_query(store, named, bindings=dict(params), max_results=max_results)
    finally:
        store.close()
    if fmt is None and result.kind == "select":
        fmt = "table" if sys.stdout.isatty() else "csv"
    click.echo(format_result(result, fmt), nl=False)
    if result.truncated:
        echo_err(f"(stopped after {max_results} results: --max-results)")
    if result.kind == "ask" and not result.boolean:
        sys.exit(1)


# --- serve ---------------------------------------------------------------------------


@cli.command()
@store_option
@remote_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=7878, show_default=True, type=int, help="TCP port.")
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=float,
    help="Query time limit (s).",
)
@click.option(
    "--max-results",
    default=10000,
    show_default=True,
    type=int,
    help="Most rows or triples one answer may hold.",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    help="Let this origin (e.g. http://localhost:3000) call /sparql; off by default.",
)
@click.option(
    "--workers", default=2, show_default=True, type=int, help="Query worker processes."
)
@click.pass_context
def serve(
    ctx: click.Context,
    /,
    host: str,
    port: int,
    timeout: float,
    max_results: int,
    cors_origins: tuple[str, ...],
    workers: int,
    **options: Any,
) -> None:
    """Serve the store: SPARQL 1.1 Protocol at /sparql, a web UI at /, entity pages.

    Read-only: updates get 403; SERVICE, LOAD and FROM get 400; each query runs in a
    worker process that is killed at the time limit. Stop with Ctrl-C.

    Example:
        reelgraph serve --store ./kg --port 7878
        curl -H 'Accept: text/csv' --data-urlencode 'query=ASK {}' \\
            http://127.0.0.1:7878/sparql
    """
    from graph.serve import ServeOptions, run_server

    settings = settings_from(ctx, **options)
    serve_options = ServeOptions(
        host=host,
        port=port,
        timeout=timeout,
        max_results=max_results,
        cors_origins=cors_origins,
        workers=workers,
    )
    run_server(settings, serve_options, ready=lambda url: echo_err(f"Serving {url}"))


# --- viz -----------------------------------------------------------------------------

# graph.visualise.VIEWS, spelled out so that --help does not import networkx
# (tests/test_visualise.py checks that both lists agree).
VIZ_VIEWS = (
    "films-people",
    "co-cast",
    "director-actor",
    "festivals",
    "themes",
    "places",
)


@cli.command()
@store_option
@remote_options
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (.html, .graphml or .gexf).",
)
@click.option(
    "--view",
    type=click.Choice(VIZ_VIEWS),
    default="films-people",
    show_default=True,
    help="Which network to draw.",
)
@click.option(
    "--focus", default=None, help="Ego network around this label, IRI or QID."
)
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True)
@click.option("--festival", default=None, help="Only films shown at this festival.")
@click.option("--year", default=None, help="Only films of this year.")
@click.option(
    "--role", type=click.Choice(["director", "actor"]), default=None, help="Credits."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "graphml", "gexf"]),
    default=None,
    help="Output format (default: from the --out extension, else html).",
)
@click.option(
    "--size-by",
    type=click.Choice(["degree", "betweenness"]),
    default="degree",
    show_default=True,
)
@click.option(
    "--physics/--no-physics",
    default=None,
    help="Live physics (default: on up to 300 nodes, off above).",
)
@click.option("--title", default=None, help="Page title (default: the view's name).")
@click.pass_context
def viz(
    ctx: click.Context,
    /,
    out: Path,
    view: str,
    focus: str | None,
    depth: int,
    festival: str | None,
    year: str | None,
    role: str | None,
    fmt: str | None,
    size_by: str,
    physics: bool | None,
    title: str | None,
    **options: Any,
) -> None:
    """Draw a network of the store as an offline HTML page, GraphML or GEXF.

    The page needs no internet: scripts and styles are inline. Above 20,000 nodes it
    shows the 5,000 best-connected ones and says so; GraphML/GEXF keep everything.

    Example:
        reelgraph viz --out exports/network.html
        reelgraph viz --view co-cast --focus "Sandra Hüller" --depth 2 --out cast.html
        reelgraph viz --view festivals --festival Cannes --year 2023 --out cannes.gexf
    """
    from graph.store import open_store
    from graph.visualise import HARD_CAP, build_network, render_html, write_network

    by_suffix = {
        ".html": "html",
        ".htm": "html",
        ".graphml": "graphml",
        ".gexf": "gexf",
    }
    chosen = fmt or by_suffix.get(out.suffix.lower())
    if chosen is None:
        raise click.BadParameter(
            f"cannot tell the format from '{out.name}'; name the file .html, "
            ".graphml or .gexf, or pass --format html|graphml|gexf",
            param_hint="--out",
        )
    settings = settings_from(ctx, **options)
    store = open_store(settings, read_only=True)
    try:
        network = build_network(
            store,
            view=view,
            focus=focus,
            depth=depth,
            festival=festival,
            year=year,
            role=role,
        )
    finally:
        store.close()
    if chosen == "html":
        heading = title or f"reelgraph: {view}" + (f" around {focus}" if focus else "")
        render_html(network, out, title=heading, physics=physics, size_by=size_by)
        if len(network) > HARD_CAP:
            echo_err(
                f"{len(network):,} nodes is more than a page can draw: the page shows "
                "the best-connected ones. Narrow with --focus/--festival/--year or use "
                "--format graphml."
            )
    else:
        write_network(network, out, fmt=chosen)
    echo_err(
        f"Wrote {out} ({chosen}, {len(network):,} nodes, "
        f"{network.number_of_edges():,} edges)"
    )
