"""The byline: critic, publication and dates written in figures (refs #3).

The names are invented for these tests."""

from __future__ import annotations

import pytest

from graph.extract_byline import date_from_text, read_byline


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Published 2022-10-12 by Ann Lee\n\nA review.", "2022-10-12"),
        ("By Ann Lee | 25/12/2021\n\nA review.", "2021-12-25"),
        ("By Ann Lee | 12/25/2021\n\nA review.", "2021-12-25"),
        # day and month could swap: the text's written dates put the day first
        ("Published the 12/10/2022\n\nIt opens Wednesday 12 October.", "2022-10-12"),
        # ... or the month first
        ("By Ann Lee, 10/12/2022\n\nIt opens October 14.", "2022-10-12"),
        # a written date wins over figures
        ("By Ann Lee | 3/4/2020 | 14 July 2023\n\nA review.", "2023-07-14"),
    ],
)
def test_numeric_byline_dates(text: str, date: str) -> None:
    assert date_from_text(text) == date


@pytest.mark.parametrize(
    "text",
    [
        "By Ann Lee | 12/10/2022\n\nNo other date here.",  # day or month first?
        "By Ann Lee\n\nIt runs 1/2/2022 minutes, a joke.",
        "Version 2.10.2022.1 of the app",
        "Rated 13/25/2022",
    ],
)
def test_no_date_from_unclear_figures(text: str) -> None:
    assert date_from_text(text) is None


BODY = (
    "The film opens on a long shot of a harbour at dawn, and for ten minutes "
    "nobody speaks. It is the boldest start to a film this year, and the rest "
    "of it mostly keeps the promise, with two performances of real weight."
)


@pytest.mark.parametrize(
    ("byline", "critic", "publication"),
    [
        ("By Ada Stone | The Night Desk | 3 May 2024", "Ada Stone", "The Night Desk"),
        ("By Ada Stone, Harbour Notes, 3 May 2024", "Ada Stone", "Harbour Notes"),
        ("Par Ada Stone — Le Regard Neuf — 3 mai 2024", "Ada Stone", "Le Regard Neuf"),
        ("Posted 3 May 2024 by Ada Stone on Second Look", "Ada Stone", "Second Look"),
        ("3 May 2024 · Ada Stone · 6 min read · Reviews", "Ada Stone", None),
        ("Ada Stone, Harbour Notes, 3 May 2024", "Ada Stone", "Harbour Notes"),
        ("review by reel_owl_77 · Letterboxd", "reel_owl_77", "Letterboxd"),
        ("BERLIN, 3 May 2024. Ada Stone reports for Frame Line.", "Ada Stone",
         "Frame Line"),
        ("POSTED 3 MAY 2024 · BY ADA STONE · THE NIGHT DESK", "Ada Stone",
         "The Night Desk"),
        ("Sunday, May 5, 2024 | posted by Ada Stone | tinyreels (a film blog)",
         "Ada Stone", "tinyreels"),
        ("By Ada Stone, special correspondent, The Night Desk", "Ada Stone",
         "The Night Desk"),
    ],
)  # fmt: skip
def test_byline_under_the_headline(
    byline: str, critic: str, publication: str | None
) -> None:
    text = f"Harbour review: a quiet triumph\n\n{byline}\n\n{BODY}"
    assert read_byline(text) == (critic, publication)


def test_a_sign_off_at_the_end() -> None:
    text = f"Harbour review\n\n{BODY}\n\n— Ada Stone, The Night Desk"
    assert read_byline(text) == ("Ada Stone", "The Night Desk")


@pytest.mark.parametrize(
    "text",
    [
        # a credit in the body is not a byline
        f"Harbour review\n\n{BODY} {BODY}\n\nThe father is played, in a bold "
        "stroke of casting, by Ada Stone.",
        # nor is "by" in the headline
        "Harbour opens the festival by mocking itself\n\nA short review.",
        # a dated sentence is not a dated byline
        f"Harbour review\n\n{BODY}\n\nUpdate, 24 February: the jury gave it a "
        "prize.\n\nReleased in theaters the same day, May 16.",
    ],
)
def test_no_byline(text: str) -> None:
    assert read_byline(text) == (None, None)
