"""Extract stage, salience: which found films a review talks about, from its layout.

Contract: :func:`film_spots` finds where the text names a film; :func:`paragraph_topics`
gives, per body paragraph, the film the paragraph is about (the first film it names
outside a comparison, when the paragraph then goes on about it: cast facts follow, or
it opens the paragraph of a round-up); :func:`is_compared` tells a comparison ("like
Jaws", "more than Trier's Oslo", "his second after The Square") from a film the
sentence is about. The assembler uses these to make every paragraph-topic film of a
multi-film text (a season, a diary, a prize report) a subject, to keep passing
comparisons mentioned, and to drop a headline word that a multi-film text never
names as a film.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from graph.extract_text import find_all

#: Words that make the film named right after them a comparison, not the topic:
#: "like X", "than Trier's X", "his second after X", "her first feature, X",
#: "owes something to Ozu's X", "worked with her again on X", "even counting X".
_COMPARE = re.compile(
    r"(?:\b(?:like|unlike|than|since|after|before|counting|recalls?|recalling|"
    r"après|avant|comme|depuis|"
    r"evokes?|evoking|echoes|echoing|such as|including|versus|vs\.?|"
    r"(?:follow-?up|sequel|prequel|successor|answer|heir|debt|nod|homage|tribute)"
    r" (?:to|of)|remake of|reworking of|"
    r"reminiscent of|the vein of|compared (?:to|with)|owes? \w+ to|again (?:on|in)|"
    r"previous(?:ly)?|earlier|last (?:film|feature|movie)|"
    r"(?:first|second|third|debut|previous|earlier|breakthrough) "
    r"(?:long )?(?:feature|film|movie|metrage|picture)s?,?|"
    r"the director of|the maker of|who (?:made|directed|gave us)|"
    r"(?:whose|his|her|their) (?!new\b|latest\b|next\b)(?:[\w-]+ ){0,2}"
    r"(?:feature|film|documentary|movie|debut|short|work)s?,?|whose)"
    r")\s+(?:[\"“'‘(]?(?:the|a|an|his|her|their|its|[\w.-]+(?:'s?|’s?)|"
    r"[A-Z][\w.-]+)\s+){0,3}"
    # the next of a list of dated works: "after Naissance des pieuvres (2007), "
    r"(?:[^.;()]{1,50}\([^()]{0,20}(?:19|20)\d\d\),?\s+(?:and\s+)?){0,3}[\"“'‘(]?$",
    re.I,
)


def is_compared(text: str, at: int) -> bool:
    """True when the film named at ``at`` follows a comparison word in its sentence.

    Example:
        >>> is_compared("I liked it more than Trier's Oslo.", 21)
        True
        >>> is_compared("Trier's Oslo opens on Friday.", 0)
        False
    """
    window = text[max(0, at - 60) : at]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("; "))
    window = window[cut + 1 :] if cut >= 0 else window
    return bool(_COMPARE.search(window))


#: A character that continues a word: no title boundary next to it.
_WORDISH = re.compile(r"[\w'’]")


def film_spots(
    text: str, titles: Iterable[str], starts: Iterable[int] = ()
) -> list[tuple[int, int]]:
    """Where the text names a film: its rules' spans plus every word-bounded
    repeat of one of its titles that starts with a capital ("close" is not
    "Close", but "Godzilla Minus One" is "GODZILLA MINUS ONE")."""
    spots: set[tuple[int, int]] = set()
    names = sorted({t for t in titles if t}, key=len, reverse=True)
    low = text.lower()
    same_length = len(low) == len(text)  # else lower() moved the offsets
    for name in names:
        if same_length and len(name.lower()) == len(name):
            # plain search: a pattern per title costs a compilation per review
            found = [(a, a + len(name)) for a in find_all(name.lower(), low)]
        else:
            pattern = rf"(?<![\w'’]){re.escape(name)}(?![\w'’])"
            found = [m.span() for m in re.finditer(pattern, text, re.I)]
        for a, b in found:
            if (
                not text[a : a + 1].islower()
                and not _WORDISH.match(text[a - 1 : a] if a else "")
                and not _WORDISH.match(text[b : b + 1])
            ):
                spots.add((a, b))
    for at in starts:
        for name in names:
            if text.startswith(name, at):
                spots.add((at, at + len(name)))
                break
    return sorted(spots)


def drop_nested_spots(
    spots: dict[int, list[tuple[int, int]]],
) -> dict[int, list[tuple[int, int]]]:
    """Drop a film's spots inside another film's longer spot ("Godzilla" in
    "Godzilla Minus One")."""
    every = [(a, b, k) for k, v in spots.items() for a, b in v]
    out: dict[int, list[tuple[int, int]]] = {}
    for key, own in spots.items():
        out[key] = [
            (a, b)
            for a, b in own
            if not any(
                k != key and c <= a and b <= d and d - c > b - a for c, d, k in every
            )
        ]
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans of the text's paragraphs (blank-line separated)."""
    out = []
    at = 0
    for m in re.finditer(r"\n\s*\n", text):
        if text[at : m.start()].strip():
            out.append((at, m.start()))
        at = m.end()
    if text[at:].strip():
        out.append((at, len(text)))
    return out


