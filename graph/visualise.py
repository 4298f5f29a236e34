"""Visualise stage: the store -> networkx views -> offline pyvis HTML, GraphML, GEXF.

Contract: :func:`build_network` reads the store through SPARQL only (any object with
``.query(sparql)`` returning pyoxigraph-style solutions, the default graph being the
union of all graphs) and returns an undirected :class:`networkx.Graph` whose node ids
are IRIs. :func:`render_html` and :func:`write_network` (in ``visualise_render``) turn
any such graph into a self-contained HTML page or a GraphML/GEXF file.

Node attributes: ``label`` (str), ``kind`` (one of :data:`NODE_KINDS`), ``iri``,
``wikidata`` (a QID or ``""``), ``details`` (tuple of short text lines) and ``focus``
(``True`` on the centre of an ego network). Edge attributes: ``relation`` (the kind of
link, e.g. ``"acted in"``), ``label`` (the text drawn on the edge, e.g. ``"acted in (as
Sandra)"``), ``weight`` (int) and ``provenance`` (tuple of text lines: the review and
the sentence that state the fact, where the store has them).
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.errors import QueryError
from graph.visualise_data import (
    Credit,
    Selection,
    fetch_credits,
    fetch_entity_facts,
    fetch_film_years,
    fetch_provenance,
    fetch_selections,
    fetch_subjects,
)
from graph.visualise_render import (
    HARD_CAP,
    PHYSICS_THRESHOLD,
    SUMMARY_NODES,
    render_html,
    summarise_network,
    write_network,
)

if TYPE_CHECKING:
    from graph.store import Store

log = logging.getLogger(__name__)

__all__ = [
    "HARD_CAP",
    "NODE_KINDS",
    "PHYSICS_THRESHOLD",
    "ROLES",
    "SUMMARY_NODES",
    "VIEWS",
    "build_network",
    "focus_network",
    "render_html",
    "summarise_network",
    "write_network",
]

VIEWS: dict[str, str] = {
    "films-people": "films with their directors and actors (bipartite)",
    "co-cast": "actors linked when they play in the same film",
    "director-actor": "directors linked to the actors they worked with",
    "festivals": "festivals, their editions and the films selected (section, award)",
    "themes": "films and the themes reviews name",
    "places": "films and the places where they are set",
}
"""The views :func:`build_network` can draw, with a one-line description each."""

ROLES = ("director", "actor")
"""Values of the ``role`` filter (films-people view)."""

NODE_KINDS = (
    "film",
    "director",
    "actor",
    "person",
    "festival",
    "edition",
    "theme",
    "place",
    "other",
)


def build_network(
    store: Store,
    *,
    view: str = "films-people",
    focus: str | None = None,
    depth: int = 1,
    festival: str | None = None,
    year: int | str | None = None,
    role: str | None = None,
) -> nx.Graph:
    """Build one view of the store as a networkx graph.

    Args:
        store: a ``GraphStore`` (or remote store) with ``.query(sparql)``.
        view: one of :data:`VIEWS`.
        focus: a node's IRI, Wikidata QID or label: keep only its ego network.
        depth: radius of the ego network around ``focus``.
        festival: keep films selected at this festival or edition (IRI or name,
            case-insensitive, a part of the name is enough).
        year: keep films of this year (``rg:year``, release date, or the year of
            the festival edition that showed them).
        role: ``"director"`` or ``"actor"``: which credits the films-people view draws.

    Returns:
        An undirected graph; see the module docstring for its attributes.

    Raises:
        ValueError: ``view``, ``role`` or ``depth`` is not a valid choice.
        QueryError: a filter matches nothing, or ``focus`` is not in the view.
    """
    if view not in VIEWS:
        raise ValueError(f"Unknown view {view!r}. Available: {', '.join(VIEWS)}.")
    if role is not None and role not in ROLES:
        raise ValueError(f"Unknown role {role!r}. Available: {', '.join(ROLES)}.")
    if role is not None and view != "films-people":
        raise QueryError(
            f"--role {role} applies to the films-people view only, not to {view!r}; "
            "drop --role or use --view films-people."
        )
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    films = _allowed_films(store, festival=festival, year=year)
    builders: dict[str, Callable[[Any, set[str] | None, str | None], nx.Graph]] = {
        "films-people": _films_people,
        "co-cast": _co_cast,
        "director-actor": _director_actor,
        "festivals": _festivals,
        "themes": lambda s, f, _r: _film_subjects(s, f, kind="theme"),
        "places": lambda s, f, _r: _film_subjects(s, f, kind="place"),
    }
    graph = builders[view](store, films, role)
    _label_nodes(store, graph)
    graph.graph["view"] = view
    if focus is not None:
        graph = focus_network(graph, focus, depth=depth)
    log.debug("view %s: %d nodes, %d edges", view, len(graph), graph.number_of_edges())
    return graph


def focus_network(graph: nx.Graph, focus: str, *, depth: int = 1) -> nx.Graph:
    """The ego network of radius ``depth`` around the node that ``focus`` names.

    ``focus`` is matched against node ids and IRIs, then Wikidata QIDs, then labels
    (case-insensitive, exact first, then a unique part of a label).

    Raises:
        QueryError: nothing or several nodes match; the message lists candidates.
    """
    centre = _resolve_focus(graph, focus)
    ego: nx.Graph = nx.ego_graph(graph, centre, radius=depth).copy()
    ego.nodes[centre]["focus"] = True
    ego.graph.update(graph.graph, focus=centre, depth=depth)
    return ego


# --- views ----------------------------------------------------------------------------


def _films_people(store: Store, films: set[str] | None, role: str | None) -> nx.Graph:
    graph = nx.Graph()
    credits = _kept(fetch_credits(store), films)
    provenance = fetch_provenance(store)
    person_roles: dict[str, set[str]] = {}
    for credit in credits:
        if role is not None and credit.role != role:
            continue
        person_roles.setdefault(credit.person, set()).add(credit.role)
        graph.add_node(credit.film, kind="film")
        graph.add_node(credit.person)
        relation = "directed" if credit.role == "director" else "acted in"
        label = relation
        if credit.characters:
            label = f"acted in (as {', '.join(sorted(credit.characters))})"
        graph.add_edge(
            credit.person,
            credit.film,
            relation=relation,
            label=label,
            weight=1,
            provenance=_edge_provenance(provenance, credit),
        )
    for person, roles in person_roles.items():
        graph.nodes[person]["kind"] = (
            "person"
            if len(roles) > 1
            else ("director" if "director" in roles else "actor")
        )
    return graph


def _co_cast(store: Store, films: set[str] | None, role: str | None) -> nx.Graph:
    casts: dict[str, set[str]] = {}
    for credit in _kept(fetch_credits(store), films):
        if credit.role == "actor":
            casts.setdefault(credit.film, set()).add(credit.person)
    graph = nx.Graph()
    for film, actors in casts.items():
        ordered = sorted(actors)
        for person in ordered:
            graph.add_node(person, kind="actor")
        for i, left in enumerate(ordered):
            for right in ordered[i + 1 :]:
                _add_shared_film(graph, left, right, film, relation="co-starred")
    return graph


def _director_actor(store: Store, films: set[str] | None, role: str | None) -> nx.Graph:
    directors: dict[str, set[str]] = {}
    actors: dict[str, set[str]] = {}
    for credit in _kept(fetch_credits(store), films):
        side = directors if credit.role == "director" else actors
        side.setdefault(credit.film, set()).add(credit.person)
    graph = nx.Graph()
    for film in sorted(directors):
        for director in sorted(directors[film]):
            graph.add_node(director, kind="director")
            for actor in sorted(actors.get(film, ())):
                if actor == director:
                    continue
                if actor not in graph or graph.nodes[actor].get("kind") != "director":
                    graph.add_node(actor, kind="actor")
                _add_shared_film(graph, director, actor, film, relation="directed")
    return graph


def _add_shared_film(
    graph: nx.Graph, left: str, right: str, film: str, *, relation: str
) -> None:
    if graph.has_edge(left, right):
        data = graph.edges[left, right]
        data["films"] = (*data["films"], film)
        data["weight"] += 1
    else:
        graph.add_edge(left, right, relation=relation, weight=1, films=(film,))
    count = graph.edges[left, right]["weight"]
    graph.edges[left, right]["label"] = f"{relation} ({count} film{'s' * (count > 1)})"


def _festivals(store: Store, films: set[str] | None, role: str | None) -> nx.Graph:
    graph = nx.Graph()
    provenance = fetch_provenance(store)
    for sel in fetch_selections(store):
        if films is not None and sel.film not in films:
            continue
        graph.add_node(sel.film, kind="film")
        festival = sel.festival
        if sel.edition:
            graph.add_node(sel.edition, kind="edition")
            if festival:
                graph.add_node(festival, kind="festival")
                graph.add_edge(
                    sel.edition, festival, relation="edition of", label="edition of"
                )
        elif festival:
            graph.add_node(festival, kind="festival")
        venue = sel.edition or festival
        if venue is None:
            continue
        extras = [x for x in (sel.section, "; ".join(sorted(sel.awards))) if x]
        label = "selected" + (f" ({'; '.join(extras)})" if extras else "")
        lines = [
            line
            for pred in ("selectedFilm", "award", "section", "atEdition", "atFestival")
            for line in provenance.lines(sel.iri, pred)
        ]
        graph.add_edge(
            sel.film,
            venue,
            relation="won" if sel.awards else "selected",
            label=label,
            weight=1,
            provenance=tuple(dict.fromkeys(lines)),
        )
    return graph


def _film_subjects(store: Store, films: set[str] | None, *, kind: str) -> nx.Graph:
    graph = nx.Graph()
    provenance = fetch_provenance(store)
    predicate = "theme" if kind == "theme" else "narrativeLocation"
    relation = "theme" if kind == "theme" else "set in"
    for film, subject in fetch_subjects(store, predicate):
        if films is not None and film not in films:
            continue
        graph.add_node(film, kind="film")
        graph.add_node(subject, kind=kind)
        graph.add_edge(
            film,
            subject,
            relation=relation,
            label=relation,
            weight=1,
            provenance=tuple(provenance.lines(film, predicate, subject)),
        )
    return graph


# --- filters, labels, focus -----------------------------------------------------------


def _kept(credits: Iterable[Credit], films: set[str] | None) -> list[Credit]:
    return [c for c in credits if films is None or c.film in films]


def _allowed_films(
    store: Store, *, festival: str | None, year: int | str | None
) -> set[str] | None:
    """Films that pass the festival and year filters (``None``: no filter given)."""
    allowed: set[str] | None = None
    if festival is not None:
        allowed = _festival_films(store, festival)
    if year is not None:
        wanted = str(year).strip()
        by_year = {film for film, y in fetch_film_years(store) if y == wanted}
        if not by_year:
            raise QueryError(
                f"No film of year {wanted} in the store: check --year, or run "
                "'reelgraph query' to list the years present."
            )
        allowed = by_year if allowed is None else allowed & by_year
    return allowed


def _festival_films(store: Store, festival: str) -> set[str]:
    wanted = festival.strip().casefold()
    selections: list[Selection] = fetch_selections(store)
    venues = {v for s in selections for v in (s.festival, s.edition) if v}
    names = fetch_entity_facts(store, sorted(venues))
    matched = {
        v
        for v in venues
        if v == festival.strip() or wanted in names.get(v, _NO_FACTS).label.casefold()
    }
    if not matched:
        known = sorted({names[v].label for v in venues if v in names})
        raise QueryError(
            f"No festival or edition matches {festival!r}. Available: "
            f"{', '.join(known) or 'none (the store has no festival selections)'}."
        )
    return {s.film for s in selections if s.festival in matched or s.edition in matched}


def _label_nodes(store: Store, graph: nx.Graph) -> None:
    shared = {f for _u, _v, films in graph.edges(data="films") for f in films or ()}
    facts = fetch_entity_facts(store, sorted(set(graph.nodes) | shared))
    film_labels: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        fact = facts.get(node, _NO_FACTS)
        data["iri"] = node
        data["label"] = fact.label or _local_name(node)
        data["wikidata"] = fact.wikidata
        data.setdefault("kind", "other")
        details = []
        if fact.year:
            details.append(f"year: {fact.year}")
        if fact.wikidata:
            details.append(f"Wikidata: {fact.wikidata}")
        data["details"] = tuple(details)
        data.setdefault("focus", False)
        if data["kind"] == "film":
            film_labels[node] = data["label"]
    for _u, _v, data in graph.edges(data=True):
        films = data.pop("films", None)
        if films:
            names = sorted(
                film_labels.get(f) or facts.get(f, _NO_FACTS).label or f for f in films
            )
            data["provenance"] = tuple(f"film: {name}" for name in names)
        data.setdefault("provenance", ())
        data.setdefault("weight", 1)


def _resolve_focus(graph: nx.Graph, focus: str) -> Any:
    text = focus.strip()
    if text in graph:
        return text
    by_iri = [n for n, d in graph.nodes(data=True) if d.get("iri") == text]
    by_qid = [n for n, d in graph.nodes(data=True) if d.get("wikidata") == text.upper()]
    folded = text.casefold()
    exact = [
        n
        for n, d in graph.nodes(data=True)
        if str(d.get("label", "")).casefold() == folded
    ]
    partial = [
        n
        for n, d in graph.nodes(data=True)
        if folded in str(d.get("label", "")).casefold()
    ]
    for candidates in (by_iri, by_qid, exact, partial):
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            listed = "; ".join(
                f"{graph.nodes[n].get('label')} <{n}>" for n in sorted(candidates)[:10]
            )
            raise QueryError(
                f"--focus {focus!r} matches {len(candidates)} nodes: {listed}. "
                "Give the IRI or the full label."
            )
    labels = sorted({str(d.get("label", "")) for _n, d in graph.nodes(data=True)})
    close = difflib.get_close_matches(text, labels, n=5, cutoff=0.5)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    view = graph.graph.get("view", "this")
    raise QueryError(
        f"--focus {focus!r} is not a node of the {view} view "
        f"({len(graph)} nodes).{hint}"
    )


def _local_name(iri: str) -> str:
    tail = iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return tail.replace("-", " ") or iri


def _edge_provenance(provenance: Any, credit: Credit) -> tuple[str, ...]:
    if credit.role == "director":
        lines = provenance.lines(credit.film, "director", credit.person)
    else:
        lines = provenance.lines(credit.film, "actor", credit.person)
        for role in credit.roles:
            lines += provenance.lines(role, "actor", credit.person)
            lines += provenance.lines(credit.film, "castRole", role)
            for character in credit.characters:
                lines += provenance.lines(role, "characterName", character)
    if not lines:
        lines = [
            f"stated in review {g.rsplit('/', 1)[-1]}" for g in sorted(credit.graphs)
        ]
    return tuple(dict.fromkeys(lines))


class _NoFacts:
    label = ""
    year = ""
    wikidata = ""


_NO_FACTS: Any = _NoFacts()
