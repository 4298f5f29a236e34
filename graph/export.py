"""Export stage: the store (or one of its graphs) -> linked-data files.

Contract:

- Formats: ``turtle``, ``ntriples``, ``nquads``, ``trig``, ``jsonld`` (compacted with
  the project's own ``ontology/context.jsonld`` inlined, never a remote ``@context``),
  ``rdfxml``, and ``wikidata-qs`` (QuickStatements V1 for linked facts that the
  Wikidata graph lacks, each referenced by the review URL, ``S854``).
  The format comes from ``fmt`` or, when not given, from the output file extension.
- Output is deterministic: statements are sorted (graph, subject, ``rdf:type`` first,
  predicate, object) and prefixes are the fixed :data:`graph.namespaces.PREFIXES`, so
  the same store always gives the same bytes and diffs mean something.
- Writes are atomic: a temporary file in the target folder, ``fsync``, then
  ``os.replace``. A failure half-way leaves the previous file untouched.
- Characters that XML 1.0 forbids (C0 controls other than tab/newline/return, lone
  surrogates, U+FFFE/U+FFFF) are replaced by U+FFFD in every format, so every file
  parses everywhere and all formats say the same thing. Everything else round-trips
  exactly: re-parsed with rdflib or pyoxigraph the result is isomorphic to the store.
- Triple formats (Turtle, N-Triples, RDF/XML) export the union of the selected graphs;
  quad formats (N-Quads, TriG, JSON-LD) keep the named graphs.

Serialisation uses pyoxigraph's writers (rdflib's Turtle writer is orders of magnitude
slower on this data); the JSON-LD compaction is done here, in one pass, against the
project's context.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.config import DEFAULT_BASE_IRI, ONTOLOGY_DIR
from graph.errors import ExportError
from graph.namespaces import PREFIXES

if TYPE_CHECKING:
    from graph.store import Store

__all__ = [
    "FORMATS",
    "ExportResult",
    "clean_text",
    "export_store",
    "jsonld_context",
    "resolve_format",
    "resolve_graph",
    "serialize_quads",
    "count_statements",
    "quad_statements",
    "render",
    "store_statements",
    "to_jsonld",
    "write_atomic",
]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Format:
    """One export format: its writer, whether it keeps graphs, its file extensions."""

    name: str
    rdf: ox.RdfFormat | None
    quads: bool
    extensions: tuple[str, ...]
    media_type: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", ox.RdfFormat.TURTLE, False, (".ttl",), "text/turtle"),
        Format(
            "ntriples", ox.RdfFormat.N_TRIPLES, False, (".nt",), "application/n-triples"
        ),
        Format("nquads", ox.RdfFormat.N_QUADS, True, (".nq",), "application/n-quads"),
        Format("trig", ox.RdfFormat.TRIG, True, (".trig",), "application/trig"),
        Format("jsonld", None, True, (".jsonld", ".json"), "application/ld+json"),
        Format(
            "rdfxml",
            ox.RdfFormat.RDF_XML,
            False,
            (".rdf", ".owl", ".xml"),
            "application/rdf+xml",
        ),
        Format("wikidata-qs", None, False, (".qs",), "text/tab-separated-values"),
    )
}
"""Every format ``export_store`` writes, by name."""

_ALIASES = {
    "ttl": "turtle",
    "nt": "ntriples",
    "nq": "nquads",
    "json-ld": "jsonld",
    "xml": "rdfxml",
    "rdf": "rdfxml",
    "qs": "wikidata-qs",
}

# XML 1.0 forbids these even escaped; other parsers choke on them too.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# RDF/XML must split each predicate into namespace + an XML name ending the IRI.
_XML_LOCAL_NAME = re.compile(r"[^\W\d][\w.\-]*$")


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote.

    Attributes:
        format: the format name (a key of :data:`FORMATS`).
        statements: triples, quads or QuickStatements lines written.
        path: the file written, or ``None`` when the bytes are in ``data``.
        data: the serialisation when no path was given (for stdout).
    """

    format: str
    statements: int
    path: Path | None = None
    data: bytes | None = None


