"""Pipeline: ingest -> extract -> link -> build -> (validate) -> store -> enrich.

:func:`ingest_paths` runs the whole chain for files and folders and returns an
:class:`IngestReport`; nothing here prints (the CLI reports). Per review, the store
update is one transaction that replaces the review's named graph, so:

- re-ingesting an unchanged review changes nothing (its content hash and extractor
  version match what is stored, and it is skipped);
- a changed review replaces its own graph and nothing else;
- a crash mid-batch leaves whole reviews only, and re-running the batch completes it.

Wikidata is optional: when it cannot be reached, the first failure is reported once,
linking and enrichment are switched off for the rest of the run, and the review's own
facts are stored; ``reelgraph enrich`` finishes the work later.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.build import (
    build_review_graph,
    mint_iri,
    review_graph_iri,
    review_graph_prefix,
    wikidata_graph_iri,
)
from graph.config import PACKAGE_DIR
from graph.errors import (
    GraphError,
    OfflineCacheMiss,
    ValidationError,
    WikidataError,
)
from graph.ingest import TableOptions, read_reviews
from graph.models import Extraction, IngestFailure, Review

if TYPE_CHECKING:
    from rdflib import URIRef

    from graph.config import Settings
    from graph.store import GraphStore, Store
    from graph.wikidata import WikidataClient

log = logging.getLogger(__name__)

LINK_CHUNK = 50
"""Reviews extracted, then linked together, before their graphs are stored."""

Progress = Callable[[int, int, str], None]
"""``progress(done, total, label)``: called after each review."""


@dataclass
class IngestReport:
    """What an ingest run did: counts, failures, and Wikidata's state."""

    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    triples: int = 0
    wikidata_problem: str | None = None
    linked: int = 0
    enriched_triples: int = 0

    @property
    def ok(self) -> bool:
        """True when no input failed."""
        return not self.failures


def _stored_hash(store: Store | GraphStore, graph_iri: str, review: str) -> str | None:
    result = store.query(
        "PREFIX rg: <https://w3id.org/reelgraph/ontology#>\n"
        "SELECT ?g ?r ?h ?v WHERE { GRAPH ?g { ?r rg:contentHash ?h ."
        " OPTIONAL { ?r rg:extractorVersion ?v } } }",
        bindings={"g": _named(graph_iri), "r": _named(review)},
    )
    for row in result:
        version = row["v"].value if row["v"] is not None else ""
        return f"{row['h'].value}|{version}"
    return None


@cache
def code_digest() -> str:
    """A digest of the code that decides a review's triples (extract*.py, build.py).

    Stored with each review next to the extractor's version, so a review is extracted
    again after the rules change even when nobody bumped the version.
    """
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.glob("extract*.py")) + [PACKAGE_DIR / "build.py"]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def extractor_stamp(version: str) -> str:
    """What is stored as ``rg:extractorVersion``: the version and the code digest."""
    return f"{version}+{code_digest()}"


UNLINKED = "+unlinked"
"""Suffix of the stored stamp of a review stored while linking was unavailable."""


def _is_unchanged(
    store: Store | GraphStore,
    review: Review,
    stamp: str,
    base: str,
    *,
    linking: bool,
) -> bool:
    """True when the store holds this review with the same text and extractor.

    A review stored without linking (offline, Wikidata down, --no-wikidata) counts as
    changed once linking is available again, so that re-running ingest links it and
    its entities take their Wikidata IRIs.
    """
    graph_iri = review_graph_iri(review.id, base_iri=base)
    review_iri = str(mint_iri("review", review.id, base_iri=base))
    stored = _stored_hash(store, graph_iri, review_iri)
    current = f"{review.content_hash}|{stamp}"
    return stored == current or (not linking and stored == current + UNLINKED)


def _named(iri: str) -> URIRef:
    from rdflib import URIRef

    return URIRef(iri)


