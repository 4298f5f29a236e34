"""Benchmark: named queries on the embedded Oxigraph store vs rdflib's in-memory engine.

The data: the sample reviews (``graph/samples``) ingested with linking against a local
Wikidata mirror built from ``../shared/wikidata/*.nt.gz``, plus the whole mirror loaded
into the store's Wikidata graph (about 2 M triples). Both engines answer the same
named queries, with the same parameters, on the same quads (default graph = union):

- Oxigraph: the on-disk store opened read-only, through ``graph.query.run_query``.
- rdflib: a ``Dataset(default_union=True)`` in memory, ``initBindings`` for the
  parameters. Each rdflib query runs in a forked child so a slow one can be cut off at
  ``--rdflib-timeout`` without reloading the data.

Prints a table of median latencies (``--repeat`` runs after one warm-up), the ratio,
and whether both engines returned the same number of rows.

Usage:
    python benchmarks/query.py --work-dir /tmp/rg-bench --repeat 5
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# (query, parameters, join-heavy?)
CASES: list[tuple[str, dict[str, str], bool]] = [
    ("film-cast", {"film": "Anatomy of a Fall"}, False),
    ("person-filmography", {"person": "Sandra Hüller"}, False),
    ("films-by-director", {}, False),
    ("festival-lineup", {"festival": "cannes"}, False),
    ("festival-editions", {}, False),
    ("co-stars", {}, True),
    ("director-actor-collaborations", {}, True),
    ("films-by-theme", {}, False),
    ("places-as-settings", {}, False),
    ("reviews-by-critic", {}, False),
    ("most-reviewed-films", {}, False),
    ("unlinked-entities", {}, True),
    ("fact-evidence", {"subject": "Anatomy of a Fall"}, False),
    ("link-decisions", {}, False),
    ("store-overview", {}, True),
    ("wikidata-year-disagreements", {}, True),
    ("wikidata-director-disagreements", {}, True),
    ("wikidata-filmography", {}, True),
    ("wikidata-co-stars", {}, True),
    ("entity-neighbourhood", {"entity": "Justine Triet"}, False),
]


def timed(func: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median seconds of ``repeat`` runs after one warm-up, and the last answer."""
    answer = func()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        answer = func()
        times.append(time.perf_counter() - started)
    return statistics.median(times), answer


