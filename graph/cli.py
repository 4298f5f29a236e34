"""Command line: a thin click layer over the library; the only module that prints.

Every command is argument parsing, one library call, and output. ``GraphError`` becomes
a one-line message and exit status 1 in one place (:func:`main`); ``--verbose`` shows
the traceback. Exit codes: 0 success, 1 error or validation violations, 2 usage error.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from graph.config import Settings, version
from graph.errors import GraphError

F = TypeVar("F", bound=Callable[..., Any])


def store_option(func: F) -> F:
    """``--store DIR``: the embedded store folder (default ``.reelgraph/store``)."""
    return click.option(
        "--store",
        "store",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Store folder (default: $REELGRAPH_STORE or ./.reelgraph/store).",
    )(func)


def offline_option(func: F) -> F:
    """``--offline``: answer Wikidata questions from the on-disk cache only."""
    return click.option(
        "--offline", is_flag=True, default=None, help="Use the Wikidata cache only."
    )(func)


def endpoint_option(func: F) -> F:
    """``--wikidata-endpoint``: SPARQL URL or local mirror folder."""
    return click.option(
        "--wikidata-endpoint",
        "wikidata_endpoint",
        default=None,
        help="Wikidata SPARQL URL or mirror folder "
        "(default: $REELGRAPH_WIKIDATA_ENDPOINT or the public service).",
    )(func)


def remote_options(func: F) -> F:
    """``--endpoint`` / ``--update-endpoint``: use a SPARQL 1.1 server as the store."""
    func = click.option(
        "--update-endpoint",
        "update_endpoint",
        default=None,
        help="SPARQL 1.1 Update URL of a remote store.",
    )(func)
    return click.option(
        "--endpoint",
        "endpoint",
        default=None,
        help="SPARQL query URL of a remote store (instead of the embedded one).",
    )(func)


def settings_from(ctx: click.Context, /, **overrides: Any) -> Settings:
    """Settings from the environment with the command's options applied."""
    base: Settings = ctx.obj["settings"]
    mapping = {
        "store": overrides.pop("store", None),
        "offline": overrides.pop("offline", None),
        "wikidata_endpoint": overrides.pop("wikidata_endpoint", None),
        "remote_query_endpoint": overrides.pop("endpoint", None),
        "remote_update_endpoint": overrides.pop("update_endpoint", None),
    }
    return base.with_overrides(**mapping, **overrides)


def echo_err(message: str) -> None:
    """A line on stderr (logs, progress, warnings)."""
    click.echo(message, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version(), prog_name="reelgraph")
@click.option("-v", "--verbose", is_flag=True, help="Show debug logs and tracebacks.")
@click.pass_context
def cli(ctx: click.Context, /, verbose: bool) -> None:
    """reelgraph: film reviews in, a linked knowledge graph out.

    Example:
        reelgraph demo
        reelgraph ingest reviews/ --store ./kg
        reelgraph query film-cast -p film "Les Petites Victoires"
    """
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    ctx.obj["settings"] = Settings.from_env()


# --- commands ------------------------------------------------------------------------
# Each command lives in its own block below; keep one block per command so that edits
# to one never touch another.


