"""Command line: a thin click layer over the library; cli*.py are the only modules
that print.

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


# Commands of the other stages live in their own modules (cli_explore, cli_data,
# cli_wikidata); importing them registers them on the group above.
from graph import cli_data, cli_explore, cli_wikidata  # noqa: E402,F401


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
