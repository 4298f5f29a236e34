"""Query stage: named SPARQL queries (``queries/*.rq``), run with bound parameters.

Contract:

- :func:`list_queries` reads every ``queries/*.rq`` header (``# title:``,
  ``# description:``, ``# params:``); :func:`load_query` resolves a name, a path or
  query text to a :class:`NamedQuery`, listing the available names when it knows none.
- :func:`run_query` binds parameters *through the engine* (Oxigraph substitutions,
  SEP-0007), never by pasting text into the query. A value is an IRI when written
  ``<...>`` or starting with ``http://``/``https://``, otherwise a plain literal.
  Oxigraph substitutes only variables the query projects; so named queries project
  their parameters, and CONSTRUCT/ASK queries put their pattern in a sub-SELECT.
  Optional parameters are tested with ``COALESCE(?p, "") = ""`` rather than
  ``BOUND(?p)``, which does not see substituted values.
- Results come back as a :class:`QueryResult` (rows, a boolean or triples, all read
  from the engine), which :func:`graph.query_format.format_result` writes as an
  aligned table, CSV, TSV, SPARQL Results JSON or XML, Turtle, N-Triples, JSON-LD or
  RDF/XML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox

from graph.config import QUERIES_DIR
from graph.errors import GraphError, QueryError

__all__ = [
    "NamedQuery",
    "QueryResult",
    "list_queries",
    "load_query",
    "parse_value",
    "run_query",
]

ResultKind = Literal["select", "ask", "graph"]

_HEADER = re.compile(r"^#\s*(title|description|params|expects)\s*:\s*(.*)$", re.I)
_CONTINUATION = re.compile(r"^#\s{2,}(\S.*)$")
_PARAM = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_POSITION = re.compile(r"at (\d+):(\d+)|at line (\d+), column (\d+)")


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query with the header that documents it.

    Attributes:
        name: the file stem (``film-cast``), or ``"query"`` for text given inline.
        title: one line from ``# title:``.
        description: from ``# description:`` (continuation lines joined).
        params: variable names from ``# params:``, without ``?``.
        path: the ``.rq`` file, or ``None`` for inline text.
        text: the full query text, header included.
        required: the parameters marked ``(required ...)`` in the header.
    """

    name: str
    title: str
    description: str
    params: tuple[str, ...]
    path: Path | None
    text: str
    required: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueryResult:
    """What a query returned, read completely from the engine.

    Attributes:
        kind: ``select``, ``ask`` or ``graph`` (CONSTRUCT and DESCRIBE).
        variables: the SELECT variables, in order, without ``?``.
        rows: one tuple of terms (``None`` when unbound) per solution.
        boolean: the ASK answer.
        triples: the CONSTRUCT/DESCRIBE triples.
        truncated: ``True`` when ``max_results`` cut the answer short.
    """

    kind: ResultKind
    variables: tuple[str, ...] = ()
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False

    def __len__(self) -> int:
        if self.kind == "select":
            return len(self.rows)
        if self.kind == "graph":
            return len(self.triples)
        return 1


def parse_header(text: str) -> tuple[str, str, tuple[str, ...]]:
    """Read ``title``, ``description`` and ``params`` from a query's comment header.

    Example:
        >>> parse_header("# title: Cast\\n# params: ?film ?year\\nSELECT * {}")
        ('Cast', '', ('film', 'year'))
    """
    fields: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        match = _HEADER.match(stripped)
        if match:
            current = match.group(1).lower()
            fields[current] = match.group(2).strip()
            continue
        more = _CONTINUATION.match(line.rstrip())
        if more and current:
            fields[current] = f"{fields[current]} {more.group(1).strip()}".strip()
        else:
            current = None
    params = tuple(dict.fromkeys(_PARAM.findall(fields.get("params", ""))))
    return fields.get("title", ""), fields.get("description", ""), params


def required_params(text: str) -> tuple[str, ...]:
    """Parameters whose header note starts with ``(required``.

    Example:
        >>> required_params("# params: ?entity (required: an IRI) ?depth")
        ('entity',)
    """
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if match and match.group(1).lower() == "params":
            found = re.findall(r"[?$]([A-Za-z_]\w*)\s*\(\s*required", match.group(2))
            return tuple(found)
    return ()


def read_query_file(path: str | Path) -> NamedQuery:
    """One ``.rq`` file as a :class:`NamedQuery`.

    Raises:
        QueryError: the file cannot be read.
    """
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"Cannot read the query file {file}: {exc}") from exc
    title, description, params = parse_header(text)
    return NamedQuery(
        file.stem,
        title or file.stem,
        description,
        params,
        file,
        text,
        required_params(text),
    )


