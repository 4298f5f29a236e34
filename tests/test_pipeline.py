"""Pipeline: idempotent re-ingest, replacement, removal, crashes and bad input."""

from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.build import mint_iri, review_graph_iri, wikidata_graph_iri
from graph.cli import cli
from graph.config import Settings
from graph.pipeline import ingest_paths, remove_review, store_stats
from graph.store import GraphStore

pytestmark = pytest.mark.slow

REVIEW_A = (
    "Cannes 2023: Anatomy of a Fall\n\n"
    "Justine Triet's Anatomy of a Fall, with Sandra Hüller as Sandra, won the Palme d'Or "
    "at the 76th Cannes Film Festival. A gripping courtroom drama."
)
REVIEW_B = (
    "Past Lives, directed by Celine Song, stars Greta Lee as Nora and Teo Yoo as Hae "
    "Sung. It premiered at the Sundance Film Festival in 2023. Quietly devastating."
)


def _quads(store: GraphStore) -> set[tuple[str, ...]]:
    return {
        (str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
        for q in store.quads()
    }


@pytest.fixture
def reviews(tmp_path: Path) -> Path:
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / "a.txt").write_text(REVIEW_A, encoding="utf-8")
    (folder / "b.txt").write_text(REVIEW_B, encoding="utf-8")
    return folder


def test_reingesting_changes_nothing(reviews: Path, settings: Settings) -> None:
    from graph.export import export_store

    with GraphStore.open(settings.store) as store:
        first = ingest_paths([reviews], store=store, settings=settings)
        before = _quads(store)
        export_store(store, settings.home / "one.ttl", fmt="turtle")
        second = ingest_paths([reviews], store=store, settings=settings)
        assert _quads(store) == before
        export_store(store, settings.home / "two.ttl", fmt="turtle")
    assert first.stored == ["a", "b"] and second.stored == []
    assert second.unchanged == ["a", "b"]
    one = (settings.home / "one.ttl").read_bytes()
    assert one == (settings.home / "two.ttl").read_bytes()


def test_changed_review_replaces_only_its_graph(
    reviews: Path, settings: Settings
) -> None:
    with GraphStore.open(settings.store) as store:
        ingest_paths([reviews], store=store, settings=settings)
        graph_b = store.graph_triples(review_graph_iri("b"))
        (reviews / "a.txt").write_text(
            REVIEW_A.replace("Sandra Hüller", "Swann Arlaud"), "utf-8"
        )
        report = ingest_paths([reviews], store=store, settings=settings)
        assert report.stored == ["a"] and report.unchanged == ["b"]
        assert isomorphic(store.graph_triples(review_graph_iri("b")), graph_b)
        names = {str(o) for o in store.graph_triples(review_graph_iri("a")).objects()}
        assert "Swann Arlaud" in names and "Sandra Hüller" not in names


def test_remove_deletes_review_and_orphaned_wikidata_facts(
    reviews: Path, settings: Settings
) -> None:
    wd = "http://www.wikidata.org/entity/"
    same_as = URIRef("http://www.w3.org/2002/07/owl#sameAs")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    with GraphStore.open(settings.store) as store:
        ingest_paths([reviews], store=store, settings=settings)
        # Link one entity of each review by hand and give both items a Wikidata fact.
        for review, qid in (("a", "Q1"), ("b", "Q2")):
            node = mint_iri("review", review)
            extra = Graph()
            extra.add((node, same_as, URIRef(wd + qid)))
            store.add_to_graph(review_graph_iri(review), extra)
            facts = Graph()
            facts.add((URIRef(wd + qid), label, Literal(qid)))
            store.add_to_graph(wikidata_graph_iri(), facts)
        assert remove_review(store, "a", settings=settings)
        assert not remove_review(store, "a", settings=settings)
        assert review_graph_iri("a") not in store.named_graphs()
        assert review_graph_iri("b") in store.named_graphs()
        subjects = {
            str(s) for s in store.graph_triples(wikidata_graph_iri()).subjects()
        }
        assert subjects == {wd + "Q2"}


def test_bad_inputs_fail_alone_and_keep_the_store(
    reviews: Path, settings: Settings
) -> None:
    runner = CliRunner()
    store_args = ["--store", str(settings.store), "--no-wikidata"]
    ok = runner.invoke(cli, ["ingest", str(reviews), *store_args])
    assert ok.exit_code == 0, ok.output
    bad = reviews.parent / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (bad / "utf16.txt").write_text(
        REVIEW_B.replace("Past Lives", "Aftersun"), encoding="utf-16"
    )
    result = runner.invoke(
        cli, ["ingest", str(bad), str(reviews / "missing.txt"), *store_args]
    )
    assert result.exit_code == 1, result.output
    assert "empty.txt: empty file" in result.output
    assert "binary.txt: binary file" in result.output
    assert "missing.txt: no such file" in result.output
    with GraphStore.open(settings.store, read_only=True) as store:
        graphs = store.named_graphs()
    assert {review_graph_iri(r) for r in ("a", "b", "utf16")} <= set(graphs)


