"""Visualise stage, data side: the SPARQL that feeds the network views.

Contract: each ``fetch_*`` function runs fixed SELECT queries (no user text is ever
pasted into them) against a store whose default graph is the union of all graphs, and
returns small frozen records with plain string values (IRIs, literal lexical forms).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.namespaces import sparql_prefixes

if TYPE_CHECKING:
    from graph.store import Store

_CHUNK = 400  # IRIs per VALUES block: keeps each query text small
_SENTENCE_CHARS = 280


@dataclass(frozen=True)
class Credit:
    """A person's credit on a film: ``role`` is ``"director"`` or ``"actor"``."""

    film: str
    person: str
    role: str
    characters: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    graphs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Selection:
    """A film's presence at a festival (edition), with section and awards."""

    iri: str
    film: str
    festival: str | None
    edition: str | None
    section: str | None
    awards: frozenset[str]


@dataclass(frozen=True)
class EntityFacts:
    """What a node shows: its best label, year and Wikidata QID (``""`` if none)."""

    label: str
    year: str
    wikidata: str


class Provenance:
    """Evidence lines keyed by the fact they support: ``(subject, predicate, object)``.

    Predicates are local names (``"director"``, ``"castRole"``...); objects are IRIs
    or literal lexical forms.
    """

    def __init__(self) -> None:
        self._lines: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(dict)

    def add(self, subject: str, predicate: str, obj: str, line: str) -> None:
        """Record one line of evidence for a fact."""
        self._lines[(subject, predicate)].setdefault(obj, []).append(line)

    def lines(self, subject: str, predicate: str, obj: str | None = None) -> list[str]:
        """Evidence lines for a fact; with ``obj=None`` for any object."""
        by_object = self._lines.get((subject, predicate), {})
        if obj is not None:
            return list(by_object.get(obj, ()))
        return [line for key in sorted(by_object) for line in by_object[key]]


def text_of(term: Any) -> str | None:
    """The string value of a pyoxigraph (or rdflib) term, ``None`` when unbound."""
    if term is None:
        return None
    value = getattr(term, "value", None)
    return str(value) if value is not None else str(term)


