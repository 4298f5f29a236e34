"""``python -m graph`` runs the reelgraph command line."""

from graph.cli import main

main()
