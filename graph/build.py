"""Build stage: an :class:`~graph.models.Extraction` -> an rdflib graph of its facts.

This is the only module that mints IRIs. An IRI is ``{base}id/{kind}/{key}`` where
``key`` is the Wikidata id of a linked entity (so the same item is the same node across
reviews) and otherwise a slug of the normalised name (so an unlinked entity keeps a
stable IRI and can be linked later). Entities are never blank nodes.

Every fact that comes from the text gets an ``rg:Evidence`` node (an ``rdf:Statement``)
naming the fact, the review, the sentence, the character offsets, the extractor and a
confidence, so that SPARQL can answer "where does it say that?".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, SKOS, XSD
from rdflib.term import Node

from graph.config import DEFAULT_BASE_IRI
from graph.export import clean_text
from graph.ingest import slugify
from graph.models import (
    CastMember,
    Evidence,
    Extraction,
    FestivalMention,
    FilmMention,
    Link,
    Person,
    Place,
    Theme,
)
from graph.namespaces import PREFIXES, RG, SCHEMA, WD

KINDS = frozenset(
    {
        "film",
        "person",
        "festival",
        "edition",
        "selection",
        "role",
        "review",
        "theme",
        "place",
        "organization",
        "evidence",
    }
)
WIKIDATA_GRAPH = "graph/wikidata"
ENTITIES_GRAPH = "graph/entities"
_QID = re.compile(r"^Q[1-9][0-9]*$")


def mint_iri(
    kind: str, key: str, *more: str, base_iri: str = DEFAULT_BASE_IRI
) -> URIRef:
    """The IRI of an entity of ``kind`` whose key is ``key`` (a QID or a name).

    A QID is kept as it is; anything else is slugified, so the same name always gives
    the same IRI. Nodes that tie entities together (a cast role, a selection) take
    several key parts, joined by ``--``: slugs never contain ``--``, so such composite
    keys stay unambiguous.

    Example:
        >>> str(mint_iri("film", "Les Petites Victoires"))
        'https://w3id.org/reelgraph/id/film/les-petites-victoires'
        >>> str(mint_iri("person", "Q1398256"))
        'https://w3id.org/reelgraph/id/person/Q1398256'
        >>> str(mint_iri("role", "les-petites-victoires", "Julia Piaton", "Alice"))
        'https://w3id.org/reelgraph/id/role/les-petites-victoires--julia-piaton--alice'
    """
    if kind not in KINDS:
        raise ValueError(f"unknown IRI kind {kind!r}; use one of {sorted(KINDS)}")
    local = "--".join(p if _QID.match(p) else slugify(p) for p in (key, *more))
    return URIRef(f"{base_iri}id/{kind}/{local}")


def review_graph_prefix(*, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """What every review graph's IRI starts with (the review id follows)."""
    return f"{base_iri}graph/review/"


