"""Enrich: linked Wikidata items -> Wikidata facts about them, as wd:/wdt: triples.

Contract: :func:`enrich_items` fetches, through :mod:`graph.wikidata` and batched with
``VALUES``, the configured properties of the given items (films, people, festivals),
the editions of festivals, character roles of cast statements where the service has
statement nodes, and the English (and French) labels of every item and value. It
returns an rdflib Graph shaped as Wikidata has it (``wd:Q.. wdt:P57 wd:Q..``,
``rdfs:label``) plus provenance about the graph itself (``prov:wasDerivedFrom wd:``,
``dcterms:created``, ``prov:hadMember`` per enriched item); the caller stores it in the
named graph ``{base}graph/wikidata``, apart from what reviews state, so that a
disagreement is a join. :func:`enrich_store` finds the linked items of a store that
have not been enriched yet and finishes them (``reelgraph enrich``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDFS, XSD

from graph.build import wikidata_graph_iri
from graph.config import Settings
from graph.errors import WikidataError
from graph.namespaces import WD, WDT
from graph.wikidata import Binding, WikidataClient

if TYPE_CHECKING:
    from graph.store import Store

FILM_PROPS = (
    "P31", "P57", "P58", "P161", "P136", "P495", "P364", "P577", "P921", "P840",
    "P915", "P345", "P1476", "P5072", "P1344", "P166", "P1411", "P179", "P144",
)  # fmt: skip
PERSON_PROPS = ("P569", "P570", "P19", "P27", "P106", "P21")
FESTIVAL_PROPS = ("P17", "P276", "P571", "P856")
EDITION_PROPS = ("P31", "P179", "P361", "P393", "P585", "P580", "P582", "P276")
DEFAULT_PROPERTIES = tuple(dict.fromkeys(FILM_PROPS + PERSON_PROPS + FESTIVAL_PROPS))
PEOPLE_PROPS = ("P57", "P58", "P161")
LABEL_LANGS = ("en", "fr")
_PREFIXES = (
    "PREFIX wd: <http://www.wikidata.org/entity/>\n"
    "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
    "PREFIX p: <http://www.wikidata.org/prop/>\n"
    "PREFIX ps: <http://www.wikidata.org/prop/statement/>\n"
    "PREFIX pq: <http://www.wikidata.org/prop/qualifier/>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _term(value: dict[str, str]) -> URIRef | Literal | None:
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        return Literal(value["value"], datatype=URIRef(datatype) if datatype else None)
    return None  # blank nodes (unknown values) carry nothing to keep


def _qid(term: object) -> str | None:
    text = str(term)
    if text.startswith(str(WD) + "Q"):
        return text[len(str(WD)) :]
    return None


def enrich_items(
    qids: Iterable[str],
    *,
    client: WikidataClient,
    settings: Settings,
    properties: Sequence[str] | None = None,
    depth: int = 1,
) -> Graph:
    """Wikidata facts about ``qids`` as a wd:/wdt: shaped rdflib Graph.

    Args:
        qids: ``Q...`` ids (invalid ones are ignored).
        client: the Wikidata client (batch size, cache, offline).
        settings: for the base IRI of the provenance statement.
        properties: the ``P...`` ids to fetch (default: ``settings.extra
            ["wikidata_properties"]``, else :data:`DEFAULT_PROPERTIES`).
        depth: 1 fetches the items' own facts; 2 also the people (``P57``, ``P58``,
            ``P161``) of the items, with the person properties, and so on
            (default: ``settings.extra["wikidata_depth"]``, else 1).

    Returns:
        The facts, labels of items and values, and provenance.

    Raises:
        WikidataError: a query failed; nothing partial is returned.
    """
    props, depth = _configured(settings, properties, depth)
    graph = Graph()
    graph.bind("wd", WD)
    graph.bind("wdt", WDT)
    done: set[str] = set()
    todo = sorted({q for q in qids if q and q.startswith("Q") and q[1:].isdigit()})
    for level in range(max(1, depth)):
        if not todo:
            break
        _fetch_facts(todo, props, graph, client=client)
        _fetch_editions(todo, graph, client=client)
        _fetch_cast_roles(todo, graph, client=client)
        done.update(todo)
        if level + 1 >= depth:
            break
        todo = sorted(
            {
                q
                for p in PEOPLE_PROPS
                for o in graph.objects(None, WDT[p])
                if (q := _qid(o)) and q not in done
            }
        )
    _fetch_labels(graph, client=client)
    _add_provenance(graph, sorted(done), client=client, settings=settings)
    return graph


def _configured(
    settings: Settings, properties: Sequence[str] | None, depth: int
) -> tuple[tuple[str, ...], int]:
    """Property list and depth: arguments first, then ``settings.extra``, then defaults.

    ``settings.extra["wikidata_properties"]`` is a comma-separated list of ``P...`` ids
    and ``settings.extra["wikidata_depth"]`` an integer.
    """
    if properties is None and settings.extra.get("wikidata_properties"):
        properties = [
            p.strip() for p in settings.extra["wikidata_properties"].split(",")
        ]
    if properties is not None:
        bad = [p for p in properties if not (p.startswith("P") and p[1:].isdigit())]
        if bad:
            raise ValueError(f"Not Wikidata property ids: {bad}; use e.g. P57,P577.")
    extra_depth = settings.extra.get("wikidata_depth")
    if depth == 1 and extra_depth and extra_depth.isdigit():
        depth = int(extra_depth)
    return (tuple(properties) if properties is not None else DEFAULT_PROPERTIES), depth


def _fetch_facts(
    qids: Sequence[str], props: Sequence[str], graph: Graph, *, client: WikidataClient
) -> None:
    # FILTER IN, not VALUES ?p: Oxigraph picks a full scan for two VALUES blocks
    in_p = ", ".join(f"wdt:{p}" for p in props)
    for chunk in _chunks(qids, client.batch_size):
        values = " ".join(f"wd:{q}" for q in chunk)
        rows = client.select(
            f"{_PREFIXES}SELECT ?item ?p ?v WHERE {{\n"
            f"  VALUES ?item {{ {values} }}\n"
            f"  ?item ?p ?v .\n  FILTER(?p IN ({in_p}))\n}}"
        )
        _add_rows(graph, rows, ("item", "p", "v"))


def _fetch_editions(
    qids: Sequence[str], graph: Graph, *, client: WikidataClient
) -> None:
    festivals = sorted(
        q
        for q in qids
        if (WD[q], WDT.P31, WD.Q220505) in graph
        or (WD[q], WDT.P31, WD.Q868557) in graph
    )
    in_p = ", ".join(f"wdt:{p}" for p in EDITION_PROPS)
    for chunk in _chunks(festivals, client.batch_size):
        values = " ".join(f"wd:{q}" for q in chunk)
        rows = client.select(
            f"{_PREFIXES}SELECT ?edition ?p ?v WHERE {{\n"
            f"  VALUES ?festival {{ {values} }}\n"
            "  ?edition wdt:P179|wdt:P361 ?festival .\n  ?edition ?p ?v .\n"
            f"  FILTER(?p IN ({in_p}))\n}}"
        )
        _add_rows(graph, rows, ("edition", "p", "v"))


def _fetch_cast_roles(
    qids: Sequence[str], graph: Graph, *, client: WikidataClient
) -> None:
    """``p:P161`` statements with a character (``pq:P453``/``pq:P4633``) where present.

    Truthy-only mirrors have no statement nodes: the query answers nothing there.
    """
    films = sorted(q for q in qids if any(graph.objects(WD[q], WDT.P161)))
    for chunk in _chunks(films, client.batch_size):
        values = " ".join(f"wd:{q}" for q in chunk)
        rows = client.select(
            f"{_PREFIXES}SELECT ?item ?st ?actor ?role ?name WHERE {{\n"
            f"  VALUES ?item {{ {values} }}\n"
            "  ?item p:P161 ?st . ?st ps:P161 ?actor .\n"
            "  OPTIONAL { ?st pq:P453 ?role } OPTIONAL { ?st pq:P4633 ?name }\n"
            "  FILTER(BOUND(?role) || BOUND(?name))\n}"
        )
        p, ps, pq = (
            "http://www.wikidata.org/prop/",
            "http://www.wikidata.org/prop/statement/",
            "http://www.wikidata.org/prop/qualifier/",
        )
        for row in rows:
            item, st, actor = (_term(row.get(k, {})) for k in ("item", "st", "actor"))
            if not (isinstance(item, URIRef) and isinstance(st, URIRef) and actor):
                continue
            graph.add((item, URIRef(p + "P161"), st))
            graph.add((st, URIRef(ps + "P161"), actor))
            for var, prop in (("role", "P453"), ("name", "P4633")):
                value = _term(row[var]) if var in row else None
                if value is not None:
                    graph.add((st, URIRef(pq + prop), value))


def _fetch_labels(graph: Graph, *, client: WikidataClient) -> None:
    items = sorted(
        {q for term in graph.all_nodes() if (q := _qid(term)) and q.startswith("Q")}
    )
    langs = ", ".join(f'"{lang}"' for lang in LABEL_LANGS)
    for chunk in _chunks(items, client.batch_size):
        values = " ".join(f"wd:{q}" for q in chunk)
        rows = client.select(
            f"{_PREFIXES}SELECT ?x ?label WHERE {{\n  VALUES ?x {{ {values} }}\n"
            f"  ?x rdfs:label ?label .\n  FILTER(LANG(?label) IN ({langs}))\n}}"
        )
        for row in rows:
            subject, label = _term(row["x"]), _term(row["label"])
            if isinstance(subject, URIRef) and label is not None:
                graph.add((subject, RDFS.label, label))


def _add_rows(graph: Graph, rows: list[Binding], names: tuple[str, str, str]) -> None:
    for row in rows:
        s, p, o = (_term(row.get(n, {})) for n in names)
        if isinstance(s, URIRef) and isinstance(p, URIRef) and o is not None:
            graph.add((s, p, o))


def _add_provenance(
    graph: Graph, qids: Sequence[str], *, client: WikidataClient, settings: Settings
) -> None:
    node = URIRef(wikidata_graph_iri(base_iri=settings.base_iri))
    graph.add((node, PROV.wasDerivedFrom, URIRef(str(WD))))
    graph.add((node, DCTERMS.created, Literal(date.today(), datatype=XSD.date)))
    if client.is_http:
        graph.add((node, DCTERMS.source, URIRef(client.endpoint)))
    for q in qids:
        graph.add((node, PROV.hadMember, WD[q]))


@dataclass
class EnrichReport:
    """What :func:`enrich_store` did."""

    linked: dict[str, str] = field(default_factory=dict)
    pending: int = 0
    """Linked items still not enriched when the run ends (0 after a good run)."""
    enriched: list[str] = field(default_factory=list)
    triples: int = 0
    problem: str | None = None
    started: str = field(
        default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds")
    )


def pending_items(store: Store, *, settings: Settings) -> list[str]:
    """QIDs linked by ``owl:sameAs`` in ``store`` and not yet enriched."""
    graph_iri = wikidata_graph_iri(base_iri=settings.base_iri)
    query = (
        f"SELECT DISTINCT ?q WHERE {{\n  ?e <{OWL.sameAs}> ?q .\n"
        f'  FILTER(STRSTARTS(STR(?q), "{WD}Q"))\n'
        f"  FILTER NOT EXISTS {{ GRAPH <{graph_iri}> {{ <{graph_iri}> "
        f"<{PROV.hadMember}> ?q }} }}\n}}"
    )
    found = set()
    for row in store.query(query):
        q = _qid(getattr(row["q"], "value", row["q"]))
        if q:
            found.add(q)
    return sorted(found)


def enrich_store(
    store: Store, *, client: WikidataClient, settings: Settings, link: bool = True
) -> EnrichReport:
    """Link what is unlinked, then enrich every linked item not enriched yet.

    Linking first (:func:`graph.link_store.link_store`) finishes reviews ingested
    while Wikidata was unreachable. Failures are reported, never raised: the store
    keeps what it has and the items stay pending for the next run.

    Args:
        store: an open store (``graph.store.GraphStore`` or a remote one).
        client: the Wikidata client.
        settings: base IRI, batch size.
        link: also link unlinked entities first.

    Returns:
        Links added, items pending, which were enriched, triples added, the problem.
    """
    from graph.link_store import link_store

    report = EnrichReport()
    if link:
        try:
            report.linked = link_store(store, client=client, settings=settings).linked
        except WikidataError as exc:
            report.problem = f"{exc} (unlinked entities stay unlinked)"
            return report
    pending = pending_items(store, settings=settings)
    report.pending = len(pending)
    if not pending:
        return report
    try:
        facts = enrich_items(pending, client=client, settings=settings)
    except WikidataError as exc:
        report.problem = f"{exc} ({len(pending)} items stay pending)"
        return report
    graph_iri = wikidata_graph_iri(base_iri=settings.base_iri)
    report.triples = store.add_to_graph(graph_iri, facts)
    report.enriched = pending
    report.pending = 0  # what still waits after this run
    return report
