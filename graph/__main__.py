"""``python -m graph`` runs the reelgraph command line."""

from graph.cli import main

if __name__ == "__main__":
    main()
