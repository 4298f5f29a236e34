"""Extract stage, headlines and subheads: which line names the reviewed film.

Contract: :func:`headline_of` picks the headline line of a review (the input's
headline, else a short first line over a body). :func:`find_subhead_titles` returns
:class:`~graph.extract_films.TitleFact` records for the numbered or bulleted subheads
of a round-up ("1. Title", "2) Title", "- Title", "Title (2019)",
"Title (Director, 2019)"), each a short title-like line of its own, never a sentence.
"""

from __future__ import annotations

import re

#: "Title - tagline", "Title: tagline": a first line ending in "?" or "!" is still a
#: headline when it is split like one.
_SPLIT_HEADLINE = re.compile(r"\S\s+[-–—]\s+\S|\S:\s+\S|\breview\b", re.I)


def headline_of(text: str, headline: str | None) -> tuple[str, int] | None:
    """The headline and its offset: ``Review.headline`` if given, else the first line
    when it reads like one (short, no final full stop, or split "Title - tagline").

    Args:
        text: the normalised review text.
        headline: the headline the input gives, if any.

    Returns:
        The headline and its character offset in ``text``, or None.
    """
    if headline:
        at = text.find(headline[:40])
        return headline, max(at, 0)
    stripped = text.lstrip()
    if not stripped:
        return None
    first = stripped.split("\n", 1)[0].strip()
    if "\n" not in stripped.strip():
        return None  # a one-line text is a snippet, not a headline over a body
    if len(first) < 3 or len(first) > 160:
        return None
    if not first.endswith((".", "!", "?")) or "review" in first.lower():
        return first, text.find(first)
    if first.endswith(("!", "?")) and _SPLIT_HEADLINE.search(first):
        return first, text.find(first)
    return None
