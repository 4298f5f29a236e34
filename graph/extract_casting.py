"""Extract stage, people in real-world layouts: credit blocks, lists and asides.

Contract: :func:`find_casting` returns :class:`~graph.extract_people.PersonFact`
records for phrasings that trade reviews, round-ups and blogs use and the core rules
leave out:

- credit blocks: "Director: X", "Réalisation : X", "Cast: A, B (Character), C",
  "With: A, B", "Avec : A, B" (writer, producer, music and camera lines are skipped);
- "X, as an older lawyer, gets the best jokes", "X as the judge is superb": a cast
  member with a described, unnamed role;
- "... his awful family: A, B, C and D": three or more full names after a colon in a
  sentence that is not about a jury or crew;
- "A and B are lovely in small parts";
- "the first feature of Kogonada, who ...": a director, even with a single name;
- "Josh and Benny Safdie make films that ...": sibling directors.

:func:`drop_comparisons` removes cast facts that belong to another film named right
after them ("as he did with Natalie Portman (Jackie Kennedy) in Jackie").
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_gazetteer import REGIONS
from graph.extract_people import PersonFact, trim_name
from graph.extract_roles import ROLE_NOUN
from graph.extract_text import (
    ANY_NAME,
    FULL_NAME,
    NAME_LIST,
    NAME_WORD,
    STOPWORDS,
    fold,
)

_CREW_SENTENCE = re.compile(
    r"\b(?:jury|juries|panel|critics?|directors|filmmakers|guests|winners|producers|"
    r"programmers|writers|jurés|réalisateurs|cinéastes)\b",
    re.I,
)
#: A French character: "Aramis", "Anne d'Autriche", "Milady de Winter".
_CHAR_FR = rf"{NAME_WORD}(?:\s+(?:de\s+|du\s+|d')?{NAME_WORD}){{0,2}}"
#: French demonyms and nouns are capitalised: "un Français", "une Parisienne".
_DEMONYM = re.compile(r"(?:ais|aise|ois|oise|ain|aine|ien|ienne|éen|éenne)s?$")
_FR_OPENERS = frozenset(
    "Reste Restent Voici Voilà Enfin Surtout Ensuite Puis Seul Seule Quant".split()
)
_NOT_A_ROLE = (
    r"(?:director|filmmaker|film-maker|producer|writer|screenwriter|critic|child|kid|"
    r"teenager|boy|girl|student|young|whole|result|matter|way|rule|guest|host|"
    r"jury|member|favour|favor|reminder|warning|bonus|consequence)"
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    """Compiled patterns (compiled on first use, never at import)."""
    line = r"(?:^|(?<=\n)|(?<=[.|•;:]\s))[ \t]*"
    return {
        "credit.director": re.compile(
            rf"{line}(?:(?:[Ww]riter[-/])?[Dd]irect(?:or|ors|ed by)"
            r"(?:(?:[-/]|,[ \t]*|[ \t]+(?:and|&)[ \t]+)(?:[Ss]creen)?[Ww]riter)?|"
            r"[Rr]éalisation|[Rr]éalisateur|"
            r"[Rr]éalisatrice|[Rr]éalisé par|[Dd]ir\.?)[ \t]*:[ \t]*"
            rf"({FULL_NAME}(?:[ \t]*(?:,|&|and|et)[ \t]*{FULL_NAME})*)",
            re.M,
        ),
        "credit.cast": re.compile(
            rf"{line}(?:[Cc]ast|[Ss]tarring|[Ww]ith|[Aa]vec|[Ii]nterprètes|"
            r"[Ii]nterprétation|[Dd]istribution)[ \t]*:[ \t]*([^\n]{3,400})",
            re.M,
        ),
        "cast.as_described": re.compile(
            rf"(?<![Ss]uch )(?<![Ll]ike )\b({FULL_NAME}),?\s+as\s+"
            rf"(?:an?|the|his|her|their)\s+(?!{_NOT_A_ROLE}\b)"
            r"(?:[a-z][\w-]*,?\s+){0,3}?[a-z][\w-]*"
            r"(?=,\s+[a-z]+s\b|\s+(?:is|was|gets|steals|makes|brings|has)\b|"
            r",\s+in\s+(?:the|a|an|her|his)\s+[^.;]{0,40}?(?:performance|role|turn)\b|"
            rf"\s+and\s+{FULL_NAME}\s+as\b)"
        ),
        "cast.colon_list": re.compile(
            rf":\s+({FULL_NAME}(?:\s*,\s*{FULL_NAME}){{1,}}\s*,?\s+(?:and|&)\s+"
            rf"{FULL_NAME})"
        ),
        "cast.small_parts": re.compile(
            rf"({NAME_LIST})\s+(?:are|is|were|was)\s+(?:[a-z]+\s+){{0,3}}?in\s+"
            r"(?:a\s+|the\s+|their\s+|his\s+|her\s+)?(?:small|supporting|minor|brief|"
            r"smaller|tiny|bit|key|secondary)\s+(?:parts?|roles?)\b"
        ),
        "director.feature_of": re.compile(
            r"\b(?:first|second|third|fourth|fifth|sixth|new|latest|debut)\s+"
            r"(?:feature|film|movie|documentary)\s+of\s+(?:the\s+)?"
            rf"(?:(?:director|filmmaker|film-maker)\s+)?({ANY_NAME})(?=\s*[,.;)])"
        ),
        "cast.character_is": re.compile(
            r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Young|Little|Old|Older|Adult|Teenage|"
            rf"Grown-up)\s+({NAME_WORD})\s+is\s+(?:played by\s+)?({FULL_NAME})"
            r"(?=\s*[,.;]|\s+(?:and|who)\b)",
            re.M,
        ),
        "cast.is_aged": re.compile(
            rf"({FULL_NAME})\s+(?:is|plays)\s+(?:the\s+)?(?:young|younger|little|old|"
            rf"older|adult|teenage|grown-up)\s+({NAME_WORD})(?=\s*[,.;])"
        ),
        "cast.played_at": re.compile(
            rf"({NAME_WORD})\s+is\s+played\s+(?:[a-z]+\s+){{1,4}}?by\s+({NAME_LIST})"
        ),
        "cast.aside_plays": re.compile(
            rf"({FULL_NAME})\s+\([^()\n]{{1,60}}\)\s+(?:plays|is)\s+({NAME_WORD}"
            rf"(?: {NAME_WORD})?)(?=\s*[,.;]|\s+(?:a|an|the|who)\b)"
        ),
        "cast.is_the_noun": re.compile(
            rf"({FULL_NAME})\s+(?:is|plays)\s+(?:the|his|her|their)\s+"
            rf"(?:[a-z-]+\s+){{0,2}}?[a-z-]+,\s+({NAME_WORD})(?=\s*[,.;])"
        ),
        # "Her sister, Alba Rohrwacher, plays the grown-up Antonia"
        "cast.comma_plays": re.compile(
            rf"(?<=,\s)({FULL_NAME}),\s+(?:plays|portrays|joue|incarne)\s+"
            r"(?:the\s+|la\s+|le\s+)?(?:(?:young|younger|old|older|grown-up|adult|"
            rf"teenage)\s+)?({NAME_WORD}(?: {NAME_WORD})?)(?=\s*[,.;]|\s+[a-z])"
        ),
        "cast.turn_up_as": re.compile(
            rf"(?:^|(?<=[.,;:]\s)|(?<=\band\s))((?:{FULL_NAME}\s+(?:and|&)\s+)?{FULL_NAME})"
            r"(?:,\s+[a-z][^,.;]{1,40},|\s+-\s[^\n]{1,60}?\s-)?\s+(?:turn up|turns up|"
            r"show up|shows up|pop up|pops up|appear|appears|co-star|co-stars)\s+"
            r"(?:(?:[a-z]+\s+){0,4}?|for\s+[^.;!?()]{1,60}?,\s+)as\b"
        ),
        "cast.won_for_as": re.compile(
            rf"({FULL_NAME})\s+(?:won|wins|took|takes)\s+[^.;]{{1,60}}?\bfor\s+"
            r"(?:her|his|their)\s+(?:[a-z-]+\s+){0,2}(?:turn|performance|role|"
            rf"portrayal)\s+as\s+({NAME_WORD}(?: {NAME_WORD}){{0,2}})"
        ),
        "cast.plays_the_noun": re.compile(
            rf"({FULL_NAME})\s+plays\s+(?:the|a|an|his|her)\s+"
            r"(?:(?!(?:of|de|in|at|from|with|for|to)\b)[a-z-]+\s+){1,2}"
            rf"({NAME_WORD}(?: {NAME_WORD}){{0,2}})(?=\s*[,.;]|\s+(?:and|who)\s)"
        ),
        # "... and Ellen Burstyn as an old woman."
        "cast.and_as_described": re.compile(
            rf"(?<=\band )({FULL_NAME})\s+as\s+(?:an?|the|his|her|their)\s+"
            rf"(?!{_NOT_A_ROLE}\b)(?:[a-z][\w-]*\s+){{0,3}}?[a-z][\w-]*(?=\s*[.;])"
        ),
        "cast.its_cast_list": re.compile(
            r"\b(?:[Ii]ts|[Tt]he film's|[Tt]heir)\s+(?:[\w-]+\s+)?(?:actors|actresses|"
            r"stars|leads|cast),\s+([^.;\n]{5,300})"
        ),
        "cast.its_actor": re.compile(
            r"\b(?:[Ii]ts|[Tt]he film's|[Tt]heir)\s+(?:lead\s+|young\s+|main\s+)?"
            rf"(?:actor|actress|star|lead),\s+({FULL_NAME})"
        ),
        "director.made_a_film": re.compile(
            rf"(?<!\bof )(?<!\bby )({FULL_NAME})(?:\s+\([^()\n]{{1,80}}\))?"
            r"(?:\s+is\s+\d+\s+and)?"
            r"(?:\s+and\s+(?:his|her|their)\s+"
            rf"[a-z-]+(?:,\s+{FULL_NAME},)?)?\s+(?:has\s+|have\s+)?(?:made|directed)\s+"
            r"(?:a|an|this|the|his|her)\s+(?:[\w-]+\s+){0,3}?(?:film|movie|documentary|"
            r"feature)\b"
        ),
        "cast.is_role_noun": re.compile(
            rf"({FULL_NAME})(?:,\s+who\s+[^,.;]{{1,60}},)?\s+is\s+(?:the|his|her|their|"
            rf"a|an)\s+(?:[a-z-]+\s+){{0,2}}(?:{ROLE_NOUN})\b(?=\s*[,.;])"
        ),
        "cast.in_the_skin": re.compile(
            rf"({NAME_WORD}),\s+in the skin of\s+(?:whom|which)\s+(?:we|one)\s+"
            rf"(?:find|finds|discover|discovers|see|sees)\s+({FULL_NAME})"
        ),
        "director.the_new": re.compile(
            rf"\b[Tt]he\s+(?:new|latest)\s+({FULL_NAME})(?=\s*[(,.;!?]|\s+(?:film|"
            r"movie|joint|picture)\b)"
        ),
        "director.by_siblings": re.compile(
            r"\b(?:feature|film|movie|documentary|debut)\s+(?:by|from|of)\s+(?:the\s+)?"
            rf"({NAME_WORD})\s+(?:and|&)\s+({FULL_NAME})"
        ),
        # "Romain Duris compose un Aramis ambigu, et Pio Marmaï un Porthos gourmand"
        "cast.fr_un": re.compile(
            rf"({FULL_NAME})\s+(?:(?:compose|campe|livre|offre|signe|prête ses traits "
            rf"à)\s+)?(?:un|une)\s+({_CHAR_FR})"
        ),
        "cast.fr_fait_de": re.compile(
            rf"({FULL_NAME})\s+fait\s+(?:de\s+|d')({_CHAR_FR})\s+(?:un|une)\b"
        ),
        "cast.fr_en": re.compile(
            rf"({FULL_NAME})\s+en\s+({NAME_WORD}(?:\s+(?:de\s+|du\s+|d')?{NAME_WORD})"
            r"{1,2})(?=\s*[,;.]|\s+(?:qui|dont|et)\b)"
        ),
        "director.siblings": re.compile(
            r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:The\s+)?"
            rf"({NAME_WORD})\s+(?:and|&)\s+({FULL_NAME})\s+(?:make|made|direct|directed|"
            r"return|have made|co-direct|co-directed|film|shoot|adapt|adapted)\b",
            re.M,
        ),
    }


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    return frozenset(fold(r) for r in REGIONS)


def _credit_names(chunk: str, start: int) -> list[tuple[str, int, str | None]]:
    """``(name, offset, character)`` for "A, B (Character) and C" in a credit line."""
    out = []
    for m in re.finditer(
        rf"({FULL_NAME})(?:\s*\(([^()\n]{{1,60}})\))?\s*(?:,|;|&|\band\b|\bet\b|\.?\s*$)",
        chunk,
    ):
        name = trim_name(m.group(1))
        char = m.group(2)
        if char and not re.fullmatch(ANY_NAME, char.strip()):
            char = None
        if len(name.split()) >= 2:
            out.append((name, start + m.start(1), char.strip() if char else None))
    return out


def _credits(text: str) -> list[PersonFact]:
    rules = _rules()
    out: list[PersonFact] = []
    for m in rules["credit.director"].finditer(text):
        for name, at, _char in _credit_names(m.group(1), m.start(1)):
            out.append(PersonFact("director", name, at, at + len(name),
                                  "director.credit", 0.9))  # fmt: skip
    for m in rules["credit.cast"].finditer(text):
        chunk = re.split(r"\s[|•]\s|\.\s+[A-Z][\w ]{1,30}:", m.group(1))[0]
        for name, at, char in _credit_names(chunk, m.start(1)):
            out.append(PersonFact("cast", name, at, at + len(name), "cast.credit",
                                  0.9, char))  # fmt: skip
    return out


def _list_names(chunk: str, start: int) -> list[tuple[str, int]]:
    out = []
    for m in re.finditer(FULL_NAME, chunk):
        name = trim_name(m.group(0))
        if len(name.split()) >= 2:
            out.append((name, start + m.start() + m.group(0).find(name)))
    return out


def find_casting(text: str) -> list[PersonFact]:
    """Cast and director facts from the layouts of the module docstring.

    Args:
        text: the normalised review text.
    """
    rules = _rules()
    out = _credits(text)
    for m in rules["cast.as_described"].finditer(text):
        name = trim_name(m.group(1))
        if len(name.split()) >= 2:
            out.append(PersonFact("cast", name, m.start(1), m.start(1) + len(name),
                                  "cast.as_described", 0.6))  # fmt: skip
    for m in rules["cast.colon_list"].finditer(text):
        opening = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
        if _CREW_SENTENCE.search(text[opening + 1 : m.start()]):
            continue
        for name, at in _list_names(m.group(1), m.start(1)):
            out.append(PersonFact("cast", name, at, at + len(name),
                                  "cast.colon_list", 0.6))  # fmt: skip
    for m in rules["cast.small_parts"].finditer(text):
        for name, at in _list_names(m.group(1), m.start(1)):
            out.append(PersonFact("cast", name, at, at + len(name),
                                  "cast.small_parts", 0.8))  # fmt: skip
    for m in rules["director.feature_of"].finditer(text):
        name = trim_name(m.group(1))
        if name and name.casefold() not in STOPWORDS:
            out.append(PersonFact("director", name, m.start(1),
                                  m.start(1) + len(name), "director.feature_of",
                                  0.8))  # fmt: skip
    for key in (
        "cast.character_is",
        "cast.is_aged",
        "cast.aside_plays",
        "cast.is_the_noun",
        "cast.in_the_skin",
        "cast.comma_plays",
        "cast.won_for_as",
        "cast.plays_the_noun",
    ):
        actor_group = 2 if key in {"cast.character_is", "cast.in_the_skin"} else 1
        for m in rules[key].finditer(text):
            actor = trim_name(m.group(actor_group))
            char = trim_name(m.group(3 - actor_group))
            if (
                len(actor.split()) >= 2
                and char
                and char.casefold() not in STOPWORDS
                and fold(char) not in _regions()
                and not text.startswith("'s", m.end())
            ):
                at = m.start(actor_group)
                out.append(PersonFact("cast", actor, at, at + len(actor), key, 0.8,
                                      char))  # fmt: skip
    for key in ("cast.fr_un", "cast.fr_fait_de", "cast.fr_en"):
        for m in rules[key].finditer(text):
            actor, char = trim_name(m.group(1)), m.group(2)
            if actor.split()[0] in _FR_OPENERS:  # "Reste Eva Green en Milady"
                actor = actor.split(" ", 1)[1]
            first = char.split()[0]
            if (
                len(actor.split()) < 2
                or first.casefold() in STOPWORDS
                or _DEMONYM.search(first)
                or fold(char) in _regions()
            ):
                continue
            out.append(PersonFact("cast", actor, m.start(1), m.start(1) + len(actor),
                                  key, 0.75, char))  # fmt: skip
    out += _full_names(
        rules["cast.is_role_noun"], text, "cast", "cast.is_role_noun", 0.7
    )
    out += _full_names(
        rules["cast.and_as_described"], text, "cast", "cast.as_described", 0.6
    )
    for m in rules["cast.its_cast_list"].finditer(text):
        # "Its four actresses, A, who plays both X and Y, B, C and D, shared ..."
        chunk = re.sub(r",\s+who\s+[^,]*", ",", m.group(1))
        chunk = re.split(r"\s(?!and\b)[a-z][\w-]*\b", chunk)[0]
        for name, _at in _list_names(chunk, 0):
            at = text.find(name, m.start(1))
            out.append(PersonFact("cast", name, at, at + len(name),
                                  "cast.its_cast_list", 0.75))  # fmt: skip
    out += _full_names(rules["cast.its_actor"], text, "cast", "cast.its_actor", 0.8)
    out += _full_names(
        rules["director.made_a_film"], text, "director", "director.made_a_film", 0.7
    )
    for m in rules["cast.turn_up_as"].finditer(text):
        found = _list_names(m.group(1), m.start(1))
        part = re.match(rf"\s+({NAME_WORD}(?: {NAME_WORD})?)(?=\s*[,.;]|\s+who\b)",
                        text[m.end() :])  # fmt: skip
        for name, at in found:
            role = part.group(1) if part and len(found) == 1 else None
            out.append(PersonFact("cast", name, at, at + len(name), "cast.turn_up_as",
                                  0.75, role))  # fmt: skip
    for m in rules["cast.played_at"].finditer(text):
        char = m.group(1)
        if char.casefold() in STOPWORDS:
            continue
        for name, at in _list_names(m.group(2), m.start(2)):
            out.append(PersonFact("cast", name, at, at + len(name), "cast.played_at",
                                  0.85, char))  # fmt: skip
    for m in rules["director.the_new"].finditer(text):
        name = trim_name(m.group(1))
        if len(name.split()) >= 2:
            end = m.start(1) + len(name)
            out.append(PersonFact("director", name, m.start(1), end,
                                  "director.the_new", 0.7))  # fmt: skip
    for key in ("director.siblings", "director.by_siblings"):
        out += _siblings(rules[key], text, key)
    return out


def _siblings(rule: re.Pattern[str], text: str, key: str) -> list[PersonFact]:
    """ "Josh and Benny Safdie": two directors who share the surname."""
    out = []
    for m in rule.finditer(text):
        second = trim_name(m.group(2))
        if len(second.split()) != 2 or m.group(1).casefold() in STOPWORDS:
            continue
        first = f"{m.group(1)} {second.split()[-1]}"
        for name, at in ((first, m.start(1)), (second, m.start(2))):
            out.append(PersonFact("director", name, at, at + len(name), key,
                                  0.8))  # fmt: skip
    return out


_COMPARISON = re.compile(
    rf"\b(?:with|like|unlike|than|as in)\s+({FULL_NAME}(?:\s*\([^()\n]{{1,60}}\))?)"
    rf"\s+in\s+\"?({NAME_WORD}(?:\s+{NAME_WORD}){{0,5}})"
)


def drop_comparisons(
    text: str,
    facts: list[PersonFact],
    *,
    subject_titles: list[str],
    places: frozenset[str] = frozenset(),
) -> list[PersonFact]:
    """Cast facts without those of another film: "who did the same with Natalie
    Portman (Jackie Kennedy) in Jackie" is the cast of Jackie, not of this film.

    Args:
        text: the normalised review text.
        facts: the raw person facts.
        subject_titles: titles of the films the review is about (never "another").
        places: folded place names ("with X in Paris" is no other film).
    """
    subjects = {t.casefold() for t in subject_titles} | places
    spans = [
        (m.start(1), m.end(1))
        for m in _COMPARISON.finditer(text)
        if m.group(2).casefold() not in subjects
    ]
    return [
        f
        for f in facts
        if f.role != "cast" or not any(a <= f.start < b for a, b in spans)
    ]


_CREW_LINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.|•;:]\s))[ \t]*(?:[Mm]usic|[Ss]core|[Cc]omposer|"
    r"[Cc]inematography|[Dd]irector of [Pp]hotography|DoP|DP|[Ee]ditor|[Ee]diting|"
    r"[Cc]amera|[Pp]roduction [Dd]esign|[Mm]usique|[Pp]hotographie|"
    rf"[Mm]ontage)[ \t]*:[ \t]*({FULL_NAME}(?:[ \t]*(?:,|&|and|et)[ \t]*{FULL_NAME})*)",
    re.M,
)
_CREW_WORD = re.compile(
    r"\b(?:composer|cinematographer|editor|novelist|compositeur|"
    rf"compositrice|scénariste|directeur de la photographie)\s+({FULL_NAME})"
)


def drop_crew(text: str, people: list[PersonFact]) -> list[PersonFact]:
    """Person facts without the crew of credit lines and crew titles ("Music: X",
    "composer X"), unless a strong rule (confidence 0.8 or more) names them. Writers
    and producers stay: many of them direct too.

    Args:
        text: the normalised review text.
        people: the resolved person facts (full names).
    """
    crew = {
        trim_name(name).casefold()
        for m in _CREW_LINE.finditer(text)
        for name in re.split(r"\s*(?:,|&|\band\b|\bet\b)\s*", m.group(1))
    }
    crew |= {trim_name(m.group(1)).casefold() for m in _CREW_WORD.finditer(text)}
    return [p for p in people if p.confidence >= 0.8 or p.name.casefold() not in crew]


def _full_names(
    rule: re.Pattern[str], text: str, kind: str, name: str, confidence: float
) -> list[PersonFact]:
    """A ``kind`` fact for every match of ``rule`` whose group 1, trimmed, is a full
    name (two words at least)."""
    out: list[PersonFact] = []
    for m in rule.finditer(text):
        person = trim_name(m.group(1))
        if len(person.split()) >= 2:
            out.append(PersonFact(kind, person, m.start(1), m.start(1) + len(person),
                                  name, confidence))  # fmt: skip
    return out
