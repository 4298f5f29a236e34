"""Extract stage, films: titles, original titles, years, subject vs mentioned.

Contract: :func:`find_titles` returns :class:`TitleFact` records from the headline
("Festival 2023: Title, tagline [review]", "Title review: ...", "Review: 'Title'"),
the input's known title, quoted titles, "Title (2023)", "Title (Original Title)",
"(Title, Director, 2023)", "Director's Title" and comparison cues ("four years after
Title", "his previous film, Title") that mark a film as only *mentioned*.
:func:`headline_of` picks the headline line of a review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.extract_people import PersonFact, trim_name
from graph.extract_text import ANY_NAME, STOPWORDS, TITLE_RUN, fold, is_name_like


@dataclass(frozen=True)
class TitleFact:
    """A film title found by a rule; ``role`` is a hint, settled by the assembler."""

    title: str
    start: int
    end: int
    rule: str
    confidence: float
    role: str = "subject"  # "subject" | "mentioned" | "unknown"
    year: int | None = None
    original_title: str | None = None
    director: str | None = None


_FESTIVAL_PREFIX = (
    r"[^:\n]{2,60}?(?:19|20)\d\d|[^:\n]{2,40}?(?:Festival|Fest|Berlinale)"
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    return {
        "headline.festival": re.compile(
            rf"^(?:{_FESTIVAL_PREFIX})\s*[:|-]\s*\"?({TITLE_RUN})\"?\s*(?:[,:|\[(]|-\s|$)"
        ),
        "headline.review_first": re.compile(
            rf"^(?:[Ff]ilm\s+)?(?:[Rr]eview|REVIEW|[Cc]ritique|[Cc]ritic's [Pp]ick)\s*[:|-]\s*"
            rf"\"?({TITLE_RUN})\"?"
        ),
        "headline.title_first": re.compile(
            rf"^\"?({TITLE_RUN})\"?\s*(?:\((?:19|20)\d\d\)\s*)?"
            r"(?:[Rr]eview|[Cc]ritique|[Ff]ilm review)\b"
        ),
        "headline.quoted": re.compile(r"^[^\"\n]{0,40}?\"([^\"\n]{2,80})\""),
        "headline.year": re.compile(rf"^\"?({TITLE_RUN})\"?\s*\(((?:19|20)\d\d)\)"),
        "headline.colon": re.compile(rf"^\"?({TITLE_RUN})\"?\s*[:|]\s+\S"),
        "quoted": re.compile(r"\"([^\"\n]{2,80})\""),
        "paren_triple": re.compile(
            rf"(?:\"([^\"\n]{{2,80}})\"|({TITLE_RUN}))\s*\(\s*({ANY_NAME})\s*,\s*"
            r"((?:19|20)\d\d)\s*\)"
        ),
        "inner_triple": re.compile(
            rf"\(\s*\"?({TITLE_RUN})\"?\s*,\s*({ANY_NAME})\s*,\s*((?:19|20)\d\d)\s*\)"
        ),
        "title_year": re.compile(
            rf"(?:\"([^\"\n]{{2,80}})\"|({TITLE_RUN}))\s*\(\s*((?:19|20)\d\d)\s*\)"
        ),
        "title_paren": re.compile(
            rf"(?:\"([^\"\n]{{2,80}})\"|({TITLE_RUN}))\s*\(([^()\n]{{2,80}})\)"
        ),
        "mentioned": re.compile(
            r"\b(?:(?:\w+|\d+)\s+years?\s+(?:later|after)|after|since|following|"
            r"(?:previous|earlier|last|first|debut|prior)\s+(?:film|feature|movie|"
            r"documentary|work)s?,?|(?:like|unlike|reminiscent of|recalls|echoes of|"
            r"remake of|sequel to|the director of|the maker of))\s+"
            rf"(?:her |his |their |the )?\"?({TITLE_RUN})\"?"
        ),
        "possessive": re.compile(rf"({ANY_NAME})'s?\s+\"?({TITLE_RUN})\"?"),
    }


def headline_of(text: str, headline: str | None) -> tuple[str, int] | None:
    """The headline and its offset: ``Review.headline`` if given, else the first line
    when it reads like one (short, no final full stop)."""
    if headline:
        at = text.find(headline[:40])
        return headline, max(at, 0)
    stripped = text.lstrip()
    if not stripped:
        return None
    first = stripped.split("\n", 1)[0].strip()
    if (
        3 <= len(first) <= 160
        and not first.endswith((".", "!", "?"))
        or ("review" in first.lower() and len(first) <= 160)
    ):
        return first, text.find(first)
    return None


def looks_like_title(title: str) -> bool:
    """Short, capitalised, not a sentence: "The Taste of Things", not "I loved it"."""
    words = title.split()
    if not 1 <= len(words) <= 9 or not title[:1].isupper() and not title[:1].isdigit():
        return False
    if title.endswith((",", ";")):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return caps / len(words) >= 0.5 and fold(title) not in STOPWORDS


def _clean(title: str) -> str:
    return title.strip().strip("\"'").strip().rstrip(",;:")


def _headline_titles(headline: str, offset: int) -> list[TitleFact]:
    rules = _rules()
    order = ("headline.festival", "headline.review_first", "headline.title_first",
             "headline.year", "headline.quoted", "headline.colon")  # fmt: skip
    for name in order:
        m = rules[name].search(headline)
        if not m:
            continue
        title = _clean(m.group(1))
        if (
            not title
            or not looks_like_title(title)
            or re.fullmatch(r"(?:19|20)\d\d", title)
        ):
            continue
        year = int(m.group(2)) if name == "headline.year" else None
        return [
            TitleFact(
                title,
                offset + m.start(1),
                offset + m.end(1),
                name,
                0.95,
                "subject",
                year,
            )
        ]
    return []


def find_titles(
    text: str,
    *,
    headline: tuple[str, int] | None,
    known_title: str | None,
    people: list[PersonFact],
) -> list[TitleFact]:
    """Every title statement of the normalised ``text`` (see module docstring)."""
    rules = _rules()
    out: list[TitleFact] = []
    if known_title:
        at = text.find(known_title)
        out.append(
            TitleFact(
                known_title,
                max(at, 0),
                max(at, 0) + len(known_title),
                "input.title",
                1.0,
            )
        )
    if headline:
        out.extend(_headline_titles(normalise_headline(headline[0]), headline[1]))
    for m in rules["paren_triple"].finditer(text):
        title = _clean(m.group(1) or m.group(2))
        if looks_like_title(title):
            g = 1 if m.group(1) else 2
            out.append(
                TitleFact(
                    title,
                    m.start(g),
                    m.end(g),
                    "film.paren_triple",
                    0.9,
                    year=int(m.group(4)),
                    director=trim_name(m.group(3)),
                )
            )
    for m in rules["inner_triple"].finditer(text):
        title = _clean(m.group(1))
        if looks_like_title(title) and len(m.group(2).split()) >= 2:
            out.append(
                TitleFact(
                    title,
                    m.start(1),
                    m.end(1),
                    "film.paren_triple",
                    0.9,
                    year=int(m.group(3)),
                    director=trim_name(m.group(2)),
                )
            )
    for m in rules["title_year"].finditer(text):
        g = 1 if m.group(1) else 2
        title = _clean(m.group(g))
        if looks_like_title(title) and not _is_person(title, people):
            out.append(
                TitleFact(
                    title,
                    m.start(g),
                    m.end(g),
                    "film.title_year",
                    0.8,
                    "unknown",
                    int(m.group(3)),
                )
            )
    for m in rules["quoted"].finditer(text):
        title = _clean(m.group(1))
        if looks_like_title(title) and not re.search(r"[.!?]\s", title):
            out.append(
                TitleFact(title, m.start(1), m.end(1), "film.quoted", 0.6, "unknown")
            )
    for m in rules["mentioned"].finditer(text):
        title = _clean(m.group(1))
        if (
            looks_like_title(title)
            and is_name_like(title.split()[0])
            and not _is_person(title, people)
        ):
            out.append(
                TitleFact(
                    title, m.start(1), m.end(1), "film.mentioned", 0.6, "mentioned"
                )
            )
    directors = {fold(p.name) for p in people if p.role == "director"}
    for m in rules["possessive"].finditer(text):
        if fold(trim_name(m.group(1))) not in directors:
            continue
        title = _clean(m.group(2))
        if (
            looks_like_title(title)
            and not _is_person(title, people)
            and is_name_like(title.split()[0])
        ):
            out.append(
                TitleFact(
                    title,
                    m.start(2),
                    m.end(2),
                    "film.possessive",
                    0.65,
                    "unknown",
                    director=trim_name(m.group(1)),
                )
            )
    return _original_titles(text, out, people)


def normalise_headline(headline: str) -> str:
    """The headline with typographic quotes/dashes unified (same length)."""
    from graph.extract_text import normalise_text

    return normalise_text(headline)


def _is_person(title: str, people: list[PersonFact]) -> bool:
    key = fold(title)
    return any(key in (fold(p.name), fold(p.character or "")) for p in people)


def _original_titles(
    text: str, facts: list[TitleFact], people: list[PersonFact]
) -> list[TitleFact]:
    """Attach "Title (Original Title)" pairs to the known film of either name."""
    known = {fold(f.title) for f in facts}
    out = list(facts)
    for m in _rules()["title_paren"].finditer(text):
        g = 1 if m.group(1) else 2
        outer, inner = _clean(m.group(g)), _clean(m.group(3))
        if re.search(r"(?:19|20)\d\d", inner) or not looks_like_title(inner):
            continue
        if _is_person(inner, people) or _is_person(outer, people):
            continue
        suffixes = [
            outer[i:] for i in range(len(outer)) if i == 0 or outer[i - 1] == " "
        ]
        hit = next((s for s in suffixes if fold(s) in known), None)
        if hit is not None:
            start = m.start(g) + len(outer) - len(hit)
            out.append(
                TitleFact(
                    hit,
                    start,
                    start + len(hit),
                    "film.original_title",
                    0.85,
                    "unknown",
                    original_title=inner,
                )
            )
        elif fold(inner) in known:
            out.append(
                TitleFact(
                    inner,
                    m.start(3),
                    m.end(3),
                    "film.original_title",
                    0.85,
                    "unknown",
                    original_title=outer if looks_like_title(outer) else None,
                )
            )
    return out