class _Wikidata:
    """Linking and enrichment for one run; switches itself off on the first failure."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.problem: str | None = None
        self.client: WikidataClient | None = None
        self.qids: set[str] = set()
        if not settings.enrich:
            return  # switched off on purpose: nothing to report
        try:
            from graph.wikidata import client_from_settings

            self.client = client_from_settings(settings)
        except GraphError as exc:
            self.problem = str(exc)

    @property
    def ready(self) -> bool:
        """Whether linking runs (a client, and no failure so far in this run)."""
        return self.client is not None and self.problem is None

    def link(self, extractions: list[Extraction]) -> list[Extraction]:
        """Link a chunk of reviews together: the candidate queries are shared."""
        if self.client is None or self.problem or not extractions:
            return extractions
        from graph.link import link_extractions

        try:
            linked = link_extractions(extractions, client=self.client)
        except WikidataError as exc:
            log.debug("linking failed: %s", exc)
            self.problem = _wikidata_problem(exc, self.settings.wikidata_endpoint)
            return extractions
        for extraction in linked:
            self.qids.update(_qids(extraction))
        return linked

    def enrich(self, store: Store | GraphStore) -> int:
        """Enrich every linked item of the store not enriched yet (one shared path
        with ``reelgraph enrich``, so items already fetched are not fetched again)."""
        if self.client is None or self.problem or not self.qids:
            return 0
        from graph.enrich import enrich_store

        report = enrich_store(
            store, client=self.client, settings=self.settings, link=False
        )
        if report.problem:
            log.debug("enrichment failed: %s", report.problem)
            self.problem = "enrichment failed; run 'reelgraph enrich' later"
        return report.triples


def _wikidata_problem(exc: WikidataError, endpoint: str) -> str:
    """One line saying why linking stopped and what to do about it."""
    if isinstance(exc, OfflineCacheMiss):
        return (
            "offline, and the Wikidata cache does not hold these look-ups; going on "
            "without linking (run 'reelgraph enrich' when online)"
        )
    if not endpoint.startswith(("http://", "https://")):
        return f"{exc}; going on without linking"
    return (
        f"cannot reach {endpoint}; going on without linking (point "
        "REELGRAPH_WIKIDATA_ENDPOINT at a mirror, or run 'reelgraph enrich' later)"
    )


def _qids(extraction: Extraction) -> set[str]:
    found: set[str] = set()
    for film in extraction.films:
        found.update(
            q
            for q in (
                film.wikidata,
                *(d.wikidata for d in film.directors),
                *(c.wikidata for c in film.cast),
                *(f.wikidata for f in film.festivals),
            )
            if q
        )
    return found


def ingest_paths(
    paths: Sequence[str | Path],
    *,
    store: Store | GraphStore,
    settings: Settings,
    table: TableOptions | None = None,
    validate: bool = False,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders of reviews into ``store``.

    Args:
        paths: files (.txt .md .html .csv .jsonl) and folders of them.
        store: an open, writable store.
        settings: endpoint, base IRI, pipelines.
        table: which column of a CSV/JSONL holds the text.
        validate: check each review's graph against the SHACL shapes before storing
            it; a review that breaks them is refused (reported as a failure).
        progress: called after each review.

    Returns:
        What was stored, skipped as unchanged, or failed, and Wikidata's state.
    """
    report = IngestReport()
    reviews: list[Review] = []
    for item in read_reviews(paths, table=table):
        if isinstance(item, IngestFailure):
            report.failures.append(item)
        else:
            reviews.append(item)
    ingest_reviews(
        reviews,
        store=store,
        settings=settings,
        validate=validate,
        progress=progress,
        report=report,
    )
    return report