def select(store: Store, body: str, names: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """Run ``PREFIXES + body`` and yield rows as ``{name: term or None}``."""
    for solution in store.query(sparql_prefixes() + body):
        yield {name: solution[name] for name in names}


def fetch_credits(store: Store) -> list[Credit]:
    """Every director and actor credit, merged per (film, person, role)."""
    body = """
SELECT DISTINCT ?film ?person ?rel ?role ?character ?g WHERE {
  {
    ?film schema:director ?person . BIND("director" AS ?rel)
    OPTIONAL { GRAPH ?g { ?film schema:director ?person } }
  } UNION {
    ?film schema:actor ?person . BIND("actor" AS ?rel)
    FILTER NOT EXISTS { ?film a schema:PerformanceRole }
    FILTER NOT EXISTS { ?any rg:castRole ?film }
    OPTIONAL { ?film rg:castRole ?role . ?role schema:actor ?person .
               OPTIONAL { ?role schema:characterName ?character } }
    OPTIONAL { GRAPH ?g { ?film schema:actor ?person } }
  } UNION {
    ?film rg:castRole ?role . ?role schema:actor ?person . BIND("actor" AS ?rel)
    FILTER NOT EXISTS { ?film schema:actor ?person }
    OPTIONAL { ?role schema:characterName ?character }
    OPTIONAL { GRAPH ?g { ?film rg:castRole ?role } }
  }
  FILTER(isIRI(?film) && isIRI(?person))
}"""
    merged: dict[tuple[str, str, str], dict[str, set[str]]] = {}
    names = ("film", "person", "rel", "role", "character", "g")
    for row in select(store, body, names):
        key = (
            text_of(row["film"]) or "",
            text_of(row["person"]) or "",
            text_of(row["rel"]) or "",
        )
        parts = merged.setdefault(
            key, {"characters": set(), "roles": set(), "graphs": set()}
        )
        for field, name in (
            ("characters", "character"),
            ("roles", "role"),
            ("graphs", "g"),
        ):
            value = text_of(row[name])
            if value:
                parts[field].add(value)
    return [
        Credit(
            film=film,
            person=person,
            role=rel,
            characters=frozenset(parts["characters"]),
            roles=frozenset(parts["roles"]),
            graphs=frozenset(parts["graphs"]),
        )
        for (film, person, rel), parts in sorted(merged.items())
    ]


def fetch_selections(store: Store) -> list[Selection]:
    """Every festival selection with its film, festival, edition, section and awards."""
    body = """
SELECT DISTINCT ?sel ?film ?festival ?edition ?efestival ?section ?award WHERE {
  ?sel rg:selectedFilm ?film .
  OPTIONAL { ?sel rg:atFestival ?festival }
  OPTIONAL { ?sel rg:atEdition ?edition
             OPTIONAL { ?edition schema:superEvent ?efestival } }
  OPTIONAL { ?sel rg:section ?section }
  OPTIONAL { ?sel rg:award ?award }
}"""
    names = ("sel", "film", "festival", "edition", "efestival", "section", "award")
    merged: dict[str, dict[str, Any]] = {}
    for row in select(store, body, names):
        values = {n: text_of(row[n]) for n in names}
        sel = merged.setdefault(values["sel"] or "", {**values, "awards": set()})
        for name in ("festival", "edition", "efestival", "section"):
            sel[name] = sel[name] or values[name]
        if values["award"]:
            sel["awards"].add(values["award"])
    return [
        Selection(
            iri=iri,
            film=v["film"],
            festival=v["festival"] or v["efestival"],
            edition=v["edition"],
            section=v["section"],
            awards=frozenset(v["awards"]),
        )
        for iri, v in sorted(merged.items())
    ]


def fetch_subjects(store: Store, predicate: str) -> list[tuple[str, str]]:
    """``(film, object)`` pairs for ``rg:theme`` or ``rg:narrativeLocation``."""
    if predicate not in ("theme", "narrativeLocation"):
        raise ValueError(f"unsupported predicate {predicate!r}")
    body = (
        f"SELECT DISTINCT ?film ?o WHERE {{ ?film rg:{predicate} ?o "
        "FILTER(isIRI(?o)) }"
    )
    rows = select(store, body, ("film", "o"))
    return sorted({(text_of(r["film"]) or "", text_of(r["o"]) or "") for r in rows})


def fetch_film_years(store: Store) -> list[tuple[str, str]]:
    """``(film, "YYYY")`` for each year a film is known by: its year, release date or
    the year of a festival edition that showed it."""
    body = """
SELECT DISTINCT ?film ?y WHERE {
  { ?film rg:year ?y } UNION { ?film a schema:Movie ; schema:datePublished ?y }
  UNION { ?sel rg:selectedFilm ?film ; rg:atEdition ?e . ?e rg:year ?y }
}"""
    rows = select(store, body, ("film", "y"))
    return sorted(
        {(text_of(r["film"]) or "", (text_of(r["y"]) or "")[:4]) for r in rows}
    )


def fetch_entity_facts(store: Store, iris: list[str]) -> dict[str, EntityFacts]:
    """Label (English or untagged first), year and Wikidata QID of each IRI."""
    found: dict[str, dict[str, Any]] = {}
    clean = [i for i in iris if isinstance(i, str) and _plain_iri(i)]
    for start in range(0, len(clean), _CHUNK):
        values = " ".join(f"<{iri}>" for iri in clean[start : start + _CHUNK])
        body = f"""
SELECT ?s ?name ?year ?same WHERE {{
  VALUES ?s {{ {values} }}
  OPTIONAL {{ ?s schema:name|skos:prefLabel|rdfs:label ?name }}
  OPTIONAL {{ ?s rg:year ?year }}
  OPTIONAL {{ ?s owl:sameAs ?same FILTER(STRSTARTS(STR(?same), STR(wd:))) }}
}}"""
        for row in select(store, body, ("s", "name", "year", "same")):
            facts = found.setdefault(text_of(row["s"]) or "", {"names": set()})
            if row["name"] is not None:
                lang = getattr(row["name"], "language", None) or ""
                rank = 0 if lang.startswith("en") else (1 if not lang else 2)
                facts["names"].add((rank, text_of(row["name"]) or ""))
            facts.setdefault("year", (text_of(row["year"]) or "")[:4])
            if not facts["year"]:
                facts["year"] = (text_of(row["year"]) or "")[:4]
            same = text_of(row["same"]) or ""
            if same and not facts.get("wikidata"):
                facts["wikidata"] = same.rsplit("/", 1)[-1]
    return {
        iri: EntityFacts(
            label=min(f["names"])[1] if f["names"] else "",
            year=f.get("year", ""),
            wikidata=f.get("wikidata", ""),
        )
        for iri, f in found.items()
    }


def fetch_provenance(store: Store) -> Provenance:
    """The evidence behind view facts: review, sentence, extractor and confidence."""
    body = """
SELECT ?s ?p ?o ?review ?headline ?sentence ?extractor ?confidence WHERE {
  VALUES ?p { schema:director schema:actor rg:castRole schema:characterName
              rg:selectedFilm rg:atEdition rg:atFestival rg:award rg:section
              rg:theme rg:narrativeLocation }
  ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?ev prov:wasDerivedFrom ?review
             OPTIONAL { ?review schema:headline ?headline } }
  OPTIONAL { ?ev rg:sentence ?sentence }
  OPTIONAL { ?ev rg:extractor ?extractor }
  OPTIONAL { ?ev rg:confidence ?confidence }
}
ORDER BY ?s ?p ?o ?review ?sentence"""
    names = ("s", "p", "o", "review", "headline", "sentence", "extractor", "confidence")
    provenance = Provenance()
    seen: set[tuple[str | None, ...]] = set()
    for row in select(store, body, names):
        v = {n: text_of(row[n]) for n in names}
        key = (v["s"], v["p"], v["o"], v["review"], v["sentence"])
        if key in seen:  # several headlines: keep the first line only
            continue
        seen.add(key)
        provenance.add(v["s"] or "", _local(v["p"] or ""), v["o"] or "", _line(v))
    return provenance


def _line(v: dict[str, str | None]) -> str:
    review = v["headline"] or (v["review"] or "unknown review").rsplit("/", 1)[-1]
    sentence = " ".join((v["sentence"] or "").split())
    if len(sentence) > _SENTENCE_CHARS:
        sentence = sentence[: _SENTENCE_CHARS - 1] + "…"
    how = ", ".join(
        x
        for x in (v["extractor"], v["confidence"] and f"confidence {v['confidence']}")
        if x
    )
    text = f"{review}: “{sentence}”" if sentence else review
    return f"{text} [{how}]" if how else text


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _plain_iri(iri: str) -> bool:
    """An IRI safe between ``<`` and ``>`` (node ids of foreign graphs may not be)."""
    return ":" in iri and not any(c in iri for c in '<>"{}|^`\\ \n\r\t')
