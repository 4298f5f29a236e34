"""Extract stage, prize lists written as prose: the films a palmarès names.

Contract: :func:`find_award_titles` reads sentences such as "The Grand Prix went to
Payal Kapadia's All We Imagine as Light", "the jury gave the Golden Lion to Pedro
Almodóvar's The Room Next Door", "The Silver Lion for best director went to Brady
Corbet for The Brutalist" and "Jesse Plemons was named best actor for Kinds of
Kindness" (or, in a list, "Best director: Tran Anh Hung for The Taste of Things"),
and returns :class:`~graph.extract_films.TitleFact` records (rule
``film.award_prose``) for the winning films, with the director (possessive, or the
winner of a directing prize) or the actor (winner of an acting prize) attached. A
prize won in an earlier year ("won the Golden Bear in 2020 for ...") marks the film
as only mentioned. A winner's name is never returned as a title.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from graph.extract_award_quotes import find_prize_sentence_titles
from graph.extract_films import TitleFact, looks_like_title
from graph.extract_headline_titles import is_second_title
from graph.extract_people import trim_name
from graph.extract_text import (
    ANY_NAME,
    FULL_NAME,
    STOPWORDS,
    TITLE_RUN,
    UP,
    fold,
    is_name_like,
)
from graph.extract_title_base import corroborated_persons

_FOR_BEST = (
    r"\s+for\s+(?:the\s+)?(?:[Bb]est|[Oo]utstanding)\s+[A-Za-z][A-Za-z -]{1,30}?"
)
_AWARD = (
    r"(?:(?:Prize|Prix|Award|Palme d'Or|Caméra d'Or|Camera d'Or|Lion|Bear|Leopard|"
    r"Shell|Cup|Globe|prize|award|Oscar|(?:Golden|Silver|Bronze|Crystal)\s+[A-Z]\w+)"
    rf"(?:{_FOR_BEST})?|[A-Z][\w'-]+{_FOR_BEST})"
)
_ADJ = r"(?:the\s+(?:[A-Z][a-z]+|young|veteran|first-time)\s+)?"


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    award = rf"(?P<award>{_AWARD})"
    winner = (
        rf"{_ADJ}(?:(?P<owner>{ANY_NAME})'s?\s+\"?(?P<title1>{TITLE_RUN})\"?|"
        rf"(?P<person>{FULL_NAME})\s+for\s+\"?(?P<title2>{TITLE_RUN})\"?|"
        rf"\"?(?P<title3>{TITLE_RUN})\"?(?=\s*[,.;:(]|\s+(?:by|from)\s))"
    )
    return {
        "went_to": re.compile(
            rf"{award}\s+(?:went|goes|has gone|was given|was awarded|is awarded)"
            r"\s+to\s+" + winner
        ),
        "gave_to": re.compile(
            r"\b(?:gave|gives|awarded|awards|handed|hands)\s+(?:the|its|their)\s+"
            rf"(?:[\w'-]+\s+){{0,4}}?{award}\s+(?:(?:on|at|in)\s+(?:[\w'-]+\s+){{1,3}}?)?"
            r"to\s+" + winner
        ),
        "named": re.compile(
            rf"(?P<person>{FULL_NAME})\s+(?:was|is|has been)\s+(?:named|crowned)\s+"
            rf"(?P<award>best\s+[a-z]+(?:\s+[a-z]+)?)\s+for\s+\"?(?P<title2>{TITLE_RUN})"
        ),
        "took": re.compile(
            rf"(?P<person>{FULL_NAME})\s+(?:took|takes|won|wins|picked up|received)\s+"
            rf"(?:the\s+|a\s+)?(?P<award>(?:[\w'-]+\s+){{0,3}}?{_AWARD}|"
            r"best\s+(?:director|actor|actress|screenplay|film|direction))"
            rf"\s+for\s+\"?(?P<title2>{TITLE_RUN})"
        ),
        "line_director": re.compile(
            rf"(?m)^(?P<award>[^:\n]{{0,30}}\b[Bb]est\s+[Dd]irector)\s*:\s+"
            rf"(?P<person>{FULL_NAME})\s+for\s+\"?(?P<title2>{TITLE_RUN})"
        ),
        # "...; the Grand Jury Prize to X's Title": the verb of a list is elided
        "elided": re.compile(
            # "..., and Guadagnino the Silver Lion for Best Director for Title"
            r"(?:;\s+(?:and\s+)?|,\s+and\s+|\band\s+)(?:[A-Z][\w'-]+\s+(?=the\s))?(?:the\s+)?"
            rf"(?P<award>(?:[A-Z][\w'-]+\s+){{0,3}}?{_AWARD})\s+(?P<prep>to|for)\s+"
            + winner
        ),
        "prize_for": re.compile(
            rf"\b(?:special|jury|main|top|audience)\s+(?P<award>prize|award)\s+for\s+"
            rf"\"?(?P<title3>{TITLE_RUN})\"?(?=\s*[,.;:])"
        ),
    }


_EARLIER = re.compile(
    r"\b(?:in\s+(?:19|20)\d\d|already|previously|once|earlier|years? ago|last year)\b"
)
_DIRECTING = re.compile(r"\bdirect(?:or|ing|ion)\b", re.I)
_AUTHOR = re.compile(r"\b(?:screenplay|script|writing|jury|Jury)\b")
_PERSONAL = re.compile(
    r"\b(?:actor|actress|performance|acting|Volpi|direct(?:or|ing)|screenplay|"
    r"Mastroianni)\b",
    re.I,
)
_ACTING = re.compile(r"\b(?:actor|actress|performance|acting|Volpi)\b", re.I)


_FOREIGN_SMALL = frozenset(
    "avec le la les de du des et en un une il lo di del della con per el los las "
    "y sur sous dans au aux der die das und im".split()
)


def foreign_tail(rest: str) -> str:
    """The lower-case rest of a sentence-case foreign title ("Jouer| avec le feu,")."""
    m = re.match(r"((?:\s+[a-zà-ÿ'-]+){1,4})(?=\s*[,.;])", rest)
    if m and any(w in _FOREIGN_SMALL for w in m.group(1).split()):
        return m.group(1)
    return ""


def _clean_title(title: str) -> str:
    title = title.strip().strip("\"'").rstrip(",;:")
    return title[:-1] if re.search(r"[a-z]{2}\.$", title) else title


def find_award_titles(
    text: str, *, not_titles: frozenset[str] = frozenset()
) -> list[TitleFact]:
    """The films that prose prize lists of ``text`` name (see module docstring).

    Args:
        text: the normalised review text.
        not_titles: folded names that are never titles (people, festivals).

    Returns:
        One fact per winning-film statement, in text order.
    """
    # a prize sentence's structure says film; an NER tag alone ("Gloria Mundi") is
    # no person unless a person cue stands beside the name
    prose_not = frozenset(n for n in not_titles if " " not in n) | (
        corroborated_persons(text, [n for n in not_titles if " " in n], [])
    )
    out: list[TitleFact] = []
    for name, rule in _rules().items():
        for m in rule.finditer(text):
            groups = m.groupdict()
            key = next(k for k in ("title1", "title2", "title3") if groups.get(k))
            title = _clean_title(m.group(key))
            if not looks_like_title(title) or re.search(
                r"\b(?:Festival|Fest|Berlinale)\b", title
            ):
                continue
            if re.match(r"(?:Best|Outstanding)\b", groups.get("person") or ""):
                continue  # "the Volpi Cup for Best Actress for Olivia Colman"
            credited = re.match(
                r",?\s+(?:by|from|directed by|de)\s", text[m.end(key) : m.end(key) + 20]
            )
            paren = re.match(r"\s*\(([^()\n]{2,60})\)", text[m.end(key) :])
            orig = paren.group(1).strip() if paren else ""
            if not orig[:1].isupper() or re.search(r"[\d.!?;,]", orig):
                orig = ""  # "Title (Original Title)": the winner is surely a film
            if key == "title3" and (
                fold(title) in prose_not
                or (
                    re.fullmatch(FULL_NAME, title)
                    and title.split()[0] not in {"The", "A", "An"}
                    and not credited
                    and not orig  # "Caesar Must Die (Cesare deve morire)": a film
                    and (
                        groups.get("prep") != "for"  # "the Silver Lion for Title"
                        or bool(_PERSONAL.search(groups.get("award") or ""))
                    )  # "the Volpi Cup for Best Actress for Olivia Colman"
                )
                or len(title.split()) > 6
                or not is_name_like(title.split()[0])
                and title.split()[0] not in {"The", "A", "An"}
                and not (orig and len(title.split()) >= 2)
            ):
                continue  # "went to Jesse Plemons.": a winner, not a film
            start = m.start(key) + m.group(key).find(title)
            owner = groups.get("owner")
            if owner and owner.split()[0] in {"A", "An", "The"}:
                # "went to A Traveler's Needs": the possessive is inside the title
                start, owner = m.start("owner"), None
                title = _clean_title(text[start : m.end(key)])
            if " " not in title:
                title += foreign_tail(text[start + len(title) :])
            credit = re.search(rf"\s+by\s+({FULL_NAME})$", title)
            if credit:  # "for A Different Man by Aaron Schimberg": the credit
                title = title[: credit.start()]
            end = start + len(title)
            award = groups.get("award") or ""
            director = actor = None
            if credit:
                director = trim_name(credit.group(1))
            person = groups.get("person")
            if director:
                pass
            elif owner and len(trim_name(owner).split()) >= 2:
                director = trim_name(owner)
            elif person and _DIRECTING.search(award):
                director = trim_name(person)
            elif person and (_ACTING.search(award) or name == "named"):
                actor = trim_name(person)
            elif person and _AUTHOR.search(award):
                # a screenplay or jury prize goes to the film's author
                director = trim_name(person)
            tail = re.split(r"[.!?;]", text[end : end + 30], maxsplit=1)[0]
            earlier = _EARLIER.search(text[m.start() : end] + tail) or re.search(
                r"\b(?:after|since|before|following)\s+$",
                text[max(0, start - 12) : start],
            )  # "Five years after Atlantics won the Grand Prix": an earlier film
            role = "mentioned" if earlier else "subject"
            conf = 0.8 if name != "prize_for" else 0.7
            out.append(TitleFact(title, start, end, "film.award_prose", conf, role,
                                 original_title=orig or None, director=director,
                                 actor=actor))  # fmt: skip
            sibling = _sibling(text, m, person, director)
            if sibling:  # "Jean-Pierre and Luc Dardenne took best director for"
                out.append(replace(out[-1], director=sibling))
    out += find_prize_sentence_titles(text, not_titles=prose_not)
    out += _palmares_lines(text, not_titles)
    # a prize line's layout says film: an NER tag alone ("Gloria Mundi") is no veto
    out += _prize_list_lines(text, not_titles, veto=prose_not)
    out.sort(key=lambda f: f.start)
    return [_with_original(text, f, not_titles) for f in out]


def _with_original(text: str, fact: TitleFact, not_titles: frozenset[str]) -> TitleFact:
    """The fact with the second title the text gives once: "Dying (Sterben)"; a name
    the text uses elsewhere, the director or a known person is no second title."""
    if fact.original_title:
        return fact
    pattern = rf"{re.escape(fact.title)}\s*\(([{UP}][^()\n\d.!?;,]{{1,60}})\)"
    for m in re.finditer(pattern, text):
        inner = m.group(1).strip()
        if (
            text.count(inner) == 1
            and fold(inner) != fold(fact.director or "")
            and fold(inner) not in not_titles
            and is_second_title(inner, text[m.end() :])
        ):
            return replace(fact, original_title=inner)
    return fact


#: A prize named after the title that opens a paragraph of a palmarès.
_LINE_AWARD = (
    r"(?:(?:[A-Z][\w'-]*|of|the)\s+){0,3}?(?:Prize|Prix|Award|Palme d'Or|"
    r"Caméra d'Or|Camera d'Or|Lion|Bear|Leopard|Shell|Cup|Globe)"
    r"(?:\s+for\s+(?:the\s+)?[Bb]est\s+[A-Za-z]+(?:\s+[A-Za-z]+)?)?|"
    r"[Bb]est\s+(?:[Dd]irector|[Aa]ctor|[Aa]ctress|[Ss]creenplay|[Ff]ilm|[Pp]icture|"
    r"[Dd]ocumentary)"
)


#: "Jane Campion returns ...": a sentence of the prize paragraph led by the maker.
MAKER_SENTENCE = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))({FULL_NAME})(?:,[^,.\n]{{3,60}},)?\s+"
    r"(?:adapts|directs|returns|goes|ties|"
    r"follows|films|shoots|stages|turns|tells|explores|delivers|crafts|paints|examines|"
    r"chronicles|depicts|captures|imagines|revisits|traces|observes|weaves|sets|"
    r"brings|signs|makes|made|directed|shot)\b(?!\s+(?:as|up)\b)"
)


@lru_cache(maxsize=1)
def _palmares() -> re.Pattern[str]:
    return re.compile(
        rf"(?m)^[ \t]*\"?(?P<title>{TITLE_RUN})\"?(?:\s*\((?P<orig>[^()\n]{{2,60}})\))?"
        rf",\s+(?:the\s+)?(?P<award>{_LINE_AWARD})\s*(?:[.:;]|$)"
    )


def _palmares_lines(text: str, not_titles: frozenset[str]) -> list[TitleFact]:
    """ "Happening (L'Événement), Golden Lion." opening a paragraph: an awarded film,
    with its original title when the parentheses give one."""
    out: list[TitleFact] = []
    for m in _palmares().finditer(text):
        title = _clean_title(m.group("title"))
        first = title.split()[0]
        if (
            not looks_like_title(title)
            or fold(title) in not_titles
            and not m.group("orig")
            or re.fullmatch(FULL_NAME, title)  # "Jane Doe, Best Actress.": a winner
            and not m.group("orig")
            and bool(_PERSONAL.search(m.group("award")))
            or not (is_name_like(first) or first in {"The", "A", "An"})
            or re.search(r"\b(?:Festival|Fest|Berlinale)\b", title)
        ):
            continue
        orig = (m.group("orig") or "").strip()
        if (
            not orig[:1].isupper()
            or len(orig.split()) > 8
            or re.search(r"[\d.!?;]", orig)
        ):
            orig = ""  # sentence case is fine: "(Madres paralelas)"
        start = m.start("title") + m.group("title").find(title)
        end_par = text.find("\n", m.end())
        maker = MAKER_SENTENCE.search(
            text, m.end(), end_par if end_par >= 0 else len(text)
        )
        director = trim_name(maker.group(1)) if maker else None
        out.append(TitleFact(title, start, start + len(title), "film.award_line",
                             0.8, "subject", original_title=orig or None,
                             director=director))  # fmt: skip
    return out


#: Prizes for a craft: their winner is neither the director nor the cast.
_CRAFT = re.compile(
    r"\b(?:contribution|cinematograph\w*|photography|music|score|editing|design|"
    r"sound|costume|make-?up|effects)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _prize_list() -> re.Pattern[str]:
    """ "Golden Bear: Title (Director)", "Best Director: Name (Title) and ..." """
    award = (
        r"[^:\n]{0,40}?\b(?:Bear|Lion|Leopard|Shell|Palme|Prize|Prix|Award|Cup|Best|"
        r"Caméra|Camera|Jury|Grand)\b[^:\n]{0,40}?"
    )
    return re.compile(rf"(?m)^[ \t]*(?P<award>{award}):[ \t]+(?P<rest>[^\n]{{2,200}})$")


_PAREN_ENTRY = re.compile(
    r'^"?(?P<a>[^()\n"]{2,70}?)"?\s*\((?P<b>[^()\n]{2,70})\)\s*[.;]?$'
)
_COMMA_ENTRY = re.compile(
    r'^"?(?P<a>[^()\n",]{2,70}?)"?,\s+"?(?P<b>[^()\n",]{2,70}?)"?[.;]?$'
)
_LONE_ENTRY = re.compile(r'^"?(?P<a>[^()\n"]{2,70}?)"?[.;]?$')


def _prize_list_lines(
    text: str, not_titles: frozenset[str], *, veto: frozenset[str]
) -> list[TitleFact]:
    """The films of a prize list written one award a line: "Golden Bear: Title
    (Director)", "Best Director: Name (Title) and Name (Title)", "Best Actress: Name,
    Title". A personal prize (direction, acting, screenplay) names the person first
    unless the parentheses hold a known person; any other prize names the film first.
    """
    out: list[TitleFact] = []
    for m in _prize_list().finditer(text):
        award = m.group("award")
        personal = bool(
            _DIRECTING.search(award) or _ACTING.search(award)
            or re.search(r"\b(?:screenplay|script)\b", award, re.I)
            or _CRAFT.search(award)
        )  # fmt: skip
        rest_at = m.start("rest")
        for entry in re.finditer(r"[^;]+?(?=(?<=\))\s+and\s+|;|$)", m.group("rest")):
            fact = _prize_entry(
                entry.group(0).strip(), award, personal, not_titles, veto
            )
            if fact is None:
                continue
            title, director, actor = fact
            at = text.find(title, rest_at + entry.start())
            out.append(
                TitleFact(title, at, at + len(title), "film.award_line", 0.8,
                          "subject", director=director, actor=actor)
            )  # fmt: skip
    return out


def _prize_entry(
    entry: str,
    award: str,
    personal: bool,
    not_titles: frozenset[str],
    veto: frozenset[str],
) -> tuple[str, str | None, str | None] | None:
    """(title, director, actor) of one "Name (Title)" / "Title (Name)" entry: the NER
    names (``not_titles``) tell which part is the person; only the corroborated ones
    (``veto``) keep a part from being the title."""
    entry = re.sub(r"^and\s+", "", entry)
    # "Name (cinematography), Title": the role in parentheses is no title
    entry = re.sub(r"^([^()]+?)\s*\([a-z][^()]*\)\s*,", r"\1,", entry)
    m = _PAREN_ENTRY.match(entry) or _COMMA_ENTRY.match(entry)
    paired = m is not None  # "Title (Name)", "Name, Title": the layout parts it
    m = m or _LONE_ENTRY.match(entry)
    if not m:
        return None
    first = m.group("a").strip()
    second = (m.groupdict().get("b") or "").strip()
    name_like = rf"{FULL_NAME}|(?:[{UP}][\w'-]*\s+){{2,6}}[{UP}][\w'-]*"
    if personal and second:  # "Best Screenplay: Yonfan, Title": a one-word name
        name_like += rf"|[{UP}][a-z]+"
    first_named, second_named = fold(first) in not_titles, fold(second) in not_titles
    # both tagged as people: a film prize names its film first ("Golden Lion: Gloria
    # Mundi (Jo Doe)"), a personal prize its person ("Best Actress: Jo Doe, Title")
    person_first = bool(second) and (
        first_named and (not second_named or personal) or personal and not second_named
    )
    if not second:
        veto = not_titles  # a lone entry has no layout to outweigh the NER tag
    title, person = (second, first) if person_first else (first, second or None)
    title = _clean_title(title)
    if (
        not (_long_title_ok(title) if paired else looks_like_title(title))
        or fold(title) in veto
        or re.search(r"(?<!\bNo)(?<!\bVol)(?<!\bPt)[.!?]\s", title)
        or person is not None
        and not re.fullmatch(name_like, person)
    ):
        return None
    director = actor = None
    if person and _ACTING.search(award):
        actor = trim_name(person)
    elif person and (
        _DIRECTING.search(award)
        or re.search(r"\b(?:screenplay|script)\b", award, re.I)
        or not _CRAFT.search(award)
    ):
        director = trim_name(person)  # a film prize's person is its director
    return title, director, actor


def _sibling(
    text: str, m: re.Match[str], person: str | None, director: str | None
) -> str | None:
    """The first name before "and" that shares the director's surname: "Jean-Pierre
    and Luc Dardenne took ..." gives "Jean-Pierre Dardenne"."""
    if not person or not director or "person" not in m.re.groupindex:
        return None
    before = text[max(0, m.start("person") - 30) : m.start("person")]
    first = re.search(r"(?<![\w'-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) and $", before)
    if first is None or first.group(1).casefold() in STOPWORDS:
        return None
    return f"{first.group(1)} {director.split()[-1]}"


