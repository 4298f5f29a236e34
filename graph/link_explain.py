"""Explain links: the linker's recorded decisions about an entity, read from a store.

Contract: :func:`explain_entity` finds the link evidence (``rg:Evidence`` nodes with
``rdf:predicate owl:sameAs``, ``rg:extractor``, ``rg:confidence``, one ``rg:reason``
per signal, ``prov:wasDerivedFrom`` the review) of an entity given by IRI, QID or
name, and returns one :class:`LinkExplanation` per (entity, item, review).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.namespaces import sparql_prefixes

if TYPE_CHECKING:
    from graph.store import Store

_QID = re.compile(r"^Q\d+$")


@dataclass(frozen=True)
class LinkExplanation:
    """One link decision as the store records it."""

    entity: str
    name: str | None
    qid: str
    confidence: float | None
    reasons: tuple[str, ...]
    review: str | None
    extractor: str | None


def _value(term: Any) -> str | None:
    if term is None:
        return None
    return str(getattr(term, "value", term))


def explain_entity(store: Store, entity: str) -> list[LinkExplanation]:
    """The recorded link decisions about ``entity`` (IRI, ``Q...`` or a name).

    Args:
        store: an open store (embedded or remote).
        entity: an entity IRI, a Wikidata id, or a name (case-insensitive).

    Returns:
        The decisions, sorted by entity, item and review; empty when none is recorded.
    """
    if entity.startswith(("http://", "https://")):
        where = f"FILTER(?node = <{entity}> || ?q = <{entity}>)"
    elif _QID.match(entity):
        where = f"FILTER(?q = wd:{entity})"
    else:
        name = entity.replace("\\", "\\\\").replace('"', '\\"')
        where = f'?node schema:name ?n . FILTER(LCASE(STR(?n)) = LCASE("{name}"))'
    query = (
        sparql_prefixes() + "SELECT ?node ?name ?q ?conf ?review ?extractor "
        "(GROUP_CONCAT(DISTINCT ?reason; separator='|') AS ?reasons) WHERE {\n"
        "  ?ev a rg:Evidence ; rdf:predicate owl:sameAs ; rdf:subject ?node ;\n"
        "      rdf:object ?q .\n"
        "  OPTIONAL { ?ev rg:confidence ?conf }\n"
        "  OPTIONAL { ?ev rg:reason ?reason }\n"
        "  OPTIONAL { ?ev prov:wasDerivedFrom ?review }\n"
        "  OPTIONAL { ?ev rg:extractor ?extractor }\n"
        "  OPTIONAL { ?node schema:name ?name }\n"
        f"  {where}\n"
        "} GROUP BY ?node ?name ?q ?conf ?review ?extractor"
    )
    found: dict[tuple[str, str, str | None], LinkExplanation] = {}
    for row in store.query(query):
        node, q = _value(row["node"]) or "", _value(row["q"]) or ""
        review = _value(row["review"])
        conf = _value(row["conf"])
        reasons = tuple(sorted(filter(None, (_value(row["reasons"]) or "").split("|"))))
        key = (node, q, review)
        if key in found:
            continue
        found[key] = LinkExplanation(
            entity=node,
            name=_value(row["name"]),
            qid=q.rsplit("/", 1)[-1],
            confidence=float(conf) if conf is not None else None,
            reasons=reasons,
            review=review,
            extractor=_value(row["extractor"]),
        )
    return [found[k] for k in sorted(found, key=lambda k: (k[0], k[1], k[2] or ""))]
