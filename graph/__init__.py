"""reelgraph: film reviews in, a Wikidata-linked knowledge graph out.

The package ``graph`` holds one module per pipeline stage (see README.md). Importing it
does nothing but define names: no model loading, no network, no logging setup.
"""

from __future__ import annotations

from graph.config import Settings, version
from graph.errors import GraphError

__version__ = version()

__all__ = ["GraphError", "Settings", "__version__"]