def resolve_format(fmt: str | None, out: str | Path | None = None) -> Format:
    """The format named ``fmt``, else the one the extension of ``out`` implies.

    Example:
        >>> resolve_format(None, "kg.ttl").name
        'turtle'
        >>> resolve_format("nt").name
        'ntriples'

    Raises:
        ExportError: the name or extension is unknown (the message lists the choices).
    """
    choices = ", ".join(FORMATS)
    if fmt:
        name = _ALIASES.get(fmt.lower(), fmt.lower())
        if name not in FORMATS:
            raise ExportError(f"Unknown export format {fmt!r}. Available: {choices}.")
        return FORMATS[name]
    if out is not None and str(out) != "-":
        suffix = Path(out).suffix.lower()
        for candidate in FORMATS.values():
            if suffix in candidate.extensions:
                return candidate
        raise ExportError(
            f"Cannot tell the format of {out} from its extension {suffix or '(none)'}: "
            f"pass --format, one of {choices}."
        )
    raise ExportError(
        f"No format given and no file name to guess it from: pass "
        f"--format, one of {choices}."
    )


def resolve_graph(name: str | None, *, base_iri: str = DEFAULT_BASE_IRI) -> str | None:
    """The graph IRI that ``--graph NAME`` means.

    ``None`` is the whole store, an ``http(s)``/``urn`` IRI is taken as it is,
    ``wikidata`` and ``entities`` are the shared graphs, anything else is a review id.

    Example:
        >>> resolve_graph("wikidata")
        'https://w3id.org/reelgraph/graph/wikidata'
        >>> resolve_graph("https://example.org/g")
        'https://example.org/g'
    """
    if name is None:
        return None
    if re.match(r"^(https?|urn):", name):
        return name
    if name in ("wikidata", "entities"):
        return f"{base_iri}graph/{name}"
    from graph.build import review_graph_iri  # the one place graph IRIs are minted

    return review_graph_iri(name, base_iri=base_iri)


def clean_text(value: str) -> str:
    """``value`` with the characters XML 1.0 forbids replaced by U+FFFD.

    Example:
        >>> clean_text("a\\x00b\\tc")
        'a\\ufffdb\\tc'
    """
    return _BAD_CHARS.sub("\ufffd", value)


# The characters above as N-Triples escapes them (pyoxigraph's canonical form): a run
# of backslashes, then the escape. An even run is escaped backslashes, not an escape.
_ESCAPED_BAD = re.compile(rb"\\+(?:u00(?:0[0-8BCEFbcef]|1[0-9A-Fa-f])|uFFF[EFef]|[bf])")
_ESCAPE_HINTS = (b"\\u00", b"\\uFFF", b"\\b", b"\\f")


def _replace_escape(match: re.Match[bytes]) -> bytes:
    text = match.group(0)
    slashes = len(text) - len(text.lstrip(b"\\"))
    return text if slashes % 2 == 0 else text[: slashes - 1] + b"\\uFFFD"


def _clean_ntriples(data: bytes) -> bytes:
    """Serialised N-Triples with the XML-forbidden characters replaced by U+FFFD."""
    if not any(hint in data for hint in _ESCAPE_HINTS):
        return data
    return _ESCAPED_BAD.sub(_replace_escape, data)


Statements = list[tuple[bytes, list[bytes]]]
"""Per graph (its N-Triples name, ``b""`` for the default graph, sorted), the sorted,
unique, cleaned N-Triples lines of its statements."""


def _statements(chunks: dict[bytes, bytes]) -> Statements:
    return [
        (name, sorted(set(_clean_ntriples(chunks[name]).splitlines())))
        for name in sorted(chunks)
    ]


