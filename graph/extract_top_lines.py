"""Extract stage, titles in the short lines over a review's first paragraph.

Contract: :func:`find_top_line_titles` returns subject :class:`TitleFact` records
(rule ``headline.top_line``) for the film a standfirst or a second headline line
names when the first line is a kicker ("VENICE 2022 | Competition", "CANNES 2019"):

* "Title review: tagline", "Title review" (the review word after the title);
* "Title (Original Title) is the first masterpiece ...": a title opening the line
  with its second title in parentheses.

Only the short lines before the first long paragraph count, never the headline line
itself (the headline rules read it).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from graph.extract_text import FULL_NAME, TITLE_RUN, fold, is_name_like
from graph.extract_title_base import TitleFact, clean_title, looks_like_title

#: A line this long is body text, not a headline or a standfirst.
_LONG_LINE = 240


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    review = re.compile(
        rf"\"?({TITLE_RUN})\"?\s+(?:[Rr]eview|REVIEW|[Cc]ritique)\b\s*(?:[:|–—-]|$)"
    )
    paren = re.compile(
        rf"\"?({TITLE_RUN})\"?\s*\(([A-Z\u00c0-\u00de][^()\d\n.!?;,]{{1,60}})\)"
        r"\s+(?:is|was|are|marks|makes|proves|remains|[-–—:])"
    )
    return review, paren


def find_top_line_titles(
    text: str,
    *,
    headline: tuple[str, int] | None,
    not_titles: Collection[str] = (),
) -> list[TitleFact]:
    """The films the short lines under a kicker headline name (module docstring).

    Args:
        text: the normalised review text.
        headline: the headline line and its offset (its line is skipped).
        not_titles: folded names that are people or festivals.

    Example:
        >>> text = "CANNES 2019\\n\\nLow Tide review: a quiet storm\\n\\n" + "x " * 150
        >>> [f.title for f in find_top_line_titles(text, headline=("CANNES 2019", 0))]
        ['Low Tide']
    """
    from graph.extract_headline_titles import is_second_title

    review, paren = _patterns()
    out: list[TitleFact] = []
    at = 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        if len(line) > _LONG_LINE:
            break
        if not line.strip() or (headline and start == headline[1]):
            continue
        m = review.match(line)
        original = None
        if m is None:
            m = paren.match(line)
            if m is None:
                continue
            original = clean_title(m.group(2))
            if not is_second_title(original, text[start + m.end() :]) or (
                re.fullmatch(FULL_NAME, original) and is_name_like(original)
            ):
                continue  # "Sophie (Frankie Corio) is ...": a character's actor
        title = clean_title(m.group(1))
        lead = title.split()[0] if title else ""
        if (
            not looks_like_title(title)
            or not (is_name_like(lead) or lead in {"The", "A", "An"})
            or fold(title) in not_titles
        ):
            continue
        begin = start + m.start(1) + m.group(1).find(title)
        out.append(TitleFact(title, begin, begin + len(title), "headline.top_line",
                             0.85, original_title=original))  # fmt: skip
    return out
