"""Network pages: time to write the HTML and time until headless Chromium has drawn it.

Synthetic films-people graphs (each film: one director, four actors from a shared
pool, so people recur) of about 500, 5,000 and 50,000 nodes go through
``graph.visualise.render_html``. The baseline, measured in the same run for 500 and
5,000 nodes, is pyvis's own path: ``Network.from_nx`` then ``generate_html`` with
``cdn_resources="in_line"``. Both pages are then opened from ``file://`` in Debian's
Chromium (Playwright, requests leaving the machine aborted) and timed until the first
node is painted; for reelgraph pages also the frame rate while the view pans and zooms.
The pyvis page is browser-timed at 500 nodes only (its live physics needs minutes for
5,000 nodes; see DESIGN.md).

Usage:
    python benchmarks/viz.py                        # 500, 5,000, 50,000 nodes
    python benchmarks/viz.py --sizes 500,5000 --repeat 1 --no-browser
    python benchmarks/viz.py --json viz.json        # also write the numbers
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BASELINE_MAX_WRITE = 5_000  # from_nx is quadratic: 50,000 nodes do not finish
BASELINE_MAX_BROWSER = 500  # pyvis's live physics: minutes before the first draw
PAINTED = """() => {
  const c = document.querySelector('canvas');
  if (!c) return 0;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 16) {
    if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) n++;
  }
  return n;
}"""
FPS = """async () => {
  const net = window.reelgraph.network;
  let frames = 0;
  const count = () => { frames++; };
  net.on('afterDrawing', count);
  const start = performance.now();
  const scale = net.getScale();
  net.moveTo({scale: scale * 2.5, animation: {duration: 1500, easingFunction: 'linear'}});
  await new Promise((r) => setTimeout(r, 1600));
  net.off('afterDrawing', count);
  return frames / ((performance.now() - start) / 1000);
}"""


def film_network(nodes: int, *, seed: int = 1) -> nx.Graph:
    """A films-people graph with about ``nodes`` nodes (2.3 nodes per film)."""
    rng = random.Random(seed)
    films = max(int(nodes / 2.29), 1)
    pool = max(films, 10)
    graph = nx.Graph()
    base = "https://w3id.org/reelgraph/id/"
    for f in range(films):
        film = f"{base}film/f{f}"
        graph.add_node(film, label=f"Film {f}", kind="film", iri=film)
        director = f"{base}person/d{rng.randrange(pool // 3)}"
        graph.add_node(director, label=f"Director {director[-5:]}", kind="director")
        graph.add_edge(director, film, relation="directed", label="directed")
        for a in rng.sample(range(pool), 4):
            actor = f"{base}person/a{a}"
            graph.add_node(actor, label=f"Actor {a}", kind="actor")
            graph.add_edge(
                actor, film, relation="acted in", label=f"acted in (as R{a})"
            )
    return graph


def time_reelgraph(graph: nx.Graph, out: Path, repeat: int) -> float:
    from graph.visualise import render_html

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        render_html(graph, out)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_pyvis(graph: nx.Graph, out: Path, repeat: int) -> float:
    from pyvis.network import Network

    times = []
    for _ in range(repeat):
        copy = graph.copy()  # from_nx writes sizes into the graph it reads
        start = time.perf_counter()
        net = Network(cdn_resources="in_line")
        net.from_nx(copy)
        out.write_text(net.generate_html(), encoding="utf-8")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_browser(browser: Any, page_path: Path, *, ours: bool) -> dict[str, float]:
    """Seconds from navigation to the first painted nodes (and pan/zoom fps)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(600_000)
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file://")
            else route.abort()
        ),
    )
    start = time.perf_counter()
    page.goto(page_path.resolve().as_uri(), wait_until="commit")
    if ours:
        page.wait_for_function(
            "() => window.reelgraph && window.reelgraph.ready", polling=50
        )
    page.wait_for_function(f"() => ({PAINTED})() > 50", polling=50)
    result = {"interactive_s": time.perf_counter() - start}
    if ours:
        result["fps"] = float(page.evaluate(FPS))
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000,50000")
    parser.add_argument(
        "--repeat", type=int, default=3, help="writes per size (median)"
    )
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[dict[str, Any]] = []
    browser = playwright = None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
    with tempfile.TemporaryDirectory(prefix="reelgraph-viz-") as tmp:
        for size in sizes:
            graph = film_network(size)
            repeat = args.repeat if size <= 5_000 else 1
            ours_path = Path(tmp) / f"ours-{size}.html"
            row: dict[str, Any] = {
                "nodes": len(graph),
                "edges": graph.number_of_edges(),
            }
            row["write_s"] = time_reelgraph(graph, ours_path, repeat)
            row["html_mb"] = ours_path.stat().st_size / 1e6
            if size <= BASELINE_MAX_WRITE:
                base_path = Path(tmp) / f"pyvis-{size}.html"
                row["pyvis_write_s"] = time_pyvis(graph, base_path, repeat)
            if browser is not None:
                ours = time_browser(browser, ours_path, ours=True)
                row["interactive_s"], row["fps"] = ours["interactive_s"], ours["fps"]
                if size <= BASELINE_MAX_BROWSER:
                    base = time_browser(browser, base_path, ours=False)
                    row["pyvis_interactive_s"] = base["interactive_s"]
            rows.append(row)
            print(json.dumps(row), flush=True)
    if browser is not None and playwright is not None:
        browser.close()
        playwright.stop()
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


def print_table(rows: list[dict[str, Any]]) -> None:
    def cell(row: dict[str, Any], key: str, fmt: str) -> str:
        width = int(fmt.lstrip(">").split(".")[0])
        return format(row[key], fmt) if key in row else format("-", f">{width}")

    def ratio(row: dict[str, Any], base: str, ours: str) -> str:
        if base not in row or ours not in row:
            return "-"
        return f"{row[base] / row[ours]:.1f}x"

    head = (
        f"{'nodes':>7} {'edges':>7} {'write s':>8} {'pyvis s':>8} {'speedup':>8} "
        f"{'MB':>6} {'ready s':>8} {'pyvis ready':>11} {'speedup':>8} {'pan fps':>8}"
    )
    print()
    print(head)
    print("-" * len(head))
    for row in rows:
        print(
            f"{row['nodes']:>7,} {row['edges']:>7,} {cell(row, 'write_s', '>8.2f')} "
            f"{cell(row, 'pyvis_write_s', '>8.2f')} "
            f"{ratio(row, 'pyvis_write_s', 'write_s'):>8} {row['html_mb']:>6.1f} "
            f"{cell(row, 'interactive_s', '>8.2f')} "
            f"{cell(row, 'pyvis_interactive_s', '>11.2f')} "
            f"{ratio(row, 'pyvis_interactive_s', 'interactive_s'):>8} "
            f"{cell(row, 'fps', '>8.0f')}"
        )
    print(
        "\nwrite: render_html (layout, communities, page) vs pyvis from_nx + "
        "generate_html;\nready: navigation to first painted nodes in headless "
        "Chromium; above 20,000 nodes the page is a 5,000-node summary."
    )


if __name__ == "__main__":
    main()
