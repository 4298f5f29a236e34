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
    """The first full date of the review's opening lines (a byline), as ISO."""
    head = normalise_text(text[:600])
    m = re.search(
        rf"\b(\d{{1,2}})(?:er)?\s+({_MONTHS})\s+((?:19|20)\d\d)\b", head, re.I
    )
    if m:
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    else:
        m = re.search(  # "September 6, 2023", "Feb. 19, 2023"
            rf"\b({_MONTHS})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", head, re.I
        )
        if not m:
            return None
        day, month, year = int(m.group(2)), MONTHS[m.group(1).lower()], int(m.group(3))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
