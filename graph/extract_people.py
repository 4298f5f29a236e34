"""Extract stage, people: directors, cast members and the characters they play.

Contract: :func:`find_people` runs the director and cast rules over the normalised
review text and returns :class:`PersonFact` records (name as written, character when
stated, the match offsets, the rule and its confidence). Names are not yet resolved:
:func:`resolve_people` maps surname-only mentions to the full name used elsewhere in
the review, merges duplicates and drops contradictions (a name that is the critic, a
festival, a place or a character is never cast or crew).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from graph.extract_counterfactual import is_counterfactual, is_source_author
from graph.extract_names import HONORIFICS
from graph.extract_names import trim_headline_verb as trim_headline_verb
from graph.extract_names import trim_name as trim_name
from graph.extract_text import (
    ANY_NAME,
    FULL_NAME,
    NAME_LIST,
    NAME_WORD,
    STOPWORDS,
    TITLE_RUN,
    TextIndex,
    split_list,
)


@dataclass(frozen=True)
class PersonFact:
    """One director or cast statement found by a rule."""

    role: str  # "director" | "cast"
    name: str
    start: int
    end: int
    rule: str
    confidence: float
    character: str | None = None
    title_hint: str | None = None


_FILM_NOUN = (
    r"(?:film|movie|feature|documentary|debut|picture|follow-up|opus|comedy|drama|"
    r"thriller|fable|feel[- ]good movie|whodunit|western|biopic|melodrama|romcom|"
    r"rom-com)s?"
)
#: A nationality adjective: "Charlotte Regan's very British first feature".
_DEMONYM = r"[A-Z][a-z]+(?:ish|an|ese|ch|ic|i)"
#: "X is Norwegian": a nationality, never a character.
_NATIONALITY = re.compile(
    r"[A-Z][a-z]{2,}(?:ian|ean|ese|ish|i)|[A-Z][a-z]{4,}an|French|Dutch|Greek|Irish|"
    r"Swiss|Thai|Czech|Welsh|Scottish"
)
#: What a film is adapted from: "Alasdair Gray's 1992 novel, the film ..."
_SOURCE = (
    r"(?:novels?|books?|plays?|memoirs?|stor(?:y|ies)|articles?|scripts?|poems?|"
    r"stage|screen|jury|is|was|are|were|has|had|have)"
)
#: What else a critic calls a director's film: "Bong Joon-ho's Oscar winner",
#: "Edward Berger's German-language adaptation" (not "classic" or "masterpiece":
#: "F. Scott Fitzgerald's classic" is a novel).
_WORK_NOUN = (
    r"(?:adaptation|epic|romance|romp|(?<=\s)winner)"
    r"(?!s\b|\s+(?:story|stories|tale|tales|novel|poem|saga|book|play|series)\b)"
)
#: A prize before "winner": "Palme d'Or winner", "Golden Lion winner".
_PRIZE = (
    r"(?:Palme d'Or|Oscar|Golden [A-Z][a-z]+|Silver [A-Z][a-z]+|Grand Prix|César|"
    r"BAFTA|Best Picture)"
)
#: A part's name follows: "playing X, an ageing director", "as X, the director".
_PART_BEFORE = re.compile(r"\b(?:playing|plays|played|portraying|portrays|as)\s+$")
_PERFORMANCE = re.compile(r"\b(?:performance|role|turn|portrayal)s?\b", re.I)
_NOT_DIRECTOR_BEFORE = re.compile(
    r"(?:casting|festival|artistic|art|music|musical|executive|managing|programme|"
    r"program|programming|general|creative|marketing|assistant|second-unit|"
    r"the festival's|outgoing|incoming|former|festival)"
    r"\s+$",
    re.I,
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    """Compiled patterns (compiled on first use, never at import)."""
    film_noun = _FILM_NOUN
    return {
        "director.by": re.compile(
            r"\b(?:(?:[Cc]o-)?[Dd]irected|helmed|[Rr]éalisée?|mise en scène|"
            r"written and directed|"
            r"directed and written)(?:\s+(?:this time|here|again|once again))?"
            r"\s+(?:by|par)\s+"
            r"(?:(?:the\s+)?(?:first-timer|newcomer|debutant|veteran|great|legendary|"
            r"young|late|documentarian|actor|actress|playwright|novelist|artist)\s+)?"
            # "A, B and C": commas only in a list that ends with "and"
            rf"({ANY_NAME}(?:(?:,\s+{FULL_NAME})*,?\s+(?:and|et|&)\s+"
            rf"{ANY_NAME})?)"
        ),
        "director.title": re.compile(
            r"\b(?:[Dd]irector|[Ff]ilmmaker|[Ff]ilm-maker|[Hh]elmer|[Aa]uteur|"
            r"[Rr]éalisatrice|[Rr]éalisateur|[Cc]inéaste|[Ww]riter-director|[Rr]ealizer|"
            r"[Cc]o-director)s?,?(?:\s+(?!of\b|de\b|du\b|des\b|went\b|goes\b|to\b|for\b|"
            r"and\b|et\b|or\b|but\b|who\b|is\b|was\b)[a-zéèêàç-]+){0,2}"
            rf"\s+({FULL_NAME})"
        ),
        "director.apposition": re.compile(
            rf"({FULL_NAME}),\s+(?:the|its|a|an)\s+"
            r"(?:(?!(?:the|a|an|who|that|whom)\b)[\w-]+\s+){0,2}?"
            r"(?:director|filmmaker|film-maker|réalisatrice|réalisateur)\b(?!\s+of\s+photo|'s)"
        ),
        "director.possessive": re.compile(
            rf"({ANY_NAME})'s?\s+(?:(?!{_SOURCE}\b)(?:[a-z][\w-]*|\d+[\w-]*|{_DEMONYM}|[A-Z]\w*-[a-z][\w-]*|{_PRIZE}),?\s+)"
            r"{0,6}?"
            rf"(?:{film_noun}|{_WORK_NOUN})\b"
        ),
        "director.award": re.compile(
            rf"({FULL_NAME})\s+(?:won|took|takes|wins|received|picked up)\s+(?:the\s+)?"
            r"(?:award|prize)\s+for\s+best\s+director"
        ),
        "director.who": re.compile(
            rf"({ANY_NAME}),\s+who\s+(?:also\s+)?(?:realises|realizes|directs|directed|"
            r"made|wrote and directed|co-wrote and directed)\s+(?:the|this)\s+"
            r"(?:film|movie|feature)"
        ),
        "cast.parallel": re.compile(
            rf"({NAME_LIST})\s+(?:play|jouent|portray|incarnent|interprètent|"
            r"star as|co-star as|are cast as|appear as)\s+"
            rf"({NAME_WORD}(?:\s*,\s*{NAME_WORD})*\s+(?:and|et)\s+{NAME_WORD})"
        ),
        "cast.list_by": re.compile(
            r"\b(?:played|portrayed|repris|tenus|incarnés|joués|interprétés)\s+"
            rf"(?:by|par)\s+({NAME_LIST})"
        ),
        "director.film_de": re.compile(
            r"\b(?:[Ll]e|[Ll]a|[Ss]on|[Ss]a|[Uu]n|[Uu]ne|[Cc]e|[Cc]ette|du|au|nouveau|dernier|"
            r"[Pp]remier|[Tt]he|[Tt]his)\s+"
            r"(?:\w+\s+){0,2}?"
            r"(?:(?:film|long[- ]métrage|long metrage|documentaire|feature|opus)\s+"
            r"(?:de\s+|d'|of\s+)|"
            r"version\s+(?:de\s+|d'))"
            r"(?:(?:la\s+|le\s+|l')?(?:comédienne|comédien|actrice|acteur|romancière|"
            r"romancier|cinéaste|réalisatrice|réalisateur|humoriste)\s+)?"
            rf"({FULL_NAME})(?!'s?\s)"
        ),
        "cast.role_of": re.compile(
            rf"({FULL_NAME}),?\s+(?:qui\s+)?(?:(?:is|est)\s+)?(?:[a-z]+\s+)?"
            r"(?:in the (?:title )?role of|"
            r"takes on the role of|dans le rôle de|dans la peau de|prête ses traits à|"
            r"as the voice of|voices)\s+(?:(?:the|his|her|their)\s+(?:[a-z]+\s+)?)?"
            rf"({NAME_WORD}(?: {NAME_WORD}){{0,2}})"
        ),
        "cast.traits": re.compile(
            rf"({ANY_NAME}),?\s+(?:sous les traits d[e']|incarnée? par|joué par|"
            rf"jouée par)\s*({FULL_NAME})"
        ),
        "director.hyphen": re.compile(rf"({FULL_NAME})-directed\b"),
        "director.verb": re.compile(
            rf"(?:^|(?<=[.!?\n\"]\s)|(?<=\n)|(?<=,\s))({ANY_NAME})\s+"
            r"(?:(?:once again|here|again|now|therefore|also|brilliantly|deftly|"
            r"skilfully|beautifully)\s+)?"
            r"(?:explores|directs|develops|delivers|crafts|signs|films|returns|tackles|"
            r"paints|offers|makes|shoots|depicts|chronicles|examines|stages|captures|"
            r"imagines|adapts|orchestrates|revisits|tells|explore|brings|directed|"
            r"adapted|filmed|shot|crafted|wrote and directed|revient|signe|filme|"
            r"réalise|présente|is back|comes back)\b",
            re.M,
        ),
        # "Alexander Payne, back in top form, has made a film", "Aki Doe returned
        # with Fallen Leaves": a film-maker's return or new work, one aside allowed
        "director.made": re.compile(
            rf"(?:^|(?<=[.!?\n\"]\s)|(?<=\n)|(?<=,\s))({FULL_NAME})"
            r"(?:,\s+(?!who\b|which\b|whose\b)[^,.;()\n]{3,60},|,\s+who\s+(?:gave us|"
            r"made|directed|brought us|also made|shot)\s[^,.;\n]{1,60},)?\s+"
            r"(?:has\s+(?:now\s+)?made|made|(?:returned|came\s+back|was\s+back|"
            r"is\s+back|returns|comes\s+back)\s+with)\s+"
            r"(?!(?:her|his|their)\s+(?:\w+\s+)?debut|an?\s+(?:appearance|cameo))"
            r"(?P<what>[\"“A-Z]|(?:a|an|the|his|her|their)\s+)"
        ),
        "director.count": re.compile(
            rf"\b(?:[Ii]n|[Aa]fter|[Ww]ith)\s+(?:just\s+|only\s+)?(?:two|three|four|five|"
            rf"\d)\s+(?:films|features|movies),\s+({FULL_NAME})"
        ),
        "cast.starring": re.compile(
            r"\b(?:[Ss]tarring|[Cc]o-starring|[Ss]tars|[Ff]eaturing|[Aa]vec|"
            r"[Tt]he cast (?:includes|including|of)|[Cc]ast members?)\s+"
            rf"({NAME_LIST})"
        ),
        "cast.with": re.compile(rf"\b(?:[Ww]ith|[Aa]longside)\s+({NAME_LIST})"),
        "cast.plays": re.compile(
            rf"({FULL_NAME})(?:,\s+(?:(?:who|qui)(?:\s+[a-z][\w-]*){{1,3}}|"
            r"(?:who|qui)\s+[^,.;:\n]{1,90}?|"
            r"(?:a|an|the)\s[^,.;()\n]{1,70}?|(?:in the|in a|in his|in her)"
            r"\s(?:(?!\b(?:which|who|he|she|they)\b)[^,.;()\n]){1,70}?),)?"
            r"(?:,\s+(?:who|qui))?"
            r"\s+(?:(?:also|once again|here|again|y|aussi|encore|ici)\s+)?"
            r"(?:stars|co-stars|plays|played|portrays|embodies|incarnates|interprets|camps|"
            r"is cast|incarne|joue|campe|interprète)\b"
            r"(?:\s+as)?(?:\s+the role of)?(?:\s+(?:the|la|le))?"
            r"(?:\s+(?:young|old|older|"
            r"younger|elderly|teenage|adult|grown-up|real|titular|legendary|eponymous|"
            r"enigmatic|mysterious|reclusive|troubled|jeune|vieux|vieille))?"
            rf"(?:\s+({ANY_NAME}))?"
        ),
        "cast.played_by": re.compile(
            rf"(?:({ANY_NAME})(?:\s*,\s*|\s*\(\s*|\s+(?=is\s)))?(?:who is\s+|is\s+)?"
            r"(?:played|portrayed|"
            r"embodied|incarnated|interpreted|voiced|incarnée?|interprétée?|jouée?)"
            r"(?:,[^,.\n]{1,50},|\s+with\s+[a-z]+(?:\s+[a-z]+){0,2})?\s+(?:by|par)\s+(?:(?:newcomer|actor|actress|the|"
            r"veteran|comedian|singer|rapper|great|young|musician|dancer|model|artist|"
            rf"poet|footballer|wrestler|writer|director|filmmaker)\s+)*({FULL_NAME})"
        ),
        "cast.as": re.compile(
            rf"(?<![Ss]uch )(?<![Ll]ike )\b({FULL_NAME}),?\s+"
            r"(?:who\s[^,.;:\n]{1,80},\s+|(?:the|a|an)\s[a-z][^,.;:()\n]{1,60},\s+)?"
            r"((?:[\w'-]+,?\s+){0,6}?)as\s+"
            rf"(?:(?:the|his|her|their|a|an|its|{NAME_WORD}'s)\s+)?"
            r"(?:(?!(?:and|or|but|while|with)\b)[a-z][\w-]*,?\s+){0,3}?"
            rf"((?:(?:Mr|Mrs|Ms|Dr)\.\s)?{NAME_WORD}(?: {NAME_WORD}){{0,2}})"
        ),
        "cast.is": re.compile(
            rf"\b({FULL_NAME})(?:,\s+[a-zé][\w-]*,)?\s+(?:is|est)\s+"
            rf"({NAME_WORD}(?: {NAME_WORD})?)(?=\s*[,;.(]|\s+the\s+[a-z]|"
            rf"\s+and\s+{FULL_NAME}\s+is\s)"
        ),
        "cast.as_first": re.compile(
            rf"\b(?:As|In the role of|Dans le rôle d[e']|Dans la peau d[e'])\s*"
            rf"({ANY_NAME}),\s+({FULL_NAME})"
        ),
    }


#: Words that make a sentence about casting ("cast", "plays", "role", ...).
CAST_CUE = re.compile(
    r"\b(?:cast|casting|actors?|actress(?:es)?|performers?|performances?|ensemble|"
    r"starring|stars?|co-stars?|roles?|plays|played|playing|troupe|comédiens?|"
    r"acteurs?|actrices?|interprètes?|incarne|joue|campe|rôles?|newcomers?)\b",
    re.I,
)
_MAIN_ROLES = re.compile(
    r"^[,]?\s+(?:in\s+the\s+(?:main|lead|leading|title|central|starring|principal|"
    r"key)\s+roles?|as\s|dans\s+les\s+rôles)",
    re.I,
)
_WITH_NOT_CAST = re.compile(
    r"\b(?:written|co-written|wrote|co-wrote|scripted|produced|co-produced|"
    r"studied|worked|trained|met|talked|spoke|married|lived|collaborated|toured|"
    r"dined|friends|compared|interview|conversation|studies|works|working|writing|"
    r"collaborating)(?:\s+(?:it|this|this one|the script|the screenplay))?\s+$"
)
_JURY_BEFORE = re.compile(
    r"\b(?:presided|chaired|headed|led)\s+(?:over\s+)?by\b|\bjury\b"
)
_KIN_BEFORE = re.compile(
    r"\b(?:son|daughter|father|mother|brother|sister|wife|husband|widow|widower|"
    r"nephew|niece|grandson|granddaughter|fils|fille|père|mère)\s+(?:of|de|du)\s+"
    r"(?:the\s+|la\s+|le\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
_GENRE_WITH = re.compile(
    r"\b(?:film|movie|comedy|drama|thriller|musical|western|romance|melodrama|"
    r"biopic|satire|horror|feature)\s+$"
)
#: "co-directed her first feature with X": a collaborator, not the cast.
_MADE_WITH = re.compile(
    r"\b(?:directed|co-directed|made|shot|wrote|co-wrote|produced|filmed|edited)\s+"
    r"(?:[\w'-]+\s+){0,3}$"
)
_PLAYS_IDIOM = r"\s+(?:with|on|like|out|up|off|down|into|around|along|games|by)\b"
_FILM_WORD = re.compile(rf"\b{_FILM_NOUN}\b", re.I)
#: A title right after a return: 'returned with "Cold Water"', 'with Fallen Leaves,'.
_TITLE_AFTER = re.compile(rf"[\"“]?({TITLE_RUN})[\"”]?(?=[,.;:]|\s+\(|\s+[a-z])")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _full(name: str) -> str | None:
    trimmed = trim_name(name)
    if trimmed.split()[:1] and trimmed.split()[0].casefold().strip(".") in HONORIFICS:
        return None  # "General Leslie Groves", "Sister Mary": a character
    return trimmed if len(trimmed.split()) >= 2 else None


def _single(name: str) -> str | None:
    trimmed = trim_name(name)
    return trimmed or None


def _directors(text: str, index: TextIndex) -> list[PersonFact]:
    rules = _rules()
    out: list[PersonFact] = []
    for m in rules["director.by"].finditer(text):
        if is_counterfactual(text, m.start()):
            continue  # "you'd swear it had been directed by X": not its director
        names = split_list(m.group(1))
        surname = names[-1].split()[-1] if len(names[-1].split()) >= 2 else None
        for name in names:
            clean = _single(name)
            if clean and surname and len(clean.split()) == 1 and clean != surname:
                clean = f"{clean} {surname}"  # "Sam and Andy Zuchero": siblings
            if clean:
                at = m.start(1) + m.group(1).find(name)
                out.append(
                    PersonFact(
                        "director", clean, at, at + len(name), "director.by", 0.95
                    )
                )
    for m in rules["director.title"].finditer(text):
        if _NOT_DIRECTOR_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if _KIN_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # "son of the director Philippe Garrel": another film-maker
        if _JURY_BEFORE.search(text[max(0, m.start() - 60) : m.start()]):
            continue  # "the jury, presided by the Canadian realizer X": a jury head
        if m.group(1).split()[0].casefold() in STOPWORDS:
            continue  # "as a director, A Star Is Born": a title, not a name
        if re.match(r",\s+(?:the\s+)?(?:jury|festival)\b", text[m.end(1) :]):
            continue  # "Helmer Karl Weiss, the jury president": a jury head
        if re.match(rf"\s*\(\s*{FULL_NAME}\s*\)", text[m.end(1) : m.end(1) + 60]):
            continue  # "director Carl Denham (Robert Armstrong)": a character
        clean = _full(m.group(1))
        if clean:
            out.append(
                PersonFact(
                    "director", clean, m.start(1), m.end(1), "director.title", 0.9
                )
            )
    for m in rules["director.apposition"].finditer(text):
        if _PART_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            continue  # "playing Salvador Doe, an ageing director": a part
        clean = _full(m.group(1))
        if clean:
            out.append(PersonFact("director", clean, m.start(1), m.end(1),
                                  "director.apposition", 0.85))  # fmt: skip
    for m in rules["director.possessive"].finditer(text):
        clean = _single(m.group(1))
        if is_source_author(text, m.start()):
            continue  # "adapted from Ann Berg's novel": the source's author
        if clean and not re.search(r"\b(?:performance|role|character)s?\b", m.group(0)):
            out.append(
                PersonFact(
                    "director", clean, m.start(1), m.end(1), "director.possessive", 0.7
                )
            )
    out += _director_rule(rules["director.award"], text, "director.award", _full, 0.85)
    out += _director_rule(rules["director.who"], text, "director.who", _single, 0.85)
    out += _director_rule(
        rules["director.film_de"], text, "director.film_de", _full, 0.85
    )
    out += _director_rule(rules["director.hyphen"], text, "director.hyphen", _full, 0.9)
    for m in rules["director.verb"].finditer(text):
        # a surname only counts when it resolves to a full name named elsewhere
        clean = _single(m.group(1))
        clause = index.clause_at(m.start(1))
        if clean and _FILM_WORD.search(clause) and not _PERFORMANCE.search(clause):
            out.append(
                PersonFact(
                    "director", clean, m.start(1), m.end(1), "director.verb", 0.6
                )
            )
    out += _director_rule(rules["director.count"], text, "director.count", _full, 0.65)
    for m in rules["director.made"].finditer(text):
        # a title right after "with", or a film noun in the clause ("made a film")
        title = _TITLE_AFTER.match(text, m.start("what"))
        clause = text[m.end() : m.end() + 60]
        if title or _FILM_WORD.search(clause.split(".")[0]):
            hint = title.group(1) if title else None
            out.append(
                PersonFact("director", m.group(1), m.start(1), m.end(1),
                           "director.made", 0.7, title_hint=hint)
            )  # fmt: skip
    return out


def _director_rule(
    rule: re.Pattern[str],
    text: str,
    name: str,
    clean: Callable[[str], str | None],
    confidence: float,
) -> list[PersonFact]:
    """Directors named by group 1 of every match of ``rule``, cleaned by ``clean``."""
    facts = []
    for m in rule.finditer(text):
        person = clean(m.group(1))
        if person:
            facts.append(
                PersonFact("director", person, m.start(1), m.end(1), name, confidence)
            )
    return facts


def _list_facts(
    m: re.Match[str], group: int, rule: str, conf: float
) -> list[PersonFact]:
    facts = []
    chunk = m.group(group)
    pos = 0
    for name in split_list(chunk):
        at = chunk.find(name, pos)
        pos = at + len(name)
        clean = _full(name)
        if clean:
            start = m.start(group) + at
            facts.append(
                PersonFact("cast", clean, start, start + len(name), rule, conf)
            )
    return facts


def _cast(text: str, index: TextIndex) -> list[PersonFact]:
    rules = _rules()
    out: list[PersonFact] = []
    for m in rules["cast.starring"].finditer(text):
        conf = 0.75 if m.group(0).lower().startswith("featuring") else 0.9
        out.extend(_list_facts(m, 1, "cast.starring", conf))
    for m in rules["cast.with"].finditer(text):
        if text.startswith("'", m.end(1)):
            continue  # "with Nicole Holofcener's films": an owner, not a cast list
        if re.match(r"\s*\((?:19|20)\d\d\)", text[m.end(1) :]):
            continue  # "a detour into the thriller with Night Moves (2013)": a film
        if _WITH_NOT_CAST.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "studied with Leonard Bernstein": a life, not a cast
        after = text[m.end(1) : m.end(1) + 60]
        sentence = index.sentence_at(m.start()).text
        if _MAIN_ROLES.search(after):
            out.extend(_list_facts(m, 1, "cast.with", 0.9))
        elif _GENRE_WITH.search(
            text[max(0, m.start() - 30) : m.start()]
        ) and not _MADE_WITH.search(text[max(0, m.start() - 50) : m.start()]):
            # "the musical comedy with Adam Driver and Marion Cotillard"
            out.extend(_list_facts(m, 1, "cast.with", 0.75))
        elif CAST_CUE.search(sentence):
            out.extend(_list_facts(m, 1, "cast.with", 0.7))
    for m in rules["cast.plays"].finditer(text):
        clean = _full(m.group(1))
        film = "stars" in m.group(0) and re.match(r"\s+as\s", text[m.end() :])
        idiom = (
            not m.group(2)
            and re.search(r"\b(?:plays|played|joue)\s*$", m.group(0))
            and re.match(_PLAYS_IDIOM, text[m.end() :])
        )
        # "Past Lives stars Greta Lee as Nora": a film; "X plays with genre": no role
        if clean and not film and not idiom:
            char = _single(m.group(2)) if m.group(2) else None
            out.append(
                PersonFact("cast", clean, m.start(1), m.end(1), "cast.plays", 0.9, char)
            )
    seen: set[int] = set()
    for verb in _PARALLEL_VERB.finditer(text):
        # search near each verb only: the name-list pattern is slow on long texts
        lo = max(0, verb.start() - 300)
        for m in rules["cast.parallel"].finditer(text[lo : verb.end() + 200]):
            if lo + m.start(1) in seen:
                continue
            seen.add(lo + m.start(1))
            out.extend(_parallel_facts(m, lo))
    for m in rules["cast.list_by"].finditer(text):
        out.extend(_list_facts(m, 1, "cast.list_by", 0.85))
    for m in rules["cast.role_of"].finditer(text):
        clean, char = _full(m.group(1)), _single(m.group(2))
        if clean and char:
            out.append(
                PersonFact(
                    "cast", clean, m.start(1), m.end(1), "cast.role_of", 0.9, char
                )
            )
    for m in rules["cast.traits"].finditer(text):
        clean, char = _full(m.group(2)), _single(m.group(1))
        if clean and char:
            out.append(
                PersonFact(
                    "cast", clean, m.start(2), m.end(2), "cast.traits", 0.9, char
                )
            )
    for m in rules["cast.is"].finditer(text):
        clean, char = _full(m.group(1)), _single(m.group(2))
        cue = CAST_CUE.search(index.sentence_at(m.start()).text)
        # without a cue, only "X is Y, his dad": a described character, no nationality
        after = text[m.end() :]
        described = bool(
            re.match(rf",\s+[a-z\d]|\s+the\s|\s*\(|\s+and\s+{FULL_NAME}\s+is", after)
        ) and not _NATIONALITY.fullmatch(char or "")
        if clean and char and (cue or described):
            out.append(
                PersonFact("cast", clean, m.start(1), m.end(1), "cast.is", 0.65, char)
            )
    for m in rules["cast.played_by"].finditer(text):
        clean = _full(m.group(2))
        if clean:
            char = _single(m.group(1)) if m.group(1) else None
            before = text[max(0, m.start(1) - 10) : m.start(1)]
            place = re.search(r"\b(?:of|in|at|from|to)\s+(?:the\s+)?$", before)
            if char and place and " " not in char:
                char = None  # "the commandant of Auschwitz, played by": a place
            out.append(
                PersonFact(
                    "cast", clean, m.start(2), m.end(2), "cast.played_by", 0.9, char
                )
            )
    for m in _overlapping(rules["cast.as"], text):
        between = m.group(2).casefold()
        if re.search(r"\b[A-Z](?![A-Z]+\b)", m.group(2)) or re.search(
            r"\b(?:well|known|such|same|described|billed|credited|regarded|"
            r"seen|soon|long|far|much|just|cast|casts|directed|directs|hired|"
            r"chose|wanted)\b|[.!?;]",
            between,
        ):
            continue
        clean, char = _full(m.group(1)), _single(m.group(3))
        if clean and not m.group(1).rstrip(",").endswith(clean.split()[-1]):
            continue  # "Small Things Like These, ..., as": a title cut short
        if re.search(r"\band\s+$", text[max(0, m.start(1) - 5) : m.start(1)]) and (
            re.match(rf"\s+and\s+{NAME_WORD}", text[m.end(3) :])
        ):
            continue  # "A and B star as Greta and Olaf": the parallel rule pairs them
        if re.match(
            r"as\s+(?:a|an)\s+(?:child|kid|teenager|teen|boy|girl|student)\s+[a-z]",
            text[m.end(2) : m.end(2) + 40],
        ):
            continue  # "Eva Holm as a child lived in Oslo": a life, no part
        if _KNOWN_AS.search(text[max(0, m.start(1) - 40) : m.start(1)]):
            continue  # "you might know A and B as RackaRacka": a nickname
        if text.startswith("'s", m.end(3)):
            continue  # "as Monk's brother Cliff": an owner, not the character
        if re.search(r"\ban?\s+$", text[m.start(3) - 4 : m.start(3)]) and re.match(
            r" [a-z]", text[m.end(3) : m.end(3) + 2]
        ):
            continue  # "a turn as a Hungarian architect": an adjective, no name
        if clean and char:
            out.append(
                PersonFact("cast", clean, m.start(1), m.end(1), "cast.as", 0.8, char)
            )
    for m in rules["cast.as_first"].finditer(text):
        clean, char = _full(m.group(2)), _single(m.group(1))
        if clean and char:
            out.append(
                PersonFact("cast", clean, m.start(2), m.end(2), "cast.as", 0.8, char)
            )
    return out


_KNOWN_AS = re.compile(
    r"\b(?:know|knew|known|remember|remembers|recognise|recognize)\s+"
    r"(?:[A-Z][\w-]*\s+(?:and|&)\s+)?$"
)
_PARALLEL_VERB = re.compile(
    r"\s(?:play|jouent|portray|incarnent|interprètent|star as|co-star as|"
    r"are cast as|appear as)\s"
)


def _parallel_facts(m: re.Match[str], offset: int) -> list[PersonFact]:
    """ "A, B and C play X, Y and Z": one fact per actor, in order."""
    out: list[PersonFact] = []
    actors, chars = split_list(m.group(1)), split_list(m.group(2))
    if len(actors) == len(chars) >= 2:
        pos = 0
        for actor, char in zip(actors, chars, strict=True):
            at = m.group(1).find(actor, pos)
            pos = at + len(actor)
            clean = _full(actor)
            if clean:
                start = offset + m.start(1) + at
                out.append(PersonFact("cast", clean, start, start + len(actor),
                                      "cast.parallel", 0.85, char))  # fmt: skip
    return out


def _overlapping(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches that may overlap: the search restarts after each match's first group."""
    out = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        out.append(m)
        pos = m.end(1) if m.end(1) > pos else m.end()
    return out


def find_people(text: str, index: TextIndex) -> list[PersonFact]:
    """All director and cast statements of the normalised ``text``."""
    return _directors(text, index) + _cast(text, index)
