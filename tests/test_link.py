"""Tests of graph.link: candidates, type constraints, joint context, abstention."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.link import link_extraction, link_extractions, resolve_surname
from graph.mirror import load_mirror
from graph.models import (
    CastMember,
    Extraction,
    FestivalMention,
    FilmMention,
    Person,
    Place,
    Review,
    ReviewMeta,
    Theme,
)
from graph.wikidata import WikidataClient

FIXTURE = """\
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
wd:Q901 rdfs:label "Victory"@en ; wdt:P31 wd:Q11424 ; wdt:P57 wd:Q910 ;
    wdt:P161 wd:Q912 ; wdt:P577 "1981-07-30T00:00:00Z"^^xsd:dateTime .
wd:Q902 rdfs:label "Victory"@en ; wdt:P31 wd:Q24862 ; wdt:P57 wd:Q911 ;
    wdt:P577 "1996-01-01T00:00:00Z"^^xsd:dateTime .
wd:Q24862 wdt:P279 wd:Q11424 .
wd:Q903 rdfs:label "Victory"@en ; wdt:P31 wd:Q7725634 .
wd:Q904 rdfs:label "Amélie"@en ; wdt:P31 wd:Q11424 ;
    wdt:P577 "2001-04-25T00:00:00Z"^^xsd:dateTime .
wd:Q905 rdfs:label "The Piano"@en ; wdt:P31 wd:Q11424 .
wd:Q910 rdfs:label "John Huston"@en ; wdt:P31 wd:Q5 .
wd:Q911 rdfs:label "Mark Peploe"@en .
wd:Q912 rdfs:label "Michael Caine"@en ; skos:altLabel "Maurice Micklewhite"@en .
wd:Q920 rdfs:label "Sylvester Stallone"@en ; wdt:P31 wd:Q215380 .
wd:Q42369 rdfs:label "Cannes Film Festival"@en ; wdt:P31 wd:Q220505 .
wd:Q939 rdfs:label "Cannes"@en ; wdt:P31 wd:Q484170 .
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> WikidataClient:
    root = tmp_path_factory.mktemp("link-mirror")
    source = root / "fixture.ttl"
    source.write_text(FIXTURE, encoding="utf-8")
    load_mirror([source], mirror=root / "mirror")
    return WikidataClient(str(root / "mirror"), cache_dir=None)


def review(*films: FilmMention, date: str | None = None) -> Extraction:
    text = "A review."
    return Extraction(
        review=Review(id="r1", text=text, source="test", content_hash="h", date=date),
        meta=ReviewMeta(date=date),
        films=films,
    )


def test_same_title_without_context_abstains(client: WikidataClient) -> None:
    film = link_extraction(review(FilmMention("Victory")), client=client).films[0]
    assert film.wikidata is None
    assert film.link is not None and film.link.reasons[0] == "ambiguous"


def test_year_decides_between_same_titles(client: WikidataClient) -> None:
    film = link_extraction(review(FilmMention("Victory", year=1981)), client=client)
    assert film.films[0].wikidata == "Q901"
    assert "year-match" in film.films[0].link.reasons  # type: ignore[union-attr]


def test_subclass_of_film_counts_as_film(client: WikidataClient) -> None:
    film = FilmMention("Victory", year=1995)
    assert link_extraction(review(film), client=client).films[0].wikidata == "Q902"


def test_director_links_film_and_person_jointly(client: WikidataClient) -> None:
    film = FilmMention(
        "Victory",
        directors=(Person("John Huston"),),
        cast=(
            CastMember("Caine", character="Captain Colby"),
            CastMember("Michael Caine"),
        ),
    )
    linked = link_extraction(review(film), client=client).films[0]
    assert linked.wikidata == "Q901"
    assert "director-of-film" in linked.link.reasons  # type: ignore[union-attr]
    assert linked.directors[0].wikidata == "Q910"
    assert [c.wikidata for c in linked.cast] == ["Q912", "Q912"]
    assert "surname-resolved" in linked.cast[0].link.reasons  # type: ignore[union-attr]
    assert "cast-of-film" in linked.cast[1].link.reasons  # type: ignore[union-attr]


def test_stated_year_far_from_every_candidate_abstains(client: WikidataClient) -> None:
    film = FilmMention("Victory", year=2023)
    assert link_extraction(review(film), client=client).films[0].wikidata is None


