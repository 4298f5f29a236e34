"""Extract stage, festivals: festival, edition (year, ordinal), section and award.

Contract: :func:`find_festivals` finds festival mentions in the normalised text with
the gazetteer of :mod:`graph.extract_gazetteer` (canonical names and aliases) plus a
generic "<Name> (International) Film Festival" pattern, reads the edition from the
mention ("Cannes 2023", "TIFF '24", "the 76th Cannes", "this year's Berlinale" with
the review date), from the context (:mod:`graph.extract_edition`: "at Venice this
summer", "Venue: ...", "premiering at Telluride") or from the headline, the section
and the prize from the sentence, and merges the mentions of one festival edition. A
prize only one festival gives names its edition ("Palme d'Or 2023"). A city alias
("Venice") is a festival only in a festival sentence; reviews typed in lower case
are read too. Cinemas and brands named after festivals ("Tribeca Cinemas",
"Sundance Institute") are not festivals. :func:`drop_earlier_wins` removes an
earlier edition's prize won by another film.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph.extract_edition import (
    circuit_phrase,
    earlier_edition_year,
    is_festival_sentence,
    later_edition_year,
    relative_edition_year,
    venue_edition_year,
)
from graph.extract_gazetteer import (
    AWARD_FESTIVALS,
    AWARDS,
    FESTIVALS,
    ORDINAL_BASE,
    SECTIONS,
)
from graph.extract_text import UP, TextIndex, fold
from graph.models import Evidence, FestivalMention

_NOT_FESTIVAL_AFTER = re.compile(
    r"^\s*(?:Cinemas?|Theat(?:er|re)s?|Palace|Lions|Institute|Kid|Channel|Labs?|"
    r"Beach|Wall|Film Center|Film Centre|Studios?|Hotel|Airport|Film Society|Square|"
    r"Market|Film School|Film Festival's cinema|Architecture|Art Biennale|Carnival|"
    r"Marathon|Opera|Philharmonic)\b"
)
_ORDINAL = (
    r"(?:(?:the\s+|la\s+)?(\d{1,3})(?:st|nd|rd|th|e|ème|è)\s+"
    r"(?:edition\s+of\s+(?:the\s+)?|édition\s+(?:du|de\s+la|de\s+l')\s*)?)"
)
_YEAR_BEFORE = r"(?:((?:19|20)\d\d)\s+(?:edition\s+of\s+(?:the\s+)?)?)"
_RELATIVE = r"(?:(this|last|next)\s+year's\s+)"
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)"
)
_YEAR_AFTER = (
    rf"(?:\s*(?:'(\d\d)\b|(?:in\s+(?:{_MONTHS}\s+)?|,\s*|\(\s*)?((?:19|20)\d\d)\b))"
)
_WIN = re.compile(
    r"\b(?:won|wins|win|winner|winning|awarded|took home|takes home|received|receives|"
    r"picked up|scooped|earned|claimed|-winning|prize-winning|lauréate?|remporté)\b",
    re.I,
)


#: A word of four or more capitals: a kicker may name a festival in capitals.
_CAPITALS_WORD = re.compile(r"\b[A-Z]{4,}\b")


@dataclass
class _Hit:
    canonical: str
    start: int
    end: int
    year: int | None
    ordinal: int | None
    sentence: str
    evidence: list[Evidence] = field(default_factory=list)
    circuit: bool = False  # "fresh from Venice", "it played Sundance"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]], re.Pattern[str]]:
    alias_map: dict[str, tuple[str, bool]] = {}
    for canonical, strong, weak in FESTIVALS:
        for alias in strong:
            alias_map[alias] = (canonical, True)
        for alias in weak:
            alias_map[alias] = (canonical, False)
        for alias in strong + weak:
            if "Fest" not in alias and not alias.isupper():
                # "the 77th Festival of Cannes" (a translation), "Berlin film festival"
                for variant in (f"Festival of {alias}", f"{alias} film festival"):
                    alias_map.setdefault(variant, (canonical, True))
    names = sorted(alias_map, key=len, reverse=True)
    body = "|".join(re.escape(n) for n in names)
    pattern = re.compile(
        rf"(?<![\w-]){_RELATIVE}?{_ORDINAL}?{_YEAR_BEFORE}?(?:the\s+)?({body})(?![\w-])"
        rf"{_YEAR_AFTER}?"
    )
    generic = re.compile(
        rf"(?<![\w-]){_RELATIVE}?{_ORDINAL}?{_YEAR_BEFORE}?(?:the\s+)?"
        rf"((?:[{UP}][\w'-]+\s+(?:(?:de|du|of|d')\s*)?){{1,5}}(?:International\s+)?"
        rf"(?:Film|Movie|Cinema|Comedy|Documentary|Animation|Animated|Short Film|"
        rf"Horror|Fantastic|Queer|Jewish|Women's)?\s*(?:Film\s+)?Festival)(?![\w-])"
        rf"{_YEAR_AFTER}?"
    )
    return pattern, alias_map, generic


def _typed_lowercase(text: str) -> bool:
    """True for a review typed without capitals: most of its sentences open in lower
    case (names the case rules restored do not count against it)."""
    openers = re.findall(r"(?:^|[.!?]\s+|\n)\s*([^\W\d_])", text)
    return len(openers) >= 3 and sum(c.islower() for c in openers) / len(openers) >= 0.4


def _recase_aliases(
    text: str, alias_map: dict[str, tuple[str, bool]], *, upper_only: bool = False
) -> str:
    """The text with its festival names capitalised as the gazetteer writes them
    ("at venice" -> "at Venice"; with ``upper_only``, only names in capitals, as in a
    "SUNDANCE 2014" kicker), same length so offsets hold."""
    by_fold = {a.casefold(): a for a in alias_map if len(a.casefold()) == len(a)}
    body = "|".join(re.escape(a) for a in sorted(by_fold, key=len, reverse=True))

    def recase(m: re.Match[str]) -> str:
        found = m.group(0)
        if upper_only and not found.isupper():
            return found
        return by_fold.get(found.casefold(), found)

    return re.sub(rf"(?<![\w-])(?:{body})(?![\w-])", recase, text, flags=re.I)


def _year(m: re.Match[str], context_year: int | None) -> int | None:
    relative, _ordinal, before, _name, short, after = m.groups()
    if after:
        return int(after)
    if before:
        return int(before)
    if short:
        return 2000 + int(short) if int(short) < 50 else 1900 + int(short)
    if relative and context_year:
        return context_year + {"this": 0, "last": -1, "next": 1}[relative.lower()]
    return None


@lru_cache(maxsize=1)
def _section_patterns() -> tuple[re.Pattern[str], ...]:
    """One word-bounded pattern per section phrase, compiled once."""
    return tuple(re.compile(rf"(?<!\w){re.escape(p)}(?!\w)") for p, _ in SECTIONS)


def _section(sentence: str) -> str | None:
    low = sentence.lower()
    for (phrase, label), pattern in zip(SECTIONS, _section_patterns(), strict=True):
        if phrase[:1].isupper():
            if pattern.search(sentence):
                return label
        elif pattern.search(low):
            # bare "competition" only next to a selection verb
            if (
                label == "competition"
                and phrase == "competition"
                and not re.search(
                    r"\b(?:in|for|selected|screened|presented|premiered|"
                    r"played|vying)\b[^.]{0,30}\bcompetition",
                    low,
                )
            ):
                continue
            return label
    return None


def _award(sentence: str) -> str | None:
    if not _WIN.search(sentence):
        return None
    return award_in(sentence)


def award_in(sentence: str) -> str | None:
    """The longest prize name the sentence gives ("Grand Jury Prize", not "Jury
    Prize"), in its canonical spelling.

    Example:
        >>> award_in("The Grand Jury Prize went to The Hand of God.")
        'Grand Jury Prize'
    """
    low = fold(sentence)
    found = [a for a in AWARDS if fold(a) in low]
    return max(found, key=len) if found else None


def find_festivals(
    text: str,
    index: TextIndex,
    *,
    context_year: int | None = None,
    headline_span: tuple[int, int] | None = None,
    review_month: int | None = None,
) -> list[FestivalMention]:
    """Festival mentions of the normalised ``text``, one per festival, merged.

    Args:
        text: the normalised review text.
        index: sentence lookup for evidence.
        context_year: the review's year (for "this year's Cannes").
        headline_span: offsets of the headline (its edition year applies to the body).
        review_month: the month the review was published ("in May" in a January
            review is last year's edition).
    """
    pattern, alias_map, generic = _patterns()
    if _typed_lowercase(text):
        text = _recase_aliases(text, alias_map)
    elif _CAPITALS_WORD.search(text):
        text = _recase_aliases(text, alias_map, upper_only=True)
    hits: list[_Hit] = []
    doubtful: list[_Hit] = []
    taken: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        hit, sure = _alias_hit(
            m, text, index, context_year=context_year, review_month=review_month
        )
        if hit is not None:
            (hits if sure else doubtful).append(hit)
            taken.append((hit.start, hit.end))
    # "the noise at Venice last month": a city with a time phrase is the festival
    # when the text names that festival elsewhere
    # "arrived from Venice" in a dispatch from another festival is Venice too
    hits += [
        h for h in doubtful
        if (h.circuit and hits) or any(x.canonical == h.canonical for x in hits)
    ]  # fmt: skip
    for m in generic.finditer(text):
        a, b = m.start(4), m.end(4)
        if any(a < t_end and t_start < b for t_start, t_end in taken):
            continue
        name = re.sub(r"\s+", " ", m.group(4)).strip()
        if _NOT_FESTIVAL_AFTER.match(text[b:]) or fold(name).startswith(("the ", "a ")):
            continue
        ordinal = int(m.group(2)) if m.group(2) else None
        hits.append(
            _Hit(name, a, b, _year(m, context_year), ordinal, index.sentence_at(a).text)
        )
    hits += _award_hits(
        text, index, {h.canonical for h in hits},
        context_year=context_year, review_month=review_month,
    )  # fmt: skip
    return _merge(hits, index, headline_span)


def ordinal_year(canonical: str, ordinal: int, context_year: int | None) -> int | None:
    """The year of a festival's ``ordinal`` edition ("the 52nd Berlinale" is 2002), or
    ``None`` when the festival's numbering is not known for that year, or the year
    falls after the review's own year."""
    if canonical not in ORDINAL_BASE:
        return None
    base, since = ORDINAL_BASE[canonical]
    year = base + ordinal
    latest = context_year + 1 if context_year else 2035
    return year if since <= year <= latest else None


def _alias_hit(
    m: re.Match[str],
    text: str,
    index: TextIndex,
    *,
    context_year: int | None,
    review_month: int | None,
) -> tuple[_Hit | None, bool]:
    """The festival hit of one gazetteer match and whether it is sure; ``None`` for
    a cinema, or a city ("Venice", "Berlin") that is only a place."""
    _pattern, alias_map, _generic = _patterns()
    canonical, strong = alias_map[m.group(4)]
    if _NOT_FESTIVAL_AFTER.match(text[m.end(4) :]):
        return None, False
    year = _year(m, context_year)
    explicit = year is not None
    ordinal = int(m.group(2)) if m.group(2) else None
    if year is None and ordinal:
        year = ordinal_year(canonical, ordinal, context_year)
    found = index.sentence_at(m.start(4))
    circuit = circuit_phrase(text, m.start(4))
    cue = circuit is not None or is_festival_sentence(found.text)
    if year is None:
        # "Venue: Venice Film Festival", "at Venice this summer", "... in 2016"
        year = (
            relative_edition_year(
                text, m.start(), m.end(4),
                context_year=context_year, review_month=review_month,
            )
            or venue_edition_year(text, m.start(), m.end(4), context_year=context_year)
            or (later_edition_year(text, m.end(4), found.end,
                                   context_year=context_year, review_month=review_month)
                if cue else None)
            or (earlier_edition_year(text, m.start(4), found.start,
                                     context_year=context_year) if cue else None)
            or (context_year if circuit == "arrival" else None)
        )  # fmt: skip
    hit = _Hit(canonical, m.start(4), m.end(4), year, ordinal, found.text)
    hit.circuit = circuit is not None
    loose = explicit and re.match(r"\s+in\s", text[m.end(4) : m.end()])
    if strong or ordinal is not None or (explicit and not loose):
        return hit, True
    following = text[m.end(4) : m.end(4) + 20]
    if re.match(r"\s+(?:International\s+)?(?:[Ff]ilm\s+)?[Ff]estival", following):
        return hit, True
    # a city alone is a festival only as the place of a premiere or prize
    before = text[max(0, m.start(4) - 12) : m.start(4)]
    if re.search(r"\bat\s+(?:the\s+)?$", before) and cue:
        return hit, True
    # "went to Venice in 2018" is a holiday
    if (
        year
        and re.search(r"\b(?:at|to)\s+(?:the\s+)?$", before)
        and (cue or not explicit)
    ):
        return hit, cue
    return (hit, False) if circuit else (None, False)


def _award_hits(
    text: str,
    index: TextIndex,
    named: set[str],
    *,
    context_year: int | None,
    review_month: int | None,
) -> list[_Hit]:
    """Editions named only by their prize and year ("Palme d'Or 2023", "the 2021
    Golden Lion", "won the Palme d'Or last May" in a dated review), for festivals the
    text does not name otherwise."""
    body = "|".join(re.escape(a) for a in AWARD_FESTIVALS)
    out: list[_Hit] = []
    for m in re.finditer(
        rf"(?<![\w-])(?:((?:19|20)\d\d)\s+)?({body})(?:\s+((?:19|20)\d\d))?(?![\w-])",
        text,
        re.I,
    ):
        year = m.group(1) or m.group(3) or relative_edition_year(
            text, m.start(2), m.end(2),
            context_year=context_year, review_month=review_month,
        )  # fmt: skip
        award = next(a for a in AWARD_FESTIVALS if fold(a) == fold(m.group(2)))
        canonical = AWARD_FESTIVALS[award]
        if not year or canonical in named:
            continue
        named.add(canonical)
        a, b = m.start(2), m.end(2)
        out.append(_Hit(canonical, a, b, int(year), None, index.sentence_at(a).text))
    return out


def _split_editions(
    group: list[_Hit], headline_span: tuple[int, int] | None
) -> list[list[_Hit]]:
    """One festival's hits, split by edition when the body names several years
    ("at Cannes in 2021" ... "at Cannes in 2022" in a round-up); hits without a
    year join the first edition. A headline year makes them all one edition."""
    years = sorted({h.year for h in group if h.year})
    in_headline = any(
        headline_span and h.year and headline_span[0] <= h.start < headline_span[1]
        for h in group
    )
    if len(years) < 2 or in_headline:
        return [group]
    parts: dict[int, list[_Hit]] = {}
    first_year = next(h.year for h in group if h.year)
    for hit in group:
        parts.setdefault(hit.year or first_year, []).append(hit)
    return list(parts.values())


def _merge(
    hits: list[_Hit], index: TextIndex, headline_span: tuple[int, int] | None
) -> list[FestivalMention]:
    by_name: dict[str, list[_Hit]] = {}
    for hit in hits:
        by_name.setdefault(hit.canonical, []).append(hit)
    editions: list[tuple[str, list[_Hit]]] = []
    for canonical, group in by_name.items():
        editions.extend(
            (canonical, part) for part in _split_editions(group, headline_span)
        )
    out: list[FestivalMention] = []
    for canonical, group in editions:
        in_headline = [
            h for h in group
            if headline_span and h.year
            and headline_span[0] <= h.start < headline_span[1]
        ]  # fmt: skip
        years = [h.year for h in in_headline] or [h.year for h in group if h.year]
        ordinals = [h.ordinal for h in group if h.ordinal]
        section = next((s for h in group if (s := _section(h.sentence))), None)
        award = next((a for h in group if (a := _award(h.sentence))), None)
        if award is None and len(by_name) == 1:
            # one festival in the review: a prize won anywhere in it is from there
            award = next((a for st in index.sentences if (a := _award(st.text))), None)
        evidence = tuple(
            index.evidence(h.start, h.end, "festival.gazetteer", 0.9 if h.year else 0.8)
            for h in group[:3]
        )
        out.append(
            FestivalMention(
                name=canonical,
                year=years[0] if years else None,
                ordinal=ordinals[0] if ordinals else None,
                section=section,
                award=award,
                evidence=evidence,
            )
        )
    return out


@lru_cache(maxsize=1)
def strong_festival_names() -> frozenset[str]:
    """Folded festival names that never name anything else ("cannes", "berlinale";
    not the cities "venice", "berlin", "toronto", which can be a story's setting)."""
    names = {fold(c) for c, _strong, _weak in FESTIVALS}
    names |= {fold(a) for _c, strong, _weak in FESTIVALS for a in strong}
    return frozenset(names)


def canonical_festival(name: str) -> str:
    """The canonical festival name of an alias (or the name itself), for scoring.

    Example:
        >>> canonical_festival("Berlinale")
        'Berlin International Film Festival'
    """
    _pattern, alias_map, _generic = _patterns()
    key = fold(name)
    for alias, (canonical, _strong) in alias_map.items():
        if fold(alias) == key or fold(canonical) == key:
            return canonical
    return name


def drop_earlier_wins(
    festivals: list[FestivalMention], context_year: int | None
) -> list[FestivalMention]:
    """Festivals without an earlier edition won by another film: in a dispatch from
    this year's edition, "X won the Golden Bear in Berlin in 2020 with ..." is a
    previous film's prize, not a selection of the reviewed one.

    Args:
        festivals: the merged festival mentions.
        context_year: the review's own year (headline or dateline), if known.
    """
    if context_year is None or not any(f.year == context_year for f in festivals):
        return festivals
    return [
        f
        for f in festivals
        if not (
            f.year
            and f.year < context_year
            and all(_WIN.search(ev.sentence) for ev in f.evidence)
        )
    ]
