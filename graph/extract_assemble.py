"""Extract stage, assembly: group title facts into films and attach every fact.

Contract: :func:`group_films` merges the title facts of a review into films (one film
under several titles is one film), decides which films the review is about and which
it only mentions (with the evidence steps of :mod:`graph.extract_subjects`), and
drops weak mentions; :func:`attach_facts` gives each person fact and festival to the
film it belongs to (its sentence's film, see :mod:`graph.extract_owner`, or the title
named last before it in round-ups) and builds the :class:`~graph.models.FilmMention`
records with their evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from graph.extract_festivals import award_in
from graph.extract_films import TitleFact
from graph.extract_names import NOT_PEOPLE
from graph.extract_owner import sentence_owner
from graph.extract_people import PersonFact
from graph.extract_prose_people import same_title, title_before_director
from graph.extract_salience import is_compared
from graph.extract_sections import section_title_at, section_titles
from graph.extract_subjects import (
    demote_old_winners,
    drop_descriptors,
    fallback_rank,
    find_headline_labels,
    followed_topics,
    is_person_title,
    locate_films,
    promote_prized,
    promote_topics,
    with_heading_prefix,
    with_subtitle,
    without_people,
)
from graph.extract_text import TextIndex, find_all, fold
from graph.extract_title_evidence import with_comma_tails
from graph.models import (
    CastMember,
    FestivalMention,
    FilmMention,
    Person,
    ReleaseDate,
)

_INTRODUCED = frozenset(
    {"film.appositive", "film.by", "film.directed_by", "film.paren_cited"}
)


class FilmDraft:
    """A film being assembled from its title facts."""

    def __init__(self, fact: TitleFact) -> None:
        self.title = fact.title
        self.keys = {fold(fact.title)}
        self.original_title: str | None = None
        self.year = fact.year
        self.facts: list[TitleFact] = [fact]
        self.subject = fact.rule in {
            "input.title",
            "film.paren_triple",
            "film.list_line",
            "film.list_heading",
            "film.list_lead",
            "film.caps",
            "film.prose_intro",
        } or (fact.rule.startswith("headline.") and fact.rule != "headline.unechoed")
        self.subject = (
            self.subject
            or (fact.rule.startswith(("film.award_", "film.intro_")))
            and fact.role == "subject"
        )
        self.mentioned = fact.role == "mentioned"

    def add(self, fact: TitleFact) -> None:
        self.facts.append(fact)
        self.keys.add(fold(fact.title))
        self.year = self.year or fact.year
        self.subject = self.subject or FilmDraft(fact).subject
        self.mentioned = self.mentioned or fact.role == "mentioned"


_ROUND_UP = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)\s+(?:[a-z-]+\s+)?"
    r"(?:classics|picks|titles|releases|documentaries|gems|features)|"
    r"films|movies|round-?up|highlights|best of|top \d+|dispatch|diary|"
    r"day \d+|palmar[eè]s|winners|line-?up|to (?:watch|see|catch)|wrap(?:-?up)?|"
    r"verdicts|notebook|so far|ranked|in brief|capsules?|mini-reviews?)\b",
    re.I,
)


#: A numbered part of a series: "Part Two", "Chapter 3", "Vol. 1".
_NUMBERED_PART = re.compile(r"(?:Part|Chapter|Volume|Vol\.|Episode|Book|Act)\s")


def is_round_up(headline: str | None) -> bool:
    """True when a headline announces several films ("five films to watch")."""
    return bool(headline and _ROUND_UP.search(headline))


def group_films(
    text: str,
    titles: list[TitleFact],
    people: list[PersonFact],
    *,
    round_up: bool = False,
    body_start: int = 0,
    persons: frozenset[str] = frozenset(),
) -> list[FilmDraft]:
    """Merge title facts into films, subjects first (see the module docstring).

    Args:
        text: the normalised review text (for counting title occurrences).
        titles: the title facts of the review.
        people: the resolved person facts (unused names never become films).
        round_up: the headline announces several films: every film introduced with
            its director ("Mara Olsen's Cold Water, a drama ...") is reviewed.
        body_start: where the body begins, after the headline.
        persons: folded full names the parser tags as people ("agnes varda"): a
            film found only from its shape that is one of them, or its surname, is
            no film.

    Returns:
        The films, the ones the review is about first; empty when there is none.
    """
    films: list[FilmDraft] = []
    titles = [with_subtitle(text, x) if x.start >= body_start else x for x in titles]
    titles = [without_people(x, people) for x in titles]
    titles = [with_heading_prefix(text, x) for x in titles]
    tailed = with_comma_tails(text, titles)
    # "Right Now" of "Right Now, Wrong Then": people named with the short title
    short = {
        fold(b.title): fold(a.title)
        for a, b in zip(titles, tailed, strict=True)
        if a != b
    }
    titles = tailed
    titles = drop_descriptors(text, titles)
    for fact in titles:
        keys = {fold(fact.title)} | (
            {fold(fact.original_title)} if fact.original_title else set()
        )
        film = next((f for f in films if f.keys & keys), None)
        # "Title" of "Title, 23 Some Street, 1080 Town": the full title's short form
        film = film or next(
            (
                f
                for f in films
                if f.title.startswith((fact.title + ", ", fact.title + ": "))
                # "Dune: Part Two" is not "Dune", its first part
                and not _NUMBERED_PART.match(f.title, len(fact.title) + 2)
            ),
            None,
        )
        if film is None:
            film = FilmDraft(fact)
            films.append(film)
        else:
            film.add(fact)
        if fact.original_title:
            film.keys.add(fold(fact.original_title))
            if fold(fact.original_title) != fold(film.title):
                film.original_title = fact.original_title
    if not films:
        return []
    for film in films:
        film.keys |= {short[k] for k in film.keys if k in short}
    named = [f for f in films if is_person_title(text, f, people, persons)]
    if any(not f.mentioned for f in films if f not in named):
        films = [f for f in films if f not in named]
    else:  # a review's only film stays, for its people: "the least "Nolan" film"
        films = [f for f in films if f not in named or not f.mentioned] or films
    spots = locate_films(text, films)
    _demote_passing_winners(
        text,
        films,
        keep=followed_topics(text, spots, people, body_start),
        body_start=body_start,
    )
    demote_old_winners(text, films)
    compared = {
        id(f) for f in films
        if spots[id(f)] and all(
            is_compared(text, a) for a, _b in spots[id(f)] if a >= body_start
        )
    }  # fmt: skip
    promoted = promote_topics(text, films, people, spots, round_up, body_start)
    promoted |= promote_prized(text, films, people, spots, body_start)
    introduced = _INTRODUCED | ({"film.possessive"} if round_up else set())
    if round_up or sum(f.subject for f in films) != 1:
        # A dispatch without a headline title, or a round-up of several films: every
        # film introduced with its director ("A Real Pain, Jesse Eisenberg's second
        # film", '"Salt Houses", directed by Anna Brook') is reviewed.
        for film in films:
            if (
                not film.mentioned
                and id(film) not in compared
                and any(
                    x.rule in introduced and not _in_aside(text, x.start)
                    for x in film.facts
                )
            ):
                film.subject = True
    junk = find_headline_labels(text, films, spots, promoted, body_start)
    films = [f for f in films if id(f) not in junk]
    if not any(f.subject for f in films):
        candidates = [f for f in films if not f.mentioned]
        # "Title: a tagline" opening the headline names the film even when the body
        # never repeats it; otherwise the film the text names most is the subject
        opening = [
            f for f in candidates if any(x.rule == "headline.unechoed" for x in f.facts)
        ]
        if opening:
            opening[0].subject = True
        elif candidates:
            best = max(candidates, key=lambda f: fallback_rank(text, f))
            best.subject = True
    kept = []
    for film in films:
        if not film.subject:
            # unquoted-only mentions need a film word nearby to count as films
            solid = [
                f
                for f in film.facts
                if f.rule not in {"film.quoted", "headline.unechoed"}
            ]
            if not solid and not re.search(
                r"\b(?:film|movie|picture|documentary)s?\b",
                text[max(0, film.facts[0].start - 80) : film.facts[0].end + 40],
                re.I,
            ):
                continue
        kept.append(film)
    kept.sort(key=lambda f: (not f.subject, min(x.start for x in f.facts)))
    return kept


def _in_aside(text: str, at: int) -> bool:
    """True inside parentheses of its line: "(Fans: X's Other Film opens soon.)"."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return line.count("(") > line.count(")")