def progress_printer(label: str) -> Callable[[int, int, str], None] | None:
    """A progress line on stderr (count, total, rate) when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None
    import time

    started = time.monotonic()

    def show(done: int, total: int, item: str) -> None:
        rate = done / max(time.monotonic() - started, 1e-6)
        width = 28
        filled = int(width * done / max(total, 1))
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if done >= total else ""
        sys.stderr.write(
            f"\r{label} [{bar}] {done}/{total} {rate:.1f}/s {item[:30]:<30}{end}"
        )
        sys.stderr.flush()

    return show


# --- ingest --------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@remote_options
@offline_option
@endpoint_option
@click.option("--text-column", default=None, help="CSV/JSONL column holding the text.")
@click.option("--validate", is_flag=True, help="Refuse reviews that break the shapes.")
@click.option("--no-wikidata", is_flag=True, help="Skip Wikidata linking/enrichment.")
@click.pass_context
def ingest(
    ctx: click.Context,
    /,
    paths: tuple[Path, ...],
    text_column: str | None,
    validate: bool,
    no_wikidata: bool,
    **options: Any,
) -> None:
    """Read reviews, extract their facts, link them and store one graph per review.

    PATHS are .txt, .md, .html files (one review each), .csv/.jsonl files (one review
    per row) or folders of them. Exit status 1 when any input failed; the others are
    stored all the same.

    Example:
        reelgraph ingest ../shared/seed/ --store ./kg
        reelgraph ingest reviews.csv --text-column review_content
    """
    from graph.ingest import TableOptions
    from graph.pipeline import ingest_paths
    from graph.store import open_store

    settings = settings_from(ctx, **options)
    if no_wikidata:
        settings = settings.with_overrides(enrich=False)
    store = open_store(settings)
    try:
        report = ingest_paths(
            list(paths),
            store=store,
            settings=settings,
            table=TableOptions(text_column=text_column),
            validate=validate,
            progress=progress_printer("ingest"),
        )
    finally:
        store.close()
    _print_ingest_report(report, settings)
    if not report.ok:
        sys.exit(1)


def _print_ingest_report(report: Any, settings: Settings) -> None:
    for failure in report.failures:
        echo_err(f"{failure.source}: {failure.reason}")
    if report.wikidata_problem:
        echo_err(f"Wikidata: {report.wikidata_problem}")
    where = settings.remote_query_endpoint or settings.store
    click.echo(
        f"Stored {len(report.stored)} review(s) ({report.triples} triples), "
        f"{len(report.unchanged)} unchanged, {len(report.failures)} failed, "
        f"{report.linked} Wikidata link(s), {report.enriched_triples} enrichment "
        f"triple(s); store: {where}"
    )


# --- extract -------------------------------------------------------------------------


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    help="Output format.",
)
@click.option("--text-column", default=None, help="CSV/JSONL column holding the text.")
@click.option("--link", "do_link", is_flag=True, help="Also link to Wikidata.")
@offline_option
@endpoint_option
@click.pass_context
def extract(
    ctx: click.Context,
    /,
    path: Path,
    fmt: str,
    text_column: str | None,
    do_link: bool,
    **options: Any,
) -> None:
    """Print what reelgraph extracts from a review, without touching any store.

    A table (CSV/JSONL) or a folder gives one JSON object per review (JSON Lines);
    PATH '-' reads one review from standard input.

    Example:
        reelgraph extract ../shared/seed/les-petites-victoires-alpe-dhuez-2023.txt
    """
    import json

    from graph.extract import Extractor
    from graph.ingest import TableOptions, read_reviews, review_from_bytes
    from graph.models import IngestFailure

    settings = settings_from(ctx, **options)
    extractor = Extractor(settings)
    client = None
    if do_link:
        from graph.wikidata import client_from_settings

        client = client_from_settings(settings)
    failed = False
    if str(path) == "-":
        items = [review_from_bytes(sys.stdin.buffer.read())]
    else:
        items = list(read_reviews([path], table=TableOptions(text_column=text_column)))
    for item in items:
        if isinstance(item, IngestFailure):
            echo_err(f"{item.source}: {item.reason}")
            failed = True
            continue
        extraction = extractor.extract(item)
        if client is not None:
            from graph.link import link_extraction

            extraction = link_extraction(extraction, client=client)
        data = extraction.to_json()
        if fmt == "json":
            indent = 2 if len(items) == 1 else None
            click.echo(json.dumps(data, ensure_ascii=False, indent=indent))
        else:
            click.echo(_extraction_text(data))
    if failed:
        sys.exit(1)


def _extraction_text(data: dict[str, Any]) -> str:
    """A short human-readable summary of one extraction."""
    review = data["review"]
    about = [f"{k} {review[k]}" for k in ("critic", "publication", "date") if review[k]]
    lines = [
        f"review {review['id']} ({review['language'] or '?'}, verdict "
        f"{review['verdict'] or 'none'})" + (": " + ", ".join(about) if about else "")
    ]
    for film in data["films"]:
        year = f" ({film['year']})" if film["year"] else ""
        original = f" [{film['original_title']}]" if film["original_title"] else ""
        lines.append(f"{film['role']}: {film['title']}{original}{year}")
        if film["directors"]:
            names = ", ".join(d["name"] for d in film["directors"])
            lines.append(f"  directed by {names}")
        for member in film["cast"]:
            role = f" as {member['character']}" if member["character"] else ""
            lines.append(f"  cast: {member['actor']}{role}")
        for fest in film["festivals"]:
            extra = ", ".join(x for x in (fest["section"], fest["award"]) if x)
            year = f" {fest['year']}" if fest["year"] else ""
            lines.append(
                f"  festival: {fest['name']}{year}" + (f" ({extra})" if extra else "")
            )
        if film["release_date"]:
            lines.append(f"  released {film['release_date']}")
        for key in ("themes", "places"):
            if film[key]:
                lines.append(f"  {key}: {', '.join(film[key])}")
    return "\n".join(lines)


# --- demo ----------------------------------------------------------------------------


@cli.command()
@store_option
@offline_option
@endpoint_option
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("exports"),
    show_default=True,
    help="Folder for the Turtle, JSON-LD and HTML files.",
)
@click.pass_context
def demo(ctx: click.Context, /, out_dir: Path, **options: Any) -> None:
    """Build a graph from the sample reviews shipped with reelgraph and show it.

    Ingests the samples, writes exports/graph.ttl, exports/graph.jsonld and
    exports/network.html, runs three named queries and prints their answers. Works
    offline; set REELGRAPH_WIKIDATA_ENDPOINT to a local mirror to see linking.

    Example:
        reelgraph demo
        reelgraph demo --store /tmp/kg --out-dir /tmp/kg-exports
    """
    from graph.demo import run_demo

    settings = settings_from(ctx, **options)
    report = run_demo(settings, out_dir=out_dir, progress=progress_printer("demo"))
    ingest = report.ingest
    click.echo(
        f"Ingested {len(ingest.stored)} sample review(s) "
        f"({len(ingest.unchanged)} unchanged) into {report.store}: "
        + ", ".join(f"{v} {k}" for k, v in report.stats.items() if v)
    )
    if ingest.wikidata_problem:
        echo_err(f"Wikidata: {ingest.wikidata_problem.splitlines()[0]}")
    for failure in ingest.failures:
        echo_err(f"{failure.source}: {failure.reason}")
    for name, title, table in report.answers:
        click.echo(f"\n== {title} (reelgraph query {name})\n{table}")
    click.echo("\nWrote:")
    for path in report.files:
        click.echo(f"  {path}")
    click.echo(
        "Next: open the HTML network in a browser, run 'reelgraph query --list', "
        "or 'reelgraph serve' for the SPARQL endpoint and web UI."
    )
    if not ingest.ok:
        sys.exit(1)


# --- stats ---------------------------------------------------------------------------


@cli.command()
@store_option
@remote_options
@click.pass_context
def stats(ctx: click.Context, /, **options: Any) -> None:
    """Count what the store holds: reviews, films, people, festivals, triples.

    Example:
        reelgraph stats --store ./kg
    """
    from graph.pipeline import store_stats
    from graph.store import open_store

    settings = settings_from(ctx, **options)
    store = open_store(settings, read_only=True)
    try:
        counts = store_stats(store)
    finally:
        store.close()
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        click.echo(f"{key:<{width}}  {value:>8}")


# --- remove --------------------------------------------------------------------------


@cli.command()
@click.argument("review_ids", nargs=-1, required=True)
@store_option
@remote_options
@click.pass_context
def remove(ctx: click.Context, /, review_ids: tuple[str, ...], **options: Any) -> None:
    """Delete reviews' facts (and Wikidata facts no other review needs).

    REVIEW_IDS are the ids ingest gives reviews: the file name as a slug
    (cannes-2023-anatomy-of-a-fall) or, for a table, the file slug and the row id.
    An unknown id is reported with the ids the store holds.

    Example:
        reelgraph remove cannes-2023-anatomy-of-a-fall
    """
    from graph.pipeline import remove_review
    from graph.pipeline import review_ids as stored_ids
    from graph.store import open_store

    settings = settings_from(ctx, **options)
    store = open_store(settings)
    missing = []
    try:
        for review_id in review_ids:
            if remove_review(store, review_id, settings=settings):
                click.echo(f"Removed {review_id}")
            else:
                missing.append(review_id)
        known = stored_ids(store, settings=settings) if missing else []
    finally:
        store.close()
    for review_id in missing:
        shown = ", ".join(known[:10]) + (
            f" ... ({len(known)} in all)" if len(known) > 10 else ""
        )
        echo_err(f"No review '{review_id}' in the store. Reviews: {shown or 'none'}.")
    if missing:
        sys.exit(1)


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


# --- evaluate ------------------------------------------------------------------------


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
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
def evaluate(ctx: click.Context, /, gold: Path, fmt: str, misses: bool) -> None:
    """Score the extractor on a gold JSONL file: per-field precision, recall, F1.

    Each line is {"id", "text", "gold"} with gold in the `extract --format json` shape.

    Example:
        reelgraph evaluate tests/data/eval/dev.jsonl
        reelgraph evaluate tests/data/eval/dev.jsonl --format json
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


def main() -> None:
    """Entry point: run the group, turning GraphError into a one-line message."""
    verbose = "-v" in sys.argv[1:] or "--verbose" in sys.argv[1:]
    try:
        # Without standalone mode, click returns (not raises) the status a command
        # set with ctx.exit(): validate's 1 on violations, an ASK's 1 for false.
        status = cli.main(standalone_mode=False, prog_name="reelgraph")
    except click.exceptions.Abort:
        echo_err("Aborted.")
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except GraphError as exc:
        if verbose:
            raise
        echo_err(f"Error: {exc}")
        sys.exit(1)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(status if isinstance(status, int) else 0)
