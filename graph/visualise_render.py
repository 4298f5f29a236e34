"""Visualise stage, output side: networkx graph -> offline HTML page, GraphML, GEXF.

Contract: :func:`render_html` writes one self-contained page (vis-network's script and
style inlined from the installed pyvis package, no CDN, no Bootstrap, a strict Content
Security Policy) with every piece of text escaped; tooltips are plain text. Graphs
above :data:`PHYSICS_THRESHOLD` nodes are laid out here and drawn without live physics;
above :data:`HARD_CAP` the page shows the :data:`SUMMARY_NODES` best-connected nodes
and says so. :func:`write_network` writes GraphML or GEXF with XML-safe text. Every
file is written to a temporary file beside the target, then renamed.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import ExportError, MissingDependency
from graph.visualise_page import assemble_page, legend_html

log = logging.getLogger(__name__)

PHYSICS_THRESHOLD = 300
"""Above this many nodes, live physics is off and networkx positions are used."""
HARD_CAP = 20_000
"""Above this many nodes, the page shows a summary instead of the whole graph."""
SUMMARY_NODES = 5_000
"""How many nodes (highest degree first) a summarised page keeps."""

# kind -> (colour, vis-network shape, legend text)
KIND_STYLES: dict[str, tuple[str, str, str]] = {
    "film": ("#e8590c", "square", "film"),
    "director": ("#3b5bdb", "diamond", "director"),
    "actor": ("#2b8a3e", "dot", "actor"),
    "person": ("#9c36b5", "diamond", "director and actor"),
    "festival": ("#c2255c", "star", "festival"),
    "edition": ("#f06595", "triangle", "festival edition"),
    "theme": ("#0c8599", "hexagon", "theme"),
    "place": ("#8d6e63", "triangleDown", "place"),
    "other": ("#868e96", "dot", "other"),
}
RELATION_COLOURS: dict[str, str] = {
    "directed": "#748ffc",
    "acted in": "#8ce99a",
    "co-starred": "#69db7c",
    "edition of": "#faa2c1",
    "selected": "#ffc078",
    "won": "#f59f00",
    "theme": "#66d9e8",
    "set in": "#bcaaa4",
}
COMMUNITY_COLOURS = (
    "#4263eb", "#e8590c", "#2f9e44", "#c2255c", "#7048e8", "#1098ad",
    "#f08c00", "#5c940d", "#d6336c", "#495057", "#0b7285", "#a61e4d",
)  # fmt: skip
OTHER_COMMUNITY = "#ced4da"
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_NODE_SPACING = 34.0  # pixels per node in a community disc
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TOOLTIP_PROVENANCE = 8


def render_html(
    nx_graph: nx.Graph,
    out_path: str | Path,
    *,
    title: str = "reelgraph network",
    physics: bool | None = None,
    size_by: str = "degree",
    max_nodes: int = HARD_CAP,
    summary_nodes: int = SUMMARY_NODES,
    physics_threshold: int = PHYSICS_THRESHOLD,
    seed: int = 7,
) -> Path:
    """Write ``nx_graph`` as a self-contained interactive HTML page.

    Args:
        nx_graph: a graph shaped like :func:`graph.visualise.build_network` output
            (missing ``label``/``kind`` fall back to the node id and ``"other"``).
        out_path: the ``.html`` file to write (replaced atomically).
        title: page title and heading (shown as text, never as markup).
        physics: live physics on or off; ``None`` turns it on up to
            ``physics_threshold`` nodes.
        size_by: ``"degree"`` or ``"betweenness"`` (sampled above 500 nodes).
        max_nodes: above this, draw a summary of ``summary_nodes`` nodes instead.
        summary_nodes: how many best-connected nodes a summary keeps.
        physics_threshold: the node count up to which physics defaults to on.
        seed: seed for layout and community detection (same input, same page).

    Returns:
        The path written.

    Raises:
        ValueError: ``size_by`` is not ``"degree"`` or ``"betweenness"``.
        MissingDependency: pyvis is not installed.
        ExportError: the file cannot be written (the previous one is kept).
    """
    if size_by not in ("degree", "betweenness"):
        raise ValueError(f"size_by must be 'degree' or 'betweenness', not {size_by!r}")
    out = Path(out_path)
    graph, notice = nx_graph, ""
    if len(graph) > max_nodes:
        graph = summarise_network(graph, keep=summary_nodes)
        notice = (
            f"This network has {len(nx_graph):,} nodes and "
            f"{nx_graph.number_of_edges():,} edges, more than a browser can draw "
            f"({max_nodes:,}). Showing the {len(graph):,} best-connected nodes. "
            "Narrow it with --focus, --festival, --year or --role, or export it with "
            "--format graphml or gexf for Gephi."
        )
        log.info("%s", notice)
    if not graph:
        notice = (
            "Nothing to draw: this view has no nodes. Loosen the filters, or ingest "
            "reviews first (reelgraph ingest PATH)."
        )
    live = physics if physics is not None else len(graph) <= physics_threshold
    data = _network_data(graph, live=live, size_by=size_by, seed=seed)
    stats = (
        f"{len(graph):,} nodes · {graph.number_of_edges():,} edges · "
        f"{data['communityCount']:,} communities · physics {'on' if live else 'off'}"
    )
    page = assemble_page(
        title=title,
        notice=notice,
        stats=stats,
        legend=legend_html(
            kinds=data.pop("kinds"),
            relations=data.pop("relations"),
            communities=data.pop("communities"),
            kind_styles=KIND_STYLES,
            relation_colours=RELATION_COLOURS,
            community_colours=COMMUNITY_COLOURS,
        ),
        data_json=_script_json(data),
        vis_js=_pyvis_asset("vis-network.min.js"),
        vis_css=_pyvis_asset("vis-network.css"),
    )
    write_atomic(out, page.encode("utf-8"))
    return out


def summarise_network(graph: nx.Graph, *, keep: int = SUMMARY_NODES) -> nx.Graph:
    """The subgraph of the ``keep`` nodes of highest degree (ties by label, then id)."""
    ranked = sorted(
        graph.degree(),
        key=lambda nd: (-nd[1], str(graph.nodes[nd[0]].get("label", "")), str(nd[0])),
    )
    summary: nx.Graph = graph.subgraph(n for n, _d in ranked[:keep]).copy()
    summary.graph.update(graph.graph, summarised_from=len(graph))
    return summary


def write_network(nx_graph: nx.Graph, out_path: str | Path, *, fmt: str) -> Path:
    """Write the network as ``"graphml"`` or ``"gexf"`` for Gephi and Cytoscape.

    Tuple attributes become ``"; "``-joined text, ``None`` values are dropped and
    characters that XML 1.0 forbids (control characters) are removed.

    Raises:
        ValueError: ``fmt`` is not graphml or gexf.
        ExportError: the file cannot be written (the previous one is kept).
    """
    if fmt not in ("graphml", "gexf"):
        raise ValueError(f"Unknown network format {fmt!r}. Available: graphml, gexf.")
    clean = nx.Graph()
    clean.graph.update(
        {k: _xml_value(v) for k, v in nx_graph.graph.items() if v is not None}
    )
    ids = {node: _xml_text(str(node)) for node in nx_graph}
    for node, attrs in nx_graph.nodes(data=True):
        clean.add_node(ids[node], **_xml_attrs(attrs))
    for u, v, attrs in nx_graph.edges(data=True):
        clean.add_edge(ids[u], ids[v], **_xml_attrs(attrs))
    if fmt == "gexf":
        for node, attrs in clean.nodes(data=True):
            colour = KIND_STYLES.get(str(attrs.get("kind")), KIND_STYLES["other"])[0]
            r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
            attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
            attrs["viz"]["size"] = float(4 + 2 * math.sqrt(clean.degree(node)))
    lines = nx.generate_graphml(clean) if fmt == "graphml" else nx.generate_gexf(clean)
    write_atomic(Path(out_path), "\n".join(lines).encode("utf-8"))
    return Path(out_path)


def write_atomic(out: Path, payload: bytes) -> None:
    """Write ``payload`` to ``out`` whole or not at all (graph.export.write_atomic)."""
    from graph.export import write_atomic as write_file_atomic

    write_file_atomic(out, lambda handle: handle.write(payload))


# --- page data ------------------------------------------------------------------------


def _network_data(
    graph: nx.Graph, *, live: bool, size_by: str, seed: int
) -> dict[str, Any]:
    try:
        from pyvis.edge import Edge
        from pyvis.network import Network
        from pyvis.node import Node
    except ImportError as exc:
        raise MissingDependency("pyvis is not installed: pip install pyvis") from exc
    communities = _communities(graph, seed)
    member = {n: i for i, block in enumerate(communities) for n in block}
    positions = _layout(graph, communities, seed=seed, spring=live)
    sizes = _sizes(graph, size_by=size_by, seed=seed)
    big = len(graph) > PHYSICS_THRESHOLD
    # Nodes and edges go straight into pyvis's own lists: Network.add_node/add_edge
    # check membership in Python lists (quadratic), and from_nx is slower still.
    net = Network(height="100%", width="100%", directed=False, cdn_resources="local")
    index: dict[Hashable, int] = {}
    type_colours: list[str] = []
    community_colours: list[str] = []
    kinds: dict[str, int] = {}
    for i, (node, attrs) in enumerate(sorted(graph.nodes(data=True), key=_node_order)):
        index[node] = i
        kind = str(attrs.get("kind", "other"))
        colour, shape, _legend = KIND_STYLES.get(kind, KIND_STYLES["other"])
        kinds[kind] = kinds.get(kind, 0) + 1
        block = member.get(node, 0)
        ccolour = (
            COMMUNITY_COLOURS[block]
            if block < len(COMMUNITY_COLOURS)
            else OTHER_COMMUNITY
        )
        type_colours.append(colour)
        community_colours.append(ccolour)
        x, y = positions[node]
        options: dict[str, Any] = {
            "title": _node_tooltip(graph, node, attrs, block),
            "size": round(sizes[node] * (1.4 if attrs.get("focus") else 1.0), 1),
            "x": round(x, 1),
            "y": round(y, 1),
        }
        if attrs.get("focus"):
            options["borderWidth"] = 5
        entry = Node(
            i,
            shape,
            label=_one_line(attrs.get("label") or node),
            color=colour,
            **options,
        )
        net.nodes.append(entry.options)
        net.node_ids.append(i)
        net.node_map[i] = entry.options
    relations: dict[str, int] = {}
    for u, v, attrs in graph.edges(data=True):
        relation = str(attrs.get("relation", "related"))
        relations[relation] = relations.get(relation, 0) + 1
        weight = _number(attrs.get("weight", 1))
        options = {
            "title": _edge_tooltip(attrs),
            "width": round(1 + math.log2(max(weight, 1)), 2),
            "color": RELATION_COLOURS.get(relation, "#adb5bd"),
        }
        if not big:
            options["label"] = _one_line(attrs.get("label") or relation)
        net.edges.append(Edge(index[u], index[v], False, **options).options)
    net.options = _vis_options(live=live, big=big)
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    return {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options_json),
        "physics": live,
        "typeColors": type_colours,
        "communityColors": community_colours,
        "communityCount": len(communities),
        "kinds": kinds,
        "relations": relations,
        "communities": [
            (len(block), _one_line(graph.nodes[_hub(graph, block)].get("label") or ""))
            for block in communities[: len(COMMUNITY_COLOURS)]
        ],
    }


def _vis_options(*, live: bool, big: bool) -> dict[str, Any]:
    physics: dict[str, Any] = {"enabled": False}
    if live:
        physics = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
            "stabilization": {"enabled": True, "iterations": 150, "fit": True},
        }
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "nodes": {
            "borderWidth": 2,
            "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "smooth": False
            if big
            else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "font": {
                "size": 11,
                "color": "#495057",
                "strokeWidth": 3,
                "align": "middle",
            },
            "selectionWidth": 2,
        },
        "physics": physics,
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": True,
        },
    }


def _communities(graph: nx.Graph, seed: int) -> list[list[Hashable]]:
    """Louvain communities, largest first, members in a stable order."""
    if graph.number_of_edges() == 0:
        blocks = [[n] for n in graph]
    else:
        found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
        blocks = [sorted(block, key=str) for block in found]
    return sorted(blocks, key=lambda b: (-len(b), str(b[0]) if b else ""))


def _layout(
    graph: nx.Graph, communities: list[list[Hashable]], *, seed: int, spring: bool
) -> dict[Hashable, tuple[float, float]]:
    """Positions in pixels: one disc per community, packed in rows.

    Small communities get a spring layout; large ones a sunflower spiral in
    breadth-first order from their hub, so neighbours sit near each other.
    """
    if not graph:
        return {}
    if spring or len(graph) <= 150:
        pos = nx.spring_layout(graph, seed=seed, iterations=60)
        scale = 60.0 * math.sqrt(len(graph)) + 100.0
        return {n: (float(p[0]) * scale, float(p[1]) * scale) for n, p in pos.items()}
    discs: list[tuple[float, dict[Hashable, tuple[float, float]]]] = []
    for block in communities:
        radius = _NODE_SPACING * math.sqrt(len(block)) * 0.75 + _NODE_SPACING
        discs.append((radius, _disc(graph.subgraph(block), radius, seed)))
    total = sum((2 * r) ** 2 for r, _p in discs)
    row_width = math.sqrt(total) * 1.1
    placed: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for radius, local in discs:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        placed.update({n: (cx + px, cy + py) for n, (px, py) in local.items()})
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return placed


def _disc(
    block: nx.Graph, radius: float, seed: int
) -> dict[Hashable, tuple[float, float]]:
    if len(block) <= 120:
        pos = nx.spring_layout(block, seed=seed, iterations=40)
        return {n: (float(p[0]) * radius, float(p[1]) * radius) for n, p in pos.items()}
    hub = _hub(block, list(block))
    order = list(nx.bfs_tree(block, hub)) if block.number_of_edges() else [hub]
    seen = set(order)
    order += sorted((n for n in block if n not in seen), key=str)
    count = len(order)
    return {
        node: (
            radius * math.sqrt((i + 0.5) / count) * math.cos(i * _GOLDEN_ANGLE),
            radius * math.sqrt((i + 0.5) / count) * math.sin(i * _GOLDEN_ANGLE),
        )
        for i, node in enumerate(order)
    }


def _sizes(graph: nx.Graph, *, size_by: str, seed: int) -> dict[Hashable, float]:
    if size_by == "betweenness":
        k = 200 if len(graph) > 500 else None
        score = nx.betweenness_centrality(graph, k=k, seed=seed)
    else:
        score = {n: float(d) for n, d in graph.degree()}
    top = max(score.values(), default=0.0) or 1.0
    return {n: 8.0 + 32.0 * math.sqrt(score[n] / top) for n in graph}


def _hub(graph: nx.Graph, block: list[Hashable]) -> Hashable:
    return max(block, key=lambda n: (graph.degree(n), str(n)))


def _node_order(item: tuple[Hashable, Mapping[str, Any]]) -> tuple[str, str]:
    return (str(item[1].get("label", "")), str(item[0]))


def _node_tooltip(
    graph: nx.Graph, node: Hashable, attrs: Mapping[str, Any], block: int
) -> str:
    kind = str(attrs.get("kind", "other"))
    lines = [
        str(attrs.get("label") or node),
        KIND_STYLES.get(kind, KIND_STYLES["other"])[2],
    ]
    lines += [str(x) for x in _as_tuple(attrs.get("details"))]
    lines.append(f"{graph.degree(node)} links · community {block + 1}")
    if attrs.get("focus"):
        lines.append("centre of this network")
    lines.append(str(attrs.get("iri") or node))
    return "\n".join(lines)


def _edge_tooltip(attrs: Mapping[str, Any]) -> str:
    lines = [str(attrs.get("label") or attrs.get("relation") or "related")]
    provenance = [str(x) for x in _as_tuple(attrs.get("provenance"))]
    lines += provenance[:_TOOLTIP_PROVENANCE]
    if len(provenance) > _TOOLTIP_PROVENANCE:
        lines.append(f"… and {len(provenance) - _TOOLTIP_PROVENANCE} more")
    return "\n".join(lines)


def _one_line(value: Any, limit: int = 60) -> str:
    text = " ".join(_XML_INVALID.sub(" ", str(value)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _as_tuple(value: Any) -> tuple[Any, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(value)
    return (value,)


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 1.0


def _script_json(data: Mapping[str, Any]) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _pyvis_asset(name: str) -> str:
    try:
        import pyvis
    except ImportError as exc:
        raise MissingDependency("pyvis is not installed: pip install pyvis") from exc
    path = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2" / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise MissingDependency(
            f"pyvis's vis-network file {path} is missing: reinstall pyvis>=0.3.2"
        ) from exc
    if "</script" in text.lower() or "</style" in text.lower():
        raise ExportError(f"{path} cannot be inlined safely (it closes its element)")
    # the source map is not shipped with the page; drop the pointer to it
    return re.sub(r"/[/*]# sourceMappingURL=\S+", "", text)


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _xml_value(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return _xml_text("; ".join(str(x) for x in value))
    return _xml_text(str(value))


def _xml_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {
        _xml_text(str(k)): _xml_value(v)
        for k, v in attrs.items()
        if v is not None and k != "viz"
    }
