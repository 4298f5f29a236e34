"""Extract stage, text primitives: normalisation, name patterns, sentence lookup.

Contract: every rule of the extract stage runs on the *normalised* text returned by
:func:`normalise_text`, which has exactly the length of the review text, so a match's
offsets are offsets into ``Review.text``. :class:`TextIndex` turns an offset into the
:class:`~graph.models.Evidence` of the sentence that holds it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from graph.models import Evidence

#: Version of the rule set, part of every ``Evidence.extractor`` name.
RULES_VERSION = 5

# Characters replaced one for one, so that offsets never move.
_SAME_LENGTH = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)

# Upper-case letters of Latin-1 and Latin Extended-A (names of European films/people).
UP = (
    "A-Z\u00c0-\u00d6\u00d8-\u00de"
    "\u0100\u0102\u0104\u0106\u0108\u010a\u010c\u010e\u0110\u0112\u0114\u0116\u0118"
    "\u011a\u011c\u011e\u0120\u0122\u0124\u0126\u0128\u012a\u012c\u012e\u0130\u0134"
    "\u0136\u0139\u013b\u013d\u013f\u0141\u0143\u0145\u0147\u014a\u014c\u014e\u0150"
    "\u0152\u0154\u0156\u0158\u015a\u015c\u015e\u0160\u0162\u0164\u0166\u0168\u016a"
    "\u016c\u016e\u0170\u0172\u0174\u0176\u0178\u0179\u017b\u017d"
)
_LETTER = r"[^\W\d_]"
#: Second syllables of romanised Korean given names: "So-young", "Sang-hyeon".
_KOREAN = r"(?:eon|eong|young|ung|ang|ong|oon|oong|ook|eun|jin|woo|hee|hyun|seok)"
#: One capitalised name word: "Piaton", "O'Brien", "Marie-Pierre", "DiCaprio".
NAME_WORD = (
    rf"(?:[{UP}]\.(?:[ ]?[{UP}]\.)*|[{UP}]{_LETTER}*(?:'[{UP}]{_LETTER}+)?"
    rf"(?:-[{UP}]{_LETTER}+|-[a-z]{{1,4}}\b|-[a-z]{{0,3}}{_KOREAN}\b)*)"
)
_PARTICLE = (
    r"(?:de|da|del|della|di|du|des|van|von|der|den|ter|dos|das|bin|ben|al|el|le|la)"
)
#: "de los", "van der": two particles in a row.
_PARTICLES = rf"(?:{_PARTICLE}[ ]+(?:(?:los|las|la|der|den)[ ]+)?)"
#: A full personal name: two to four name words, particles allowed inside.
_SUFFIX = r"(?:,?[ ]+(?:Jr\.|Sr\.|II|III|IV)(?!\w))?"
FULL_NAME = rf"{NAME_WORD}(?:[ ]+{_PARTICLES}?{NAME_WORD}){{1,3}}{_SUFFIX}"
#: A full name or a single name word (surnames, characters).
ANY_NAME = rf"{NAME_WORD}(?:[ ]+{_PARTICLES}?{NAME_WORD}){{0,3}}{_SUFFIX}"
#: A list of names: "A, B and C", "A and even B".
NAME_LIST = (
    rf"{FULL_NAME}(?:[ ]*,[ ]*(?:and[ ]+|even[ ]+)?{FULL_NAME})*"
    rf"(?:,?[ ]+(?:and|&|et)[ ]+(?:even[ ]+|also[ ]+)?{FULL_NAME})?"
)
_TITLE_SMALL = (
    r"(?:of|the|and|a|an|in|on|at|to|for|with|from|by|or|as|de|la|le|les|du|des|el|"
    r"los|las|il|lo|der|die|das|und|et|en|y|e|di|da)"
)
_TITLE_WORD = (
    rf"(?:[0-9][0-9,.]*[0-9]|(?:[dl]')?[{UP}0-9]{_LETTER}*(?:['.:-]{_LETTER}+)*|"
    rf"{NAME_WORD})"
)
#: A title-cased run: "The Taste of Things", "Les Petites Victoires".
TITLE_RUN = rf"{_TITLE_WORD}(?:[ ]+(?:{_TITLE_SMALL}[ ]+){{0,2}}{_TITLE_WORD}){{0,7}}"

#: Capitalised words that begin sentences or titles but are never names.
STOPWORDS = frozenset(
    """a an the and but or if in on at to of for with from by as so yet this that these
    those there here then when where while what who whom which why how it its it's his
    her their our your my we you they he she i me him them us one two three four five
    six seven eight nine ten first second last next after before during between
    however although though because since until unless also even just still only
    almost perhaps maybe indeed thus therefore meanwhile instead otherwise whether all
    both each every some any many much more most other such no not nor never always
    review critique film movie cinema festival director actor actress cast story
    mr mrs ms dr sir lady lord saint st monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september
    october november december spoiler spoilers verdict rating read leave comment
    comments share published updated posted photo credit le la les un une des du
    like unlike about despite without within features featuring starring stars
    including plus directed written documentarian filmmaker newcomer veteran
    comedian singer rapper star writer-director actor-director screenwriter
    century war street road avenue kingdom empire republic university church school
    hotel county river mountain island north south east west northern southern
    de et en dans pour avec sur par deux trois quatre cinq sept huit neuf dix""".split()
)

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
    "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "décembre": 12, "decembre": 12,
}  # fmt: skip


def normalise_text(text: str) -> str:
    """Unify quotes, apostrophes, dashes and spaces without changing the length.

    Example:
        >>> normalise_text("Alpe d\u2019Huez \u2013 \u201cRoxane\u201d")
        'Alpe d\\'Huez - "Roxane"'
    """
    return text.translate(_SAME_LENGTH)


_EMPHASIS = re.compile(
    r"(?<![\w*])([*_])(?=[^\s*_])([^*_\n]{1,80}?)(?<=[^\s*_])\1(?![\w*])"
)


def emphasis_to_quotes(text: str) -> str:
    """Markdown italics around a phrase (``*Title*``, ``_Title_``) become quotes, the
    way reviews mark titles; the length does not change.

    Example:
        >>> emphasis_to_quotes("I saw *Past Lives* and _Aftersun_ twice.")
        'I saw "Past Lives" and "Aftersun" twice.'
    """
    if "*" not in text and "_" not in text:
        return text
    return _EMPHASIS.sub(lambda m: f'"{m.group(2)}"', text)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Case- and accent-insensitive key of a name ("Mélanie" -> "melanie").

    Example:
        >>> fold("  Sébastien  CHASSAGNE ")
        'sebastien chassagne'
    """
    decomposed = unicodedata.normalize("NFKD", normalise_text(name))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("\u2019", "'").split())


