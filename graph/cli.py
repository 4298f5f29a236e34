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


def settings_from(ctx: click.Context, **overrides: Any) -> Settings:
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
def cli(ctx: click.Context, verbose: bool) -> None:
    """reelgraph: film reviews in, a linked knowledge graph out.

    Example:
        reelgraph demo
        reelgraph ingest reviews/ --store ./kg
        reelgraph query film-cast -p title "Les Petites Victoires"
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


def main() -> None:
    """Entry point: run the group, turning GraphError into a one-line message."""
    verbose = "-v" in sys.argv[1:] or "--verbose" in sys.argv[1:]
    try:
        cli.main(standalone_mode=False, prog_name="reelgraph")
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
