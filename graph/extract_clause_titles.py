"""Extract stage, titles a clause around them describes as a film.

Contract: :func:`find_clause_titles` returns :class:`TitleFact` records (rule
``film.appositive``, role ``unknown``) for an unquoted title that opens a sentence
or a line, or follows a copula or "with" ("was", "is", "returned with"), and that
the clause right after it describes as a film:

* a relative clause with a film's verb: "Showing Up, which played in competition at
  Cannes, ...", "Title, which Jo Doe moved from ... to ...";
* an appositive genre noun: "Title, a documentary about ...", "Title, his first
  film shot in ...";
* a copula: "Title was the film everyone ...", "Title, also in competition, is Jo
  Doe's story of ...", "why Title is still Jo Doe's best film", "Title (1953) is
  where ...", "Mad Max: Fury Road is ...";
* a maker's verb: "Wim Wenders premiered Perfect Days on Thursday".

:func:`find_sentence_case_titles` reads "Anatomie d'une chute (Anatomy of a Fall),
Justine Triet's courtroom drama" and :func:`find_counted_list_titles` "Dahomey, Pepe
and A Traveler's Needs, three films that ...".

The noun must end its phrase ("Jo, a drama teacher" is a person), and a one-word
title the text also uses as a person's name is no film.
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
_GENRE_END += r"starring|with|made|shot|told|following|for|between|among|whose|who|"
_GENRE_END += r"at|and|but|is|was|has|had)\b))"


#: A sentence adverb before its comma: "Finally, a Christmas film ...".
_DISCOURSE = re.compile(
    r"[A-Z][a-z]+ly|First|Second|Third|Next|Then|Now|Still|Yet|Also|Instead|"
    r"Meanwhile|Elsewhere|Otherwise|Overall|Again|Here|There|Yes|No|Plus|Besides|"
    r"Sure|Alas|Today|Tonight|Later|Earlier|Afterwards|Anyway|Indeed|However"
)


#: A time after a title run: "premiered Perfect Days on Thursday".
_TIME_TAIL = re.compile(
    r"\s+(?:on|at|in)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Cannes|Venice|Berlin|Toronto|Sundance|Locarno|Telluride)$"
)
#: "the film industry", "the film's star": the noun does not name the subject.
_NOT_FILM = r"(?!['’]s|\s+(?:industry|critics?|festivals?|world|business|buffs?|"
_NOT_FILM += r"school|stars?|makers?|crew|set|version|rights)\b)"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    start = r"(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][\"”']\s))"
    # "returned with Title, a deadpan romance ...": a film's verb before it too
    lead = rf"(?:{start}|(?<=\bwas\s)|(?<=\bis\s)|(?<=\bwith\s))"
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
        # "Wim Wenders premiered Perfect Days on Thursday": a maker shows the film
        rf"|(?:{FULL_NAME})\s+(?:premiered|premieres|unveiled|unveils|presented|"
        rf"presents)\s+\"?({TITLE_RUN})\"?(?=\s+(?:on|at|in|here|this|last)\b|[,.;])"
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
        group = next(g for g in (1, 2, 3, 4, 5) if m.group(g))
        title = clean_title(m.group(group))
        title = _TIME_TAIL.sub("", title)  # "Perfect Days on Thursday"
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
        if " " not in title and used_as_name(text, title, skip=start):
            continue  # "Ingrid, a comedy writer, ... Ingrid Vale": a person; a
            # longer title named after its hero ("Martin Eden") keeps its strong cue
        if group == 3 and _subtitle_stands_alone(text, title):
            continue  # "Poor Things: Emma Stone is reborn": a name after the colon
        out.append(TitleFact(title, start, start + len(title), "film.appositive",
                             0.7, "unknown"))  # fmt: skip
    return out


def _subtitle_stands_alone(text: str, title: str) -> bool:
    """True when the part after the colon of "A: B" is written on its own elsewhere
    ("Emma Stone plays ..."): a headline's topic, not a subtitle."""
    main, _colon, sub = title.partition(": ")
    return len(find_all(sub, text)) > len(find_all(f"{main}: {sub}", text))


