/* reelgraph: read N-Triples and draw them as a network with vis-network.
   Literals become node labels (names) or tooltips; IRIs become nodes. */
"use strict";

const ReelGraph = (() => {
  const TERM = /^(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)\s*/;
  const NAME = new Set([
    "https://schema.org/name",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
  ]);
  const TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  const CHARACTER = "https://schema.org/characterName";
  const COLOURS = {
    Movie: "#3056d3", Person: "#d9480f", Review: "#2b8a3e", Festival: "#ae3ec9",
    FestivalEdition: "#be4bdb", Selection: "#cc5de8", Place: "#0c8599",
    Concept: "#e8590c", PerformanceRole: "#868e96", Organization: "#5c940d",
  };

  function unescape(text) {
    return text.replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\(.)/g, (m, u4, u8, c) => {
      if (u4) return String.fromCodePoint(parseInt(u4, 16));
      if (u8) return String.fromCodePoint(parseInt(u8, 16));
      return { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" }[c] ?? c;
    });
  }

  function parseTerm(token) {
    if (token.startsWith("<")) return { type: "uri", value: token.slice(1, -1) };
    if (token.startsWith("_:")) return { type: "bnode", value: token };
    const end = token.lastIndexOf('"');
    return { type: "literal", value: unescape(token.slice(1, end)) };
  }

  function parseNTriples(text) {
    const triples = [];
    for (const raw of text.split("\n")) {
      let line = raw.trim();
      if (!line || line.startsWith("#")) continue;
      const parts = [];
      for (let i = 0; i < 3; i += 1) {
        const m = TERM.exec(line);
        if (!m) break;
        parts.push(parseTerm(m[1]));
        line = line.slice(m[0].length);
      }
      if (parts.length === 3) triples.push(parts);
    }
    return triples;
  }

  function localName(iri) {
    const cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"));
    return cut >= 0 ? iri.slice(cut + 1) : iri;
  }

  function localPath(iri, base) {
    return base && iri.startsWith(base + "id/") ? "/" + iri.slice(base.length) : null;
  }

  function draw(container, triples, options = {}) {
    const names = new Map();
    const types = new Map();
    for (const [s, p, o] of triples) {
      if (NAME.has(p.value) && o.type === "literal" && !names.has(s.value)) names.set(s.value, o.value);
      if (p.value === CHARACTER && o.type === "literal") names.set(s.value, `as ${o.value}`);
      if (p.value === TYPE && o.type === "uri") types.set(s.value, localName(o.value));
    }
    const nodes = new Map();
    const edges = [];
    const addNode = (term) => {
      if (nodes.has(term.value)) return;
      const kind = types.get(term.value) || (term.value.startsWith("http://www.wikidata.org/") ? "Wikidata" : "");
      const label = names.get(term.value) || localName(term.value);
      nodes.set(term.value, {
        id: term.value,
        label: label.length > 40 ? label.slice(0, 38) + "…" : label,
        title: `${label}\n${kind ? kind + "\n" : ""}${term.value}`,
        color: COLOURS[kind] || (kind === "Wikidata" ? "#adb5bd" : "#495057"),
        shape: term.value === options.focus ? "star" : "dot",
        size: term.value === options.focus ? 22 : 12,
        font: { color: "#1d2330", size: 13 },
      });
    };
    for (const [s, p, o] of triples) {
      if (o.type === "literal" || p.value === TYPE) continue;
      addNode(s);
      addNode(o);
      edges.push({ from: s.value, to: o.value, label: localName(p.value), arrows: "to",
        font: { size: 10, color: "#5d6678", strokeWidth: 0 }, color: { color: "#adb5bd" } });
    }
    container.hidden = false;
    const data = { nodes: new vis.DataSet([...nodes.values()]), edges: new vis.DataSet(edges) };
    const many = nodes.size > 300;
    const network = new vis.Network(container, data, {
      physics: many ? false : { stabilization: { iterations: 150 } },
      layout: { improvedLayout: !many },
      interaction: { hover: true, tooltipDelay: 150 },
    });
    network.on("doubleClick", (params) => {
      const id = params.nodes[0];
      const path = id && localPath(id, options.base);
      if (path) window.location.assign(path);
    });
    return { network, nodes: nodes.size, edges: edges.length };
  }

  return { parseNTriples, draw, localPath, localName };
})();
