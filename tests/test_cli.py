"""CLI consistency: every command has help with an example; errors are one line."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from graph.cli import cli


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        found.append((prefix + name, command))
        if isinstance(command, click.Group):
            found += _commands(command, prefix + name + " ")
    return found


COMMANDS = _commands(cli)


def test_core_commands_exist() -> None:
    names = {name for name, _ in COMMANDS}
    expected = {
        "ingest",
        "extract",
        "query",
        "viz",
        "export",
        "validate",
        "stats",
        "demo",
    }
    assert expected <= names


@pytest.mark.parametrize(
    ("name", "command"), [pytest.param(n, c, id=n) for n, c in COMMANDS]
)
def test_every_command_has_help_with_example(name: str, command: click.Command) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    if not isinstance(command, click.Group):
        assert "Example:" in (command.help or ""), (
            f"'{name}' help has no Example: block"
        )


def test_help_is_fast_and_imports_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from graph.cli import cli\n"
        "heavy = {'spacy', 'pyvis', 'pyshacl', 'networkx', 'SPARQLWrapper'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_python_dash_m_graph_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "graph", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "ingest" in done.stdout


def test_graph_error_is_one_line_with_exit_1(tmp_path) -> None:  # type: ignore[no-untyped-def]
    done = subprocess.run(
        [sys.executable, "-m", "graph", "stats", "--store", str(tmp_path / "none")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("Error: No store at")
    assert "Traceback" not in done.stderr


def test_usage_error_exits_2() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "graph", "ingest", "--no-such-option"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2


def test_issue_2_exit_status_from_ctx_exit_reaches_the_shell(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """validate (and ASK queries) set their status with ctx.exit; the console script
    must pass it on, not only CliRunner."""
    import pyoxigraph as ox

    folder = tmp_path / "store"
    store = ox.Store(str(folder))
    film = ox.NamedNode("https://w3id.org/reelgraph/id/film/nameless")
    store.add(
        ox.Quad(
            film,
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode("https://schema.org/Movie"),
            ox.NamedNode("https://w3id.org/reelgraph/graph/review/bad"),
        )
    )
    del store
    done = subprocess.run(
        [sys.executable, "-m", "graph", "validate", "--store", str(folder)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    ask = subprocess.run(
        [
            sys.executable,
            "-m",
            "graph",
            "query",
            "ASK { ?s a schema:Movie ; schema:name ?n }",
            "--store",
            str(folder),
        ],
        capture_output=True,
        text=True,
    )
    assert ask.returncode == 1, ask.stdout + ask.stderr


def test_issue_2_extract_reads_stdin_and_prints_text() -> None:
    text = "Past Lives, directed by Celine Song, stars Greta Lee as Nora."
    result = CliRunner().invoke(cli, ["extract", "-", "--format", "text"], input=text)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("review stdin (en")
    assert "{" not in result.output  # no Python reprs


def test_issue_5_viz_refuses_an_unknown_extension(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, ["viz", "--out", str(tmp_path / "x.png")])
    assert result.exit_code == 2
    assert "cannot tell the format" in result.output
    assert not (tmp_path / "x.png").exists()
