"""Extract stage, people introduced in asides and around a known title.

Contract: :func:`find_aside_people` returns cast
:class:`~graph.extract_people.PersonFact` records for phrasings where a described
part sits between the actor and the character's name:

- a relative introduced first: "His wife Hedwig is Ann Berg";
- a described relative after "is": "Tom Hale is his gentle, bookish father Burt"
  (only in a sentence about casting);
- an aside opened by "as": "Ann Berg, as his friend and nurse Liz, is ...";
- a pair of actors and a pair of parts: "A and B are the visiting couple, Amanda and
  Clay";
- two parts one actor voices: "Yuki and Mei are both voiced by Ann Berg".

:func:`find_title_people` returns director facts tied to a title the review already
names (``title_hint`` set): "Ann Berg's Title" for any found title, "Title, also in
competition, is Ann Berg's story of ...", "Title, the first feature by the playwright
Ann Berg", "Title won Ann Berg her first Palme d'Or", "Title, which Ann Berg made
...". Titles are looked up by plain substring search, never one pattern per title.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from graph.extract_counterfactual import is_source_author
from graph.extract_names import trim_name
from graph.extract_people import CAST_CUE, PersonFact, _parallel_facts
from graph.extract_text import (
    FULL_NAME,
    NAME_LIST,
    NAME_WORD,
    STOPWORDS,
    TITLE_RUN,
    find_all,
)

#: A relative or companion a part is introduced by: "his wife Hedwig".
_KIN = (
    r"(?:father|mother|dad|mum|mom|wife|husband|son|daughter|brother|sister|uncle|"
    r"aunt|grandmother|grandfather|grandma|grandpa|friend|boyfriend|girlfriend|lover|"
    r"boss|partner|neighbou?r|fiancée?|widow|stepfather|stepmother|cousin|nephew|"
    r"niece|assistant|mentor|stepson|stepdaughter)"
)
_CHAR = rf"{NAME_WORD}(?:\s+{NAME_WORD})?"
#: Words of an "as" aside that make it a comment, not a part: "as ever, ...".
_COMMENT = re.compile(r"\b(?:said|says|ever|always|usual|expected|often|well)\b")
#: Director nouns after "X's" in "Title is X's story of ...".
_WORK = (
    r"(?:film|movie|feature|debut|documentary|story|portrait|tale|drama|comedy|"
    r"thriller|western|fable|melodrama|satire|epic|romance|chronicle|adaptation)"
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    """Compiled patterns (compiled on first use, never at import)."""
    return {
        "cast.kin_is": re.compile(
            rf"(?:^|(?<=[.!?;:]\s)|(?<=\n))(?:His|Her|Their)\s+(?:[a-z-]+\s+){{0,2}}?"
            rf"{_KIN}\s+({_CHAR})\s+is\s+(?:played\s+by\s+)?({FULL_NAME})"
            r"(?=\s*[,.;(]|\s+(?:who|with|and)\b)"
        ),
        "cast.is_kin": re.compile(
            rf"\b({FULL_NAME})\s+is\s+(?:his|her|their)\s+(?:[a-z][\w-]*,?\s+){{0,3}}?"
            rf"{_KIN}\s+({_CHAR})(?=\s*[,.;]|\s+(?:and|who)\b)"
        ),
        "cast.as_aside": re.compile(
            rf"\b({FULL_NAME}),\s+as\s+(?:his|her|their|the|that|this|a|an)\s+"
            rf"((?:[a-z][\w-]*,?\s+){{1,5}}?)({_CHAR}),\s+(?:is|was|gives|makes|"
            r"steals|brings|has|becomes|proves|remains|turns)\b"
        ),
        "are_anchor": re.compile(r"\sare\s+(?:the|his|her|their)\s"),
        "cast.parallel_are": re.compile(
            rf"({NAME_LIST})\s+are\s+(?:the|his|her|their)\s+(?:[a-z][\w-]*\s+){{0,3}}?"
            rf"[a-z][\w-]*,\s+({NAME_WORD}(?:\s*,\s*{NAME_WORD})*\s+and\s+{NAME_WORD})"
        ),
        "cast.prize_for_part": re.compile(
            r"\b(?:prizes?|awards?|Award|Cup|Bear|Lion)\s+(?:for\s+[^,.;]{1,40}?\s+)?"
            rf"(?:went|go|goes)\s+to\s+({FULL_NAME}),?\s+for\s+(?:his|her|their)\s+"
            rf"(?:[\w-]+\s+){{0,4}}?({NAME_WORD})\s+in\s+(?:{FULL_NAME}'s?\s+)?"
            rf"\"?({TITLE_RUN})"
        ),
        "cast.both_voiced": re.compile(
            rf"\b({NAME_WORD})\s+and\s+({NAME_WORD})\s+are\s+(?:both\s+)?"
            rf"(?:played|voiced|portrayed)\s+by\s+({FULL_NAME})"
        ),
        "cast.lend_support": re.compile(
            rf"({NAME_LIST})\s+(?:lend|lends|provide|provides|offer|offers)\s+"
            r"(?:(?:strong|solid|able|fine|good|great|excellent|welcome)\s+)?support\b"
        ),
        "cast.part_of": re.compile(
            rf"\b({FULL_NAME})\s+(?:has|gets|takes|is given|plays)\s+the\s+"
            rf"(?:[a-z-]+\s+){{0,2}}?(?:part|role)\s+of\s+({_CHAR})(?=\s*[,.;]|\s+[a-z])"
        ),
        # after a title
        "title_comma_owner": re.compile(
            rf"\"?,\s+({FULL_NAME})'s?\s+(?:[\w-]+,?\s+){{0,5}}?{_WORK}\b"
        ),
        "title_is_owner": re.compile(
            rf"\"?(?:,[^,.;()\n]{{1,50}},)?\s+(?:is|was)\s+({FULL_NAME})'s?\s+"
            rf"(?:[a-z][\w-]*\s+){{0,3}}?{_WORK}\b"
        ),
        "title_work_by": re.compile(
            r"\"?,\s+(?:the|a|an|his|her|their)\s+(?:[a-z][\w-]*\s+){0,3}?"
            r"(?:feature|film|debut|documentary|movie)\s+(?:by|from)\s+(?:the\s+)?"
            rf"(?:[\w-]+\s+){{0,2}}?({FULL_NAME})"
        ),
        "title_won_owner": re.compile(
            rf"\"?\s+won\s+({FULL_NAME})\s+(?:his|her|their)\s+(?:[a-z]+\s+)?"
            r"(?:Palme d'Or|Golden Lion|Golden Bear|Silver Lion for Best Director|"
            r"award for best director)"
        ),
        "title_which_made": re.compile(
            rf"\"?,\s+which\s+({FULL_NAME})\s+(?:made|directed|shot|filmed|adapted|"
            r"moved|transposed|co-directed|wrote and directed)\b"
        ),
        "prize_to_before": re.compile(
            r"(?:Palme d'Or|Golden Lion|Golden Bear|Grand Prix|Silver Lion for Best "
            r"Director|best director prize|award for best director)\s+"
            rf"(?:[a-z]+\s+){{0,3}}?to\s+({FULL_NAME})\s+for\s+\"?$"
        ),
        "back_with_before": re.compile(
            rf"(?:^|(?<=[.!?]\s)|(?<=\n))({FULL_NAME})(?:,[^.;\n]{{1,90}},)?\s+"
            r"(?:came back|comes back|returned|returns|is back|was back)\s+"
            r"(?:[^.;,\n]{0,40}?\s)?with\s+\"?$"
        ),
        "owner_before": re.compile(
            rf"({FULL_NAME})'s?\s+(?:(?!and\b|or\b)[a-z][\w-]*,?\s+){{0,3}}\"?$"
        ),
    }


def _char(name: str) -> str | None:
    """The part's name, unless a stop word ("The", "His")."""
    name = name.strip()
    return None if name.split()[0].casefold() in STOPWORDS else name


