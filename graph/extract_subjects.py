"""Extract stage, subjects: which films of a review it is about, from evidence.

Contract: the assembler's :class:`~graph.extract_assemble.FilmDraft` records start
with a subject guess from their title rules; these steps revise it from the whole
text. :func:`with_subtitle` and :func:`drop_descriptors` fix title spans before
grouping; :func:`demote_old_winners` keeps a career's old prizes mentioned;
:func:`promote_topics` makes every paragraph-topic film of a multi-film text (a
season, a diary) a subject, :func:`promote_prized` every film a prize report hands
a prize; :func:`find_headline_labels` finds headline words (a column label, "BERLIN")
that are no films. The evidence (where a film is named, comparisons, paragraph
topics, prize cues) comes from :mod:`graph.extract_salience`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.extract_salience import (
    drop_nested_spots,
    film_spots,
    is_compared,
    is_prized,
    paragraph_start,
    paragraph_topics,
)
from graph.extract_text import FULL_NAME, fold
from graph.extract_title_base import TitleFact
from graph.extract_title_evidence import used_as_name

if TYPE_CHECKING:
    from graph.extract_assemble import FilmDraft
    from graph.extract_people import PersonFact

#: Headline rules that only guess a title from a headline's capitalised words.
WEAK_HEADLINE = frozenset({"headline.title", "headline.unechoed", "headline.recurring"})


def locate_films(text: str, films: list[FilmDraft]) -> dict[int, list[tuple[int, int]]]:
    """Where the text names each film (by ``id``), nested names dropped."""
    return drop_nested_spots({
        id(f): film_spots(
            text,
            [x.title for x in f.facts] + [f.original_title or ""],
            [x.start for x in f.facts],
        )
        for f in films
    })  # fmt: skip


def followed_topics(
    text: str,
    spots: dict[int, list[tuple[int, int]]],
    people: list[PersonFact],
    body_start: int,
) -> set[int]:
    """The films (by ``id``) a paragraph is about and then gives the cast of."""
    cast_starts = [p.start for p in people if p.role == "cast"]
    topics = paragraph_topics(text, spots, cast_starts, body_start=body_start)
    return {t.key for t in topics if t.followed}


def promote_topics(
    text: str,
    films: list[FilmDraft],
    people: list[PersonFact],
    spots: dict[int, list[tuple[int, int]]],
    round_up: bool,
    body_start: int,
) -> set[int]:
    """Make every paragraph-topic film of a multi-film text a subject.

    A film is a paragraph's topic when the paragraph names it first (outside a
    comparison) and then gives its cast, or, in a round-up, names it in its opening
    words. A text is multi-film when its headline announces a round-up, or when two
    more films are paragraph topics and the headline names no film the body names
    again and no film runs through several paragraphs while each topic has one: a
    season, a diary, a prize report. A film named three times and twice as often as
    each paragraph topic makes any text a single review. A single review
    keeps its one subject, and the earlier films of its paragraphs stay mentioned.

    Returns:
        The ``id`` of every film promoted.
    """
    cast_starts = [p.start for p in people if p.role == "cast"]
    topics = paragraph_topics(text, spots, cast_starts, body_start=body_start)
    strong = {t.key for t in topics if t.followed or (round_up and t.opening)}
    candidates = [
        f for f in films
        if id(f) in strong and not f.mentioned
        # a quoted phrase alone ("the 'White House' behind the dorms") is no film
        and any(x.rule not in {"film.quoted"} and not x.rule.startswith("headline.")
                for x in f.facts)
    ]  # fmt: skip

    def named(film: FilmDraft) -> int:
        return sum(a >= body_start for a, _b in spots[id(film)])

    def dominates(film: FilmDraft) -> bool:
        most = max((named(g) for g in candidates if g is not film), default=0)
        return named(film) >= 3 and named(film) >= 2 * most

    def headlined(film: FilmDraft) -> bool:  # the headline's film, named again
        return (
            film.subject
            and named(film) >= 1
            and any(
                x.rule == "input.title"
                or x.rule.startswith("headline.")
                and x.rule not in WEAK_HEADLINE
                for x in film.facts
            )
        )

    def paragraphs_of(film: FilmDraft) -> int:
        return len({
            paragraph_start(text, a) for a, _b in spots[id(film)]
            if a >= body_start and not is_compared(text, a)
        })  # fmt: skip

    def threads(film: FilmDraft) -> bool:  # the lede's film, back in the close
        return paragraphs_of(film) >= 2 and all(
            paragraphs_of(g) <= 1 for g in candidates if g is not film
        )

    if any(dominates(f) for f in films if not f.mentioned):
        return set()
    fresh = [f for f in candidates if not f.subject]
    if not round_up and (
        any(headlined(f) or threads(f) for f in films if not f.mentioned)
        or len(fresh) < 2
    ):
        return set()
    for film in candidates:
        film.subject = True
    return {id(f) for f in candidates}


def promote_prized(
    text: str,
    films: list[FilmDraft],
    people: list[PersonFact],
    spots: dict[int, list[tuple[int, int]]],
    body_start: int,
) -> set[int]:
    """In a prize report (two films or more handed a prize in the body: "the Palme
    went to X", "X won the People's Choice Award", "the runner-up was Y"), every
    film handed a prize is a subject; a lone winner only when its paragraph then
    gives its cast.

    Returns:
        The ``id`` of every film promoted.
    """
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)]
    latest = max(years, default=0)
    prized = [
        f for f in films
        # "Requiem (2006)" in a 2023 column is a career, not this year's palmarès
        if not f.mentioned and not (f.year and f.year < latest - 1)
        and any(
            a >= body_start and is_prized(text, a, b) and not is_compared(text, a)
            for a, b in spots[id(f)]
        )
    ]  # fmt: skip
    if len(prized) == 1:
        # one winner in a review of another film is history or gossip, unless
        # its paragraph goes on about it: "the Cristal went to "Memoir of a
        # Snail", ..., with Kodi Smit-McPhee (Gilbert)"
        cast_starts = [p.start for p in people if p.role == "cast"]
        topics = paragraph_topics(text, spots, cast_starts, body_start=body_start)
        if not any(t.key == id(prized[0]) and t.followed for t in topics):
            return set()
    for film in prized:
        film.subject = True
    return {id(f) for f in prized}


#: "on the Lido", "a Berlin": a name after an article is a place or a thing, not a
#: film named in running text.
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")


def find_headline_labels(
    text: str,
    films: list[FilmDraft],
    spots: dict[int, list[tuple[int, int]]],
    promoted: set[int],
    body_start: int,
) -> set[int]:
    """Headline words taken for a title ("BERLIN", "Lido verdict: ...", a column
    label) that the body never names as a film (a name after an article, "on the
    Lido", is no film), in a text whose paragraphs review other films: they are
    no films at all."""
    reviewed = [
        f for f in films
        if f.subject and (
            id(f) in promoted
            or any(not x.rule.startswith(("headline.", "input.")) for x in f.facts)
        )
    ]  # fmt: skip
    if not reviewed:
        # a column label over a review that never names it, of a film the body
        # names again and again ("THE PERFORMANCE | Columns" over Anatomy of a Fall)
        labels = [
            f for f in films
            if all(x.rule in WEAK_HEADLINE for x in f.facts)
            and not any(a >= body_start for a, _b in spots[id(f)])
        ]  # fmt: skip
        body = [
            f for f in films
            if not f.subject and not f.mentioned
            and sum(a >= body_start for a, _b in spots[id(f)]) >= 2
        ]  # fmt: skip
        if not labels or not body or any(f.subject for f in films if f not in labels):
            return set()
        best = max(body, key=lambda f: sum(a >= body_start for a, _b in spots[id(f)]))
        best.subject = True
        reviewed = [best]
    return {
        id(f) for f in films
        if f not in reviewed
        and all(x.rule in WEAK_HEADLINE for x in f.facts)
        and not any(
            a >= body_start and not _ARTICLE_BEFORE.search(text[max(0, a - 6) : a])
            for a, _b in spots[id(f)]
        )
    }  # fmt: skip


#: A subtitle after a colon, in title case: ": A Knives Out Mystery", ": Part Two";
#: not ": Emma Stone is magnificent".
_SUBTITLE = re.compile(
    r": ((?:[A-Z0-9][\w'’-]*)(?: (?:[A-Z0-9][\w'’-]*|a|an|the|of|and|in|on|to|for|"
    r"with|at|by|from)){0,6})(?=[,.;!?)\n]|\s+\((?:19|20)\d\d\)|$)"
)


def with_subtitle(text: str, fact: TitleFact) -> TitleFact:
    """The fact with the title-case subtitle the text gives right after it: "Rian
    Johnson's Glass Onion: A Knives Out Mystery, and ..." is one title."""
    if ":" in fact.title or text[fact.end : fact.end + 1] != ":":
        return fact
    m = _SUBTITLE.match(text, fact.end)
    if m is None or m.group(1).split()[-1] in {"a", "an", "the", "of", "and"}:
        return fact
    return replace(fact, title=f"{fact.title}: {m.group(1)}", end=m.end())


def drop_descriptors(text: str, titles: list[TitleFact]) -> list[TitleFact]:
    """Drop a possessive "title" that describes the film right before it: in "The
    Worst Person in the World, Joachim Trier's Oslo comedy", "Oslo" is no film."""
    named = [x for x in titles if x.rule != "film.possessive"]
    return [
        x for x in titles
        if x.rule != "film.possessive"
        or not _NOUN_AFTER.match(text, x.end)
        or not any(
            a.end < x.start and _DESCRIBED.fullmatch(text, a.end, x.start)
            for a in named
        )
    ]  # fmt: skip


#: A lowercase noun going on after the "title" ("Oslo comedy", "Oscar winner"),
#: not a word that ends it ("Jeanne Dielman and ...", "Drive My Car is ...").
_NOUN_AFTER = re.compile(
    r" (?!(?:and|or|is|was|are|were|has|had|which|that|who|with|in|on|at|for|to|"
    r"by|from|as|but|opens|screens|won|comes|plays|stars|remains|the|a|an)\b)[a-z]"
)
#: The gap from a film to a possessive describing it: ", Joachim Trier's ".
_DESCRIBED = re.compile(r"[\"”’»]?,\s+[^,.;:()\"“”]{1,40}(?:'s|’s|s'|’)\s+")


def demote_old_winners(text: str, films: list[FilmDraft]) -> None:
    """A prize line about a film dated years before the text's latest year is a
    career note ("She won the Golden Lion for Quiet Hours (2016)" in a 2024
    column), not this year's palmarès: the film is only mentioned."""
    latest = max((int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)), default=0)
    for film in films:
        rules = {x.rule for x in film.facts}
        if (
            film.subject
            and film.year
            and film.year < latest - 1
            and any(r.startswith("film.award_") for r in rules)
            and not any(
                r.startswith(("headline.", "input.", "film.list")) for r in rules
            )
        ):
            film.subject = False
            film.mentioned = True


#: Rules that only guess a title from its shape (quotes, a cue word, the tagger):
#: a person's name caught by them is no film.
_SHAPE_ONLY = frozenset(
    {"film.quoted", "film.mentioned_own", "film.mentioned_other", "title_model"}
)


def is_person_title(
    text: str,
    film: FilmDraft,
    people: list[PersonFact],
    persons: frozenset[str] = frozenset(),
) -> bool:
    """True when a film found only from its shape is a person's or a character's
    name: the least "Nolan" film of a review naming Christopher Nolan, "since
    Claude Chabrol" of a director, "Varda" of the text's "Agnès Varda" (``persons``:
    the folded full names the parser tags as people, some of them titles, so only
    their surnames count), "after Na Young" of a
    character the text writes as a name elsewhere ("Na Young and Hae Sung walk
    home")."""
    if not film.facts or any(x.rule not in _SHAPE_ONLY for x in film.facts):
        return False
    if film.year or film.original_title:
        return False
    names = _person_names(people)
    if len(film.title.split()) == 1:  # a surname: a parser's person may be a title
        names |= {p.split()[-1] for p in persons}
    if film.keys & names:
        return True
    starts = {x.start for x in film.facts}
    return all(
        x.rule != "title_model"
        and any(used_as_name(text, x.title, skip=s) for s in starts)
        for x in film.facts
    )


def _person_names(people: list[PersonFact]) -> set[str]:
    """The folded names of the review's people and characters, with the surnames
    of its full names ("Cuarón" of "Alfonso Cuarón")."""
    names: set[str] = set()
    for p in people:
        names.add(fold(p.name))
        if p.character:
            names.add(fold(p.character))
        parts = p.name.split()
        if len(parts) >= 2:
            names.add(fold(parts[-1]))
    return names


#: "James Doe's Title": a person's name before the title.
_OWNER_LEAD = re.compile(r"(.+?)['’]s? (?=\S)")
#: "Title of Kleber Doe and Jo Roe": a machine translation's "film of its makers".
_OF_MAKER = re.compile(r" (?:of|by) (?=[A-Z])")


def without_people(fact: TitleFact, people: list[PersonFact]) -> TitleFact:
    """The fact without a person's name a rule took into its title: "James Doe's A
    Complete Unknown" (a full name before an article, or a name the review gives
    as a person: kept as the director), "Bacurau of Kleber Doe and Jo Roe" (a
    translation's makers: two full names, or people of the review). "Schindler's
    List" and "The Diary of Anne Frank" stay."""
    names = _person_names(people)
    title, start = fact.title, fact.start
    director = fact.director
    lead = _OWNER_LEAD.match(title)
    if (
        lead
        and len(title) > lead.end() + 1
        and (
            fold(lead.group(1)) in names
            or re.fullmatch(FULL_NAME, lead.group(1))
            and re.match(r"(?:The|A|An) ", title[lead.end() :])
        )
    ):
        director = director or lead.group(1)
        title, start = title[lead.end() :], start + lead.end()
    for m in _OF_MAKER.finditer(title):
        tail = title[m.end() :]
        if fold(tail) in names or re.fullmatch(
            rf"{FULL_NAME}(?:, {FULL_NAME})* (?:and|&) {FULL_NAME}", tail
        ):
            title = title[: m.start()]
            break
    if title == fact.title:
        return fact
    return replace(fact, title=title, start=start, end=start + len(title),
                   director=director)  # fmt: skip


def fallback_rank(text: str, film: FilmDraft) -> tuple[bool, int, int]:
    """How likely a film is the subject of a review no rule gave one: not an
    earlier work ("Tomboy (2011)" in a 2019 report), named most, named first."""
    latest = max((int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)), default=0)
    low = fold(text)
    first = min(x.start for x in film.facts)
    old = bool(film.year and film.year < latest - 1)
    return (not old, sum(low.count(k) for k in film.keys), -first)


#: A heading line's franchise prefix before a title: "Mission: Impossible – ".
_HEAD_PREFIX = re.compile(
    r"(?:^|\n)([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}: [A-Z][\w'’-]*"
    r"(?: [A-Z][\w'’-]*){0,3} [–—-] )$"
)


def with_heading_prefix(text: str, fact: TitleFact) -> TitleFact:
    """The fact with the franchise prefix that opens its heading line: "Mission:
    Impossible – Dead Reckoning Part One (in cinemas July 12)" is one title; a
    prefix inside a sentence ("I loved it: Big – Cold Water") is not."""
    m = _HEAD_PREFIX.search(text, max(0, fact.start - 60), fact.start)
    if m is None:
        return fact
    start = m.start(1)
    return replace(fact, title=text[start : fact.end], start=start)
