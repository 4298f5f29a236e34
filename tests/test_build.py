"""Build: deterministic, injective IRIs and the RDF shape of a review."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from graph.build import KINDS, build_review_graph, mint_iri, review_graph_iri
from graph.ingest import slugify
from graph.models import (
    CastMember,
    Evidence,
    Extraction,
    FestivalMention,
    FilmMention,
    Link,
    Person,
    Review,
    ReviewMeta,
)
from graph.namespaces import PROV, RG, SCHEMA, WD

TEXT = "Justine Triet directs Sandra Hüller as Sandra."
EV = (Evidence(TEXT, 0, 13, "director.subject@1", 0.8),)


def _extraction(**film: object) -> Extraction:
    review = Review(id="r1", text=TEXT, source="r1.txt", content_hash="h")
    return Extraction(
        review,
        ReviewMeta(),
        (FilmMention(title="Anatomy of a Fall", **film),),  # type: ignore[arg-type]
    )


@given(st.sampled_from(sorted(KINDS)), st.text(min_size=1, max_size=40))
def test_minting_is_deterministic(kind: str, name: str) -> None:
    assert mint_iri(kind, name) == mint_iri(kind, name)


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_minting_is_injective_on_normalised_names(a: str, b: str) -> None:
    same_iri = mint_iri("film", a) == mint_iri("film", b)
    assert same_iri == (slugify(a) == slugify(b))


@given(st.text(min_size=1, max_size=30))
def test_kinds_never_collide(name: str) -> None:
    iris = {mint_iri(kind, name) for kind in KINDS}
    assert len(iris) == len(KINDS)


def test_qid_key_is_kept_and_differs_from_slugs() -> None:
    assert str(mint_iri("person", "Q1398256")).endswith("/person/Q1398256")
    assert mint_iri("person", "q1398256") != mint_iri("person", "Q1398256")


def test_review_graph_iri_is_per_review() -> None:
    assert review_graph_iri("a") != review_graph_iri("b")
    assert review_graph_iri("Les Petites Victoires").endswith("/les-petites-victoires")


def test_director_fact_has_evidence_with_offsets() -> None:
    g = build_review_graph(
        _extraction(directors=(Person("Justine Triet", evidence=EV),))
    )
    film, person = (
        mint_iri("film", "Anatomy of a Fall"),
        mint_iri("person", "Justine Triet"),
    )
    assert (film, SCHEMA.director, person) in g
    (ev,) = list(g.subjects(RDF.predicate, SCHEMA.director))
    assert g.value(ev, RDF.subject) == film and g.value(ev, RDF.object) == person
    assert g.value(ev, RG.sentence) == Literal(TEXT)
    assert g.value(ev, RG.startOffset) == Literal(0, datatype=XSD.integer)
    assert g.value(ev, PROV.wasDerivedFrom) == mint_iri("review", "r1")


def test_cast_role_pairs_actor_and_character() -> None:
    cast = (CastMember("Sandra Hüller", "Sandra", evidence=EV),)
    g = build_review_graph(_extraction(cast=cast))
    film = mint_iri("film", "Anatomy of a Fall")
    (role,) = list(g.objects(film, RG.castRole))
    assert g.value(role, SCHEMA.actor) == mint_iri("person", "Sandra Hüller")
    assert g.value(role, SCHEMA.characterName) == Literal("Sandra")
    assert (film, SCHEMA.actor, mint_iri("person", "Sandra Hüller")) in g


def test_linked_entity_takes_qid_iri_and_records_reasons() -> None:
    link = Link("Q116", 0.96, ("label-exact", "director-of-film"))
    g = build_review_graph(_extraction(wikidata="Q116", link=link))
    film = mint_iri("film", "Q116")
    assert (film, OWL.sameAs, WD.Q116) in g
    reasons = {str(r) for r in g.objects(None, RG.reason)}
    assert reasons == {"label-exact", "director-of-film"}


def test_festival_edition_and_selection() -> None:
    fest = (
        FestivalMention("Cannes Film Festival", 2023, 76, "competition", "Palme d'Or"),
    )
    g = build_review_graph(_extraction(festivals=fest))
    edition = mint_iri("edition", "cannes-film-festival-2023")
    assert (edition, RG.ordinal, Literal(76, datatype=XSD.integer)) in g
    assert (
        edition,
        SCHEMA.superEvent,
        mint_iri("festival", "Cannes Film Festival"),
    ) in g
    (selection,) = list(g.subjects(RDF.type, RG.Selection))
    assert g.value(selection, RG.atEdition) == edition
    assert g.value(selection, RG.award) == Literal("Palme d'Or")


def test_same_extraction_builds_identical_triples() -> None:
    x = _extraction(directors=(Person("Justine Triet", evidence=EV),))
    assert set(build_review_graph(x)) == set(build_review_graph(x))


def test_entities_are_never_blank_nodes() -> None:
    x = _extraction(
        directors=(Person("Justine Triet", evidence=EV),),
        cast=(CastMember("Sandra Hüller", "Sandra", evidence=EV),),
        festivals=(FestivalMention("Cannes Film Festival", 2023),),
    )
    g = build_review_graph(x)
    assert all(isinstance(t, URIRef | Literal) for triple in g for t in triple)


def test_issue_2_one_confidence_per_evidence_node() -> None:
    """The same entity linked from two mentions (a director of two films) and the same
    span found twice must not give an evidence node two confidences (SHACL maxCount)."""
    twice = (
        Evidence(TEXT, 0, 13, "director.subject@1", 0.6),
        Evidence(TEXT, 0, 13, "director.subject@1", 0.9),
    )
    person = Person(
        "Justine Triet",
        wikidata="Q3189765",
        evidence=twice,
        link=Link("Q3189765", 0.7, ("label-exact",)),
    )
    other = Person(
        "Justine Triet", wikidata="Q3189765", link=Link("Q3189765", 0.95, ())
    )
    review = Review(id="r1", text=TEXT, source="r1.txt", content_hash="h")
    films = (
        FilmMention(title="Anatomy of a Fall", directors=(person,)),
        FilmMention(title="Sibyl", role="mentioned", directors=(other,)),
    )
    g = build_review_graph(Extraction(review, ReviewMeta(), films))
    for ev in set(g.subjects(RDF.type, RG.Evidence)):
        values = list(g.objects(ev, RG.confidence))
        assert len(values) == 1, (ev, values)
    link_ev = next(iter(g.subjects(RDF.predicate, OWL.sameAs)))
    assert float(g.value(link_ev, RG.confidence)) == 0.95  # type: ignore[arg-type]
