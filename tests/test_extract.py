"""Extraction rules on ``spacy.blank("en")`` (fast): cast, directors, festivals, dates."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph.config import Settings
from graph.errors import ExtractionError, MissingDependency
from graph.extract import Extractor, assemble, extract_many
from graph.extract_nlp import MAX_CHARS, chunk_bounds, load_pipeline, parse_docs
from graph.extract_text import RULES_VERSION
from graph.models import Extraction, Review


@pytest.fixture(scope="module")
def blank_settings(tmp_path_factory: pytest.TempPathFactory, blank_nlp) -> Settings:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("blank-en")
    blank_nlp.to_disk(folder)
    home = tmp_path_factory.mktemp("home")
    return Settings(
        home=home, store=home / "store", cache_dir=home / "cache",
        wikidata_endpoint="http://127.0.0.1:9/sparql", spacy_en=str(folder),
        spacy_fr=str(folder),
    )  # fmt: skip


def review(text: str, **extra: str) -> Review:
    return Review(
        id="t", text=text, source="test",
        content_hash=hashlib.sha256(text.encode()).hexdigest(), language="en", **extra,
    )  # fmt: skip


def run(nlp, text: str, **extra: str) -> Extraction:  # type: ignore[no-untyped-def]
    r = review(text, **extra)
    return assemble(r, parse_docs(nlp, [r.text], "en")[0])


def subject(x: Extraction):  # type: ignore[no-untyped-def]
    films = [f for f in x.films if f.role == "subject"]
    assert films, x.to_json()
    return films[0]


def cast_of(x: Extraction) -> dict[str, str | None]:
    return {c.actor: c.character for c in subject(x).cast}


def test_character_in_parentheses_after_actor(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(
        blank_nlp, "Past Lives review\n\nGreta Lee (Nora) and Teo Yoo (Hae Sung) shine."
    )
    assert cast_of(x) == {"Greta Lee": "Nora", "Teo Yoo": "Hae Sung"}


def test_actor_in_parentheses_after_character(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(
        blank_nlp, "Aftersun review\n\nSophie (Frankie Corio) is on holiday with Calum."
    )
    assert cast_of(x) == {"Frankie Corio": "Sophie"}


def test_played_by_and_as(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Anatomy of a Fall review\n\nSandra, played by Sandra Hüller, is a novelist. "
        "Swann Arlaud as Vincent is her lawyer."
    )
    assert cast_of(run(blank_nlp, text)) == {
        "Sandra Hüller": "Sandra",
        "Swann Arlaud": "Vincent",
    }


def test_starring_list_and_stars_as(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Oppenheimer review\n\nThe film, starring Cillian Murphy, Emily Blunt and "
        "Matt Damon, is long. Robert Downey Jr. stars as Lewis Strauss."
    )
    cast = cast_of(run(blank_nlp, text))
    assert {"Cillian Murphy", "Emily Blunt", "Matt Damon"} <= set(cast)
    assert cast.get("Robert Downey Jr.") == "Lewis Strauss"


def test_directed_by_and_surname_resolution(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Anatomy of a Fall review\n\nAnatomy of a Fall, directed by Justine Triet, "
        "is a courtroom drama. Triet's film never settles."
    )
    film = subject(run(blank_nlp, text))
    assert [d.name for d in film.directors] == ["Justine Triet"]
    assert film.directors[0].evidence[0].extractor == f"director.by@{RULES_VERSION}"


def test_paren_triple_gives_film_director_year(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two films stood out (Fallen Leaves, Aki Kaurismäki, 2023) this week."
    x = run(blank_nlp, text)
    film = subject(x)
    assert (film.title, film.year) == ("Fallen Leaves", 2023)
    assert [d.name for d in film.directors] == ["Aki Kaurismäki"]


def test_critic_is_not_cast(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Past Lives review\n\nStarring Greta Lee. Our critic Anna Smith (Anna Smith) liked it."
    x = run(blank_nlp, text, critic="Anna Smith")
    assert "Anna Smith" not in cast_of(x)


@pytest.mark.parametrize(
    ("text", "name", "year"),
    [
        pytest.param("Cannes 2023: Perfect Days review\n\nA quiet film.",
                     "Cannes Film Festival", 2023, id="headline"),
        pytest.param("May December review\n\nIt played at the 76th Cannes Film Festival "
                     "in 2023.", "Cannes Film Festival", 2023, id="ordinal-and-year"),
        pytest.param("Dune review\n\nSeen at TIFF '24 last night.",
                     "Toronto International Film Festival", 2024, id="short-year"),
        pytest.param("Dune review\n\nIt premiered at Venice 2021.",
                     "Venice Film Festival", 2021, id="weak-alias-with-year"),
    ],
)  # fmt: skip
def test_festival_edition_year(blank_nlp, text: str, name: str, year: int) -> None:  # type: ignore[no-untyped-def]
    fests = {(f.name, f.year) for f in subject(run(blank_nlp, text)).festivals}
    assert (name, year) in fests


def test_this_years_festival_uses_review_date(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(
        blank_nlp,
        "Dune review\n\nIt played at this year's Berlinale.",
        date="2024-02-20",
    )
    assert [(f.name, f.year) for f in subject(x).festivals] == [
        ("Berlin International Film Festival", 2024)
    ]


def test_cinema_named_after_festival_is_not_a_festival(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(
        blank_nlp, "Dune review\n\nI saw it at the Tribeca Cinemas on Varick Street."
    )
    assert subject(x).festivals == ()


def test_city_alone_is_not_a_festival(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(blank_nlp, "Dune review\n\nThe couple moves to Venice and then Toronto.")
    assert subject(x).festivals == ()


def test_section_and_award(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes 2023: Anatomy of a Fall review\n\nAnatomy of a Fall, in competition, "
        "won the Palme d'Or at Cannes."
    )
    fest = subject(run(blank_nlp, text)).festivals[0]
    assert (fest.section, fest.award) == ("competition", "Palme d'Or")


def test_release_date_year_from_headline(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(
        blank_nlp,
        "Berlinale 2024: Dune review\n\nIt is released in theaters on March 1.",
    )
    date = subject(x).release_date
    assert date is not None and date.date == "2024-03-01"


def test_evidence_offsets_point_into_the_text(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Aftersun review\n\nSophie (Frankie Corio) is on holiday.\u2019 \U0001f3ac"
    x = run(blank_nlp, text)
    ev = subject(x).cast[0].evidence[0]
    assert text[ev.start : ev.end] == "Frankie Corio"
    assert "Frankie Corio" in ev.sentence and ev.extractor.endswith(f"@{RULES_VERSION}")


def test_empty_text_gives_empty_valid_extraction(blank_settings: Settings) -> None:
    x = Extractor(blank_settings).extract(review("   \n "))
    assert x.films == () and x.to_json()["films"] == []


def test_text_without_a_film_is_empty_not_an_error(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(
        blank_nlp, "it was ok i guess, went with my sister \U0001f37f\U0001f37f и всё."
    )
    assert x.films == ()


def test_huge_text_is_refused_with_sizes(blank_settings: Settings) -> None:
    with pytest.raises(ExtractionError, match="2,000,000"):
        Extractor(blank_settings).extract(review("a " * (MAX_CHARS // 2 + 1)))


def test_million_character_token_is_handled(blank_settings: Settings) -> None:
    text = (
        "Aftersun review\n\nSophie (Frankie Corio) smiles. "
        + "x" * 1_000_000
        + " The end."
    )
    x = Extractor(blank_settings).extract(review(text))
    assert cast_of(x) == {"Frankie Corio": "Sophie"}


def test_chunks_are_bounded_and_cover_the_text() -> None:
    text = ("A sentence here. " * 3000) + "z" * 50_000
    bounds = chunk_bounds(text, limit=20_000)
    assert all(b - a <= 20_000 for a, b in bounds)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(x[1] == y[0] for x, y in zip(bounds, bounds[1:], strict=False))


def test_missing_pipeline_names_the_package() -> None:
    with pytest.raises(MissingDependency, match="pip install no_such_pipeline_xx"):
        load_pipeline("no_such_pipeline_xx")


def test_extract_many_keeps_order_with_two_workers(blank_settings: Settings) -> None:
    texts = [
        f"Film Number {i} review\n\nStarring Anna Maria{i} Smith." for i in range(40)
    ]
    reviews = [
        review(t).__class__(**{**review(t).__dict__, "id": f"r{i}"})
        for i, t in enumerate(texts)
    ]
    got = list(extract_many(reviews, settings=blank_settings, workers=2))
    assert [x.review.id for x in got] == [f"r{i}" for i in range(40)]


def test_extract_many_two_workers_equal_one(blank_settings: Settings) -> None:
    texts = [f"Aftersun review\n\nSophie (Frankie Corio{i}) smiles." for i in range(20)]
    reviews = [review(t) for t in texts]
    one = [
        x.to_json() for x in extract_many(reviews, settings=blank_settings, workers=1)
    ]
    two = [
        x.to_json() for x in extract_many(reviews, settings=blank_settings, workers=2)
    ]
    assert one == two


def test_pipeline_folder_path_is_accepted(blank_settings: Settings) -> None:
    assert Path(blank_settings.spacy_en).is_dir()
    assert Extractor(blank_settings).pipeline("en").pipe_names == ["sentencizer"]


@pytest.mark.parametrize(
    ("headline", "body", "title"),
    [
        pytest.param("Cannes 2024: Sean Baker's Anora wins the Palme d'Or",
                     "Anora is a screwball comedy.", "Anora", id="festival-possessive"),
        pytest.param("Venice 2023: Yorgos Lanthimos wins the Golden Lion with Poor Things",
                     "Poor Things won.", "Poor Things", id="with-title"),
        pytest.param("TIFF '24: The Life of Chuck takes the People's Choice Award",
                     "The Life of Chuck is sweet.", "The Life of Chuck", id="title-verb"),
        pytest.param("Un p'tit truc en plus : on rit avec eux",
                     "Le film est un succès.", "Un p'tit truc en plus", id="french-colon"),
        pytest.param("Why Spirited Away still enchants",
                     "I showed Spirited Away to my son.", "Spirited Away", id="lead-word"),
    ],
)  # fmt: skip
def test_headline_titles(blank_nlp, headline: str, body: str, title: str) -> None:  # type: ignore[no-untyped-def]
    assert subject(run(blank_nlp, f"{headline}\n\n{body}")).title == title


def test_headline_director_after_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    x = run(
        blank_nlp,
        "Triangle of Sadness: Ruben Östlund eats the rich\n\nTriangle of Sadness is a satire.",
    )
    assert [d.name for d in subject(x).directors] == ["Ruben Östlund"]


def test_headline_actor_is_not_made_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Berlinale 2024: Cillian Murphy opens the festival with Small Things\n\nSmall Things is quiet."
    assert subject(run(blank_nlp, text)).directors == ()


def test_adjective_as_character_and_honorific(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Oppenheimer review\n\nThe cast is enormous. Emily Blunt is fierce as his wife "
        "Kitty, Matt Damon plays the blunt General Leslie Groves, and Kerry Condon, "
        "wonderful as Siobhan, is there."
    )
    cast = cast_of(run(blank_nlp, text))
    assert cast["Emily Blunt"] == "Kitty" and cast["Kerry Condon"] == "Siobhan"
    assert "General Leslie Groves" not in cast and "Matt Damon" in cast


def test_round_up_lines_give_each_film_its_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes 2023: the winners\n\nHere is the list.\n\n"
        "Palme d'Or: Anatomy of a Fall, Justine Triet. A courtroom drama.\n\n"
        "Jury Prize: Fallen Leaves, Aki Kaurismäki. Two lonely people.\n"
    )
    films = {f.title: [d.name for d in f.directors] for f in run(blank_nlp, text).films}
    assert films == {
        "Anatomy of a Fall": ["Justine Triet"],
        "Fallen Leaves": ["Aki Kaurismäki"],
    }


def test_place_of_viewing_is_not_a_setting(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Aftersun review\n\nSophie (Frankie Corio) spends a holiday in Turkey.\n\n"
        "I saw it at a cinema in Glasgow."
    )
    places = {p.name for p in subject(run(blank_nlp, text)).places}
    assert "Glasgow" not in places


def test_previous_film_is_mentioned_with_the_same_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Perfect Days review\n\nPerfect Days, directed by Wim Wenders, is calm. "
        "Ten years after Pina, he returns to fiction."
    )
    films = {
        f.title: (f.role, [d.name for d in f.directors])
        for f in run(blank_nlp, text).films
    }
    assert films["Pina"] == ("mentioned", ["Wim Wenders"])
    assert films["Perfect Days"] == ("subject", ["Wim Wenders"])


def test_round_up_festival_goes_to_the_film_it_follows(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Three films to rewatch\n\nAmélie (2001)\nA Paris fairy tale.\n\n"
        "Drive My Car (2021)\nIt won Best Screenplay at Cannes in 2021.\n"
    )
    fests = {f.title: [x.name for x in f.festivals] for f in run(blank_nlp, text).films}
    assert fests == {"Amélie": [], "Drive My Car": ["Cannes Film Festival"]}


def test_unrepeated_column_name_yields_to_the_body_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Column: a director finds grace\n\nThis month it is Perfect Days, "
        "Wim Wenders' quiet portrait of a man. Perfect Days is calm."
    )
    x = run(blank_nlp, text)
    assert [(f.title, f.role) for f in x.films] == [("Perfect Days", "subject")]
    assert [d.name for d in x.films[0].directors] == ["Wim Wenders"]


def test_release_tomorrow_counts_from_the_byline_date(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Killers of the Flower Moon review\n\nBy Dana Whitfield, 19 October 2023\n\n"
        "Killers of the Flower Moon opens in cinemas tomorrow."
    )
    date = subject(run(blank_nlp, text)).release_date
    assert date is not None and date.date == "2023-10-20"


def test_parallel_lists_pair_actors_and_characters(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'Amour ouf : une fresque\n\nDans L'Amour ouf, Malik Frikah et Mallory "
        "Wanecque jouent Clotaire et Jackie adolescents."
    )
    assert cast_of(run(blank_nlp, text)) == {
        "Malik Frikah": "Clotaire",
        "Mallory Wanecque": "Jackie",
    }


@pytest.mark.parametrize(
    ("text", "director"),
    [
        pytest.param("Poor Things review\n\nPoor Things by Yorgos Lanthimos is wild.",
                     "Yorgos Lanthimos", id="title-by"),
        pytest.param("Anatomie d'une chute : critique\n\nLe nouveau film de Justine Triet "
                     "est un drame.", "Justine Triet", id="film-de"),
        pytest.param("Dune review\n\nBest of the year: Dune (dir. Denis Villeneuve, 2021).",
                     "Denis Villeneuve", id="paren-dir"),
    ],
)  # fmt: skip
def test_more_director_forms(blank_nlp, text: str, director: str) -> None:  # type: ignore[no-untyped-def]
    assert [d.name for d in subject(run(blank_nlp, text)).directors] == [director]


def test_role_of_and_sous_les_traits(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Portrait de la jeune fille en feu : critique\n\nHéloïse, sous les traits "
        "d'Adèle Haenel, refuse de poser. Noémie Merlant dans le rôle de Marianne."
    )
    assert cast_of(run(blank_nlp, text)) == {
        "Adèle Haenel": "Héloïse",
        "Noémie Merlant": "Marianne",
    }


def test_festival_dispatch_reviews_every_introduced_film(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sundance 2024 dispatch: three films that stayed with me\n\n"
        "A Real Pain, Jesse Eisenberg's second film as director, follows two cousins. "
        "Benji (Kieran Culkin) is extraordinary.\n\n"
        "In Didi, the debut feature by Sean Wang, Izaac Wang plays Chris.\n\n"
        "Finally, Love Me, directed by Sam and Andy Zuchero, stars Kristen Stewart.\n"
    )
    films = {
        f.title: ([d.name for d in f.directors], [c.actor for c in f.cast], f.role)
        for f in run(blank_nlp, text).films
    }
    assert films == {
        "A Real Pain": (["Jesse Eisenberg"], ["Kieran Culkin"], "subject"),
        "Didi": (["Sean Wang"], ["Izaac Wang"], "subject"),
        "Love Me": (["Sam Zuchero", "Andy Zuchero"], ["Kristen Stewart"], "subject"),
    }


def test_single_quoted_headline_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Review: 'The Zone of Interest' is a chilling portrait\n\n"
        "Jonathan Glazer's The Zone of Interest never shows the camp."
    )
    film = subject(run(blank_nlp, text))
    assert (film.title, [d.name for d in film.directors]) == (
        "The Zone of Interest",
        ["Jonathan Glazer"],
    )


def test_french_guillemets_headline_and_adjective_after_cineaste(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Cannes 2022 : \u00ab Close \u00bb, le choc de Lukas Dhont\n\n"
        "Quatre ans après Girl, le cinéaste belge Lukas Dhont revient avec Close."
    )
    x = run(blank_nlp, text)
    films = {f.title: (f.role, [d.name for d in f.directors]) for f in x.films}
    assert films == {
        "Close": ("subject", ["Lukas Dhont"]),
        "Girl": ("mentioned", ["Lukas Dhont"]),
    }


def test_dispatch_headline_title_with_number_and_prize_elsewhere(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Berlinale 2023: 20,000 Species of Bees, a summer story [critique]\n\n"
        "Sofía Otero, who plays Lucía, received the Silver Bear for her performance."
    )
    film = subject(run(blank_nlp, text))
    assert film.title == "20,000 Species of Bees"
    assert [(f.name, f.year, f.award) for f in film.festivals] == [
        ("Berlin International Film Festival", 2023, "Silver Bear")
    ]


def test_blog_post_without_headline_finds_the_possessed_title(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "I finally caught up with Celine Song's Past Lives last night, and I get it.\n\n"
        "Greta Lee plays Nora, who lives in New York with Arthur (John Magaro)."
    )
    film = subject(run(blank_nlp, text))
    assert (film.title, [d.name for d in film.directors]) == (
        "Past Lives",
        ["Celine Song"],
    )
    assert cast_of(run(blank_nlp, text)) == {
        "Greta Lee": "Nora",
        "John Magaro": "Arthur",
    }


def test_author_possessive_is_not_a_director(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A live-action movie made from Jules Verne's Twenty Thousand Leagues, and fun."
    )
    people = [d.name for f in run(blank_nlp, text).films for d in f.directors]
    assert "Jules Verne" not in people