def is_name_like(words: str) -> bool:
    """True when no word of ``words`` is a stop word (a sentence start, a month...)."""
    parts = words.replace("-", " ").split()
    return bool(parts) and all(p.casefold().strip(".'") not in STOPWORDS for p in parts)


def split_list(names: str) -> list[str]:
    """Split "A, B and even C" into ["A", "B", "C"]."""
    parts = re.split(r"\s*,\s*|\s+(?:and|&|et)\s+", names)
    cleaned = [re.sub(r"^(?:and|even|also)\s+", "", p.strip()) for p in parts]
    return [c for c in cleaned if c]


@dataclass(frozen=True)
class Sentence:
    """A sentence of the review: its offsets and text."""

    start: int
    end: int
    text: str


class TextIndex:
    """Sentence lookup for offsets, and Evidence construction."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.sentences = sentences or [Sentence(0, len(text), text)]
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence that holds ``offset`` (the last one before it)."""
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.sentences[i]

    def clause_at(self, offset: int, *, limit: int = 300) -> str:
        """The text from the sentence holding ``offset`` to the next full stop."""
        start = self.sentence_at(offset).start
        tail = self.text[start : offset + limit]
        m = re.search(r"[.!?](?:\s|$)|\n", tail[offset - start :])
        return tail[: offset - start + m.start()] if m else tail

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset``."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def evidence(self, start: int, end: int, rule: str, confidence: float) -> Evidence:
        """Evidence for ``start:end`` found by ``rule`` (e.g. ``"cast.paren"``)."""
        i = self.sentence_index(start)
        last = i
        # a statistical splitter may cut inside a name: span the sentences it needs
        while last + 1 < len(self.sentences) and self.sentences[last].end < end:
            last += 1
        text = " ".join(s.text.strip() for s in self.sentences[i : last + 1])
        return Evidence(
            sentence=text,
            start=start,
            end=end,
            extractor=f"{rule}@{RULES_VERSION}",
            confidence=round(confidence, 3),
        )


def find_all(needle: str, haystack: str) -> list[int]:
    """Start offsets of the non-overlapping occurrences of ``needle``.

    Plain substring search: the rules look up names and titles that are new in every
    review, and a regular expression per name costs a compilation each time.

    Example:
        >>> find_all("ab", "abcab ab")
        [0, 3, 6]
    """
    out: list[int] = []
    if not needle:
        return out
    at = haystack.find(needle)
    while at >= 0:
        out.append(at)
        at = haystack.find(needle, at + len(needle))
    return out


def surname_repeats(name: str, body: str) -> bool:
    """True when ``name`` reads as a person: two or three name words whose last word
    the ``body`` uses alone mid-sentence ("Nan Goldin" ... "where Goldin walks").

    Args:
        name: a candidate title or name.
        body: the text to look in.
    """
    words = name.split()
    if not 2 <= len(words) <= 3 or fold(words[0]) in STOPWORDS | _ARTICLE_WORDS:
        return False
    if not all(re.fullmatch(NAME_WORD, w) for w in words):
        return False
    last, first = words[-1], words[-2] + " "
    for at in find_all(last, body):
        end = at + len(last)
        if (
            at >= 2
            and body[at - 1] == " "
            and re.match(r"[a-z,]", body[at - 2])
            and not body.startswith(first, at - len(first))
            and not re.match(r"\w", body[end : end + 1])
            and not _CAPITAL_NEXT.match(body, end)
        ):
            return True
    return False


_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


_ARTICLE_WORDS = frozenset("le la les l' el il lo der die das un une des du de".split())


def owner_surname(title: str, body: str) -> bool:
    """True when the one-word ``title`` is a surname in ``body``: "Trier" beside
    "Joachim Trier's film", "Goldin" beside "a portrait of Nan Goldin".

    Args:
        title: a candidate title.
        body: the text to look in.
    """
    if " " in title or not title[:1].isupper():
        return False
    word = re.escape(title)
    return bool(
        re.search(rf"\b[A-Z][a-z]+ {word}'s?\s", body)
        or re.search(rf"\b(?:portrait|profile|life) of [A-Z][a-z]+ {word}\b", body)
    )