@dataclass(frozen=True)
class Topic:
    """A paragraph's film: ``key`` of the film, where it is named, and whether the
    paragraph then goes on about it (cast facts follow)."""

    key: int
    at: int
    followed: bool
    opening: bool


def paragraph_topics(
    text: str,
    spots: dict[int, list[tuple[int, int]]],
    cast_starts: Sequence[int],
    *,
    body_start: int = 0,
) -> list[Topic]:
    """The film each body paragraph is about (see the module docstring).

    Args:
        text: the review text.
        spots: where each film (by key) is named, from :func:`film_spots`.
        cast_starts: where cast facts (actor names) start.
        body_start: where the body begins (the headline has no paragraph topic).

    Returns:
        One topic per paragraph that names a film outside a comparison.
    """
    out: list[Topic] = []
    open_topic = False  # the last topic is the last film its paragraph named
    for start, end in paragraphs(text):
        if end <= body_start:
            continue
        named = sorted(
            (a, key) for key, own in spots.items() for a, _b in own
            if start <= a < end and a >= body_start
        )  # fmt: skip
        if not named:
            # a paragraph that names no film goes on about the last one: "Steven
            # Spielberg's The Fabelmans won ...\n\nThe drama stars Gabriel LaBelle"
            if open_topic and any(start <= c < end for c in cast_starts):
                out[-1] = replace(out[-1], followed=True)
            continue
        first = next(((a, k) for a, k in named if not is_compared(text, a)), None)
        if first is None:
            open_topic = False
            continue
        at, key = first
        stop = next((a for a, k in named if a > at and k != key), end)
        followed = any(at < c < stop for c in cast_starts)
        opening = len(text[start:at].split()) <= 12
        out.append(Topic(key, at, followed, opening))
        open_topic = stop == end
    return out


def owner_before(
    text: str, at: int, spots: dict[int, list[tuple[int, int]]], *, since: int
) -> int | None:
    """The film (by key) named last between ``since`` and ``at``, outside a
    comparison: the film a sentence or a paragraph is talking about at ``at``."""
    best, best_at = None, -1
    for key, own in spots.items():
        for a, b in own:
            if since <= a and b <= at and a > best_at and not is_compared(text, a):
                best, best_at = key, a
    return best


def paragraph_start(text: str, at: int) -> int:
    """Where the paragraph holding ``at`` begins."""
    cut = max(text.rfind("\n\n", 0, at), text.rfind("\n \n", 0, at))
    return 0 if cut < 0 else cut + 2


