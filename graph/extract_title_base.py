"""Extract stage, title basics shared by the title rules.

Contract: :class:`TitleFact` is a film title found by a rule (its role a hint that
the assembler settles); :func:`looks_like_title` tells a short capitalised title from
a sentence; :func:`clean_title` trims quotes, punctuation and sentence openers;
:func:`normalise_headline` unifies a headline's typography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract_text import STOPWORDS, fold


@dataclass(frozen=True)
class TitleFact:
    """A film title found by a rule; ``role`` is a hint, settled by the assembler."""

    title: str
    start: int
    end: int
    rule: str
    confidence: float
    role: str = "subject"  # "subject" | "mentioned" | "unknown"
    year: int | None = None
    original_title: str | None = None
    director: str | None = None
    actor: str | None = None


def looks_like_title(title: str) -> bool:
    """Short, capitalised, not a sentence: "The Taste of Things", not "I loved it"."""
    words = title.split()
    if not 1 <= len(words) <= 9 or not title[:1].isupper() and not title[:1].isdigit():
        return False
    if title.endswith((",", ";", "'s")) or title[:1].isdigit() and len(words) < 3:
        return False
    if re.fullmatch(r"(?:I'm|I've|I'd|Top \d+|\d+)", title):
        return False
    if re.fullmatch(r"(?:PG(?:-13)?|NC-17|TV-\w+|\d+A?|[GRU])", title):
        return False  # a rating
    if re.fullmatch(
        r"[A-Z][a-z]+-(?:themed|based|style|like|set|era|esque|made|"
        r"winning|nominated|inspired|driven|fuelled|fueled)",
        title,
    ):
        return False  # "Passover-themed": an adjective
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return caps / len(words) >= 0.5 and fold(title) not in STOPWORDS


_DISCOURSE = frozenset(
    "then and but so also next finally meanwhile however now plus lastly again even "
    "yet still here".split()
)


def clean_title(title: str) -> str:
    """The title without quotes, end punctuation, a sentence opener ("Then") and a
    trailing "in 2013"."""
    words = title.strip().strip("\"'").strip().rstrip(",;:").split(" ")
    while len(words) > 1 and words[0].casefold() in _DISCOURSE:
        words.pop(0)  # "Then Drive My Car": a sentence opener, not the title
    title = " ".join(words)
    title = re.sub(r"\s+in\s+(?:19|20)\d\d$", "", title)  # "... Title in 2013"
    return title[:-1] if re.search(r"[a-z]{2}\.$", title) else title


def normalise_headline(headline: str) -> str:
    """The headline with typographic quotes/dashes unified (same length)."""
    from graph.extract_text import normalise_text

    return normalise_text(headline)


def drop_nested_titles(titles: list[TitleFact]) -> list[TitleFact]:
    """The facts without those lying strictly inside a longer fact's span: "Texas"
    read off the "Paris, Texas" another rule already took whole."""
    return [
        f
        for f in titles
        if not any(
            g.start <= f.start
            and f.end <= g.end
            and g.end - g.start > f.end - f.start
            and f.title in g.title
            for g in titles
        )
    ]


_PERSON_CUE_BEFORE = re.compile(
    r"(?:\b(?:actor|actress|director|filmmaker|film-maker|star|stars|starring|with|by|"
    r"and|newcomer|veteran|critic|writer|producer|composer|jury|president|plays|"
    r"played by|as|par|avec|réalisateur|réalisatrice|cinéaste))\s*\Z",
    re.I,
)
_PERSON_CUE_AFTER = re.compile(
    r"\A(?:'s?\s+(?:film|debut|feature|documentary|[a-z]+\s+(?:film|debut|feature))|"
    r"\s+(?:plays|played|who|says|said|stars|directs|directed|gives|returns|as|"
    r"joue|incarne)\b|\s+for\s+[\"A-Z])"
)


def corroborated_persons(
    text: str, persons: list[str], named: list[str]
) -> frozenset[str]:
    """The folded multi-word NER persons that read as people in ``text``: named by a
    person rule (``named``), written with a person's cue before or after at least
    once ("actress Jo Doe", "Jo Doe plays"), or whose surname the text uses alone.
    spaCy's small models tag unknown two-word titles ("Gloria Mundi") as people; a
    bare tag vetoes no title.

    Args:
        text: the normalised review text.
        persons: PERSON entities as written.
        named: names the person rules found.

    Example:
        >>> text = "The prize for best actress went to Lea Moss for Gloria Mundi."
        >>> sorted(corroborated_persons(text, ["Lea Moss", "Gloria Mundi"], []))
        ['lea moss']
    """
    from graph.extract_text import find_all, surname_repeats

    folded_named = {fold(n) for n in named}
    multi = {fold(p) for p in persons if len(p.split()) >= 2}

    # one folded character per character of text, so offsets stay those of text
    low = "".join((fold(c) or " ")[0] if c.strip() else c for c in text)
    out = set()
    for p in multi:
        if p in folded_named:
            out.add(p)
            continue
        for at in find_all(p, low):
            before = text[max(0, at - 25) : at]
            after = text[at + len(p) : at + len(p) + 30]
            if _PERSON_CUE_BEFORE.search(before) or _PERSON_CUE_AFTER.match(after):
                out.add(p)
                break
        else:
            first = low.find(p)
            original = text[first : first + len(p)] if first >= 0 else p
            if surname_repeats(original, text):
                out.add(p)
    return frozenset(out)
