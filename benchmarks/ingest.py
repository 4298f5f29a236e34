"""End-to-end ingest throughput: reviews/s, triples/s, peak RSS, cost of each stage.

Runs the pipeline stage by stage (read -> extract -> build -> store) over two inputs,
the packaged sample reviews and Rotten Tomatoes critic reviews from ../shared/reviews,
each in its own process so that peak RSS is per input. The ceiling is the same triples
bulk-loaded into a fresh on-disk Oxigraph store in the same run.

Usage:
    python benchmarks/ingest.py                 # samples + 2,000 RT reviews
    python benchmarks/ingest.py --limit 5000    # more RT reviews
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _reviews(dataset: str, limit: int) -> list:  # type: ignore[type-arg]
    from graph.config import SAMPLES_DIR
    from graph.ingest import read_reviews
    from graph.models import Review

    if dataset == "samples":
        paths = sorted(SAMPLES_DIR.glob("*.txt"))
    else:
        rows = SHARED / "reviews" / "rt_critic_reviews.csv"
        paths = [rows]
    found = [r for r in read_reviews(paths) if isinstance(r, Review)]
    return found[:limit]


def measure(dataset: str, limit: int) -> dict[str, float]:
    """Run every stage over one dataset in this process; return the numbers."""
    import pyoxigraph as ox

    from graph.build import build_review_graph, review_graph_iri
    from graph.config import Settings
    from graph.extract import Extractor
    from graph.store import GraphStore, _quads

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    reviews = _reviews(dataset, limit)
    timings["read"] = time.perf_counter() - t0

    settings = Settings.from_env().with_overrides(enrich=False)
    extractor = Extractor(settings)
    extractor.extract(reviews[0])  # load the pipelines outside the timed part
    t0 = time.perf_counter()
    extractions = [extractor.extract(r) for r in reviews]
    timings["extract"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    graphs = [build_review_graph(x) for x in extractions]
    timings["build"] = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        store = GraphStore.open(Path(tmp) / "store")
        t0 = time.perf_counter()
        triples = 0
        for review, graph in zip(reviews, graphs, strict=True):
            triples += store.replace_graph(review_graph_iri(review.id), graph)
        timings["store"] = time.perf_counter() - t0
        store.close()

        quads = []
        for review, graph in zip(reviews, graphs, strict=True):
            quads += _quads(graph, ox.NamedNode(review_graph_iri(review.id)))
        dump = Path(tmp) / "all.nq"
        ox.serialize(quads, str(dump), ox.RdfFormat.N_QUADS)
        ceiling_store = ox.Store(str(Path(tmp) / "bulk"))
        t0 = time.perf_counter()
        ceiling_store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        timings["bulk_load"] = time.perf_counter() - t0
        del ceiling_store

    words = sum(len(r.text.split()) for r in reviews)
    pipeline = (
        timings["read"] + timings["extract"] + timings["build"] + timings["store"]
    )
    return {
        "reviews": len(reviews),
        "words": words,
        "triples": triples,
        "seconds": pipeline,
        **{f"t_{k}": v for k, v in timings.items()},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="RT reviews to use")
    parser.add_argument(
        "--child", nargs=2, metavar=("DATASET", "LIMIT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return

    rows = {}
    for dataset, limit in (("samples", 1000), ("rt-critics", args.limit)):
        done = subprocess.run(
            [sys.executable, __file__, "--child", dataset, str(limit)],
            capture_output=True,
            text=True,
            check=True,
        )
        rows[dataset] = json.loads(done.stdout.strip().splitlines()[-1])

    head = (
        f"{'input':<11} {'reviews':>7} {'triples':>8} {'rev/s':>7} {'triples/s':>10} "
        f"{'peak MB':>8} | {'read':>6} {'extract':>8} {'build':>6} {'store':>6} "
        f"| {'bulk t/s':>9} {'ratio':>6}"
    )
    print(head)
    print("-" * len(head))
    for name, r in rows.items():
        tps = r["triples"] / r["seconds"]
        bulk = r["triples"] / max(r["t_bulk_load"], 1e-9)
        share = {
            k: 100 * r[f"t_{k}"] / r["seconds"]
            for k in ("read", "extract", "build", "store")
        }
        print(
            f"{name:<11} {r['reviews']:>7} {r['triples']:>8} {r['reviews'] / r['seconds']:>7.1f} "
            f"{tps:>10.0f} {r['peak_rss_mb']:>8.0f} | {share['read']:>5.1f}% "
            f"{share['extract']:>7.1f}% {share['build']:>5.1f}% {share['store']:>5.1f}% "
            f"| {bulk:>9.0f} {tps / bulk:>6.3f}"
        )
    print(
        "\nstage columns: share of pipeline time; ratio: pipeline triples/s over the "
        "bulk-load ceiling (same triples, same run)."
    )


if __name__ == "__main__":
    main()
