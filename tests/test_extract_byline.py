"""Dates of the byline written in figures (refs #3)."""

from __future__ import annotations

import pytest

from graph.extract_byline import date_from_text


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
