/* reelgraph entity page: draw the neighbourhood fetched as N-Triples. */
"use strict";

(async () => {
  const box = document.getElementById("network");
  if (!box || typeof vis === "undefined") return;
  const response = await fetch(box.dataset.source, { headers: { Accept: "application/n-triples" } });
  if (!response.ok) return;
  const triples = ReelGraph.parseNTriples(await response.text());
  const iri = box.dataset.focus;
  const base = iri.slice(0, iri.indexOf("id/"));
  ReelGraph.draw(box, triples, { focus: iri, base });
})();
