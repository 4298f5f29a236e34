"""Validate stage: an RDF graph + ``ontology/shapes.ttl`` -> a readable SHACL report.

Contract: :func:`validate_graph` checks an rdflib graph against the SHACL shapes with
no inference (the pipeline writes every ``rdf:type`` the shapes need). The
:class:`ValidationReport` names, for each violation, the focus entity, the rule (shape,
constraint component, path), the message, the offending value, and the review sentence
the bad fact came from (the ``rg:Evidence`` whose ``rdf:subject`` is the focus node).
:func:`validate_store` does the same for the whole store or one named graph, and
:func:`ensure_valid` raises :class:`~graph.errors.ValidationError` carrying the report,
for ``ingest --validate``. Nothing is printed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SH
from rdflib.term import Node

from graph.config import ONTOLOGY_DIR
from graph.errors import ValidationError
from graph.namespaces import PREFIXES, RG

if TYPE_CHECKING:
    from graph.store import Store

__all__ = [
    "ValidationReport",
    "Violation",
    "ensure_valid",
    "load_shapes",
    "validate_graph",
    "validate_store",
]

SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
_SHAPES_NS = "https://w3id.org/reelgraph/shapes#"


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in words.

    Attributes:
        focus: the entity that breaks the rule (IRI or ``_:`` id).
        shape: the node shape it was checked against (``rgsh:MovieShape``).
        constraint: the constraint component (``sh:MinCountConstraintComponent``).
        path: the property the rule is about (``schema:name``), if any.
        message: what is wrong.
        severity: ``Violation``, ``Warning`` or ``Info``.
        value: the offending value, if the rule names one.
        sentence: the review sentence that states the fact, when evidence exists.
        review: the review the sentence comes from.
    """

    focus: str
    shape: str
    constraint: str
    path: str | None
    message: str
    severity: str = "Violation"
    value: str | None = None
    sentence: str | None = None
    review: str | None = None


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a validation: ``conforms`` and the violations, sorted."""

    conforms: bool
    violations: tuple[Violation, ...] = ()
    scope: str = "graph"

    def text(self) -> str:
        """A report for people: one numbered block per violation."""
        if self.conforms:
            return f"{self.scope}: conforms to the reelgraph shapes.\n"
        count = len(self.violations)
        lines = [f"{self.scope}: {count} violation{'s' * (count != 1)}"]
        for number, v in enumerate(self.violations, 1):
            lines.append(f"{number}. {v.focus}")
            rule = f"{v.shape} / {v.constraint}"
            lines.append(f"   rule: {rule}" + (f" on {v.path}" if v.path else ""))
            lines.append(f"   {v.severity.lower()}: {v.message}")
            if v.value is not None:
                lines.append(f"   value: {v.value}")
            if v.sentence is not None:
                lines.append(f'   source: "{v.sentence}"')
            if v.review is not None:
                lines.append(f"   review: {v.review}")
        return "\n".join(lines) + "\n"


def _short(node: Node | None) -> str:
    """A compact name for a term: ``schema:name``, ``rgsh:MovieShape``, ``"text"``."""
    if node is None:
        return ""
    if isinstance(node, Literal):
        if node.datatype is not None:
            return f"{Literal(str(node)).n3()}^^{_short(node.datatype)}"
        return node.n3()
    if isinstance(node, BNode):
        return f"_:{node}"
    text = str(node)
    for prefix, ns in sorted({**PREFIXES, "rgsh": _SHAPES_NS}.items()):
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return f"<{text}>"


@cache
def _default_shapes() -> Graph:
    return load_shapes(SHAPES_PATH)


def load_shapes(path: str | Path = SHAPES_PATH) -> Graph:
    """Parse a SHACL shapes file.

    Raises:
        ValidationError: the file is missing or is not valid Turtle.
    """
    try:
        return Graph().parse(str(path), format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(f"Cannot read the shapes {path}: {exc}") from exc


def validate_graph(
    data: Graph, *, shapes: Graph | None = None, scope: str = "graph"
) -> ValidationReport:
    """Check ``data`` against the shapes (default ``ontology/shapes.ttl``).

    Args:
        data: the graph to check (one review's graph, or the store's union).
        shapes: other shapes to use instead of the project's.
        scope: how the report names what was checked.

    Example:
        >>> validate_graph(Graph()).conforms
        True
    """
    import pyshacl  # heavy: imported only when validating

    shapes_graph = shapes if shapes is not None else _default_shapes()
    conforms, results, _text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph,
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        advanced=True,
    )
    violations = sorted(
        (_violation(results, r, data, shapes_graph) for r in _results(results)),
        key=lambda v: (v.focus, v.shape, v.path or "", v.constraint, v.value or ""),
    )
    return ValidationReport(bool(conforms), tuple(violations), scope)


def _results(results: Graph) -> list[Node]:
    return sorted(results.subjects(RDF.type, SH.ValidationResult), key=str)


def _violation(results: Graph, result: Node, data: Graph, shapes: Graph) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    severity = results.value(result, SH.resultSeverity)
    source_shape = results.value(result, SH.sourceShape)
    component = results.value(result, SH.sourceConstraintComponent)
    sentence, review = _evidence(
        data, focus, path if isinstance(path, URIRef) else None
    )
    return Violation(
        focus=_short(focus),
        shape=_node_shape(shapes, data, source_shape, focus),
        constraint=_short(component),
        path=_short(path) if isinstance(path, URIRef) else None,
        message=messages[0] if messages else "breaks a shape",
        severity=_short(severity).removeprefix("sh:") or "Violation",
        value=_short(value) if value is not None else None,
        sentence=sentence,
        review=_short(review) if review is not None else None,
    )


def _node_shape(
    shapes: Graph, data: Graph, shape: Node | None, focus: Node | None
) -> str:
    """The node shape a result belongs to (property shapes are often anonymous)."""
    if shape is None:
        return "?"
    if (shape, RDF.type, SH.NodeShape) in shapes:
        return _short(shape)
    parents = sorted(shapes.subjects(SH.property, shape), key=str)
    types = set(data.objects(focus, RDF.type)) if focus is not None else set()
    for parent in parents:
        if types & set(shapes.objects(parent, SH.targetClass)):
            return _short(parent)
    if parents:
        return _short(parents[0])
    label = shapes.value(shape, RDFS.label)
    return str(label) if label is not None else _short(shape)


def _evidence(
    data: Graph, focus: Node | None, path: URIRef | None
) -> tuple[str | None, Node | None]:
    """The sentence (and review) stating a fact about ``focus``, best match first.

    Prefers evidence for the same predicate, then any fact with ``focus`` as subject,
    then any fact with ``focus`` as object; ties go to the earliest offset.
    """
    if focus is None:
        return None, None
    tiers: list[list[Node]] = [[], [], []]
    for ev in data.subjects(RDF.subject, focus):
        same = path is not None and (ev, RDF.predicate, path) in data
        tiers[0 if same else 1].append(ev)
    tiers[2] = list(data.subjects(RDF.object, focus))
    for tier in tiers:
        found = []
        for ev in tier:
            sentence = data.value(ev, RG.sentence)
            if sentence is None:
                continue
            start = data.value(ev, RG.startOffset)
            offset = (
                int(start) if isinstance(start, Literal) and start.isnumeric() else 0
            )
            found.append((offset, str(sentence), data.value(ev, PROV.wasDerivedFrom)))
        if found:
            _, text, review = min(found, key=lambda f: (f[0], f[1]))
            return text, review
    return None, None


def _store_graph(store: Store, graph_iri: str | None) -> Graph:
    """The store's union (or one named graph) as an rdflib Graph."""
    from graph.store import from_ox

    out = Graph()
    for quad in store.quads(graph_iri):
        out.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    return out


def validate_store(
    store: Store, *, graph_iri: str | None = None, shapes: Graph | None = None
) -> ValidationReport:
    """Validate the whole store (union of its graphs) or one named graph.

    Raises:
        ValidationError: ``graph_iri`` is not a graph of the store.
    """
    if graph_iri is not None and graph_iri not in set(store.named_graphs()):
        raise ValidationError(
            f"No graph {graph_iri} in the store: pass a review id, 'wikidata', "
            "'entities' or a graph IRI listed by 'reelgraph describe'."
        )
    scope = f"graph <{graph_iri}>" if graph_iri else "store"
    return validate_graph(_store_graph(store, graph_iri), shapes=shapes, scope=scope)


def ensure_valid(data: Graph, *, label: str, shapes: Graph | None = None) -> None:
    """Raise :class:`ValidationError` (with the report) when ``data`` breaks a shape.

    Args:
        data: the graph about to be stored (one review's graph).
        label: what it is, for the message (``review r1``).
    """
    report = validate_graph(data, shapes=shapes, scope=label)
    if not report.conforms:
        raise ValidationError(
            f"{label} breaks the reelgraph shapes and was not stored:\n{report.text()}",
            report=report,
        )
