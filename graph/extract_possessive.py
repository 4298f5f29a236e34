"""Extract stage, "Director's Title": films a full name owns in running prose.

Contract: :func:`find_possessive_titles` returns :class:`TitleFact` records (rule
``film.possessive``, role ``unknown``, the owner as director) for "Celine Song's Past
Lives" when something says the title is a film: the owner is a known director, the
text repeats the title or watches, screens or awards it ("won the People's Choice
Award", "which opened the festival"), a year follows it ("(1962)"), a genre noun or
a cast list follows it, or a role sits before it ("plays a cleaner in Wim Wenders'
Perfect Days"). The title keeps a subtitle after a colon ("Glass Onion: A Knives Out
Mystery") and comma-separated parts before a year ("Jeanne Dielman, 23 quai du
Commerce, 1080 Bruxelles (1975)"). An actor's character ("Roy Doe's Chief Brody",
the owner a cast member), a qualifier before a genre noun ("Jo Doe's Oslo comedy") and
an author's work ("Jules Verne's ...") are no films.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from graph.extract_people import PersonFact, trim_name
from graph.extract_text import ANY_NAME, FULL_NAME, TITLE_RUN, UP, fold, is_name_like
from graph.extract_title_base import TitleFact, clean_title, looks_like_title
from graph.extract_title_evidence import sentence_around, used_as_name, word_count

_WATCH = re.compile(
    r"\b(?:film|movie|watch(?:ed|ing)?|saw|seen|caught up with|rewatch(?:ed|ing)?|"
    r"premiered|premieres?|screened|screens|opens|opened|closes|closed)\b",
    re.I,
)
#: After "Name's Title": a genre noun or a cast list says Title is a film.
_INTRO_AFTER = re.compile(
    rf",\s+(?:(?:with|starring)\s+{FULL_NAME}|(?:an?|the|his|her|their)\s+(?:[\w-]+\s+)"
    r"{0,3}?(?:drama|comedy|thriller|western|musical|satire|fable|romance|biopic|"
    r"documentary|debut|feature|horror|melodrama|chronicle|portrait|odyssey|epic|"
    r"story|tale|romp|adaptation))\b"
    r"|\s*\((?:19|20)\d\d\)"
    r"|\s+(?:is\s+\d+\s+minutes|runs\s+\d+|(?:(?:had|has|have|was|is)\s+)?(?:won|"
    r"wins|took|takes|premiered|opened|opens|closed|closes|screened|screens|arrived|"
    r"arrives|debuted|debuts|bowed|competes|competed|returns?\s+to|took\s+home|"
    r"picked\s+up|earned))\b"
)
#: Before "Name's Title": "X plays a cleaner in Wim Wenders' Perfect Days".
_ROLE_IN = re.compile(
    r"\b(?:plays|played|playing|stars|starring|performance|role)\b[^.;]{0,100}\bin\s+$"
)
_SOURCE_WORK = re.compile(
    r"(?<![\w-])(?:novel|book|novella|play|comic|memoir|adapted|adaptation|made from|"
    r"based on|roman|pièce)(?![\w-])"
)
#: "Joachim Doe's Oslo comedy", "Bong Doe's Oscar winner": a qualifier, no title.
_QUALIFIED = re.compile(
    r"\s+(?:biopic|documentary|portrait|comedy|drama|thriller|film|movie|feature|"
    r"debut|winner|adaptation|remake|classic|musical|western|romance|satire|epic|"
    r"horror|story|trilogy|period piece)\b"
)
_PRIZE_NAME = re.compile(
    r"\b(?:Award|Prize|Palme|Lion|Bear|Leopard|Shell|Globe|Oscar|Cup|Jury)s?\b"
)
_ARTICLE_LEADS = frozenset({"The", "A", "An"})
#: A lowercase noun going on after the run: "Danish costume drama".
_NOUN_AFTER = re.compile(
    r" (?!(?:and|or|is|was|are|were|has|had|which|that|who|with|in|on|at|for|to|"
    r"by|from|as|but|opens|screens|won|wins|comes|plays|stars|remains|the|a|an)\b)"
    r"[a-z]"
)
_GENRE_END = re.compile(
    r"\b(?:Thriller|Drama|Comedy|Documentary|Film|Movie|Debut|Feature|Western|"
    r"Musical|Romance|Satire|Biopic|Epic|Melodrama|Horror|Fable|Follow-Up|Sequel)$"
)


@lru_cache(maxsize=1)
def _possessive() -> re.Pattern[str]:
    # "Jo Doe's chilly Little Joe": one or two lowercase words may come between
    return re.compile(
        rf"({ANY_NAME})'s?\s+(?:[a-z][a-z-]+\s+){{0,2}}?\"?({TITLE_RUN})\"?"
    )


@lru_cache(maxsize=1)
def _subtitle() -> re.Pattern[str]:
    """ ": A Knives Out Mystery" closing a clause after the title."""
    return re.compile(
        rf":[ ]+((?:The|A|An|[{UP}])[^\s:]*(?:[ ]+[^\s,.;:]+){{0,5}}?)(?=[,.;)\n]|$)"
    )


@lru_cache(maxsize=1)
def _comma_parts() -> re.Pattern[str]:
    """ ", 23 quai du Commerce, 1080 Bruxelles (1975)": parts of one long title."""
    return re.compile(
        rf"((?:,[ ]+[0-9{UP}][^,()\n.;!?]{{0,30}}){{1,3}})[ ]*\((?:19|20)\d\d\)"
    )


def extend_title(text: str, title: str, end: int) -> str:
    """``title`` (ending at ``end``) with the subtitle or comma parts that follow it.

    Example:
        >>> extend_title("Glass Onion: A Knives Out Mystery, and", "Glass Onion", 11)
        'Glass Onion: A Knives Out Mystery'
    """
    sub = _subtitle().match(text, end)
    if sub and looks_like_title(sub.group(1)) and " and " not in sub.group(1):
        return title + text[end : sub.end(1)]
    parts = _comma_parts().match(text, end)
    if parts and not re.search(r"\s(?:and|or|et)\s", parts.group(1)):
        return title + parts.group(1).rstrip()
    return title


def find_possessive_titles(
    text: str,
    *,
    people: list[PersonFact],
    ok: Callable[[str], bool] = looks_like_title,
) -> list[TitleFact]:
    """The films "Full Name's Title" names (see the module docstring).

    Args:
        text: the normalised review text.
        people: person facts found so far (directors, cast, characters).
        ok: the caller's title check (shape, not a person, not a festival).
    """
    directors = {fold(p.name) for p in people if p.role == "director"}
    cast = {fold(p.name) for p in people if p.role == "cast"} - directors
    cast_starts = [p.start for p in people if p.role == "cast"]
    out: list[TitleFact] = []
    for m in _possessive().finditer(text):
        owner = trim_name(m.group(1))
        title = clean_title(m.group(2))
        lead = title.split()[0]
        if not (ok(title) and (is_name_like(lead) or lead in _ARTICLE_LEADS)):
            continue
        adjective = re.search(r"\s[a-z]", text[m.end(1) : m.start(2)]) is not None
        if "\n" in text[m.end(1) : m.start(2)] or re.match(
            r"'\s?[A-Z]", text[m.end(2) : m.end(2) + 3]
        ):
            continue  # a headline's "Blake'" over a line; "Ma' Rosa" cut short
        if _PRIZE_NAME.search(title):
            continue  # "Juliette Doe's Golden Bear moment": a prize, no film
        if _QUALIFIED.match(text, m.end(2)):
            continue  # "Bradley Cooper's Leonard Bernstein biopic": its subject
        if (
            len(title.split()) > 1
            and lead not in _ARTICLE_LEADS
            and _GENRE_END.search(title)
        ):
            continue  # "Ilker Çatak's Tense Classroom Thriller": a title-case tagline
        if fold(owner) in cast:
            continue  # "Corinne Doe's Cléo": an actor's character
        start = m.start(2) + m.group(2).find(title)
        whole = extend_title(text, title, start + len(title))
        if fold(owner) not in directors:
            # "Celine Song's Past Lives": a full name owning a title that the review
            # repeats, watches or awards is a director's film
            # the cues of this sentence only: "... premiere. Jo Doe's Ona, ..."
            context = sentence_around(text, m.start(), m.end(), before=60, after=40)
            near = text[max(0, m.start() - 60) : m.end() + 15]
            if _SOURCE_WORK.search(near):
                continue  # "made from Jules Verne's ...": an author, not a director
            introduced = (
                bool(_INTRO_AFTER.match(text, start + len(whole)))
                or bool(_ROLE_IN.search(text[max(0, m.start() - 80) : m.start()]))
                or _opens_cast_paragraph(text, m.start(), cast_starts)
                # "Sofia Doe's Tokyo hotel romance": a one-word qualifier
                and (" " in whole or not _NOUN_AFTER.match(text, start + len(whole)))
            )
            repeated = word_count(text, title) >= 2
            if len(owner.split()) < 2 or not (
                repeated or _WATCH.search(context) or introduced
            ):
                continue
            if adjective and not introduced:
                continue  # "Claire Doe's furious Salome": a character, unless cued
            if not introduced and used_as_name(text, title, skip=start):
                continue  # "Colm Doherty decides ... Jo Doe's Colm": a character
        if adjective and _NOUN_AFTER.match(text, start + len(whole)):
            continue  # "Jo Doe's lavish Danish costume drama": an adjective
        out.append(TitleFact(whole, start, start + len(whole), "film.possessive", 0.65,
                             "unknown", director=owner))  # fmt: skip
    return out + _programme(text, out)


def _opens_cast_paragraph(text: str, at: int, cast_starts: list[int]) -> bool:
    """True when "Full Name's Title" sits in a paragraph's opening sentence and the
    paragraph then casts the film: "Pedro Doe's Pain and Glory gave Antonio Roe the
    best role of his career. He plays Salvador, ..."."""
    para = max(text.rfind("\n\n", 0, at), -2) + 2
    if re.search(r"[.!?]\s", text[para:at]):
        return False  # not in the paragraph's opening sentence
    gap = re.search(r"\n\s*\n", text[at:])
    end = at + gap.start() if gap else len(text)
    return any(at < c < end for c in cast_starts)


_PROGRAMME = re.compile(
    r"\b(?:season|retrospective|programme|program|screenings?|double bill|"
    r"repertory|cinematheque|cinémathèque)\b",
    re.I,
)


def _programme(text: str, facts: list[TitleFact]) -> list[TitleFact]:
    """A season's programme: a text that presents a season or retrospective and
    writes three or more films of three or more directors "Director's Title
    (1962)" presents those films."""
    dated = [
        f
        for f in facts
        if re.match(r"\s*\((?:19|20)\d\d\)", text[f.end : f.end + 8]) and f.director
    ]
    if (
        len(dated) < 3
        or len({fold(f.director or "") for f in dated}) < 3
        or not _PROGRAMME.search(text)
    ):
        return []  # a career column recalls old films: "Jo Doe's Loulou (1980)"
    return [replace(f, rule="film.intro_programme", role="subject") for f in dated]