#: A prize handed to the film named next: "the Palme d'Or went to", "ex-aequo
#: with", "the first runner-up was Rian Johnson's".
_PRIZE_BEFORE = re.compile(
    r"(?:\b(?:went|goes|go|awarded|given|handed)\s+to|\bex[- ]?a?equo\s+with|"
    r"\brunner-?up(?:\s+(?:was|is|went\s+to))?,?)"
    r"\s+(?:[\"“'‘(]?(?:the|[\w.-]+(?:'s?|’s?)|[A-Z][\w.-]+)\s+){0,3}[\"“'‘(]?$",
    re.I,
)
#: The film named just before wins: "Title (Director) won the People's Choice",
#: "Title, made by a collective of ..., won the Documentary Award".
_PRIZE_AFTER = re.compile(
    r"[\"”’']?\s*(?:\([^()]{1,60}\)\s*|,[^.;:!?\n]{1,160}?,\s*)?"
    r"(?:won|wins|took|takes|received|receives|"
    r"picked up|scooped|claimed|carried off|walked away with)\s+(?:the|a|its|both)\b"
)
_PRIZE_NOUN = re.compile(
    r"\b(?:prize|prix|price|award|palme|palm|lion|bear|leopard|jury|interpretation|"
    r"recompense|best (?:film|actor|actress|director|screenplay))\b",
    re.I,
)
_PRIZE_VERB = re.compile(
    r"\b(?:won|wins|win|took|takes|receives?|received|goes|went|returns|returned|"
    r"share|shared|awarded|given|crowned|crowns|rewarded|handed|honou?red)\b",
    re.I,
)
#: The link from a prize to the film named right after it.
_PRIZE_LINK = re.compile(
    r"(?:\b(?:for|to|between|and)|\b(?:crowned|crowns|rewarded|honou?red)"
    r"(?:\s+[\w-]+){0,3}"
    # "had to share the Price of the jury with X", "... in the role of a nurse in X"
    r"|\bshar(?:e|es|ed|ing)\b[^.;]{0,60}\bwith|\brole\b[^.;]{0,60}\bin)"
    r"\s+[\"“'‘«]?\s*$",
    re.I,
)
_PAST = re.compile(
    r"\b(?:19|20)\d\d\b|\byears? (?:ago|earlier|before)\b|\blast year\b|"
    r"\b(?:already|previously|once) (?:won|took|received)\b"
)


def is_prized(text: str, start: int, end: int) -> bool:
    """True when the sentence around a film's name hands it a prize ("went to X",
    "X won the Grand Prix", "the runner-up was X"), outside a sentence dated to
    another year ("X won the Palme d'Or in 2019" is history, not the report).

    Example:
        >>> t = 'The Palme went to "Sans filtre" of Ruben Östlund.'
        >>> is_prized(t, t.index("Sans"), t.index(" of"))
        True
    """
    whole = text[max(0, start - 300) : start]
    cut = max(whole.rfind(". "), whole.rfind("\n"))
    whole = whole[cut + 1 :] if cut >= 0 else whole
    left = whole[-80:]
    right = text[end : end + 300]
    stop = re.search(r"[.!?](?:\s|$)|\n", right)
    right = right[: stop.start()] if stop else right
    if _PAST.search(left + re.split(r"[,;]", right, maxsplit=1)[0]):
        return False  # "X won the Palme d'Or in 2019": history
    if _PRIZE_BEFORE.search(left) or _PRIZE_AFTER.match(right):
        return True
    # a prize sentence hands its prize to the films it links to it: "the Grand
    # Prix was shared between "A Hero" and "Compartment No. 6"", "the prize of
    # the jury goes to "Memoria" and to "The Knee of Ahed"", "... for "Nitram""
    sentence = whole + right
    return bool(
        _PRIZE_NOUN.search(sentence)
        and _PRIZE_VERB.search(sentence)
        and _PRIZE_LINK.search(left)
    )
