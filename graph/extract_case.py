"""Extract stage, all-lower-case reviews: restore the capitals that the rules need.

Contract: user reviews are often typed without capitals ("ryan gosling plays
sebastian"), and every name rule keys on capitals. :func:`recase_lowercase` leaves a
normally written text untouched; for a text written (almost) all in lower case it
returns a copy of the same length (so offsets stay valid) in which the words that cues
mark as names are capitalised everywhere: the title of a headline ("barbie (2023) -
my review", "la la land review", "anatomie d'une chute... bof"), names before "plays",
"as", "directed it", names after "directed by", "played by", "joué par", "le film de",
and the characters after "plays", "as", "joue". Nothing else changes.
"""

from __future__ import annotations

import re
from functools import lru_cache

_W = r"[a-zà-ÿ][a-zà-ÿ'-]*"
#: Words that are never part of a name in a lower-case review.
_FUNCTION = frozenset(
    """a an the and but or so if of to in on at by for with from as is was are were be
    been has had have it its it's this that these those he she they we you i me my his
    her their our your him them who whom which what when where while then than just
    also really very too not no yes so lol tbh imo like one two three first second
    last next again still even only all some any much more most here there about
    into over after before up down out off ok okay well good great bad best worst
    film movie review scene part plays played playing play stars star acting role
    cast directed director le la les un une des du de et en est dans pour avec sur par
    qui que il elle ils elles on ce cette son sa ses leur mais ou donc car film joue
    joué jouée rôle pas plus bien très trop""".split()
)
#: Cues that a "word (two or three words)" aside pairs a character with an actor.
_RELATION = re.compile(
    r"\b(?:husband|wife|son|daughter|mother|father|mom|mum|dad|brother|sister|friend|"
    r"boyfriend|girlfriend|partner|boss|lover|uncle|aunt|neighbou?r)\s+\S+\s*$"
)
_CUE = re.compile(r"\b(?:plays|played|playing|cast|actor|actress|stars|starring)\b")
_CLAUSE = r"(?:^|(?<=[.!?,;:(\n])\s*|(?<=\band )|(?<=\bthen )|(?<=\bet )|(?<=\bso ))"


