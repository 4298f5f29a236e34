"""Visualise stage, page side: the self-contained HTML around a vis-network drawing.

Contract: :func:`assemble_page` returns one HTML document with every script and style
inline, a Content Security Policy that allows only those exact scripts (by hash) and no
network access at all, and every piece of text passed in escaped. Node and edge data
travel as JSON in a data block that cannot close its element; tooltips are plain text
(vis-network shows string titles with ``innerText``). When the network has drawn, the
page sets ``window.reelgraph.ready`` and ``<body data-state="ready">``.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from html import escape

_CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;color:#212529;background:#fff;
  font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif}
body{display:flex;flex-direction:column}
header{padding:.5rem 1rem;border-bottom:1px solid #dee2e6}
h1{font-size:1.15rem;margin:0}
h2{font-size:.9rem;margin:.9rem 0 .3rem;text-transform:uppercase;letter-spacing:.04em;
  color:#495057}
.stats{margin:.15rem 0 0;color:#495057;font-size:.85rem}
.notice{margin:.4rem 0 0;padding:.4rem .6rem;background:#fff3bf;
  border:1px solid #fcc419;border-radius:4px}
.main{flex:1;display:flex;min-height:0}
#rg-network{flex:1;min-width:0;position:relative;background:#fcfcfd}
aside{width:300px;overflow:auto;padding:.25rem 1rem 1rem;border-left:1px solid #dee2e6}
aside ul{list-style:none;margin:0;padding:0}
aside li{display:flex;align-items:center;gap:.45rem;margin:.15rem 0}
.count{color:#868e96;margin-left:auto}
.swatch{display:inline-block;width:14px;height:14px;background:var(--c);flex:none}
.s-dot{border-radius:50%}
.s-diamond{transform:rotate(45deg) scale(.8)}
.s-triangle{clip-path:polygon(50% 0,100% 100%,0 100%)}
.s-triangleDown{clip-path:polygon(0 0,100% 0,50% 100%)}
.s-star{clip-path:polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,
  2% 35%,39% 35%)}
.s-hexagon{clip-path:polygon(25% 5%,75% 5%,100% 50%,75% 95%,25% 95%,0 50%)}
.line{width:18px;height:4px;border-radius:2px}
form{display:flex;gap:.3rem;margin-top:.6rem}
input[type=search]{flex:1;min-width:0;padding:.3rem .4rem;border:1px solid #adb5bd;
  border-radius:4px;font:inherit}
button{font:inherit;padding:.25rem .55rem;border:1px solid #adb5bd;border-radius:4px;
  background:#f8f9fa;cursor:pointer}
button[aria-pressed=true]{background:#d0ebff;border-color:#4dabf7}
.buttons{display:flex;gap:.3rem;flex-wrap:wrap;margin-top:.4rem}
#rg-status{min-height:1.2em;margin:.2rem 0;color:#c92a2a;font-size:.85rem}
#rg-details{white-space:pre-wrap;word-break:break-word;
  font:12px/1.4 ui-monospace,monospace;background:#f8f9fa;padding:.4rem;
  border-radius:4px;margin:0}
div.vis-tooltip{white-space:pre-wrap;max-width:420px;font:12px/1.4 system-ui,sans-serif}
"""

