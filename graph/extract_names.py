"""Extract stage, person names: trimming what a critic writes around a name.

Contract: :func:`trim_name` drops the stop words and job words around a name ("Then
Julia Piaton" -> "Julia Piaton", "Playwright Celine Song" -> "Celine Song");
:func:`trim_headline_verb` drops a Title-Case verb a headline glues to a name.
:data:`HONORIFICS`, :data:`JOB_WORDS` and :data:`SOURCE_BEFORE` are shared by the
people rules.
"""

from __future__ import annotations

import re

from graph.extract_text import STOPWORDS

#: Words that make a name a character: "General Leslie Groves", "Sister Mary".
HONORIFICS = frozenset(
    """general sister brother uncle aunt father mother captain dr doctor mr mrs ms miss
    lord lady king queen prince princess agent detective officer colonel major sergeant
    lieutenant professor judge saint madame monsieur mademoiselle sir dame""".split()
)


#: Job and epithet words a critic writes before a name: "Playwright Celine Song's
#: debut", "(newcomer Tom Mercier)", "the late Peter Simonischek".
JOB_WORDS = frozenset(
    """playwright novelist musician producer artist poet photographer choreographer
    dancer model journalist painter author legendary late great young debutant
    cinematographer composer editor screenwriter documentarian filmmaker newcomer
    veteran comedian singer rapper writer-director actor-director""".split()
)


#: Sentence adverbs that open a sentence before a name: "Undoubtedly M. Night
#: Shyamalan's weakest thriller"; a user review's verb without its subject:
#: "Loved Tom Doe as Einstein".
_SENTENCE_ADVERBS = frozenset(
    """undoubtedly clearly obviously surely finally certainly arguably naturally sadly
    happily frankly honestly ultimately thankfully unfortunately fortunately
    predictably inevitably essentially basically admittedly oddly curiously
    strangely loved liked hated adored enjoyed watched saw""".split()
)


def trim_name(name: str) -> str:
    """Drop leading/trailing stop words ("Then Julia Piaton" -> "Julia Piaton") and
    leading job words ("Playwright Celine Song" -> "Celine Song")."""
    words = name.split()
    while words and (
        words[0].casefold().strip(".") in STOPWORDS
        or words[0].casefold().strip(".,") in _SENTENCE_ADVERBS
        or (len(words) > 2 and words[0].casefold() in JOB_WORDS)
    ):
        words.pop(0)
    while words and words[-1].casefold().strip(".") in STOPWORDS and len(words[-1]) > 2:
        words.pop()
    return " ".join(words)


_HEADLINE_VERB = re.compile(
    r"(?:Turns|Takes|Makes|Gets|Goes|Brings|Returns|Delivers|Crafts|Finds|Explores|"
    r"Serves|Offers|Puts|Gives|Shows|Tells|Pulls|Spins|Mines|Digs|Looks|Aims|Builds|"
    r"Creates|Conjures|Captures|Stages|Paints|Lands|Breaks|Channels|Wins|"
    r"Keeps|Lets|Nails|Reinvents|Revisits|Tackles|Unleashes|Leads|Sets|Plays)"
)


def trim_headline_verb(name: str) -> str:
    """Drop a Title-Case verb glued to a headline name ("Ann Berg Turns"); a copula
    ("Ann Berg Is a Wonder") makes the name a subject described, no credit: ""."""
    words = name.split()
    if len(words) >= 3 and re.fullmatch(r"Is|Was|Are|Were", words[-1]):
        return ""
    if len(words) >= 3 and _HEADLINE_VERB.fullmatch(words[-1]):
        words.pop()
    return " ".join(words)


#: A source work before a quoted title: 'the book "Wiseguy" by X' is an author's.
SOURCE_BEFORE = re.compile(
    r"\b(?:book|novel|play|story|stories|memoir|article|poem|song|album|essay|comic|"
    r"novella|musical|opera)s?,?\s*$"
)


#: Names that look like a person's in a heading's parenthesis but are services,
#: studios or distributors: "Saltburn (Prime Video)".
NOT_PEOPLE = frozenset(
    {
        "prime video", "amazon prime", "amazon prime video", "apple tv", "apple tv+",
        "disney+", "hbo max", "hulu", "mubi", "peacock", "paramount+", "netflix",
        "curzon home cinema", "bfi player", "criterion channel", "sky cinema",
        "now tv", "canal+", "arte",
    }
)  # fmt: skip
