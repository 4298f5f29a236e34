"""Extract stage, list items: films a round-up introduces one per line.

Contract: :func:`find_list_items` returns subject
:class:`~graph.extract_films.TitleFact` records for the items of a list-shaped
review, where each film opens its own line, unquoted, in one of two layouts:

* a heading line, alone, numbered or decorated, followed by the item's text on
  the next line: ``1. Toni Erdmann (dir. Maren Ade)``, ``Paris, Texas (1984)``,
  ``TALK TO ME (2023)``;
* a lead-in, where a dash separates the title from the item's text:
  ``Civil War — Alex Garland's most provocative film yet ...``.

A list is a repeated layout: a layout counts only when at least two lines of the
review use it, so a lone line that happens to look like a heading is left to the
other rules. Decorations give the year, an original title and the director
(``(dir. X)``, ``(X)``, ``(X, France)``); a lead-in whose text opens with "X's film"
or "X directs" names the director too.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache

from graph.extract_films import TitleFact, looks_like_title
from graph.extract_gazetteer import AWARDS
from graph.extract_headline_titles import NOT_SECOND_TITLE
from graph.extract_text import FULL_NAME, UP, fold

#: Words of a section heading or a label, never a film of the list.
_LABELS = frozenset(
    (
        "new in theaters new in cinemas still playing at home streaming on streaming "
        "honourable mentions honorable mentions the verdict verdict the year in film "
        "also showing also out coming soon out now best of the rest in cinemas "
        "on demand on netflix at the festival"
    ).split()
)
#: Words that section headings in capitals are made of ("NEW IN THEATERS").
_LABEL_WORDS = frozenset(
    (
        "new in theaters theatres cinemas cinema still playing at home on streaming "
        "coming soon out now this week week's also showing best of the rest "
        "honourable honorable mentions verdict year film films our picks top "
        "festival day night digital demand vod re-release classics classic revivals "
        "repertory pick and more elsewhere around town tv television to"
    ).split()
)
_FILM_NOUN = (
    r"(?:film|feature|movie|debut|documentary|drama|comedy|thriller|western|musical|"
    r"fable|epic|satire|romance|horror|biopic|portrait|melodrama|adaptation|follow-up|"
    r"memoir)"
)


@lru_cache(maxsize=1)
def _line() -> re.Pattern[str]:
    """One candidate line: number, title, decorations, then a dash or the line end."""
    return re.compile(
        r"(?m)^[ \t]*(?P<num>\d{1,2}[.)][ \t]+|[★☆]{1,5}½?[ \t]+)?"
        r"(?P<title>[^\s(\"'—–|#*][^\n(|—–]{0,80}?)"
        r"(?P<decor>(?:[ \t]*\([^()\n]{1,60}\))*)"
        r"[ \t]*(?:(?P<dash>[—–]|[ \t]-[ \t])[ \t]*(?P<rest>\S[^\n]*)|$)"
    )


def find_list_items(
    text: str, *, body_start: int, not_titles: Collection[str] = ()
) -> list[TitleFact]:
    """The films of a list-shaped review (see the module docstring).

    Args:
        text: the normalised review text.
        body_start: offset where the body starts (the headline is no item).
        not_titles: folded names that are never titles (people, festivals).

    Returns:
        One subject fact per item, or nothing when no layout repeats.
    """
    headings: list[TitleFact] = []
    leads: list[TitleFact] = []
    numbered = 0
    for m in _line().finditer(text, body_start):
        item = _item(text, m, not_titles)
        if item is None:
            continue
        if m.group("dash"):
            leads.append(item)
        elif (m.group("num") or m.group("decor")) and _followed_by_text(text, m.end()):
            # bare heading lines ("The Performances") are left to the subhead rule,
            # which wants a round-up headline: here a number or a decoration is needed
            for fact in _with_decor_makers(item, _parts(m.group("decor"))):
                headings.append(_with_paragraph_maker(text, m.end(), fact))
            numbered += bool(m.group("num"))
    out: list[TitleFact] = []
    if len(headings) >= 2 or numbered >= 2:
        out += headings
    if len(leads) >= 2:
        out += leads
    return out


def _item(text: str, m: re.Match[str], not_titles: Collection[str]) -> TitleFact | None:
    """The title fact of one candidate line, or None when it is no film item."""
    title = m.group("title").strip().rstrip(",;:")
    decor = _parts(m.group("decor"))
    if not title or title.endswith((".", "?", "!")) or fold(title) in not_titles:
        return None
    if fold(title) in _LABELS or re.search(
        r"\d{1,2}:\d\d|\d/\d|^by\b|@|https?:|★|\bstars?\b|\brating\b", title, re.I
    ):
        return None  # a section label, a time, a byline
    if _labelled(title):
        return None  # "Director: X", "Golden Bear: Title": a credits or prize line
    if title.isupper():
        if not (decor or m.group("num")) or len(title) < 2:
            return None  # "NEW IN THEATERS": a section heading, not "TALK TO ME (2023)"
        title = _title_case(title)
    if not looks_like_title(title) or len(title.split()) > 9:
        return None
    year = original = director = None
    for part in decor:
        if NOT_SECOND_TITLE.search(part):
            continue  # "Saltburn (Prime Video)": a platform, no director nor title
        director_m = re.fullmatch(
            rf"(?:dir\.|d\.|directed by|réal\.|de|by)?\s*({FULL_NAME})"
            r"(?:\s*,\s*[^,]+)*",
            part,
        )
        if re.fullmatch(r"(?:19|20)\d\d", part):
            year = int(part)
        elif re.search(r"(?:19|20)\d\d$", part) and director_m is None:
            year = int(part[-4:])
        elif director_m and not _is_country_list(part):
            director = director_m.group(1)
        elif original is None and looks_like_title(part):
            original = part
    rest = m.group("rest") or ""
    if director is None and m.group("dash"):
        lead = re.match(
            rf"({FULL_NAME})(?:'s?\s+(?:[\w-]+\s+){{0,4}}?{_FILM_NOUN}\b|\s+directs\b)",
            rest,
        )
        director = lead.group(1) if lead else None
    start = m.start("title")
    rule = "film.list_lead" if m.group("dash") else "film.list_heading"
    return TitleFact(
        title, start, start + len(m.group("title").rstrip()), rule, 0.75,
        year=year, original_title=original, director=director,
    )  # fmt: skip


_CREDIT_LABELS = frozenset(
    (
        "director directors directed cast starring with venue section competition "
        "screenplay screenwriter screenwriters writer writers producer producers music "
        "score editor editing cinematography photography production sales country "
        "countries language languages running time release distributor rating verdict "
        "réalisation avec scénario musique durée sortie"
    ).split()
)


def _labelled(title: str) -> bool:
    """Whether the title is really "Label: value" (a credit or a prize line)."""
    label, colon, _value = title.partition(":")
    if not colon:
        return False
    words = re.findall(r"[\w']+", fold(label))
    return any(w in _CREDIT_LABELS for w in words) or bool(
        re.search(
            r"\b(?:prize|award|bear|lion|palme|leopard|best|jury|cup)\b", fold(label)
        )
    )


def _with_decor_makers(item: TitleFact, decor: list[str]) -> list[TitleFact]:
    """The item once per director its decoration names when the plain reading took
    them for a second title: "(Josh and Benny Safdie)" gives two directors, "(Dolor
    y gloria, Pedro Almodóvar)" a second title and a director."""
    part = next((p for p in decor if p == item.original_title), None)
    if part is None:
        return [item]
    pair = re.fullmatch(rf"([{UP}][\w'-]+) (?:and|&) ({FULL_NAME})", part)
    if pair:  # "Josh and Benny Safdie"
        surname = pair.group(2).split()[-1]
        names = [f"{pair.group(1)} {surname}", pair.group(2)]
    else:
        two = re.fullmatch(rf"({FULL_NAME}) (?:and|&) ({FULL_NAME})", part)
        names = [two.group(1), two.group(2)] if two else []
    if names:
        return [replace(item, original_title=None, director=n) for n in names]
    head, comma, last = part.rpartition(", ")
    if comma and re.fullmatch(FULL_NAME, last) and head[:1].isupper():
        return [replace(item, original_title=head, director=item.director or last)]
    return [item]


