"""Extract stage, festival editions: the year a festival mention refers to.

Contract: pure functions over the normalised text. :func:`relative_edition_year`
resolves the words next to a festival name ("at Venice this summer", "at Cannes last
May", "last month at Cannes", "à Cannes en mai dernier") against the review's own
year and month (dated byline, input date). :func:`later_edition_year` reads a year
given later in the same clause of a festival sentence ("won Best Actress at Venice
when it opened the festival in 2016"). :func:`is_festival_sentence` tells a sentence
about a festival appearance from one that only names the city.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_text import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
#: The month a season ends by (a season is over once the review month is past it).
_SEASON_END = {
    "spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2,
    "printemps": 5, "été": 8, "automne": 11, "hiver": 2,
}  # fmt: skip
_SEASON = "|".join(_SEASON_END)
_FESTIVAL_CUE = re.compile(
    r"\b(?:festival|premiere[sd]?|premiering|world premiere|competition|competed|"
    r"competing|screened|screening|jury|prize|award|won|wins|winner|opened|closed|"
    r"selection|selected|line-?up|lion|bear|palme|standing ovation|sidebar|"
    r"festivalgoers|croisette|lido|compétition|sélection|présenté|récompensé|"
    r"ceremony|volpi)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    unit = rf"(?P<unit>year|month|week|season|{_SEASON}|{_MONTH})"
    return {
        # " this summer", " last May", " earlier this year", " in September"
        "after": re.compile(
            r"^,?\s+(?:(?P<rel>last|this|earlier this|later this|past|next)\s+"
            rf"{unit}\b|"
            rf"(?:in|en|during|back in)\s+(?:the\s+|early\s+|late\s+|mid-?)?"
            rf"(?P<month>{_MONTH}|{_SEASON})\b(?!\s+(?:19|20)\d\d)"
            rf"(?P<dernier>\s+derni(?:er|ère))?|"
            r"(?P<fr>l'an dernier|l'année dernière|cette année|le mois dernier|"
            r"cet été|ce printemps|cet automne)|"
            r"(?P<ago>(?:a few|two|three|several|a couple of) weeks ago))",
            re.I,
        ),
        # "last month at ", "this summer in ", "In May at the "
        "before": re.compile(
            rf"(?:\b(?P<rel>last|this|earlier this|past|next)\s+{unit}|"
            rf"\b(?:[Ii]n|[Ee]n)\s+(?P<month>{_MONTH})|"
            r"(?P<fr>l'an dernier|l'année dernière|cette année|le mois dernier|"
            r"cet été))"
            r",?\s+(?:at|in|to|à)\s+(?:the\s+|this year's\s+)?$",
            re.I,
        ),
    }


def _month_year(
    month: int, year: int, review_month: int | None, *, last: bool, future: bool
) -> int:
    """The year of the named month: the latest one not after the review ("in May" in
    a January review is last year's May; "last May" in May is a year ago), or for a
    coming event the next one ("heads to Toronto in September", "next January")."""
    if review_month is None:
        return year
    if future:
        return year + 1 if month < review_month else year
    if month > review_month or (last and month == review_month):
        return year - 1
    return year


_FUTURE = re.compile(
    r"\b(?:will|heads? to|headed to|bound for|is set to|upcoming|next|is due)\b", re.I
)


def _resolve(
    m: re.Match[str], year: int, review_month: int | None, *, future: bool = False
) -> int | None:
    groups = m.groupdict()
    if groups.get("ago"):
        return year if review_month is None or review_month > 1 else year - 1
    fr = (groups.get("fr") or "").lower()
    if fr:
        if fr in {"l'an dernier", "l'année dernière"}:
            return year - 1
        if fr == "le mois dernier":
            return year - 1 if review_month == 1 else year
        return year
    rel = (groups.get("rel") or "").lower()
    unit = (groups.get("unit") or groups.get("month") or "").lower()
    if groups.get("dernier"):
        rel = "last"
    future = future or rel == "next"
    if unit in MONTHS:
        last = rel in {"last", "past"}
        return _month_year(
            MONTHS[unit], year, review_month, last=last, future=future and not last
        )
    if unit in _SEASON_END:
        end = _SEASON_END[unit]
        if rel in {"last", "past"}:
            if review_month is None:
                return None
            return year if review_month > end else year - 1
        if rel == "next" and review_month is not None and review_month > end:
            return year + 1
        return year
    if unit == "year":
        return year - 1 if rel in {"last", "past"} else year + (rel == "next")
    if unit in {"month", "week", "season"}:
        if rel in {"last", "past"} and unit == "month" and review_month == 1:
            return year - 1
        if rel == "next" and unit == "month" and review_month == 12:
            return year + 1
        return year
    return None


def relative_edition_year(
    text: str,
    start: int,
    end: int,
    *,
    context_year: int | None,
    review_month: int | None = None,
) -> int | None:
    """The edition year a relative time phrase next to a festival name gives.

    Args:
        text: the normalised review text.
        start: where the festival name starts.
        end: where the festival name ends.
        context_year: the review's year (dated byline, input date or headline).
        review_month: the review's month, when known.

    Returns:
        The year, or None when no phrase is next to the name or no year is known.

    Example:
        >>> text = "It premiered at Cannes last May."
        >>> relative_edition_year(text, 16, 22, context_year=2017, review_month=1)
        2016
    """
    if context_year is None:
        return None
    rules = _rules()
    future = bool(_FUTURE.search(text[max(0, start - 60) : start]))
    after = rules["after"].match(text[end : end + 40])
    if after:
        return _resolve(after, context_year, review_month, future=future)
    before = rules["before"].search(text[max(0, start - 40) : start])
    if before:
        return _resolve(before, context_year, review_month, future=future)
    return None


def is_festival_sentence(sentence: str) -> bool:
    """True when a sentence speaks of a festival appearance, not just a city.

    Example:
        >>> is_festival_sentence("The film premiered in competition at Venice.")
        True
        >>> is_festival_sentence("The story is set in Venice in 1902.")
        False
    """
    return bool(_FESTIVAL_CUE.search(sentence))


_CIRCUIT = re.compile(
    r"\b(?:(?P<arrival>(?:fresh|straight|hot|arrived|arrives|arriving)\s+(?:from|off)"
    r"|after\s+(?:its\s+)?(?:premiere|bow|debut)\s+(?:at|in))"
    r"|(?P<played>played|plays))\s+(?:the\s+|this year's\s+)?$",
    re.I,
)


def circuit_phrase(text: str, start: int) -> str | None:
    """How the words before a festival name place a film on the festival circuit:
    ``"arrival"`` for "fresh from Venice", "arrived from Cannes" (the latest
    edition), ``"played"`` for "it played Sundance", or ``None``.

    Example:
        >>> text = "The Whale arrived from Venice with its buzz."
        >>> circuit_phrase(text, text.index("Venice"))
        'arrival'
    """
    m = _CIRCUIT.search(text[max(0, start - 40) : start])
    if m is None:
        return None
    return "arrival" if m.group("arrival") else "played"


def later_edition_year(
    text: str,
    end: int,
    sentence_end: int,
    *,
    context_year: int | None = None,
    review_month: int | None = None,
) -> int | None:
    """A year given later in the festival's clause: "won Best Actress at Venice for
    this when it opened the festival in 2016", "at Cannes, where it won the Palme
    d'Or in May" (with the review's year). Only within 80 characters, with no film
    citation ("(2004)") or new clause in between, and never a year after the
    review's own.
    """
    window = text[end : min(sentence_end, end + 80)]
    m = re.search(r"\b(?:in|en)\s+((?:19|20)\d\d)\b", window)
    year: int | None = None
    if m:
        year = int(m.group(1))
    elif context_year is not None:
        for m in re.finditer(r"\s(?=(?:in|en|last|this|earlier|during)\s)", window):
            rel = _rules()["after"].match(window[m.start() :])
            if rel:
                year = _resolve(rel, context_year, review_month)
                break
    if m is None or year is None:
        return None
    if re.search(r"[(;:]|\bbut\b|\bwhile\b", window[: m.start()]):
        return None
    if context_year is not None and year > context_year:
        return None
    return year


_EARLIER_YEAR = re.compile(
    r"\b(?:in|en|of|au|during|spring|summer|printemps|été|May|mai)\s+"
    r"((?:19|20)\d\d)\b(?![^(]*\))",
    re.I,
)


def earlier_edition_year(
    text: str, start: int, sentence_start: int, *, context_year: int | None = None
) -> int | None:
    """A year given earlier in the festival's sentence: "In 1995, La Haine won Best
    Director at Cannes", "au printemps 1995, ... sur la Croisette". The nearest
    time phrase before the name counts, not a film citation ("(1995)"), and never
    a year after the review's own.

    Example:
        >>> text = "In 1995, La Haine won Best Director at Cannes."
        >>> earlier_edition_year(text, text.index("Cannes"), 0)
        1995
    """
    found = list(_EARLIER_YEAR.finditer(text[sentence_start:start]))
    if not found:
        return None
    year = int(found[-1].group(1))
    if context_year is not None and year > context_year:
        return None
    return year


_VENUE = re.compile(
    r"(?:(?:^|\n)\s*(?:Venue|Festival|Reviewed at|Screened at|Seen at)\s*:?\s*|"
    r"\b(?:premiering|screening|playing|competing|premieres|screens|competes)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:at|in)\s+)(?:the\s+)?$",
    re.I,
)


def venue_edition_year(
    text: str, start: int, end: int, *, context_year: int | None
) -> int | None:
    """The edition a trade review's venue line or a present-tense premiere names:
    "Venue: Venice Film Festival (Competition)", "Reviewed at Berlin Film Festival
    (Panorama), Feb. 19, 2023", "premiering at Telluride" in a dated dispatch. A year
    later on the venue line wins over the review's own.

    Example:
        >>> text = "Venue: Venice Film Festival (Competition)"
        >>> venue_edition_year(text, 7, 28, context_year=2023)
        2023
    """
    if not _VENUE.search(text[max(0, start - 60) : start]):
        return None
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    m = re.search(r"\b((?:19|20)\d\d)\b", rest[:80])
    return int(m.group(1)) if m else context_year
