"""Extract stage, assembly: group title facts into films and attach every fact.

Contract: :func:`group_films` merges the title facts of a review into films (one film
under several titles is one film), decides which films the review is about and which
it only mentions, and drops weak mentions; :func:`attach_facts` gives each person fact
and festival to the film it belongs to (the title named last before it in round-ups)
and builds the :class:`~graph.models.FilmMention` records with their evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from graph.extract_festivals import award_in
from graph.extract_films import TitleFact
from graph.extract_people import PersonFact
from graph.extract_prose_people import same_title, title_before_director
from graph.extract_salience import (
    drop_nested_spots,
    film_spots,
    is_compared,
    is_prized,
    owner_before,
    paragraph_start,
    paragraph_topics,
)
from graph.extract_sections import section_title_at, section_titles
from graph.extract_text import TextIndex, fold
from graph.models import CastMember, FestivalMention, FilmMention, Person

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
    r"\b(?:films|movies|round-?up|highlights|best of|top \d+|dispatch|diary|"
    r"day \d+|palmar[eè]s|winners|line-?up|to (?:watch|see|catch)|wrap(?:-?up)?|"
    r"verdicts|notebook|so far|ranked|in brief|capsules?|mini-reviews?)\b",
    re.I,
)


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
) -> list[FilmDraft]:
    """Merge title facts into films, subjects first (see the module docstring).

    Args:
        text: the normalised review text (for counting title occurrences).
        titles: the title facts of the review.
        people: the resolved person facts (unused names never become films).
        round_up: the headline announces several films: every film introduced with
            its director ("Mara Olsen's Cold Water, a drama ...") is reviewed.
        body_start: where the body begins, after the headline.

    Returns:
        The films, the ones the review is about first; empty when there is none.
    """
    films: list[FilmDraft] = []
    titles = [_with_subtitle(text, x) if x.start >= body_start else x for x in titles]
    titles = _drop_descriptors(text, titles)
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
    _demote_passing_winners(text, films)
    _demote_old_winners(text, films)
    spots = _spots(text, films)
    compared = {
        id(f) for f in films
        if spots[id(f)] and all(
            is_compared(text, a) for a, _b in spots[id(f)] if a >= body_start
        )
    }  # fmt: skip
    promoted = _promote_topics(text, films, people, spots, round_up, body_start)
    promoted |= _promote_prized(text, films, people, spots, body_start)
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
    junk = _junk_headlines(text, films, spots, promoted, body_start)
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
            low = fold(text)
            best = max(candidates, key=lambda f: sum(low.count(k) for k in f.keys))
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


def _spots(text: str, films: list[FilmDraft]) -> dict[int, list[tuple[int, int]]]:
    """Where the text names each film (by ``id``), nested names dropped."""
    return drop_nested_spots({
        id(f): film_spots(
            text,
            [x.title for x in f.facts] + [f.original_title or ""],
            [x.start for x in f.facts],
        )
        for f in films
    })  # fmt: skip


def _promote_topics(
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
                and x.rule not in _WEAK_HEADLINE
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


def _promote_prized(
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


_WEAK_HEADLINE = frozenset(
    {"headline.title", "headline.unechoed", "headline.recurring"}
)


#: "on the Lido", "a Berlin": a name after an article is a place or a thing, not a
#: film named in running text.
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")


def _junk_headlines(
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
            if all(x.rule in _WEAK_HEADLINE for x in f.facts)
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
        and all(x.rule in _WEAK_HEADLINE for x in f.facts)
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


def _with_subtitle(text: str, fact: TitleFact) -> TitleFact:
    """The fact with the title-case subtitle the text gives right after it: "Rian
    Johnson's Glass Onion: A Knives Out Mystery, and ..." is one title."""
    if ":" in fact.title or text[fact.end : fact.end + 1] != ":":
        return fact
    m = _SUBTITLE.match(text, fact.end)
    if m is None or m.group(1).split()[-1] in {"a", "an", "the", "of", "and"}:
        return fact
    return replace(fact, title=f"{fact.title}: {m.group(1)}", end=m.end())


def _drop_descriptors(text: str, titles: list[TitleFact]) -> list[TitleFact]:
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


