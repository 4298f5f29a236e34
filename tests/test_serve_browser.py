"""The endpoint's web UI in a real headless Chromium (Playwright, Debian's chromium).

Runs a named query from the sidebar, reads the result table, draws a CONSTRUCT as a
network, opens an entity page, takes screenshots, and checks that the pages logged no
console errors and asked nothing of any host but the local server. Waits use locators,
not ``wait_for_function``: the pages' CSP forbids the eval that the latter needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.server]


class PageWatch:
    """Console errors, page errors and every requested URL of one page."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        self.urls: list[str] = []
        page.on(
            "console",
            lambda msg: self.errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", lambda req: self.urls.append(req.url))

    def outside(self) -> list[str]:
        return [
            url
            for url in self.urls
            if urlsplit(url).hostname not in {"127.0.0.1"}
            and not url.startswith(("data:", "blob:", "about:"))
        ]


@pytest.fixture()
def page(chromium_browser: Any) -> Iterator[tuple[Any, PageWatch]]:
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    watch = PageWatch(tab)
    yield tab, watch
    context.close()


def test_named_query_from_the_ui_then_entity_page(
    query_server: Any, page: tuple[Any, PageWatch], tmp_path: Path
) -> None:
    tab, watch = page
    tab.goto(query_server.url)
    tab.wait_for_selector("body[data-ready='true']")
    tab.click("button[data-name='film-cast']")
    tab.wait_for_selector("#results-table tbody tr")
    tab.fill("input[data-param='film']", "Anatomy of a Fall")
    tab.click("#run")
    expect(tab.locator("#results-table tbody tr")).to_have_count(2)
    cells = tab.locator("#results-table tbody td").all_inner_texts()
    assert "Sandra Voyter" in cells and "Vincent" in cells
    assert "2 rows" in tab.inner_text("#status")
    shot = tmp_path / "query-ui.png"
    tab.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    with tab.expect_navigation():
        tab.locator("#results-table a.local", has_text="person/Q900020").first.click()
    assert urlsplit(tab.url).path == "/id/person/Q900020"
    assert tab.inner_text("#entity-label") == "Sandra Hüller"
    tab.wait_for_selector("#network canvas")
    entity_shot = tmp_path / "entity-page.png"
    tab.screenshot(path=str(entity_shot), full_page=True)
    assert entity_shot.stat().st_size > 10_000

    assert watch.errors == []
    assert watch.outside() == []


def test_construct_is_drawn_as_a_network(
    query_server: Any, page: tuple[Any, PageWatch], tmp_path: Path
) -> None:
    tab, watch = page
    tab.goto(query_server.url + "#entity-neighbourhood")
    tab.wait_for_selector("body[data-ready='true']")
    tab.fill("input[data-param='entity']", "Sandra Hüller")
    tab.click("#run")
    tab.wait_for_selector("#network canvas")
    expect(tab.locator("#status")).to_contain_text("nodes")
    assert "triples" in tab.inner_text("#status")
    shot = tmp_path / "network.png"
    tab.locator("#network").screenshot(path=str(shot))
    assert shot.stat().st_size > 5_000
    assert watch.errors == []
    assert watch.outside() == []


def test_errors_show_in_the_page_not_the_console(
    query_server: Any, page: tuple[Any, PageWatch]
) -> None:
    tab, watch = page
    tab.goto(query_server.url)
    tab.wait_for_selector("body[data-ready='true']")
    tab.fill("#editor", "SELECT * WHERE {\n  ?s ?p }")
    tab.click("#run")
    tab.wait_for_selector("#status.error")
    assert "line 2" in tab.inner_text("#status")
    # The refused request itself is the only console line Chromium writes.
    assert all("400" in error for error in watch.errors)
    assert watch.outside() == []