def review_graph_iri(review_id: str, *, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """The named graph holding every fact one review states."""
    return review_graph_prefix(base_iri=base_iri) + slugify(review_id)


def wikidata_graph_iri(*, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """The named graph of facts imported from Wikidata."""
    return base_iri + WIKIDATA_GRAPH


def entities_graph_iri(*, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """The named graph of link and merge records shared by all reviews."""
    return base_iri + ENTITIES_GRAPH


def _key(name: str, wikidata: str | None) -> str:
    return wikidata if wikidata and _QID.match(wikidata) else name


class _Builder:
    """Accumulates one review's triples; keeps the minting and evidence in one place."""

    def __init__(self, extraction: Extraction, base_iri: str) -> None:
        self.x = extraction
        self.base = base_iri
        self.g = Graph()
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.review = self.iri("review", extraction.review.id)

    def iri(self, kind: str, key: str, *more: str) -> URIRef:
        return mint_iri(kind, key, *more, base_iri=self.base)

    def add(self, s: Node, p: Node, o: Node, evidence: Iterable[Evidence] = ()) -> None:
        self.g.add((s, p, o))
        for ev in evidence:
            self.evidence(s, p, o, ev)

    def evidence(self, s: Node, p: Node, o: Node, ev: Evidence) -> None:
        digest = hashlib.sha1(
            f"{self.x.review.id}|{s}|{p}|{o}|{ev.start}|{ev.end}|{ev.extractor}".encode()
        ).hexdigest()[:20]
        node = self.iri("evidence", digest)
        g = self.g
        g.add((node, RDF.type, RG.Evidence))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        g.add((node, PROV.wasDerivedFrom, self.review))
        g.add((node, RG.sentence, _text(ev.sentence)))
        g.add((node, RG.startOffset, Literal(ev.start, datatype=XSD.integer)))
        g.add((node, RG.endOffset, Literal(ev.end, datatype=XSD.integer)))
        g.add((node, RG.extractor, _text(ev.extractor)))
        self.confidence(node, ev.confidence)

    def confidence(self, evidence: URIRef, value: float) -> None:
        """Set an evidence node's one confidence, keeping the highest when the same
        statement is supported twice (the same span found by two paths, the same
        entity linked from two mentions)."""
        current = self.g.value(evidence, RG.confidence)
        if current is not None:
            if float(str(current)) >= value:
                return
            self.g.remove((evidence, RG.confidence, None))
        self.g.add((evidence, RG.confidence, _decimal(value)))

    def link(self, node: URIRef, qid: str | None, link: Link | None) -> None:
        """``owl:sameAs wd:Q..`` plus the linker's decision as evidence."""
        if not qid:
            return
        target = WD[qid]
        self.g.add((node, OWL.sameAs, target))
        if link is None:
            return
        digest = hashlib.sha1(f"{self.x.review.id}|{node}|link".encode()).hexdigest()
        ev = self.iri("evidence", digest[:20])
        g = self.g
        g.add((ev, RDF.type, RG.Evidence))
        g.add((ev, RDF.subject, node))
        g.add((ev, RDF.predicate, OWL.sameAs))
        g.add((ev, RDF.object, target))
        g.add((ev, PROV.wasDerivedFrom, self.review))
        g.add((ev, RG.extractor, Literal("link@1")))
        self.confidence(ev, link.confidence)
        for reason in link.reasons:
            g.add((ev, RG.reason, _text(reason)))

    # --- entities -------------------------------------------------------------------

    def person(self, name: str, qid: str | None, link: Link | None) -> URIRef:
        node = self.iri("person", _key(name, qid))
        self.g.add((node, RDF.type, SCHEMA.Person))
        self.g.add((node, SCHEMA.name, _text(name)))
        self.link(node, qid, link)
        return node

    def film(self, film: FilmMention) -> URIRef:
        node = self.iri("film", _key(film.original_title or film.title, film.wikidata))
        g = self.g
        g.add((node, RDF.type, SCHEMA.Movie))
        lang = self.x.meta.language or self.x.review.language
        self.add(node, SCHEMA.name, _text(film.title), film.evidence)
        if film.original_title and film.original_title != film.title:
            self.add(node, RG.originalTitle, _text(film.original_title), film.evidence)
        if film.year:
            self.add(node, RG.year, Literal(f"{film.year:04d}", datatype=XSD.gYear))
        predicate = SCHEMA.itemReviewed if film.role == "subject" else SCHEMA.mentions
        self.add(self.review, predicate, node, film.evidence)
        self.link(node, film.wikidata, film.link)
        for director in film.directors:
            self.director(node, director)
        for member in film.cast:
            self.cast(node, member)
        for festival in film.festivals:
            self.festival(node, festival)
        if film.release_date:
            value = _date_literal(film.release_date.date)
            self.add(node, SCHEMA.datePublished, value, film.release_date.evidence)
        for theme in film.themes:
            self.theme(node, theme, lang)
        for place in film.places:
            self.place(node, place)
        return node

    def director(self, film: URIRef, person: Person) -> None:
        node = self.person(person.name, person.wikidata, person.link)
        self.add(film, SCHEMA.director, node, person.evidence)

    def cast(self, film: URIRef, member: CastMember) -> None:
        actor = self.person(member.actor, member.wikidata, member.link)
        self.add(film, SCHEMA.actor, actor, member.evidence)
        film_key = str(film).rsplit("/", 1)[-1]
        actor_key = str(actor).rsplit("/", 1)[-1]
        character = member.character or ""
        role = self.iri("role", film_key, actor_key, character or "x")
        g = self.g
        g.add((film, RG.castRole, role))
        g.add((role, RDF.type, SCHEMA.PerformanceRole))
        g.add((role, SCHEMA.actor, actor))
        if character:
            self.add(role, SCHEMA.characterName, _text(character), member.evidence)

    def festival(self, film: URIRef, mention: FestivalMention) -> None:
        g = self.g
        festival = self.iri("festival", _key(mention.name, mention.wikidata))
        g.add((festival, RDF.type, RG.Festival))
        g.add((festival, SCHEMA.name, _text(mention.name)))
        self.link(festival, mention.wikidata, mention.link)
        festival_key = str(festival).rsplit("/", 1)[-1]
        film_key = str(film).rsplit("/", 1)[-1]
        edition = None
        if mention.year or mention.ordinal:
            suffix = str(mention.year) if mention.year else f"n{mention.ordinal}"
            edition = self.iri("edition", f"{festival_key}-{suffix}")
            g.add((edition, RDF.type, RG.FestivalEdition))
            g.add((edition, SCHEMA.superEvent, festival))
            label = f"{mention.name} {mention.year or ''}".strip()
            if not mention.year and mention.ordinal:
                label = f"{mention.name} (edition {mention.ordinal})"
            g.add((edition, SCHEMA.name, _text(label)))
            self.link(edition, mention.edition_wikidata, None)
            if mention.year:
                g.add(
                    (edition, RG.year, Literal(str(mention.year), datatype=XSD.gYear))
                )
            if mention.ordinal:
                g.add(
                    (
                        edition,
                        RG.ordinal,
                        Literal(mention.ordinal, datatype=XSD.integer),
                    )
                )
        at = edition if edition is not None else festival
        at_key = str(at).rsplit("/", 1)[-1]
        selection = self.iri("selection", film_key, at_key)
        g.add((selection, RDF.type, RG.Selection))
        self.add(selection, RG.selectedFilm, film, mention.evidence)
        g.add((selection, RG.atFestival, festival))
        if edition is not None:
            self.add(selection, RG.atEdition, edition, mention.evidence)
        if mention.section:
            self.add(selection, RG.section, _text(mention.section), mention.evidence)
        if mention.award:
            self.add(selection, RG.award, _text(mention.award), mention.evidence)

    def theme(self, film: URIRef, theme: Theme, lang: str | None) -> None:
        node = self.iri("theme", _key(theme.label, theme.wikidata))
        self.g.add((node, RDF.type, SKOS.Concept))
        self.g.add((node, SKOS.prefLabel, _text(theme.label, lang=lang or None)))
        self.link(node, theme.wikidata, None)
        self.add(film, RG.theme, node, theme.evidence)

    def place(self, film: URIRef, place: Place) -> None:
        node = self.place_node(place.name, place.wikidata)
        if place.within:
            outer = self.place_node(place.within, None)
            self.add(node, SCHEMA.containedInPlace, outer, place.evidence)
        self.add(film, RG.narrativeLocation, node, place.evidence)

    def place_node(self, name: str, qid: str | None) -> URIRef:
        node = self.iri("place", _key(name, qid))
        self.g.add((node, RDF.type, SCHEMA.Place))
        self.g.add((node, SCHEMA.name, _text(name)))
        self.link(node, qid, None)
        return node

    # --- the review -----------------------------------------------------------------

    def review_node(self) -> None:
        x, g, node = self.x, self.g, self.review
        review = x.review
        g.add((node, RDF.type, SCHEMA.Review))
        g.add((node, RG.source, _text(review.source)))
        g.add((node, RG.contentHash, Literal(review.content_hash)))
        if x.extractor_version:
            g.add((node, RG.extractorVersion, Literal(x.extractor_version)))
        if review.headline:
            g.add((node, SCHEMA.headline, _text(review.headline)))
        language = x.meta.language or review.language
        if language:
            g.add((node, SCHEMA.inLanguage, _text(language)))
        url = x.meta.url or review.url
        if url:
            g.add((node, SCHEMA.url, Literal(url, datatype=XSD.anyURI)))
        date = x.meta.date or review.date
        if date and _ISO_DATE.match(date):
            g.add((node, SCHEMA.datePublished, _date_literal(date)))
        critic = x.meta.critic or review.critic
        if critic:
            g.add((node, SCHEMA.author, self.person(critic, None, None)))
        publication = x.meta.publication or review.publication
        if publication:
            org = self.iri("organization", publication)
            g.add((org, RDF.type, SCHEMA.Organization))
            g.add((org, SCHEMA.name, _text(publication)))
            g.add((node, SCHEMA.publisher, org))
        if x.meta.verdict:
            self.add(node, RG.verdict, RG[x.meta.verdict], x.meta.verdict_evidence)


_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_literal(value: str) -> Literal:
    """A full date as xsd:date, ``YYYY-MM`` as xsd:gYearMonth, else xsd:gYear."""
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value[:4], datatype=XSD.gYear)


def _decimal(value: float) -> Literal:
    """A confidence as xsd:decimal in Oxigraph's canonical form ("0.9", "1")."""
    clipped = min(1.0, max(0.0, float(value)))
    lexical = format(Decimal(f"{clipped:.3f}").normalize(), "f")
    return Literal(lexical, datatype=XSD.decimal)


def _text(value: str, *, lang: str | None = None) -> Literal:
    """A string literal safe for every format: XML-forbidden characters replaced."""
    return Literal(clean_text(value), lang=lang)


def build_review_graph(
    extraction: Extraction, *, base_iri: str = DEFAULT_BASE_IRI
) -> Graph:
    """Every fact of one review as an rdflib Graph (to be stored as its named graph).

    Example:
        >>> from graph.models import Review, ReviewMeta
        >>> r = Review(id="r1", text="t", source="r1.txt", content_hash="h")
        >>> g = build_review_graph(Extraction(r, ReviewMeta(),
        ...     (FilmMention(title="Roxanne", role="mentioned"),)))
        >>> film = mint_iri("film", "Roxanne")
        >>> (mint_iri("review", "r1"), SCHEMA.mentions, film) in g
        True
    """
    builder = _Builder(extraction, base_iri)
    builder.review_node()
    for film in extraction.films:
        builder.film(film)
    return builder.g
