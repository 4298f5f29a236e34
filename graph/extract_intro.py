"""Extract stage, films introduced in a sentence with their director.

Contract: :func:`find_intro_titles` reads the sentences that open a review of a film
without any typography to mark the title, and returns
:class:`~graph.extract_films.TitleFact` records (subject, director attached):

- "Cold Water is the third feature from Danish filmmaker Mara Olsen",
  "Cold Water, the new film by Mara Olsen, ..." (the latter is left to the core rules);
- "With Cold Water, the Danish director Mara Olsen finally delivers ...";
- "Cold Water (Mara Olsen, Denmark)": a director and a country in parentheses;
- "In Cold Water, Mara Olsen follows a fisherwoman ..." (a director verb must follow,
  and the title must not be a place or a month);
- "Mara Olsen's documentary Cold Water" (reviewed when the text repeats the title);
- "Cold Water of Mara Olsen" (a translation's makers, see
  :mod:`graph.extract_of_maker`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_awards import foreign_tail
from graph.extract_diary import find_diary_titles
from graph.extract_films import TitleFact, looks_like_title
from graph.extract_gazetteer import REGIONS
from graph.extract_of_maker import find_of_maker_titles
from graph.extract_people import PersonFact, trim_name
from graph.extract_text import (
    FULL_NAME,
    TITLE_RUN,
    UP,
    fold,
    is_name_like,
    surname_repeats,
)

_START = r"(?:^|(?<=[.!?]\s)|(?<=\n))"
_MAKER = (
    r"(?:director|filmmaker|film-maker|auteur|writer-director|réalisateur|"
    r"réalisatrice|cinéaste)"
)
_WORK = (
    r"(?:feature|film|movie|documentary|debut|work|effort|outing|picture|"
    r"long-métrage|long métrage)"
)
_VERB = (
    r"(?:follows|explores|tells|delivers|returns|directs|crafts|paints|examines|"
    r"chronicles|depicts|captures|stages|films|imagines|adapts|revisits|traces|"
    r"observes|turns|offers|suit|filme|raconte|explore|signe)"
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    return {
        "is_work_from": re.compile(
            rf"{_START}\"?({TITLE_RUN})\"?\s+(?:is|was|marks|est)\s+(?:the|a|an|le|la)\s+"
            rf"(?:[\w-]+\s+){{0,3}}?{_WORK}\s+(?:from|by|of|de)\s+(?:the\s+)?"
            rf"(?:[\w-]+\s+){{0,2}}?(?:{_MAKER}\s+)?({FULL_NAME})",
            re.M,
        ),
        "with_title": re.compile(
            rf"{_START}(?:With|In|Avec|Dans)\s+\"?({TITLE_RUN})\"?,\s+(?:the\s+|le\s+|la\s+)?"
            rf"(?:[\w-]+\s+){{0,2}}?{_MAKER}\s+({FULL_NAME})",
            re.M,
        ),
        "paren_country": re.compile(
            rf"\"?({TITLE_RUN})\"?\s*\(\s*({FULL_NAME})\s*,\s*([{UP}][\w .'-]{{2,30}}?)"
            r"\s*(?:,\s*(?:19|20)\d\d\s*)?\)"
        ),
        "in_title_verb": re.compile(
            rf"{_START}(?:In|With|Dans|Avec)\s+\"?({TITLE_RUN})\"?,\s+({FULL_NAME})\s+"
            rf"(?:[a-z]+\s+)?{_VERB}\b",
            re.M,
        ),
    }


def find_intro_titles(
    text: str, *, not_titles: frozenset[str] = frozenset()
) -> list[TitleFact]:
    """Films that a sentence introduces with their director (see module docstring).

    Args:
        text: the normalised review text.
        not_titles: folded names that are never titles (people, festivals).
    """
    from graph.extract_title_evidence import non_film_names

    not_titles = not_titles | non_film_names()  # "The Oscars, which opened ..."
    out: list[TitleFact] = []
    for name, rule in _rules().items():
        for m in rule.finditer(text):
            title = m.group(1).strip()
            if name == "paren_country" and m.group(3).strip() not in REGIONS:
                continue  # "(Mara Olsen, Denmark)": a director and a country
            if name in {"with_title", "in_title_verb"}:
                title += foreign_tail(text[m.end(1) : m.end(1) + 40])
            first = title.split()[0]
            line_head = text[text.rfind("\n", 0, m.start(1)) + 1 : m.start(1)]
            heading = name == "paren_country" and not line_head.strip(
                " \t-*•0123456789.)"
            )
            if (
                not looks_like_title(title)
                or not (is_name_like(first) or first in {"The", "A", "An"})
                or fold(title) in not_titles
                and not heading  # "3. Title (Director, Spain)": a list line
                or title in REGIONS
                or re.search(r"\b(?:Festival|Fest|Berlinale)\b", title)
            ):
                continue
            director = trim_name(m.group(2))
            if len(director.split()) < 2 or fold(director) == fold(title):
                continue
            out.append(TitleFact(title, m.start(1), m.start(1) + len(title),
                                 f"film.intro_{name}", 0.8, "subject",
                                 director=director))  # fmt: skip
    low = text.casefold()
    for m in _owner_work().finditer(text):
        title, director = m.group(2).strip(), trim_name(m.group(1))
        if (
            not looks_like_title(title)
            or fold(title) in not_titles
            or title in REGIONS
            or len(director.split()) < 2
            or re.search(r"\s(?:and|&)\s[A-Z]", title)  # "Title and Name"
            and title.casefold() not in low[m.end(2) :]
        ):
            continue
        role = "subject" if low.count(title.casefold()) >= 2 else "unknown"
        out.append(TitleFact(title, m.start(2), m.start(2) + len(title),
                             "film.intro_owner_work", 0.75, role,
                             director=director))  # fmt: skip
    out += [t for t in find_diary_titles(text) if fold(t.title) not in not_titles]
    # the parser's people are no veto: it tags "Holy Spider of Ali Doe" a person
    return out + find_of_maker_titles(text, not_titles=non_film_names())


@lru_cache(maxsize=1)
def _watched() -> re.Pattern[str]:
    """ "I finally caught up with Cold Water", "went back to see Cold Water" """
    return re.compile(
        r"\b(?:watched|rewatched|saw|seen|caught(?:\s+up\s+with)?|went(?:\s+back)?\s+"
        r"to\s+see|(?:first|last|best)\s+film\s+(?:of\s+the\s+\w+\s+)?was)\s+"
        rf"\"?({TITLE_RUN})\"?"
    )


def find_watched_titles(
    text: str, *, not_titles: frozenset[str] = frozenset()
) -> list[TitleFact]:
    """Films the critic says they watched ("I saw Cold Water on Friday"), each named
    again elsewhere in the text: candidates (role ``unknown``) for a review whose
    headline names no film, where the film the text names most is the subject.

    Args:
        text: the normalised review text.
        not_titles: folded names that are never titles (people, festivals).
    """
    out: list[TitleFact] = []
    low = text.casefold()
    for m in _watched().finditer(text):
        words = m.group(1).split()
        # "watched Cold Water 2 on Friday": the longest head the text names again
        title = next(
            (
                " ".join(words[:n])
                for n in range(len(words), 0, -1)
                if low.count(" ".join(words[:n]).casefold()) >= 2
                and words[n - 1].casefold() not in {"on", "in", "at", "with", "and"}
            ),
            m.group(1).strip(),
        )
        first = title.split()[0]
        if (
            not looks_like_title(title)
            or not (is_name_like(first) or first in {"The", "A", "An"})
            or fold(title) in not_titles
            or title in REGIONS
            or surname_repeats(title, text)
            or low.count(title.casefold()) < 2
            or re.search(
                r"\b(?:Festival|Fest|Berlinale|Cinema|Theatre|Theater)\b", title
            )
        ):
            continue
        out.append(TitleFact(title, m.start(1), m.start(1) + len(title),
                             "film.watched", 0.6, "unknown"))  # fmt: skip
    return out


@lru_cache(maxsize=1)
def _owner_work() -> re.Pattern[str]:
    """ "Laura Poitras's documentary All the Beauty and the Bloodshed" """
    return re.compile(
        rf"({FULL_NAME})'s?\s+(?!(?:previous|earlier|last|prior|other|next|old)\b)"
        rf"(?:[a-z-]+\s+){{0,2}}?{_WORK}\s+\"?({TITLE_RUN})\"?"
    )


def returning_directors(text: str, titles: list[TitleFact]) -> list[PersonFact]:
    """ "Sixteen years after (Title, Jo Field, 2006), Field is back": the aside cites
    the director's earlier film, so the reviewed film has the same director.

    Args:
        text: the normalised review text.
        titles: the title facts (asides carry their director).

    Returns:
        One director fact (no title hint: it goes to the reviewed film) per aside
        after a time cue whose director's surname the text uses on its own.
    """
    out: list[PersonFact] = []
    for t in titles:
        if t.rule != "film.paren_aside" or not t.director:
            continue
        cue = text[max(0, t.start - 40) : t.start]
        if not re.search(r"\b(?:after|since|following)\s*\(\s*\"?$", cue):
            continue
        surname = re.escape(t.director.split()[-1])
        given = re.escape(t.director.split()[0])
        alone = re.search(rf"(?<![\w(])(?<!{given} ){surname}\b(?!\s*,\s*\d)", text)
        if alone:
            out.append(PersonFact("director", t.director, alone.start(), alone.end(),
                                  "director.returning", 0.7))  # fmt: skip
    return out
