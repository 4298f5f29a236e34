"""Extract stage, narrative places: where the story is set, never where it was seen.

Contract: :func:`find_places` returns the settings of the normalised text: cue
phrases ("set in X", "takes place in X", "the village of X") and, in the body, known
regions and NER places named after a locative word ("in Lisbon", "from Cherbourg",
"à Grenoble"), each with the known region that contains it ("Kerguen" in "Brittany").
Places in sentences about viewing, festivals, releases or biography do not count, nor
names of people, characters or films.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_edition import is_festival_sentence
from graph.extract_gazetteer import AWARDS, DEMONYMS, FESTIVALS, REGIONS
from graph.extract_text import ANY_NAME, MONTHS, NAME_WORD, TextIndex, fold
from graph.models import Place

_MONTH_NAMES = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    return {
        "place_cue": re.compile(
            r"\b(?:set in|takes place in|unfolds in|located in|(?:takes|took|"
            r"transports) (?:us |the viewer )?(?:this time |back )?to|lives? in|"
            r"living in|grew up in|returns? to|moves? to|located)\s+(?:the\s+)?"
            r"(?:(?:small|little|tiny|remote|"
            rf"sleepy|isolated|coastal|mountain|rural|fictional|fictitious)\s+)*"
            rf"(?:(?:village|town|city|hamlet|island|region|suburb|province|county|"
            rf"commune|district|neighbou?rhood)\s+of\s+)?({ANY_NAME})"
        ),
        # "New England, December 1970. At Barton ...", "Los Angeles, 1969: Rick ..."
        "place_date": re.compile(
            rf"(?:^|\n|[.!?]\s+)({ANY_NAME}),\s+(?:(?:early|late|mid-?)\s*)?"
            rf"(?:(?:{_MONTH_NAMES})\s+)?(?:the\s+)?(?:1[5-9]|20)\d\ds?\s*[.:;]\s+\S"
        ),
        # "a small Irish town", "a Turkish resort"
        "place_demonym": re.compile(
            rf"\b(?:an?|the)\s+(?:[a-z]+\s+){{0,2}}({'|'.join(DEMONYMS)})\s+"
            r"(?:resort|village|town|city|island|coast|countryside|seaside|port|"
            r"suburb|farm|estate|hamlet|mountains?|desert|capital)\b"
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
    for name in ("place_cue", "place_noun", "place_date", "place_demonym"):
        for m in rules[name].finditer(text, body_start):
            place = DEMONYMS.get(m.group(1), m.group(1))
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
    starts = {a for a, _b in mentions}
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
        if re.match(r"'s?\b|-(?!set\b|based\b)\w", text[b : b + 5]) or place.endswith(
            ("'s", "'")
        ):
            continue  # "François Ozon's new comedy", "Hong Sang-soo": a person
        if len(sentence.text.split()) <= 3 and not re.search(r"\d{4}", sentence.text):
            continue  # a credits line ("Japan."), not a setting ("Marseille, 1815.")
        before = text[max(sentence.start, a - 40) : a]
        apposed = re.search(rf"({ANY_NAME}),\s+$", before)  # "Gloucester, Mass."
        if (
            place not in REGIONS
            and not _LOCATIVE.search(before)
            and not (apposed and a - len(apposed.group(0)) in starts)
        ):
            continue  # "Julia Fox is Julia", "the first feature of Kogonada"
        if _VIEWING.search(sentence.text) or (
            fold(place) in _FESTIVAL_CITIES and is_festival_sentence(sentence.text)
        ):
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
    for record in places:
        unique.setdefault(fold(record.name), record)
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
    for m in re.finditer(rf"{ANY_NAME}", window):
        for cand in (m.group(0), m.group(0).split()[-1]):
            if (
                cand != place
                and cand in REGIONS
                and fold(cand) not in exclude | _NOT_SETTING | _FESTIVAL_CITIES
            ):
                best = (cand, lo + m.start() + m.group(0).find(cand))
                break
    return best


#: A place of the story follows a locative word: "in Lisbon", "from Cherbourg",
#: "across the Sahara", "à Grenoble", "in 1980s Naples", "in rural Texas".
_LOCATIVE = re.compile(
    r"(?:(?:^|\s)(?:in|at|from|to|near|across|outside|into|through|around|towards?|"
    r"above|below|beyond|off|(?:north|south|east|west) of|"
    r"between|via|en|à|au|aux|dans|vers|depuis|près de|de|and|et)\s+"
    r"(?:the\s+|la\s+|le\s+|les\s+|l'|un\s+|une\s+)?(?:[\w'-]+\s+){0,2}?|"
    r"(?:^|\s)d'|\bsetting is\s+)$",
    re.I,
)
_FESTIVAL_CITIES = frozenset(fold(a) for _c, _strong, weak in FESTIVALS for a in weak)
_VIEWING = re.compile(
    r"\b(?:festival|premiere|premiered|screen(?:ed|ing|s)?|saw|seen|watched|cinemas?|"
    r"theat(?:er|re)s?|jury|born|award|prize|oscar|released|release|box office|"
    r"audience|critics?|press|sortie|salles?|né|née|caught|opened in|tourné|"
    r"berlinale|mostra|tiff|"
    r"(?:shot|filmed|shooting) in (?-i:(?=[A-Z]|the [A-Z]|the deserts?)))\b",
    re.I,
)
_NOT_SETTING = frozenset({"hollywood", "europe", "america", "earth", "world"})
