"""Extract stage, films a sentence puts on a screen: "Title, which opens on Friday".

Contract: :func:`find_showing_titles` returns
:class:`~graph.extract_title_base.TitleFact` records (rule ``film.intro_release``) for
a title that the text says is released, showing or streaming: "Title, which opens in
British cinemas on Friday", "Title (in cinemas next month)", "Title is at cinemas
nationwide from Friday", "Title, now on Netflix". A film that opens now is the one a
review or a round-up recommends (role ``subject``); one that "opened in 1975" is only
a title (role ``unknown``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from graph.extract_gazetteer import REGIONS
from graph.extract_text import FULL_NAME, TITLE_RUN, fold, is_name_like
from graph.extract_title_base import TitleFact, clean_title, looks_like_title

_SCREEN = (
    r"(?:(?:[A-Z]{2,3}|British|American|French|selected|independent|local)\s+)?"
    r"(?:cinemas|theat(?:er|re)s|screens)|Netflix|Prime Video|Amazon|MUBI|Mubi|"
    r"Disney\+|Apple TV\+?|HBO|Max|Hulu|(?:the\s+)?BBC(?:\s+iPlayer)?|iPlayer|"
    r"Channel \d|Sky|digital|demand|DVD|Blu-ray|streaming"
)
_NOW = (
    r"(?:opens|arrives|lands|hits|comes out|is released|is out|is showing|is playing|"
    r"is streaming|premieres|will open|will be released|is now)"
)
_PAST = r"(?:opened|premiered|was released|came out)"


@lru_cache(maxsize=1)
def _rule() -> re.Pattern[str]:
    title = rf"(?:\"(?P<q>[^\"\n]{{2,80}})\"|(?P<t>{TITLE_RUN}))"
    cue = (
        # "Title, which opens in cinemas on Friday", "Title, which opened in 1975"
        rf",\s+which\s+(?:(?P<now1>{_NOW})|(?P<past>{_PAST}))\b"
        # "Title (in cinemas next month)", "Title (out Friday)", "Title (on Netflix)"
        rf"|\s*\((?P<now2>(?:now\s+)?(?:in|at|on)\s+(?:{_SCREEN})|out\s+\w+|"
        r"streaming\b)[^()\n]{0,40}\)"
        # "Title is at cinemas nationwide from Friday", "Title, now on Netflix,"
        rf"|\s+(?P<now3>(?:is|arrives)\s+(?:now\s+)?(?:in|at|on)\s+(?:{_SCREEN}))\b"
        rf"|,\s+(?P<now4>(?:now\s+)?(?:in|at|on)\s+(?:{_SCREEN})\s+(?:from|on|now|"
        r"this|next)\b|now\s+(?:in|at|on)\s+(?:" + _SCREEN + r"))"
        rf"|\s+(?P<now5>opens\s+(?:in|at|on)\s+(?:{_SCREEN}))\b"
    )
    return re.compile(title + "(?:" + cue + ")")


_LEADS = frozenset("in with on at from for of by to through".split())
_VENUE = re.compile(
    r"\b(?:Festival|Fest|Berlinale|Mostra|Cinema|Cinemas|Cinémathèque|Cinematheque|"
    r"Odeon|Curzon|Picturehouse|Theatre|Theater|Hall|Palais|Lido|Croisette|Gallery|"
    r"Museum)\b"
)


def _is_venue(title: str) -> bool:
    """A place, festival, venue or platform that opens, screens or streams too."""
    from graph.extract_gazetteer import FESTIVALS

    names = {fold(a) for c, strong, weak in FESTIVALS for a in (c, *strong, *weak)}
    return (
        title in REGIONS
        or fold(title) in names
        or bool(_VENUE.search(title))
        or bool(re.fullmatch(rf"(?:{_SCREEN})", title))
    )


@lru_cache(maxsize=1)
def _competing() -> re.Pattern[str]:
    """ "Jo Doe, who won here in 2018, is back in competition with Title" """
    return re.compile(
        rf"(?:(?:^|(?<=[.!?]\s)|(?<=\n))(?P<maker>{FULL_NAME})(?:,[^.\n]{{3,120}},)?"
        r"\s+(?:is|was|returns|comes)\s+(?:back\s+)?)?"
        r"\b(?:in|to)\s+(?:the\s+)?(?:main\s+|official\s+)?[Cc]ompetition\s+with\s+"
        rf"\"?(?P<t>{TITLE_RUN})\"?"
    )


def find_competing_titles(
    text: str, *, not_titles: Collection[str] = ()
) -> list[TitleFact]:
    """Films a dispatch says compete: "Jo Doe is back in competition with Title"
    (rule ``film.intro_competition``, subject, the sentence's lead as director).

    Args:
        text: the normalised review text.
        not_titles: folded names that are never titles (people, festivals, places).
    """
    out: list[TitleFact] = []
    for m in _competing().finditer(text):
        title = clean_title(m.group("t"))
        lead = title.split()[0] if title else ""
        if (
            not looks_like_title(title)
            or not (is_name_like(lead) or lead in {"The", "A", "An"})
            or fold(title) in not_titles
            or _is_venue(title)
        ):
            continue
        start = m.start("t") + m.group("t").find(title)
        maker = m.group("maker")
        out.append(TitleFact(title, start, start + len(title),
                             "film.intro_competition", 0.7, "subject",
                             director=maker))  # fmt: skip
    return out


def find_showing_titles(
    text: str, *, not_titles: Collection[str] = ()
) -> list[TitleFact]:
    """The titles the text says are released or showing (see the module docstring).

    Args:
        text: the normalised review text.
        not_titles: folded names that are never titles (people, festivals, places).

    Returns:
        One fact per release statement, in text order.
    """
    out: list[TitleFact] = []
    for m in _rule().finditer(text):
        group = "q" if m.group("q") else "t"
        raw = m.group(group)
        words = clean_title(raw).split()
        while len(words) > 1 and words[0].casefold() in _LEADS:
            words.pop(0)  # "In Perfect Days (in cinemas next month)"
        title = " ".join(words)
        own = list(re.finditer(rf"{FULL_NAME}'s?\s+(?=\S)", title))
        if own:  # "Alexander Payne's The Holdovers, in cinemas from Friday"
            title = title[own[-1].end() :]
            words = title.split()
        if not title or text[max(0, m.start(group) - 1) : m.start(group)] == "'":
            continue  # "The Teachers' Lounge": a title cut at its apostrophe
        lead = words[0]
        if (
            not looks_like_title(title)
            or not (is_name_like(lead) or lead in {"The", "A", "An"})
            or fold(title) in not_titles
            or _is_venue(title)
        ):
            continue
        start = m.start(group) + raw.find(title)
        role = "unknown" if m.group("past") else "subject"
        out.append(TitleFact(title, start, start + len(title), "film.intro_release",
                             0.7, role))  # fmt: skip
    return out