#: A headline about a festival's prizes (plural: not "a Silver Bear for X"): every
#: film the report hands one is reviewed.
_PRIZE_HEADLINE = re.compile(r"\b(?:prizes|awards|winners|palmar[eè]s)\b", re.I)


def _demote_passing_winners(
    text: str, films: list[FilmDraft], *, keep: set[int], body_start: int = 0
) -> None:
    """A review whose headline names its one film mentions another prize winner
    named only once in passing ("The Golden Bear went to X's Y, a documentary"),
    unless its paragraph goes on with its cast (``keep``: "the Cristal went to
    "Memoir of a Snail", ..., with Kodi Smit-McPhee (Gilbert)")."""
    headed = [
        f for f in films
        if any(x.rule.startswith("headline.") for x in f.facts) and f.subject
    ]  # fmt: skip
    if len(headed) != 1:
        return
    winners = [
        f for f in films
        if f is not headed[0] and any(x.rule == "film.award_prose" for x in f.facts)
    ]  # fmt: skip
    if len(winners) != 1:
        return  # a palmarès: every winner is reviewed
    if _PRIZE_HEADLINE.search(text[:body_start]):
        return  # "Golden Bear and both acting prizes for X": a prize report
    low = text.casefold()
    film = winners[0]
    if id(film) in keep:
        return
    rules = {x.rule for x in film.facts}
    if rules <= {
        "film.award_prose",
        "film.possessive",
        "film.quoted",
        "film.of_maker",
    } and (sum(low.count(k.casefold()) for k in {f.title for f in film.facts}) <= 1):
        film.subject = False
        film.mentioned = True


