"""Link: extracted films, people, festivals (and the rest) -> Wikidata items, or none.

Contract: :func:`link_extraction` (one review) and :func:`link_extractions` (many, with
shared batched queries) return the extractions with ``wikidata`` and ``link`` filled on
films, directors, cast members and festivals. A :class:`~graph.models.Link` is kept for
every decision, also an abstention (``qid=None``), with the confidence and the signals
that decided. Candidates come from :mod:`graph.link_candidates`; each type has a hard
constraint (film or TV series, human or film credits, film festival), then signals add
up: how well the label matched, the stated year against ``P577`` (±1), and the joint
context of the review (a director is ``P57`` of the linked film, an actor ``P161``).
Below a per-type threshold, or when two candidates score too close, the linker abstains:
a wrong link is worse than none. Festival editions, themes and places are linked
after that by :mod:`graph.link_extra` (edition labels are looked up once the festivals
are known, in one more batch for all reviews).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from graph.link_candidates import (
    FESTIVAL_EDITION,
    FILM,
    FILM_FESTIVAL,
    HUMAN,
    TV_SERIES,
    Candidate,
    CandidateSet,
    ItemFacts,
    fetch_candidates,
)
from graph.link_extra import (
    edition_forms,
    edition_key,
    extra_names,
    fetch_festival_labels,
    link_film_extras,
    person_words,
)
from graph.mirror import fold_label
from graph.models import (
    CastMember,
    Extraction,
    FestivalMention,
    FilmMention,
    Link,
    Person,
)
from graph.wikidata import WikidataClient

THRESHOLDS = {"film": 0.6, "person": 0.6, "festival": 0.65}
MARGIN = 0.15
MATCH_SCORE = {
    "label-exact": 0.45,
    "alias-exact": 0.35,
    "label-normalised": 0.4,
    "alias-normalised": 0.3,
    "label-article": 0.25,
    "alias-article": 0.2,
}
SOLE_MATCHES = frozenset({"label-exact", "label-normalised", "alias-exact"})
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
_PAREN = re.compile(r"^(.+?)\s*\(([^()]+)\)\s*$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Scored:
    """One candidate with its score and the signals behind it."""

    qid: str
    score: float
    reasons: tuple[str, ...]


def link_extraction(extraction: Extraction, *, client: WikidataClient) -> Extraction:
    """Link the entities of one review (a handful of batched queries).

    Raises:
        WikidataError: the service failed; the caller keeps the unlinked extraction.
    """
    return link_extractions([extraction], client=client)[0]


def link_extractions(
    extractions: Sequence[Extraction], *, client: WikidataClient
) -> list[Extraction]:
    """Link the entities of many reviews, sharing the candidate queries between them.

    Args:
        extractions: what the extractor found, one per review.
        client: the Wikidata client.

    Returns:
        The extractions with ``wikidata`` and ``link`` filled (same order).

    Raises:
        WikidataError: the service failed.
    """
    names: set[str] = set()
    for extraction in extractions:
        names |= set(lookup_names(extraction).values())
        names |= extra_names(extraction.films)
    candidates = fetch_candidates(names, client=client)
    linked = [_link_one(x, candidates) for x in extractions]
    editions = _fetch_editions(linked, candidates, client=client)
    return [_link_extras(x, candidates, editions) for x in linked]


def _link_extras(
    extraction: Extraction,
    cands: CandidateSet,
    editions: dict[tuple[str, int | None, int | None], list[str]],
) -> Extraction:
    people = person_words(extraction.films)
    films = tuple(
        link_film_extras(f, cands, editions, person_words=people)
        for f in extraction.films
    )
    return replace(extraction, films=films)


def _fetch_editions(
    extractions: Sequence[Extraction], cands: CandidateSet, *, client: WikidataClient
) -> dict[tuple[str, int | None, int | None], list[str]]:
    """Look up the edition labels of the linked festivals (adds to ``cands``).

    Sends queries only when some linked festival mention names a year or ordinal.
    """
    mentions = [
        f
        for x in extractions
        for film in x.films
        for f in film.festivals
        if f.wikidata and (f.year or f.ordinal)
    ]
    if not mentions:
        return {}
    labels = fetch_festival_labels(
        sorted({f.wikidata for f in mentions if f.wikidata}), client=client
    )
    forms = {
        edition_key(f): edition_forms(f, sorted(labels.get(f.wikidata or "", ())))
        for f in mentions
    }
    wanted = {form for fs in forms.values() for form in fs} - set(cands.by_name)
    found = fetch_candidates(wanted, client=client)
    cands.by_name.update(found.by_name)
    cands.facts.update({q: f for q, f in found.facts.items() if q not in cands.facts})
    return forms


def lookup_names(extraction: Extraction) -> dict[str, str]:
    """Every mention name of a review -> the name to look up.

    A lone surname ("Blanc") is resolved to the full name used elsewhere in the review
    ("Michel Blanc") when exactly one full name ends with it; festival names without the
    word "festival" also get a "<name> Film Festival" form (``festival:`` keys).
    """
    people: list[str] = []
    titles: list[str] = []
    festivals: list[str] = []
    for film in extraction.films:
        titles += title_forms(film)
        people += [d.name for d in film.directors] + [c.actor for c in film.cast]
        festivals += [f.name for f in film.festivals]
    full = {p for p in people if len(p.split()) > 1}
    names = {t: t for t in titles}
    for person in people:
        names[person] = resolve_surname(person, full)
    for fest in festivals:
        names[fest] = fest
        if "festival" not in fest.casefold():
            names[f"festival:{fest}"] = f"{fest} Film Festival"
    return names


def title_forms(film: FilmMention) -> list[str]:
    """The titles to look up for a film: as written, original, and split parentheses.

    Example:
        >>> title_forms(FilmMention("12 Angry Men (Twelve Angry Men)"))
        ['12 Angry Men (Twelve Angry Men)', '12 Angry Men', 'Twelve Angry Men']
    """
    forms = [film.title]
    if film.original_title:
        forms.append(film.original_title)
    match = _PAREN.match(film.title)
    if match and not match.group(2).strip().isdigit():
        forms += [match.group(1).strip(), match.group(2).strip()]
    return list(dict.fromkeys(f for f in forms if f))


def resolve_surname(name: str, full_names: set[str]) -> str:
    """The full name a lone surname stands for, when exactly one fits.

    Example:
        >>> resolve_surname("Blanc", {"Michel Blanc", "Julia Piaton"})
        'Michel Blanc'
        >>> resolve_surname("Blanc", {"Michel Blanc", "Mel Blanc"})
        'Blanc'
    """
    if len(name.split()) != 1:
        return name
    fits = {f for f in full_names if f.split()[-1].casefold() == name.casefold()}
    return fits.pop() if len(fits) == 1 else name


def _years_near(years: set[int], year: int) -> bool:
    return any(abs(y - year) <= 1 for y in years)


def _review_year(extraction: Extraction) -> int | None:
    for value in (extraction.meta.date, extraction.review.date):
        match = _YEAR.search(value or "")
        if match:
            return int(match.group(1))
    return None


def _film_year(film: FilmMention) -> int | None:
    if film.year:
        return film.year
    if film.release_date and film.release_date.date[:4].isdigit():
        return int(film.release_date.date[:4])
    return None


def _surname(folded: str) -> str:
    words = [w for w in folded.split() if w not in _NAME_SUFFIXES]
    return words[-1] if words else folded


def _director_named(film: FilmMention, facts: ItemFacts) -> bool:
    """A named director shares a surname with a director of the film.

    Surnames only, because spellings of given names vary ("Sean Baker" is labelled
    "Sean S. Baker", "Aleksandr Sokurov" is "Alexander Sokurov").
    """
    named = {_surname(fold_label(p.name)) for p in film.directors}
    return bool(named & {_surname(label) for label in facts.director_names})


def _person_qids(people: Sequence[str], cands: CandidateSet) -> set[str]:
    return {c.qid for name in people for c in cands.candidates(name)}


def score_film(
    film: FilmMention,
    cands: CandidateSet,
    names: dict[str, str],
    *,
    review_year: int | None,
    review_people: frozenset[str] = frozenset(),
) -> list[Scored]:
    """Score the film candidates of one film mention (best first).

    ``review_people`` are the candidate items of every person named anywhere in the
    review: one of them credited on the film is context even when the extractor did
    not attach that person to this film.
    """
    found: dict[str, Candidate] = {}
    for title in title_forms(film):
        for cand in cands.candidates(names.get(title, title)):
            old = found.get(cand.qid)
            if old is None or MATCH_SCORE[cand.match] > MATCH_SCORE[old.match]:
                found[cand.qid] = cand
    director_qids = _person_qids([names[d.name] for d in film.directors], cands)
    cast_qids = _person_qids([names[c.actor] for c in film.cast], cands)
    year = _film_year(film)
    scored: list[Scored] = []
    for cand in found.values():
        facts = cands.facts_of(cand.qid)
        if FILM not in facts.types and TV_SERIES not in facts.types:
            continue
        score, reasons = MATCH_SCORE[cand.match], [cand.match]
        if FILM not in facts.types:
            score -= 0.1
            reasons.append("type-tv-series")
        else:
            reasons.append("type-film")
        if year and facts.years:
            if _years_near(facts.years, year):
                score, reasons = score + 0.3, [*reasons, "year-match"]
            else:
                score, reasons = score - 0.5, [*reasons, "year-mismatch"]
        if review_year and facts.years and min(facts.years) > review_year + 1:
            score, reasons = score - 0.5, [*reasons, "released-after-review"]
        if director_qids & facts.directors:
            score, reasons = score + 0.35, [*reasons, "director-of-film"]
        elif film.directors and facts.director_names:
            # directors are nearly always labelled: a named director who is none of
            # the film's is evidence against it, even when unknown to Wikidata
            if _director_named(film, facts):
                score, reasons = score + 0.25, [*reasons, "director-name-match"]
            else:
                score, reasons = score - 0.3, [*reasons, "director-mismatch"]
        shared_cast = len(cast_qids & facts.cast)
        if shared_cast:
            score += min(0.3, 0.15 * shared_cast)
            reasons.append("cast-of-film")
        elsewhere = review_people - director_qids - cast_qids
        if not (director_qids | cast_qids) & (facts.directors | facts.cast) and (
            elsewhere & (facts.directors | facts.cast)
        ):
            score, reasons = score + 0.2, [*reasons, "person-of-review"]
        titles = {fold_label(t) for t in facts.titles}
        if film.original_title and fold_label(film.original_title) in titles:
            score, reasons = score + 0.1, [*reasons, "original-title"]
        scored.append(Scored(cand.qid, score, tuple(reasons)))
    # a one-word title alone ("Roxanne") is too weak to link without context
    single_word = len(fold_label(film.title).split()) < 2
    return _with_sole_bonus(_rank(scored), 0.1 if single_word else 0.2)


def _with_sole_bonus(ranked: list[Scored], bonus: float) -> list[Scored]:
    """A lone candidate matched on its full label gains ``bonus``."""
    if len(ranked) != 1 or ranked[0].reasons[0] not in SOLE_MATCHES:
        return ranked
    only = ranked[0]
    return [Scored(only.qid, only.score + bonus, (*only.reasons, "sole-candidate"))]


def score_person(
    name: str,
    role: str,
    cands: CandidateSet,
    film_facts: ItemFacts | None,
) -> list[Scored]:
    """Score the candidates of a director (``role="P57"``) or actor (``"P161"``)."""
    found = cands.candidates(name)
    scored: list[Scored] = []
    for cand in found:
        facts = cands.facts_of(cand.qid)
        direct = facts.direct_types
        credits = sum(facts.credits.values())
        if direct and HUMAN not in direct:
            continue
        if HUMAN not in facts.types and not credits:
            continue
        score, reasons = MATCH_SCORE[cand.match], [cand.match]
        score, reasons = score + 0.1, [*reasons, "human" if credits == 0 else "credits"]
        if facts.credits.get(role):
            score += 0.1
            reasons.append("directs-films" if role == "P57" else "acts-in-films")
        if film_facts is not None:
            members = film_facts.directors if role == "P57" else film_facts.cast
            if cand.qid in members:
                score += 0.4
                reasons.append("director-of-film" if role == "P57" else "cast-of-film")
        scored.append(Scored(cand.qid, score, tuple(reasons)))
    return _with_sole_bonus(_rank(scored), 0.05)


def score_festival(name: str, alt: str | None, cands: CandidateSet) -> list[Scored]:
    """Score festival candidates: only film festivals (or their editions) qualify."""
    scored: dict[str, Scored] = {}
    for lookup in filter(None, (name, alt)):
        for cand in cands.candidates(lookup):
            facts = cands.facts_of(cand.qid)
            if FILM_FESTIVAL not in facts.types:
                continue
            if FESTIVAL_EDITION in facts.types:
                continue
            score = MATCH_SCORE[cand.match] + 0.3
            reasons: tuple[str, ...] = (cand.match, "type-film-festival")
            if lookup != name:
                reasons = (*reasons, "festival-name-expanded")
            if cand.qid not in scored or scored[cand.qid].score < score:
                scored[cand.qid] = Scored(cand.qid, score, reasons)
    return _rank(list(scored.values()))


def _rank(scored: list[Scored]) -> list[Scored]:
    return sorted(scored, key=lambda s: (-s.score, s.qid))


def decide(ranked: list[Scored], kind: str) -> Link:
    """The link for ranked candidates: the best above threshold and margin, or none."""
    if not ranked:
        return Link(qid=None, confidence=0.0, reasons=("no-candidate",))
    best = ranked[0]
    confidence = round(max(0.0, min(1.0, best.score)), 3)
    if len(ranked) > 1 and best.score - ranked[1].score < MARGIN:
        return Link(None, confidence, ("ambiguous", *best.reasons))
    if round(best.score, 6) < THRESHOLDS[kind]:
        return Link(None, confidence, ("below-threshold", *best.reasons))
    return Link(best.qid, confidence, best.reasons)


def _link_one(extraction: Extraction, cands: CandidateSet) -> Extraction:
    names = lookup_names(extraction)
    review_year = _review_year(extraction)
    people = [d.name for f in extraction.films for d in f.directors] + [
        c.actor for f in extraction.films for c in f.cast
    ]
    review_people = frozenset(_person_qids([names[p] for p in people], cands))
    films = []
    for film in extraction.films:
        film_link = decide(
            score_film(
                film, cands, names, review_year=review_year, review_people=review_people
            ),
            "film",
        )
        film_facts = cands.facts_of(film_link.qid) if film_link.qid else None
        directors = tuple(
            _link_person(d, names, "P57", cands, film_facts) for d in film.directors
        )
        cast = tuple(_link_cast(c, names, cands, film_facts) for c in film.cast)
        festivals = tuple(_link_festival(f, names, cands) for f in film.festivals)
        films.append(
            replace(
                film,
                wikidata=film_link.qid,
                link=film_link,
                directors=directors,
                cast=cast,
                festivals=festivals,
            )
        )
    return replace(extraction, films=tuple(films))


def _with_surname(link: Link, name: str, lookup: str) -> Link:
    if link.qid is None or name == lookup:
        return link
    return replace(link, reasons=(*link.reasons, "surname-resolved"))


def _link_person(
    person: Person,
    names: dict[str, str],
    role: str,
    cands: CandidateSet,
    film_facts: ItemFacts | None,
) -> Person:
    lookup = names[person.name]
    link = decide(score_person(lookup, role, cands, film_facts), "person")
    link = _with_surname(link, person.name, lookup)
    return replace(person, wikidata=link.qid, link=link)


def _link_cast(
    member: CastMember,
    names: dict[str, str],
    cands: CandidateSet,
    film_facts: ItemFacts | None,
) -> CastMember:
    lookup = names[member.actor]
    link = decide(score_person(lookup, "P161", cands, film_facts), "person")
    link = _with_surname(link, member.actor, lookup)
    return replace(member, wikidata=link.qid, link=link)


def _link_festival(
    mention: FestivalMention, names: dict[str, str], cands: CandidateSet
) -> FestivalMention:
    alt = names.get(f"festival:{mention.name}")
    link = decide(score_festival(mention.name, alt, cands), "festival")
    return replace(mention, wikidata=link.qid, link=link)