def _cast(m: re.Match[str], actor: int, rule: str, char: str | None) -> PersonFact:
    name = trim_name(m.group(actor))
    start = m.start(actor) + m.group(actor).find(name)
    return PersonFact("cast", name, start, start + len(name), rule, 0.8, char)


def find_aside_people(text: str) -> list[PersonFact]:
    """Cast facts of the aside phrasings in the module docstring."""
    rules = _rules()
    out: list[PersonFact] = []
    for m in rules["cast.kin_is"].finditer(text):
        char = _char(m.group(1))
        if char and len(trim_name(m.group(2)).split()) >= 2:
            out.append(_cast(m, 2, "cast.kin_is", char))
    for m in rules["cast.is_kin"].finditer(text):
        window = text[max(0, m.start() - 200) : m.end() + 100]
        char = _char(m.group(2))
        if char and CAST_CUE.search(window) and len(trim_name(m.group(1)).split()) >= 2:
            out.append(_cast(m, 1, "cast.is_kin", char))  # "X is his father Burt"
    for m in rules["cast.as_aside"].finditer(text):
        char = _char(m.group(3))
        if char and not _COMMENT.search(m.group(2)):
            out.append(_cast(m, 1, "cast.as_aside", char))
    seen: set[int] = set()
    for anchor in rules["are_anchor"].finditer(text):
        lo = max(0, anchor.start() - 200)  # the name list is slow on long texts
        for m in rules["cast.parallel_are"].finditer(text[lo : anchor.end() + 120]):
            if lo + m.start(1) not in seen:
                seen.add(lo + m.start(1))
                out.extend(_parallel_facts(m, lo))
    for m in rules["cast.lend_support"].finditer(text):
        for name in re.finditer(FULL_NAME, m.group(1)):
            clean = trim_name(name.group(0))
            if len(clean.split()) >= 2:
                at = m.start(1) + name.start() + name.group(0).find(clean)
                out.append(PersonFact("cast", clean, at, at + len(clean),
                                      "cast.lend_support", 0.8))  # fmt: skip
    for m in rules["cast.part_of"].finditer(text):
        char = _char(m.group(2))
        if char:
            out.append(_cast(m, 1, "cast.part_of", char))
    for m in rules["cast.prize_for_part"].finditer(text):
        char = _char(m.group(2))
        if char and len(trim_name(m.group(1)).split()) >= 2:
            fact = _cast(m, 1, "cast.prize_for_part", char)
            out.append(replace(fact, title_hint=m.group(3)))
    for m in rules["cast.both_voiced"].finditer(text):
        for group in (1, 2):
            char = _char(m.group(group))
            if char:
                out.append(_cast(m, 3, "cast.both_voiced", char))
    return out