def list_queries(directory: str | Path | None = None) -> list[NamedQuery]:
    """Every named query in ``directory`` (default ``queries/``), sorted by name."""
    folder = Path(directory) if directory is not None else QUERIES_DIR
    return [read_query_file(p) for p in sorted(folder.glob("*.rq"))]


def load_query(
    name_or_path_or_text: str, *, directory: str | Path | None = None
) -> NamedQuery:
    """Resolve a query name (``film-cast``), a ``.rq`` path or SPARQL text.

    Raises:
        QueryError: an unknown name (the message lists the available ones) or a file
            that cannot be read.

    Example:
        >>> load_query("SELECT * WHERE { ?s ?p ?o }").name
        'query'
    """
    value = name_or_path_or_text.strip()
    if any(ch in value for ch in "{}\n \t"):
        title, description, params = parse_header(value)
        if not params:
            params = ()
        return NamedQuery("query", title or "query", description, params, None, value)
    folder = Path(directory) if directory is not None else QUERIES_DIR
    if value.endswith(".rq") or "/" in value or "\\" in value:
        path = Path(value)
        if path.is_file():
            return read_query_file(path)
        raise QueryError(f"No query file at {path}: check the path.")
    candidate = folder / f"{value}.rq"
    if _NAME.match(value) and candidate.is_file():
        return read_query_file(candidate)
    names = ", ".join(q.name for q in list_queries(folder)) or "(none)"
    raise QueryError(
        f"Unknown query '{value}'. Available: {names}. "
        "Run 'reelgraph query --list' for descriptions."
    )


def parse_value(value: str) -> ox.NamedNode | ox.Literal:
    """A parameter value as a term: IRI for ``<...>`` or http(s) URLs, else a literal.

    Example:
        >>> parse_value("<https://w3id.org/reelgraph/id/film/x>")
        <NamedNode value=https://w3id.org/reelgraph/id/film/x>
        >>> parse_value("Anatomy of a Fall").value
        'Anatomy of a Fall'
    """
    text = value.strip()
    if text.startswith("<") and text.endswith(">") and len(text) > 2:
        return _iri(text[1:-1], value)
    if re.match(r"^https?://\S+$", text):
        return _iri(text, value)
    return ox.Literal(value)


