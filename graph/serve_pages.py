"""Serve stage, answers: content negotiation, query answers and entity pages.

These functions run inside a query worker (see ``serve_worker.py``) and return bytes
ready to send. Content negotiation follows the request's ``Accept`` header (with ``q``
weights) unless an explicit ``format`` was given; an Accept that names nothing we
write gets each result kind's default (SPARQL JSON, Turtle) rather than a 406, which
is what SPARQL clients with odd headers expect. Entity pages are HTML built here with
every value escaped; RDF clients get the entity's neighbourhood as Turtle, JSON-LD,
N-Triples or RDF/XML from the same URL.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.config import QUERIES_DIR, Settings
from graph.errors import QueryError
from graph.query import NamedQuery, load_query, run_query
from graph.query_format import format_result

if TYPE_CHECKING:
    from graph.serve_worker import Job, Reply

__all__ = ["MEDIA_TYPES", "answer_entity", "answer_query", "negotiate"]

MEDIA_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "table": "text/plain",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "html": "text/html",
}
"""Format name -> the media type it is sent with."""

_SOLUTION_ACCEPT = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/plain": "table",
}
_GRAPH_ACCEPT = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
}
_PAGE_ACCEPT = {"text/html": "html", "application/xhtml+xml": "html"} | {
    k: v for k, v in _GRAPH_ACCEPT.items() if k not in {"application/json", "text/xml"}
}
_DEFAULT = {"select": "json", "ask": "json", "graph": "turtle", "page": "html"}
_TABLES = {"select": _SOLUTION_ACCEPT, "ask": _SOLUTION_ACCEPT, "graph": _GRAPH_ACCEPT}
_NAME_PROPS = (
    "https://schema.org/name",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
)


def parse_accept(accept: str) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first (stable for equal weights).

    Example:
        >>> parse_accept("text/html;q=0.5, text/turtle")
        [('text/turtle', 1.0), ('text/html', 0.5)]
    """
    ranges: list[tuple[str, float, int]] = []
    for index, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        weight = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if weight > 0:
            ranges.append((media, weight, index))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, weight) for media, weight, _ in ranges]


def negotiate(accept: str | None, kind: str, fmt: str | None = None) -> str:
    """The format name to answer with, for a result ``kind`` (select/ask/graph/page).

    Example:
        >>> negotiate("text/csv", "select")
        'csv'
        >>> negotiate("text/html,*/*;q=0.8", "graph")
        'turtle'
    """
    table = _PAGE_ACCEPT if kind == "page" else _TABLES[kind]
    if fmt:
        wanted = fmt.lower()
        if wanted in table.values():
            return wanted
        raise QueryError(
            f"Format '{fmt}' does not fit this result. "
            f"Choose one of: {', '.join(sorted(set(table.values())))}."
        )
    for media, _ in parse_accept(accept or ""):
        if media in table:
            return table[media]
        if media in {"*/*", "application/*", "text/*"}:
            return _DEFAULT[kind]
    return _DEFAULT[kind]


def content_type(fmt: str) -> str:
    """The Content-Type header for a format name (UTF-8 for text)."""
    return f"{MEDIA_TYPES[fmt]}; charset=utf-8"


def answer_query(store: Any, job: Job) -> Reply:
    """Run a SPARQL query job and serialise it as negotiated."""
    from graph.serve_worker import Reply

    named = NamedQuery("query", "query", "", (), None, job.text)
    result = run_query(store, named, bindings=job.bindings, max_results=job.max_results)
    fmt = negotiate(job.accept, result.kind, job.fmt)
    body = format_result(result, fmt).encode("utf-8")
    return Reply(200, content_type(fmt), body, truncated=result.truncated)


_OUT = """PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?p ?o ?label ?entity WHERE {
  ?entity ?p ?o .
  OPTIONAL { ?o schema:name|skos:prefLabel|rdfs:label ?label }
} ORDER BY ?p ?o"""

_IN = """PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rg: <https://w3id.org/reelgraph/ontology#>
SELECT DISTINCT ?s ?p ?label ?entity WHERE {
  ?s ?p ?entity .
  FILTER NOT EXISTS { ?s a rg:Evidence }
  OPTIONAL { ?s schema:name|skos:prefLabel|rdfs:label ?label }
} ORDER BY ?p ?s"""

