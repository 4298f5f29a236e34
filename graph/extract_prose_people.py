"""Extract stage, more cast and directors in critics' prose.

Contract: :func:`find_prose_people` returns
:class:`~graph.extract_people.PersonFact` records for phrasings of trade reviews and
round-ups that the core rules leave out:

- "Terry is played at three ages, by A at six, B at 13 and C at 17": one part,
  several actors;
- "A is the sleazy fight promoter Tiger.", "A is a scene-stealing Tedesco, a
  reactionary": an actor and a described part;
- "Mr and Mrs Brown (A and B)": two parts and their actors, in order;
- "A directs himself as Kid": the director who also plays the part;
- "... her dad Jason climbs the fence. He is played by A": the named relative;
- "stories in Montana, with A, B and C.": three or more actors ending a sentence;
- "A and B are the brothers Toby and Tanner Howard": two actors, two parts;
- "A, B, C and D play the family": a cast list without parts;
- "Michel, it is Roschdy Zem, more charming than ever": a translated "c'est";
- "X, who directed,", "the return of X behind the camera", translated "the comedy
  of heist of X": directors.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_people import PersonFact
from graph.extract_people_clauses import find_clause_people
from graph.extract_text import FULL_NAME, NAME_WORD, fold

#: Words that end "X is the lead actor Y" as a job, not a part.
_NOT_A_PART = (
    r"(?:director|filmmaker|film-maker|producer|writer|screenwriter|critic|"
    r"president|head|star|winner|author|composer|son|daughter|wife|husband)"
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    """Compiled patterns (compiled on first use, never at import)."""
    at = r"(?:\s+at\s+(?:\d+|[a-z]+))?"
    return {
        "cast.played_at_ages": re.compile(
            rf"\b({NAME_WORD})\s+is\s+played\s+(?:[a-z]+\s+){{0,4}}?(?:[a-z]+,\s+)?by\s+"
            rf"({FULL_NAME}{at}(?:(?:,\s+|,?\s+and\s+){FULL_NAME}{at})+)"
        ),
        "cast.is_the_described": re.compile(
            rf"\b({FULL_NAME})\s+is\s+the\s+"
            r"(?:(?!(?:of|in|at|from|with|for|to|on|and|who|that)\b)[a-z][\w-]*\s+)"
            rf"{{1,3}}?({NAME_WORD})(?=\s*[.,;])"
        ),
        # "X is a scene-stealing Tedesco, a reactionary who ..."
        "cast.is_a_described": re.compile(
            rf"\b({FULL_NAME})\s+is\s+an?\s+"
            r"(?:(?!(?:of|in|at|from|with|for|to|on|and|who|that)\b)[a-z][\w-]*\s+)"
            rf"{{1,2}}?({NAME_WORD})(?=,\s+(?:a|an|the|who)\s)"
        ),
        "cast.pairs_in_parens": re.compile(
            rf"\b({NAME_WORD})\s+and\s+({NAME_WORD})(?:\s+({NAME_WORD}))?\s+"
            rf"\(({FULL_NAME})\s+and\s+({FULL_NAME})\)"
        ),
        "cast.with_three": re.compile(
            rf"(?<![\w-])[Ww]ith\s+({FULL_NAME}(?:,\s+{FULL_NAME})+,?\s+and\s+"
            rf"{FULL_NAME})(?=\s*[.;])"
        ),
        "cast.are_the_pair": re.compile(
            rf"\b({FULL_NAME})\s+and\s+({FULL_NAME})\s+are\s+(?:the\s+)?"
            r"(?:[a-z-]+\s+){0,2}?"
            rf"({NAME_WORD})\s+and\s+({NAME_WORD})(?:\s+({NAME_WORD}))?(?=\s*[.,;])"
        ),
        "cast.list_play": re.compile(
            rf"(?<![\w-])({FULL_NAME}(?:,\s+{FULL_NAME})*,?\s+(?:and|et)\s+"
            rf"{FULL_NAME})\s+(?:play|portray|jouent|incarnent)\s+(?:the|a|an|his|her|"
            r"their|la|le|les)\s"
        ),
        "cast.it_is": re.compile(
            rf"(?:^|(?<=[.!?]\s))({NAME_WORD}),\s+(?:it is|this is|c'est)\s+"
            rf"({FULL_NAME})(?=\s*[,.;])",
            re.M,
        ),
        "director.who_directed": re.compile(
            rf"({FULL_NAME}),\s+who\s+(?:also\s+)?(?:directed|wrote and directed|"
            r"co-wrote and directed)(?:\s+(?:it|this one|this film|this))?(?=\s*[,.;]|"
            r"\s+and\s)"
        ),
        "director.behind_camera": re.compile(
            rf"(?:\b(?:return|comeback)\s+of\s+({FULL_NAME})|({FULL_NAME})\s+"
            r"(?:returns|is back|steps|goes))\s+behind\s+the\s+camera\b"
        ),
        "director.genre_of": re.compile(
            r"\b(?:the|this|a)\s+(?:comedy|drama|thriller|melodrama|western|fable|"
            r"documentary|chronicle)\s+of\s+[a-z][\w-]*\s+of\s+"
            rf"({FULL_NAME})"
        ),
        # "... her dad Jason climbs over the fence. He is played by X"
        "cast.pronoun_played_by": re.compile(
            rf"(?:^|(?<=[.!?]\s))(?:He|She)\s+is\s+played\s+by\s+({FULL_NAME})",
            re.M,
        ),
        "director.directs_self": re.compile(
            rf"\b({FULL_NAME})\s+directs\s+(?:himself|herself|themselves)\s+as\s+"
            rf"({NAME_WORD})\b"
        ),
    }


_NOT_A_CAST = re.compile(
    r"\b(?:worked|work|works|studied|trained|met|talked|spoke|married|collaborated|"
    r"toured|compared|interviews?|conversation|jury|panel|critics?|directors|"
    r"filmmakers|guests|winners|producers|programmers|writers|festival)\b",
    re.I,
)
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|ch|i|an)|Greek|Swede|Dane")
_KIN_NAME = re.compile(
    r"\b(?:[Hh]er|[Hh]is|[Tt]heir)\s+(?:dad|father|mother|mom|mum|son|daughter|brother|"
    rf"sister|husband|wife|boyfriend|girlfriend|uncle|aunt|friend)\s+({NAME_WORD})"
)
_HONORIFIC = frozenset("Mr Mrs Ms Miss Dr Mr. Mrs. Ms. Dr. Uncle Aunt".split())


def find_prose_people(text: str) -> list[PersonFact]:
    """Cast and director facts of the phrasings in the module docstring."""
    rules = _rules()
    out: list[PersonFact] = []
    for m in rules["cast.played_at_ages"].finditer(text):
        for name in re.finditer(FULL_NAME, m.group(2)):
            at = m.start(2) + name.start()
            out.append(
                PersonFact(
                    "cast", name.group(0), at, at + len(name.group(0)),
                    "cast.played_at_ages", 0.85, m.group(1),
                )
            )  # fmt: skip
    for key in ("cast.is_the_described", "cast.is_a_described"):
        for m in rules[key].finditer(text):
            if re.search(rf"\b{_NOT_A_PART}\b", m.group(0)[len(m.group(1)) :]):
                continue
            if _NATIONALITY.fullmatch(m.group(2)):
                continue  # "X is a proud Norwegian, a man ...": no part
            out.append(
                PersonFact(
                    "cast", m.group(1), m.start(1), m.end(1), key, 0.8, m.group(2)
                )
            )
    for m in rules["cast.pairs_in_parens"].finditer(text):
        first, second, shared = m.group(1), m.group(2), m.group(3)
        if shared:
            if first not in _HONORIFIC or second not in _HONORIFIC:
                continue  # "Anna and Ben Holm (A and B)": no pair of parts
            first, second = f"{first} {shared}", f"{second} {shared}"
        for group, part in ((4, first), (5, second)):
            out.append(
                PersonFact(
                    "cast", m.group(group), m.start(group), m.end(group),
                    "cast.pairs_in_parens", 0.85, part,
                )
            )  # fmt: skip
    for m in rules["cast.with_three"].finditer(text):
        before = text[max(0, m.start() - 200) : m.start()].rsplit(".", 1)[-1]
        if _NOT_A_CAST.search(before):
            continue  # "she has worked with A, B and C", "a jury with ..."
        out += _full_names_in(m, "cast.with_three", 0.75)
    for m in rules["cast.list_play"].finditer(text):
        out += _full_names_in(m, "cast.list_play", 0.8)
    for m in rules["cast.it_is"].finditer(text):
        out.append(
            PersonFact(
                "cast", m.group(2), m.start(2), m.end(2), "cast.it_is", 0.8,
                m.group(1),
            )
        )  # fmt: skip
    for m in rules["cast.pronoun_played_by"].finditer(text):
        previous = text[max(0, m.start() - 200) : m.start()]
        previous = re.split(r"[.!?]\s", previous.rstrip())[-1]
        kin = list(_KIN_NAME.finditer(previous))
        if len(kin) == 1:  # one named relative in the sentence before: that part
            out.append(
                PersonFact(
                    "cast", m.group(1), m.start(1), m.end(1),
                    "cast.pronoun_played_by", 0.75, kin[0].group(1),
                )
            )  # fmt: skip
    for m in rules["cast.are_the_pair"].finditer(text):
        surname = f" {m.group(5)}" if m.group(5) else ""
        for group, part in ((1, m.group(3)), (2, m.group(4))):
            out.append(
                PersonFact(
                    "cast", m.group(group), m.start(group), m.end(group),
                    "cast.are_the_pair", 0.8, part + surname,
                )
            )  # fmt: skip
    for key in ("director.who_directed", "director.behind_camera", "director.genre_of"):
        for m in rules[key].finditer(text):
            group = 1 if m.group(1) else 2
            out.append(
                PersonFact(
                    "director", m.group(group), m.start(group), m.end(group), key,
                    0.85,
                )
            )  # fmt: skip
    for m in rules["director.directs_self"].finditer(text):
        out.append(
            PersonFact(
                "director", m.group(1), m.start(1), m.end(1),
                "director.directs_self", 0.85,
            )
        )  # fmt: skip
        out.append(
            PersonFact(
                "cast", m.group(1), m.start(1), m.end(1), "director.directs_self",
                0.85, m.group(2),
            )
        )  # fmt: skip
    return out + find_clause_people(text)


#: A title right before a director: "Wanda (1970), Barbara Loden's only feature",
#: "Paddington in Peru, directed by Dougal Wilson".
_TITLE_BEFORE = re.compile(
    r"([A-Z][\w'’:-]*(?:\s+(?:[A-Z][\w'’:-]*|\d+|of|in|the|a|and|to|on|at)){0,6})"
    r"(?:(\s+\((?:19|20)\d\d\)),\s+|,\s+(?:co-)?directed\s+by\s+)$"
)


def title_before_director(text: str, fact: PersonFact) -> str | None:
    """The title written right before a director fact, folded ("Wanda (1970),
    Barbara Loden's only feature"; "Paddington in Peru, directed by Dougal
    Wilson"), or None."""
    if fact.role != "director":
        return None
    m = _TITLE_BEFORE.search(text[max(0, fact.start - 80) : fact.start])
    return fold(m.group(1)) if m else None


def same_title(title: str, keys: set[str]) -> bool:
    """Whether folded ``title`` is one of the folded ``keys`` or shares a long word
    with one (a title the films stage wrote differently)."""
    words = {w for w in title.split() if len(w) > 3}
    return any(title in key or key in title or words & set(key.split()) for key in keys)


def _full_names_in(m: re.Match[str], rule: str, confidence: float) -> list[PersonFact]:
    """A cast fact for every full name in group 1 of ``m`` ("with A, B and C")."""
    out: list[PersonFact] = []
    for name in re.finditer(FULL_NAME, m.group(1)):
        at = m.start(1) + name.start()
        out.append(
            PersonFact("cast", name.group(0), at, at + len(name.group(0)), rule,
                       confidence)
        )  # fmt: skip
    return out
