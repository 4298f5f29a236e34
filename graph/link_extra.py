"""Link, part 2: festival editions, themes and places -> Wikidata items, or none.

Contract: :func:`link_film_extras` fills ``wikidata`` on a film's themes and places and
``edition_wikidata`` on its festival mentions, from candidates already fetched by
:func:`graph.link_candidates.fetch_candidates`; :func:`edition_forms` and
:func:`fetch_festival_labels` give the labels to look up for editions once the
festivals are linked. Only exact label or alias matches (case- and accent-insensitive,
never article-stripped) count. A theme must be a value of main subject (``P921``)
somewhere in the mirror or of a concept-like class, a place a value of filming or
narrative location, location or country of origin (``P915``/``P840``/``P276``/``P495``)
or a geographic item; films, series and people never qualify. When several items fit,
one wins only when its uses clearly dominate; otherwise the linker abstains. An edition
must be typed as an edition or be labelled like one, carry the mention's year or ordinal
in its label, and not belong (``P179``/``P361``) to another festival.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from graph.link_candidates import (
    EVENT_EDITION,
    FESTIVAL_EDITION,
    FILM,
    FILM_FESTIVAL,
    GEO_TYPES,
    HUMAN,
    SUPER_SUBJECT,
    TV_SERIES,
    Candidate,
    CandidateSet,
    ItemFacts,
)
from graph.mirror import fold_label
from graph.models import FestivalMention, FilmMention, Place
from graph.wikidata import WikidataClient

EXACT_MATCHES = frozenset(
    {"label-exact", "label-normalised", "alias-exact", "alias-normalised"}
)
WORK_TYPES = frozenset({FILM, TV_SERIES, HUMAN})
EDITION_TYPES = frozenset({FESTIVAL_EDITION, EVENT_EDITION})
# concept-like classes a theme item may be an instance of (P31): concept, philosophical,
# sociological, political and ethical concept, legal institution, social issue,
# emotion, social phenomenon, social movement, crime, ideology, political ideology,
# marital status, social relation, interpersonal relationship, religious concept,
# human activity, genocide, disease, art form, academic discipline
THEME_CLASSES = frozenset(
    {
        "Q151885",
        "Q33104279",
        "Q33104129",
        "Q33104069",
        "Q55979391",
        "Q1938208",
        "Q1920219",
        "Q9415",
        "Q602884",
        "Q49773",
        "Q83267",
        "Q7257",
        "Q12909644",
        "Q11920938",
        "Q853725",
        "Q223642",
        "Q23847174",
        "Q61788060",
        "Q41397",
        "Q12136",
        "Q56055944",
        "Q11862829",
    }
)
THEME_USES = ("P921",)
PLACE_USES = ("P915", "P840", "P276", "P495")
# one candidate among several wins only with this many uses, this many times the next
DOMINANT_USES, DOMINANT_RATIO = 3, 10
_LABEL_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_LABEL_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Choice:
    """The item chosen for a theme, place or edition (or none) and why."""

    qid: str | None
    reasons: tuple[str, ...]


def extra_names(films: Iterable[FilmMention]) -> set[str]:
    """The theme labels and place names of films, to look up with the other names."""
    names: set[str] = set()
    for film in films:
        names |= {t.label for t in film.themes}
        names |= {p.name for p in film.places}
    return names


def ordinal_text(number: int) -> str:
    """English ordinal of ``number``.

    Example:
        >>> [ordinal_text(n) for n in (1, 2, 3, 11, 22, 76)]
        ['1st', '2nd', '3rd', '11th', '22nd', '76th']
    """
    suffix = "th"
    if number % 100 not in (11, 12, 13):
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def edition_forms(mention: FestivalMention, labels: Iterable[str]) -> list[str]:
    """Edition labels to look up for a festival mention, from the festival's labels.

    Example:
        >>> cannes = FestivalMention("Cannes", year=2015)
        >>> edition_forms(cannes, ["Cannes Film Festival"])
        ['2015 Cannes Film Festival', 'Cannes Film Festival 2015']
    """
    forms: list[str] = []
    for label in labels:
        if mention.year:
            forms += [f"{mention.year} {label}", f"{label} {mention.year}"]
        if mention.ordinal:
            forms.append(f"{ordinal_text(mention.ordinal)} {label}")
    return list(dict.fromkeys(forms))


def fetch_festival_labels(
    qids: Sequence[str], *, client: WikidataClient
) -> dict[str, set[str]]:
    """English labels and aliases of festival items (one batched query per chunk).

    Raises:
        WikidataError: the service failed.
    """
    found: dict[str, set[str]] = {q: set() for q in qids}
    ordered = sorted(found)
    for start in range(0, len(ordered), client.batch_size):
        values = " ".join(f"wd:{q}" for q in ordered[start : start + client.batch_size])
        rows = client.select(
            "PREFIX wd: <http://www.wikidata.org/entity/>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
            f"SELECT ?item ?label WHERE {{\n  VALUES ?item {{ {values} }}\n"
            "  { ?item rdfs:label ?label } UNION { ?item skos:altLabel ?label }\n"
            '  FILTER(LANG(?label) = "en")\n}'
        )
        for row in rows:
            qid = row["item"]["value"].rsplit("/", 1)[-1]
            if qid in found:
                found[qid].add(row["label"]["value"])
    return found


def _exact(cands: CandidateSet, name: str) -> list[Candidate]:
    return [c for c in cands.candidates(name) if c.match in EXACT_MATCHES]


def _is_work(facts: ItemFacts) -> bool:
    return bool(WORK_TYPES & (facts.types | facts.direct_types))


def _is_geo(facts: ItemFacts) -> bool:
    return any(t in facts.types for t in GEO_TYPES)


def _used(facts: ItemFacts, props: Sequence[str]) -> int:
    return sum(facts.uses.get(p, 0) for p in props)


def choose(
    name: str,
    cands: CandidateSet,
    *,
    uses: Sequence[str],
    kind: str,
) -> Choice:
    """The item a theme (``kind="theme"``) or place (``"place"``) name stands for.

    The candidates are the non-work items whose label or alias is ``name``; those used
    as a ``uses`` value, or typed as the kind's class, are eligible (a theme also when
    it is a subclass of a main subject, as "immigration" of "human migration"). An
    alias match is never taken over another item that carries ``name`` as its own
    label when that one is ineligible (for themes: at all); an item eligible by its
    type alone must own the label and be the only item that does.
    """
    found = [c for c in _exact(cands, name) if not _is_work(cands.facts_of(c.qid))]
    if not found:
        return Choice(None, ("no-candidate",))

    def eligible(cand: Candidate) -> bool:
        facts = cands.facts_of(cand.qid)
        if _used(facts, uses):
            return True
        if kind == "place":
            return _is_geo(facts)
        if _is_geo(facts):
            return False
        return bool(THEME_CLASSES & facts.direct_types or facts.uses.get(SUPER_SUBJECT))

    fits = [c for c in found if eligible(c)]
    labelled = {c.qid for c in found if c.match.startswith("label")}
    if labelled and not labelled & {c.qid for c in fits}:
        return Choice(None, ("label-owner-ineligible",))
    if not fits:
        return Choice(None, ("no-eligible-candidate",))
    if kind == "theme" and labelled:
        fits = [c for c in fits if c.qid in labelled]
    if labelled & {c.qid for c in fits}:
        # an item known by the name only as an alias, and never used, is no rival
        fits = [
            c for c in fits if c.qid in labelled or _used(cands.facts_of(c.qid), uses)
        ]
    ranked = sorted(fits, key=lambda c: (-_used(cands.facts_of(c.qid), uses), c.qid))
    best = ranked[0]
    best_uses = _used(cands.facts_of(best.qid), uses)
    reasons = [best.match]
    reasons.append(f"{'main-subject' if kind == 'theme' else 'location'}-of-films")
    if not best_uses:
        reasons[-1] = "type-concept" if kind == "theme" else "type-geographic"
        if labelled != {best.qid}:
            return Choice(None, ("type-only-not-sole-label", *reasons))
    if len(ranked) > 1:
        second = _used(cands.facts_of(ranked[1].qid), uses)
        if best_uses < DOMINANT_USES or best_uses < DOMINANT_RATIO * second:
            return Choice(None, ("ambiguous", *reasons))
        reasons.append("dominant-use")
    else:
        reasons.append("sole-candidate")
    return Choice(best.qid, tuple(reasons))


def choose_edition(
    mention: FestivalMention,
    forms: Sequence[str],
    cands: CandidateSet,
    festival_qid: str | None,
) -> Choice:
    """The edition item of a festival mention, consistent with its festival and year."""
    if festival_qid is None or not (mention.year or mention.ordinal):
        return Choice(None, ("festival-unlinked",))
    fits: dict[str, tuple[str, ...]] = {}
    for form in forms:
        for cand in _exact(cands, form):
            reasons = _edition_reasons(mention, cand, cands.facts_of(cand.qid))
            if reasons is None:
                continue
            parts = cands.facts_of(cand.qid).parts
            if parts and festival_qid not in parts:
                continue
            reasons += ("part-of-festival",) if parts else ("label-of-festival",)
            fits.setdefault(cand.qid, reasons)
    if not fits:
        return Choice(None, ("no-candidate",))
    if len(fits) > 1:
        return Choice(None, ("ambiguous",))
    qid, reasons = next(iter(fits.items()))
    return Choice(qid, reasons)


def _edition_reasons(
    mention: FestivalMention, cand: Candidate, facts: ItemFacts
) -> tuple[str, ...] | None:
    """Why ``cand`` can be the mention's edition, or ``None`` when it cannot."""
    if _is_work(facts):
        return None
    label = cand.label
    years = {int(y) for y in _LABEL_YEAR.findall(label)}
    ordinals = {int(n) for n in _LABEL_ORDINAL.findall(label)}
    if EDITION_TYPES & facts.types:
        typed = "type-festival-edition"
    elif facts.direct_types or FILM_FESTIVAL in facts.types:
        return None  # typed, but as something else (a film, the festival itself)
    elif "festival" in fold_label(label) and (years or ordinals):
        typed = "labelled-like-edition"
    else:
        return None
    anchors: list[str] = []
    if years:
        if mention.year not in years:
            return None
        anchors.append("year-match")
    if ordinals:
        if mention.ordinal is None or mention.ordinal not in ordinals:
            if not anchors:
                return None
        else:
            anchors.append("ordinal-match")
    if not anchors:
        return None
    return (cand.match, typed, *anchors)


