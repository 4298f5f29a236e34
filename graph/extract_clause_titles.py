"""Extract stage, titles a sentence opens with and describes as a film.

Contract: :func:`find_clause_titles` returns :class:`TitleFact` records (rule
``film.appositive``, role ``unknown``) for an unquoted title that opens a sentence
or a line, or follows a copula ("was", "is"), and that the clause right after it
describes as a film:

* a relative clause with a film's verb: "Showing Up, which played in competition at
  Cannes, ...", "Title, which premiered here on Monday, ...";
* an appositive genre noun: "Title, a documentary about ...", "Title, the new
  thriller from ...", "Title, an animated feature, ...".

The noun must end its phrase ("Jo, a drama teacher" is a person), and a title the
text also uses as a person's name is no film.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from graph.extract_text import (
    ANY_NAME,
    FULL_NAME,
    TITLE_RUN,
    UP,
    find_all,
    fold,
    is_name_like,
)
from graph.extract_title_base import TitleFact, clean_title, looks_like_title
from graph.extract_title_evidence import used_as_name

_FILM_VERB = (
    r"(?:premiered|premieres|played|plays|screened|screens|won|wins|opened|opens|"
    r"closed|closes|competed|competes|debuted|debuts|bowed|took|is out|arrived|"
    r"arrives|is based on|was shot|is set|was made)"
)
_GENRE = (
    r"(?:film|feature|movie|documentary|drama|comedy|thriller|western|musical|"
    r"romance|satire|fable|melodrama|horror|biopic|epic|animation|debut|"
    r"adaptation|sequel|remake|doc|dramedy|romcom|rom-com)"
)
#: What may follow the genre noun: it ends the phrase there.
_GENRE_END = r"(?=\s*(?:[,.;:)]|\s(?:about|by|from|that|which|set|in|on|of|where|"
_GENRE_END += r"starring|with|made|shot|told|following|for)\b))"


#: A sentence adverb before its comma: "Finally, a Christmas film ...".
_DISCOURSE = re.compile(
    r"[A-Z][a-z]+ly|First|Second|Third|Next|Then|Now|Still|Yet|Also|Instead|"
    r"Meanwhile|Elsewhere|Otherwise|Overall|Again|Here|There|Yes|No|Plus|Besides|"
    r"Sure|Alas|Today|Tonight|Later|Earlier|Afterwards|Anyway|Indeed|However"
)


#: "the film industry", "the film's star": the noun does not name the subject.
_NOT_FILM = r"(?!['’]s|\s+(?:industry|critics?|festivals?|world|business|buffs?|"
_NOT_FILM += r"school|stars?|makers?|crew|set|version|rights)\b)"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    start = r"(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][\"”']\s))"
    lead = rf"(?:{start}|(?<=\bwas\s)|(?<=\bis\s))"
    return re.compile(
        # "Title, which premiered ...", "Title, a documentary about ..."
        rf"{lead}\"?({TITLE_RUN})\"?,\s+(?:which\s+(?:also\s+|first\s+|has\s+|had\s+)?"
        rf"{_FILM_VERB}\b|(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?{_GENRE}s?"
        rf"{_GENRE_END}"
        # "Title, which Jo Doe moved from ... to ...": the maker's clause
        rf"|which\s+{FULL_NAME}\s+(?:made|shot|directed|adapted|moved|set|wrote|"
        r"co-wrote|filmed|based)\b)"
        # "Title was the film everyone ...", "Title, also in competition, is Jo
        # Doe's story of ...": a copula naming it a film or someone's work
        # "Mad Max: Fury Road is ...": a title and its subtitle open a sentence
        rf"|{start}((?!(?:Update|Note|Verdict|Spoilers?|Warning|Edit|Rating|PS|Pros|"
        rf"Cons|Bottom line|Summary)\b){TITLE_RUN}:[ ][{UP}0-9][\w'-]*"
        rf"(?:[ ](?:[a-z]{{1,3}}[ ])?[{UP}0-9][\w'-]*){{0,4}})\s+(?:is|was)\b"
        # "Tokyo Story (1953) is where many people start": a dated title opening
        rf"|{start}\"?({TITLE_RUN})\"?\s*\((?:19|20)\d\d\)\s+(?:is|was)\s+"
        r"(?:the|a|an|where|one|still|among|written|directed|made|shot)\b"
        rf"|(?:{start}|(?<=:\s)|(?<=\bwhy\s))\"?({TITLE_RUN})\"?"
        r"(?:,\s+[^,.;\n]{1,70},)?\s+(?:is|was)\s+(?:still\s+|really\s+|perhaps\s+)?"
        rf"(?:(?:the|an?)\s+(?:[\w-]+\s+){{0,3}}?(?:film|movie|documentary|debut)"
        rf"{_NOT_FILM}|{ANY_NAME}['’]s?\s+(?:[\w-]+\s+){{0,3}}?(?:film|feature|movie|"
        r"story|documentary|debut|comedy|drama|thriller|tale|masterpiece)\b)",
        re.M,
    )


def find_clause_titles(
    text: str, *, body_start: int = 0, not_titles: Collection[str] = ()
) -> list[TitleFact]:
    """The titles a sentence opens with and describes as a film (module docstring).

    Args:
        text: the normalised review text.
        body_start: where the body begins, after the headline.
        not_titles: folded names that are people, places or festivals.

    Example:
        >>> text = "Low Tide, a documentary about fishermen, opens today."
        >>> [f.title for f in find_clause_titles(text)]
        ['Low Tide']
    """
    out: list[TitleFact] = []
    for m in _pattern().finditer(text, body_start):
        group = next(g for g in (1, 2, 3, 4) if m.group(g))
        title = clean_title(m.group(group))
        owned = re.match(rf"{FULL_NAME}'s?\s+(?=\S)", title)
        if owned and is_name_like(owned.group(0).split()[0]):
            # "Sean Baker's Anora, a ...": the owner is no part of the title (but
            # "The Devil's Bath" is one title)
            title = title[owned.end() :]
        lead = title.split()[0] if title else ""
        if (
            not looks_like_title(title)
            or not (is_name_like(lead) or lead in {"The", "A", "An", "Saint"})
            or fold(title) in not_titles
            or _DISCOURSE.fullmatch(title)
        ):
            continue
        start = m.start(group) + m.group(group).find(title)
        if used_as_name(text, title, skip=start):
            continue
        if group == 2 and _subtitle_stands_alone(text, title):
            continue  # "Poor Things: Emma Stone is reborn": a name after the colon
        out.append(TitleFact(title, start, start + len(title), "film.appositive",
                             0.7, "unknown"))  # fmt: skip
    return out


def _subtitle_stands_alone(text: str, title: str) -> bool:
    """True when the part after the colon of "A: B" is written on its own elsewhere
    ("Emma Stone plays ..."): a headline's topic, not a subtitle."""
    main, _colon, sub = title.partition(": ")
    return len(find_all(sub, text)) > len(find_all(f"{main}: {sub}", text))
