"""Extract stage, user reviews whose headline is a rating only.

Contract: a user review that opens with "★★★★★ 5/5" (no title on the rating line)
names its film in lower case in the first paragraph: "dune part two is the rare
sequel that ...". :func:`find_lowercase_subject` returns that run, title-cased, as a
subject :class:`~graph.extract_title_base.TitleFact` when a sentence opens with it and
calls it a film (a film noun within a few words of "is the"/"is a"). Generic
subjects ("the ending is the best part", "this movie is a mess") never count.
"""

from __future__ import annotations

import re

from graph.extract_text import STOPWORDS
from graph.extract_title_base import TitleFact

_RUN = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))([a-z][a-z0-9'-]*(?:[ ][a-z0-9][a-z0-9'-]*){0,4})"
    r"\s+(?:is|was)\s+(?:the|a|an|one\s+of\s+the)\s+(?:[a-z'-]+\s+){0,3}?"
    r"(?:film|movie|sequel|prequel|remake|picture|documentary|blockbuster|"
    r"thriller|comedy|drama|epic|musical|western)s?\b"
)
#: "drive my car is directed by ...", "saw rrr first day first show"
_DIRECTED = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))([a-z][a-z0-9'-]*(?:[ ][a-z0-9][a-z0-9'-]*){0,4})"
    r"\s+(?:is|was)\s+(?:co-)?(?:directed|written\s+and\s+directed)\s+by\b"
)
_SAW = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:i\s+)?(?:finally\s+)?(?:saw|watched|rewatched)\s+"
    r"([a-z][a-z0-9'-]*(?:[ ][a-z0-9][a-z0-9'-]*){0,4}?)\s*(?=[,.!]|\s+(?:first\s+day|"
    r"today|yesterday|last\s+night|tonight|again|twice|in\s+(?:imax|3d|theaters?|"
    r"cinemas?)|on\s+(?:opening|release|netflix|a\s+plane)|with\s+my)\b)"
)
#: A lower-case title with its year, alone on a line: "past lives (2023)".
_LINE_YEAR = re.compile(
    r"(?m)^[ \t]*([a-z0-9][a-z0-9'&:-]*(?:[ ][a-z0-9][a-z0-9'&:-]*){0,6})[ \t]*"
    r"\(((?:19|20)\d\d)\)[ \t]*$"
)
_GENERIC = frozenset(
    "film movie sequel it this that ending plot story script score cast acting "
    "music soundtrack cinematography part one everything nothing he she they".split()
)
_SMALL = frozenset("a an the and of in on at to for with from by or as".split())


def is_rating_line(line: str | None) -> bool:
    """True for a headline that holds a rating and no words: "★★★★★ 5/5"."""
    if line is None:
        return True
    # "Review by jo_doe ★★★★½": a diary site's byline before the rating
    line = re.sub(
        r"^\s*(?:review(?:ed)?\s+)?by\s+\S+\s+(?=[★☆\d])", "", line, flags=re.I
    )
    line = re.sub(r"(?:\||·|-)?\s*(?:reviewed\s+)?by\s+\S+.*$", "", line, flags=re.I)
    return not re.search(r"[A-Za-z]{3,}", line) and bool(
        re.search(r"[★☆]|\d+(?:\.\d+)?\s*/\s*\d+", line)
    )


def _title_case(run: str) -> str:
    words = run.split()
    return " ".join(
        w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def find_lowercase_subject(text: str, *, body_start: int) -> list[TitleFact]:
    """The lower-case title a rating-only user review opens on (see module doc).

    Args:
        text: the normalised review text.
        body_start: where the body starts (after the rating line).
    """
    # the first paragraph of prose, past a byline and a "Warning: Spoilers" line
    prose = re.compile(r"(?m)^(?=[^\n]{100})").search(text, body_start + 1)
    end = text.find("\n\n", body_start + 1)
    if prose and prose.start() > end >= 0:
        end = prose.start() - 2
    para_end = text.find("\n\n", end + 2) if end >= 0 else -1
    window_end = para_end if para_end >= 0 else len(text)
    dated = _LINE_YEAR.search(text, body_start, prose.start() if prose else len(text))
    if dated:  # "past lives (2023)" alone on its line over the review
        title, year = _title_case(dated.group(1)), int(dated.group(2))
        return [TitleFact(title, dated.start(1), dated.end(1), "film.user_lead",
                          0.75, year=year)]  # fmt: skip
    found = [*_RUN.finditer(text, body_start, window_end)]
    found += _DIRECTED.finditer(text, body_start, window_end)
    found += _SAW.finditer(text, body_start, window_end)
    for m in found:
        run = m.group(1)
        words = run.split()
        if (
            (words[0] in STOPWORDS and not (words[0] == "the" and len(words) > 1))
            or words[-1] in _GENERIC
            or any(
                w in {"it", "this", "that", "i", "my"}
                for w in (words[:1] if m.re is _DIRECTED else words)
            )
        ):
            continue
        title = _title_case(run)
        return [TitleFact(title, m.start(1), m.end(1), "film.user_lead", 0.7)]
    return []