def build_store(work: Path, wikidata_files: list[Path]) -> Path:
    """Mirror + sample reviews + the whole mirror in the store (reused when present)."""
    from graph.config import Settings
    from graph.demo import sample_paths
    from graph.mirror import load_mirror
    from graph.pipeline import ingest_paths
    from graph.store import GraphStore

    store_dir = work / "store"
    if (work / "store.done").exists():
        return store_dir
    mirror = work / "mirror"
    if not (work / "mirror.done").exists():
        started = time.perf_counter()
        report = load_mirror(wikidata_files, mirror=mirror)
        print(
            f"mirror: {report.triples:,} triples in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        (work / "mirror.done").touch()
    settings = Settings.from_env().with_overrides(
        store=store_dir, wikidata_endpoint=str(mirror), cache_dir=work / "cache"
    )
    import pyoxigraph as ox

    with GraphStore.open(store_dir) as store:
        started = time.perf_counter()
        stored = 0
        for path in sample_paths():
            # One at a time: a sample the extractor chokes on is reported, not fatal.
            try:
                report = ingest_paths([path], store=store, settings=settings)
                stored += len(report.stored)
            except Exception as exc:  # noqa: BLE001 - a benchmark reports and goes on
                print(f"ingest: {path.name} failed: {exc!r}", file=sys.stderr)
        print(
            f"ingest: {stored} reviews in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        graph = settings.base_iri + "graph/wikidata"
        started = time.perf_counter()
        for path in wikidata_files:
            with gzip.open(path, "rb") as stream:
                store.ox.bulk_load(
                    stream, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph)
                )
        print(
            f"store: {len(store):,} quads, Wikidata bulk load "
            f"{time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    (work / "store.done").touch()
    return store_dir


def dump_nquads(store_dir: Path, out: Path) -> None:
    """Every quad of the store as N-Quads, for rdflib to read."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(store_dir))
    ox.serialize(
        store.quads_for_pattern(None, None, None), out, format=ox.RdfFormat.N_QUADS
    )


def rdflib_child(
    dataset: Any, text: str, bindings: dict[str, Any], repeat: int, conn: Any
) -> None:
    """In a forked child: run one query 1 + ``repeat`` times, sending each time."""
    try:
        for _ in range(repeat + 1):
            started = time.perf_counter()
            rows = len(list(dataset.query(text, initBindings=bindings)))
            conn.send(("ok", time.perf_counter() - started, rows))
    except Exception as exc:  # noqa: BLE001 - report rdflib's failure to the parent
        conn.send(("error", type(exc).__name__, 0))


def rdflib_time(
    ctx: Any, dataset: Any, text: str, bindings: dict[str, Any], args: Any
) -> tuple[float, int] | str:
    """Median seconds and rows (timed runs, else the warm-up), or why there is none."""
    parent, child = ctx.Pipe()
    proc = ctx.Process(
        target=rdflib_child, args=(dataset, text, bindings, args.rdflib_repeat, child)
    )
    proc.start()
    deadline = time.monotonic() + args.rdflib_timeout
    runs: list[tuple[float, int]] = []
    outcome = ""
    while len(runs) < args.rdflib_repeat + 1 and time.monotonic() < deadline:
        if parent.poll(0.5):
            status, value, rows = parent.recv()
            if status != "ok":
                outcome = f"error: {value}"
                break
            runs.append((value, rows))
        elif not proc.is_alive():
            outcome = "died"
            break
    proc.kill()
    proc.join()
    if outcome:
        return outcome
    if not runs:
        return "timeout"
    timed_runs = runs[1:] or runs
    return statistics.median(r[0] for r in timed_runs), runs[-1][1]


def rdflib_bindings(values: dict[str, str]) -> dict[str, Any]:
    from rdflib import Literal, URIRef

    from graph.query import parse_value

    out: dict[str, Any] = {}
    for name, value in values.items():
        term = parse_value(value)
        out[name] = (
            URIRef(term.value)
            if term.__class__.__name__ == "NamedNode"
            else Literal(term.value)
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/reelgraph-bench"))
    parser.add_argument("--wikidata-dir", type=Path, default=SHARED / "wikidata")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rdflib-repeat", type=int, default=3)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args()

    from graph.query import load_query, run_query
    from graph.store import GraphStore

    args.work_dir.mkdir(parents=True, exist_ok=True)
    files = sorted(args.wikidata_dir.glob("*.nt.gz"))
    if not files:
        sys.exit(f"No *.nt.gz in {args.wikidata_dir}")
    store_dir = build_store(args.work_dir, files)

    ours: dict[str, tuple[float, int]] = {}
    store = GraphStore.open(store_dir, read_only=True)
    quads = len(store)
    for name, params, _ in CASES:
        query = load_query(name)
        seconds, result = timed(
            lambda q=query, p=params: run_query(store, q, bindings=p), args.repeat
        )
        ours[name] = (seconds, len(result))
    store.close()

    theirs: dict[str, tuple[float, int] | str] = {}
    load_seconds = 0.0
    if not args.no_rdflib:
        from rdflib import Dataset

        nquads = args.work_dir / "all.nq"
        if not nquads.exists():
            dump_nquads(store_dir, nquads)
        started = time.perf_counter()
        dataset = Dataset(default_union=True)
        dataset.parse(nquads, format="nquads")
        load_seconds = time.perf_counter() - started
        print(f"rdflib: loaded in {load_seconds:.1f} s", file=sys.stderr)
        ctx = multiprocessing.get_context("fork")
        for name, params, _ in CASES:
            text = load_query(name).text
            theirs[name] = rdflib_time(
                ctx, dataset, text, rdflib_bindings(params), args
            )
            print(f"  rdflib {name}: {theirs[name]}", file=sys.stderr)

    print(
        f"\nStore: {quads:,} quads (sample reviews + Wikidata mirror), "
        f"Oxigraph on disk vs rdflib in memory; median of {args.repeat} / "
        f"{args.rdflib_repeat} runs after a warm-up. rdflib load {load_seconds:.0f} s.\n"
    )
    header = f"{'query':<32} {'join':<5} {'rows':>6} {'oxigraph ms':>12} {'rdflib ms':>12} {'ratio':>8} same"
    print(header)
    print("-" * len(header))
    for name, _, heavy in CASES:
        ox_s, ox_rows = ours[name]
        other = theirs.get(name)
        if args.no_rdflib:
            rd, ratio, same = "-", "-", "-"
        elif other == "timeout":
            limit = args.rdflib_timeout
            rd, ratio, same = f">{limit * 1000:.0f}", f">{limit / ox_s:.0f}x", "?"
        elif isinstance(other, str):
            rd, ratio, same = other, "-", "-"
        else:
            rd = f"{other[0] * 1000:.1f}"
            ratio = f"{other[0] / ox_s:.1f}x"
            same = "yes" if other[1] == ox_rows else f"no ({other[1]})"
        print(
            f"{name:<32} {'yes' if heavy else '':<5} {ox_rows:>6} {ox_s * 1000:>12.1f} {rd:>12} {ratio:>8} {same}"
        )


if __name__ == "__main__":
    main()
