"""Extract stage, film context and review meta: themes (and the re-exports).

Contract: pure functions over the normalised text. :func:`find_themes` returns short
noun phrases after theme cues ("explores X", "a film about X", "symbol of X") plus
specific social subjects ("illiteracy"). :func:`find_places`
(:mod:`graph.extract_places`), :func:`find_release_date`, :func:`find_release_dates`
(:mod:`graph.extract_release`) and :func:`find_verdict` (:mod:`graph.extract_verdict`)
are re-exported here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_gazetteer import (
    GENERAL_THEMES,
    THEME_HEADS,
    THEME_NOUNS,
)
from graph.extract_places import find_places as find_places
from graph.extract_release import find_release_date as find_release_date
from graph.extract_release import find_release_dates as find_release_dates
from graph.extract_text import TextIndex, fold
from graph.extract_verdict import find_verdict as find_verdict
from graph.models import Theme

#: A broad theme word must occur this often to count as a theme.
MIN_THEME_HITS = 1


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    return {
        "theme_cue": re.compile(
            r"\b(?:explores?|exploring|tackles?|tackling|addresses|examines|deals with|"
            r"confronts|probes|questions|denounces|evokes|reflects on|meditation on|"
            r"reflection on|(?:film|movie|story|documentary|comedy|drama|"
            r"fable|tale) about|themes? of|symbol of|the issue of|the question of|"
            r"the subject of|parable (?:of|about)|grapples with|focus(?:es)? on|"
            r"portrait of|essay (?:about|on)|(?:it's|its|it is|film is) about|"
            r"(?:film|histoire|fable|comédie|drame|documentaire) sur|story of)\s+"
            r"(?:the |our |their |his |her |its |la |le |les |l')?"
            r"([a-zà-ÿ][a-zà-ÿ' ,-]{2,120})"
        ),
        "theme_noun": re.compile(
            r"\b(?:the |a |his |her |their |its )?((?:[a-z-]+ ){0,1}?(?:"
            + "|".join(sorted(THEME_NOUNS, key=len, reverse=True))
            + r"))\b",
            re.I,
        ),
        "theme_head": re.compile(
            rf"\b(?:the )?((?:{'|'.join(THEME_HEADS)}) of (?:the |a |an |her |his |"
            r"their |its |our )?(?:[a-z-]+ ){0,2}?(?:school|village|town|factory|mine|"
            r"hospital|"
            r"farm|community|world|family|church|business|shop|post office|station|"
            r"countryside|region|industry|culture|tradition|way of life|marriage|"
            r"friendship|childhood|innocence))\b"
        ),
    }


_THEME_STOP = re.compile(
    r"\s(?:in|with|through|that|which|who|where|when|while|by|as|and how|but|for|"
    r"from|to|into|at|on|is|are|was|were|has|have|than|so|because|without|via)\s.*$"
)
_LEAD_STRIP = re.compile(
    r"^(?:the|a|an|our|their|his|her|its|this|these|such|both|all|some|"
    r"endearing|profound|quiet|subtle|thorny|timely|complex|difficult|painful)\s+"
)
_NUMBERS = frozenset("one two three four five six seven eight nine ten".split())
_NOT_NOUN_PHRASE = frozenset(
    "might could would will can should must them him us we you i me told".split()
)
_POSSESSIVE = re.compile(r"\b(?:her|his|their|its|our|my|your)\b")


def _theme_label(phrase: str) -> str | None:
    phrase = " " + phrase.lower().strip() + " "
    phrase = _THEME_STOP.sub("", phrase).strip(" ,;:-'")
    phrase = re.split(r"[,;:()\"]", phrase)[0].strip()
    while _LEAD_STRIP.match(phrase):
        phrase = _LEAD_STRIP.sub("", phrase, count=1)
    phrase = _POSSESSIVE.sub("the", phrase)
    words = phrase.split()
    if not 1 <= len(words) <= 6 or words[-1] in {"of", "the", "a", "and"}:
        return None
    if words[0] in {"it", "this", "that", "what", "how", "why", "who", "them", "us"}:
        return None
    if words[0] in _NUMBERS or _NOT_NOUN_PHRASE.intersection(words):
        return None  # "two boys told three times", "might cost them"
    return phrase


def _list_items(phrase: str, start: int) -> list[tuple[str, int]]:
    """The items of a theme list after a cue, with their offsets: "art, anger and
    survival" gives three; without "and" only the first counts ("grief, which ...").
    A phrase that opens with "a"/"an" describes a character, not a theme."""
    if re.match(r"(?:a|an|un|une)\s", phrase):
        return []
    parts = phrase.split(", ")
    items: list[str] = []
    for part in parts:
        pair = re.split(r"\s+(?:and|et)\s+(?:about\s+|sur\s+)?", part, maxsplit=1)
        items += pair
        if len(pair) == 2:
            break
    else:
        items = parts[:1]
    out, at = [], start
    for item in items:
        at = phrase.find(item, at - start) + start
        out.append((item, at))
    return out


def find_themes(text: str, index: TextIndex) -> list[Theme]:
    """Themes of the film, most specific phrase first, without near-duplicates."""
    rules = _rules()
    found: list[tuple[str, int, int, str, float]] = []
    for m in rules["theme_cue"].finditer(text):
        for item, at in _list_items(m.group(1), m.start(1)):
            label = _theme_label(item)
            if label:
                found.append((label, at, at + len(item), "theme.cue", 0.7))
    for m in rules["theme_head"].finditer(text):
        label = _theme_label(m.group(1))
        if label:
            found.append((label, m.start(1), m.end(1), "theme.head", 0.7))
    for m in rules["theme_noun"].finditer(text):
        noun = m.group(1).lower().split()[-1]
        found.append((noun, m.end(1) - len(noun), m.end(1), "theme.lexicon", 0.75))
    counts: dict[str, list[re.Match[str]]] = {}
    for m in re.finditer(r"[^\W\d_][\w'-]*", text):
        word = m.group(0).lower()
        if word in GENERAL_THEMES:
            counts.setdefault(word, []).append(m)
    for word, hits in counts.items():
        if len(hits) >= MIN_THEME_HITS:
            found.append((word, hits[0].start(), hits[0].end(), "theme.recurring", 0.5))
    themes: dict[str, Theme] = {}
    for label, start, end, rule, conf in found:
        key = fold(label)
        if any(_covers(fold(other), key) for other in themes if other != key):
            continue  # a longer phrase already says it ("rural desertification")
        for other in [o for o in themes if _covers(key, fold(o)) and o != key]:
            del themes[other]
        ev = index.evidence(start, end, rule, conf)
        prior = themes.get(label)
        themes[label] = Theme(
            label, evidence=((prior.evidence if prior else ()) + (ev,))[:3]
        )
    return list(themes.values())


def _covers(longer: str, shorter: str) -> bool:
    """True when ``longer`` is longer and holds every content word of ``shorter``."""
    small = {w for w in shorter.split() if w not in {"the", "a", "an", "of"}}
    big = set(longer.split())
    return len(longer) > len(shorter) and bool(small) and small <= big