@lru_cache(maxsize=1)
def _sentence_case() -> re.Pattern[str]:
    """ "Anatomie d'une chute (Anatomy of a Fall), Justine Triet's courtroom drama"."""
    return re.compile(
        r"(?:^|(?<=[.!?]\s)|(?<=,\s)|(?<=:\s)|(?<=\n))"
        rf"([{UP}][\w'’-]*(?:[ ][\w'’-]+){{0,6}}?)\s*\(({TITLE_RUN})\),\s+"
        rf"({FULL_NAME})['’]s?\s+(?:[\w-]+\s+){{0,4}}?{_GENRE}\b",
        re.M,
    )


def find_sentence_case_titles(
    text: str, *, not_titles: Collection[str] = ()
) -> list[TitleFact]:
    """A sentence-case title with its second title in parentheses and an appositive
    naming its maker's film: "Anatomie d'une chute (Anatomy of a Fall), Justine
    Triet's courtroom drama, ...". The first title is the one the text uses.

    Example:
        >>> t = "Finally, Le Voyage du fils (The Son's Trip), Jo Doe's drama, is out."
        >>> [(f.title, f.original_title) for f in find_sentence_case_titles(t)]
        [('Le Voyage du fils', "The Son's Trip")]
    """
    out: list[TitleFact] = []
    for m in _sentence_case().finditer(text):
        title, second = clean_title(m.group(1)), clean_title(m.group(2))
        if (
            fold(title) in not_titles
            or _DISCOURSE.fullmatch(title.split()[0])
            or not looks_like_title(second)
            or len(title.split()) < 2
        ):
            continue
        start = m.start(1) + m.group(1).find(title)
        out.append(TitleFact(title, start, start + len(title), "film.appositive", 0.7,
                             "unknown", original_title=second,
                             director=m.group(3)))  # fmt: skip
    return out


@lru_cache(maxsize=1)
def _counted_list() -> re.Pattern[str]:
    """ "Dahomey, Pepe and A Traveler's Needs, three films that ..."."""
    small = r"(?:of|the|and|a|an|in|on|to|for|at|by|de|la|le|du|des)"
    item = rf"[{UP}][\w'’-]*(?:[ ](?:{small}[ ])?[{UP}0-9][\w'’-]*){{0,5}}"
    return re.compile(
        rf"({item}(?:,[ ]{item}){{0,5}},?[ ]and[ ]{item}),\s+(?:two|three|four|five|"
        r"six|both|all)\s+(?:[\w-]+\s+){0,2}?(?:films|features|documentaries|movies)\b"
    )


def find_counted_list_titles(
    text: str, *, not_titles: Collection[str] = ()
) -> list[TitleFact]:
    """The titles of a list the text counts as films right after it: "brought
    Dahomey, Pepe and A Traveler's Needs, three films that ...".

    Example:
        >>> t = "We saw Low Tide, Salt Roads and Paper Moons, three films."
        >>> [f.title for f in find_counted_list_titles(t)]
        ['Low Tide', 'Salt Roads', 'Paper Moons']
    """
    out: list[TitleFact] = []
    for m in _counted_list().finditer(text):
        at = m.start(1)
        for part in re.split(r",?[ ]and[ ]|,[ ]", m.group(1)):
            start = text.find(part, at)
            at = start + len(part)
            title = clean_title(part)
            lead = title.split()[0] if title else ""
            if (
                looks_like_title(title)
                and fold(title) not in not_titles
                and not _DISCOURSE.fullmatch(title)
                and (is_name_like(lead) or lead in {"The", "A", "An"})
            ):
                begin = start + part.find(title)
                out.append(TitleFact(title, begin, begin + len(title),
                                     "film.appositive", 0.7, "unknown"))  # fmt: skip
    return out
