"""Late linking: link the entities a store holds unlinked (``reelgraph enrich``).

Contract: when Wikidata could not be reached during ingest, reviews are stored with
their entities unlinked (stable local IRIs). :func:`link_store` rebuilds, from each
review graph, the mentions the linker needs (film titles, years, original titles,
directors, cast, festivals, the review date), links them with the same joint linker
as ingest (:func:`graph.link.link_extractions`, batched, cached), and records each new
link in ``{base}graph/entities``: ``node owl:sameAs wd:Q..`` plus an ``rg:Evidence``
node with the confidence and reasons. Local IRIs never change, so no fact is lost;
entities already linked are left alone. Abstentions are not stored: the next run asks
again, from the cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, XSD

from graph.build import entities_graph_iri, mint_iri
from graph.config import Settings
from graph.link import link_extractions
from graph.models import (
    CastMember,
    Extraction,
    FestivalMention,
    FilmMention,
    Link,
    Person,
    Review,
    ReviewMeta,
)
from graph.namespaces import RG, WD, sparql_prefixes
from graph.wikidata import WikidataClient

if TYPE_CHECKING:
    from graph.store import Store


@dataclass
class LinkStoreReport:
    """What :func:`link_store` did."""

    reviews: int = 0
    unlinked: int = 0
    linked: dict[str, str] = field(default_factory=dict)  # node IRI -> QID


@dataclass
class _FilmRow:
    node: str
    title: str
    role: str
    year: int | None = None
    original: str | None = None
    qid: str | None = None
    people: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    festivals: list[tuple[str, str, int | None, str | None]] = field(
        default_factory=list
    )


def _v(row: Any, name: str) -> str | None:
    term = row[name]
    return None if term is None else str(getattr(term, "value", term))


def _qid(value: str | None) -> str | None:
    if value and value.startswith(str(WD) + "Q"):
        return value[len(str(WD)) :]
    return None


def _read_films(store: Store, settings: Settings) -> dict[str, dict[str, _FilmRow]]:
    prefix = settings.base_iri + "graph/review/"
    films: dict[str, dict[str, _FilmRow]] = {}
    head = sparql_prefixes()
    rows = store.query(
        head + "SELECT ?g ?film ?title ?role ?year ?orig ?q WHERE { GRAPH ?g {\n"
        "  { ?r schema:itemReviewed ?film . BIND('subject' AS ?role) }\n"
        "  UNION { ?r schema:mentions ?film . BIND('mentioned' AS ?role) }\n"
        "  ?film a schema:Movie ; schema:name ?title .\n"
        "  OPTIONAL { ?film rg:year ?year }\n"
        "  OPTIONAL { ?film rg:originalTitle ?orig } }\n"
        "  OPTIONAL { ?film owl:sameAs ?q }\n"
        f'  FILTER(STRSTARTS(STR(?g), "{prefix}")) }}'
    )
    for row in rows:
        graph, node = _v(row, "g") or "", _v(row, "film") or ""
        year = _v(row, "year")
        films.setdefault(graph, {}).setdefault(
            node,
            _FilmRow(
                node=node,
                title=_v(row, "title") or "",
                role=_v(row, "role") or "subject",
                year=int(year[:4]) if year and year[:4].isdigit() else None,
                original=_v(row, "orig"),
                qid=_qid(_v(row, "q")),
            ),
        )
    for row in store.query(
        head + "SELECT ?g ?film ?rel ?p ?name ?q WHERE { GRAPH ?g {\n"
        "  VALUES ?rel { schema:director schema:actor }\n"
        "  ?film a schema:Movie ; ?rel ?p . ?p schema:name ?name . }\n"
        "  OPTIONAL { ?p owl:sameAs ?q } }"
    ):
        film = films.get(_v(row, "g") or "", {}).get(_v(row, "film") or "")
        if film is not None:
            rel = "director" if (_v(row, "rel") or "").endswith("director") else "actor"
            person = (rel, _v(row, "p") or "", _v(row, "name") or "", _v(row, "q"))
            if person not in film.people:
                film.people.append(person)
    for row in store.query(
        head + "SELECT ?g ?film ?fest ?name ?year ?q WHERE { GRAPH ?g {\n"
        "  ?sel rg:selectedFilm ?film ; rg:atFestival ?fest .\n"
        "  ?fest schema:name ?name .\n"
        "  OPTIONAL { ?sel rg:atEdition/rg:year ?year } }\n"
        "  OPTIONAL { ?fest owl:sameAs ?q } }"
    ):
        film = films.get(_v(row, "g") or "", {}).get(_v(row, "film") or "")
        if film is not None:
            year = _v(row, "year")
            entry = (
                _v(row, "fest") or "",
                _v(row, "name") or "",
                int(year[:4]) if year and year[:4].isdigit() else None,
                _v(row, "q"),
            )
            if entry not in film.festivals:
                film.festivals.append(entry)
    return films


def _extraction(graph: str, films: dict[str, _FilmRow]) -> Extraction:
    mentions = []
    for film in sorted(films.values(), key=lambda f: f.node):
        mentions.append(
            FilmMention(
                title=film.title,
                role="mentioned" if film.role == "mentioned" else "subject",
                original_title=film.original,
                year=film.year,
                wikidata=film.qid,
                directors=tuple(
                    Person(name, wikidata=_qid(q))
                    for rel, _, name, q in film.people
                    if rel == "director"
                ),
                cast=tuple(
                    CastMember(name, wikidata=_qid(q))
                    for rel, _, name, q in film.people
                    if rel == "actor"
                ),
                festivals=tuple(
                    FestivalMention(name, year=year, wikidata=_qid(q))
                    for _, name, year, q in film.festivals
                ),
            )
        )
    review = Review(id=graph, text="", source=graph, content_hash="")
    return Extraction(review=review, meta=ReviewMeta(), films=tuple(mentions))


def link_store(
    store: Store, *, client: WikidataClient, settings: Settings
) -> LinkStoreReport:
    """Link what the store holds unlinked; record new links in the entities graph.

    Args:
        store: an open store (embedded or remote).
        client: the Wikidata client.
        settings: base IRI.

    Returns:
        How many reviews were looked at, entities unlinked before, links added.

    Raises:
        WikidataError: the service failed; nothing was written.
    """
    report = LinkStoreReport()
    films = _read_films(store, settings)
    todo = {
        g: fs
        for g, fs in films.items()
        if any(
            f.qid is None
            or any(q is None for *_, q in f.people)
            or any(q is None for *_, q in f.festivals)
            for f in fs.values()
        )
    }
    report.reviews = len(todo)
    if not todo:
        return report
    graphs = sorted(todo)
    linked = link_extractions([_extraction(g, todo[g]) for g in graphs], client=client)
    out = Graph()
    for graph, extraction in zip(graphs, linked, strict=True):
        rows = sorted(todo[graph].values(), key=lambda f: f.node)
        for row, film in zip(rows, extraction.films, strict=True):
            decisions: list[tuple[str, str | None, Link | None]] = []
            if row.qid is None:
                decisions.append((row.node, film.wikidata, film.link))
            people = [p for p in row.people if p[0] == "director"] + [
                p for p in row.people if p[0] == "actor"
            ]
            mentions: list[Person | CastMember] = [*film.directors, *film.cast]
            for (_, node, _, q), mention in zip(people, mentions, strict=True):
                if q is None:
                    decisions.append((node, mention.wikidata, mention.link))
            for (node, _, _, q), fest in zip(
                row.festivals, film.festivals, strict=True
            ):
                if q is None:
                    decisions.append((node, fest.wikidata, fest.link))
            for node, qid, link in decisions:
                report.unlinked += 1
                if qid and link is not None and node not in report.linked:
                    _record(out, graph, node, qid, link, settings)
                    report.linked[node] = qid
    if len(out):
        store.add_to_graph(entities_graph_iri(base_iri=settings.base_iri), out)
    return report


def _record(
    out: Graph, graph: str, node: str, qid: str, link: Link, settings: Settings
) -> None:
    subject, target = URIRef(node), WD[qid]
    out.add((subject, OWL.sameAs, target))
    digest = hashlib.sha1(f"{graph}|{node}|late-link".encode()).hexdigest()[:20]
    ev = mint_iri("evidence", digest, base_iri=settings.base_iri)
    review = graph.replace("graph/review/", "id/review/", 1)
    out.add((ev, RDF.type, RG.Evidence))
    out.add((ev, RDF.subject, subject))
    out.add((ev, RDF.predicate, OWL.sameAs))
    out.add((ev, RDF.object, target))
    out.add((ev, PROV.wasDerivedFrom, URIRef(review)))
    out.add((ev, RG.extractor, Literal("link@1")))
    out.add(
        (ev, RG.confidence, Literal(f"{link.confidence:.3f}", datatype=XSD.decimal))
    )
    for reason in (*link.reasons, "late-link"):
        out.add((ev, RG.reason, Literal(reason)))