def _iri(text: str, original: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(text)
    except ValueError as exc:
        raise QueryError(
            f"Parameter value {original!r} is not a valid IRI: {exc}. "
            "Write an IRI as <http://...> or pass plain text for a literal."
        ) from exc


def prepare_bindings(
    query: NamedQuery, bindings: Mapping[str, str | Any] | None
) -> dict[str, Any]:
    """Check parameter names against the query and turn values into terms.

    Strings go through :func:`parse_value`; pyoxigraph terms pass unchanged.

    Raises:
        QueryError: a named query does not declare the parameter, or a required
            one is missing.
    """
    given = {name.lstrip("?$") for name in (bindings or {})}
    missing = [p for p in query.required if p not in given]
    if missing:
        raise QueryError(
            f"Query '{query.name}' needs "
            + ", ".join(f"?{p}" for p in missing)
            + f": pass it with -p {missing[0]} VALUE."
        )
    out: dict[str, Any] = {}
    for raw_name, value in (bindings or {}).items():
        name = raw_name.lstrip("?$")
        if query.path is not None and name not in query.params:
            declared = ", ".join(f"?{p}" for p in query.params) or "none"
            raise QueryError(
                f"Query '{query.name}' has no parameter ?{name}. "
                f"Its parameters: {declared}."
            )
        out[name] = parse_value(value) if isinstance(value, str) else value
    return out


def run_query(
    store: Any,
    query: NamedQuery | str,
    *,
    bindings: Mapping[str, str | Any] | None = None,
    max_results: int | None = None,
) -> QueryResult:
    """Run a query on a store (``graph.store`` store or ``pyoxigraph.Store``).

    Args:
        store: what :func:`graph.store.open_store` returned, or a pyoxigraph Store.
        query: a :class:`NamedQuery`, or a name, path or text for :func:`load_query`.
        bindings: parameter name -> value (string, parsed by :func:`parse_value`, or
            a pyoxigraph term); bound through the engine.
        max_results: keep at most this many rows/triples (``truncated`` tells).

    Raises:
        QueryError: syntax errors (with line and column), unknown parameters, or a
            failure while evaluating.
    """
    named = query if isinstance(query, NamedQuery) else load_query(query)
    if is_update(named.text):
        raise QueryError(
            f"Query '{named.name}' is a SPARQL Update; 'reelgraph query' only reads. "
            "Change the store with 'reelgraph ingest' or 'reelgraph remove'."
        )
    terms = prepare_bindings(named, bindings)
    try:
        raw = _execute(store, named.text, terms)
        return _collect(raw, max_results)
    except QueryError as exc:
        raise QueryError(_explain(named, str(exc))) from exc
    except SyntaxError as exc:
        raise QueryError(_explain(named, f"SPARQL syntax error: {exc}")) from exc
    except GraphError:
        raise
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise QueryError(_explain(named, f"query failed: {exc}")) from exc


def _execute(store: Any, text: str, terms: dict[str, Any]) -> Any:
    if isinstance(store, ox.Store):
        subs = {ox.Variable(k): v for k, v in terms.items()} or None
        return store.query(text, use_default_graph_as_union=True, substitutions=subs)
    return store.query(text, bindings=terms or None)


def _collect(raw: Any, max_results: int | None) -> QueryResult:
    if isinstance(raw, ox.QueryBoolean | bool):
        return QueryResult("ask", boolean=bool(raw))
    limit = max_results if max_results is not None else -1
    if isinstance(raw, ox.QuerySolutions):
        variables = tuple(v.value for v in raw.variables)
        rows: list[tuple[Any, ...]] = []
        for solution in raw:
            if len(rows) == limit:
                return QueryResult("select", variables, rows, truncated=True)
            rows.append(tuple(solution[i] for i in range(len(variables))))
        return QueryResult("select", variables, rows)
    triples: list[ox.Triple] = []
    for triple in raw:
        if len(triples) == limit:
            return QueryResult("graph", triples=triples, truncated=True)
        triples.append(triple)
    return QueryResult("graph", triples=triples)


def error_position(message: str) -> tuple[int, int] | None:
    """(line, column) of a SPARQL syntax error message, when it names one.

    Example:
        >>> error_position("error at 2:9: expected one of LATERAL")
        (2, 9)
        >>> error_position("Syntax error in query 'q' at line 3, column 1: ...")
        (3, 1)
    """
    match = _POSITION.search(message)
    if not match:
        return None
    line, column = match.group(1) or match.group(3), match.group(2) or match.group(4)
    return int(line), int(column)


def _explain(query: NamedQuery, message: str) -> str:
    where = f"query '{query.name}'" + (f" ({query.path})" if query.path else "")
    position = error_position(message)
    if position:
        line, column = position
        lines = query.text.splitlines()
        shown = lines[line - 1] if 0 < line <= len(lines) else ""
        pointer = " " * max(column - 1, 0) + "^"
        reason = _readable(message)
        if line >= len(lines) and column > len(shown.rstrip()):
            reason = "the query ends too early (a missing '}' or ')'?)"
        return (
            f"Syntax error in {where} at line {line}, column {column}: "
            f"{reason}\n  {shown}\n  {pointer}"
        )
    if "SELECT projection" in message:
        return (
            f"Cannot bind a parameter in {where}: {message}. A parameter must be a "
            "variable the query projects; for CONSTRUCT or ASK, put the pattern in a "
            "sub-SELECT that projects it."
        )
    return f"In {where}: {message}"


_UPDATE = re.compile(
    r"^(?:\s*(?:#[^\n]*(?:\n|$)|PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>))*\s*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL Update rather than a query.

    Example:
        >>> is_update("PREFIX ex: <http://ex.org/> INSERT DATA { ex:a ex:b ex:c }")
        True
        >>> is_update("# films with their cast\\nSELECT * WHERE { ?s ?p ?o }")
        False
    """
    return bool(_UPDATE.match(text))


def _readable(message: str) -> str:
    """The parser's message without its lists of Unicode character classes."""
    core = re.sub(r"^.*?error at \d+:\d+:\s*", "", message, flags=re.S)
    if "Prefix not found" in core:
        return "unknown prefix: declare it with a PREFIX line"
    first = core.splitlines()[0] if core else message
    if first.startswith("expected one of") and ("'\\u{" in core or "..=" in core):
        return "unexpected text here"
    return first[:200]


def describe_queries(queries: Iterable[NamedQuery]) -> list[tuple[str, str, str]]:
    """(name, params, title + description) rows for ``reelgraph query --list``."""
    return [
        (
            q.name,
            " ".join(f"?{p}" for p in q.params),
            f"{q.title}. {q.description}".strip(),
        )
        for q in queries
    ]