def _with_paragraph_maker(text: str, end: int, item: TitleFact) -> TitleFact:
    """The heading's fact with the director its paragraph opens with: "Title" over
    "Jo Doe reunites ...", "Jo Doe, eighty and furious, follows ...", "Jo Doe's
    debut ..."."""
    if item.director:
        return item
    line_end = text.find("\n", end + 1)
    line = text[end + 1 : line_end if line_end >= 0 else len(text)]
    maker = re.compile(
        rf"({FULL_NAME})(?:'s?\s+(?:[\w-]+\s+){{0,4}}?{_FILM_NOUN}\b|"
        r"(?:,[^.\n]{3,60},)?\s+(?:directs|returns|reunites|goes back|follows|adapts|"
        r"turns|makes|made|brings|films|shoots)\b)"
    )
    # the paragraph's first or second sentence: "The pick of the week. Jo Doe, who
    # gave us Carol (2015), returns with ..."
    second = re.search(r"[.!?]\s+", line[:120])
    for at in (0, second.end() if second else -1):
        lead = maker.match(line, at) if at >= 0 else None
        if lead:
            return replace(item, director=lead.group(1))
    return item


def _parts(decor: str) -> list[str]:
    """The texts inside the decorations: "(L'Avenir) (dir. X)" -> two parts."""
    return [p.strip() for p in re.findall(r"\(([^()\n]+)\)", decor)]


