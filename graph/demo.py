"""Demo: the whole pipeline on the sample reviews that ship with the package.

:func:`run_demo` ingests ``graph/samples/*.txt`` into a store, writes the graph to an
exports folder (Turtle, JSON-LD, an interactive HTML network), runs three named queries,
and returns a :class:`DemoReport` that the CLI prints. It works offline: when Wikidata
cannot be reached the report says so and the graph is built without enrichment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.config import SAMPLES_DIR

if TYPE_CHECKING:
    from graph.config import Settings
    from graph.pipeline import IngestReport, Progress

DEMO_QUERIES: tuple[tuple[str, dict[str, str]], ...] = (
    ("film-cast", {"film": "Anatomy of a Fall"}),
    ("festival-editions", {}),
    ("director-actor-collaborations", {}),
)
"""The named queries the demo runs, with their parameters."""


@dataclass
class DemoReport:
    """What the demo did and where its files are."""

    store: Path
    ingest: IngestReport
    files: list[Path] = field(default_factory=list)
    answers: list[tuple[str, str, str]] = field(default_factory=list)
    """(query name, query title, formatted table) per demo query."""
    stats: dict[str, int] = field(default_factory=dict)


def sample_paths() -> list[Path]:
    """The packaged sample reviews, sorted."""
    return sorted(SAMPLES_DIR.glob("*.txt"))


def run_demo(
    settings: Settings, *, out_dir: Path, progress: Progress | None = None
) -> DemoReport:
    """Build the demo graph into ``settings.store`` and write ``out_dir``.

    Raises:
        GraphError: the store is locked, a sample cannot be read, an export fails.
    """
    from graph.export import export_store
    from graph.pipeline import ingest_paths, store_stats
    from graph.query import load_query, run_query
    from graph.query_format import format_result
    from graph.store import GraphStore
    from graph.visualise import build_network
    from graph.visualise_render import render_html

    out_dir.mkdir(parents=True, exist_ok=True)
    with GraphStore.open(settings.store) as store:
        ingest = ingest_paths(
            sample_paths(), store=store, settings=settings, progress=progress
        )
        report = DemoReport(store=settings.store, ingest=ingest)
        for name, fmt in (("graph.ttl", "turtle"), ("graph.jsonld", "jsonld")):
            export_store(store, out_dir / name, fmt=fmt)
            report.files.append(out_dir / name)
        network = build_network(store, view="films-people")
        report.files.append(
            render_html(network, out_dir / "network.html", title="reelgraph demo")
        )
        for name, params in DEMO_QUERIES:
            query = load_query(name)
            result = run_query(store, query, bindings=params)
            report.answers.append((name, query.title, format_result(result, "table")))
        report.stats = store_stats(store)
    return report