def find_title_people(text: str, titles: list[str]) -> list[PersonFact]:
    """Director facts tied to a title the review names (see the module docstring).

    Args:
        text: the normalised review text.
        titles: the titles of the review's films.
    """
    rules = _rules()
    out: list[PersonFact] = []
    after = (
        "title_is_owner",
        "title_work_by",
        "title_won_owner",
        "title_which_made",
        "title_comma_owner",
    )
    for title in {t for t in titles if len(t) > 2}:
        for at in find_all(title, text):
            end = at + len(title)
            if at and text[at - 1].isalnum() or text[end : end + 1].isalnum():
                continue  # inside a longer word
            owner = rules["owner_before"].search(text, max(0, at - 80), at)
            if owner and not is_source_author(text, owner.start()):
                _director(out, owner, "director.possessive_title", title)
            for key in ("prize_to_before", "back_with_before"):
                m = rules[key].search(text, max(0, at - 200), at)
                if m:
                    _director(out, m, f"director.{key}", title)
            for key in after:
                m = rules[key].match(text, end)
                if m:
                    _director(out, m, f"director.{key}", title)
    return out


def _director(out: list[PersonFact], m: re.Match[str], rule: str, title: str) -> None:
    """Add the director group 1 of ``m`` names (a full name only)."""
    name = trim_name(m.group(1))
    words = name.split()
    while len(words) > 2 and re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+", words[0]):
        words.pop(0)  # "Korean-Canadian Celine Song"
    name = " ".join(words)
    if len(words) >= 2:
        start = m.start(1) + m.group(1).find(name)
        out.append(PersonFact("director", name, start, start + len(name), rule, 0.8,
                              title_hint=title))  # fmt: skip