def test_film_released_after_review_is_rejected(client: WikidataClient) -> None:
    film = FilmMention("Amelie", year=2001)
    linked = link_extraction(review(film, date="1990-05-01"), client=client)
    assert linked.films[0].wikidata is None
    assert link_extraction(review(film), client=client).films[0].wikidata == "Q904"


def test_accent_case_and_article_insensitive(client: WikidataClient) -> None:
    linked = link_extraction(
        review(FilmMention("AMELIE", year=2001), FilmMention("the piano")),
        client=client,
    )
    assert [f.wikidata for f in linked.films] == ["Q904", "Q905"]
    assert linked.films[0].link.reasons[0] == "label-normalised"  # type: ignore[union-attr]
    assert linked.films[1].link.reasons[0] == "label-normalised"  # type: ignore[union-attr]


def test_one_word_title_alone_abstains(client: WikidataClient) -> None:
    linked = link_extraction(review(FilmMention("Amélie")), client=client).films[0]
    assert linked.wikidata is None
    assert linked.link.reasons[0] == "below-threshold"  # type: ignore[union-attr]


def test_person_elsewhere_in_review_is_context(client: WikidataClient) -> None:
    about = FilmMention("A Documentary", cast=(CastMember("Michael Caine"),))
    linked = link_extraction(
        review(about, FilmMention("Victory", role="mentioned")), client=client
    )
    assert linked.films[1].wikidata == "Q901"
    assert "person-of-review" in linked.films[1].link.reasons  # type: ignore[union-attr]


def test_article_only_match_needs_context(client: WikidataClient) -> None:
    linked = link_extraction(review(FilmMention("Piano")), client=client).films[0]
    assert linked.wikidata is None
    assert linked.link.reasons[:2] == ("below-threshold", "label-article")  # type: ignore[union-attr]


def test_non_film_item_is_never_a_film(client: WikidataClient) -> None:
    linked = link_extraction(review(FilmMention("Victory", year=1981)), client=client)
    assert linked.films[0].wikidata != "Q903"


def test_person_must_be_human_or_credited(client: WikidataClient) -> None:
    film = FilmMention("Amélie", cast=(CastMember("Sylvester Stallone"),))
    linked = link_extraction(review(film), client=client).films[0]
    assert linked.cast[0].wikidata is None
    assert linked.cast[0].link.reasons == ("no-candidate",)  # type: ignore[union-attr]


def test_unknown_person_stays_unlinked(client: WikidataClient) -> None:
    film = FilmMention("Amélie", directors=(Person("Mélanie Auffret"),))
    assert (
        link_extraction(review(film), client=client).films[0].directors[0].wikidata
        is None
    )


def test_festival_is_the_film_festival_not_the_city(client: WikidataClient) -> None:
    film = FilmMention("Amélie", festivals=(FestivalMention("Cannes", year=2001),))
    linked = link_extraction(review(film), client=client).films[0]
    assert linked.festivals[0].wikidata == "Q42369"


def test_queries_grow_with_batches_not_reviews(tmp_path: Path, client) -> None:
    fresh = WikidataClient(client.endpoint, cache_dir=tmp_path / "cache", batch_size=50)
    many = [
        review(FilmMention("Victory", year=1981, directors=(Person("John Huston"),)))
        for _ in range(40)
    ]
    linked = link_extractions(many, client=fresh)
    assert {x.films[0].wikidata for x in linked} == {"Q901"}
    assert fresh.stats.requests == 5
    warm = WikidataClient(client.endpoint, cache_dir=tmp_path / "cache", batch_size=50)
    link_extractions(many, client=warm)
    assert (warm.stats.requests, warm.stats.cache_hits) == (0, 5)


def test_resolve_surname_needs_a_single_fit() -> None:
    assert resolve_surname("Huston", {"John Huston"}) == "John Huston"
    assert resolve_surname("Huston", {"John Huston", "Anjelica Huston"}) == "Huston"