def _occurrences(text: str, film: FilmDraft) -> list[int]:
    low = text.casefold()
    spots = []
    for key in {f.title for f in film.facts} | (
        {film.original_title} if film.original_title else set()
    ):
        spots.extend(find_all(key.casefold(), low))
    return sorted(spots)


def _film_for(
    fact: PersonFact,
    subjects: list[FilmDraft],
    spots: dict[int, list[int]],
    main: FilmDraft,
) -> FilmDraft:
    if fact.title_hint:
        for film in subjects:
            if fold(fact.title_hint) in film.keys:
                return film
    if len(subjects) == 1:
        return main
    best, best_at = main, -1
    for film in subjects:
        before = [s for s in spots[id(film)] if s <= fact.start]
        if before and before[-1] > best_at:
            best, best_at = film, before[-1]
    return best


def _festivals_by_film(
    festivals: list[FestivalMention],
    subjects: list[FilmDraft],
    spots: dict[int, list[int]],
    main: FilmDraft,
    index: TextIndex,
) -> dict[int, tuple[FestivalMention, ...]]:
    """Which subject films a festival belongs to: all of them when it is named
    before any title (headline, introduction), else the film named last before it.
    In a prize list that names one festival, every awarded film gets the edition,
    with the prize of its own sentence."""
    everyone = {id(f): tuple(festivals) for f in subjects}
    if len(subjects) <= 1:
        return everyone
    first_title = min((s for f in subjects for s in spots[id(f)]), default=0)
    out: dict[int, list[FestivalMention]] = {id(f): [] for f in subjects}
    for fest in festivals:
        starts = [ev.start for ev in fest.evidence]
        if not starts or min(starts) < first_title:
            targets = subjects
        else:
            probe = PersonFact("cast", "", min(starts), min(starts), "festival", 0.0)
            targets = [_film_for(probe, subjects, spots, main)]
        for film in targets:
            out[id(film)].append(fest)
    if len(festivals) == 1:
        fest = festivals[0]
        for film in subjects:
            fact = next((x for x in film.facts if x.rule == "film.award_prose"), None)
            if fact is not None:
                prize = award_in(index.sentence_at(fact.start).text)
                out[id(film)] = [replace(fest, award=prize or fest.award)]
    return {k: tuple(v) for k, v in out.items()}


def _release_by_film(
    dates: list[ReleaseDate],
    films: list[FilmDraft],
    spots: dict[int, list[int]],
    main: FilmDraft,
    index: TextIndex,
) -> dict[int, ReleaseDate]:
    """Which film each release date belongs to; a film keeps the first it is given.

    A date goes to the film its own sentence names last before it, whatever its
    role ("Challengers opens April 26" in an aside of a round-up is the mentioned
    film's, so no reviewed film gets it); else, in a one-film review, to the main
    film, and in a round-up to the reviewed film named last before it ("Aftersun,
    out on 6 January ... Tar opens on 13 January").
    """
    subjects = [f for f in films if f.subject] or [main]
    out: dict[int, ReleaseDate] = {}
    for date in dates:
        at = min((ev.start for ev in date.evidence), default=0)
        start = index.sentence_at(at).start
        near = [
            (max(s for s in spots[id(f)] if start <= s <= at), f)
            for f in films
            if any(start <= s <= at for s in spots[id(f)])
        ]
        if near:
            owner = max(near, key=lambda pair: pair[0])[1]
        elif len(subjects) <= 1:
            owner = main
        else:
            probe = PersonFact("cast", "", at, at, "release", 0.0)
            owner = _film_for(probe, subjects, spots, main)
        out.setdefault(id(owner), date)
    return out


