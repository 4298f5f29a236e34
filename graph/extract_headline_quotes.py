"""Extract stage, quoted headline titles: the films a headline puts in quotes.

Contract: :func:`quoted_headline_titles` reads a headline and returns every quoted
span that reads as a title, whole even when it holds "and" or an apostrophe
("'A Thousand and One' Review", "'The Teachers' Lounge' ('Das Lehrerzimmer')",
"\"L'Innocent\", the comedy ..."), with a parenthesised second title if any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract_people import trim_name
from graph.extract_text import FULL_NAME
from graph.extract_title_base import looks_like_title

#: What may follow a closing single quote: an apostrophe inside a title
#: ("Teachers' Lounge") is followed by a capitalised word of the title instead.
_CLOSE_AFTER = re.compile(
    r"(?:\s*$|\s*[,:;.!?()|\[\]]|\s+[-–—]|\s+[a-z]|\s+(?:[Rr]eview|REVIEW|[Cc]ritique|"
    r"Is|Was|Isn't|Wins?|Takes?|Gets?|Has|And|[Aa]t|[Ii]n)\b)"
)
#: A quote somebody said: '"We Made It," Says Director'.
_SPEECH = re.compile(r"\s*,?\s*(?:says|said|insists|admits|claims|tells|told)\b", re.I)
_OPEN = re.compile(r"(?:^|(?<=[\s(:]))(['\"]|\" )(?=[A-Z0-9\u00c0-\u00de])")
_SECOND = re.compile(r"\s*\(\s*['\"]?([A-Z\u00c0-\u00de][^()'\"\n]{1,60}?)['\"]?\s*\)")


#: '"Titane" of Julia Ducournau', "'Dahomey' by Mati Diop": the maker after the quote.
_MAKER = re.compile(rf"\s*,?\s*(?:of|by|de|d')\s*({FULL_NAME})")


@dataclass(frozen=True)
class QuotedTitle:
    """A title quoted in a headline: its text, offset in the headline, the second
    title in parentheses after it and the director named after it, if any."""

    title: str
    start: int
    original: str | None = None
    director: str | None = None


def _closing(headline: str, quote: str, start: int) -> int | None:
    """Index of the quote closing the span opened before ``start``, or None."""
    if quote.startswith('"'):
        end = headline.find('"', start)
        return end if end > start else None
    for m in re.finditer("'", headline[start:]):
        end = start + m.start()
        if end > start and _CLOSE_AFTER.match(headline, end + 1):
            return end
    return None


def _title_like(title: str) -> bool:
    """A quoted title may be in sentence case ("Anatomie d'une chute"): a capital
    first letter, a few words, no sentence inside."""
    if looks_like_title(title):
        return True
    words = title.split()
    return (
        title[:1].isupper()
        and 2 <= len(words) <= 6
        and not re.search(r"[.!?,;]", title)
        and not re.match(r"(?:I|We|You|It|This|That|He|She|They)\b", title)
    )


def quoted_headline_titles(headline: str) -> list[QuotedTitle]:
    """Every quoted title of ``headline``, in order (see module docstring)."""
    out: list[QuotedTitle] = []
    pos = 0
    while True:
        m = _OPEN.search(headline, pos)
        if m is None:
            return out
        start = m.end()
        end = _closing(headline, m.group(1), start)
        if end is None:
            pos = start
            continue
        title = headline[start:end].strip()
        speech = title.endswith(",") or bool(_SPEECH.match(headline, end + 1))
        if speech or (":" in title and m.group(1) == "'") or not _title_like(title):
            pos = start  # "TIFF '24: 'Title'": the year's apostrophe opens no title
            continue
        pos = end + 1
        second = _SECOND.match(headline, end + 1)
        original = second.group(1).strip() if second else None
        maker = _MAKER.match(headline, second.end() if second else end + 1)
        director = trim_name(maker.group(1)) if maker else None
        out.append(QuotedTitle(title, start, original, director))
        if second:
            pos = second.end()
