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
    """True when a text of some length has (almost) no capitalised words.

    Only the prose lines count when there are enough of them: a site's header
    ("The Shawshank Redemption (1994)", "Rating: 10/10") above a user's lower-case
    text is written by the site, not by the user.
    """
    lines = [ln for ln in text.splitlines() if len(ln.split()) >= 8]
    words = re.findall(r"[^\W\d_]+", "\n".join(lines))
    if len(words) < 30:
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
            rf"as|(?:is|was|gets|has|appears)\s+(?:\S+\s+){{0,2}}?as)\s+(the\s+)?"
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
        # "ok villeneuve actually did it", "but rajamouli directs action like ..."
        "surname_director": re.compile(
            rf"(?:{_CLAUSE}|(?<=\bbut )|(?<=\bok ))({_W}(?: {_W})??)\s+"
            r"(?:(?:actually|really|just|finally|truly|clearly|once again|again)\s+)?"
            r"(?:directs|directed (?:it|this)|did (?:it|this)|also (?:did|directed|"
            r"made))\b"
        ),
        # "zendaya as chani is ...", "chalamet finally gets to be scary as paul,"
        "surname_cast": re.compile(
            rf"{_CLAUSE}({_W})\s+(?:(?:finally|really|actually|also)\s+)?"
            rf"(?:(?:gets to be|is)\s+(?:{_W}\s+)?)?as\s+({_W}(?: {_W})?)"
            r"(?=\s*[,.;!]|\s+(?:is|was|in|has|and)\b)"
        ),
        # "alia bhatt and ajay devgn are in it for like 10 minutes"
        "in_it": re.compile(
            rf"{_CLAUSE}{name}(?:\s+and\s+{name})?\s+(?:is|are)\s+"
            r"(?:(?:barely|only|also|just|briefly|hardly)\s+)?in it\b"
        ),
        # "bheem (ntr jr) and raju (ram charan)": characters with their actors
        "paren_pairs": re.compile(
            rf"\b({_W})\s+\(({_W}(?: {_W}){{1,2}})\)(?:,|\s+and|\s*&)\s+({_W})\s+"
            rf"\(({_W}(?: {_W}){{1,2}})\)"
        ),
    }


#: Titles before a character's name ("the evil governor scott buxton").
_TITLE_WORD = (
    r"(?:governor|president|king|queen|prince|princess|captain|general|colonel|"
    r"sergeant|major|detective|inspector|agent|officer|sheriff|mayor|senator|judge|"
    r"doctor|dr|professor|lord|lady|sir|count|countess|duke|father|sister|brother|"
    r"uncle|aunt|emperor|commander|chief)"
)


#: Words that end "as the lead actor." without naming the part.
_NOT_A_PART = (
    r"(?:actor|actress|lead|villain|hero|heroine|star|one|guy|girl|boy|man|woman|"
    r"kid|role|part|mother|father|wife|husband|son|daughter|character|best|worst)"
)


def _titled_name(after: str) -> str | None:
    """The one- or two-word name after a title in ``after`` ("evil governor scott
    buxton and ..." -> "scott buxton"), or None."""
    m = re.match(rf"(?:{_W}\s+)?{_TITLE_WORD}\s+({_W}(?:\s+{_W})?)", after)
    if not m:
        # "as the kid mizushima.": a noun, then one name closing the clause
        m = re.match(rf"{_W}\s+({_W})(?=\s*[.,;!]|\s+and\b)", after)
        if not m or re.fullmatch(_NOT_A_PART, m.group(1)):
            return None
    words = _name_words(m.group(1), as_character=True)
    return " ".join(words) if words else None


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

#: A lower-case headline that says what the user just watched: "just got back from
#: past lives and i am not ok", "finally watched the holdovers!!".
_HEADLINE_SEEN = re.compile(
    r"^\s*(?:(?:just|finally|today|tonight|i|we)\s+){0,2}(?:got back from|saw|watched|"
    r"rewatched|re-watched|caught|went to see|been to see)\s+(?:the\s+film\s+)?"
    r"([a-zà-ÿ0-9][^\n()|,.!?:]{1,50}?)\s*(?=\s(?:and|but|for|with|at|in|on|last|"
    r"today|tonight|again|twice|yesterday)\b|[,.!?:(]|$)"
)


def _headline_titles(text: str) -> list[str]:
    """The titles a lower-case headline names: the part before "(2023)", "review",
    "..." or ":"; or, in "a + b double bill, my thoughts", the longest opening words
    of each part that the body repeats."""
    first = text.lstrip().split("\n", 1)[0]
    body = text[text.find(first) + len(first) :]
    m = _HEADLINE_SEEN.match(first) or _HEADLINE_TITLE.match(first)
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
        if all(w in _FUNCTION for w in words[:n]):
            continue  # "just" of "just got back from ...": no title
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
        character = _name_words(m.group(3), as_character=True)
        if actor and character and m.group(2):
            # "plays the evil governor scott buxton": the name after the title;
            # "as the warden": a part without a name
            titled = _titled_name(text[m.start(3) : m.start(3) + 60])
            phrases += [" ".join(actor)] + ([titled] if titled else [])
        elif actor and character:
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
        if actor and not cued:  # "noriko (minami hamabe)" and later "hamabe"
            rest = text[: m.start(2)] + text[m.end(2) :]
            cued = re.search(rf"(?<![\w-]){re.escape(actor[-1])}(?![\w-])", rest)
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
    phrases += _single_names(text, rules)
    for m in rules["character"].finditer(text):
        character = _name_words(m.group(1), as_character=True)
        if character:
            phrases.append(" ".join(character))
    for phrase in sorted(set(phrases), key=len, reverse=True):
        text = _capitalise(text, phrase)
    return text


#: Lower-case words that sit where a one-word name would ("same as ever").
_NOT_SINGLE = frozenset(
    """same such known much soon long serves works doubles ever usual always before
    expected hell nobody noone everyone someone anyone somebody everybody story plot
    ending nothing everything something""".split()
)


def _single_names(text: str, rules: dict[str, re.Pattern[str]]) -> list[str]:
    """Names a user review gives by one word or in a list of pairs: surnames that
    direct ("villeneuve actually did it"), one-word actors and their parts ("zendaya
    as chani is ..."), "a and b are in it", "bheem (ntr jr) and raju (ram charan)"."""

    def single(word: str, *, last: bool = False) -> bool:
        return word not in _NOT_SINGLE and _is_name_word(word, last=last)

    out: list[str] = []

    def all_single(phrase: str) -> bool:
        return all(single(w, last=True) for w in phrase.split())

    for m in rules["surname_director"].finditer(text):
        words = m.group(1).split()
        while words and words[0] in _FUNCTION:
            words.pop(0)  # "ok lindqvist actually did it"
        if words and all_single(" ".join(words)):
            out.append(" ".join(words))
    for m in rules["surname_cast"].finditer(text):
        if single(m.group(1), last=True) and all_single(m.group(2)):
            out += [m.group(1), m.group(2)]
    for m in rules["in_it"].finditer(text):
        names = [_name_words(g) for g in m.groups() if g]
        if all(names):
            out += [" ".join(n) for n in names]
    for m in rules["paren_pairs"].finditer(text):
        groups = m.groups()
        if all(
            len(_name_words(g, as_character=True)) == g.count(" ") + 1 for g in groups
        ):
            out += list(groups)
    return out