_EVIDENCE = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rg: <https://w3id.org/reelgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?p ?sentence ?review ?extractor ?confidence ?entity WHERE {
  ?ev a rg:Evidence ;
      rdf:predicate ?p ;
      rg:sentence ?sentence .
  { ?ev rdf:subject ?entity } UNION { ?ev rdf:object ?entity }
  OPTIONAL { ?ev prov:wasDerivedFrom ?review }
  OPTIONAL { ?ev rg:extractor ?extractor }
  OPTIONAL { ?ev rg:confidence ?confidence }
} ORDER BY ?p ?review"""


def answer_entity(store: Any, job: Job, settings: Settings) -> Reply:
    """An entity page (HTML) or its neighbourhood as RDF, 404 when unknown."""
    from graph.serve_worker import Reply

    fmt = negotiate(job.accept, "page", job.fmt)
    entity = ox.NamedNode(job.iri)
    if fmt != "html":
        neighbourhood = load_query("entity-neighbourhood", directory=QUERIES_DIR)
        result = run_query(
            store,
            neighbourhood,
            bindings={"entity": entity},
            max_results=job.max_results,
        )
        if not result.triples:
            return _not_found(job)
        body = format_result(result, fmt).encode("utf-8")
        return Reply(200, content_type(fmt), body, truncated=result.truncated)
    cap = min(job.max_results, 2000)
    out = run_query(store, _OUT, bindings={"entity": entity}, max_results=cap)
    incoming = run_query(store, _IN, bindings={"entity": entity}, max_results=cap)
    if not out.rows and not incoming.rows:
        return _not_found(job)
    evidence = run_query(store, _EVIDENCE, bindings={"entity": entity}, max_results=cap)
    page = render_entity_page(
        job.iri,
        out.rows,
        incoming.rows,
        evidence.rows,
        base_iri=settings.base_iri,
        path=job.path,
    )
    return Reply(200, content_type("html"), page.encode("utf-8"))


def _not_found(job: Job) -> Reply:
    from graph.serve_worker import Reply

    text = f"Nothing is known about <{job.iri}> in this store.\n"
    return Reply(404, "text/plain; charset=utf-8", text.encode("utf-8"))


def local_path(iri: str, base_iri: str) -> str | None:
    """The server path of a local entity IRI (``{base}id/...`` -> ``/id/...``)."""
    if iri.startswith(base_iri + "id/"):
        return "/" + iri[len(base_iri) :]
    return None


def _short(iri: str) -> str:
    from graph.namespaces import PREFIXES

    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _term_html(term: Any, label: Any, base_iri: str) -> str:
    esc = html.escape
    if isinstance(term, ox.NamedNode):
        path = local_path(term.value, base_iri)
        text = (
            label.value
            if isinstance(label, ox.Literal)
            else (path[len("/id/") :] if path else _short(term.value))
        )
        if path:
            return f'<a class="local" href="{esc(path)}">{esc(text)}</a>'
        return (
            f'<a class="external" href="{esc(term.value)}" rel="noopener noreferrer"'
            f' title="{esc(term.value)}">{esc(text)}</a>'
        )
    if isinstance(term, ox.Literal):
        extra = ""
        if term.language:
            extra = f' <span class="lang">@{esc(term.language)}</span>'
        elif not term.datatype.value.endswith("#string"):
            extra = f' <span class="dt">{esc(_short(term.datatype.value))}</span>'
        return f'<span class="literal">{esc(term.value)}</span>{extra}'
    return f'<span class="bnode">{esc(str(term))}</span>'


def render_entity_page(
    iri: str,
    outgoing: list[tuple[Any, ...]],
    incoming: list[tuple[Any, ...]],
    evidence: list[tuple[Any, ...]],
    *,
    base_iri: str,
    path: str,
) -> str:
    """The HTML of an entity page: statements, back-links, evidence, a network."""
    esc = html.escape
    label = next(
        (o.value for p, o, *_ in outgoing if p.value in _NAME_PROPS and o is not None),
        _short(iri),
    )
    types = [
        _term_html(o, lab, base_iri)
        for p, o, lab, *_ in outgoing
        if p.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    ]
    out_rows = "".join(
        f"<tr><th>{esc(_short(p.value))}</th>"
        f"<td>{_term_html(o, lab, base_iri)}</td></tr>"
        for p, o, lab, *_ in outgoing
    )
    in_rows = "".join(
        f"<tr><td>{_term_html(s, lab, base_iri)}</td><th>{esc(_short(p.value))}</th>"
        "</tr>"
        for s, p, lab, *_ in incoming
    )
    items = []
    for p, sentence, review, extractor, confidence, *_ in evidence:
        source = _term_html(review, None, base_iri) if review is not None else ""
        meta = " · ".join(
            x
            for x in (
                esc(_short(p.value)),
                source,
                esc(extractor.value) if extractor is not None else "",
                f"confidence {esc(confidence.value)}" if confidence is not None else "",
            )
            if x
        )
        items.append(
            f"<li><blockquote>{esc(sentence.value)}</blockquote>"
            f'<p class="meta">{meta}</p></li>'
        )
    evidence_html = (
        f'<ul class="evidence">{"".join(items)}</ul>'
        if items
        else "<p>No sentence states a fact about it.</p>"
    )
    source = f"{path}?format=ntriples"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(label)} · reelgraph</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/style.css">
<link rel="stylesheet" href="/assets/vis-network.css">
<link rel="alternate" type="text/turtle" href="{esc(path)}?format=turtle">
<link rel="alternate" type="application/ld+json" href="{esc(path)}?format=jsonld">
</head>
<body class="entity-page">
<header class="bar"><a class="brand" href="/">reelgraph</a>
<span class="crumb">entity</span></header>
<main class="entity">
<h1 id="entity-label">{esc(label)}</h1>
<p class="iri"><code>{esc(iri)}</code></p>
<p class="types">{" ".join(types)}</p>
<p class="formats">As RDF: <a href="{esc(path)}?format=turtle">Turtle</a> ·
<a href="{esc(path)}?format=jsonld">JSON-LD</a> ·
<a href="{esc(path)}?format=ntriples">N-Triples</a></p>
<section><h2>Statements</h2><table class="props">{out_rows}</table></section>
<section><h2>Referenced by</h2>
<table class="props">{in_rows or "<tr><td>Nothing points here.</td></tr>"}</table>
</section>
<section><h2>Where the reviews say it</h2>{evidence_html}</section>
<section><h2>Neighbourhood</h2>
<div id="network" class="network" data-source="{esc(source)}"
 data-focus="{esc(iri)}"></div></section>
</main>
<script src="/assets/vis-network.min.js"></script>
<script src="/assets/graph.js"></script>
<script src="/assets/entity.js"></script>
</body>
</html>
"""
