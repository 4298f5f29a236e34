"""Benchmark and accuracy of Wikidata linking + enrichment against the local mirror.

Reproducible: the mirror is built from ``../shared/wikidata/*.nt.gz`` (or reused with
``--mirror DIR``), the review sample is the first ``--reviews`` Rotten Tomatoes critic
reviews, caches live in a fresh temporary folder.

Speed (printed as a table): entities/s, queries sent, cache hit rate for
- per-review linking (one ``link_extraction`` per review; the baseline),
- batched linking (``link_extractions`` over ``--batch`` reviews at a time),
- a warm second run of the batched linking (must send 0 queries),
- enrichment of every linked item, cold and warm.

Accuracy on Rotten Tomatoes (mentions taken from the film records: title, release
year, directors, first five actors; gold from the mirror itself): a film's gold item is
the one whose Rotten Tomatoes id ``P1258`` is the review's; a director's or actor's
gold item is the ``P57``/``P161`` value of that film with the same folded label.
Mentions with no gold item in the mirror count for the "stays unlinked" rate.
Dev-set accuracy uses ``tests/data/linking_gold.jsonl`` (hand-verified QIDs).

Usage:
    python benchmarks/link.py [--mirror DIR] [--reviews 1000] [--batch 100]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from graph.config import Settings  # noqa: E402
from graph.enrich import enrich_items  # noqa: E402
from graph.link import link_extraction, link_extractions  # noqa: E402
from graph.mirror import fold_label, load_mirror, normalise_label  # noqa: E402
from graph.models import (  # noqa: E402
    CastMember,
    Extraction,
    FestivalMention,
    FilmMention,
    Person,
    Review,
    ReviewMeta,
)
from graph.wikidata import WikidataClient  # noqa: E402


def rt_extractions(limit: int, *, with_year: bool = True) -> list[Extraction]:
    """Extractions built from the RT film records joined to each review."""
    path = SHARED / "reviews" / "rt_critic_reviews_joined.jsonl.gz"
    found: list[Extraction] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            date = row.get("movie_original_release_date") or ""
            directors = [
                d.strip() for d in (row.get("movie_directors") or "").split(",")
            ]
            actors = [a.strip() for a in (row.get("movie_actors") or "").split(",")][:5]
            film = FilmMention(
                title=row["movie_title"],
                year=int(date[:4]) if with_year and date[:4].isdigit() else None,
                directors=tuple(Person(d) for d in directors if d),
                cast=tuple(CastMember(a) for a in actors if a),
            )
            review = Review(
                id=row["id"],
                text=row.get("text") or "",
                source=row["rotten_tomatoes_link"],
                content_hash=row["id"],
                date=row.get("review_date"),
            )
            meta = ReviewMeta(date=row.get("review_date"))
            found.append(Extraction(review=review, meta=meta, films=(film,)))
            if len(found) >= limit:
                break
    return found


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    absent: int = 0
    absent_unlinked: int = 0

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        u = self.absent_unlinked / self.absent if self.absent else 1.0
        return (
            f"{name:<26} {p:6.3f} {r:6.3f} {self.tp:5d} {self.fp:4d} {self.fn:4d} "
            f"{u:8.3f} ({self.absent_unlinked}/{self.absent})"
        )


def score(counts: Counts, gold: str | None, got: str | None) -> None:
    if gold == "?":  # gold could not be verified by hand: not counted
        return
    if gold is None:
        counts.absent += 1
        counts.absent_unlinked += got is None
        if got is not None:
            counts.fp += 1
        return
    if got == gold:
        counts.tp += 1
    else:
        counts.fn += 1
        counts.fp += got is not None


def _rows(store: Any, query: str) -> list[dict[str, str]]:
    prefixes = (
        "PREFIX wd: <http://www.wikidata.org/entity/>\n"
        "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    )
    result = store.query(prefixes + query)
    names = [v.value for v in result.variables]
    return [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]


def _qid(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def mirror_gold(mirror: Path, extractions: Sequence[Extraction]) -> dict[str, Any]:
    """Gold QIDs read straight from the mirror (never through the linker).

    A film's gold item is the item whose Rotten Tomatoes id ``P1258`` is the record's;
    when the mirror has the film under an older RT id, the one item whose label equals
    a title form, with a ``P57`` labelled as an RT director and ``P577`` within a year,
    is taken (title, director and year all verified). People: the ``P57``/``P161``
    value of the gold film with the same folded label.
    """
    import pyoxigraph as ox

    from graph.link import title_forms
    from graph.mirror import Mirror

    store = ox.Store.read_only(str(mirror / "oxigraph"))
    index = Mirror(mirror)
    records = {x.review.source: x.films[0] for x in extractions}
    values = " ".join(json.dumps(v) for v in sorted(records))
    films = {
        r["rt"]: _qid(r["film"])
        for r in _rows(store, f"SELECT ?rt ?film WHERE {{ VALUES ?rt {{ {values} }} "
                       "?film wdt:P1258 ?rt }")
    }  # fmt: skip
    for rt, film in records.items():
        if rt in films:
            continue
        forms = {fold_label(t) for t in title_forms(film)}
        keys = {normalise_label(t) for t in title_forms(film)}
        labels = [lab for ls in index.lookup_labels(keys).values() for lab in ls]
        labels = [lab for lab in labels if fold_label(lab) in forms]
        if not labels or not film.year:
            continue
        lit = " ".join(json.dumps(lab) + "@en" for lab in labels)
        rows = _rows(
            store,
            f"SELECT ?f ?d ?date WHERE {{ VALUES ?l {{ {lit} }} ?f rdfs:label ?l ; "
            "wdt:P57 ?dir ; wdt:P577 ?date . ?dir rdfs:label ?d }",
        )
        directors = {fold_label(d.name) for d in film.directors}
        ok = {
            _qid(r["f"])
            for r in rows
            if fold_label(r["d"]) in directors
            and abs(int(r["date"][:4]) - film.year) <= 1
        }
        if len(ok) == 1:
            films[rt] = ok.pop()
    qids = " ".join(f"wd:{q}" for q in sorted(set(films.values())))
    people: dict[tuple[str, str, str], str] = {}
    for r in _rows(
        store,
        f"SELECT ?film ?p ?person ?label WHERE {{ VALUES ?film {{ {qids} }} "
        "VALUES ?p { wdt:P57 wdt:P161 } ?film ?p ?person . ?person rdfs:label ?label }",
    ):
        people[(_qid(r["film"]), _qid(r["p"]), fold_label(r["label"]))] = _qid(
            r["person"]
        )
    labels = {
        fold_label(s["l"])
        for s in _rows(
            store,
            "SELECT DISTINCT ?l WHERE { VALUES ?p { rdfs:label skos:altLabel } ?s ?p ?l }",
        )
    }
    return {"films": films, "people": people, "labels": labels}


def rt_accuracy(
    linked: Sequence[Extraction], gold: dict[str, Any], errors: list[str] | None = None
) -> list[str]:
    """Precision/recall per mention kind; unknown gold is left out (see module doc)."""
    counts = {"films": Counts(), "directors": Counts(), "cast (first 5)": Counts()}
    seen: set[str] = set()
    labels = gold["labels"]
    for x in linked:
        rt = x.review.source
        if rt in seen:  # count each distinct film record once
            continue
        seen.add(rt)
        film = x.films[0]
        gfilm = gold["films"].get(rt)
        from graph.link import title_forms

        if gfilm or not any(fold_label(t) in labels for t in title_forms(film)):
            _count(counts["films"], gfilm, film.wikidata, film.title, errors)
        people = [("directors", "P57", d.name, d.wikidata) for d in film.directors] + [
            ("cast (first 5)", "P161", c.actor, c.wikidata) for c in film.cast
        ]
        for kind, prop, name, got in people:
            key = (gfilm, prop, fold_label(name))
            if key in gold["people"]:
                _count(counts[kind], gold["people"][key], got, name, errors)
            elif fold_label(name) not in labels:
                _count(counts[kind], None, got, name, errors)
    return [c.line(k) for k, c in counts.items()]


def _count(
    counts: Counts,
    gold: str | None,
    got: str | None,
    name: str,
    errors: list[str] | None,
) -> None:
    score(counts, gold, got)
    if errors is not None and gold != got:
        errors.append(f"{name}: gold {gold} got {got}")


def confusable_absent(
    extractions: Sequence[Extraction], gold: dict[str, Any], client: WikidataClient
) -> str:
    """Films the mirror lacks although their title is there: a remake 30 years later.

    Each RT film with a gold item is mentioned again with its year moved 30 years on
    and a director the mirror does not know; the linker must not link it.
    """
    seen: dict[str, Extraction] = {}
    for x in extractions:
        if x.review.source in gold["films"] and x.review.source not in seen:
            film = x.films[0]
            year = (film.year or 1990) + 30
            moved = replace(
                film, year=year, directors=(Person("Anna Nobody"),), cast=()
            )
            seen[x.review.source] = replace(x, films=(moved,))
    linked = link_extractions(list(seen.values()), client=client)
    unlinked = sum(x.films[0].wikidata is None for x in linked)
    return f"confusable absent films (title in mirror, other year/director): {unlinked}/{len(linked)} unlinked"


def dev_accuracy(client: WikidataClient) -> list[str]:
    path = ROOT / "tests" / "data" / "linking_gold.jsonl"
    if not path.is_file():
        return [f"(no {path.relative_to(ROOT)})"]
    counts: dict[str, Counts] = {}
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    extractions = [extraction_from_gold(r) for r in rows]
    for row, x in zip(rows, link_extractions(extractions, client=client), strict=True):
        source = Path(row.get("source", "samples")).stem
        for kind, gold, got in row_pairs(row, x):
            score(counts.setdefault(f"{source} {kind}", Counts()), gold, got)
    return [c.line(k) for k, c in sorted(counts.items())]


def extraction_from_gold(row: dict[str, Any]) -> Extraction:
    """The mentions of one gold row (same shape as ``Extraction.to_json``)."""
    films = tuple(
        FilmMention(
            title=f["title"],
            role=f.get("role", "subject"),
            original_title=f.get("original_title"),
            year=f.get("year"),
            directors=tuple(Person(d["name"]) for d in f.get("directors", [])),
            cast=tuple(CastMember(c["actor"]) for c in f.get("cast", [])),
            festivals=tuple(
                FestivalMention(fe["name"], year=fe.get("year"))
                for fe in f.get("festivals", [])
            ),
        )
        for f in row["films"]
    )
    review = Review(
        id=row["id"],
        text="",
        source="gold",
        content_hash=row["id"],
        date=row.get("date"),
    )
    return Extraction(review=review, meta=ReviewMeta(date=row.get("date")), films=films)


def row_pairs(
    row: dict[str, Any], x: Extraction
) -> list[tuple[str, str | None, str | None]]:
    pairs = []
    for gf, film in zip(row["films"], x.films, strict=True):
        pairs.append(("films", gf.get("wikidata"), film.wikidata))
        for gd, d in zip(gf.get("directors", []), film.directors, strict=True):
            pairs.append(("people", gd.get("wikidata"), d.wikidata))
        for gc, c in zip(gf.get("cast", []), film.cast, strict=True):
            pairs.append(("people", gc.get("wikidata"), c.wikidata))
        for gfe, fe in zip(gf.get("festivals", []), film.festivals, strict=True):
            pairs.append(("festivals", gfe.get("wikidata"), fe.wikidata))
    return pairs


def timed_run(label: str, client: WikidataClient, work: Callable[[], int]) -> str:
    started = time.perf_counter()
    entities = work()
    took = time.perf_counter() - started
    s = client.stats
    rate = s.cache_hits / s.queries if s.queries else 0.0
    return (
        f"{label:<30} {entities:7d} {took:7.2f} {entities / took:9.0f} "
        f"{s.requests:7d} {rate:6.2f}"
    )


def entity_count(extractions: Sequence[Extraction]) -> int:
    return sum(1 + len(f.directors) + len(f.cast) for x in extractions for f in x.films)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=None)
    parser.add_argument("--reviews", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reelgraph-bench-") as tmp:
        mirror = args.mirror
        if mirror is None:
            mirror = Path(tmp) / "mirror"
            report = load_mirror(
                sorted((SHARED / "wikidata").glob("*.nt.gz")), mirror=mirror
            )
            print(f"mirror: {report.triples} triples loaded in {report.seconds:.1f} s")
        settings = replace(
            Settings.from_env(),
            wikidata_endpoint=str(mirror),
            cache_dir=Path(tmp) / "c",
        )
        xs = rt_extractions(args.reviews)

        def client(cache: str) -> WikidataClient:
            return WikidataClient(
                str(mirror), cache_dir=Path(tmp) / cache, batch_size=50
            )

        def batched(c: WikidataClient) -> list[Extraction]:
            out: list[Extraction] = []
            for start in range(0, len(xs), args.batch):
                out += link_extractions(xs[start : start + args.batch], client=c)
            return out

        rows = []
        base = client("per-review")
        rows.append(
            timed_run(
                "link, per review (baseline)",
                base,
                lambda: entity_count([link_extraction(x, client=base) for x in xs]),
            )
        )
        base_requests = base.stats.requests
        cold = client("batched")
        linked: list[Extraction] = []

        def run_cold() -> int:
            linked.extend(batched(cold))
            return entity_count(linked)

        rows.append(timed_run(f"link, batched x{args.batch} cold", cold, run_cold))
        whole = client("whole")
        rows.append(
            timed_run(
                "link, all reviews at once cold",
                whole,
                lambda: entity_count(link_extractions(xs, client=whole)),
            )
        )
        warm = client("batched")
        rows.append(
            timed_run("link, batched warm", warm, lambda: entity_count(batched(warm)))
        )
        qids = sorted(
            {
                q
                for x in linked
                for f in x.films
                for q in (f.wikidata, *(d.wikidata for d in f.directors),
                          *(c.wikidata for c in f.cast))
                if q
            }
        )  # fmt: skip
        for label, cache in (("enrich, cold", "enrich"), ("enrich, warm", "enrich")):
            ec = client(cache)
            rows.append(
                timed_run(
                    label,
                    ec,
                    lambda ec=ec: (
                        len(enrich_items(qids, client=ec, settings=settings))
                        and len(qids)
                    ),
                )
            )
        print(f"\n{len(xs)} RT reviews, {len(qids)} distinct linked items")
        print(
            f"{'run':<30} {'entities':>7} {'s':>7} {'entities/s':>9} {'queries':>7} {'hit':>6}"
        )
        print("\n".join(rows))
        print(
            f"queries: batched cold {cold.stats.requests} vs per-review {base_requests} "
            f"({cold.stats.requests / max(base_requests, 1):.3f}x); warm "
            f"{warm.stats.requests}"
        )
        gold = mirror_gold(mirror, xs)
        no_year = link_extractions(
            rt_extractions(args.reviews, with_year=False), client=client("noyear")
        )
        print(
            f"\n{'accuracy':<26} {'P':>6} {'R':>6} {'tp':>5} {'fp':>4} {'fn':>4} unlinked"
        )
        print("\n".join(rt_accuracy(linked, gold)))
        print("-- RT, without the release year --")
        print("\n".join(rt_accuracy(no_year, gold)))
        print(confusable_absent(xs, gold, client("confusable")))
        print("\n".join(dev_accuracy(client("dev"))))


if __name__ == "__main__":
    main()
