"""Browser tests of the network page: real headless Chromium, file:// pages, offline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.visualise import build_network, render_html

pytestmark = pytest.mark.browser


class PageWatch:
    """A page with its console errors and every request it made."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("request", lambda request: self.requests.append(request.url))

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("() => window.reelgraph && window.reelgraph.ready")

    def outside_requests(self) -> list[str]:
        local = ("file://", "http://127.0.0.1", "data:", "about:")
        return [url for url in self.requests if not url.startswith(local)]


@pytest.fixture
def watch(chromium_browser: Any) -> Iterator[PageWatch]:
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(120_000)
    yield PageWatch(page)
    context.close()


@pytest.fixture(scope="module")
def films_people_page(viz_store: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("viz-page")
    title = "<script>alert(1)</script> films & people"
    return render_html(build_network(viz_store), folder / "net.html", title=title)


def painted_pixels(page: Any) -> int:
    """How many canvas pixels are not background (the drawn nodes and edges)."""
    return int(
        page.evaluate(
            """() => {
              const c = document.querySelector('#rg-network canvas');
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              let n = 0;
              for (let i = 0; i < d.length; i += 4) {
                if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) n++;
              }
              return n;
            }"""
        )
    )


def test_page_draws_offline_without_errors(
    watch: PageWatch, films_people_page: Path, tmp_path: Path
) -> None:
    watch.open(films_people_page)
    shot = tmp_path / "films-people.png"
    watch.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert watch.page.evaluate("window.reelgraph.network.body.nodeIndices.length") == 13
    assert painted_pixels(watch.page) > 5_000
    heading = watch.page.inner_text("h1")
    assert heading == "<script>alert(1)</script> films & people"
    assert watch.page.evaluate("document.querySelectorAll('script').length") == 3
    assert watch.errors == []
    assert watch.outside_requests() == []


def test_tooltip_shows_markup_as_text(
    watch: PageWatch, films_people_page: Path, viz_evil_title: str
) -> None:
    watch.open(films_people_page)
    page = watch.page
    page.evaluate("window.reelgraph.network.setOptions({physics: false})")
    point = page.evaluate(
        """(title) => {
          const net = window.reelgraph.network;
          const id = Object.keys(net.body.nodes).find(
              (k) => String(net.body.data.nodes.get(Number(k)).title).startsWith(title));
          const box = document.querySelector('#rg-network').getBoundingClientRect();
          const p = net.canvasToDOM(net.getPosition(Number(id)));
          return {x: box.left + p.x, y: box.top + p.y};
        }""",
        viz_evil_title,
    )
    page.mouse.move(point["x"] + 40, point["y"] + 40)
    page.mouse.move(point["x"], point["y"], steps=5)
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible")
    assert tooltip.inner_text().splitlines()[0] == viz_evil_title
    # innerText turns each newline into a <br>; nothing else may be an element
    tags = tooltip.evaluate("(el) => Array.from(el.children, (c) => c.tagName)")
    assert set(tags) == {"BR"}
    assert page.evaluate("document.querySelectorAll('a[href], script').length") == 3
    assert watch.errors == []


def test_search_selects_and_details_show_provenance(
    watch: PageWatch, films_people_page: Path
) -> None:
    watch.open(films_people_page)
    page = watch.page
    page.fill("#rg-search", "anatomy of a fall")
    page.click("#rg-search-form button[type=submit]")
    selected = page.evaluate("window.reelgraph.network.getSelectedNodes()")
    assert len(selected) == 1
    assert page.inner_text("#rg-details").startswith("Anatomy of a Fall\nfilm\n")
    page.fill("#rg-search", "nobody here")
    page.click("#rg-search-form button[type=submit]")
    assert "No node matches" in page.inner_text("#rg-status")
    assert watch.errors == []


def test_colour_by_community_toggles(watch: PageWatch, films_people_page: Path) -> None:
    watch.open(films_people_page)
    page = watch.page
    page.click("button[data-colour-by=community]")
    assert (
        page.get_attribute("button[data-colour-by=community]", "aria-pressed") == "true"
    )
    background = page.evaluate(
        """() => {
          const net = window.reelgraph.network;
          const first = net.body.data.nodes.get()[0];
          return [first.color.background, JSON.parse(
            document.getElementById('rg-data').textContent).communityColors[0]];
        }"""
    )
    assert background[0] == background[1]
    assert watch.errors == []


def test_five_thousand_nodes_draw_without_physics(
    watch: PageWatch, viz_film_network: Any, tmp_path: Path
) -> None:
    graph = viz_film_network(2_300)
    assert len(graph) >= 5_000
    page_path = render_html(graph, tmp_path / "big.html")
    watch.open(page_path)
    page = watch.page
    assert page.evaluate("window.reelgraph.network.body.nodeIndices.length") == len(
        graph
    )
    assert page.evaluate("window.reelgraph.network.physics.options.enabled") is False
    assert painted_pixels(page) > 5_000
    assert watch.errors == []
    assert watch.outside_requests() == []
