"""Extract stage, people named across clauses: appositions, gapping, prize lines.

Contract: :func:`find_clause_people` returns
:class:`~graph.extract_people.PersonFact` records for phrasings where a clause sits
between the name and what makes it a director or an actor, or where the verb is left
out:

- translated "of the X": '"Memoria" of the Thai Apichatpong Weerasethakul',
  '"Flow", the long metrage of animation of the Latvian Gints Zilbalodis';
- a direction prize: "The prize of the mise en scène returns to Leos Carax for ...",
  "Ann Berg took the Silver Lion for best direction";
- an acting prize: "Tom Hale won the Volpi Cup for best actor", "the Norwegian Ruth
  Berg receives the prize of female interpretation", and its gapped second half
  ", and Lena Moss the Volpi Cup for best actress" / "Lena Moss that of male ...";
- gapping: "A plays his mother Mitzi, ..., and B his father Burt";
- an apposition before the verb: "A, named best director at Cannes, makes a
  romance", "A, who wrote it, directed it", "A, who won a prize for it, is Hirayama";
- a career: "A has been making films for fifty years";
- a possessive character with a described person: "Roy Berg's Chief Brody, a New
  York cop afraid of water".
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_names import SOURCE_BEFORE
from graph.extract_people import CAST_CUE, PersonFact, trim_name
from graph.extract_people_asides import find_aside_people
from graph.extract_roles import ROLE_NOUN
from graph.extract_text import FULL_NAME, NAME_LIST, NAME_WORD, STOPWORDS, TITLE_RUN

#: A nationality before a name: "the Iranian Asghar Farhadi".
_DEMONYM = re.compile(
    r"(?!Christian|Julian|Adrian|Brian|Vivian|Lillian|Gillian|Damian|Sebastian|"
    r"Fabian|Maximilian|Marian|Cassian)"
    r"(?:[A-Z][a-z]{2,}(?:ian|ean|ese)|American|German|Korean|Mexican|Moroccan|"
    r"Chilean|Cuban|Dominican|Israeli|Iraqi|Pakistani|Saudi|Somali|Nepali|Thai|"
    r"French|Dutch|Greek|Irish|Swiss|Czech|Welsh|Scottish|Danish|Polish|Swedish|"
    r"Finnish|Turkish|Spanish|British|Kurdish|English|Flemish|Slovak|Icelandic)"
)
#: A clause that makes the name crew: "Robby Berg, who shot it, makes ..."
_CREW_CLAUSE = re.compile(
    r"\b(?:shot|photographed|edited|scored|composed|produced|lit|cinematographer|"
    r"composer|editor|producer|screenwriter|star|actor|actress|plays|played)\b"
)
#: Words that make "for <words> by X" no film title: prizes, crafts, sources.
_NOT_A_TITLE = re.compile(
    r"\b(?:Best|Prize|Award|Screenplay|Script|Score|Music|Photography|Editing|"
    r"book|novel|play|story|script|screenplay|score|music|photography|song|songs|"
    r"words|lyrics|design|costumes|make-up)\b"
)
#: Crew jobs: "and Ruth Berg the producer", "X's turn as a director" are no parts.
_CREW_JOB = re.compile(
    r"\b(?:director|directors|producer|producers|writer|screenwriter|composer|"
    r"cinematographer|editor|filmmaker|critic|programmer|jury|president)\b"
)
#: A name cut short before a particle the name pattern lacks: "Nelson Carlo de los".
_CUT_NAME = re.compile(r"\s+(?:de|da|del|di|los|las|van|von|y)\s+(?:[a-z]+\s+)?[A-Z]")
_CHAR = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}"
#: A name with several particles: "Nelson Carlo de los Santos Arias".
_LONG_NAME = (
    rf"{NAME_WORD}(?:[ ]+(?:(?:de|da|del|di|du|van|von|der|den|los|las|la|le|y)[ ]+)*"
    rf"{NAME_WORD}){{1,5}}"
)
_CHAR_H = rf"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD})?"
_HONORIFIC = r"(?:Chief|Captain|Detective|Inspector|Sergeant|Officer|Doctor|Dr\.|Mr\.|"
_HONORIFIC += r"Mrs\.|Ms\.|Mr|Mrs|Ms|Miss|Uncle|Aunt|Father|Sister|Mother|Professor)"
_WIN = (
    r"(?:won|wins|took|takes|receives|received|picks up|picked up|collects|"
    r"collected|gets|got|carries off|carried off)"
)
_ACTING = (
    r"(?i:(?:for|of)\s+(?:the\s+)?(?:best\s+)?(?:(?:female|male|leading|supporting|"
    r"lead)\s+)?(?:actor|actress|performance|interpretation|acting)\b)"
)
_DIRECTING = (
    r"(?i:(?:for|of)\s+(?:the\s+)?(?:best\s+)?(?:director|direction|directing|"
    r"mise en scène|reali[sz]ation|réalisation)\b)"
)
#: Words of a described person: "a New York cop afraid of water", "a pop singer".
_PERSON_NOUN = (
    rf"(?:{ROLE_NOUN}|cop|singer|woman|man|girl|boy|widow|teenager|student|"
    r"writer|painter|musician|worker|cleaner|driver|officer|agent|killer|"
    r"housewife|mother|father|veteran|soldier|nurse|artist|actress|actor)"
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    """Compiled patterns (compiled on first use, never at import)."""
    apposition = r",\s+(?:who\s+[^,;.!?()]{3,80}|[a-z][^,;.!?()]{3,60}),\s+"
    return {
        "director.title_of": re.compile(
            r"\"[^\"\n]{1,80}\"(?:\s*\([^()\n]{1,60}\))?"
            r"(?:,\s+the\s+[a-z][\w -]{0,40}?|,)?\s+(?:of|by)\s+(?:the\s+)?"
            r"(?:(?:director|filmmaker|realizer|réalisateur|réalisatrice)\s+)?"
            rf"({FULL_NAME})"
        ),
        "director.prize_to": re.compile(
            r"\b(?:prize|award|Prize|Award|Bear|Lion|Palm|Leopard)(?:\s+of\s+[a-z]+)?"
            rf"\s+{_DIRECTING}"
            r"[^.;]{0,30}?\s+(?:goes|went|returns|returned|is awarded)\s+to\s+"
            rf"(?:the\s+)?({_LONG_NAME})"
        ),
        "cast.prize_to": re.compile(
            r"\b(?:prize|award|Prize|Award|Bear|Lion|Cup|Palm|Leopard)(?:\s+of\s+[a-z]+)?"
            rf"\s+{_ACTING}[^.;]{{0,30}}?\s+(?:goes|went|returns|returned|is awarded)"
            rf"\s+to\s+(?:the\s+)?({FULL_NAME})"
        ),
        "director.won_prize": re.compile(
            rf"\b({FULL_NAME})\s+{_WIN}\s+(?:the\s+)?[^.;,]{{0,40}}?{_DIRECTING}"
        ),
        "cast.won_prize": re.compile(
            rf"\b({FULL_NAME})(?:,\s+who)?\s+{_WIN}\s+(?:the\s+)?[^.;,]{{0,40}}?"
            rf"(?:{_ACTING}|(?:actor's|actress's|acting)\s+(?:prize|award))"
            r"(?:\s+as\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,3}?"
            rf"({_CHAR})(?=\s*[,.;]|\s+(?:in|for)\s))?"
        ),
        "cast.relative_plays": re.compile(
            rf"\b({NAME_WORD}),\s+(?:(?:a|an|the)\s+[^,;.()]{{1,40}},\s+)?"
            r"(?:that|whom|which|who|que|qu')\s*"
            rf"(?:the\s+(?:actor|actress|comedian)\s+)?({FULL_NAME})\s+"
            r"(?:plays|incarnates|interprets|portrays|embodies|joue|incarne|interprète)\b"
        ),
        "cast.won_prize_gapped": re.compile(
            rf",?\s+and\s+(?:the\s+)?({FULL_NAME})\s+(?:that|the\s+[^.;,]{{1,30}}?)\s+"
            rf"{_ACTING}"
        ),
        "cast.gapped": re.compile(
            rf"\b({FULL_NAME})(?:,\s+[a-z][^,.;]{{1,40}},)?\s+(?:plays|is|portrays|"
            rf"played)\s+[^.;!?]{{1,120}}?,?\s+and\s+({FULL_NAME})\s+(?:his|her|their|"
            r"the|a|an)\s+"
            r"((?:[a-z][\w-]*(?:\s+|(?=[,.;]))){0,3}?)"
            rf"({_CHAR})?(?=\s*[,.;])"
        ),
        "director.apposition_verb": re.compile(
            rf"(?:({NAME_WORD})\s+and\s+)?({FULL_NAME}){apposition}"
            r"(?:(?:once again|again|now|here|also)\s+)?"
            r"(?:makes|made|is back|returns|return|directs|directed it|directed|"
            r"wrote and directed|delivers|signs)\b([^.;!?]{0,80})"
        ),
        "cast.apposition_is": re.compile(
            rf"\b({FULL_NAME}){apposition}is\s+(?:(?:the|a|an|his|her|their)\s+"
            rf"[^,;.()]{{1,50}},\s+)?({_CHAR})(?=\s*[,.;])"
        ),
        "cast.apposition_is_noun": re.compile(
            rf"\b({FULL_NAME}){apposition}is\s+(?:the|his|her|their)\s+"
            rf"(?:[a-z-]+\s+)?{ROLE_NOUN}\b"
        ),
        "director.career": re.compile(
            rf"\b({FULL_NAME})\s+(?:has\s+been\s+(?:making|directing)\s+(?:films|movies)|"
            r"has\s+spent\s+[\w -]{1,30}?\s+(?:filming|making\s+(?:films|movies)))\b"
        ),
        "cast.pair_as": re.compile(
            rf"\b({FULL_NAME})\s+and\s+({FULL_NAME})\s+as\s+(?:[a-z][^,.;()]{{1,60}},\s+)?"
            rf"({_CHAR_H})\s+and\s+({_CHAR_H})(?=\s*[,.;])"
        ),
        "cast.as_called": re.compile(
            rf"\b({FULL_NAME}),?\s+(?:as|plays|portrays|is)\s+(?:a|an|the)\s+"
            rf"(?:[\w-]+\s+){{1,5}}?(?:called|named|nicknamed|calls)\s+\"?({_CHAR})"
        ),
        "cast.composition_of": re.compile(
            rf"\b({FULL_NAME})\s+(?:makes|gives|delivers)\s+(?:a|an)\s+(?:[a-z]+\s+){{0,3}}?"
            rf"composition\s+(?:of|as)\s+(?:the\s+)?({_CHAR})"
        ),
        "cast.paren_as": re.compile(
            rf"\b({FULL_NAME})\s+\(as\s+(?:(?:the|a|an|his|her|their)\s+)?"
            rf"(?:(?:[a-z][\w-]*\s+){{0,3}}?({_CHAR}))?[^()\n]{{0,40}}\)"
        ),
        "cast.aside_played_by": re.compile(
            rf"(?:^|(?<=[\s(]))({NAME_WORD}(?:\s+{NAME_WORD})?),\s+([^,.;()\n]{{1,60}}?)"
            r"(?:,\s+(?:is\s+|was\s+)?|\s+and\s+)(?:played|voiced)\s+by\s+"
            r"(?:(?:newcomer|the|veteran|young|late|"
            rf"great)\s+)?({FULL_NAME})"
        ),
        "cast.cast_list": re.compile(
            r"(?:\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+)?"
            r"(?:cast|ensemble|leads)\s*(?:-|:)\s*|"
            r"\b(?:cast|ensemble)\s+(?:that\s+)?(?:includes|included|including|"
            rf"featuring)\s+)({NAME_LIST})"
        ),
        "cast.leads_cast": re.compile(
            rf"({NAME_LIST})\s+(?:leads?|heads?|anchors?|tops?|rounds? out|completes?|"
            r"make up|makes up|fills? out)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?"
            r"(?:cast|ensemble|family|household|clan|suspects|couple|trio|quartet|gang|"
            r"siblings)\b"
        ),
        "cast.in_the_lead": re.compile(
            r"\b[Ii]n\s+the\s+(?:lead|leading|title|main|central)\s+roles?,\s+"
            rf"({FULL_NAME})"
        ),
        "cast.co_star": re.compile(
            rf"\b({FULL_NAME})'s?\s+(?:[\w\"' -]{{0,40}}?\s)?co-stars?,?\s+"
            rf"({FULL_NAME})"
        ),
        "cast.voice_of": re.compile(
            rf"\b(?:to|with|by)\s+the\s+voices?\s+of\s+({FULL_NAME})"
        ),
        "cast.carried_by": re.compile(
            r"\b(?:carried|borne|porté|portée|portés)\s+(?:by|par)\s+(?:the\s+)?"
            rf"(?:(?:actor|actress|comédienne?|acteur|actrice)\s+)?({FULL_NAME})"
        ),
        "cast.opposite": re.compile(rf"\b[Oo]pposite\s+({FULL_NAME})"),
        "cast.cameo": re.compile(
            rf"\b({FULL_NAME})(?:,\s+[a-z][^,;.()]{{1,50}},)?\s+(?:(?:makes|has|gets)\s+"
            r"(?:a|an)\s+(?:[a-z-]+\s+)?cameo|cameos|cameo\b)"
        ),
        "director.collective": re.compile(
            r"\b(?:made|directed|co-directed|filmed)\s+by\s+(?:a|an|the)\s+"
            r"(?:[\w-]+\s+){0,2}?(?:collective|duo|team|trio|pair|group|quartet)\s+of\s+"
            rf"((?:the\s+)?{NAME_LIST})"
        ),
        "director.title_by_prose": re.compile(
            r"\b(?:to|for|with|including|and)[ ]+\"?((?:[A-Z0-9][\w'-]*)(?:[ ]+[\w'-]+)"
            r"{0,9}?)\"?,?[ ]+by[ ]+(?:(?:her|his|their)[ ]+(?:husband|wife|partner|"
            r"brother|sister|son|daughter|father|mother)[ ]+)?"
            rf"({FULL_NAME})(?=[ ]*[,.;)]|$)",
            re.M,
        ),
        "director.prize_possessive": re.compile(
            r"\b(?:(?:went|goes|gave\s[^.;]{1,60}?|awarded\s[^.;]{1,40}?)\s+to|"
            r"runner-up(?:\s+was)?|winner(?:\s+was)?)\s+"
            rf"({FULL_NAME})'s?\s+\"?(?=[A-Z])({TITLE_RUN})"
        ),
        "director.possessive_dated": re.compile(
            rf"\b({FULL_NAME})'s?\s+\"?(?=[A-Z])({TITLE_RUN})\"?\s+(?:\((?:19|20)\d\d\)|"
            r"(?:won|wins|took|takes)\s+the\b)"
        ),
        "director.debut_of": re.compile(
            r"\b(?:directorial|directing|feature|filmmaking)\s+debut\s+(?:of|from|by)\s+"
            r"(?:the\s+)?(?:(?:actor|actress|writer|novelist|comedian|playwright|"
            r"actor-turned-director|[a-z]+-turned-director)\s+)?"
            rf"({FULL_NAME})"
        ),
        "cast.apposition_plays": re.compile(
            rf"(?:^|(?<=[.!?]\s)|(?<=\n))({FULL_NAME}|{NAME_WORD})"
            r"((?:,\s+[a-z][^,.;()\n]{1,50}){1,2}),\s+"
            r"(?:plays|incarnates|portrays|embodies|interprets|incarne|joue|campe|"
            r"interprète)\s+(?:the\s+|la\s+|le\s+)?"
            rf"({_CHAR})(?=\s*[,.;]|\s+(?:with|in|a|an|who|avec|dans|qui)\b)",
            re.M,
        ),
        "cast.playing": re.compile(
            rf"\b({FULL_NAME}),?\s+playing\s+(?:(?:a|an|the|his|her|their)\s+"
            r"(?:[\w-]+(?:\s+|(?=[,.;]))){0,4}?(?:(?:named|called)\s+)?)?"
            rf"({_CHAR})?(?=\s*[,.;]|\s+(?:with|in|a|an|who|and)\b)"
        ),
        "cast.turn_as": re.compile(
            rf"\b({FULL_NAME})'s?\s+(?:[a-z-]+\s+){{0,2}}?(?:turn|performance|comeback|"
            r"portrayal)\s+as\s+(?:(?:the|a|an|his|her)\s+)?"
            rf"(?:(?:[a-z][\w-]*\s+){{0,3}}?({_CHAR}))?"
        ),
        "cast.lends_voice": re.compile(
            rf"\b({FULL_NAME})\s+lends\s+(?:her|his|their)\s+(?:[a-z-]+\s+)?"
            r"(?:voices?|features|face|traits|body)\s+"
            rf"to\s+(?:the\s+)?({_CHAR})?"
        ),
        "cast.possessive_described": re.compile(
            rf"\b({FULL_NAME})'s?\s+((?:{_HONORIFIC}\s+)?{NAME_WORD}),\s+(?:a|an)\s+"
            rf"(?:[\w-]+\s+){{0,3}}?{_PERSON_NOUN}\b"
        ),
    }


_FILMISH = re.compile(
    r"\b(?:film|films|movie|feature|documentary|debut|romance|comedy|drama|thriller|"
    r"competition|picture|adaptation)\b"
)


def _clean(name: str) -> str | None:
    """The name without a leading nationality or job word, if still a full name."""
    words = trim_name(name).split()
    if len(words) >= 3 and _DEMONYM.fullmatch(words[0]):
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else None


def _fact(
    m: re.Match[str], group: int, role: str, rule: str, conf: float,
    character: str | None = None, title: str | None = None,
) -> PersonFact | None:  # fmt: skip
    name = _clean(m.group(group))
    if not name or _CUT_NAME.match(m.string, m.end(group)):
        return None
    start = m.start(group) + m.group(group).find(name)
    return PersonFact(role, name, start, start + len(name), rule, conf, character,
                      title_hint=title)  # fmt: skip


_FOR_TITLE = re.compile(r"[^.;\"]{0,40}?\bfor\s+\"([^\"\n]{1,80})\"")


def _for_title(text: str, end: int) -> str | None:
    """The quoted title a prize line gives after its winner: '... for "Annette"'."""
    m = _FOR_TITLE.match(text, end)
    return m.group(1).strip() if m else None


def find_clause_people(text: str) -> list[PersonFact]:
    """Cast and director facts of the phrasings in the module docstring."""
    rules = _rules()
    out: list[PersonFact | None] = []
    for m in rules["director.title_of"].finditer(text):
        title = m.group(0)[1:].split('"', 1)[0].strip()
        if re.search(
            r"\b(?:in|like|than)\s+$", text[max(0, m.start() - 6) : m.start()]
        ):
            continue  # "seen together in "Title" of X": an earlier film, in passing
        if SOURCE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # 'based on the book "Wiseguy" by X': its author
        out.append(_fact(m, 1, "director", "director.title_of", 0.85, title=title))
    for key in ("director.prize_to", "director.won_prize"):
        for m in rules[key].finditer(text):
            hint = _for_title(text, m.end())
            out.append(_fact(m, 1, "director", key, 0.85, title=hint))
    for m in rules["cast.won_prize"].finditer(text):
        out.append(_fact(m, 1, "cast", "cast.won_prize", 0.8, m.group(2)))
    for m in rules["cast.prize_to"].finditer(text):
        hint = _for_title(text, m.end())
        out.append(_fact(m, 1, "cast", "cast.prize_to", 0.8, title=hint))
    for m in rules["cast.won_prize_gapped"].finditer(text):
        out.append(_fact(m, 1, "cast", "cast.won_prize_gapped", 0.8))
    for m in rules["cast.relative_plays"].finditer(text):
        out.append(_fact(m, 2, "cast", "cast.relative_plays", 0.8, m.group(1)))
    for m in rules["cast.gapped"].finditer(text):
        char = m.group(4)
        if _CREW_JOB.search(m.group(0)):
            continue  # "A is the director, and B the producer": crew
        if char and re.search(r"\b(?:Cup|Prize|Award|Lion|Bear)\b", char):
            continue  # "and B the Volpi Cup for best actress": a prize line
        out.append(_fact(m, 2, "cast", "cast.gapped", 0.8, char))
    for m in rules["director.apposition_verb"].finditer(text):
        tail = m.group(0)[len(m.group(0)) - len(m.group(3)) :]
        said = m.group(0)[: len(m.group(0)) - len(m.group(3))]
        directed = re.search(r"\bdirected(?: it)?\s*$", said) is not None
        if not (_FILMISH.search(tail) or directed):
            continue  # "A, a friend, made dinner": no film in the clause
        if _CREW_CLAUSE.search(said) and not directed:
            continue  # "A, who shot it, makes Texas look neon": the camera
        fact = _fact(m, 2, "director", "director.apposition_verb", 0.8)
        out.append(fact)
        if fact and m.group(1):  # "Jean-Pierre and Luc Dardenne, ...": siblings
            first = f"{m.group(1)} {fact.name.split()[-1]}"
            out.append(PersonFact("director", first, m.start(1), m.end(1),
                                  "director.apposition_verb", 0.8))  # fmt: skip
    for m in rules["cast.apposition_is"].finditer(text):
        if _DEMONYM.fullmatch(m.group(2)):
            continue  # "A, who directed it, is Danish": a nationality
        out.append(_fact(m, 1, "cast", "cast.apposition_is", 0.8, m.group(2)))
    for m in rules["cast.apposition_is_noun"].finditer(text):
        if CAST_CUE.search(m.group(0)):  # "X, in a rare dramatic role, is her husband"
            out.append(_fact(m, 1, "cast", "cast.apposition_is_noun", 0.75))
    for m in rules["director.career"].finditer(text):
        out.append(_fact(m, 1, "director", "director.career", 0.7))
    for m in rules["cast.pair_as"].finditer(text):
        for group, part in ((1, m.group(3)), (2, m.group(4))):
            out.append(_fact(m, group, "cast", "cast.pair_as", 0.8, part))
    for key in ("cast.as_called", "cast.composition_of"):
        for m in rules[key].finditer(text):
            # "the engineer everyone calls "Professor"": a nickname, no name
            part = None if re.search(r"\bcalls\s", m.group(0)) else m.group(2)
            out.append(_fact(m, 1, "cast", key, 0.8, part))
    for m in rules["cast.apposition_plays"].finditer(text):
        if len(m.group(1).split()) >= 2:
            out.append(_fact(m, 1, "cast", "cast.apposition_plays", 0.8, m.group(3)))
        else:  # "Williams, in her fourth film with X, plays Lizzy": resolved later
            out.append(PersonFact("cast", m.group(1), m.start(1), m.end(1),
                                  "cast.plays_surname", 0.8, m.group(3)))  # fmt: skip
    for m in rules["cast.cameo"].finditer(text):
        out.append(_fact(m, 1, "cast", "cast.cameo", 0.9))
    for m in rules["director.collective"].finditer(text):
        for name in re.finditer(FULL_NAME, m.group(1)):
            at, who = m.start(1) + name.start(), name.group(0)
            out.append(PersonFact("director", who, at, at + len(who),
                                  "director.collective", 0.85))  # fmt: skip
    for m in rules["director.title_by_prose"].finditer(text):
        title = m.group(1)
        if _NOT_A_TITLE.search(title) or SOURCE_BEFORE.search(text[: m.start(1)][-30:]):
            continue  # "the award for Best Screenplay by X": its writer
        out.append(_fact(m, 2, "director", "director.title_by_prose", 0.8, title=title))
    for key in ("director.prize_possessive", "director.possessive_dated"):
        for m in rules[key].finditer(text):
            title = m.group(2)
            if title.split()[0].casefold() in STOPWORDS - {"the", "a", "an"}:
                continue
            out.append(_fact(m, 1, "director", key, 0.8, title=title))
    for m in rules["director.debut_of"].finditer(text):
        out.append(_fact(m, 1, "director", "director.debut_of", 0.85))
    for m in rules["cast.aside_played_by"].finditer(text):
        called = re.search(rf"\b(?:called|named)\s+({_CHAR})", m.group(2))
        part = called.group(1) if called else m.group(1)
        if part.split()[0].casefold() in STOPWORDS:
            continue  # "But, as ever, played by ...": no part
        if not called and re.search(
            r"(?<!\bthe )(?<!\bof )(?<!\bfrom )\b[A-Z]\w*\b(?!')", m.group(2)
        ):
            continue  # "Mollie, while his uncle William Hale, played by": his part
        out.append(_fact(m, 3, "cast", "cast.aside_played_by", 0.85, part))
    for key in ("cast.cast_list", "cast.leads_cast", "cast.in_the_lead"):
        for m in rules[key].finditer(text):
            for name in re.finditer(FULL_NAME, m.group(1)):
                clean = _clean(name.group(0))
                if clean:
                    at = m.start(1) + name.start()
                    out.append(PersonFact("cast", clean, at, at + len(clean), key,
                                          0.85))  # fmt: skip
    for m in rules["cast.co_star"].finditer(text):  # "X's Title co-star Y": both
        out.append(_fact(m, 1, "cast", "cast.co_star", 0.85))
        out.append(_fact(m, 2, "cast", "cast.co_star", 0.85))
    for m in rules["cast.voice_of"].finditer(text):  # MT "to the voice of X"
        out.append(_fact(m, 1, "cast", "cast.voice_of", 0.8))
    for m in rules["cast.carried_by"].finditer(text):  # MT "carried by X"
        out.append(_fact(m, 1, "cast", "cast.carried_by", 0.8))
    for m in rules["cast.opposite"].finditer(text):
        out.append(_fact(m, 1, "cast", "cast.opposite", 0.75))
    for key in ("cast.playing", "cast.turn_as", "cast.lends_voice", "cast.paren_as"):
        for m in rules[key].finditer(text):
            after = re.split(r"[,.;()]", text[m.end() : m.end() + 25])[0]
            if key == "cast.turn_as" and _CREW_JOB.search(
                text[m.end(1) : m.end()] + after
            ):
                continue  # "X's turn as a director": her directing, no part
            out.append(_fact(m, 1, "cast", key, 0.8, m.group(2)))
    for m in rules["cast.possessive_described"].finditer(text):
        out.append(_fact(m, 1, "cast", "cast.possessive_described", 0.85, m.group(2)))
    return [f for f in out if f is not None] + find_aside_people(text)
