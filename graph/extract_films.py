"""Extract stage, films: titles, original titles, years, subject vs mentioned.

Contract: :func:`find_titles` returns :class:`TitleFact` records from the headline
("Festival 2023: Title, tagline [review]", "Title review: ...", "Review: 'Title'"),
the input's known title, quoted titles, "Title (2023)", "Title (Original Title)",
"(Title, Director, 2023)", "Director's Title" and comparison cues ("four years after
Title", "his previous film, Title") that mark a film as only *mentioned*.
:func:`graph.extract_headline.headline_of` picks the headline line of a review.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_clause_titles import (
    find_clause_titles,
    find_counted_list_titles,
    find_sentence_case_titles,
)
from graph.extract_headline_titles import headline_titles, is_second_title
from graph.extract_people import PersonFact, trim_name
from graph.extract_possessive import find_possessive_titles
from graph.extract_showing import find_competing_titles, find_showing_titles
from graph.extract_text import (
    ANY_NAME,
    FULL_NAME,
    TITLE_RUN,
    UP,
    find_all,
    fold,
    is_name_like,
)

# TitleFact, looks_like_title and normalise_headline are re-exported: the other title
# rules import them from here
from graph.extract_title_base import (
    TitleFact as TitleFact,
)
from graph.extract_title_base import (
    clean_title,
)
from graph.extract_title_base import (
    looks_like_title as looks_like_title,
)
from graph.extract_title_base import (
    normalise_headline as normalise_headline,
)
from graph.extract_title_evidence import (
    non_film_names,
    strip_lead_name,
    with_main_title,
)
from graph.extract_top_lines import find_top_line_titles

_clean = clean_title


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    return {
        "quoted": re.compile(r"\"([^\"\n]{2,80})\""),
        "paren_triple": re.compile(
            rf"(?:\"([^\"\n]{{2,80}})\"|({TITLE_RUN}))\s*\(\s*"
            rf"(?:dir\.|directed by|de|by)?\s*({ANY_NAME})\s*,\s*((?:19|20)\d\d)\s*\)"
        ),
        "inner_triple": re.compile(
            rf"\(\s*\"?({TITLE_RUN})\"?\s*,\s*({ANY_NAME})\s*,\s*((?:19|20)\d\d)\s*\)"
        ),
        "title_year": re.compile(
            rf"(?:\"([^\"\n]{{2,80}})\"|({TITLE_RUN}))\s*\(\s*((?:19|20)\d\d)\s*\)"
        ),
        "title_paren": re.compile(
            rf"(?:\"([^\"\n]{{2,80}})\"|({TITLE_RUN}))\s*\(([^()\n]{{2,80}})\)"
        ),
        "mentioned_own": re.compile(
            r"\b(?:(?:\w+|\d+)\s+years?\s+(?:later|after)|after|since|following|"
            r"(?:previous|earlier|last|first|debut|prior)\s+(?:film|feature|movie|"
            r"documentary|work)s?,?|ans après)\s+"
            rf"(?:her |his |their |the )?\"?({TITLE_RUN})\"?"
        ),
        "mentioned_other": re.compile(
            r"\b(?:like|unlike|reminiscent of|recalls|echoes of|remake of|sequel to|"
            rf"the director of|the maker of|over)\s+\"?({TITLE_RUN})\"?"
        ),
        "directed_by": re.compile(
            rf"(?:\"([^\"\n]{{2,80}})\"|({TITLE_RUN})),\s+(?:which was\s+|is\s+)?"
            r"(?:co-)?(?:directed|written and directed|réalisé) (?:by|par)\s+"
            rf"({ANY_NAME})"
        ),
        "list_line": re.compile(
            rf"(?m)^[^:\n]{{2,40}}:\s+\"?({TITLE_RUN})\"?,\s+({FULL_NAME})\.(?:\s|$)"
        ),
        "award_line": re.compile(
            rf"(?m)^[^:\n]{{2,40}}:\s+{FULL_NAME}\s+for\s+\"?({TITLE_RUN})\"?"
        ),
        "acting_line": re.compile(
            rf"(?m)^Best\s+(?:actress|actor|performance|supporting[^:\n]*)\s*:\s+"
            rf"({FULL_NAME})(?:\s+(?:in|for)\s+|,\s+)\"?({TITLE_RUN})\"?"
        ),
        "line_title_year": re.compile(
            rf"(?m)^\"?({TITLE_RUN})\"?\s*\(((?:19|20)\d\d)\)\s*$"
        ),
        "comma_by": re.compile(
            rf"(?:^|(?<=[.!?\n]\s)|(?<=\n))\"?({TITLE_RUN})\"?,\s+(?:by|de|from)\s+"
            rf"({FULL_NAME}),"
        ),
        "appositive": re.compile(
            # "Title (Original Title), Jo Doe's lavish costume drama"
            rf"(?:\"([^\"\n]{{2,80}})\"|({TITLE_RUN}))(?:\s*\((?![^()\n]*\d)[^()\n]{{2,60}}\))?,\s+"
            rf"({ANY_NAME})'s?\s+"
            r"(?:[\w-]+\s+){0,4}?(?:film|feature|movie|portrait|documentary|debut|"
            r"comedy|drama|thriller|western|musical|fable|follow-up|sequel|remake|"
            r"biopic|melodrama|satire|adaptation|story|tale|masterpiece|fiction|"
            r"account|piece)\b"
        ),
        "by": re.compile(
            rf"(?:\"([^\"\n]{{2,80}})\"|({TITLE_RUN})),?\s+(?:the\s+)?(?:[a-z][\w-]*\s+)"
            r"{0,2}?(?:film|feature|movie|documentary|debut)\s+(?:by|from|de|of)\s+"
            r"(?:(?:the\s+)?(?:[\w-]+\s+)?(?:director|filmmaker|film-maker)\s+)?"
            rf"({ANY_NAME})"
        ),
        "by_genre": re.compile(
            rf"(?:\"([^\"\n]{{2,80}})\"|({TITLE_RUN})),\s+(?:the|an?)\s+(?:[\w-]+\s+)"
            r"{0,2}?(?:drama|comedy|thriller|western|musical|romance|satire|fable|"
            r"melodrama|horror|biopic|epic|animation|chronicle|portrait)\s+"
            rf"(?:by|from)\s+({FULL_NAME})"
        ),
    }


_PREPOSITIONS = frozenset("in at on with from for of by to".split())
_ARTICLES = frozenset("the a an le la les l' el il der die das un une".split())
#: Sentence openers that never begin a title.
_OPENERS = frozenset(
    "this that these those it its he she they we i you there here when while if but "
    "and so then now after before since as his her their our my your what which who "
    "how why where".split()
)
#: Stop words that may open a title: "Saint Omer, Alice Diop's first fiction".
_LEADS = _ARTICLES | {"saint", "st."}
_PLAIN_CUES = frozenset("after since following like unlike over recalls après".split())


def _fact(m: re.Match[str], g: int, rule: str, conf: float, **kw: object) -> TitleFact:
    title = _clean(m.group(g))
    lead = m.group(g).find(title)
    start = m.start(g) + max(lead, 0)
    return TitleFact(title, start, start + len(title), rule, conf, **kw)  # type: ignore[arg-type]


def find_titles(
    text: str,
    *,
    headline: tuple[str, int] | None,
    known_title: str | None,
    people: list[PersonFact],
    persons: frozenset[str] = frozenset(),
) -> list[TitleFact]:
    """Every title statement of the normalised ``text`` (see module docstring).

    Args:
        text: the normalised review text.
        headline: the headline and its offset, if any.
        known_title: the title the input gives (CSV/JSONL column), if any.
        people: person facts (a person or character is never a title).
        persons: folded multi-word PERSON entities from NER.
    """
    rules = _rules()
    out: list[TitleFact] = []
    if known_title:
        at = max(text.find(known_title), 0)
        out.append(
            TitleFact(known_title, at, at + len(known_title), "input.title", 1.0)
        )
    if headline:
        line, at = headline
        body = text[at + len(line) :]
        named = frozenset(fold(p.name) for p in people)
        out.extend(headline_titles(normalise_headline(line), at, body, named, persons))
        out.extend(find_top_line_titles(text, headline=headline, not_titles=named))
        body_start = at + len(line)
    else:
        body_start = 0

    def ok(title: str) -> bool:
        return (
            looks_like_title(title)
            and not _is_person(title, people)
            and not re.search(r"\b(?:Festival|Fest|Berlinale)\b", title)
        )

    for m in rules["paren_triple"].finditer(text):
        g = 1 if m.group(1) else 2
        if ok(_clean(m.group(g))):
            out.append(_fact(m, g, _cited(text, m.start()), 0.9, year=int(m.group(4)),
                             director=trim_name(m.group(3))))  # fmt: skip
    for m in rules["inner_triple"].finditer(text):
        if ok(_clean(m.group(1))) and len(m.group(2).split()) >= 2:
            # "(Title, Director, 2004)" inside a sentence is an aside: a comparison
            aside = _cited(text, m.start()) == "film.paren_cited"
            rule = "film.paren_aside" if aside else "film.paren_triple"
            out.append(_fact(m, 1, rule, 0.9, role="unknown" if aside else "subject",
                             year=int(m.group(3)),
                             director=trim_name(m.group(2))))  # fmt: skip
    name_words = {fold(w) for p in people for w in p.name.split() if len(w) > 2}
    name_words |= {  # "Ada Kemp returns": Kemp is a surname
        fold(n.group(0).split()[-1])
        for n in re.finditer(FULL_NAME, text)
        if is_name_like(n.group(0))
    }
    for m in rules["title_year"].finditer(text):
        g = 1 if m.group(1) else 2
        title = _clean(m.group(g))
        if g == 2:  # "Sciamma on Water Lilies (2007)": a maker before the title
            title = strip_lead_name(title, name_words)[0]
        # "Leos Carax's Title", "the Wyoming of Michael Cimino's Heaven's Gate (1980)"
        own = next(  # the last possessive: "Thursday with Agnès Varda's Cléo ..."
            (
                o
                for o in reversed(
                    list(re.finditer(rf"({FULL_NAME})'s?\s+(?=[{UP}0-9])", title))
                )
                if o.start() == 0 or title[o.start() - 1] == " "
            ),
            None,
        )
        if own and ok(title[own.end() :]):
            at = m.start(g) + m.group(g).find(title) + own.end()
            out.append(TitleFact(title[own.end() :], at, at + len(title) - own.end(),
                                 "film.title_year", 0.8, "unknown", int(m.group(3)),
                                 director=trim_name(own.group(1))))  # fmt: skip
        elif (
            ok(title)
            and fold(title) not in persons
            and not (  # "la version de Richard Lester (1973)": a maker, not a title
                re.fullmatch(FULL_NAME, title)
                and re.search(r"\b(?:by|de|from|of|par)\s+$", text[: m.start(g)][-8:])
            )
        ):
            at = m.start(g) + m.group(g).rfind(title)
            out.append(TitleFact(title, at, at + len(title), "film.title_year", 0.8,
                                 "unknown", int(m.group(3))))  # fmt: skip
    for m in rules["quoted"].finditer(text):
        title = _clean(m.group(1))
        if ok(title) and not re.search(r"[.!?]\s", title) and not _is_speech(text, m):
            out.append(_fact(m, 1, "film.quoted", 0.6, role="unknown"))
    for rule in ("mentioned_own", "mentioned_other"):
        for m in rules[rule].finditer(text):
            title = _clean(m.group(1))
            cue = m.group(0)[: m.start(1) - m.start()].strip().casefold()
            words = [w for w in cue.split() if w not in {"her", "his", "their", "the"}]
            plain = len(words) == 1 and words[0] in _PLAIN_CUES
            single = len(title.split()) == 1 and not title.isupper()
            if (
                ok(title)
                and is_name_like(title.split()[0])
                and fold(title) not in persons
                and not re.search(r"\s(?:and|et|&)\s", title)
                and not (single and (plain or rule == "mentioned_other"))
            ):
                fact = _fact(m, 1, f"film.{rule}", 0.6, role="mentioned")
                own = re.match(rf"({FULL_NAME})'s?\s+(?=\S)", fact.title)
                if own and ok(fact.title[own.end() :]):  # "after Jo Doe's Title"
                    at = fact.start + own.end()
                    owner = trim_name(own.group(1))
                    fact = TitleFact(fact.title[own.end() :], at, fact.end, fact.rule,
                                     0.6, "mentioned", director=owner)  # fmt: skip
                out.append(fact)
    for m in rules["list_line"].finditer(text, body_start):
        if ok(_clean(m.group(1))):
            out.append(
                _fact(m, 1, "film.list_line", 0.85, director=trim_name(m.group(2)))
            )
    for m in rules["award_line"].finditer(text, body_start):
        if ok(_clean(m.group(1))):
            out.append(_fact(m, 1, "film.list_line", 0.8))
    for m in rules["line_title_year"].finditer(text, body_start):
        if ok(_clean(m.group(1))):
            out.append(_fact(m, 1, "film.list_line", 0.85, year=int(m.group(2))))
    for m in rules["acting_line"].finditer(text, body_start):
        title = re.sub(rf"\s+by\s+{FULL_NAME}$", "", _clean(m.group(2)))
        if ok(title):
            at = m.start(2)
            out.append(TitleFact(title, at, at + len(title), "film.list_line", 0.8,
                                 actor=trim_name(m.group(1))))  # fmt: skip
    for m in rules["comma_by"].finditer(text, body_start):
        if ok(_clean(m.group(1))):
            out.append(
                _fact(m, 1, "film.list_line", 0.85, director=trim_name(m.group(2)))
            )
    for rule in ("appositive", "by", "by_genre", "directed_by"):
        for m in rules[rule].finditer(text):
            g = 1 if m.group(1) else 2
            name = trim_name(m.group(3))
            title = _clean(m.group(g))
            won = re.match(rf"{FULL_NAME}\s+for\s+(?=\S)", title)
            if won:
                title = title[won.end() :]  # "went to Nicole Kidman for Babygirl, ..."
            lead = title.split()[0].casefold()
            if lead in _PREPOSITIONS and len(title.split()) > 1:
                title = title.split(" ", 1)[1]  # "In Didi, the debut feature by ..."
                lead = title.split()[0].casefold()
            # "All the Beauty and the Bloodshed, directed by ...": a long title may
            # open with a stop word
            long = rule == "directed_by" and (
                sum(w[:1].isupper() for w in title.split()[1:]) >= 2
            )
            # "Just the Wind, Jo Doe's harrowing account": a cued title of two or more
            # capitalised words may open with a stop word
            long = long or (
                rule == "appositive"
                and lead not in _OPENERS
                and sum(w[:1].isupper() for w in title.split()) >= 2
            )
            if ok(title) and name and (lead in _LEADS or is_name_like(lead) or long):
                start = m.start(g) + m.group(g).find(title)
                title, start = with_main_title(text, title, start)
                name_of = "film.by" if rule == "by_genre" else f"film.{rule}"
                out.append(TitleFact(title, start, start + len(title), name_of,
                                     0.75, "unknown", director=name))  # fmt: skip
    out.extend(find_possessive_titles(text, people=people, ok=ok))
    people_names = {fold(n) for p in people for n in (p.name, p.character or "") if n}
    people_names |= non_film_names()
    # the headline too: "Before X: why Title is still Jo Doe's best film"
    out.extend(find_clause_titles(text, not_titles=people_names))
    out.extend(find_sentence_case_titles(text, not_titles=people_names))
    out.extend(find_counted_list_titles(text, not_titles=people_names))
    named = frozenset(fold(p.name) for p in people) | persons | non_film_names()
    out.extend(t for t in find_showing_titles(text, not_titles=named) if ok(t.title))
    out.extend(t for t in find_competing_titles(text, not_titles=named) if ok(t.title))
    return _original_titles(text, _drop_character_owners(out), people)


def _drop_character_owners(facts: list[TitleFact]) -> list[TitleFact]:
    """The facts without "Corinne Doe's Cléo" when "Cléo from 5 to 7" is a longer
    title another fact names with another director: the actor's character."""
    longer = [f for f in facts if " " in f.title]
    return [
        f
        for f in facts
        if not (
            f.rule == "film.possessive"
            and " " not in f.title
            and any(
                g.title.startswith(f.title + " ")
                and fold(g.director or "") != fold(f.director or "")
                for g in longer
            )
        )
    ]