def ingest_reviews(
    reviews: Iterable[Review],
    *,
    store: Store | GraphStore,
    settings: Settings,
    validate: bool = False,
    progress: Progress | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Ingest already-read reviews (see :func:`ingest_paths`)."""
    from graph.extract import Extractor

    report = report or IngestReport()
    reviews = list(reviews)
    extractor = Extractor(settings)
    wikidata = _Wikidata(settings)
    base = settings.base_iri
    stamp = extractor_stamp(extractor.version)
    done = 0

    def tick(review: Review) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(reviews), review.id)

    for start in range(0, len(reviews), LINK_CHUNK):
        extracted: list[tuple[Review, Extraction]] = []
        for review in reviews[start : start + LINK_CHUNK]:
            try:
                if _is_unchanged(store, review, stamp, base, linking=wikidata.ready):
                    report.unchanged.append(review.id)
                    tick(review)
                    continue
                extraction = extractor.extract(review)
                extracted.append((review, replace(extraction, extractor_version=stamp)))
            except GraphError as exc:
                report.failures.append(IngestFailure(review.source, str(exc)))
                tick(review)
        linked = wikidata.link([x for _, x in extracted])
        if not wikidata.ready:
            linked = [replace(x, extractor_version=stamp + UNLINKED) for x in linked]
        for (review, _), extraction in zip(extracted, linked, strict=True):
            try:
                graph = build_review_graph(extraction, base_iri=base)
                if validate:
                    _validate_or_raise(graph, review)
                graph_iri = review_graph_iri(review.id, base_iri=base)
                report.triples += store.replace_graph(graph_iri, graph)
                report.stored.append(review.id)
                report.linked += len(_qids(extraction))
            except GraphError as exc:
                report.failures.append(IngestFailure(review.source, str(exc)))
            tick(review)
    report.enriched_triples = wikidata.enrich(store)
    report.wikidata_problem = wikidata.problem
    return report


def _validate_or_raise(graph: Any, review: Review) -> None:
    from graph.validate import validate_graph

    result = validate_graph(graph)
    if not result.conforms:
        raise ValidationError(
            f"review {review.id} breaks the SHACL shapes and was not stored:\n"
            f"{result.text()}",
            report=result,
        )


def remove_review(
    store: Store | GraphStore, review_id: str, *, settings: Settings
) -> bool:
    """Delete one review's facts, and Wikidata facts of items no review links any more.

    Returns ``False`` when the store holds no such review.
    """
    graph_iri = review_graph_iri(review_id, base_iri=settings.base_iri)
    if not store.remove_graph(graph_iri):
        return False
    wikidata = wikidata_graph_iri(base_iri=settings.base_iri)
    store.update(
        f"""DELETE {{ GRAPH <{wikidata}> {{ ?q ?p ?o }} }}
        WHERE {{
          GRAPH <{wikidata}> {{ ?q ?p ?o }}
          FILTER(STRSTARTS(STR(?q), "http://www.wikidata.org/entity/Q"))
          FILTER NOT EXISTS {{
            GRAPH ?g {{ ?e <http://www.w3.org/2002/07/owl#sameAs> ?q }}
            FILTER(?g != <{wikidata}>)
          }}
        }}"""
    )
    return True


def review_ids(store: Store | GraphStore, *, settings: Settings) -> list[str]:
    """The ids of the reviews in the store (from their named graphs), sorted."""
    prefix = review_graph_prefix(base_iri=settings.base_iri)
    return sorted(
        g[len(prefix) :] for g in store.named_graphs() if g.startswith(prefix)
    )


def store_stats(store: Store | GraphStore) -> dict[str, int]:
    """Counts a user asks for first: reviews, films, people, festivals, triples."""
    rg = "https://w3id.org/reelgraph/ontology#"
    classes = {
        "reviews": "https://schema.org/Review",
        "films": "https://schema.org/Movie",
        "people": "https://schema.org/Person",
        "cast roles": "https://schema.org/PerformanceRole",
        "festivals": rg + "Festival",
        "festival editions": rg + "FestivalEdition",
        "selections": rg + "Selection",
        "themes": "http://www.w3.org/2004/02/skos/core#Concept",
        "places": "https://schema.org/Place",
        "evidence": rg + "Evidence",
    }
    stats: dict[str, int] = {}
    for name, cls in classes.items():
        rows = store.query(
            f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{cls}> }}"
        )
        stats[name] = int(next(iter(rows))["n"].value)
    rows = store.query(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE "
        "{ ?s <http://www.w3.org/2002/07/owl#sameAs> ?q }"
    )
    stats["linked to Wikidata"] = int(next(iter(rows))["n"].value)
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    stats["triples"] = int(next(iter(rows))["n"].value)
    stats["named graphs"] = len(store.named_graphs())
    return stats
