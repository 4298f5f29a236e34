"""Export throughput per format against pyoxigraph's own writer on the same store.

Builds a synthetic but realistic store (film reviews through the real ``build`` stage:
films, directors, cast with characters, festival editions, themes, places, evidence
for every fact), then, for every format, times ``graph.export.export_store`` (sorting,
cleaning, prefixes, atomic write) and the ceiling: pyoxigraph serialising the same
quads straight from the store (``Store.dump`` for quad formats; the store's triples for
triple formats; pyoxigraph's expanded JSON-LD for JSON-LD). Both write to a file in a
temporary folder. Best of ``--repeat`` runs.

Usage:
    python benchmarks/export.py                  # 700 reviews, about 100 k quads
    python benchmarks/export.py --reviews 3000 --repeat 3
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def synthetic_extractions(count: int) -> list[Any]:
    """``count`` review extractions sharing pools of films, people and festivals."""
    from graph.models import (
        CastMember,
        Evidence,
        Extraction,
        FestivalMention,
        FilmMention,
        Link,
        Person,
        Place,
        ReleaseDate,
        Review,
        ReviewMeta,
        Theme,
    )

    out = []
    for i in range(count):
        sentence = f"Review {i} says Film {i % 400} by Director {i % 150} is great."
        ev = (Evidence(sentence, 0, len(sentence), "bench@1", 0.5 + (i % 50) / 100),)
        linked = i % 2 == 0
        film = FilmMention(
            title=f"Film {i % 400}",
            year=1990 + i % 35,
            wikidata=f"Q{100000 + i % 400}" if linked else None,
            link=Link(f"Q{100000 + i % 400}", 0.9, ("label-exact",))
            if linked
            else None,
            directors=(Person(f"Director {i % 150}", evidence=ev),),
            cast=tuple(
                CastMember(f"Actor {(i * 7 + k) % 1500}", f"Character {k}", evidence=ev)
                for k in range(4)
            ),
            festivals=(
                FestivalMention(
                    f"Festival {i % 6}",
                    2000 + i % 24,
                    50 + i % 24,
                    "competition",
                    evidence=ev,
                ),
            ),
            release_date=ReleaseDate(f"{2000 + i % 24}-0{1 + i % 9}-1{i % 10}", ev),
            themes=tuple(Theme(f"theme {(i + k) % 60}", evidence=ev) for k in range(2)),
            places=(Place(f"Town {i % 90}", within=f"Region {i % 12}", evidence=ev),),
            evidence=ev,
        )
        review = Review(
            id=f"bench-{i}",
            text=sentence,
            source=f"bench/{i}.txt",
            content_hash=f"{i:064x}",
            language="en",
            url=f"https://example.org/r/{i}",
        )
        meta = ReviewMeta(
            critic=f"Critic {i % 80}",
            publication=f"Paper {i % 20}",
            date="2024-01-15",
            verdict="positive",
            verdict_evidence=ev,
        )
        out.append(Extraction(review, meta, (film,), extractor_version="bench@1"))
    return out


def synthetic_graphs(count: int) -> list[tuple[str, Any]]:
    """``(graph IRI, rdflib.Graph)`` of ``count`` synthetic reviews."""
    from graph.build import build_review_graph, review_graph_iri

    return [
        (review_graph_iri(x.review.id), build_review_graph(x))
        for x in synthetic_extractions(count)
    ]


def serialize_union(store: Any, path: Path, fmt: Any) -> None:
    """The ceiling for triple formats: Oxigraph writes the store's triples as they come."""
    import pyoxigraph as ox

    from graph.namespaces import PREFIXES

    ox.serialize((q.triple for q in store), str(path), format=fmt, prefixes=PREFIXES)


def best(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=700)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    import pyoxigraph as ox

    from graph.export import FORMATS, export_store
    from graph.store import GraphStore

    t0 = time.perf_counter()
    graphs = synthetic_graphs(args.reviews)
    built = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        store = GraphStore.open(Path(tmp) / "store")
        for iri, g in graphs:
            store.replace_graph(iri, g)
        quads = len(store)
        triples = len({q.triple for q in store.ox})
        print(
            f"{args.reviews} reviews, {quads} quads, {triples} distinct triples "
            f"(built in {built:.1f} s); best of {args.repeat}\n"
        )
        print(
            f"{'format':<12} {'statements':>10} {'export s':>9} {'stmt/s':>10} "
            f"{'ceiling s':>9} {'ratio':>6}  ceiling"
        )
        for name, form in FORMATS.items():
            out = Path(tmp) / f"out{form.extensions[0]}"
            base = Path(tmp) / f"base{form.extensions[0]}"
            ours = best(args.repeat, partial(export_store, store, out, fmt=name))
            if name == "wikidata-qs":
                print(
                    f"{name:<12} {'-':>10} {ours:9.3f} {'-':>10} {'-':>9} {'-':>6}  "
                    "(SPARQL over the store; no writer to compare)"
                )
                continue
            fmt = form.rdf or ox.RdfFormat.JSON_LD
            if form.quads:
                top = best(args.repeat, partial(store.ox.dump, str(base), format=fmt))
                label = "Store.dump"
            else:
                top = best(args.repeat, partial(serialize_union, store.ox, base, fmt))
                label = "ox.serialize(store triples)"
            count = quads if form.quads else triples
            print(
                f"{name:<12} {count:>10} {ours:9.3f} {count / ours:10.0f} "
                f"{top:9.3f} {ours / top:6.1f}  {label}"
            )
        store.close()


if __name__ == "__main__":
    main()