_OWNED_AFTER = re.compile(
    r"[\"”»*_]?\s*(?:\((?:19|20)\d\d\))?(?:\s+(?:by|de|d')\s*[A-Z][\w'-]*"
    r"(?:\s+[A-Z][\w'-]*){0,3})?\s*,?\s*(?:with|avec|starring|in which|where)\s+"
    r"(?:the\s+)?$"
)


def _mentioned_owner(
    text: str, fact: PersonFact, mentioned: list[FilmDraft]
) -> str | None:
    """The mentioned film a person fact follows directly: "like Tomboy (2011), with
    Zoé Héran as the kid" is the cast of Tomboy, not of the reviewed film."""
    window = text[max(0, fact.start - 80) : fact.start]
    low = window.casefold()
    for film in mentioned:
        for fact_title in film.facts:
            key = fact_title.title.casefold()
            at = low.rfind(key)
            if at >= 0 and _OWNED_AFTER.fullmatch(window[at + len(key) :]):
                return film.title
    return None


#: Between a person and the film of their prize: " received the Volpi Cup for
#: best actor for ", " took best actress in ".
_PRIZED_FOR = re.compile(
    r"\s+(?:won|wins|received|receives|took|takes|picked up|picks up|collected|"
    r"earned|was named|is named|was awarded|gets|got|shared|shares)\b"
    r"(?:(?!,\s+and\b|\band\s+[A-Z])[^.;])*?\b(?:for|in)\s+[\"“'‘]?"
)


def _prized_film(
    text: str,
    index: TextIndex,
    fact: PersonFact,
    films: list[FilmDraft],
    spots: dict[int, list[int]],
) -> str | None:
    """The film a prize sentence names after the person: "X received the Volpi Cup
    for Memory" is Memory's, whatever film the sentence named before X."""
    end = min(index.sentence_at(fact.start).end, fact.end + 140)
    after = [(s, f) for f in films for s in spots[id(f)] if fact.end < s < end]
    if not after:
        return None
    at, film = min(after, key=lambda pair: pair[0])
    return film.title if _PRIZED_FOR.fullmatch(text, fact.end, at) else None


#: Rules that name two parts of one actor ("A and B are both voiced by X").
_TWO_PART_RULES = frozenset({"cast.both_voiced"})


def _drop_loose_directors(
    directors: dict[int, dict[str, Person]],
    loose: set[tuple[int, str]],
    firm: set[tuple[int, str]],
) -> None:
    """A film whose director a titled fact names keeps no one a title-less "X's
    film" gave it: "Maren Ade's comedy, still one of the great films" in a column
    on Justine Triet's film is another film's maker. The same person by surname
    ("Triet's film") stays."""
    for film_id, key in loose:
        named = [k for f, k in firm if f == film_id]
        if named and not any(key.split()[-1] == k.split()[-1] for k in named):
            directors[film_id].pop(key, None)


