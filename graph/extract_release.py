"""Extract stage, release dates: the day a film opens in cinemas, as ISO.

Contract: :func:`find_release_date` reads the first release statement of the
normalised text ("released in theaters on March 1", "out July 21", "in French cinemas
since July 14", "le 14 juillet en salles", machine-translated "exit in the rooms le 9
octobre") and completes a missing year from the sentence, else the context year (the
headline, festival or review year). A future release earlier in the year than the
review ("out in the UK on 1 January" in an October review) is next year's. Relative
days count from the review date: "opens tomorrow", "sort aujourd'hui en salles",
"sort ce mercredi". A festival's own dates are no release.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from graph.extract_text import MONTHS, TextIndex
from graph.models import ReleaseDate

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_EVENT = re.compile(r"\b(?:festival|mostra|berlinale|premiere|gala)\b", re.I)
_PAST = re.compile(
    r"\b(?:was|were|came|opened|had|has been|have been|premiered|since|debuted)\b",
    re.I,
)
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6, "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3,
    "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    cue = (
        r"(?:released|release|releases|out|opens?|opened|opening|arrives?|arriving|"
        r"hits?|lands?|in (?:[A-Z]\w+ |UK |US |U\.S\. )?(?:theaters|theatres|cinemas)|"
        r"sortie?|sort|en salles?|distributed|screens? nationwide|exit|"
        r"in (?:the )?(?:French )?rooms)"
    )
    date = (
        rf"(?:({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th|er)?"
        rf"\s+(?:of\s+)?({_MONTH}))(?:,?\s+((?:19|20)\d\d))?"
    )
    weekday = "|".join(_WEEKDAYS)
    return {
        "release": re.compile(rf"\b{cue}\b[^.\n]{{0,50}}?\b{date}\b", re.I),
        # "le 14 juillet en salles", "on 2 February in UK cinemas"
        "release_after": re.compile(
            rf"\b{date}\s+(?:en salles?|in (?:\w+ )?(?:theaters|theatres|cinemas))\b",
            re.I,
        ),
        "relative": re.compile(
            r"\b(?:released|opens|opening|arrives|hits|out|sort|sortie|"
            r"in (?:theaters|theatres|cinemas))\b[^.\n]{0,30}?\b(?:(today|tomorrow|"
            rf"aujourd'hui|demain)|(?:this|ce|cette)\s+({weekday}))(?!\w)",
            re.I,
        ),
    }


def find_release_date(
    text: str,
    index: TextIndex,
    *,
    context_year: int | None,
    review_date: str | None = None,
) -> ReleaseDate | None:
    """The first release date statement (see the module docstring).

    Args:
        text: the normalised review text.
        index: sentence lookup for evidence.
        context_year: the year a date without one belongs to.
        review_date: the review's ISO date, for "tomorrow" and next year's dates.

    Example:
        >>> from graph.extract_text import Sentence
        >>> text = "It is out in the UK on 1 January."
        >>> index = TextIndex(text, [Sentence(0, len(text), text)])
        >>> find_release_date(text, index, context_year=2023,
        ...                   review_date="2023-10-14").date
        '2024-01-01'
    """
    dates = find_release_dates(
        text, index, context_year=context_year, review_date=review_date
    )
    return dates[0] if dates else None


def find_release_dates(
    text: str,
    index: TextIndex,
    *,
    context_year: int | None,
    review_date: str | None = None,
) -> list[ReleaseDate]:
    """Every release statement of the text in text order, one per day.

    A round-up gives each film its own date ("Aftersun ... in cinemas from 6 January;
    Tar ... out 13 January"); the caller gives each date to the film named before it.
    Relative statements ("opens tomorrow", "opens this Friday") count from the
    review date.

    Example:
        >>> from graph.extract_text import Sentence
        >>> text = "A is out on 6 January. B opens on 13 January."
        >>> index = TextIndex(text, [Sentence(0, 22, text[:22]),
        ...                          Sentence(23, len(text), text[23:])])
        >>> [d.date for d in find_release_dates(text, index, context_year=2023)]
        ['2023-01-06', '2023-01-13']
    """
    found = _dated_releases(text, index, context_year, review_date)
    for date in _relative_releases(text, index, review_date):
        if all(d.date != date.date for d in found):
            found.append(date)
    return sorted(found, key=lambda d: d.evidence[0].start)


def _dated_releases(
    text: str, index: TextIndex, context_year: int | None, review_date: str | None
) -> list[ReleaseDate]:
    """The dated release statements, in text order, one per day."""
    rules = _rules()
    found = [*rules["release"].finditer(text), *rules["release_after"].finditer(text)]
    out: list[ReleaseDate] = []
    for m in sorted(found, key=lambda m: m.start()):
        month = MONTHS.get((m.group(1) or m.group(4)).lower())
        day = int(m.group(2) or m.group(3))
        if month is None or not 1 <= day <= 31:
            continue
        lead = text[max(index.sentence_at(m.start()).start, m.start() - 30) : m.start()]
        if _EVENT.search(m.group(0)) or re.search(
            rf"{_EVENT.pattern}\s+(?:\w+\s+)?$", lead, re.I
        ):
            continue  # "the festival opened on May 16": the festival's date
        clause = index.clause_at(m.start())
        in_sentence = re.search(r"\b((?:19|20)\d\d)\b", clause)
        if m.group(5) or in_sentence:
            year = int(m.group(5) or in_sentence.group(1))  # type: ignore[union-attr]
        elif context_year is None:
            continue
        else:
            year = _roll_forward(context_year, month, day, review_date, lead + clause)
        ev = index.evidence(m.start(), m.end(), "release.cue", 0.85)
        date = f"{year:04d}-{month:02d}-{day:02d}"
        if all(d.date != date for d in out):
            out.append(ReleaseDate(date, (ev,)))
    return out


def _roll_forward(
    year: int, month: int, day: int, review_date: str | None, clause: str
) -> int:
    """Next year for a coming release dated months before the review ("out on 1
    January" in October); a past release ("it came out July 21") keeps the year."""
    if not review_date or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", review_date):
        return year
    review = dt.date.fromisoformat(review_date)
    try:
        release = dt.date(year, month, day)
    except ValueError:
        return year
    coming = not _PAST.search(clause)
    return (
        year + 1
        if review.year == year and (review - release).days > 60 and coming
        else year
    )


def _relative_releases(
    text: str, index: TextIndex, review_date: str | None
) -> list[ReleaseDate]:
    """ "opens tomorrow", "sort aujourd'hui en salles", "sort ce mercredi", "opens this
    Friday", counted from the review date: a weekday is the coming one (the review's
    own day included), or the last one when the clause speaks of the past ("it was
    released this Monday"). A bare weekday ("opens Friday") is left out: the gold
    sets' annotators mostly give it no date."""
    if not review_date or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", review_date):
        return []
    out = []
    for m in _rules()["relative"].finditer(text):
        day = dt.date.fromisoformat(review_date)
        if m.group(1):
            if m.group(1).lower() in {"tomorrow", "demain"}:
                day += dt.timedelta(days=1)
        else:
            weekday = _WEEKDAYS[m.group(2).lower()]
            if _PAST.search(index.clause_at(m.start())):
                day -= dt.timedelta(days=(day.weekday() - weekday) % 7)
            else:
                day += dt.timedelta(days=(weekday - day.weekday()) % 7)
        ev = index.evidence(m.start(), m.end(), "release.relative", 0.7)
        out.append(ReleaseDate(day.isoformat(), (ev,)))
    return out
