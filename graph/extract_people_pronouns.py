"""Extract stage, parts named a sentence away: pronouns, reversed "is", prizes.

Contract: :func:`find_pronoun_roles` returns cast
:class:`~graph.extract_people.PersonFact` records for actors whose character the
critic named in another clause:

- "a bus driver called Paterson ... Adam Doe plays him", "Their son Daniel ...
  Milo Doe, who plays him, ...", "She is Bella Baxter, and Emma Doe plays her":
  the pronoun's part is the character the text introduced last before it ("called
  X", "named X", "his wife X", "X, a painter", "X is her landlord", "She is X");
- "... the reason to see it is Hugh Doe. He plays Phoenix Buchanan": a sentence
  opening "He/She plays X" is the part of the last full name of the sentence
  before (not a director the rules know);
- "the boy's mother, Jane. Jane is Nastassja Doe": an introduced character that
  "is" a full name;
- "Antonio Doe won the best actor prize for playing Salvador Mallo", "X took best
  actor for his giggling, fragile King Christian VII", "X was named best actor for
  Title, playing Y": a prize sentence's part.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_people import PersonFact, trim_name
from graph.extract_text import (
    FULL_NAME,
    NAME_LIST,
    NAME_WORD,
    STOPWORDS,
    find_all,
    split_list,
)

_CHAR = rf"({NAME_WORD}(?: {NAME_WORD})?)"
_REL = (
    r"(?:wife|husband|mother|father|sister|brother|daughter|son|friend|lover|"
    r"partner|girlfriend|boyfriend|neighbou?r|colleague|boss|mentor|rival|aunt|uncle|"
    r"cousin|grandmother|grandfather|fiancée?|assistant|landlord|landlady|nephew|"
    r"niece|child|boy|girl|dog|cat)"
)
#: How far back a pronoun looks for its part.
_REACH = 500


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    """Compiled patterns (compiled on first use, never at import)."""
    return {
        "intro": re.compile(
            rf"\b(?:called|named|nicknamed)\s+{_CHAR}(?![\w-])"
            rf"|(?:'s|\b[Hh]is|\b[Hh]er|\b[Tt]heir)\s+(?:[a-z-]+,?\s+){{0,2}}?{_REL},?"
            rf"\s+{_CHAR}(?![\w-])"
            rf"|(?<![Ii]n )(?<![Aa]t )(?<![Ff]rom )(?<![Tt]o )\b{_CHAR},\s+(?:a|an|the)"
            r"\s+[a-z]"
            rf"|\b[a-z]+,\s+{_CHAR},\s+(?:who|whose)\b"
            rf"|(?:^|(?<=[.!?]\s))(?:{_CHAR}\s+is\s+(?:her|his|their|a|an|the)\s+[a-z]"
            rf"|(?:She|He)\s+is\s+{_CHAR}(?=[,.;]))",
            re.M,
        ),
        "plays_pronoun": re.compile(
            rf"({NAME_LIST})(?:,\s+who\s+[^,.;]{{1,40}},|,?\s+who)?\s+"
            r"(?:plays|play|played|portrays|portray|voices)\s+(?:him|her"
            r"(?!\s+(?!(?:with|as|in|and|like|so|to|at|for|from|on|by|when|while|but)"
            r"\b)[a-z]))\b"
        ),
        "pronoun_plays": re.compile(
            rf"(?:^|(?<=[.!?]\s))(?:He|She)\s+(?:plays|played|portrays)\s+{_CHAR}"
            r"(?=[\s,.;])",
            re.M,
        ),
        "char_is_actor": re.compile(
            rf"(?:^|(?<=[.!?]\s)){_CHAR}\s+is\s+(?:played\s+by\s+)?({FULL_NAME})"
            r"(?=\s*[,.;])",
            re.M,
        ),
        "prize_playing": re.compile(
            rf"({FULL_NAME})\s+(?:won|wins|took|takes|was named|was rewarded|received|"
            r"picked up|earned|collected)\b[^.;\n]{0,100}?"
            r"(?:\bfor\s+(?:playing|portraying)\s+|,\s+playing\s+|\bfor\s+(?:his|her|"
            r"their)\s+(?:(?!(?:role|turn|performance)\b)[a-z-]+,?\s+){0,3}"
            r"(?:(?:role|turn|performance)\s+as\s+)?)"
            rf"(?:the\s+)?(?:[a-z-]+\s+){{0,2}}?({NAME_WORD}(?: {NAME_WORD}){{0,2}})"
            r"(?![\w-])"
        ),
    }


def _intros(text: str, people: set[str]) -> list[tuple[int, str, str]]:
    """(offset, name, gender) of every character the text introduces, in order;
    the gender ("m", "f" or "") comes from a relation word ("his sister Ilse")."""
    out = []
    for m in _rules()["intro"].finditer(text):
        group = m.lastindex or 1
        name = trim_name(m.group(group))
        if name and name == m.group(group) and _ok(name, people):
            said = m.group(0).casefold()
            gender = "f" if _FEMALE.search(said) else "m" if _MALE.search(said) else ""
            out.append((m.start(group), name, gender))
    return out


_FEMALE = re.compile(
    r"\b(?:wife|mother|sister|daughter|girlfriend|aunt|grandmother|fiancée|"
    r"landlady|niece|girl|she)\b"
)
_MALE = re.compile(
    r"\b(?:husband|father|brother|son|boyfriend|uncle|grandfather|fiancé|landlord|"
    r"nephew|boy|he)\b"
)


def _titled(text: str, name: str) -> bool:
    """True when the text also uses ``name`` as a title: 'Name, Jo Doe's film',
    "Name (2016)", a quoted "Name"."""
    for at in find_all(name, text):
        end = at + len(name)
        if _TITLE_AFTER.match(text, end, end + 60):
            return True
        if at and text[at - 1] in '"“«':
            return True
    return False


#: After a name used as a title: ", Jo Doe's", " (2016)", a closing quote.
_TITLE_AFTER = re.compile(rf",\s+{FULL_NAME}'s?\s|\s*\((?:19|20)\d\d\)|[\"”»]")


def _ok(name: str, people: set[str]) -> bool:
    """A possible character: no stop word, no known person or surname."""
    words = name.split()
    return (
        words[0].casefold() not in STOPWORDS
        and name not in people
        and not any(w in people for w in words)
    )


def find_pronoun_roles(text: str, people: list[PersonFact]) -> list[PersonFact]:
    """Cast facts for the phrasings of the module docstring.

    Args:
        text: the normalised review text.
        people: the person facts found so far (their names are no characters).
    """
    names = {p.name for p in people} | {p.name.split()[-1] for p in people}
    directors = {p.name for p in people if p.role == "director"}
    rules = _rules()
    out: list[PersonFact] = []
    intros = _intros(text, names)
    # a part already paired with its actor is the latest one named there too
    intros += [(p.start, p.character, "") for p in people if p.character]
    intros.sort()
    intros = [(at, n, g) for at, n, g in intros if not _titled(text, n)]
    for m in rules["plays_pronoun"].finditer(text):
        para = text.rfind("\n\n", 0, m.start())
        lo = max(m.start() - _REACH, para)
        other = "f" if m.group(0).endswith("him") else "m"
        before = [n for at, n, g in intros if lo <= at < m.start(1) and g != other]
        if not before:
            continue
        pos = 0
        for actor in split_list(m.group(1)):
            at = m.group(1).find(actor, pos)
            pos = at + len(actor)
            clean = trim_name(actor)
            if len(clean.split()) >= 2:
                start = m.start(1) + at
                fact = PersonFact("cast", clean, start, start + len(actor),
                                  "cast.plays_pronoun", 0.7, before[-1])  # fmt: skip
                out.append(fact)
    for m in rules["pronoun_plays"].finditer(text):
        lo = max(0, m.start() - 300)
        prior = text[lo : m.start()].rstrip()[:-1]
        lo += max(prior.rfind(c) for c in ".!?\n") + 1
        last = list(re.finditer(FULL_NAME, text[lo : m.start()]))
        char = trim_name(m.group(1))
        if not last or char != m.group(1) or not _ok(char, names):
            continue
        actor = trim_name(last[-1].group(0))
        if len(actor.split()) >= 2 and actor not in directors:
            at = lo + last[-1].start() + last[-1].group(0).find(actor)
            out.append(PersonFact("cast", actor, at, at + len(actor),
                                  "cast.pronoun_plays", 0.65, char))  # fmt: skip
    introduced = {n for _at, n, _g in intros}
    for m in rules["char_is_actor"].finditer(text):
        char, actor = trim_name(m.group(1)), trim_name(m.group(2))
        if char in introduced and len(actor.split()) >= 2 and actor not in directors:
            out.append(PersonFact("cast", actor, m.start(2), m.start(2) + len(actor),
                                  "cast.char_is_actor", 0.7, char))  # fmt: skip
    for m in rules["prize_playing"].finditer(text):
        actor, char = trim_name(m.group(1)), trim_name(m.group(2))
        if (
            len(actor.split()) >= 2
            and char == m.group(2)
            and _ok(char, names - {actor})
        ):
            out.append(PersonFact("cast", actor, m.start(1), m.start(1) + len(actor),
                                  "cast.prize_playing", 0.75, char))  # fmt: skip
    return out