_APP_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("rg-data").textContent);
  var state = {ready: false, readyAt: null, nodeCount: data.nodes.length};
  window.reelgraph = state;
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("rg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  state.network = network;
  network.once("afterDrawing", function () {
    window.requestAnimationFrame(function () {
      state.ready = true;
      state.readyAt = window.performance.now();
      document.body.setAttribute("data-state", "ready");
    });
  });
  if (data.nodes.length === 0) {
    state.ready = true;
    state.readyAt = window.performance.now();
    document.body.setAttribute("data-state", "ready");
  }
  var details = document.getElementById("rg-details");
  var status = document.getElementById("rg-status");
  function show(item) { details.textContent = item ? String(item.title || "") : ""; }
  network.on("selectNode", function (p) { show(nodes.get(p.nodes[0])); });
  network.on("selectEdge", function (p) {
    if (p.nodes.length === 0) { show(edges.get(p.edges[0])); }
  });
  network.on("deselectNode", function () { show(null); });
  network.on("deselectEdge", function () { show(null); });
  function colourBy(mode) {
    var update = new Array(data.nodes.length);
    for (var i = 0; i < data.nodes.length; i++) {
      update[i] = {id: data.nodes[i].id, color: mode === "community"
        ? {background: data.communityColors[i], border: data.typeColors[i]}
        : data.typeColors[i]};
    }
    nodes.update(update);
    var buttons = document.querySelectorAll("[data-colour-by]");
    for (var j = 0; j < buttons.length; j++) {
      buttons[j].setAttribute("aria-pressed",
        String(buttons[j].getAttribute("data-colour-by") === mode));
    }
  }
  var colourButtons = document.querySelectorAll("[data-colour-by]");
  for (var k = 0; k < colourButtons.length; k++) {
    colourButtons[k].addEventListener("click", function (ev) {
      colourBy(ev.currentTarget.getAttribute("data-colour-by"));
    });
  }
  document.getElementById("rg-fit").addEventListener("click", function () {
    network.fit({animation: false});
  });
  document.getElementById("rg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var query = document.getElementById("rg-search").value.trim().toLowerCase();
    status.textContent = "";
    if (!query) { return; }
    var exact = null, partial = null;
    for (var i = 0; i < data.nodes.length && exact === null; i++) {
      var label = String(data.nodes[i].label).toLowerCase();
      if (label === query) { exact = data.nodes[i]; }
      else if (partial === null && label.indexOf(query) !== -1) {
        partial = data.nodes[i];
      }
    }
    var hit = exact || partial;
    if (!hit) {
      status.textContent = "No node matches \\u201c" + query + "\\u201d.";
      return;
    }
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: 1.2, animation: false});
    show(nodes.get(hit.id));
  });
}());
"""


def legend_html(
    *,
    kinds: Mapping[str, int],
    relations: Mapping[str, int],
    communities: Sequence[tuple[int, str]],
    kind_styles: Mapping[str, tuple[str, str, str]],
    relation_colours: Mapping[str, str],
    community_colours: Sequence[str],
) -> str:
    """The legend: node types (shape and colour), relations, largest communities."""
    parts = ["<h2>Nodes</h2><ul>"]
    for kind in sorted(kinds, key=lambda k: (-kinds[k], k)):
        colour, shape, text = kind_styles.get(kind, kind_styles["other"])
        parts.append(
            f'<li><span class="swatch s-{escape(shape)}" style="--c:{escape(colour)}">'
            f'</span>{escape(text)}<span class="count">{kinds[kind]:,}</span></li>'
        )
    parts.append("</ul><h2>Links</h2><ul>")
    for relation in sorted(relations, key=lambda r: (-relations[r], r)):
        colour = relation_colours.get(relation, "#adb5bd")
        parts.append(
            f'<li><span class="swatch line" style="--c:{escape(colour)}"></span>'
            f'{escape(relation)}<span class="count">{relations[relation]:,}</span></li>'
        )
    parts.append("</ul>")
    if communities:
        parts.append("<h2>Largest communities</h2><ul>")
        for i, (size, hub) in enumerate(communities):
            colour = community_colours[i % len(community_colours)]
            parts.append(
                f'<li><span class="swatch s-dot" style="--c:{escape(colour)}"></span>'
                f'around {escape(hub)}<span class="count">{size:,}</span></li>'
            )
        parts.append("</ul>")
    return "".join(parts)


def assemble_page(
    *,
    title: str,
    notice: str,
    stats: str,
    legend: str,
    data_json: str,
    vis_js: str,
    vis_css: str,
) -> str:
    """The whole page. ``legend`` is trusted HTML from :func:`legend_html`;
    ``data_json`` must already be safe inside ``<script>`` (see ``_script_json``)."""
    policy = "; ".join(
        (
            "default-src 'none'",
            f"script-src {_hash(vis_js)} {_hash(_APP_JS)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    notice_html = (
        f'<p class="notice" role="status">{escape(notice)}</p>' if notice else ""
    )
    return "".join(
        (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n',
            '<meta name="generator" content="reelgraph">\n',
            f"<title>{escape(title)}</title>\n",
            f"<style>{vis_css}</style>\n<style>{_CSS}</style>\n</head>\n",
            '<body data-state="loading">\n<header>',
            f"<h1>{escape(title)}</h1>",
            f'<p class="stats">{escape(stats)}</p>{notice_html}</header>\n',
            '<div class="main">\n',
            f'<div id="rg-network" role="img" aria-label="{escape(title)}"></div>\n',
            '<aside aria-label="Legend and controls">',
            '<form id="rg-search-form" role="search">',
            '<input id="rg-search" type="search" placeholder="Find a node by name" ',
            'aria-label="Find a node by name">',
            '<button type="submit">Find</button></form>',
            '<p id="rg-status" role="status"></p>',
            '<div class="buttons"><span>Colour:</span>',
            '<button type="button" data-colour-by="type" aria-pressed="true">type',
            '</button><button type="button" data-colour-by="community" ',
            'aria-pressed="false">community</button>',
            '<button type="button" id="rg-fit">fit</button></div>',
            legend,
            '<h2>Selected</h2><pre id="rg-details">Click a node or a link.</pre>',
            "</aside>\n</div>\n",
            f'<script type="application/json" id="rg-data">{data_json}</script>\n',
            f"<script>{vis_js}</script>\n<script>{_APP_JS}</script>\n",
            "</body>\n</html>\n",
        )
    )


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
