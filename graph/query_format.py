"""Query formats: a :class:`graph.query.QueryResult` as text.

SELECT and ASK results as an aligned table (terminal-width aware), CSV, TSV, SPARQL
Results JSON or XML; CONSTRUCT and DESCRIBE results as Turtle, N-Triples, JSON-LD or
RDF/XML, with the project's prefixes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.errors import QueryError
from graph.namespaces import PREFIXES

if TYPE_CHECKING:
    from graph.query import QueryResult


def format_result(
    result: QueryResult,
    fmt: str | None = None,
    *,
    prefixes: Mapping[str, str] | None = None,
) -> str:
    """Write a result as text in ``fmt``.

    SELECT: ``table`` (default), ``csv``, ``tsv``, ``json``, ``xml``. ASK: ``table``
    (``true``/``false``), ``json``, ``xml``. CONSTRUCT/DESCRIBE: ``turtle`` (default),
    ``ntriples``, ``jsonld``, ``rdfxml``.

    Raises:
        QueryError: the format does not fit the result kind (lists the valid ones).
    """
    names = prefixes if prefixes is not None else PREFIXES
    if result.kind == "graph":
        return format_graph(result.triples, fmt or "turtle", prefixes=names)
    return format_solutions(
        result.variables,
        result.rows,
        fmt or "table",
        boolean=result.boolean if result.kind == "ask" else None,
        prefixes=names,
    )


# --- formats ---------------------------------------------------------------------

SOLUTION_FORMATS: dict[str, str] = {
    "table": "text/plain",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
}
"""SELECT/ASK formats and their media types."""

GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
"""CONSTRUCT/DESCRIBE formats."""

_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def format_graph(
    triples: Iterable[ox.Triple], fmt: str, *, prefixes: Mapping[str, str]
) -> str:
    """Triples as Turtle, N-Triples, JSON-LD or RDF/XML (Oxigraph's writers)."""
    rdf_format = GRAPH_FORMATS.get(fmt)
    if rdf_format is None:
        raise QueryError(
            f"Format '{fmt}' does not fit a CONSTRUCT/DESCRIBE result. "
            f"Choose one of: {', '.join(GRAPH_FORMATS)}."
        )
    if rdf_format == ox.RdfFormat.N_TRIPLES:
        lines = sorted(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        return "".join(f"{line}\n" for line in lines)
    data = ox.serialize(triples, format=rdf_format, prefixes=dict(prefixes))
    return data.decode("utf-8") if data else ""


def format_solutions(
    variables: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    fmt: str,
    *,
    boolean: bool | None = None,
    prefixes: Mapping[str, str],
) -> str:
    """Solutions (or an ASK answer when ``boolean`` is set) in a results format."""
    if fmt not in SOLUTION_FORMATS:
        raise QueryError(
            f"Format '{fmt}' does not fit a SELECT/ASK result. "
            f"Choose one of: {', '.join(SOLUTION_FORMATS)}."
        )
    if fmt == "json":
        return _to_json(variables, rows, boolean)
    if fmt == "xml":
        return _to_xml(variables, rows, boolean)
    if boolean is not None:
        return "true\n" if boolean else "false\n"
    if fmt == "csv":
        return _to_csv(variables, rows)
    if fmt == "tsv":
        header = "\t".join(f"?{v}" for v in variables)
        body = ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return "".join(f"{line}\n" for line in [header, *body])
    return _to_table(variables, rows, prefixes)


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _to_json(
    variables: tuple[str, ...], rows: list[tuple[Any, ...]], boolean: bool | None
) -> str:
    import json

    if boolean is not None:
        return json.dumps({"head": {}, "boolean": boolean}) + "\n"
    bindings = [
        {v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
        for row in rows
    ]
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False) + "\n"


def _xml_text(text: str) -> str:
    from xml.sax.saxutils import escape

    # XML 1.0 cannot carry most control characters: drop them rather than break it.
    clean = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)
    return escape(clean, {'"': "&quot;"})


def _to_xml(
    variables: tuple[str, ...], rows: list[tuple[Any, ...]], boolean: bool | None
) -> str:
    out = ['<?xml version="1.0"?>', f'<sparql xmlns="{_RESULTS_NS}">', "<head>"]
    out += [f'<variable name="{v}"/>' for v in variables]
    out.append("</head>")
    if boolean is not None:
        out.append(f"<boolean>{'true' if boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in rows:
            out.append("<result>")
            for name, term in zip(variables, row, strict=True):
                if term is not None:
                    out.append(f'<binding name="{name}">{_xml_term(term)}</binding>')
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        value = _xml_text(term.value)
        if term.language:
            return f'<literal xml:lang="{_xml_text(term.language)}">{value}</literal>'
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal>{value}</literal>"
        return f'<literal datatype="{_xml_text(datatype)}">{value}</literal>'
    return f"<literal>{_xml_text(str(term))}</literal>"


def _to_csv(variables: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if t is None else _plain(t) for t in row])
    return buffer.getvalue()


def _plain(term: Any) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term.value) if hasattr(term, "value") else str(term)


def _short(term: Any, prefixes: Mapping[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in prefixes.items():
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
        return f"<{term.value}>"
    return _plain(term)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK, emoji) characters count two.

    Example:
        >>> display_width("기생충"), display_width("abc")
        (6, 3)
    """
    return sum(
        0
        if unicodedata.combining(ch)
        else 2
        if unicodedata.east_asian_width(ch) in "WF"
        else 1
        for ch in text
    )


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _cell_text(text: str) -> str:
    """One line per cell: newlines, tabs and other control characters become spaces."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def _to_table(
    variables: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    prefixes: Mapping[str, str],
) -> str:
    cells = [[_cell_text(_short(t, prefixes)) for t in row] for row in rows]
    widths = [display_width(v) for v in variables]
    for row in cells:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(_pad(v, w) for v, w in zip(variables, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(line.rstrip() for line in lines) + "\n"
