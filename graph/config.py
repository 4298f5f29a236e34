"""Configuration: one frozen :class:`Settings` from defaults, environment, options.

Environment variables (all optional):

- ``REELGRAPH_HOME``: folder of the default store and caches (default ``.reelgraph``).
- ``REELGRAPH_STORE``: the embedded store folder (default ``$REELGRAPH_HOME/store``).
- ``REELGRAPH_WIKIDATA_ENDPOINT``: an http(s) SPARQL URL or the folder of a local mirror
  made with ``reelgraph wikidata mirror load`` (default: the public query service).
- ``REELGRAPH_CACHE``: the Wikidata answer cache (default ``$REELGRAPH_HOME/cache``).
- ``REELGRAPH_SPACY_EN`` / ``REELGRAPH_SPACY_FR``: spaCy pipeline names or paths.
- ``REELGRAPH_BASE_IRI``: the base of every IRI reelgraph mints.
- ``REELGRAPH_TITLE_MODEL``: ``0`` turns off the learned title tagger (on by default).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
ONTOLOGY_DIR = PROJECT_DIR / "ontology"
QUERIES_DIR = PROJECT_DIR / "queries"
SAMPLES_DIR = PACKAGE_DIR / "samples"

PUBLIC_WIKIDATA_ENDPOINT = "https://query.wikidata.org/sparql"
DEFAULT_BASE_IRI = "https://w3id.org/reelgraph/"
CONTACT = "https://github.com/reelgraph/reelgraph/issues"


def version() -> str:
    """The installed reelgraph version (``0+unknown`` when running from a bare tree)."""
    try:
        return metadata.version("reelgraph")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def user_agent() -> str:
    """The User-Agent sent to Wikidata: tool, version and a contact, as WDQS asks."""
    return f"reelgraph/{version()} ({CONTACT}) python-sparqlwrapper"


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else default


@dataclass(frozen=True)
class Settings:
    """Everything configurable, resolved once and passed down explicitly.

    Example:
        >>> s = Settings.from_env().with_overrides(offline=True)
        >>> s.offline
        True
    """

    home: Path
    store: Path
    cache_dir: Path
    wikidata_endpoint: str
    base_iri: str = DEFAULT_BASE_IRI
    spacy_en: str = "en_core_web_sm"
    spacy_fr: str = "fr_core_news_sm"
    offline: bool = False
    enrich: bool = True
    wikidata_timeout: float = 65.0
    wikidata_batch_size: int = 50
    remote_query_endpoint: str | None = None
    remote_update_endpoint: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    title_model: bool = True

    @classmethod
    def from_env(cls) -> Settings:
        home = _env_path("REELGRAPH_HOME", Path.cwd() / ".reelgraph")
        return cls(
            home=home,
            store=_env_path("REELGRAPH_STORE", home / "store"),
            cache_dir=_env_path("REELGRAPH_CACHE", home / "cache"),
            wikidata_endpoint=os.environ.get(
                "REELGRAPH_WIKIDATA_ENDPOINT", PUBLIC_WIKIDATA_ENDPOINT
            ),
            base_iri=os.environ.get("REELGRAPH_BASE_IRI", DEFAULT_BASE_IRI),
            spacy_en=os.environ.get("REELGRAPH_SPACY_EN", "en_core_web_sm"),
            spacy_fr=os.environ.get("REELGRAPH_SPACY_FR", "fr_core_news_sm"),
            title_model=os.environ.get("REELGRAPH_TITLE_MODEL", "1") != "0",
        )

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with the given fields replaced; ``None`` values are ignored."""
        kept: dict[str, Any] = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **kept)
