"""Linking, step 1: candidates and their facts, fetched in batches through the client.

Contract: :func:`fetch_candidates` takes every name to look up (for all mentions of one
or many reviews) and answers, per name, the Wikidata items whose English label or alias
matches it (exactly, or case-, accent-, punctuation- or article-insensitively), and per
candidate item the facts the scorer needs (types through ``P31/P279*``, publication
years, directors, cast, original titles, film credits). Queries use ``VALUES`` with at
most ``client.batch_size`` values each, never ``SERVICE wikibase:label``, so the number
of queries grows with distinct names divided by the batch size, not with mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from graph.mirror import fold_label, normalise_label
from graph.wikidata import Binding, WikidataClient

WD = "http://www.wikidata.org/entity/"
FILM, TV_SERIES, HUMAN = "Q11424", "Q5398426", "Q5"
FILM_FESTIVAL, FESTIVAL_EDITION, EVENT_EDITION = "Q220505", "Q27787439", "Q27968055"
# geographic location, geographical feature, region, administrative entity, settlement
GEO_TYPES = ("Q2221906", "Q618123", "Q82794", "Q56061", "Q486972")
TYPES = (
    FILM,
    TV_SERIES,
    HUMAN,
    FILM_FESTIVAL,
    FESTIVAL_EDITION,
    EVENT_EDITION,
    *GEO_TYPES,
)
FACT_PROPS = ("P31", "P577", "P57", "P161", "P1476", "P106", "P179", "P361")
# incoming statements counted per candidate: film credits, and uses as a value
CREDIT_PROPS = ("P57", "P161")
USE_PROPS = ("P921", "P915", "P840", "P276", "P495")
# counted too: main subjects of works that are a superclass (P279) of the candidate
SUPER_SUBJECT = "P921-superclass"

# match kinds, strongest first
MATCH_ORDER = (
    "label-exact",
    "label-normalised",
    "alias-exact",
    "alias-normalised",
    "label-article",
    "alias-article",
)


@dataclass(frozen=True)
class Candidate:
    """An item whose label or alias matched a name, and how well."""

    qid: str
    label: str
    match: str


@dataclass
class ItemFacts:
    """What Wikidata says about a candidate, as far as linking needs it."""

    qid: str
    types: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    directors: set[str] = field(default_factory=set)
    cast: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    occupations: set[str] = field(default_factory=set)
    director_names: set[str] = field(default_factory=set)
    credits: dict[str, int] = field(default_factory=dict)
    uses: dict[str, int] = field(default_factory=dict)
    parts: set[str] = field(default_factory=set)

    @property
    def direct_types(self) -> set[str]:
        """The ``P31`` values stated on the item itself."""
        return {
            t.removeprefix("direct:") for t in self.types if t.startswith("direct:")
        }


@dataclass
class CandidateSet:
    """Candidates per looked-up name and facts per candidate item."""

    by_name: dict[str, list[Candidate]] = field(default_factory=dict)
    facts: dict[str, ItemFacts] = field(default_factory=dict)

    def candidates(self, name: str) -> list[Candidate]:
        """Candidates of ``name`` (empty when nothing matched)."""
        return self.by_name.get(name, [])

    def facts_of(self, qid: str) -> ItemFacts:
        """Facts of ``qid`` (empty facts when none were fetched)."""
        return self.facts.get(qid) or ItemFacts(qid)


def sparql_string(text: str, lang: str = "en") -> str:
    """A SPARQL literal for ``text`` with a language tag.

    Example:
        >>> sparql_string('Say "hi"')
        '"Say \\\\"hi\\\\""@en'
    """
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )
    return f'"{escaped}"@{lang}'


def spelling_variants(name: str) -> set[str]:
    """Spellings of ``name`` to try as exact labels (for endpoints without an index).

    Example:
        >>> sorted(spelling_variants("the piano"))
        ['Piano', 'The Piano', 'piano', 'the piano']
    """
    base = " ".join(name.replace("’", "'").split())
    forms = {base, base.title() if base.islower() else base}
    for article in ("The ", "the "):
        if base.startswith(article) and len(base) > len(article):
            rest = base[len(article) :]
            forms |= {rest, rest[:1].upper() + rest[1:]}
            forms.add("The " + rest[:1].upper() + rest[1:])
    return {f for f in forms if f}


def _classify(name: str, label: str, kind: str) -> str:
    if label == name:
        return f"{kind}-exact"
    if fold_label(label) == fold_label(name):
        return f"{kind}-normalised"
    return f"{kind}-article"


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _qid(term: dict[str, str]) -> str | None:
    value = term.get("value", "")
    if term.get("type") == "uri" and value.startswith(WD + "Q"):
        return value[len(WD) :]
    return None


def fetch_candidates(names: Iterable[str], *, client: WikidataClient) -> CandidateSet:
    """Look up every name's candidates and their facts (batched).

    Args:
        names: the names to look up (titles, person and festival names).
        client: the Wikidata client (HTTP endpoint or mirror).

    Returns:
        Candidates per name and facts per candidate item.

    Raises:
        WikidataError: a query failed (nothing partial is returned).
    """
    wanted = sorted({n.strip() for n in names if n and n.strip()})
    index = client.lookup_labels({normalise_label(n) for n in wanted})
    forms: dict[str, set[str]] = {}
    for name in wanted:
        forms[name] = spelling_variants(name) | set(
            index.get(normalise_label(name), [])
        )
    all_labels = sorted(set().union(*forms.values())) if forms else []
    items_by_label = _lookup_labels(all_labels, client=client)
    result = CandidateSet()
    for name in wanted:
        best: dict[str, Candidate] = {}
        for label in forms[name]:
            for qid, kind in items_by_label.get(label, []):
                cand = Candidate(qid, label, _classify(name, label, kind))
                old = best.get(qid)
                if old is None or MATCH_ORDER.index(cand.match) < MATCH_ORDER.index(
                    old.match
                ):
                    best[qid] = cand
        result.by_name[name] = sorted(best.values(), key=lambda c: c.qid)
    qids = sorted({c.qid for cands in result.by_name.values() for c in cands})
    result.facts = _fetch_facts(qids, client=client)
    return result


def _lookup_labels(
    labels: Sequence[str], *, client: WikidataClient
) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for chunk in _chunks(labels, client.batch_size):
        values = " ".join(sparql_string(label) for label in chunk)
        query = (
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
            "SELECT ?item ?label ?kind WHERE {\n"
            f"  VALUES ?label {{ {values} }}\n"
            '  { ?item rdfs:label ?label . BIND("label" AS ?kind) }\n'
            '  UNION { ?item skos:altLabel ?label . BIND("alias" AS ?kind) }\n'
            "}"
        )
        for row in client.select(query):
            qid = _qid(row.get("item", {}))
            if qid is None:
                continue
            label = row["label"]["value"]
            kind = row.get("kind", {}).get("value", "label")
            pair = (qid, kind)
            if pair not in found.setdefault(label, []):
                found[label].append(pair)
    return found


def _values(qids: Sequence[str]) -> str:
    return " ".join(f"wd:{q}" for q in qids)


_PREFIXES = (
    "PREFIX wd: <http://www.wikidata.org/entity/>\n"
    "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
)


def _fetch_facts(
    qids: Sequence[str], *, client: WikidataClient
) -> dict[str, ItemFacts]:
    facts = {q: ItemFacts(q) for q in qids}
    in_props = ", ".join(f"wdt:{p}" for p in FACT_PROPS)
    incoming = ", ".join(f"wdt:{p}" for p in (*CREDIT_PROPS, *USE_PROPS))
    # FILTER IN rather than a second VALUES block: Oxigraph then plans a full scan
    types = ", ".join(f"wd:{t}" for t in TYPES)
    for chunk in _chunks(qids, client.batch_size):
        values = _values(chunk)
        rows = client.select(
            f"{_PREFIXES}SELECT ?item ?p ?v WHERE {{\n"
            f"  VALUES ?item {{ {values} }}\n"
            f"  ?item ?p ?v .\n  FILTER(?p IN ({in_props}))\n}}"
        )
        for row in rows:
            _add_fact(facts, row)
        rows = client.select(
            f"{_PREFIXES}SELECT ?item ?type WHERE {{\n"
            f"  VALUES ?item {{ {values} }}\n"
            f"  ?item wdt:P31/wdt:P279* ?type .\n  FILTER(?type IN ({types}))\n}}"
        )
        for row in rows:
            item, typ = _qid(row["item"]), _qid(row["type"])
            if item in facts and typ:
                facts[item].types.add(typ)
        rows = client.select(
            f"{_PREFIXES}SELECT ?item ?p (COUNT(?work) AS ?n) WHERE {{\n"
            f"  VALUES ?item {{ {values} }}\n"
            f"  {{ ?work ?p ?item .\n  FILTER(?p IN ({incoming})) }}\n"
            "  UNION { ?item wdt:P279 ?super . ?work wdt:P921 ?super .\n"
            f'    BIND("{SUPER_SUBJECT}" AS ?p) }}\n'
            "} GROUP BY ?item ?p"
        )
        for row in rows:
            item = _qid(row["item"])
            if item in facts:
                prop = row["p"]["value"].rsplit("/", 1)[-1]
                f = facts[item]
                counts = f.credits if prop in CREDIT_PROPS else f.uses
                counts[prop] = int(row["n"]["value"])
        films = [q for q in chunk if facts[q].directors]
        if films:
            _fetch_director_names(films, facts, client=client)
    return facts


def _fetch_director_names(
    films: Sequence[str], facts: dict[str, ItemFacts], *, client: WikidataClient
) -> None:
    """Folded English labels of the films' directors (to compare with named ones)."""
    rows = client.select(
        f"{_PREFIXES}PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        f"SELECT ?item ?name WHERE {{\n  VALUES ?item {{ {_values(films)} }}\n"
        "  ?item wdt:P57 ?director .\n  ?director rdfs:label ?name .\n"
        '  FILTER(LANG(?name) = "en")\n}'
    )
    for row in rows:
        item = _qid(row["item"])
        if item in facts:
            facts[item].director_names.add(fold_label(row["name"]["value"]))


def _add_fact(facts: dict[str, ItemFacts], row: Binding) -> None:
    item = _qid(row["item"])
    if item not in facts:
        return
    f = facts[item]
    prop = row["p"]["value"].rsplit("/", 1)[-1]
    value = row["v"]
    if prop == "P577":
        year = value["value"][:5].lstrip("+")[:4]
        if year.isdigit():
            f.years.add(int(year))
    elif prop == "P1476":
        f.titles.add(value["value"])
    elif prop in ("P57", "P161", "P31", "P106", "P179", "P361"):
        target = _qid(value)
        if target is None:
            return
        if prop == "P57":
            f.directors.add(target)
        elif prop == "P161":
            f.cast.add(target)
        elif prop == "P106":
            f.occupations.add(target)
        elif prop in ("P179", "P361"):
            f.parts.add(target)
        else:
            f.types.add(f"direct:{target}")
