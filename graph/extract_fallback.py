"""Extract stage, last-resort subject: a review where no rule found any title.

Contract: :func:`find_fallback_subject` is called only when every other title rule
came back empty (a tagline headline, "Nothing prepares you for this one"). It returns
the capitalised run the body treats as a film: one that recurs and is once called a
film ("The Zone of Interest ... Jonathan Glazer's film, loosely adapted ...", "a
moment in Title when"), or that opens a paragraph before a dash and a sentence
("Title — Name reunites with ...", not a bare "Title - Name" credit line). People,
places and festivals never count.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from graph.extract_text import STOPWORDS, TITLE_RUN, fold
from graph.extract_title_base import TitleFact, clean_title, looks_like_title

_FILM_WORD = r"(?:film|movie|picture|documentary|debut|feature|drama|comedy|thriller)"


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    after = re.compile(
        rf"\s*[,.]?\s+(?:[A-Z][\w-]+\s+){{0,2}}[A-Z][\w-]*'s?\s+(?:[\w-]+,?\s+){{0,3}}?"
        rf"{_FILM_WORD}\b"
    )
    before = re.compile(
        r"(?:\b(?:moment|scene|minutes|hour|shot|frame)s?\s+(?:in|into|of)|"
        rf"\b{_FILM_WORD}s?\s*,?)\s*$"
    )
    dash = re.compile(
        rf"(?:^|\n)[ \t]*({TITLE_RUN})[ \t]+[-–—][ \t]+[A-Z][^\n]*?[ \t][a-z]{{3,}}"
    )
    return after, before, dash


def find_fallback_subject(
    text: str, *, body_start: int, not_titles: Collection[str] = ()
) -> list[TitleFact]:
    """The one subject a title-less review treats as a film (see module docstring).

    Args:
        text: the normalised review text.
        body_start: where the body starts (after the headline).
        not_titles: folded people, places and festivals.
    """
    after, before, dash = _cues()
    m = dash.search(text, body_start)
    if m and _fits(clean_title(m.group(1)), not_titles):
        title = clean_title(m.group(1))
        at = m.start(1)
        return [TitleFact(title, at, at + len(title), "film.fallback", 0.6)]
    best: tuple[int, str, int] | None = None
    for m in re.finditer(rf"(?<![\w'])({TITLE_RUN})", text[body_start:]):
        title = clean_title(m.group(1))
        at = body_start + m.start(1) + m.group(1).find(title)
        if not _fits(title, not_titles):
            continue
        count = text.count(title)
        if count < 2:
            continue
        cue = after.match(text, at + len(title)) or before.search(
            text, max(0, at - 40), at
        )
        if cue and (best is None or count > best[0]):
            best = (count, title, at)
    if best is None:
        return []
    _count, title, at = best
    return [TitleFact(title, at, at + len(title), "film.fallback", 0.6)]


def _fits(title: str, not_titles: Collection[str]) -> bool:
    words = title.split()
    key = fold(title)
    return (
        looks_like_title(title)
        and key not in not_titles
        and not any(
            n.endswith(" " + key) or n.startswith(key + " ") for n in not_titles
        )
        and not (len(words) == 1 and (key in STOPWORDS or len(key) < 3))
        and words[0] not in {"I", "It", "He", "She", "They", "We", "This", "There"}
    )