def attach_facts(
    text: str,
    index: TextIndex,
    films: list[FilmDraft],
    people: list[PersonFact],
    festivals: list[FestivalMention],
    main: FilmDraft,
    extras: Mapping[str, object],
) -> tuple[FilmMention, ...]:
    """Give every person fact and festival to its film and build the records.

    Args:
        text: the normalised review text.
        index: sentence lookup for evidence.
        films: the films from :func:`group_films`.
        people: the resolved person facts.
        festivals: the merged festival mentions.
        main: the main subject film (it gets the themes and places).
        extras: ``release_dates`` (every release statement, see
            :func:`_release_by_film`), ``themes`` and ``places`` of the main film.
    """
    subjects = [f for f in films if f.subject] or [main]
    spots = {id(f): _occurrences(text, f) for f in films}
    # in a text of film sections, a person belongs to the section's film
    sections = section_titles(text, [t for f in subjects for t in f.facts])
    directors: dict[int, dict[str, Person]] = {id(f): {} for f in films}
    cast: dict[int, dict[str, CastMember]] = {id(f): {} for f in films}
    mentioned = [f for f in films if not f.subject]
    keys = {k for f in films for k in f.keys}
    named = locate_films(text, films)
    loose: set[tuple[int, str]] = set()  # directors only of "X's film" facts
    firm: set[tuple[int, str]] = set()
    for fact in people:
        if fact.name.casefold() in NOT_PEOPLE:
            continue  # "Saltburn (Prime Video)": a service, not its director
        pool = subjects
        if not fact.title_hint:
            prized = _prized_film(text, index, fact, films, spots)
            if prized is not None:
                fact = replace(fact, title_hint=prized)
        titled = bool(fact.title_hint)
        owner = None if fact.title_hint else _mentioned_owner(text, fact, mentioned)
        before = title_before_director(text, fact) if not fact.title_hint else None
        if owner is None and before:
            # "like Wanda (1970), Barbara Loden's only feature": another film's
            if not same_title(before, keys):
                continue
            exact = next((f for f in films if before in f.keys), None)
            if exact is None:
                exact = next((f for f in films if same_title(before, f.keys)), None)
            owner = None if exact is None or exact.subject else exact.title
        section = section_title_at(sections, fact.start)
        if owner is None and not before and not section and not fact.title_hint:
            owner = sentence_owner(text, index, fact, films, named, len(subjects))
            if owner == "":
                continue  # a fact of a cited film that is no film of the output
        if owner is not None:
            fact = replace(fact, title_hint=owner)
        if section and not fact.title_hint:
            fact = replace(fact, title_hint=section)
        if fact.title_hint:
            pool = [f for f in films if fold(fact.title_hint) in f.keys]
            if not pool:
                # the rule named its film ("X returned with Fallen Leaves") and that
                # film was not kept: the fact is no other film's
                continue
            pool = pool or subjects
        film = _film_for(fact, pool, spots, main)
        ev = index.evidence(fact.start, fact.end, fact.rule, fact.confidence)
        key = fold(fact.name)
        if fact.role == "director":
            weak = fact.rule == "director.possessive" and not titled
            (loose if weak and not fact.title_hint else firm).add((id(film), key))
            prior = directors[id(film)].get(key)
            directors[id(film)][key] = Person(
                fact.name, evidence=((prior.evidence if prior else ()) + (ev,))[:3]
            )
        else:
            prior_c = cast[id(film)].get(key)
            if prior_c and prior_c.character and fact.rule in _TWO_PART_RULES:
                key = f"{key}|{fold(fact.character or '')}"  # a second named part
                prior_c = cast[id(film)].get(key)
            character = (prior_c.character if prior_c else None) or fact.character
            evs = ((prior_c.evidence if prior_c else ()) + (ev,))[:3]
            cast[id(film)][key] = CastMember(
                fact.name, character=character, evidence=evs
            )
    if len(subjects) == 1:  # a multi-film text's "X's film" may be an unfound one
        _drop_loose_directors(directors, loose - firm, firm)
    festivals_of = _festivals_by_film(festivals, subjects, spots, main, index)
    release_of = _release_by_film(
        extras["release_dates"],  # type: ignore[arg-type]
        films,
        spots,
        main,
        index,
    )
    main_directors = directors[id(main)]
    for film in films:
        own = [f for f in film.facts if f.rule == "film.mentioned_own"]
        if not film.subject and own and not directors[id(film)]:
            ev = index.evidence(own[0].start, own[0].end, "director.previous_film", 0.6)
            for key, person in main_directors.items():
                directors[id(film)][key] = Person(person.name, evidence=(ev,))
    out = []
    for film in films:
        subject = film.subject
        is_main = film is main
        film_festivals = festivals_of.get(id(film), ()) if subject else ()
        out.append(FilmMention(
            title=film.title,
            role="subject" if subject else "mentioned",
            original_title=film.original_title,
            year=film.year,
            directors=tuple(directors[id(film)].values()),
            cast=tuple(cast[id(film)].values()) if subject else (),
            festivals=film_festivals,
            release_date=release_of.get(id(film)) if subject or is_main else None,
            themes=extras["themes"] if is_main else (),  # type: ignore[arg-type]
            places=extras["places"] if is_main else (),  # type: ignore[arg-type]
            evidence=tuple(index.evidence(f.start, f.end, f.rule, f.confidence)
                           for f in film.facts[:3]),
        ))  # fmt: skip
    return tuple(out)
