"""Describe stage: what the store holds, for people and for Wikidata.

- :func:`describe_dataset`: a VoID + DCAT description (triples, entities, classes,
  graphs, licence, SPARQL endpoint) for ``reelgraph describe``; deterministic.
- :func:`quickstatements`: QuickStatements (V1) lines for linked facts that the
  Wikidata graph does not state yet, each citing the review URL (``S854``), for
  ``reelgraph export --format wikidata-qs``.

Both only read through ``store.query`` with explicit ``GRAPH`` patterns, so they work
the same on the embedded store and on a remote server whose default graph is not the
union of its graphs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.config import DEFAULT_BASE_IRI
from graph.export import clean_text
from graph.namespaces import PREFIXES, sparql_prefixes

if TYPE_CHECKING:
    from rdflib import Graph

    from graph.store import Store

__all__ = ["describe_dataset", "quickstatements"]


# --- QuickStatements ------------------------------------------------------------------

_QS_LINKS = """
SELECT ?item ?prop ?value ?character ?url WHERE {
  VALUES (?p ?prop ?wdt) {
    (schema:director "P57" wdt:P57) (schema:actor "P161" wdt:P161)
    (rg:narrativeLocation "P840" wdt:P840) (rg:theme "P921" wdt:P921)
  }
  GRAPH ?g { ?film a schema:Movie ; ?p ?o }
  GRAPH ?g1 { ?film owl:sameAs ?item }
  GRAPH ?g2 { ?o owl:sameAs ?value }
  FILTER NOT EXISTS { GRAPH ?gw { ?item ?wdt ?value } }
  OPTIONAL { GRAPH ?g { ?film rg:castRole ?role . ?role schema:actor ?o ;
                          schema:characterName ?character } }
  OPTIONAL { GRAPH ?g { ?review a schema:Review ; schema:url ?url } }
  %FILTER%
}"""

_QS_DATES = """
SELECT ?item ?date ?url WHERE {
  GRAPH ?g { ?film a schema:Movie ; schema:datePublished ?date }
  FILTER(DATATYPE(?date) = xsd:date)
  GRAPH ?g1 { ?film owl:sameAs ?item }
  FILTER NOT EXISTS { GRAPH ?gw { ?item wdt:P577 ?d }
                      FILTER(SUBSTR(STR(?d), 1, 10) = STR(?date)) }
  OPTIONAL { GRAPH ?g { ?review a schema:Review ; schema:url ?url } }
  %FILTER%
}"""


def _qid(term: Any) -> str | None:
    value = getattr(term, "value", "")
    match = re.fullmatch(r"http://www\.wikidata\.org/entity/(Q[1-9][0-9]*)", value)
    return match.group(1) if match else None


def _qs_string(value: str) -> str:
    # QuickStatements has no escapes: tabs and newlines split fields, quotes end
    # strings.
    return '"' + re.sub(r"[\t\r\n]+", " ", clean_text(value)).replace('"', "'") + '"'


def quickstatements(store: Store, *, graph: str | None = None) -> list[str]:
    """QuickStatements (V1) for linked facts that the Wikidata graph does not state.

    Covers director (P57), cast member (P161, with character name P4633), narrative
    location (P840), main subject (P921) and publication date (P577), between entities
    linked by ``owl:sameAs wd:Q..``. Each line cites the review's URL (``S854``) when
    the review has one. Lines are sorted and unique.

    Args:
        store: embedded or remote store.
        graph: only facts stated in this review graph (``None``: every graph).
    """
    where = f"FILTER(?g = <{graph}>)" if graph else ""
    best: dict[tuple[str, str, str], tuple[str, str]] = {}
    for row in store.query(sparql_prefixes() + _QS_LINKS.replace("%FILTER%", where)):
        item, value = _qid(row["item"]), _qid(row["value"])
        if not item or not value:
            continue
        # Only cast statements take the character qualifier (Virtuoso mishandles a
        # FILTER inside the OPTIONAL, so the check is made here).
        cast = row["prop"].value == "P161" and row["character"] is not None
        extra = row["character"].value if cast else ""
        url = row["url"].value if row["url"] else ""
        key = (item, row["prop"].value, value)
        best[key] = min(best.get(key, (extra, url)), (extra, url))
    for row in store.query(sparql_prefixes() + _QS_DATES.replace("%FILTER%", where)):
        item = _qid(row["item"])
        if item:
            key = (item, "P577", f"+{row['date'].value}T00:00:00Z/11")
            url = row["url"].value if row["url"] else ""
            best[key] = min(best.get(key, ("", url)), ("", url))
    lines = []
    for (item, prop, value), (character, url) in sorted(best.items()):
        fields = [item, prop, value]
        if character:
            fields += ["P4633", _qs_string(character)]
        if url.startswith(("http://", "https://")):
            fields += ["S854", _qs_string(url)]
        lines.append("\t".join(fields))
    return lines


# --- VoID / DCAT description ---------------------------------------------------------


def describe_dataset(
    store: Store,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    sparql_endpoint: str | None = None,
    licence: str = "https://creativecommons.org/licenses/by/4.0/",
) -> Graph:
    """A VoID + DCAT description of the store: size, entities, classes, graphs.

    Only graphs under ``{base_iri}graph/`` count, so a shared server's other data
    (or Virtuoso's system graphs) stays out. The result has no timestamps, so the same
    store gives the same description.

    Returns:
        an ``rdflib.Graph`` about ``{base_iri}dataset``.
    """
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

    scope = f"FILTER(STRSTARTS(STR(?g), {ox.Literal(base_iri + 'graph/')}))"
    ids = ox.Literal(base_iri + "id/")

    def number(sparql: str) -> int:
        rows = list(store.query(sparql))
        return int(rows[0]["n"].value) if rows and rows[0]["n"] else 0

    dataset = URIRef(base_iri + "dataset")
    out = Graph()
    for prefix in ("void", "dcat", "dcterms", "rg", "schema", "xsd"):
        out.bind(prefix, PREFIXES[prefix])
    add = out.add
    add((dataset, RDF.type, VOID.Dataset))
    add((dataset, RDF.type, DCAT.Dataset))
    add(
        (
            dataset,
            DCTERMS.title,
            Literal("reelgraph knowledge graph of film reviews", lang="en"),
        )
    )
    add(
        (
            dataset,
            DCTERMS.description,
            Literal(
                "Films, people, festival editions, themes and places stated by film "
                "reviews, "
                "each fact traceable to its sentence, linked to Wikidata.",
                lang="en",
            ),
        )
    )
    add((dataset, DCTERMS.license, URIRef(licence)))
    add((dataset, VOID.uriSpace, Literal(base_iri + "id/")))
    for vocab in ("rg", "schema", "prov", "skos", "owl"):
        add((dataset, VOID.vocabulary, URIRef(PREFIXES[vocab])))
    if sparql_endpoint:
        add((dataset, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
    for form in ("Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML"):
        add((dataset, VOID.feature, URIRef(f"http://www.w3.org/ns/formats/{form}")))

    def count(n: int) -> Literal:
        return Literal(n, datatype=XSD.integer)

    triples = number(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
        f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {scope} }} }}"
    )
    entities = number(
        f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} "
        f"{scope} FILTER(STRSTARTS(STR(?s), {ids})) }}"
    )
    add((dataset, VOID.triples, count(triples)))
    add((dataset, VOID.entities, count(entities)))
    classes = list(
        store.query(
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } "
            f"{scope} FILTER(ISIRI(?c)) }} GROUP BY ?c ORDER BY ?c"
        )
    )
    add((dataset, VOID.classes, count(len(classes))))
    for row in classes:
        part = URIRef(f"{dataset}/class/{_local(row['c'].value)}")
        add((dataset, VOID.classPartition, part))
        add((part, VOID["class"], URIRef(row["c"].value)))
        add((part, VOID.entities, count(int(row["n"].value))))
    graphs = list(
        store.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f"{scope} }} GROUP BY ?g ORDER BY ?g"
        )
    )
    for row in graphs:
        subset = URIRef(row["g"].value)
        add((dataset, VOID.subset, subset))
        add((subset, RDF.type, VOID.Dataset))
        add((subset, VOID.triples, count(int(row["n"].value))))
    return out


def _local(iri: str) -> str:
    """A readable, IRI-safe name for a class partition (``schema-Movie``)."""
    for prefix, ns in sorted(PREFIXES.items()):
        if iri.startswith(ns):
            return f"{prefix}-{iri[len(ns) :]}"
    return re.sub(r"[^A-Za-z0-9_-]+", "-", iri).strip("-")
