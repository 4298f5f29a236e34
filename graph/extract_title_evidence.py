"""Extract stage, title evidence: is a capitalised string a film or a person here?

Contract: small, cheap tests the title rules weigh instead of a hard veto.
:func:`sentence_around` cuts the context of a match at sentence ends, so that a cue
("premiered", "film") of the previous sentence never vouches for a name of the next;
:func:`word_count` counts whole-word occurrences ("Ona" is not in "personal");
:func:`used_as_name` tells a string the text also writes as a person's or a
character's name ("Colm Doherty decides", "a painter named Marianne", "Marianne (Jo
Doe)") from a title; :func:`with_main_title`, :func:`strip_lead_name` and
:func:`with_comma_tails` mend a title's edges ("Glass Onion: A Knives Out Mystery",
"Sciamma on Water Lilies (2007)", "Paris, Texas"); :func:`non_film_names` lists the
festivals, prizes, platforms and ceremonies no title cue makes a film.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from graph.extract_text import STOPWORDS, UP, find_all, fold, is_name_like
from graph.extract_title_base import TitleFact

#: Before a name: "a painter named Marianne", "plays Colm", "as Ona".
_NAME_BEFORE = re.compile(
    r"(?:\bnamed|\bcalled|\bplays|\bplayed|\bplaying|\bas)\s+\Z",
)
#: After a name: "Marianne (Jo Doe)", "Colm, a fiddler,", "Colm decides", "Colm's".
_NAME_AFTER = re.compile(
    r"\A(?:\s*\([" + UP + r"][\w.'-]+(?:\s+[" + UP + r"][\w.'-]+)+\)"
    r"|,\s+(?:an?|the)\s+[a-z]+(?:\s+[a-z]+)?\s*,"
    r"|\s+(?:decides|says|tells|asks|wants|feels|knows|thinks|refuses|loves|hates|"
    r"meets|realises|realizes|learns)\b)"
)
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[\"'(]?[" + UP + r"0-9])|\n")


def sentence_around(text: str, start: int, end: int, *, before: int, after: int) -> str:
    """The text from ``before`` characters before ``start`` to ``after`` characters
    after ``end``, cut at the sentence ends around the match.

    Example:
        >>> t = "It premiered. Jo Doe's Ona is calm."
        >>> sentence_around(t, 14, 24, before=40, after=20)
        "Jo Doe's Ona is calm."
    """
    lo = max(0, start - before)
    ends = list(_SENTENCE_END.finditer(text, lo, start + 2))
    if ends:
        lo = ends[-1].end()
    hi = min(len(text), end + after)
    stop = _SENTENCE_END.search(text, end, hi)
    if stop:
        hi = stop.start() + 1
    return text[lo:hi]


def word_count(text: str, word: str) -> int:
    """Whole-word, case-folded occurrences of ``word`` in ``text``.

    Example:
        >>> word_count("Ona smiles. A personal film. ona.", "Ona")
        2
    """
    low, key = text.casefold(), word.casefold()
    n = 0
    for at in find_all(key, low):
        left = low[at - 1 : at] if at else ""
        right = low[at + len(key) : at + len(key) + 1]
        if not (left.isalnum() or right.isalnum()):
            n += 1
    return n


def used_as_name(text: str, title: str, *, skip: int = -1) -> bool:
    """True when ``text`` writes the one- or two-word ``title`` as a person's or a
    character's name somewhere (the occurrence at ``skip`` aside): followed by a
    surname ("Colm Doherty"), after "named"/"plays"/"as", before an actor in
    parentheses, a short appositive ("Colm, a fiddler,") or a character's verb.

    Example:
        >>> used_as_name("Colm Doherty sulks. Jo Doe's Colm is grim.", "Colm", skip=26)
        True
        >>> used_as_name("Jo Doe's Saltburn is grim. Saltburn is a house.", "Saltburn")
        False
    """
    words = title.split()
    if not 1 <= len(words) <= 2 or words[0].casefold() in STOPWORDS:
        return False
    for at in find_all(title, text):
        if at == skip:
            continue
        end = at + len(title)
        left = text[at - 1 : at] if at else ""
        if left.isalnum() or text[end : end + 1].isalnum():
            continue
        surname = re.match(
            r" ([" + UP + r"][a-z\u00e0-\u00ff'-]+)\b", text[end : end + 30]
        )
        if surname and surname.group(1).casefold() not in STOPWORDS:
            return True  # "Colm Doherty decides"
        if _NAME_BEFORE.search(text[max(0, at - 12) : at]) or _NAME_AFTER.match(
            text[end : end + 60]
        ):
            return True
    return False


_MAIN_TITLE = re.compile(r"([" + UP + r"][\w'-]*(?: [" + UP + r"][\w'-]*){0,4}): \Z")


def with_main_title(text: str, title: str, start: int) -> tuple[str, int]:
    """The title with the title-case main title before its colon, when ``title`` is
    only the subtitle: "Glass Onion: A Knives Out Mystery, Rian Johnson's sequel".

    Example:
        >>> with_main_title("was Glass Onion: A Knives Out Mystery", "A Knives Out", 17)
        ('Glass Onion: A Knives Out', 4)
    """
    m = _MAIN_TITLE.search(text[max(0, start - 40) : start])
    if m is None or not is_name_like(m.group(1)) or "\n" in m.group(1):
        return title, start
    at = start - len(m.group(0))
    return f"{m.group(1)}: {title}", at


_LEAD_PREP = re.compile(
    r"(\S+) (?:on|in|of|with|at|for|from|by|about|to) (?=[" + UP + r"0-9])"
)


def strip_lead_name(title: str, name_words: Collection[str]) -> tuple[str, int]:
    """The title without a person's name or an acronym glued before it by a
    preposition, and how many characters were cut: "Sciamma on Water Lilies (2007)",
    "a DVD of Old Joy (2006)" give "Water Lilies", "Old Joy".

    Example:
        >>> strip_lead_name("Sciamma on Water Lilies", {"sciamma"})
        ('Water Lilies', 11)
        >>> strip_lead_name("Death in Venice", {"sciamma"})
        ('Death in Venice', 0)
    """
    m = _LEAD_PREP.match(title)
    if m is None or len(title[m.end() :].split()) < 1:
        return title, 0
    word = m.group(1)
    if fold(word) in name_words or (word.isupper() and len(word) >= 2):
        return title[m.end() :], m.end()
    return title, 0


_COMMA_TAIL = re.compile(
    r", ((?:[" + UP + r"][\w'-]*)(?: (?:[a-z]{1,3} )?[" + UP + r"][\w'-]*){0,3})\b"
)


def with_comma_tails(text: str, facts: list[TitleFact]) -> list[TitleFact]:
    """The facts with a title-case part after a comma joined to their title when the
    text writes the whole "A, B" at least twice: "Paris" of "Paris, Texas", "Right
    Now" of "Right Now, Wrong Then" (a list "Paris, London" is not repeated).

    Example:
        >>> t = "Paris, Texas is long. I love Paris, Texas."
        >>> [f.title for f in with_comma_tails(t, [TitleFact("Paris", 0, 5, "r", 1)])]
        ['Paris, Texas']
    """
    from dataclasses import replace

    out = []
    for fact in facts:
        m = _COMMA_TAIL.match(text, fact.end)
        if m and text[fact.start : fact.end] == fact.title:
            whole = f"{fact.title}, {m.group(1)}"
            if len(find_all(whole, text)) >= 2 and is_name_like(m.group(1).split()[0]):
                fact = replace(fact, title=whole, end=m.end())
        out.append(fact)
    return out


_NOT_FILMS = (
    "netflix|prime video|amazon|amazon prime|mubi|hulu|hbo|hbo max|max|apple tv|"
    "apple tv+|disney+|bbc|itv|channel 4|sky|a24|neon|studiocanal|paramount|"
    "universal|warner bros|sony|the oscars|oscars|the academy|the baftas|baftas|"
    "the césars|césars|cesars|golden globes|the golden globes|emmys|the emmys"
).split("|")


@lru_cache(maxsize=1)
def non_film_names() -> frozenset[str]:
    """Folded names a title cue never makes a film: festivals, prizes, platforms,
    studios and award ceremonies ("Cannes, which opened on Tuesday")."""
    from graph.extract_gazetteer import AWARDS, FESTIVALS

    names = {fold(a) for _c, strong, weak in FESTIVALS for a in strong + weak}
    names |= {fold(a) for a in AWARDS}
    return frozenset(names | {fold(n) for n in _NOT_FILMS})