def store_statements(store: Store, graph: str | None = None) -> Statements:
    """The statements of ``store`` (embedded or remote), or of one named graph.

    The embedded store dumps each graph with Oxigraph's own writer; sorting and
    cleaning then work on bytes, which keeps the export near the writer's speed.

    Raises:
        ExportError: ``graph`` is not a graph of the store (names the ones that are).
    """
    names = store.named_graphs()
    if graph is not None and graph not in set(names):
        shown = ", ".join(names[:5]) + (" ..." if len(names) > 5 else "")
        raise ExportError(
            f"No graph {graph} in the store. Pass a review id, 'wikidata', "
            f"'entities' or one of: {shown or '(the store is empty)'}."
        )
    embedded = getattr(store, "ox", None)
    if embedded is None:
        return quad_statements(store.quads(graph))
    nt = ox.RdfFormat.N_TRIPLES
    chunks = {
        f"<{name}>".encode(): embedded.dump(format=nt, from_graph=ox.NamedNode(name))
        for name in ([graph] if graph else names)
    }
    default = b"" if graph else embedded.dump(format=nt, from_graph=ox.DefaultGraph())
    if default:
        chunks[b""] = default
    return _statements(chunks)


def quad_statements(quads: Iterable[ox.Quad]) -> Statements:
    """:data:`Statements` of pyoxigraph quads (from a remote store or a query)."""
    groups: dict[bytes, list[ox.Triple]] = {}
    for quad in quads:
        graph = quad.graph_name
        key = b"" if isinstance(graph, ox.DefaultGraph) else str(graph).encode()
        groups.setdefault(key, []).append(quad.triple)
    nt = ox.RdfFormat.N_TRIPLES
    return _statements(
        {
            key: ox.serialize(triples, format=nt) or b""
            for key, triples in groups.items()
        }
    )


def _ntriples(statements: Statements) -> bytes:
    lines = sorted({line for _, group in statements for line in group})
    return b"".join(line + b"\n" for line in lines)


def _nquads(statements: Statements) -> bytes:
    return b"".join(
        (line[:-1] + name + b" .\n") if name else (line + b"\n")
        for name, group in statements
        for line in group
    )


def count_statements(statements: Statements, fmt: str | Format) -> int:
    """How many triples (triple formats: the union) or quads ``fmt`` writes."""
    form = fmt if isinstance(fmt, Format) else resolve_format(fmt)
    if form.quads:
        return sum(len(group) for _, group in statements)
    return len({line for _, group in statements for line in group})


def render(statements: Statements, fmt: str | Format) -> bytes:
    """Serialise :data:`Statements` in ``fmt`` (an RDF format of :data:`FORMATS`).

    Raises:
        ExportError: the data cannot be written in that format (e.g. an RDF/XML
            predicate without an XML local name).
    """
    form = fmt if isinstance(fmt, Format) else resolve_format(fmt)
    if form.name == "wikidata-qs":
        raise ValueError("QuickStatements are made from a store: use export_store")
    if form.name == "ntriples":
        return _ntriples(statements)
    if form.name == "nquads":
        return _nquads(statements)
    if form.name == "jsonld":
        return to_jsonld(
            list(ox.parse(_nquads(statements), format=ox.RdfFormat.N_QUADS))
        )
    if form.quads:
        rows: list[Any] = list(
            ox.parse(_nquads(statements), format=ox.RdfFormat.N_QUADS)
        )
    else:
        parsed = ox.parse(_ntriples(statements), format=ox.RdfFormat.N_TRIPLES)
        rows = [quad.triple for quad in parsed]
    if form.name == "rdfxml":
        _check_xml_predicates(rows)
    prefixes = dict(sorted(PREFIXES.items()))
    try:
        out = ox.serialize(rows, format=form.rdf, prefixes=prefixes)
    except (ValueError, TypeError, OSError) as exc:
        raise ExportError(f"Cannot write {form.name}: {exc}") from exc
    return _sorted_header(out or b"", form.name)


def serialize_quads(quads: Iterable[ox.Quad], fmt: str | Format) -> bytes:
    """Serialise pyoxigraph quads in ``fmt``, sorted and cleaned like an export."""
    return render(quad_statements(quads), fmt)


_XMLNS = re.compile(rb'\s+xmlns:[A-Za-z_][\w.-]*="[^"]*"')


