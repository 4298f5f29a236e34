"""Extract stage, roles in prose: characters and directors, said indirectly.

Contract: :func:`find_role_pairs` returns :class:`~graph.extract_people.PersonFact`
records (cast with the character, or director) for phrasings the core rules leave out:

- a relation before the character: "Felicity Jones plays his wife Erzsébet",
  "Leslie Uggams is their mother, Agnes", "X is very funny as Monk's brother Cliff";
- an appositive between character and actor: "Rudolf Höss, the commandant of the
  camp, played by Christian Friedel", "Ingrid, a novelist played by Julianne Moore";
- "Actor is Character, a/who ..." and French "Actrice est Personnage, qui ...";
- an actor-director: "Bradley Cooper has directed himself as Leonard Bernstein";
- French "Actrice est Personnage," (French adjectives of nationality are lower-case);
- directors: "X was behind the camera", "X directed it", "the first feature by X",
  French "X a réalisé|signé|filmé ...";
- "X, who plays both A and B"; "directing X, his Y, as Z"; a role noun without
  a name ("Aurélia Petit, en avocate de la défense", "X is superb as the judge");
- :func:`possessive_characters`: "Ruth Berg's Ada is ..." for a named cast member;
- "Duncan Wedderburn, a hilarious Mark Ruffalo,": praise before the actor;
- a surname that plays someone: "Stan plays Edward" (kept only when the surname
  resolves to a full name named elsewhere in the review).
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_names import SOURCE_BEFORE
from graph.extract_people import PersonFact, trim_name
from graph.extract_people_asides import find_title_people
from graph.extract_text import FULL_NAME, NAME_WORD, STOPWORDS, find_all

_RELATION = (
    r"(?:wife|husband|mother|father|sister|brother|daughter|son|friend|lover|partner|"
    r"girlfriend|boyfriend|neighbou?r|colleague|boss|mentor|rival|aunt|uncle|cousin|"
    r"grandmother|grandfather|fiancée?|lawyer|assistant|mistress|widow|widower|"
    r"femme|mari|mère|père|sœur|frère|fille|fils|amie?|avocate?)"
)
#: Role nouns: "the judge", "en avocate", "her grandmother".
ROLE_NOUN = (
    r"(?:avocate?|juge|présidente?|commissaire|policière?|médecin|professeure?|"
    r"infirmière?|mère|père|lawyer|attorney|judge|president|detective|doctor|nurse|"
    r"teacher|priest|prêtre|journaliste?|journalist|mother|father|prosecutor|"
    r"procureure?|inspect(?:or|eur|rice)|grandmother|grandfather|grand-mère|"
    r"grand-père|wife|husband|daughter|son|sister|brother|aunt|uncle|gendarme|"
    r"policeman|policewoman|cop|soldier|soldat|villain|narrator|therapist|pastor|"
    r"magistrate|mayor|sheriff|chef|butler|"
    r"maid|housekeeper|nanny|boss|neighbour|neighbor|landlord|landlady|dad|mom|mum|"
    r"boyfriend|girlfriend|widow|widower|husband|stepfather|stepmother)"
)
_PRAISE = (
    r"(?:hilarious|terrific|superb|wonderful|great|excellent|brilliant|magnificent|"
    r"touching|moving|remarkable|luminous|scene-stealing|never-better|formidable|"
    r"delightful|chilling|heartbreaking|very funny|funny|fine)"
)
_CHAR = rf"({NAME_WORD}(?: {NAME_WORD}){{0,2}})"
_OWNER = r"(?:his|her|their|its|the|sa|son|ses|leur|[A-Z][\w-]*'s)"


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    return {
        "cast.relation": re.compile(
            rf"({FULL_NAME})(?:,\s+[a-z][^,.;]{{1,60}},)?\s+(?:[a-z]+\s+){{0,3}}?"
            r"(?:plays|played|is|as|est|joue|"
            r"incarne|interprète|portrays)\s+"
            rf"{_OWNER}\s+(?:[a-z-]+\s+){{0,2}}?{_RELATION}s?,?\s+{_CHAR}"
        ),
        "cast.is_described": re.compile(
            r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=, and )|(?<=; ))"
            rf"({FULL_NAME})\s+(?:is|est)\s+{_CHAR}(?=,\s+(?:a|an|the|who|and he|"
            r"and she|le|la|l'|un|une|qui|his|her|their|son|sa|[A-Z]\w+'s)\b)",
            re.M,
        ),
        "cast.est": re.compile(
            rf"({FULL_NAME})\s+est\s+((?:d'|l')?{NAME_WORD}(?: {NAME_WORD}){{0,2}})"
            r"(?=\s*[,;.])"
        ),
        "director.behind_camera": re.compile(
            rf"({FULL_NAME})\s+(?:était|est|is|was|stands|stood)\s+(?:\w+\s+)?"
            r"(?:derrière la caméra|behind the camera)"
        ),
        "director.has_made": re.compile(
            r"\b(?:film|movie|feature|thing)\s+(?:that\s+)?"
            rf"({FULL_NAME})\s+(?:has|had)\s+(?:ever\s+)?(?:made|directed)\b"
        ),
        "director.did_it": re.compile(
            rf"({FULL_NAME})\s+(?:(?:wrote and|co-wrote and)\s+)?(?:directed|directs|"
            r"helmed|made|shot)\s+(?:it|this one|this|the film|the movie)\b"
        ),
        "director.nth_feature": re.compile(
            r"\b(?:first|second|third|fourth|fifth|sixth|new|latest|debut)\s+"
            r"(?:long\s+|full-length\s+)?(?:feature|film|movie|documentary)\s+"
            r"(?:by|from|of)\s+(?:the\s+)?"
            rf"(?:[\w-]+\s+)?(?:(?:director|filmmaker|film-maker)\s+)?({FULL_NAME})"
        ),
        "director.fr_perfect": re.compile(
            rf"(?:^|(?<=[.!?]\s)|(?<=\n))({FULL_NAME})\s+a\s+(?:réalisé|signé|filmé|"
            r"tourné|adapté|imaginé|inventé|mis en scène)\b",
            re.M,
        ),
        "cast.plays_surname": re.compile(
            r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\bThis time )|(?<=\bThis time, )|"
            r"(?<=[.!?] Here )|(?<=[.!?] Now ))"
            rf"({NAME_WORD})\s+(?:plays|is cast as|"
            rf"stars as|joue|incarne)\s+{_CHAR}(?=[\s,.;])",
            re.M,
        ),
        "cast.directed_self": re.compile(
            rf"({FULL_NAME})\s+(?:has\s+|had\s+)?(?:directed|cast)\s+(?:himself|"
            rf"herself|themselves)\s+(?:in the role of\s+|as\s+){_CHAR}"
        ),
        "cast.plays_both": re.compile(
            rf"({FULL_NAME}),?\s+(?:who\s+)?(?:plays|joue)\s+(?:both|à la fois)\s+"
            rf"{_CHAR}\s+(?:and|et)\s+{_CHAR}"
        ),
        "cast.directing_as": re.compile(
            rf"\b(?:directing|directs|directed|dirige|dirigeant)\s+({FULL_NAME})"
            rf"(?:,\s+[^,.;]{{1,40}},)?\s+as\s+{_CHAR}"
        ),
        "cast.role_noun": re.compile(
            rf"({FULL_NAME})(?:,|\s+(?:est|is|was|était)\s+[a-zéèêà]+)?\s+(?:en|as the|"
            rf"as a|as an|as his|as her)\s+(?:(?!and\b|or\b)[a-z-]+\s+){{0,2}}?"
            rf"(?:{ROLE_NOUN})\b"
            rf"(?:\s+(?:nommée?|named|called|appelée?)\s+{_CHAR})?"
        ),
        "cast.adj_actor": re.compile(
            rf"({NAME_WORD}(?: {NAME_WORD}){{0,2}}),\s+(?:a|an)\s+(?:{_PRAISE})\s+"
            rf"({FULL_NAME})(?=\s*[,.;])"
        ),
        "played_by": re.compile(
            r"(?:played|portrayed|incarnated|voiced|jouée?|incarnée?)(?:\s+[a-z]+){0,4}?"
            rf"\s+(?:by|par)\s+"
            rf"(?:the\s+|actor\s+|actress\s+)?({FULL_NAME})"
        ),
    }


_APPOSITIVE = re.compile(
    rf"({NAME_WORD}(?: {NAME_WORD}){{0,2}}),\s+(?:the|a|an|his|her|their)\s+"
)


def _appositive_owner(text: str, at: int) -> tuple[str, int] | None:
    """The character that an appositive ending at ``at`` describes ("Ingrid, a
    successful novelist| played by")."""
    window_start = max(0, at - 110)
    window = text[window_start:at]
    best = None
    for m in _APPOSITIVE.finditer(window):
        rest = window[m.end() :]
        if re.search(r"[.;:()!?]|\b(?:who|which)\b", rest):
            continue
        best = m
    if best is None:
        return None
    name = trim_name(best.group(1))
    if not name or name.casefold() in STOPWORDS:
        return None
    return name, window_start + best.start(1)


_PLACE_CUE = re.compile(r"\b(?:of|in|at|from|to|into|near|de|du)\s+$")


def _ok_character(name: str) -> bool:
    return bool(name) and all(w.casefold() not in STOPWORDS for w in name.split())


def _actor_character(
    rule: re.Pattern[str], text: str, name: str, confidence: float
) -> list[PersonFact]:
    """Actor (group 1) and character (group 2) of every match of ``rule``."""
    facts = []
    for m in rule.finditer(text):
        actor, char = trim_name(m.group(1)), trim_name(m.group(2))
        if len(actor.split()) >= 2 and _ok_character(char):
            end = m.start(1) + len(actor)
            facts.append(
                PersonFact("cast", actor, m.start(1), end, name, confidence, char)
            )
    return facts


def find_role_pairs(text: str) -> list[PersonFact]:
    """Cast facts with characters from the indirect phrasings of the module docstring.

    Args:
        text: the normalised review text.
    """
    rules = _rules()
    out: list[PersonFact] = []
    for key, confidence in (
        ("cast.relation", 0.85),
        ("cast.is_described", 0.75),
        ("cast.est", 0.75),
    ):
        out += _actor_character(rules[key], text, key, confidence)
    for key in (
        "director.behind_camera",
        "director.fr_perfect",
        "director.did_it",
        "director.nth_feature",
        "director.has_made",
    ):
        for m in rules[key].finditer(text):
            name = trim_name(m.group(1))
            if len(name.split()) >= 2:
                out.append(PersonFact("director", name, m.start(1),
                                      m.start(1) + len(name), key, 0.8))  # fmt: skip
    for m in rules["cast.plays_both"].finditer(text):
        actor = trim_name(m.group(1))
        for g in (2, 3):
            char = trim_name(m.group(g))
            if len(actor.split()) >= 2 and _ok_character(char):
                out.append(PersonFact("cast", actor, m.start(1),
                                      m.start(1) + len(actor), "cast.plays_both", 0.85,
                                      char))  # fmt: skip
    out += _actor_character(rules["cast.directing_as"], text, "cast.directing_as", 0.85)
    for m in rules["cast.role_noun"].finditer(text):
        actor = trim_name(m.group(1))
        named = trim_name(m.group(2)) if m.group(2) else None
        if len(actor.split()) >= 2:
            out.append(PersonFact("cast", actor, m.start(1), m.start(1) + len(actor),
                                  "cast.role_noun", 0.75, named or None))  # fmt: skip
    for m in rules["cast.adj_actor"].finditer(text):
        actor, char = trim_name(m.group(2)), trim_name(m.group(1))
        if len(actor.split()) >= 2 and _ok_character(char):
            out.append(PersonFact("cast", actor, m.start(2), m.start(2) + len(actor),
                                  "cast.adj_actor", 0.7, char))  # fmt: skip
    for m in rules["cast.directed_self"].finditer(text):
        actor, char = trim_name(m.group(1)), trim_name(m.group(2))
        if len(actor.split()) >= 2 and _ok_character(char):
            end = m.start(1) + len(actor)
            out.append(PersonFact("cast", actor, m.start(1), end,
                                  "cast.directed_self", 0.9, char))  # fmt: skip
            out.append(PersonFact("director", actor, m.start(1), end,
                                  "director.directed_self", 0.95))  # fmt: skip
    for m in rules["cast.plays_surname"].finditer(text):
        actor, char = m.group(1), trim_name(m.group(2))
        if actor.casefold() not in STOPWORDS and _ok_character(char):
            out.append(PersonFact("cast", actor, m.start(1), m.end(1),
                                  "cast.plays_surname", 0.7, char))  # fmt: skip
    for m in rules["played_by"].finditer(text):
        pre = text[max(0, m.start() - 60) : m.start()]
        direct = re.search(rf"{NAME_WORD}\s*[,(]?\s*$", pre)
        if direct and not _PLACE_CUE.search(pre[: direct.start()]):
            continue  # "Felicia, played by X": the core rule reads it
        owner = _appositive_owner(text, m.start())
        actor = trim_name(m.group(1))
        if owner and len(actor.split()) >= 2 and _ok_character(owner[0]):
            rule = "cast.appositive_played_by"
            out.append(PersonFact("cast", actor, m.start(1), m.start(1) + len(actor),
                                  rule, 0.85, owner[0]))  # fmt: skip
    return out


_NATIONALITY = r"(?:[A-Z][a-z]+(?:an|ese|ish|ch|ic|i)\s+)"
_SIBLINGS = r"(?:sisters|brothers|siblings|twins|duo|couple|sœurs|frères)\s+"


_WRITTEN = r"[^,.;]{0,30}\b(?:screenplay|script|novel|book|story|play|memoir)s?\b"


@lru_cache(maxsize=1)
def _after_title_rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What follows a title that names its director: ", by the sisters Delphine and
    Muriel Coulin", ", the anthology that Yorgos Lanthimos made"."""
    source = rf"(?:,\s+from\s+(?!{_WRITTEN})[^,.;]{{1,40}})?"  # not "from a novel"
    head = rf"\"?{source},?\s+"
    by = re.compile(
        rf"{head}(?:by|de)\s+(?:(?:the|les)\s+(?:{_SIBLINGS})?{_NATIONALITY}?"
        rf"(?:{_SIBLINGS})?)?(?:({FULL_NAME}|{NAME_WORD})\s+(?:and|et|&)\s+)?"
        rf"({FULL_NAME})"
    )
    made = re.compile(
        rf"{head}(?:the|a|an)\s+[^.;()]{{0,60}}?\b(?:that|which)\s+({FULL_NAME})"
        r"\s+(?:made|directed|shot|filmed|wrote and directed)\b"
    )
    return by, made


def _title_by(m: re.Match[str], title: str) -> list[PersonFact]:
    """The directors of one "Title, by X (and Y)" match."""
    second = trim_name(m.group(2))
    if len(second.split()) < 2:
        return []
    names = [(second, m.start(2))]
    first = trim_name(m.group(1) or "")
    if len(first.split()) >= 2:  # "the Austrian duo Veronika Franz and ..."
        names.append((first, m.start(1)))
    elif first:  # "Delphine and Muriel Coulin": siblings share the surname
        names.append((f"{first} {second.split()[-1]}", m.start(1)))
    return [
        PersonFact("director", name, at, at + len(name), "director.title_by", 0.85,
                   title_hint=title)
        for name, at in names
    ]  # fmt: skip


def find_title_directors(text: str, titles: list[str]) -> list[PersonFact]:
    """Directors tied to a known title in prose: "Title, by the sisters Delphine and
    Muriel Coulin", "Title, from Un Certain Regard, by the Norwegian Halfdan Ullmann
    Tøndel", "Title, the anthology that Yorgos Lanthimos made".

    Args:
        text: the normalised review text.
        titles: the titles of the review's films.
    """
    out: list[PersonFact] = []
    by, made = _after_title_rules()
    for title in {t for t in titles if len(t) > 2}:
        # the patterns are matched where the title ends (no regex per title)
        for start in find_all(title, text):
            end = start + len(title)
            m = by.match(text, end)
            if m and not SOURCE_BEFORE.search(text[max(0, start - 30) : start]):
                # not 'based on the book "Wiseguy" by X': its author
                out += _title_by(m, title)
            m = made.match(text, end)
            if m:
                name = trim_name(m.group(1))
                if len(name.split()) >= 2:
                    out.append(PersonFact("director", name, m.start(1),
                                          m.start(1) + len(name), "director.title_made",
                                          0.8, title_hint=title))  # fmt: skip
    return out + find_title_people(text, titles)


#: What follows an actor's name to give the part: "'s Ada is a marvel".
_POSSESSIVE_PART = re.compile(
    rf"'s?\s+({NAME_WORD})"
    r"(?=\s+(?:is|was|gives|becomes|has|remains|feels|seems)\b|[,;])"
)


def possessive_characters(
    text: str, people: list[PersonFact], *, not_characters: frozenset[str]
) -> list[PersonFact]:
    """ "Ruth Berg's Ada is a marvel", "Berg's Ada": the character of a cast member
    who has none yet (only for actors the review already names as cast).

    Args:
        text: the normalised review text.
        people: the resolved person facts.
        not_characters: folded names that are never characters (titles, places).
    """
    cast = {p.name for p in people if p.role == "cast"}
    has_role = {p.name for p in people if p.role == "cast" and p.character}
    directors = {p.name for p in people if p.role == "director"}
    out: list[PersonFact] = []
    for actor in sorted(cast - has_role - directors):
        forms = {actor, actor.split()[-1]}
        for form in forms:
            for start in find_all(form, text):
                if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
                    continue
                m = _POSSESSIVE_PART.match(text, start + len(form))
                if m is None:
                    continue
                char = m.group(1)
                if char.casefold() in STOPWORDS or char.casefold() in not_characters:
                    continue
                rule = "cast.possessive_character"
                out.append(PersonFact("cast", actor, start, start + len(form),
                                      rule, 0.6, char))  # fmt: skip
                break
    return out