def _is_country_list(part: str) -> bool:
    """ "(France, Belgium)": a decoration naming countries, not a director."""
    return all(len(w.split()) == 1 for w in part.split(","))


def _title_case(title: str) -> str:
    small = {"a", "an", "the", "of", "to", "in", "on", "and", "for", "at", "by"}
    words = title.lower().split()
    return " ".join(
        w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _followed_by_text(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` is followed by a line of prose."""
    nxt = re.match(r"\n[ \t]*([^\n]{40,})", text[end : end + 400])
    return nxt is not None and " " in nxt.group(1)


#: A festival named the way a translation names it: "Mostra of Venice".
_FESTIVAL_NAME = re.compile(
    r"(?:The\s+)?(?:Mostra|Festival|Biennale|Berlinale|Quinzaine)\s+(?:of|de|du|di|del)"
    r"\s+(?:the\s+)?[A-Z][\w-]*$"
)


#: A dispatch's part label: "Day 4", "Week Two".
_PART_LABEL = re.compile(
    r"(?:Day|DAY|Week|WEEK|Night|NIGHT|Part|PART)\s+(?:\d{1,2}|One|Two|Three|Four|"
    r"Five|Six|Seven|Eight|Nine|Ten|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN)"
)


def is_not_a_film(title: str) -> bool:
    """A title rule's catch that names no film: a prize ("Palme d'Or") or a section
    heading in capitals ("NEW IN THEATERS", "THE YEAR IN FILM")."""
    folded = fold(title)
    if any(folded == fold(award) for award in AWARDS):
        return True
    if (
        _FESTIVAL_NAME.match(title)
        or _PART_LABEL.fullmatch(title)
        or re.search(
            r"\b(?:Film\s+)?Festival(?:\s+(?:de|of)\s+\S+)?(?:\s+\d{4})?$", title
        )
        or re.search(r"\bFilm\s+Festival\b", title) is not None
    ):
        return True  # "Mostra of Venice", "Festival of Cannes", "Day 4": no film
    from graph.extract_festivals import strong_festival_names

    edition = re.fullmatch(r"(.+?)\s+(?:19|20)?\d\d", title)
    if edition and fold(edition.group(1)) in strong_festival_names():
        return True  # "Berlinale 2023": a festival edition
    words = folded.replace("'s", "").split()
    if title.isupper() and words and all(w in _TIME_WORDS for w in words):
        return True  # "OPENING NIGHT", "A DAY LATER": a diary's part heading
    return title.isupper() and bool(words) and all(w in _LABEL_WORDS for w in words)


#: Words of a diary's time headings ("SECOND WEEK", "THE LAST WEEKEND").
_TIME_WORDS = frozenset(
    (
        "a the opening closing night nights day days week weeks weekend first second "
        "third fourth fifth last final next later earlier morning evening afternoon "
        "midweek one two three four five six seven eight nine ten monday tuesday "
        "wednesday thursday friday saturday sunday and of"
    ).split()
)
