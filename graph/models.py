"""Records passed between stages: frozen dataclasses, never bare dicts.

The flow is ``Review -> Extraction (films, people, festivals, with Evidence) ->
Extraction with Wikidata ids filled in (link) -> RDF (build)``. Every extracted fact
carries the :class:`Evidence` that states it. ``to_json`` gives the stable JSON shape
printed by ``reelgraph extract --format json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FilmRole = Literal["subject", "mentioned"]
Verdict = Literal["positive", "negative", "mixed"]


@dataclass(frozen=True)
class Review:
    """One review text and what its input said about it.

    Attributes:
        id: stable id of the review's source (file name slug, URL or row id); a changed
            text under the same id replaces the earlier version.
        text: the decoded, cleaned text (HTML stripped, BOM removed, newlines kept).
        source: where it came from (path, URL, ``file.csv#row=12``).
        content_hash: sha256 of ``text``; unchanged hash means nothing to redo.
        language: ISO 639-1 code when known (input or detection), else ``None``.
        headline: the first line when it reads as a headline, else ``None``.
        critic, publication, date, url, title: known context from the input
            (CSV/JSONL columns or HTML metadata); ``title`` is the film title when the
            input names it.
    """

    id: str
    text: str
    source: str
    content_hash: str
    language: str | None = None
    headline: str | None = None
    critic: str | None = None
    publication: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: the sentence, character offsets into ``Review.text``.

    ``start``/``end`` delimit the mention (or the whole sentence when the fact has no
    single span); ``sentence`` is the full sentence text. ``extractor`` names the rule
    or component with its version, e.g. ``"cast.paren@1"``.
    """

    sentence: str
    start: int
    end: int
    extractor: str
    confidence: float = 1.0


@dataclass(frozen=True)
class Link:
    """A decision of the linker: the Wikidata item (or none) and why.

    Attributes:
        qid: ``Q...`` or ``None`` when the linker abstained.
        confidence: 0..1.
        reasons: the signals that decided, e.g. ``("label-exact", "director-of-film")``.
    """

    qid: str | None
    confidence: float = 0.0
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """A director (or other crew) named in a review."""

    name: str
    wikidata: str | None = None
    evidence: tuple[Evidence, ...] = ()
    link: Link | None = None


@dataclass(frozen=True)
class CastMember:
    """An actor of a film, with the character they play when the text says."""

    actor: str
    character: str | None = None
    wikidata: str | None = None
    evidence: tuple[Evidence, ...] = ()
    link: Link | None = None


@dataclass(frozen=True)
class FestivalMention:
    """A film's presence at a festival edition.

    ``name`` is the recurring festival ("Cannes Film Festival"), ``year`` and
    ``ordinal`` identify the edition, ``section``/``award`` the selection;
    ``edition_wikidata`` is the edition's item when the linker found one.
    """

    name: str
    year: int | None = None
    ordinal: int | None = None
    section: str | None = None
    award: str | None = None
    wikidata: str | None = None
    evidence: tuple[Evidence, ...] = ()
    link: Link | None = None
    edition_wikidata: str | None = None


@dataclass(frozen=True)
class Theme:
    """A theme of a film, a short noun phrase ("rural desertification")."""

    label: str
    wikidata: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Place:
    """A narrative setting of a film (not where the critic saw it).

    ``within`` names the larger place the text puts it in ("Brittany" for "Kerguen").
    """

    name: str
    within: str | None = None
    wikidata: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ReleaseDate:
    """A release date as ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY`` when partial)."""

    date: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class FilmMention:
    """A film the review is about (``subject``) or only mentions (``mentioned``)."""

    title: str
    role: FilmRole = "subject"
    original_title: str | None = None
    year: int | None = None
    wikidata: str | None = None
    directors: tuple[Person, ...] = ()
    cast: tuple[CastMember, ...] = ()
    festivals: tuple[FestivalMention, ...] = ()
    release_date: ReleaseDate | None = None
    themes: tuple[Theme, ...] = ()
    places: tuple[Place, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    link: Link | None = None


@dataclass(frozen=True)
class ReviewMeta:
    """What the review says about itself: critic, publication, date, verdict."""

    critic: str | None = None
    publication: str | None = None
    date: str | None = None
    language: str | None = None
    verdict: Verdict | None = None
    url: str | None = None
    verdict_evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one review."""

    review: Review
    meta: ReviewMeta
    films: tuple[FilmMention, ...] = ()
    extractor_version: str = ""
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape of ``reelgraph extract --format json``."""
        return {
            "review": {
                "id": self.review.id,
                "critic": self.meta.critic,
                "publication": self.meta.publication,
                "date": self.meta.date,
                "language": self.meta.language,
                "verdict": self.meta.verdict,
                "url": self.meta.url,
            },
            "films": [_film_json(f) for f in self.films],
        }


def _film_json(film: FilmMention) -> dict[str, Any]:
    return {
        "title": film.title,
        "original_title": film.original_title,
        "year": film.year,
        "role": film.role,
        "wikidata": film.wikidata,
        "directors": [{"name": d.name, "wikidata": d.wikidata} for d in film.directors],
        "cast": [
            {"actor": c.actor, "character": c.character, "wikidata": c.wikidata}
            for c in film.cast
        ],
        "festivals": [
            {
                "name": f.name,
                "year": f.year,
                "ordinal": f.ordinal,
                "section": f.section,
                "award": f.award,
                "wikidata": f.wikidata,
                "edition_wikidata": f.edition_wikidata,
            }
            for f in film.festivals
        ],
        "release_date": film.release_date.date if film.release_date else None,
        "themes": [t.label for t in film.themes],
        "places": [p.name for p in film.places],
        # Added fields (the shape above stays stable): links of themes and places,
        # in the same order as their labels.
        "themes_wikidata": [t.wikidata for t in film.themes],
        "places_wikidata": [p.wikidata for p in film.places],
    }


@dataclass(frozen=True)
class WikidataFact:
    """One fact fetched from Wikidata about a linked item (enrichment).

    ``value`` is a ``Q...`` id when ``kind == "item"``, else a lexical form with an
    optional ``datatype`` IRI or ``lang`` tag. ``qualifiers`` holds e.g. the character
    role (P453) of a cast statement as ``(("P453", "Q..."),)``.
    """

    subject: str
    prop: str
    value: str
    kind: Literal["item", "literal"] = "item"
    datatype: str | None = None
    lang: str | None = None
    label: str | None = None
    qualifiers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class IngestFailure:
    """A file (or row) that could not become a :class:`Review`, and why."""

    source: str
    reason: str
