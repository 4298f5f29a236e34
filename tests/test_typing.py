"""Typing: the finished stages pass ``mypy --strict`` as configured in pyproject.toml.

Modules still being edited (extract*, evaluate, query, serve*, cli) are followed for
their types but their own errors are not reported (``--follow-imports=silent``); add
them to ``CHECKED`` once they are clean.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHECKED = (
    "graph/__init__.py",
    "graph/__main__.py",
    "graph/build.py",
    "graph/config.py",
    "graph/demo.py",
    "graph/describe.py",
    "graph/enrich.py",
    "graph/errors.py",
    "graph/export.py",
    "graph/ingest.py",
    "graph/link.py",
    "graph/link_candidates.py",
    "graph/link_explain.py",
    "graph/link_store.py",
    "graph/mirror.py",
    "graph/models.py",
    "graph/namespaces.py",
    "graph/pipeline.py",
    "graph/remote.py",
    "graph/store.py",
    "graph/validate.py",
    "graph/visualise.py",
    "graph/visualise_data.py",
    "graph/visualise_page.py",
    "graph/visualise_render.py",
    "graph/wikidata.py",
)


@pytest.mark.slow
def test_finished_modules_pass_mypy_strict() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--follow-imports=silent",
            *CHECKED,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