def is_lowercase_text(text: str) -> bool:
    """True when a text of some length has (almost) no capitalised words."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 30:
        return False
    caps = sum(1 for w in words if w[:1].isupper() and not w.isupper())
    return caps / len(words) < 0.02


def _is_name_word(word: str, *, last: bool = False) -> bool:
    w = word.casefold()
    if w in _FUNCTION or len(w) < 2 or not w[:1].isalpha():
        return False
    return not (last and re.search(r"(?:ed|ing|ly)$", w) and len(w) > 5)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    name = rf"({_W}(?: {_W}){{1,2}})"
    char = rf"({_W}(?: {_W})?)"
    return {
        "before_cast": re.compile(
            rf"{_CLAUSE}{name}\s+(?:plays|played|stars as|is cast as|joue|incarne|"
            rf"as|(?:is|was|gets|has|appears)\s+(?:\S+\s+){{0,2}}?as)\s+(?:the\s+)?"
            rf"{char}"
        ),
        "before_director": re.compile(
            rf"{_CLAUSE}{name}(?:\s+\([^()\n]{{1,80}}\))?\s+(?:directed|wrote and "
            r"directed|réalise|a réalisé|made)\s+(?:it|this|the film|the movie|le film|"
            r"(?:a|an|this|his|her)\s+(?:\S+\s+){0,2}?(?:film|movie|documentary))\b"
        ),
        "after": re.compile(
            r"\b(?:directed by|played by|voiced by|starring|joué par|jouée par|"
            rf"réalisé par|le film de|the new film by|film by|director)\s+{name}"
        ),
        # "directed by daniel kwan and daniel scheinert": the second of two names
        "after_and": re.compile(
            rf"\b(?:directed by|réalisé par|starring|with)\s+{_W} {_W}(?: {_W})?"
            rf"\s+(?:and|et|&)\s+{name}"
        ),
        # "jamie lee curtis is deirdre the irs lady", "james hong is gong gong, ..."
        "is_character": re.compile(
            rf"{_CLAUSE}{name}\s+is\s+((?:[A-Z]|{_W})[a-zà-ÿ'-]*(?: {_W})?)"
            r"(?=,|\s+\(|\s+(?:the|a|an|who)\b)"
        ),
        # "swann arlaud en avocat": a French actor in a described role
        "en_role": re.compile(
            rf"{_CLAUSE}{name}\s+en\s+(?:avocate?|juge|policière?|médecin|mère|père|"
            r"flic|commissaire|professeure?|infirmière?|journaliste|procureure?)\b"
        ),
        # "her husband waymond (ke huy quan)"
        "paren_actor": re.compile(rf"\b({_W})\s+\({name}\)"),
        # "fired by dennis quaid (harvey, the grossest man alive)"
        "paren_character": re.compile(rf"\b(?:by|with|and)\s+{name}\s+\(({_W})[,)]"),
        "character": re.compile(rf"\b(?:elle|il|she|he)\s+(?:joue|plays)\s+{char}"),
    }


def _name_words(phrase: str, *, as_character: bool = False) -> list[str]:
    """The leading words of ``phrase`` that can be a name (all of them must be)."""
    words = phrase.split()
    while not as_character and words and words[0] in _FUNCTION:
        words.pop(0)  # ", and ruth berg as ada": the clause opener is no name
    out: list[str] = []
    for w in words:
        if not _is_name_word(w, last=as_character):
            break
        out.append(w)
    if as_character:
        return out
    return out if len(out) == len(words) >= 2 else []


_HEADLINE_TITLE = re.compile(
    r"^\s*([a-zà-ÿ0-9][^\n()|]{1,60}?)\s*(?:\((?:19|20)\d\d\)|\.{2,}|…|\s[-–—]\s|"
    r"\breview\b|\bcritique\b|:|\||[★☆]|\d+/10\b)"
)


def _headline_titles(text: str) -> list[str]:
    """The titles a lower-case headline names: the part before "(2023)", "review",
    "..." or ":"; or, in "a + b double bill, my thoughts", the longest opening words
    of each part that the body repeats."""
    first = text.lstrip().split("\n", 1)[0]
    body = text[text.find(first) + len(first) :]
    m = _HEADLINE_TITLE.match(first)
    if m:
        parts = [m.group(1).strip(" ,-")]
    elif re.search(r"\s(?:\+|&|vs\.?|and)\s", first):
        parts = [
            _recurring_prefix(p, body)
            for p in re.split(r"\s(?:\+|&|vs\.?|and)\s", first.split(",")[0])
        ]
    else:
        return []
    out = []
    for title in parts:
        words = title.split()
        if not 1 <= len(words) <= 6 or words[0] in {"my", "i", "ok", "so"}:
            continue
        if words[0] != "the" or (len(words) > 1 and f" {title}" in body):
            out.append(title)  # "the zone of interest: ..." when the body repeats it
    return out


def _recurring_prefix(part: str, body: str) -> str:
    words = part.split()
    for n in range(min(len(words), 6), 0, -1):
        phrase = " ".join(words[:n])
        if len(phrase) > 3 and re.search(
            rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", body
        ):
            return phrase
    return ""


#: Words that stay in lower case inside a title ("Anatomie d'Une Chute").
_SMALL = frozenset(
    "a an the and of in on at to for with from by or as de la le les du des et en "
    "un une y el il di da".split()
)


def _cap(word: str) -> str:
    if re.match(r"[dl]'\w", word):
        return word[:2] + word[2:3].upper() + word[3:]  # "d'une" -> "d'Une"
    # "feyd-rautha" -> "Feyd-Rautha"
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def _capitalise(text: str, phrase: str) -> str:
    """Every whole-word occurrence of ``phrase`` with its words capitalised."""
    words = phrase.split()
    cased = " ".join(
        _cap(w) if i == 0 or w not in _SMALL else w for i, w in enumerate(words)
    )
    if len(cased) != len(phrase):
        return text
    return re.sub(rf"(?<![\w'-]){re.escape(phrase)}(?![\w-])", cased, text)


def recase_lowercase(text: str) -> str:
    """``text`` with names and titles capitalised when it is written in lower case
    (see the module docstring); any other text is returned unchanged."""
    if not is_lowercase_text(text):
        return text
    phrases: list[str] = []
    phrases += _headline_titles(text)
    rules = _rules()
    for m in rules["before_cast"].finditer(text):
        actor = _name_words(m.group(1))
        character = _name_words(m.group(2), as_character=True)
        if actor and character:
            phrases += [" ".join(actor), " ".join(character)]
    for m in rules["is_character"].finditer(text):
        actor = _name_words(m.group(1))
        character = _name_words(m.group(2), as_character=True)
        if actor and character and character[0] not in {"back", "great", "good"}:
            phrases += [" ".join(actor), " ".join(character)]
    for m in rules["paren_actor"].finditer(text):
        actor = _name_words(m.group(2))
        before = text[max(0, m.start() - 200) : m.start()].split(".")[-1]
        cued = _RELATION.search(before[-30:]) or _CUE.search(before)
        if actor and cued and _is_name_word(m.group(1), last=True):
            phrases += [" ".join(actor), m.group(1)]
    for m in rules["paren_character"].finditer(text):
        actor = _name_words(m.group(1))
        if actor and _is_name_word(m.group(2), last=True):
            phrases += [" ".join(actor), m.group(2)]
    for m in rules["en_role"].finditer(text):
        actor = _name_words(m.group(1))
        if actor:
            phrases.append(" ".join(actor))
    for key in ("before_director", "after", "after_and"):
        for m in rules[key].finditer(text):
            words = m.group(1).split()
            kept = _name_words(" ".join(words[:2]))
            closed = text[m.end(1) : m.end(1) + 1] in {
                ",",
                ".",
                ";",
                ":",
                ")",
                "!",
                "?",
            }
            if len(words) == 3 and kept and closed and _is_name_word(words[2]):
                kept.append(words[2])  # "joué par milo machado graner,"
            if len(kept) >= 2:
                phrases.append(" ".join(kept))
    for m in rules["character"].finditer(text):
        character = _name_words(m.group(1), as_character=True)
        if character:
            phrases.append(" ".join(character))
    for phrase in sorted(set(phrases), key=len, reverse=True):
        text = _capitalise(text, phrase)
    return text