def _sorted_header(data: bytes, fmt: str) -> bytes:
    """Prefix declarations in name order (the writer emits them in hash order); for
    RDF/XML also carriage returns as character references."""
    if fmt in ("turtle", "trig"):
        lines = data.split(b"\n")
        count = 0
        while count < len(lines) and lines[count].startswith(b"@prefix "):
            count += 1
        return b"\n".join(sorted(lines[:count]) + lines[count:])
    if fmt == "rdfxml":
        # XML parsers turn a raw carriage return into a newline: keep it as a reference.
        data = data.replace(b"\r", b"&#13;")
        start = data.find(b"<rdf:RDF")
        end = data.find(b">", start)
        if start < 0 or end < 0:
            return data
        tag = data[start:end]
        names = sorted(m.group(0).strip() for m in _XMLNS.finditer(tag))
        rest = _XMLNS.sub(b"", tag)
        return data[:start] + rest + b"".join(b" " + n for n in names) + data[end:]
    return data


def _check_xml_predicates(rows: list[Any]) -> None:
    for predicate in sorted({r.predicate.value for r in rows}):
        if not _XML_LOCAL_NAME.search(predicate):
            raise ExportError(
                f"RDF/XML cannot express the predicate <{predicate}>: it does not end "
                "in an XML name. Export as Turtle, N-Triples or JSON-LD instead."
            )