def _cited(text: str, at: int) -> str:
    """ "Title (Director, 2019)" opening a line heads it; inside a sentence it cites."""
    line_start = text.rfind("\n", 0, at) + 1
    head = text[line_start:at].strip(' \t-*•"0123456789.)')
    return "film.paren_triple" if not head else "film.paren_cited"


def _is_person(title: str, people: list[PersonFact]) -> bool:
    key = fold(title)
    return any(key in (fold(p.name), fold(p.character or "")) for p in people)


def _original_titles(
    text: str, facts: list[TitleFact], people: list[PersonFact]
) -> list[TitleFact]:
    """Attach "Title (Original Title)" pairs to the known film of either name."""
    known = {fold(f.title) for f in facts}
    opening = {f.start for f in facts if f.rule.startswith("headline.")}
    out = list(facts)
    for m in _rules()["title_paren"].finditer(text):
        g = 1 if m.group(1) else 2
        outer, inner = _clean(m.group(g)), _clean(m.group(3))
        if (
            re.search(r"(?:19|20)\d\d", inner)
            or not looks_like_title(inner)
            or not is_second_title(inner, text[m.end() :])
        ):
            continue
        end = m.start(g) + len(outer)
        whole = next(
            (f.title for f in facts
             if len(f.title) > len(outer)
             and fold(text[max(0, end - len(f.title)) : end]) == fold(f.title)),
            None,
        )  # fmt: skip
        heads = m.start(g) in opening  # "Title (Original) review": no character
        if not (heads or whole) and (
            _is_person(inner, people) or _is_person(outer, people)
        ):
            continue
        suffixes = [
            outer[i:] for i in range(len(outer)) if i == 0 or outer[i - 1] == " "
        ]
        hit = next((s for s in suffixes if fold(s) in known), None)
        if hit is None and whole is not None:
            # "The Teachers' Lounge (Das Lehrerzimmer)": the run before the
            # parenthesis stops at the apostrophe of a title already found
            hit = whole
        if hit is not None:
            start = end - len(hit)
            out.append(
                TitleFact(
                    hit,
                    start,
                    start + len(hit),
                    "film.original_title",
                    0.85,
                    "unknown",
                    original_title=inner,
                )
            )
        elif fold(inner) in known:
            out.append(
                TitleFact(
                    inner,
                    m.start(3),
                    m.end(3),
                    "film.original_title",
                    0.85,
                    "unknown",
                    original_title=outer if looks_like_title(outer) else None,
                )
            )
    seen = {(f.start, f.original_title) for f in out}
    for fact in [f for f in facts if " " in f.title or not f.title.islower()]:
        # "Avec Le Règne animal (The Animal Kingdom)": a sentence-case title the
        # review already knows, with its second title
        for start in find_all(fact.title, text):
            after = _SECOND_TITLE_AFTER.match(text, start + len(fact.title))
            if after is None:
                continue
            inner = after.group(1).strip()
            if (
                (start, inner) in seen
                or fold(inner) == fold(fact.title)
                or _is_person(inner, people)
                or not is_second_title(inner, text[after.end() :])
            ):
                continue
            seen.add((start, inner))
            out.append(TitleFact(fact.title, start, start + len(fact.title),
                                 "film.original_title", 0.85, "unknown",
                                 original_title=inner))  # fmt: skip
    return out


#: A second title in parentheses right after a known title.
_SECOND_TITLE_AFTER = re.compile(rf"\s*\(([{UP}][^()\n\d.!?;,]{{1,60}})\)")


_SPEECH = (
    r"(?:say|says|said|ask|asks|asked|tell|tells|told|shouts?|shouted|whispers?|"
    r"whispered|repl(?:y|ies|ied)|answers?|answered|adds|added|cries|cried|yells?|"
    r"yelled|screams?|screamed|insists?|insisted|explains?|explained|mutters?|"
    r"muttered|snaps|snapped|dit|lance|répond)"
)


def _is_speech(text: str, m: re.Match[str]) -> bool:
    """ "'Get out of my house,' she says": a quoted line of dialogue, not a title."""
    inside = m.group(1).rstrip()
    before = text[max(0, m.start() - 30) : m.start()]
    after = text[m.end() : m.end() + 30]
    return (
        inside.endswith(("!", "?", "..."))
        or bool(re.search(rf"\b{_SPEECH}\s*[,:]?\s*$", before))
        or bool(re.match(rf"\s*,?\s*(?:\w+\s+){{0,3}}?{_SPEECH}\b", after))
    )
