"""Extract stage, film context and review meta: themes, places (release, verdict).

Contract: pure functions over the normalised text. :func:`find_themes`
returns short noun phrases after theme cues ("explores X", "a film about X", "symbol of
X") plus specific social subjects ("illiteracy"). :func:`find_places` returns narrative
settings ("set in X", "the village of X") with the region that contains them, never
the festival city. :func:`find_release_date` (:mod:`graph.extract_release`) and
:func:`find_verdict` (:mod:`graph.extract_verdict`) are re-exported here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_gazetteer import (
    AWARDS,
    GENERAL_THEMES,
    REGIONS,
    THEME_HEADS,
    THEME_NOUNS,
)
from graph.extract_release import find_release_date as find_release_date
from graph.extract_text import ANY_NAME, NAME_WORD, TextIndex, fold
from graph.extract_verdict import find_verdict as find_verdict
from graph.models import Place, Theme

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
            r"the subject of|parable (?:of|about)|grapples with|focus(?:es)? on)\s+"
            r"(?:the |a |an |our |their |his |her |its )?([a-z][a-z' -]{2,80})"
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
        "place_cue": re.compile(
            r"\b(?:set in|takes place in|unfolds in|located in|(?:takes|took|"
            r"transports) (?:us |the viewer )?(?:this time |back )?to|lives? in|"
            r"living in|grew up in|returns? to|moves? to|located)\s+(?:the\s+)?"
            r"(?:(?:small|little|tiny|remote|"
            rf"sleepy|isolated|coastal|mountain|rural|fictional|fictitious)\s+)*"
            rf"(?:(?:village|town|city|hamlet|island|region|suburb|province|county|"
            rf"commune|district|neighbou?rhood)\s+of\s+)?({ANY_NAME})"
        ),
        "place_noun": re.compile(
            r"\b(?:village|town|city|hamlet|island|province|county|commune|"
            rf"neighbou?rhood)\s+of\s+({ANY_NAME})"
        ),
        "place_in": re.compile(
            rf"({NAME_WORD}),?\s+(?:a\s+(?:\w+\s+)?(?:village|town|city|"
            rf"hamlet)\s+)?in\s+({ANY_NAME})"
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
    return phrase


def find_themes(text: str, index: TextIndex) -> list[Theme]:
    """Themes of the film, most specific phrase first, without near-duplicates."""
    rules = _rules()
    found: list[tuple[str, int, int, str, float]] = []
    for m in rules["theme_cue"].finditer(text):
        label = _theme_label(m.group(1))
        if label:
            found.append((label, m.start(1), m.start(1) + len(label), "theme.cue", 0.7))
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


def find_places(
    text: str,
    index: TextIndex,
    *,
    entities: tuple[tuple[int, int, str], ...] = (),
    exclude: frozenset[str] = frozenset(),
    body_start: int = 0,
) -> list[Place]:
    """Narrative places with the region that contains them ("Kerguen" in "Brittany").

    Besides cue phrases ("set in X", "the village of X"), places named in the body
    (NER GPE/LOC, known regions) count unless their sentence is about viewing,
    festivals or biography.
    """
    rules = _rules()
    found: dict[str, tuple[int, int, str]] = {}
    for name in ("place_cue", "place_noun"):
        for m in rules[name].finditer(text):
            place = m.group(1)
            if fold(place) in exclude or fold(place.split()[0]) in {
                "her",
                "his",
                "the",
            }:
                continue
            found.setdefault(
                place, (m.start(1), m.end(1), f"place.{name.split('_')[1]}")
            )
    mentions = [(a, b) for a, b, label in entities if label in {"GPE", "LOC"}]
    mentions += [
        (m.start(), m.end())
        for m in re.compile(ANY_NAME).finditer(text, body_start)
        if m.group(0) in REGIONS
    ]
    for a, b in sorted(mentions):
        place = text[a:b].strip()
        if a < body_start or not place[:1].isupper() or place.isupper():
            continue  # headline, byline, "BERLIN —" datelines
        if fold(place) in exclude or place in found or fold(place) in _NOT_SETTING:
            continue
        sentence = index.sentence_at(a)
        if place not in REGIONS and (
            a == sentence.start
            or " " not in place
            and any(fold(place) in fold(award) for award in AWARDS)
        ):
            continue  # a capitalised sentence opener or a prize, not a place
        if _VIEWING.search(sentence.text):
            continue  # where the critic or the festival was, not the story
        found[place] = (a, b, "place.mention")
    places: list[Place] = []
    for place, (start, end, rule) in found.items():
        within = _container(text, index, place, start, entities, exclude)
        ev = index.evidence(start, end, rule, 0.75)
        places.append(
            Place(place, within=within[0] if within else None, evidence=(ev,))
        )
        if within and within[0] not in found:
            w_ev = index.evidence(
                within[1], within[1] + len(within[0]), "place.within", 0.6
            )
            places.append(Place(within[0], evidence=(w_ev,)))
    unique: dict[str, Place] = {}
    for place in places:
        unique.setdefault(fold(place.name), place)
    return list(unique.values())


def _container(
    text: str,
    index: TextIndex,
    place: str,
    start: int,
    entities: tuple[tuple[int, int, str], ...],
    exclude: frozenset[str],
) -> tuple[str, int] | None:
    """The region named near ``place``: "X, a village in Y", else the nearest known
    region in the same or the two previous sentences."""
    for m in _rules()["place_in"].finditer(
        text, max(0, start - 5), start + len(place) + 60
    ):
        if m.group(1) == place and fold(m.group(2)) not in exclude:
            return m.group(2), m.start(2)
    i = index.sentence_index(start)
    lo = index.sentences[max(0, i - 2)].start
    window = text[lo:start]
    best: tuple[str, int] | None = None
    gpe = {
        text[a:b]
        for a, b, label in entities
        if label in {"GPE", "LOC"} and lo <= a < start
    }
    for m in re.finditer(rf"{ANY_NAME}", window):
        for cand in (m.group(0), m.group(0).split()[-1]):
            if (
                cand != place
                and (cand in REGIONS or cand in gpe)
                and fold(cand) not in exclude
            ):
                best = (cand, lo + m.start() + m.group(0).find(cand))
                break
    return best


_VIEWING = re.compile(
    r"\b(?:festival|premiere|premiered|screen(?:ed|ing|s)?|saw|seen|watched|cinemas?|"
    r"theat(?:er|re)s?|jury|born|award|prize|oscar|released|release|box office|"
    r"audience|critics?|press|sortie|salles?|né|née)\b",
    re.I,
)
_NOT_SETTING = frozenset({"hollywood", "europe", "america", "earth", "world"})