def write_atomic(path: str | Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write a file through ``write(fh)`` so that it appears whole or not at all.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the
    file is renamed over ``path``; on any failure the temporary file is removed and
    the previous ``path`` is left as it was.

    Raises:
        ExportError: the folder or file cannot be written.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise ExportError(f"Cannot write {target}: {exc}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(
                f"Cannot write {target}: {exc}; the previous file is left untouched."
            ) from exc
        raise


def export_store(
    store: Store,
    out: str | Path | None,
    *,
    fmt: str | None = None,
    graph: str | None = None,
) -> ExportResult:
    """Export the store (or one named graph) to ``out``, atomically; ``None`` or ``-``
    returns the bytes in the result instead.

    Args:
        store: a :class:`graph.store.GraphStore` or :class:`graph.remote.RemoteStore`.
        out: the file to write, or ``None``/``"-"`` for the bytes.
        fmt: a name of :data:`FORMATS`; from the extension of ``out`` when ``None``.
        graph: a graph IRI (see :func:`resolve_graph`), ``None`` for every graph.

    Returns:
        What was written.

    Raises:
        ExportError: unknown format or graph, or the file cannot be written.
    """
    form = resolve_format(fmt, out)
    if form.name == "wikidata-qs":
        from graph.describe import quickstatements

        lines = quickstatements(store, graph=graph)
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        count = len(lines)
    else:
        statements = store_statements(store, graph)
        data = render(statements, form)
        count = count_statements(statements, form)
    if out is None or str(out) == "-":
        return ExportResult(form.name, count, None, data)
    write_atomic(out, lambda fh: fh.write(data))
    return ExportResult(form.name, count, Path(out), None)


# --- JSON-LD --------------------------------------------------------------------------


@cache
def jsonld_context() -> dict[str, Any]:
    """The project's JSON-LD context (``ontology/context.jsonld``), parsed once."""
    path = ONTOLOGY_DIR / "context.jsonld"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        context: dict[str, Any] = document["@context"]
        return context
    except (OSError, ValueError, KeyError) as exc:
        raise ExportError(f"Cannot read the JSON-LD context {path}: {exc}") from exc


class _Compactor:
    """Turns IRIs and values into their compact form under the project's context."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes: list[tuple[str, str]] = []
        self.terms: dict[str, list[tuple[str, str | None]]] = {}
        self.vocab: dict[str, str] = {}
        for term, value in context.items():
            if isinstance(value, str) and value.endswith(("/", "#")):
                self.prefixes.append((value, term))
        self.prefixes.sort(key=lambda item: (-len(item[0]), item[1]))
        for term, value in sorted(context.items()):
            if term in {t for _, t in self.prefixes}:
                continue
            definition = {"@id": value} if isinstance(value, str) else value
            iri = self.expand(definition["@id"])
            coercion = definition.get("@type")
            if coercion and coercion != "@id":
                coercion = self.expand(coercion)
            self.terms.setdefault(iri, []).append((term, coercion))
            if isinstance(value, str):
                self.vocab[iri] = term

    def expand(self, value: str) -> str:
        prefix, _, local = value.partition(":")
        for ns, term in self.prefixes:
            if term == prefix:
                return ns + local
        return value

    def iri(self, iri: str) -> str:
        """A compact IRI (``wd:Q42``) for an ``@id`` value, else the IRI itself."""
        for ns, prefix in self.prefixes:
            if iri.startswith(ns) and not iri[len(ns) :].startswith("//"):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri

    def node_id(self, term: Any) -> str:
        return (
            f"_:{term.value}"
            if isinstance(term, ox.BlankNode)
            else self.iri(term.value)
        )

    def type_name(self, term: Any) -> str:
        if isinstance(term, ox.NamedNode) and term.value in self.vocab:
            return self.vocab[term.value]
        return self.node_id(term)

    def entry(self, predicate: str, obj: Any) -> tuple[str, Any]:
        """The (key, value) of one statement about a node."""
        for term, coercion in self.terms.get(predicate, ()):
            if coercion == "@id" and not isinstance(obj, ox.Literal):
                return term, self.node_id(obj)
            if (
                isinstance(obj, ox.Literal)
                and coercion
                and not obj.language
                and obj.datatype.value == coercion
            ):
                return term, obj.value
            if coercion is None:
                return term, self.value(obj)
        return self.iri(predicate), self.value(obj)

    def value(self, obj: Any) -> Any:
        if not isinstance(obj, ox.Literal):
            return {"@id": self.node_id(obj)}
        if obj.language:
            return {"@value": obj.value, "@language": obj.language}
        if obj.datatype.value == XSD_STRING:
            return obj.value
        return {"@value": obj.value, "@type": self.iri(obj.datatype.value)}


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _node_objects(
    rows: Iterable[Any], compactor: _Compactor
) -> Iterator[dict[str, Any]]:
    """Node objects of one graph; ``rows`` are sorted by subject."""
    node: dict[str, Any] | None = None
    current = None
    for row in rows:
        if row.subject != current:
            if node is not None:
                yield _finish(node)
            current = row.subject
            node = {"@id": compactor.node_id(row.subject)}
        assert node is not None
        if row.predicate.value == RDF_TYPE and not isinstance(row.object, ox.Literal):
            node.setdefault("@type", []).append(compactor.type_name(row.object))
        else:
            key, value = compactor.entry(row.predicate.value, row.object)
            node.setdefault(key, []).append(value)
    if node is not None:
        yield _finish(node)


def _finish(node: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"@id": node.pop("@id")}
    for key in sorted(node, key=lambda k: (k != "@type", k)):
        values = sorted(node[key], key=_sort_key)
        out[key] = values[0] if len(values) == 1 else values
    return out


def to_jsonld(rows: list[Any], *, context: dict[str, Any] | None = None) -> bytes:
    """Compacted JSON-LD of sorted triples or quads, with the context inlined.

    Named graphs become ``{"@id": graph, "@graph": [...]}`` objects; default-graph
    nodes sit beside them in the top ``@graph``.
    """
    ctx = context if context is not None else jsonld_context()
    compactor = _Compactor(ctx)
    by_graph: dict[str, list[Any]] = {}
    for row in rows:
        graph = getattr(row, "graph_name", None)
        key = "" if graph is None or isinstance(graph, ox.DefaultGraph) else graph
        by_graph.setdefault(key and compactor.node_id(key), []).append(row)
    top = {n["@id"]: n for n in _node_objects(by_graph.pop("", []), compactor)}
    for graph_id in sorted(by_graph):
        members = list(_node_objects(by_graph[graph_id], compactor))
        top.setdefault(graph_id, {"@id": graph_id})["@graph"] = members
    doc = {"@context": ctx, "@graph": [top[k] for k in sorted(top)]}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
