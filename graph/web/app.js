/* reelgraph query UI: named queries one click away, SELECT as a table,
   CONSTRUCT as a network. Every value is inserted as text, never as HTML. */
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const editor = $("editor");
  const state = { queries: [], current: null, base: "", prefixes: {} };

  function el(tag, attrs = {}, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function shorten(iri) {
    for (const [prefix, ns] of Object.entries(state.prefixes)) {
      if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
    }
    return iri;
  }

  function renderTerm(term) {
    if (!term) return document.createTextNode("");
    if (term.type === "uri") {
      const path = ReelGraph.localPath(term.value, state.base);
      if (path) return el("a", { href: path, class: "local", title: term.value }, path.slice(4));
      return el("a", { href: term.value, class: "external", rel: "noopener noreferrer", title: term.value },
        shorten(term.value));
    }
    const span = el("span", { class: term.type === "literal" ? "literal" : "bnode" }, term.value);
    if (term["xml:lang"]) {
      const frag = document.createDocumentFragment();
      frag.append(span, el("span", { class: "lang" }, ` @${term["xml:lang"]}`));
      return frag;
    }
    return span;
  }

  function setStatus(text, isError = false) {
    const status = $("status");
    status.textContent = text;
    status.classList.toggle("error", isError);
  }

  function showQuery(query) {
    state.current = query;
    editor.value = query.text;
    $("query-title").textContent = query.title;
    $("query-description").textContent = query.description;
    const params = $("params");
    params.replaceChildren();
    for (const name of query.params) {
      const label = el("label", {}, `?${name}`);
      const needed = (query.required || []).includes(name);
      const input = el("input", { type: "text", name, "data-param": name,
        placeholder: needed ? "required: text, or an IRI" : "text, or an IRI as <…> or https://…" });
      if (needed) input.required = true;
      label.append(input);
      params.append(label);
    }
    for (const button of document.querySelectorAll(".query-list button")) {
      button.setAttribute("aria-current", String(button.dataset.name === query.name));
    }
    history.replaceState(null, "", `#${query.name}`);
  }

  function renderList(filter = "") {
    const list = $("query-list");
    list.replaceChildren();
    const needle = filter.trim().toLowerCase();
    for (const query of state.queries) {
      const hay = `${query.name} ${query.title} ${query.description}`.toLowerCase();
      if (needle && !hay.includes(needle)) continue;
      const button = el("button", { type: "button", "data-name": query.name, title: query.description });
      button.append(document.createTextNode(query.title), el("span", { class: "name" }, query.name));
      button.addEventListener("click", () => { showQuery(query); run(); });
      const item = el("li");
      item.append(button);
      list.append(item);
    }
  }

  function renderTable(doc) {
    const vars = doc.head.vars || [];
    const rows = doc.results.bindings;
    const table = el("table", { class: "results-table", id: "results-table" });
    const head = el("tr");
    for (const v of vars) head.append(el("th", { scope: "col" }, v));
    table.append(el("thead"));
    table.tHead.append(head);
    const body = el("tbody");
    for (const row of rows) {
      const tr = el("tr");
      for (const v of vars) {
        const td = el("td");
        td.append(renderTerm(row[v]));
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(body);
    $("results").replaceChildren(table);
    return rows.length;
  }

  async function run() {
    const missing = [...document.querySelectorAll("[data-param]")].find(
      (input) => input.required && !input.value.trim());
    if (missing) {
      setStatus(`Give ?${missing.dataset.param}, then Run.`);
      $("results").replaceChildren();
      missing.focus();
      return;
    }
    const body = new URLSearchParams({ query: editor.value });
    for (const input of document.querySelectorAll("[data-param]")) {
      if (input.value.trim()) body.append(`$${input.dataset.param}`, input.value.trim());
    }
    setStatus("Running…");
    $("results").replaceChildren();
    $("network").hidden = true;
    const started = performance.now();
    let response;
    try {
      response = await fetch("/sparql", {
        method: "POST",
        headers: { Accept: "application/sparql-results+json, application/n-triples;q=0.9" },
        body,
      });
    } catch (error) {
      setStatus(`The endpoint did not answer: ${error}`, true);
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const kind = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      setStatus(await response.text(), true);
      return;
    }
    const truncated = response.headers.get("Reelgraph-Truncated");
    const note = truncated ? ` (cut at ${truncated.split("=")[1]}: add a LIMIT)` : "";
    if (kind.startsWith("application/sparql-results+json")) {
      const doc = await response.json();
      if (typeof doc.boolean === "boolean") {
        $("results").replaceChildren(el("p", { class: "boolean" }, String(doc.boolean)));
        setStatus(`ASK answered in ${seconds} s`);
        return;
      }
      const count = renderTable(doc);
      setStatus(`${count} row${count === 1 ? "" : "s"} in ${seconds} s${note}`);
      return;
    }
    const triples = ReelGraph.parseNTriples(await response.text());
    const drawn = ReelGraph.draw($("network"), triples, { base: state.base });
    setStatus(`${triples.length} triples, ${drawn.nodes} nodes in ${seconds} s${note}` +
      " (double-click a node to open it)");
  }

  async function init() {
    $("run").addEventListener("click", run);
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
    });
    $("filter").addEventListener("input", (event) => renderList(event.target.value));
    const response = await fetch("/api/queries");
    const doc = await response.json();
    state.queries = doc.queries;
    state.base = doc.base;
    state.prefixes = doc.prefixes;
    renderList();
    const fromHash = () => {
      const wanted = decodeURIComponent(location.hash.slice(1));
      const query = state.queries.find((q) => q.name === wanted);
      if (query && query !== state.current) showQuery(query);
    };
    window.addEventListener("hashchange", fromHash);
    fromHash();
    document.body.dataset.ready = "true";
  }

  init().catch((error) => setStatus(`Cannot load the named queries: ${error}`, true));
})();
