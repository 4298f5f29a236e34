"""Extract stage, the byline: the critic and the date a review's opening lines give.

Contract: :func:`critic_from_text` reads "By Ann Lee" / "Reviewed by" / "Par" lines,
:func:`date_from_text` the first full date of the opening lines as ISO, and
:func:`dateline_month` a "July 2023" dateline without a day as ``YYYY-MM``. The
extractor uses them when the input gives no critic or date.
"""

from __future__ import annotations

import re

from graph.extract_names import trim_name
from graph.extract_text import FULL_NAME, MONTHS, normalise_text

#: Month names, longest first, for the byline patterns.
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))


def dateline_month(text: str) -> str | None:
    """'YYYY-MM' from a dateline without a day ("Posted on my diary, July 2023")."""
    m = re.search(
        rf"(?im)^[^\n]{{0,60}}?\b({_MONTHS})\s+((?:19|20)\d\d)\s*$",
        normalise_text(text[:400]),
    )
    if not m:
        return None
    return f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}"


def critic_from_text(text: str) -> str | None:
    """The critic of a byline line ("By Ann Lee", "Reviewed by Ann Lee", "Par ...")."""
    m = re.search(
        rf"(?m)^\s*(?:[Bb]y|[Rr]eviewed by|[Pp]ar)\s+({FULL_NAME})\s*(?:$|,)",
        text[:3000],
    )
    if not m:
        m = re.search(
            rf"(?m)^\s*(?:[Bb]y|[Rr]eviewed by)\s+({FULL_NAME})\b", text[:3000]
        )
    return trim_name(m.group(1)) if m else None


def date_from_text(text: str) -> str | None:
    """The first full date of the review's opening lines (a byline), as ISO.

    Written dates ("14 July 2023", "Feb. 19, 2023") come first, then numeric ones
    ("2022-10-12", "12/10/2022"); a numeric date whose day and month could be
    swapped follows the order the text writes its other dates in ("Wednesday 12
    October" is day first) and is left out when the text has none.

    Example:
        >>> date_from_text("Published 12/10/2022. Out on Wednesday 12 October.")
        '2022-10-12'
    """
    head = normalise_text(text[:600])
    m = re.search(
        rf"\b(\d{{1,2}})(?:er)?\s+({_MONTHS})\s+((?:19|20)\d\d)\b", head, re.I
    )
    if m:
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        return _iso(year, month, day)
    m = re.search(  # "September 6, 2023", "Feb. 19, 2023"
        rf"\b({_MONTHS})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", head, re.I
    )
    if m:
        day, month, year = int(m.group(2)), MONTHS[m.group(1).lower()], int(m.group(3))
        return _iso(year, month, day)
    return _numeric_date(head, text)


def _numeric_date(head: str, text: str) -> str | None:
    """ "2022-10-12", "12/10/2022", "12.10.2022" in the opening lines, as ISO."""
    m = re.search(r"(?<![\d/.-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d/-]|\.\d)", head)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(
        r"(?<![\d/.-])(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d\d)(?![\d/-]|\.\d)", head
    )
    if not m:
        return None
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if first > 12:
        day_first = True
    elif second > 12:
        day_first = False
    else:
        day_first_words = re.search(
            rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\b", text, re.I
        )
        month_first_words = re.search(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b", text, re.I)
        if bool(day_first_words) == bool(month_first_words):
            return None
        day_first = bool(day_first_words)
    day, month = (first, second) if day_first else (second, first)
    return _iso(year, month, day)


def _iso(year: int, month: int, day: int) -> str | None:
    return (
        f"{year:04d}-{month:02d}-{day:02d}"
        if 1 <= day <= 31 and 1 <= month <= 12
        else None
    )