@pytest.mark.slow
def test_seed_review_links_michel_blanc_only(
    wikidata_mirror: Path, tmp_path: Path
) -> None:
    seed_film = FilmMention(
        "Les Petites Victoires",
        year=2023,
        directors=(Person("Mélanie Auffret"),),
        cast=(
            CastMember("Julia Piaton", character="Alice"),
            CastMember("Michel Blanc", character="Emile"),
        ),
        festivals=(
            FestivalMention(
                "Alpe d'Huez International Comedy Film Festival", year=2023
            ),
        ),
    )
    mirror = WikidataClient(str(wikidata_mirror), cache_dir=tmp_path)
    linked = link_extraction(review(seed_film, date="2023-01-20"), client=mirror).films[
        0
    ]
    assert linked.wikidata is None
    assert linked.directors[0].wikidata is None
    assert [c.wikidata for c in linked.cast] == [None, "Q1398256"]
    assert linked.festivals[0].wikidata is None


def test_explain_reads_link_evidence_from_store(
    client: WikidataClient, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from graph.build import build_review_graph, review_graph_iri
    from graph.cli import cli
    from graph.link_explain import explain_entity
    from graph.store import GraphStore

    film = FilmMention("Victory", year=1981, directors=(Person("John Huston"),))
    linked = link_extraction(review(film), client=client)
    with GraphStore.open(tmp_path / "kg") as store:
        store.replace_graph(review_graph_iri("r1"), build_review_graph(linked))
        by_name = explain_entity(store, "john huston")
        by_qid = explain_entity(store, "Q901")
    assert [(e.name, e.qid) for e in by_name] == [("John Huston", "Q910")]
    assert "director-of-film" in by_name[0].reasons
    assert by_name[0].review and by_name[0].review.endswith("/review/r1")
    assert by_qid[0].reasons == tuple(sorted(linked.films[0].link.reasons))  # type: ignore[union-attr]
    result = CliRunner().invoke(
        cli, ["explain", "Q910", "--store", str(tmp_path / "kg")]
    )
    assert result.exit_code == 0, result.output
    assert "wd:Q910" in result.output and "director-of-film" in result.output
    missing = CliRunner().invoke(
        cli, ["explain", "Nobody", "--store", str(tmp_path / "kg")]
    )
    assert missing.exit_code == 1


def test_unknown_named_director_rules_out_an_old_namesake(
    client: WikidataClient,
) -> None:
    remake = FilmMention("Amélie Forever", directors=(Person("Nobody Known"),))
    film = FilmMention("Victory", role="mentioned", directors=(Person("Ann Other"),))
    linked = link_extraction(review(remake, film), client=client).films[1]
    assert linked.wikidata is None
    assert "director-mismatch" in linked.link.reasons  # type: ignore[union-attr]


def test_director_surname_matches_film_director_label(client: WikidataClient) -> None:
    film = FilmMention("Victory", year=1981, directors=(Person("Huston"),))
    linked = link_extraction(review(film), client=client).films[0]
    assert linked.wikidata == "Q901"
    assert "director-name-match" in linked.link.reasons  # type: ignore[union-attr]


def test_conflicting_context_abstains(client: WikidataClient) -> None:
    film = FilmMention("Victory", year=1981, directors=(Person("Mark Peploe"),))
    linked = link_extraction(review(film), client=client).films[0]
    assert linked.wikidata is None
    assert linked.directors[0].wikidata == "Q911"  # credited director, unique label


def _gold_extraction(row: dict) -> Extraction:
    films = tuple(
        FilmMention(
            f["title"],
            role=f["role"],
            original_title=f["original_title"],
            year=f["year"],
            directors=tuple(Person(d["name"]) for d in f["directors"]),
            cast=tuple(CastMember(c["actor"]) for c in f["cast"]),
            festivals=tuple(
                FestivalMention(x["name"], year=x["year"]) for x in f["festivals"]
            ),
        )
        for f in row["films"]
    )
    rev = Review(
        id=row["id"], text="", source="gold", content_hash="h", date=row["date"]
    )
    return Extraction(review=rev, meta=ReviewMeta(date=row["date"]), films=films)


@pytest.mark.slow
def test_linking_gold_precision_and_recall(wikidata_mirror: Path) -> None:
    import json

    path = Path(__file__).parent / "data" / "linking_gold.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    mirror = WikidataClient(str(wikidata_mirror), cache_dir=None)
    linked = link_extractions([_gold_extraction(r) for r in rows], client=mirror)
    tp = fp = fn = absent = absent_unlinked = 0
    for row, x in zip(rows, linked, strict=True):
        for gf, f in zip(row["films"], x.films, strict=True):
            pairs = [(gf["wikidata"], f.wikidata)]
            pairs += [
                (g["wikidata"], d.wikidata)
                for g, d in zip(gf["directors"], f.directors, strict=True)
            ]
            pairs += [
                (g["wikidata"], c.wikidata)
                for g, c in zip(gf["cast"], f.cast, strict=True)
            ]
            pairs += [
                (g["wikidata"], e.wikidata)
                for g, e in zip(gf["festivals"], f.festivals, strict=True)
            ]
            for gold, got in pairs:
                if gold == "?":  # the mirror's item could not be verified by hand
                    continue
                absent += gold is None
                absent_unlinked += gold is None and got is None
                tp += gold is not None and got == gold
                fp += got is not None and got != gold
                fn += gold is not None and got != gold
    assert tp / (tp + fp) >= 0.95, (tp, fp)
    assert tp / (tp + fn) >= 0.90, (tp, fn)
    assert absent_unlinked / absent >= 0.95, (absent_unlinked, absent)


def test_queries_never_use_the_label_service(client: WikidataClient) -> None:
    sent: list[str] = []
    recording = WikidataClient(client.endpoint, cache_dir=None)
    original = recording.select

    def record(query: str) -> list:
        sent.append(query)
        return original(query)

    recording.select = record  # type: ignore[method-assign]
    film = FilmMention("Victory", directors=(Person("John Huston"),))
    link_extraction(review(film), client=recording)
    assert sent and all("SERVICE" not in q and "wikibase:label" not in q for q in sent)
    assert all("VALUES" in q for q in sent)


@pytest.mark.server
def test_served_mirror_over_http_links_the_same(
    client: WikidataClient, tmp_path: Path, oxigraph_exe: str
) -> None:
    import socket
    import subprocess
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    location = Path(client.endpoint) / "oxigraph"
    server = subprocess.Popen(
        [
            oxigraph_exe,
            "serve-read-only",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        http = WikidataClient(url, cache_dir=tmp_path / "cache")
        film = FilmMention(
            "Victory",
            directors=(Person("John Huston"),),
            cast=(CastMember("Michael Caine"),),
        )
        over_http = link_extraction(review(film), client=http).films[0]
        in_process = link_extraction(review(film), client=client).films[0]
        assert over_http == in_process
        assert over_http.wikidata == "Q901" and http.stats.requests == 5
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- festival editions, themes, places (real mirror) ---------------------------------


def _extras_film(
    *,
    festivals: tuple[FestivalMention, ...] = (),
    themes: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
) -> FilmMention:
    return FilmMention(
        "Some Film Nobody Made",
        festivals=festivals,
        themes=tuple(Theme(t) for t in themes),
        places=tuple(Place(p) for p in places),
    )


@pytest.mark.slow
def test_edition_links_from_festival_and_year(wikidata_mirror: Path) -> None:
    mirror = WikidataClient(str(wikidata_mirror), cache_dir=None)
    film = _extras_film(
        festivals=(
            FestivalMention("Cannes", year=2015),
            FestivalMention("Cannes Film Festival", year=2016),
            FestivalMention("Berlin International Film Festival", ordinal=60),
            FestivalMention("Cannes Film Festival"),
        )
    )
    linked = link_extraction(review(film), client=mirror).films[0].festivals
    assert [f.wikidata for f in linked] == ["Q42369", "Q42369", "Q130871", "Q42369"]
    # "2015 Cannes Film Festival"; no 2016 edition in the mirror; the 60th Berlinale is
    # untyped but labelled like an edition; no year or ordinal means no edition
    assert [f.edition_wikidata for f in linked] == ["Q18348657", None, "Q574075", None]


@pytest.mark.slow
def test_themes_and_places_link_only_unambiguous_items(wikidata_mirror: Path) -> None:
    mirror = WikidataClient(str(wikidata_mirror), cache_dir=None)
    film = _extras_film(
        themes=("the Holocaust", "racism", "power", "class", "Love", "routine"),
        places=("Paris", "Grenoble", "Alexandria", "Waterloo", "Sud-Ouest", "Kerguen"),
    )
    linked = link_extraction(review(film), client=mirror).films[0]
    # "power" and "class" have several fitting senses, "Love" is a film here and an
    # unused, untyped item, "routine" only a computing term
    assert [t.wikidata for t in linked.themes] == [
        "Q2763",
        "Q8461",
        None,
        None,
        None,
        None,
    ]
    # Paris: the capital is a filming location hundreds of times, the namesakes never;
    # Alexandria (Egypt, Virginia, Louisiana) and Waterloo stay ambiguous; Sud-Ouest is
    # only an alias of a region of Burkina Faso
    assert [p.wikidata for p in linked.places] == [
        "Q90",
        "Q1289",
        None,
        None,
        None,
        None,
    ]


@pytest.mark.slow
def test_seed_places_and_edition_stay_unlinked(wikidata_mirror: Path) -> None:
    mirror = WikidataClient(str(wikidata_mirror), cache_dir=None)
    film = FilmMention(
        "Les Petites Victoires",
        year=2023,
        cast=(CastMember("Michel Blanc"),),
        festivals=(
            FestivalMention(
                "Festival international du film de l'Alpe d'Huez", year=2023
            ),
        ),
        themes=(Theme("rural desertification"),),
        places=(Place("Kerguen", within="Brittany"), Place("Brittany")),
    )
    linked = link_extraction(review(film, date="2023-01-20"), client=mirror).films[0]
    assert linked.cast[0].wikidata == "Q1398256"
    assert linked.festivals[0].wikidata is None
    assert linked.festivals[0].edition_wikidata is None
    assert [t.wikidata for t in linked.themes] == [None]
    assert [p.wikidata for p in linked.places] == [None, None]  # Brittany: 2 regions


def _gold_extras(row: dict) -> Extraction:
    films = tuple(
        FilmMention(
            f["title"],
            festivals=tuple(
                FestivalMention(x["name"], year=x["year"], ordinal=x["ordinal"])
                for x in f["festivals"]
            ),
            themes=tuple(Theme(t["label"]) for t in f["themes"]),
            places=tuple(Place(p["name"]) for p in f["places"]),
        )
        for f in row["films"]
    )
    rev = Review(id=row["id"], text="", source="gold", content_hash="h")
    return Extraction(review=rev, meta=ReviewMeta(date=row["date"]), films=films)


def score_extras(rows: list[dict], linked: list[Extraction]) -> dict[str, list[int]]:
    """Per kind: [true pos, false pos, false neg, absent, absent left unlinked]."""
    counts = {kind: [0, 0, 0, 0, 0] for kind in ("edition", "theme", "place")}
    for row, x in zip(rows, linked, strict=True):
        for gf, f in zip(row["films"], x.films, strict=True):
            pairs = [
                ("edition", g["edition_wikidata"], e.edition_wikidata)
                for g, e in zip(gf["festivals"], f.festivals, strict=True)
            ]
            pairs += [
                ("theme", g["wikidata"], t.wikidata)
                for g, t in zip(gf["themes"], f.themes, strict=True)
            ]
            pairs += [
                ("place", g["wikidata"], p.wikidata)
                for g, p in zip(gf["places"], f.places, strict=True)
            ]
            for kind, gold, got in pairs:
                if gold == "?":
                    continue
                c = counts[kind]
                c[0] += gold is not None and got == gold
                c[1] += got is not None and got != gold
                c[2] += gold is not None and got != gold
                c[3] += gold is None
                c[4] += gold is None and got is None
    return counts


@pytest.mark.slow
def test_linking_gold_editions_themes_places(wikidata_mirror: Path) -> None:
    import json

    path = Path(__file__).parent / "data" / "linking_gold.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    mirror = WikidataClient(str(wikidata_mirror), cache_dir=None)
    linked = link_extractions([_gold_extras(r) for r in rows], client=mirror)
    counts = score_extras(rows, linked)
    for kind, (k_tp, k_fp, k_fn, k_absent, k_kept) in counts.items():
        # shown with `pytest -rP`: the numbers reported for issue #4
        print(
            f"{kind}: precision {k_tp / max(k_tp + k_fp, 1):.3f} "
            f"recall {k_tp / max(k_tp + k_fn, 1):.3f} (tp {k_tp} fp {k_fp} fn {k_fn}) "
            f"absent kept unlinked {k_kept}/{k_absent}"
        )
    tp, fp, fn, absent, kept = (sum(c[i] for c in counts.values()) for i in range(5))
    assert tp / (tp + fp) >= 0.95, counts
    assert kept / absent >= 0.95, counts
    assert counts["edition"][2] == 0, counts  # every edition the mirror has is found
    # theme and place recall is measured (see the report), not asserted: most misses
    # are items without any use or class in the mirror, where abstaining is right


EXTRAS_FIXTURE = """\
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
wd:Q42369 rdfs:label "Cannes Film Festival"@en ; wdt:P31 wd:Q220505 .
wd:Q49024 rdfs:label "Venice Film Festival"@en ; wdt:P31 wd:Q220505 .
wd:Q950 rdfs:label "2010 Cannes Film Festival"@en ; wdt:P31 wd:Q27787439 ;
    wdt:P361 wd:Q49024 .
wd:Q951 rdfs:label "2011 Cannes Film Festival"@en ; wdt:P31 wd:Q11424 .
wd:Q952 rdfs:label "2012 Cannes Film Festival"@en ; wdt:P361 wd:Q42369 .
wd:Q960 rdfs:label "grief"@en .
wd:Q970 rdfs:label "Some Story"@en ; wdt:P921 wd:Q960 .
"""


@pytest.fixture(scope="module")
def extras_client(tmp_path_factory: pytest.TempPathFactory) -> WikidataClient:
    root = tmp_path_factory.mktemp("link-extras-mirror")
    source = root / "fixture.ttl"
    source.write_text(EXTRAS_FIXTURE, encoding="utf-8")
    load_mirror([source], mirror=root / "mirror")
    return WikidataClient(str(root / "mirror"), cache_dir=None)


def test_edition_must_belong_to_the_festival_and_not_be_a_film(
    extras_client: WikidataClient,
) -> None:
    film = _extras_film(
        festivals=tuple(FestivalMention("Cannes", year=y) for y in (2010, 2011, 2012)),
        themes=("grief",),
    )
    linked = link_extraction(review(film), client=extras_client).films[0]
    # 2010: part of another festival; 2011: a film; 2012: part of Cannes
    assert [f.edition_wikidata for f in linked.festivals] == [None, None, "Q952"]
    assert linked.themes[0].wikidata == "Q960"  # a main subject, though untyped


def test_edition_queries_grow_with_batches_not_mentions(
    extras_client: WikidataClient,
) -> None:
    def requests(*years: int) -> int:
        recording = WikidataClient(extras_client.endpoint, cache_dir=None)
        reviews = [
            review(
                FilmMention(
                    "Some Story", festivals=(FestivalMention("Cannes", year=y),)
                )
            )
            for y in years
        ]
        link_extractions(reviews, client=recording)
        return recording.stats.requests

    one, many = requests(2012), requests(2010, 2011, 2012, 2013)
    # one lookup and facts batch for the names, then labels, lookup, facts of editions
    assert one == many == 9


def test_built_graph_says_same_as_for_edition_and_theme(
    extras_client: WikidataClient,
) -> None:
    from rdflib import URIRef
    from rdflib.namespace import OWL

    from graph.build import build_review_graph, mint_iri

    film = _extras_film(
        festivals=(FestivalMention("Cannes", year=2012),), themes=("grief",)
    )
    g = build_review_graph(link_extraction(review(film), client=extras_client))
    wd = "http://www.wikidata.org/entity/"
    editions = set(g.subjects(OWL.sameAs, URIRef(wd + "Q952")))
    assert editions and all("/id/edition/" in str(e) for e in editions)
    assert (mint_iri("theme", "Q960"), OWL.sameAs, URIRef(wd + "Q960")) in g


@pytest.mark.slow
def test_place_named_like_a_person_of_the_review_stays_unlinked(
    wikidata_mirror: Path,
) -> None:
    mirror = WikidataClient(str(wikidata_mirror), cache_dir=None)
    film = FilmMention(
        "Anora",
        cast=(CastMember("Mikey Madison"),),
        places=(Place("Madison"), Place("Manhattan")),
    )
    linked = link_extraction(review(film), client=mirror).films[0]
    assert [p.wikidata for p in linked.places] == [None, "Q11299"]
