"""Namespaces: our ontology terms and the one prefix map used everywhere.

``RG`` is a closed :class:`rdflib.namespace.DefinedNamespace`: using a term that
``ontology/reelgraph.ttl`` does not declare fails at once (``_fail = True``), and a test
checks that both lists agree.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    VOID,
    XSD,
    DefinedNamespace,
)

ONTOLOGY_IRI = "https://w3id.org/reelgraph/ontology#"


class RG(DefinedNamespace):
    """reelgraph's own terms, minted only where schema.org, PROV-O and SKOS lack one."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # classes
    Festival: URIRef
    FestivalEdition: URIRef
    Selection: URIRef
    Evidence: URIRef
    Verdict: URIRef

    # film
    originalTitle: URIRef
    year: URIRef
    castRole: URIRef
    theme: URIRef
    narrativeLocation: URIRef

    # festival and selection
    ordinal: URIRef
    selectedFilm: URIRef
    atEdition: URIRef
    atFestival: URIRef
    section: URIRef
    award: URIRef

    # review
    verdict: URIRef
    contentHash: URIRef
    source: URIRef
    extractorVersion: URIRef

    # evidence (provenance of one fact)
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    extractor: URIRef
    confidence: URIRef
    reason: URIRef

    # verdict values and their scheme
    verdicts: URIRef
    positive: URIRef
    negative: URIRef
    mixed: URIRef


WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
SCHEMA = SDO

PREFIXES: dict[str, str] = {
    "rg": ONTOLOGY_IRI,
    "schema": str(SDO),
    "prov": str(PROV),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sh": str(SH),
    "dcterms": str(DCTERMS),
    "dcat": str(DCAT),
    "void": str(VOID),
    "wd": str(WD),
    "wdt": str(WDT),
    "p": str(P),
    "ps": str(PS),
    "pq": str(PQ),
}
"""The one prefix map: exports, queries and the endpoint all use it."""


def sparql_prefixes() -> str:
    """The PREFIX lines for :data:`PREFIXES`, for queries built in code."""
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in sorted(PREFIXES.items()))
