"""Extract stage, headline words that name no film.

Contract: :func:`is_loose_word` tells a one-word headline "title" the body never
writes as a name of its own ("Lido verdict: ...", "Fifty years ...", "a Turkish
holiday"); :func:`is_report_label` tells a festival report's label ("Palmarès of
Cannes"); :data:`PLATFORM` matches a channel or platform ("BBC Two").
"""

from __future__ import annotations

import re

from graph.extract_gazetteer import DEMONYMS
from graph.extract_text import fold

_REPORT_WORDS = frozenset(
    "palmares winners prizes awards diary dispatch notebook verdict line-up lineup "
    "highlights wrap".split()
)
_FESTIVAL_PLACES = frozenset(
    "cannes venice berlinale berlin sundance tiff toronto locarno annecy telluride "
    "mostra croisette lido".split()
)


def is_report_label(title: str) -> bool:
    """ "Palmarès of Cannes", "Venice Diary": a festival report's label, no film."""
    words = {fold(w) for w in re.findall(r"[\w'-]+", title)}
    return bool(words & _REPORT_WORDS) and bool(words & _FESTIVAL_PLACES)


#: A channel or platform: "to a Kestrel on BBC Two" names no film.
PLATFORM = re.compile(
    r"\b(?:BBC|ITV|Netflix|Prime Video|iPlayer|Channel \d|Sky (?:Cinema|Arts)|Mubi|"
    r"MUBI|Hulu|HBO|Disney\+|Apple TV)"
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty "
    "forty fifty sixty seventy eighty ninety hundred thousand".split()
)


def is_loose_word(title: str, body: str) -> bool:
    """True when the one-word headline ``title`` is a number word, or the body never
    writes it as a name of its own: only inside a longer capitalised name ("Certain
    Women") or after a lower-case "the" ("on the Lido"), the way a place is."""
    if " " in title:
        return False
    if title.casefold() in _NUMBER_WORDS or title in DEMONYMS:
        return True  # "Fifty years ...", "a Turkish holiday"
    spots = list(re.finditer(rf"(?<![\w'-]){re.escape(title)}(?![\w'-])", body, re.I))
    if not spots:
        return False
    for m in spots:
        before = body[max(0, m.start() - 20) : m.start()]
        after = body[m.end() : m.end() + 20]
        inside = re.search(r"[A-Z][\w-]*[ ]\Z", before) or re.match(r"[ ][A-Z]", after)
        if not (inside or re.search(r"\bthe[ ]\Z", before)):
            return False
    return True