def _in_aside(text: str, at: int) -> bool:
    """True inside parentheses of its line: "(Fans: X's Other Film opens soon.)"."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return line.count("(") > line.count(")")


def _demote_passing_winners(text: str, films: list[FilmDraft]) -> None:
    """A review whose headline names its one film mentions another prize winner
    named only once in passing ("The Golden Bear went to X's Y, a documentary")."""
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
    low = text.casefold()
    film = winners[0]
    rules = {x.rule for x in film.facts}
    if rules <= {"film.award_prose", "film.possessive", "film.quoted"} and (
        sum(low.count(k.casefold()) for k in {f.title for f in film.facts}) <= 1
    ):
        film.subject = False
        film.mentioned = True


def _demote_old_winners(text: str, films: list[FilmDraft]) -> None:
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


def _occurrences(text: str, film: FilmDraft) -> list[int]:
    low = text.casefold()
    spots = []
    for key in {f.title for f in film.facts} | (
        {film.original_title} if film.original_title else set()
    ):
        for m in re.finditer(re.escape(key.casefold()), low):
            spots.append(m.start())
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


def _sentence_owner(
    text: str,
    index: TextIndex,
    fact: PersonFact,
    films: list[FilmDraft],
    named: dict[int, list[tuple[int, int]]],
    n_subjects: int,
) -> str | None:
    """The film a person fact's sentence is about: the film it names last before
    the fact ("First Cow (2019), in which a cook (John Magaro) ..."), or in a text
    of several reviewed films, the film its paragraph names last before it. A
    comparison ("unlike X") owns nothing, and a sentence that also names a reviewed
    film keeps its facts for it."""
    m = re.match(re.escape(fact.name) + r"(?:'s?|’s?)\s+[\"“]?", text[fact.start :])
    if m and any(a == fact.start + m.end() for v in named.values() for a, _b in v):
        return None  # "Spielberg's The Fabelmans": the film named after it
    para = paragraph_start(text, fact.start)
    sentence = index.sentence_at(fact.start)
    since = max(para, sentence.start)
    nearest = max(
        ((b, key) for key, v in named.items() for a, b in v
         if since <= a and b <= fact.start),
        default=None,
    )  # fmt: skip
    if nearest is not None and _apposed(text[nearest[0] : fact.start]):
        # "than The Babadook, Jennifer Kent's film": even a comparison owns the
        # facts set right beside it
        return next(f.title for f in films if id(f) == nearest[1])
    key = owner_before(text, fact.start, named, since=since)
    if key is None and n_subjects >= 2:
        key = owner_before(text, fact.start, named, since=para)
    film = next((f for f in films if id(f) == key), None)
    if film is None:
        return None
    if film.subject:
        return film.title
    last = max(b for a, b in named[id(film)] if since <= a and b <= fact.start)
    if (
        fact.start - last > _NEAR
        or _NOW.search(text, last, fact.start)
        or any(
            since <= a < sentence.end
            for f in films
            if f.subject
            for a, _b in named[id(f)]
        )
    ):
        return None  # far from it, back to "this time", or beside a reviewed film
    return film.title


def _apposed(gap: str) -> bool:
    """True for the text between a film and a fact set beside it: ", " (then
    "Jennifer Kent's film"), "(2017), d'Hubert Charuel, a rural drama, avec ",
    "» de Richard Lester (1973) avec "; not ", le cinéaste belge " before the
    subject of the main clause."""
    if len(gap) > 100 or _CLAUSE.search(gap) or gap.count(")") > gap.count("("):
        # "(In the Bedroom, Todd Field, 2001), Field is back": the aside is closed
        return False
    lead = _LEAD.match(gap)
    rest = gap[lead.end() if lead else 0 :]
    if re.fullmatch(r",?\s*", rest):
        return True
    return bool(_LINK_OPEN.match(rest) and _LINK_CLOSE.search(rest))


#: Quotes and a parenthesis right after a title: '" (2011)', " » ".
_LEAD = re.compile(r"\s*[\"”»’']?\s*(?:\([^()]*\)\s*)?")
_LINK_OPEN = re.compile(r"(?:,|by\b|de\b|d'|d’|of\b|with\b|avec\b|starring\b)")
_LINK_CLOSE = re.compile(
    r"(?:\b(?:by|with|avec|starring|in which|where|où|as|par)|d'|d’)\s*$"
)
#: A new clause in the gap hands the fact back to its own sentence's film.
_CLAUSE = re.compile(
    r"[;.!?]|\b(?:it|this|the film|le film|but|mais|and|et|while|whereas|though|"
    r"here|ici|now)\b",
    re.I,
)
#: How far after a mentioned film's title its own cast may come in one sentence.
_NEAR = 200
#: Words that turn a sentence back to the reviewed film ("... she takes us this
#: time to the village, through Alice (Julia Piaton)").
_NOW = re.compile(
    r"\b(?:this (?:time|one|film|movie)|here|now|the new (?:film|one))\b", re.I
)


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
        main: the main subject film (it gets the release date, themes and places).
        extras: ``release_date``, ``themes`` and ``places`` of the main film.
    """
    subjects = [f for f in films if f.subject] or [main]
    spots = {id(f): _occurrences(text, f) for f in films}
    # in a text of film sections, a person belongs to the section's film
    sections = section_titles(text, [t for f in subjects for t in f.facts])
    directors: dict[int, dict[str, Person]] = {id(f): {} for f in films}
    cast: dict[int, dict[str, CastMember]] = {id(f): {} for f in films}
    mentioned = [f for f in films if not f.subject]
    keys = {k for f in films for k in f.keys}
    named = _spots(text, films)
    for fact in people:
        pool = subjects
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
            owner = _sentence_owner(text, index, fact, films, named, len(subjects))
        if owner is not None:
            fact = replace(fact, title_hint=owner)
        if section and not fact.title_hint:
            fact = replace(fact, title_hint=section)
        if fact.title_hint:
            pool = [f for f in films if fold(fact.title_hint) in f.keys] or subjects
        film = _film_for(fact, pool, spots, main)
        ev = index.evidence(fact.start, fact.end, fact.rule, fact.confidence)
        key = fold(fact.name)
        if fact.role == "director":
            prior = directors[id(film)].get(key)
            directors[id(film)][key] = Person(
                fact.name, evidence=((prior.evidence if prior else ()) + (ev,))[:3]
            )
        else:
            prior_c = cast[id(film)].get(key)
            character = (prior_c.character if prior_c else None) or fact.character
            evs = ((prior_c.evidence if prior_c else ()) + (ev,))[:3]
            cast[id(film)][key] = CastMember(
                fact.name, character=character, evidence=evs
            )
    festivals_of = _festivals_by_film(festivals, subjects, spots, main, index)
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
            release_date=extras["release_date"] if is_main else None,  # type: ignore[arg-type]
            themes=extras["themes"] if is_main else (),  # type: ignore[arg-type]
            places=extras["places"] if is_main else (),  # type: ignore[arg-type]
            evidence=tuple(index.evidence(f.start, f.end, f.rule, f.confidence)
                           for f in film.facts[:3]),
        ))  # fmt: skip
    return tuple(out)
