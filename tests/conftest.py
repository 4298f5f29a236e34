"""Shared fixtures for the whole suite (the only place fixtures live).

Sections are kept apart per stage so that each can change without touching the others.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--network", action="store_true", default=False, help="run tests that need the internet"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--network"):
        return
    skip = pytest.mark.skip(reason="needs --network")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the project (seed review, Wikidata extract, RT reviews)."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: CI and developers have it beside the project")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return next((shared_dir / "seed").glob("*.txt"))


# --- store / ingest / build / pipeline ----------------------------------------------


# --- extract ------------------------------------------------------------------------


# --- wikidata / link / enrich -------------------------------------------------------


# --- query / serve ------------------------------------------------------------------


# --- visualise ----------------------------------------------------------------------


# --- export / validate / remote -----------------------------------------------------
