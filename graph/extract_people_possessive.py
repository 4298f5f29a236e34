"""Extract stage, an actor's character by possessive: "Brendan Doe's Colm is ...".

Contract: :func:`find_actor_possessives` returns cast
:class:`~graph.extract_people.PersonFact` records (rule
``cast.actor_possessive``, the character set) for "Full Name's [adjectives]
Character" in running prose when the text says the possessed name is a person of
the story, not a film: the name is used elsewhere as a character (the first name of
a longer name, "named Marianne", "Colm, a fiddler", "Ellie (Sadie Sink)"), the
sentence pairs other actors with characters (not in a "with A as B" cast list) or
lists several "Actor's Character" phrases. The possessor must not be a director the
rules already know, and the possessed name must not be a title of the headline, a
quoted title, another actor's character, or followed by a year or a film noun.
Such a cast fact also stops the title rules from reading "Colm" as a film.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_people import PersonFact, trim_name
from graph.extract_text import FULL_NAME, NAME_WORD, STOPWORDS, find_all, fold

#: Lower-case words between the possessive and the name: "Claire Doe's furious".
_ADJECTIVES = (
    r"(?:(?!(?:the|a|an|and|or|of|in|to|for|with|by|at|on|from|is|was|has|had|"
    r"novel|book|play|film|movie|new|latest|last|first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|next|only)\b)[a-z][\w-]*,?\s+){0,2}"
)
#: What says a possessed name is a film, not a character.
_FILM_AFTER = re.compile(
    r"\s*(?:\((?:19|20)\d\d|[\"”»]|\s(?:film|movie|feature|documentary|debut|"
    r"premiered|premieres|won|wins|stars|starring|opened|opens|screened|screens|"
    r"is out|arrives in)\b"
    r"|,\s+(?:with|starring)\s|,\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:drama|comedy|thriller|western|musical|satire|fable|romance|biopic|"
    r"documentary|debut|feature|film|movie|horror|melodrama|epic|adaptation)\b)",
)
#: "X's Title, with A as B": a film's cast list, not a character beside its actor.
_WITH_BEFORE = re.compile(r"\b(?:with|starring|featuring|avec)\s+$")
_PRIZE = re.compile(
    r"\b(?:Bear|Lion|Palm|Palme|Award|Prize|Oscar|Globe|Cup|Leopard|Shell|Bafta|"
    r"César|Emmy)s?\b"
)
_PREP_BEFORE = re.compile(r"\b(?:in|from|of|since|after|than|like|to)\s+$")
_ARTICLES = frozenset({"the", "a", "an", "les", "le", "la"})


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])({FULL_NAME})(?:'s|’s|')\s+{_ADJECTIVES}"
        rf"({NAME_WORD}(?: {NAME_WORD})?)(?![\w-]|\s+[A-Z0-9])"
    )


def _sentence(text: str, at: int) -> tuple[int, int]:
    """Rough sentence bounds around ``at`` (full stop, line break, ! or ?)."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n;") + 1
    ends = [e for e in (text.find(c, at) for c in ".!?\n;") if e >= 0]
    return start, min(ends, default=len(text))


def _used_as_character(text: str, name: str, skip: tuple[int, int]) -> bool:
    """True when ``name`` is used elsewhere in ``text`` as a person of the story:
    the first name of a longer name ("Colm Doherty decides"), introduced ("named
    Marianne"), in apposition ("Colm, a fiddler,") or beside its actor ("Ellie
    (Sadie Sink)")."""
    for at in find_all(name, text):
        if skip[0] <= at < skip[1]:
            continue
        if at > 0 and (text[at - 1].isalnum() or text[at - 1] == "-"):
            continue
        after = text[at + len(name) : at + len(name) + 40]
        before = text[max(0, at - 12) : at]
        if re.match(rf" {NAME_WORD}\s+[a-z]", after) and " " not in name:
            return True  # "Colm Doherty decides": a person's first name
        if re.search(r"\b(?:named|called|nommée?|appelée?)\s+$", before):
            return True
        if re.match(r",\s+(?:a|an|his|her|their)\s+[a-z]", after):
            return True  # "Colm, a fiddler, ..."
        if re.match(rf"\s+\({FULL_NAME}\)", after):
            return True  # "Ellie (Sadie Sink)"
    return False


def _candidate(
    text: str,
    m: re.Match[str],
    people: list[PersonFact],
    known: set[str],
    head: str,
) -> bool:
    """True when match ``m`` may be "Actor's Character": a full-name owner that is
    no known director, a name that is no title, prize, person or known part
    (``known``: folded directors and characters)."""
    actor, char = trim_name(m.group(1)), trim_name(m.group(2))
    if len(actor.split()) < 2 or char != m.group(2) or fold(actor) in known:
        return False
    if _PREP_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return False  # "plays Alice in Jo Doe's chilly Little Joe": a film
    first = char.split()[0].casefold()
    if first in STOPWORDS or first in _ARTICLES or _PRIZE.search(char):
        return False  # "Hong Doe's fourth Silver Bear": a prize
    if _FILM_AFTER.match(text, m.end(2)) or text[m.start(2) - 1] in '"“«':
        return False  # "Jo Doe's Colm (2021)", 'Jo Doe's "Colm"': a film
    if fold(char) in known or (head and fold(char) in head):
        return False  # another actor's part, or the headline's title
    words = set(fold(char).split())
    return not any(words <= set(fold(p.name).split()) for p in people)


def find_actor_possessives(
    text: str, people: list[PersonFact], *, headline: str | None = None
) -> list[PersonFact]:
    """Cast facts for "Actor's Character" phrases (see the module docstring).

    Args:
        text: the normalised review text.
        people: the person facts found so far (known directors and characters).
        headline: the review's headline, whose titles are never characters.
    """
    if "'" not in text and "’" not in text:
        return []
    directors = {fold(p.name) for p in people if p.role == "director"}
    characters = {fold(p.character) for p in people if p.character}
    head = fold(headline or "")
    paired = [(p.start, p.end) for p in people if p.role == "cast" and p.character]
    candidates = [
        (m, trim_name(m.group(1)), m.group(2))
        for m in _pattern().finditer(text)
        if _candidate(text, m, people, directors | characters, head)
    ]
    out: list[PersonFact] = []
    for m, actor, char in candidates:
        lo, hi = _sentence(text, m.start())
        # "A's Ona, B's furious Salome": first names; "A's Cold Water; B's Salt
        # Houses" in a round-up are films
        listed = (
            " " not in char
            and sum(
                1 for o, _a, c in candidates if lo <= o.start() < hi and " " not in c
            )
            >= 2
        )
        beside = any(
            lo <= a < hi
            and not m.start() <= a < m.end()
            and not _WITH_BEFORE.search(text, max(0, a - 14), a)
            for a, _ in paired
        )
        if not (listed or beside or _used_as_character(text, char, m.span())):
            continue
        out.append(PersonFact("cast", actor, m.start(1), m.start(1) + len(actor),
                              "cast.actor_possessive", 0.7, char))  # fmt: skip
    return out