def test_second_writer_is_told_the_store_is_in_use(
    reviews: Path, settings: Settings
) -> None:
    with GraphStore.open(settings.store):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "graph",
                "ingest",
                str(reviews),
                "--store",
                str(settings.store),
            ],
            capture_output=True,
            text=True,
        )
    assert done.returncode == 1
    assert "in use by another process" in done.stderr
    assert "Traceback" not in done.stderr


CHILD = """
import sys
from pathlib import Path
from graph.config import Settings
from graph.pipeline import ingest_paths
from graph.store import GraphStore

home = Path(sys.argv[2])
settings = Settings.from_env().with_overrides(
    home=home, store=home / "store", cache_dir=home / "cache", enrich=False)
store = GraphStore.open(settings.store)
def progress(done, total, label):
    print("done", done, flush=True)
ingest_paths([sys.argv[1]], store=store, settings=settings, progress=progress)
print("finished", flush=True)
"""


def _rt_rows(shared_dir: Path, path: Path, count: int) -> None:
    with gzip.open(
        shared_dir / "reviews" / "rt_critic_reviews_joined.jsonl.gz", "rt"
    ) as fh:
        rows = [json.loads(line) for _, line in zip(range(count * 2), fh, strict=False)]
    rows = [r for r in rows if r["text"]][:count]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=["id", "critic_name", "text"])
        writer.writeheader()
        for r in rows:
            writer.writerow(
                {"id": r["id"], "critic_name": r["critic_name"], "text": r["text"]}
            )


def test_kill_mid_batch_leaves_whole_reviews_and_rerun_completes(
    tmp_path: Path, shared_dir: Path
) -> None:
    batch = tmp_path / "batch.csv"
    _rt_rows(shared_dir, batch, 120)
    crashed = tmp_path / "crashed"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(batch), str(crashed)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("done 15"):
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait()
    assert child.returncode == -signal.SIGKILL

    reference = tmp_path / "reference"
    cfg = Settings.from_env().with_overrides(
        home=reference, store=reference / "store", enrich=False
    )
    with GraphStore.open(cfg.store) as store:
        ingest_paths([batch], store=store, settings=cfg)
        expected = {g: store.graph_triples(g) for g in store.named_graphs()}

    cfg = cfg.with_overrides(home=crashed, store=crashed / "store")
    with GraphStore.open(cfg.store) as store:
        survivors = store.named_graphs()
        assert 15 <= len(survivors) < len(expected)
        for g in survivors:
            assert isomorphic(store.graph_triples(g), expected[g]), f"partial graph {g}"
        report = ingest_paths([batch], store=store, settings=cfg)
        assert len(report.unchanged) == len(survivors)
        assert sorted(store.named_graphs()) == sorted(expected)
        assert store_stats(store)["reviews"] == len(expected)


def test_issue_4_review_stored_offline_is_linked_by_the_next_online_ingest(
    tmp_path: Path, settings: Settings, wikidata_mirror: Path
) -> None:
    review = tmp_path / "lalaland.txt"
    review.write_text(
        "La La Land (2016), directed by Damien Chazelle, stars Ryan Gosling as "
        "Sebastian and Emma Stone as Mia. A bittersweet musical.",
        encoding="utf-8",
    )
    online = settings.with_overrides(
        enrich=True, wikidata_endpoint=str(wikidata_mirror)
    )
    with GraphStore.open(settings.store) as store:
        first = ingest_paths([review], store=store, settings=settings)  # no Wikidata
        assert first.stored == ["lalaland"]
        again_offline = ingest_paths([review], store=store, settings=settings)
        assert again_offline.unchanged == ["lalaland"]  # nothing to gain offline
        linked = ingest_paths([review], store=store, settings=online)
        assert linked.stored == ["lalaland"] and linked.linked > 0
        rows = store.query("SELECT ?f WHERE { ?f a schema:Movie ; owl:sameAs ?q }")
        assert [r["f"].value.rsplit("/", 1)[-1][0] for r in rows] == ["Q"]
        assert ingest_paths([review], store=store, settings=online).unchanged == [
            "lalaland"
        ]
