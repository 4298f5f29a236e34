"""Errors: one hierarchy for every problem with data or the environment.

Every message says what failed, on which input, and what to do about it. The CLI turns
any :class:`GraphError` into a one-line message and exit status 1 (see ``cli.py``).
Programmer misuse of an argument raises ``ValueError``/``TypeError`` instead.
"""

from __future__ import annotations


class GraphError(Exception):
    """Base class of every reelgraph error."""


class IngestError(GraphError):
    """A review could not be read or decoded (names the file and the reason)."""


class ExtractionError(GraphError):
    """The extractor could not process a review (too large, pipeline missing...)."""


class LinkingError(GraphError):
    """Linking to Wikidata failed in a way that is not a network problem."""


class WikidataError(GraphError):
    """A request to the Wikidata query service (or a mirror) failed.

    Attributes:
        status: the HTTP status, or ``None`` for resets, timeouts and bad bodies.
        retry_after: seconds the server asked us to wait, when it said so.
        retryable: ``False`` when trying again cannot help (the host name does not
            resolve: no network, or a typo in the endpoint).
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        retryable: bool = True,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
        self.retryable = retryable


class OfflineCacheMiss(WikidataError):
    """``--offline`` was asked for and the answer is not in the cache."""


class StoreError(GraphError):
    """The RDF store could not be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the store open for writing."""


class ValidationError(GraphError):
    """Data does not conform to ``ontology/shapes.ttl``; carries the report."""

    def __init__(self, message: str, *, report: object | None = None) -> None:
        super().__init__(message)
        self.report = report


class QueryError(GraphError):
    """A SPARQL query is unknown, malformed (line and column) or failed."""


class ExportError(GraphError):
    """An export could not be written; the previous file is left untouched."""


class MissingDependency(GraphError):
    """An optional piece (a spaCy pipeline, Chromium, an extra) is not installed."""
