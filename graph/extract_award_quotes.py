"""Extract stage, prize reports that quote their films or put the film first.

Contract: :func:`find_prize_sentence_titles` returns
:class:`~graph.extract_title_base.TitleFact` records (rule ``film.award_prose``) for

- a quoted title in a sentence that names a prize before it: 'The Grand Prix was
  shared between "A Hero" of the Iranian Asghar Farhadi and "Compartment No 6"', the
  director from '"Title" of [the Iranian] Full Name' or '"Title" by Full Name';
- a title that wins: "Jo Doe's The Salt Road won the People's Choice Award",
  "Cold Water takes the Golden Lion" (a bare full name wins for a person, not a film);
- a runner-up: "The first runner-up was Jo Doe's Blue Hour, and the second runner-up
  Eva Lund's Rye Lane".

A prize won in an earlier year ("for "The Piano" in 1993") marks the film as only
mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from graph.extract_people import trim_name
from graph.extract_possessive import extend_title
from graph.extract_text import ANY_NAME, FULL_NAME, TITLE_RUN, fold, is_name_like
from graph.extract_title_base import TitleFact, clean_title, looks_like_title

_PRIZE = re.compile(
    r"\b(?:Prize|Prix|Award|Palme|Palm of Gold|Lion|Bear|Leopard|Shell|Cup|Globe|"
    r"Cristal|Crystal|Golden Camera|prize|award|recompense|runner-up)s?\b"
)
_EARLIER = re.compile(
    r"\b(?:in\s+(?:19|20)\d\d|already|previously|once|earlier|years? ago|last year|"
    r"previous|before)\b"
)
#: A quoted title right after a comparison is an earlier film, not a winner: "the
#: Palme went to "Quiet Hours", his second after "The Ferry"".
_COMPARED = re.compile(
    r"\b(?:after|since|like|unlike|than|following|follow-up to|sequel to|remake of)"
    r"\s+(?:(?:his|her|their|its|the)\s+)?(?:[\w-]+\s+)?\Z",
    re.I,
)
_PERSONAL = re.compile(
    r"\b(?:actor|actress|performance|acting|Volpi|direct(?:or|ing|ion)|screenplay)\b",
    re.I,
)
_DIRECTING = re.compile(r"\b(?:direct(?:or|ing|ion)|mise en sc[eè]ne|staging)\b", re.I)
_GIVEN_TO = re.compile(rf"\bto\s+(?:the\s+[A-Z][a-z]+\s+)?({FULL_NAME})\s+for\s+\Z")
_WIN = (
    r"(?:won|wins|took|takes|scooped|scoops|picked up|picks up|received|receives|"
    r"collected|collects|claimed|claims|carried off|carries off)"
)
_AWARD = (
    r"(?:[\w'-]+\s+){0,4}?(?:Prize|Prix|Award|Palme(?:\s+d'Or)?|Lion|Bear|Leopard|"
    r"Shell|Cup|Globe)\b"
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    owned = rf"(?:(?P<owner>{ANY_NAME})'s?\s+)?"
    return {
        "won": re.compile(
            rf"{owned}\"?(?P<title>{TITLE_RUN})\"?\s+{_WIN}\s+(?:the|its|a)\s+"
            rf"(?P<award>{_AWARD}(?:\s+for\s+(?:the\s+)?[Bb]est\s+\w+)?)"
        ),
        "runner_up": re.compile(
            r"\b(?:first\s+|second\s+|third\s+)?runner-up\s+(?:was\s+|is\s+|went\s+to\s+)?"
            rf"{owned}\"?(?P<title>{TITLE_RUN})\"?(?=\s*[,.;:(]|\s+(?:by|from)\s|$)"
        ),
    }


@lru_cache(maxsize=1)
def _maker_after() -> re.Pattern[str]:
    """' of the Iranian Asghar Farhadi', ' by Jo Doe' after a closing quote."""
    return re.compile(
        rf"(?:\s*\([^()\n]{{1,60}}\))?\s+(?:of|by|from|de)\s+"
        rf"(?:the\s+(?:[A-Z][a-z]+\s+)?)?({FULL_NAME})"
    )


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[.!?](?=\s)|\n", text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _sentence_case(title: str) -> bool:
    """A title in sentence case, the way French titles and their literal
    translations are written ("Evil does not exist", "Le Règne animal"): a capital
    first word, a few words, no sentence inside. Only trusted with a maker after
    the quote ('"Evil does not exist" of the Japanese Jo Doe')."""
    words = title.split()
    return (
        2 <= len(words) <= 6
        and title[:1].isupper()
        and not re.search(r"[.!?;:]", title)
        and fold(words[0]) not in {"i", "we", "you", "he", "she", "it", "they"}
    )


def find_prize_sentence_titles(
    text: str, *, not_titles: Collection[str] = ()
) -> list[TitleFact]:
    """The films a prize sentence quotes, or that win or run up (see the docstring).

    Args:
        text: the normalised review text.
        not_titles: folded names that are never titles (people, festivals).
    """
    out: list[TitleFact] = []
    for a, b in _sentences(text):
        prize = _PRIZE.search(text, a, b)
        if prize is None:
            continue
        for m in re.finditer(r"\"([^\"\n]{2,80})\"", text[prize.end() : b]):
            title = clean_title(m.group(1))
            start = prize.end() + m.start(1) + m.group(1).find(title)
            end = start + len(title)
            maker = _maker_after().match(text, end + 1)
            if (
                not (looks_like_title(title) or maker and _sentence_case(title))
                or fold(title) in not_titles
                or re.search(r"[.!?]\s", title)
                or re.search(r"\b(?:Festival|Fest|Berlinale)\b", title)
            ):
                continue
            tail = re.split(r"[.!?;]|\"", text[end + 1 : b], maxsplit=1)[0]
            lead = text[max(a, start - 40) : start - 1]
            earlier = _EARLIER.search(tail[:40]) or _COMPARED.search(lead)
            role = "mentioned" if earlier else "subject"
            director = trim_name(maker.group(1)) if maker else None
            given = _GIVEN_TO.search(text[max(a, start - 80) : start - 1])
            if not director and given and _DIRECTING.search(text[a:start]):
                director = trim_name(given.group(1))  # "returns to Jo Doe for "T""
            out.append(TitleFact(title, start, end, "film.award_prose", 0.75, role,
                                 director=director))  # fmt: skip
        out += _prize_sentence_films(text, prize.end(), b, not_titles)
    for name, rule in _rules().items():
        for m in rule.finditer(text):
            title = clean_title(m.group("title"))
            owner = m.group("owner")
            lead = title.split()[0]
            if (
                not looks_like_title(title)
                or fold(title) in not_titles
                or not (is_name_like(lead) or lead in {"The", "A", "An"})
                or re.search(r"\b(?:Festival|Fest|Berlinale)\b", title)
                or not owner
                and name == "won"
                and (
                    re.fullmatch(FULL_NAME, title)  # "Jo Doe won the Volpi Cup"
                    or _PERSONAL.search(m.group("award"))
                    or any(n.endswith(" " + fold(title)) for n in not_titles)
                )
            ):
                continue
            if owner and owner.split()[0] in {"A", "An", "The"}:
                continue  # "The Teachers' Lounge won": the possessive is the title's
            if (
                not owner
                and " " not in title
                and re.search(rf"\b[A-Z][\w-]+\s+{re.escape(title)}\b", text)
            ):
                continue  # "Kore-eda won the Palme": Hirokazu Kore-eda's surname
            start = m.start("title") + m.group("title").find(title)
            title = extend_title(text, title, start + len(title))
            end = start + len(title)
            tail = text[end : end + 40]
            earlier = _EARLIER.search(text[m.start() : end] + tail.split(".")[0])
            # "Five years after Atlantics won the Grand Prix": an earlier film's prize
            earlier = earlier or re.search(
                r"\b(?:after|since|before|following)\s+$",
                text[max(0, m.start() - 12) : m.start()],
            )
            director = trim_name(owner) if owner else None
            if director and len(director.split()) < 2:
                director = None
            out.append(TitleFact(title, start, end, "film.award_prose", 0.75,
                                 "mentioned" if earlier else "subject",
                                 director=director))  # fmt: skip
    return out


@lru_cache(maxsize=1)
def _sentence_rules() -> dict[str, re.Pattern[str]]:
    return {
        # "went to Emily Doe, chilling as Sister Mary, in Tim Doe's Small Things"
        "acted_in": re.compile(
            rf"\bin\s+(?P<owner>{FULL_NAME})'s?\s+\"?(?P<title>{TITLE_RUN})\"?"
        ),
        # "and Ariane Doe the Volpi Cup for best actress for Gloria Mundi, by ..."
        "best_for": re.compile(
            r"\bfor\s+(?:the\s+)?(?:[Bb]est|[Oo]utstanding)\s+[a-z][a-z ]{1,30}?\s+"
            rf"for\s+\"?(?P<title>{TITLE_RUN})\"?(?=\s*[,.;]|\s+by\s)"
        ),
        # "went to Nelson Carlo de los Santos Arias for Pepe, narrated by ..."
        "went_for": re.compile(
            r"\b(?:went|goes|was given|is given)\s+to\s+(?P<who>[A-Z][^.;:,\n]{2,60}?)"
            rf"\s+for\s+\"?(?P<title>{TITLE_RUN})\"?(?=\s*[,.;]|\s+by\s)"
        ),
        # "went to La Mafia non è più quella di una volta by Franco Doe."
        "span_by": re.compile(
            r"\b(?:went|goes|was given|is given)\s+to\s+\"?"
            r"(?P<title>[A-Z][^,.;:\"\n]{1,60}?)\"?\s+by\s+"
            rf"(?P<by>{FULL_NAME})(?=\s*[.,;]|$)"
        ),
    }


def _prize_sentence_films(
    text: str, at: int, end: int, not_titles: Collection[str]
) -> list[TitleFact]:
    """The films a prize sentence names after its prize (from ``at`` to ``end``):
    an actor's film "in Tim Doe's Title", "for best actress for Title", and a
    sentence-case title "went to Title by Full Name"."""
    out: list[TitleFact] = []
    for name, rule in _sentence_rules().items():
        for m in rule.finditer(text, at, end):
            title = clean_title(m.group("title"))
            lead = title.split()[0] if title else ""
            if (
                not title
                or fold(title) in not_titles
                or not (is_name_like(lead) or lead in {"The", "A", "An", "La", "Le"})
                or re.search(r"\b(?:Festival|Fest|Berlinale)\b", title)
                or name != "span_by"
                and not looks_like_title(title)
                or name == "span_by"
                and (len(title.split()) > 10 or re.fullmatch(FULL_NAME, title))
                or name == "went_for"
                and (
                    re.match(r"(?:Best|Outstanding|Her|His|Their)\b", title)
                    or re.fullmatch(FULL_NAME, title)
                    and title.split()[0] not in {"The", "A", "An"}
                )
            ):
                continue
            start = m.start("title") + m.group("title").find(title)
            director = None
            if name == "acted_in":
                director = trim_name(m.group("owner"))
            elif name == "span_by":
                director = trim_name(m.group("by"))
            elif name == "went_for":
                who = m.group("who")
                director = trim_name(who) if _DIRECTING.search(text[at:start]) else None
            else:
                by = _BY_AFTER.match(text, start + len(title))
                director = trim_name(by.group(1)) if by else None
            out.append(TitleFact(title, start, start + len(title), "film.award_prose",
                                 0.7, "subject", director=director))  # fmt: skip
    return out


#: ", by her husband Robert Doe": the film's director after its title.
_BY_AFTER = re.compile(rf",?\s+by\s+(?:[a-z]+\s+){{0,2}}({FULL_NAME})")