def link_film_extras(
    film: FilmMention,
    cands: CandidateSet,
    edition_names: dict[tuple[str, int | None, int | None], list[str]],
    *,
    person_words: frozenset[str] = frozenset(),
) -> FilmMention:
    """The film with its themes, places and festival editions linked.

    Args:
        film: a film whose festivals are already linked.
        cands: candidates of every looked-up name (themes, places, edition forms).
        edition_names: per ``(festival qid, year, ordinal)``, the edition forms.
        person_words: folded names and name words of the review's people; a place
            called like one ("Madison" for Mikey Madison) is left unlinked.
    """
    themes = tuple(
        replace(t, wikidata=choose(t.label, cands, uses=THEME_USES, kind="theme").qid)
        for t in film.themes
    )
    places = tuple(_link_place(p, cands, person_words) for p in film.places)
    festivals = tuple(_link_edition(f, cands, edition_names) for f in film.festivals)
    return replace(film, themes=themes, places=places, festivals=festivals)


def person_words(films: Iterable[FilmMention]) -> frozenset[str]:
    """Folded full names and single name words of every person of the films."""
    words: set[str] = set()
    for film in films:
        names = [d.name for d in film.directors] + [c.actor for c in film.cast]
        for name in names:
            folded = fold_label(name)
            words |= {folded, *folded.split()}
    return frozenset(words)


def _link_place(place: Place, cands: CandidateSet, people: frozenset[str]) -> Place:
    if fold_label(place.name) in people:
        return replace(place, wikidata=None)
    choice = choose(place.name, cands, uses=PLACE_USES, kind="place")
    return replace(place, wikidata=choice.qid)


def edition_key(mention: FestivalMention) -> tuple[str, int | None, int | None]:
    """The key of a linked festival mention in ``edition_names``."""
    return (mention.wikidata or "", mention.year, mention.ordinal)


def _link_edition(
    mention: FestivalMention,
    cands: CandidateSet,
    edition_names: dict[tuple[str, int | None, int | None], list[str]],
) -> FestivalMention:
    forms = edition_names.get(edition_key(mention), [])
    choice = choose_edition(mention, forms, cands, mention.wikidata)
    return replace(mention, edition_wikidata=choice.qid)