def _long_title_ok(title: str) -> bool:
    """A prize line's title, up to 12 words: "The Mafia Is No Longer What It Used to
    Be" is one title when the line's layout isolates it."""
    words = title.split()
    return looks_like_title(title) or (
        len(words) <= 12 and looks_like_title(" ".join(words[:9]))
    )


#: "Silver Bear Grand Jury Prize to Title": a prize a title rule ran into.
_PRIZE_LEAD = re.compile(
    r"(?:[A-Z][\w'-]*\s+){0,5}?(?:Prize|Award|Bear|Lion|Leopard|Shell|Cup|Globe|"
    r"Contribution|Screenplay|Performance|Director|Mention|Week|Fortnight)\s+"
    r"(?:to|for)\s+(?=\S)"
)


def trim_prize_leads(titles: list[TitleFact]) -> list[TitleFact]:
    """The facts with a leading prize name cut off their title: a prose rule that read
    "the Silver Bear Grand Jury Prize to Title" as one run keeps only "Title"."""
    out: list[TitleFact] = []
    for fact in titles:
        m = _PRIZE_LEAD.match(fact.title)
        rest = fact.title[m.end() :] if m else ""
        if m and looks_like_title(rest):
            fact = replace(fact, title=rest, start=fact.start + m.end())
        out.append(fact)
    return out
