"""Extract stage, headline titles: which films a review's headline names.

Contract: :func:`headline_titles` reads a headline ("Festival 2023: Title, tagline",
"Title review: ...", "Review: 'Title'", "Title: tagline", "Director's Title",
"Title (2023)") and returns subject :class:`~graph.extract_title_base.TitleFact`
records; each title must recur in the body unless the headline marks it as reviewed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_gazetteer import REGIONS
from graph.extract_headline_quotes import quoted_headline_titles
from graph.extract_headline_words import PLATFORM, is_loose_word, is_report_label
from graph.extract_people import trim_name
from graph.extract_text import (
    ANY_NAME,
    FULL_NAME,
    TITLE_RUN,
    find_all,
    fold,
    is_name_like,
    owner_surname,
    surname_repeats,
)
from graph.extract_title_base import TitleFact, looks_like_title
from graph.extract_title_base import clean_title as _clean


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    return {
        "headline.possessive": re.compile(rf"({ANY_NAME})'s?\s+\"?({TITLE_RUN})\"?"),
        "headline.run": re.compile(rf"\"?({TITLE_RUN})\"?"),
    }


_PREFIX = re.compile(
    r"^(?:[^:\n]{2,60}?(?:(?:19|20)\d\d|'\d\d)[^:\n]{0,12}?|(?:(?:Berlin|Berlinale|Cannes|Venice|Sundance|TIFF|"
    r"Toronto|Locarno|Telluride|Annecy|SXSW|Tribeca|NYFF|LFF|Festival|Fest)\s+)?"
    r"(?:[Ff]ilm\s+)?(?:[Rr]eview|"
    r"REVIEW|[Cc]ritique|[Cc]ritic's [Pp]ick))\s*[:|]\s*"
)
#: A column label before the title: "Second Look: Title, or ...", "Film of the Week:".
_LABEL = re.compile(
    r"^((?:(?:[A-Z][\w'-]*|of|the|on|in|to)\s+){0,3}?(?:Look|Take|Notebook|Pick|"
    r"Column|Essay|Rewind|Revisited|Retrospective|Flashback|Reconsidered|Spotlight|"
    r"Streaming|Classics?|Week|Month|Video|DVD|Blu-ray|Cinemas|Theaters|Theatres|"
    r"Out Now|Showing|Opening|Diary|Journal|DIARY|JOURNAL|NOTEBOOK|DISPATCH)"
    r"(?:,\s*(?:[Dd]ay|DAY|[Pp]art|PART|[Ww]eek|WEEK)\s+\w+)?)\s*(?::|\|)\s*"
)
#: "Title (Other Title)" opening a headline, sentence case allowed.
_PAREN_TITLE = re.compile(
    r"^\"?([A-Z\u00c0-\u00de][^()\":|\n]{1,60}?)\"?\s*"
    r"\(([A-Z\u00c0-\u00de][^()\d\n.!?;,]{1,60})\)"
)
#: Parentheses after a headline title that hold no second title.
NOT_SECOND_TITLE = re.compile(
    r"\b(?:Netflix|Prime|Amazon|Apple|Disney|HBO|Max|Hulu|Mubi|Spoilers?|Trailer|"
    r"Teaser|Review|Critique|Season|Episode|Part|Director's Cut|Redux|Remastered|"
    r"Re-?release|IMAX|3D|4K)\b",
    re.I,
)
#: "Ma critique de Title", "My review of Title": the review names its film.
_REVIEW_OF = re.compile(
    r"^(?:(?:[Mm]a|[Nn]otre|[Mm]y|[Oo]ur|[Ff]ilm)\s+)?(?:[Cc]ritique|[Rr]eview|[Aa]vis)"
    r"\s+(?:de la\s+|de l'|du\s+|des\s+|de\s+|d'|of\s+|sur\s+|on\s+)"
)
#: After "Three Korean": a plural that counts films, so no title came before.
_COUNTED = re.compile(
    r"\"?\s+(?:films|movies|documentaries|features|shorts|titles|picks|releases)\b"
)
#: "Title, or the conductor who ...": the old double title names the film.
_OR_TAGLINE = re.compile(r"\s*,\s+or\s+(?:the|a|an|how|why|what|when)\b")
_TERMINATOR = re.compile(
    r"^\s*(?:$|[,:|\[('\"]|-\s|\.\.\.|…|[Rr]eview\b|[Cc]ritique\b|\s[a-z]|"
    r"[★☆]|\d+/\d+)"
)


#: "Title: tagline", "Title - tagline", "Title ★★★ - tagline"
_SPLIT_MARK = re.compile(r"\s*(?::|\.\.\.|…|[-–—|]\s|[★☆*]|\d+/\d+)")


def is_second_title(inner: str, body: str) -> bool:
    """True when the parentheses after a headline title hold another title
    ("(L'Événement)"), not a platform ("(Netflix)") nor the director's name
    ("(Mara Olsen)", whose surname the ``body`` uses alone).

    Args:
        inner: the text inside the parentheses.
        body: the review text after the headline.
    """
    if NOT_SECOND_TITLE.search(inner) or surname_repeats(inner, body):
        return False
    if not re.fullmatch(FULL_NAME, inner):
        return True
    last = inner.split()[-1]
    for start in find_all(last, body):
        if start and (body[start - 1].isalnum() or body[start - 1] == "_"):
            continue
        if _SURNAME_VERB.match(body, start + len(last)):
            return False  # "(Mara Olsen)" ... "Olsen's", "Olsen directs"
    return True


#: What follows a surname used alone as a person ("'s ", " directs").
_SURNAME_VERB = re.compile(
    r"(?:'s?\s|\s+(?:is|was|has|plays|directs|returns|revient|signe)\b)"
)


def _surname_alone(title: str, body: str) -> bool:
    """:func:`surname_repeats`, with the last word after a lower-case word only
    ("where Goldin walks"), never inside another name ("the Midnight Express bar")."""
    if not surname_repeats(title, body):
        return False
    last = re.escape(title.split()[-1])
    return bool(re.search(rf"(?<![\w'-])[a-z]+,? {last}\b(?!\s+[A-Z])", body))


_SMALL = frozenset("a an the and of in on at to for with from by or as".split())


def _title_case(title: str) -> str:
    """ "the substance" -> "The Substance" (small words stay small inside)."""
    words = title.split()
    return " ".join(
        w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _recurs(title: str, body: str) -> bool:
    return title.casefold() in body


#: "I Finally Watched Title", "Why I Rewatched Title": the title closes the headline.
_WATCHED = re.compile(
    rf"\b(?:[Ff]inally|FINALLY|[Jj]ust|JUST)?\s*(?:[Ww]atched|WATCHED|[Rr]e-?watched|"
    rf"REWATCHED|[Ss]aw|SAW|[Rr]e-?watching|REWATCHING|[Rr]evisiting|REVISITING|"
    rf"[Gg]ot back from|[Cc]aught)\s+"
    rf"\"?({TITLE_RUN})\"?\s*(?:[.!?]*$|(?=[,;:!?]|\s+(?:and|but|again|tonight|"
    rf"today|twice|with)\s))"
)


def _full_title(title: str, body: str) -> str:
    """The body's longer spelling of a headline's short title, when the body goes on
    with comma-separated parts one of which opens with a number ("Title, 23 Some
    Street, 1080 Town"); else ``title``."""
    m = re.search(
        re.escape(title) + r"((?:,\s+[0-9A-Za-z\u00c0-\u00ff][^,.;:\n]{1,30}){1,3})"
        r"(?=[.;:)]|\s+[a-z])",
        body,
    )
    if not m or not re.search(r",\s+\d", m.group(1)):
        return title
    return title + m.group(1)


def _headline_candidates(rest: str) -> list[tuple[str, str, str | None]]:
    """(title, rule, director) candidates of a headline without its festival prefix."""
    rules = _rules()
    out: list[tuple[str, str, str | None]] = []
    m = _WATCHED.search(rest)
    if m:  # "...: I Finally Watched Title": the blog post's film closes the headline
        out.append((_clean(m.group(1)), "headline.watched", None))
    m = re.match(
        r"^'?([^\n']{2,40}'[^\n']{1,40}?)'\s+(?:[Rr]eview|REVIEW|[Cc]ritique)\b", rest
    )
    if m:  # "'The Teachers' Lounge' Review": the quotes hold an apostrophe
        out.append((m.group(1).strip(), "headline.year", None))
    m = re.search(
        r":\s+(?:on\s+)?\"?([^:\n\"]{2,60}?)\"?\s*\((?:19|20)\d\d\)\s*$", rest
    )
    if (
        m and m.group(1)[:1].isupper()
    ):  # "Forty years in the desert: Paris, Texas (1984)"
        out.append((m.group(1).strip(), "headline.year", None))
    m = re.match(r"^\"([^\"\n]{2,80}?)\"\s*(?::\s|[-–—|]\s|$)", rest)
    if m and ":" in m.group(1):  # « Les Trois Mousquetaires : D'Artagnan » : ...
        out.append((m.group(1).strip(), "headline.year", None))
    m = re.match(
        r"^([a-z][a-z0-9' &-]{1,60}?)\s*(?:[★☆]|\d+(?:\.\d+)?/\d+\b|"
        r"\((?:19|20)\d\d\)|review\b)",
        rest,
    )
    if m and rest == rest.lower():  # "the substance ★★★★½": a user's lower case
        out.append((_title_case(m.group(1).strip()), "headline.year", None))
    m = _PAREN_TITLE.match(rest)
    if m:  # "Anatomie d'une chute (Anatomy of a Fall)": one film, two titles
        out.append((m.group(1).strip(), "headline.paren", None))
    m = re.search(rf"\bwith\s+\"?({TITLE_RUN})\"?\s*$", rest)
    if m:
        out.append((_clean(m.group(1)), "headline.with", None))
    m = re.match(
        rf"^\"?([^,:\"\n]{{2,60}}?)\"?,\s+(?:de|by|d')\s*({FULL_NAME})"
        r"\s*(?:$|[,:|]|\s[-–—]\s)",
        rest,
    )
    if m and m.group(1)[:1].isupper():  # "Les Maisons de sel, de Tom Keane"
        out.append((m.group(1).strip(), "headline.year", trim_name(m.group(2))))
    for m in rules["headline.possessive"].finditer(rest):
        director = trim_name(m.group(1))
        title = _clean(m.group(2))
        plural = rest[m.end(1) : m.end(1) + 2] == "' "  # "Directors' Fortnight"
        if len(director.split()) < 2 and (
            director.casefold() in _NOT_OWNERS or _AWARD_WORDS.search(title) or plural
        ):
            continue
        out.append((title, "headline.possessive",
                    director if len(director.split()) >= 2 else None))  # fmt: skip
    m = re.match(r"^(.{2,60}?)\s*\(((?:19|20)\d\d)\)", rest)
    if m:
        out.append((_clean(m.group(1)), "headline.year", None))
    m = re.match(rf"^({TITLE_RUN}?)\s+(?:Is|Was|Isn't)\s+(?:[Tt]he|[Aa]n?)\s", rest)
    if m:  # "Past Lives Is the Best Film of the Year": a sentence, not a title
        return [*out, (_clean(m.group(1)), "headline.colon", None)]
    m = re.match(r"^([^:\n]{2,60}?)\s+:\s", rest)  # French "Titre : accroche"
    if m:
        colon_title = re.sub(r"\s*\([^()]*\)$", "", m.group(1).split(",")[0])
        out.append((_clean(colon_title), "headline.colon", None))
    pair = re.match(rf"^({TITLE_RUN})\s+[+&]\s+({TITLE_RUN})", rest)
    if pair:  # "Dune Part Two + Oppenheimer double bill"
        out += [(_clean(pair.group(g)), "headline.title", None) for g in (1, 2)]
    m = re.match(rf"^\"?\s*({TITLE_RUN})", rest)
    if m and _TERMINATOR.match(rest[m.end(1) :]):
        title = _clean(m.group(1))
        part = _PART.match(rest, m.end(1))
        if part:  # "Dune: Part Two — the epic of a generation": one title
            title = _clean(rest[m.start(1) : part.end(1)])
        parts = re.split(r"\s+and\s+", title)
        if not all(p[:1].isupper() or p[:1].isdigit() for p in parts):
            parts = [title]  # "All the Beauty and the Bloodshed" is one title
        out += [(part, "headline.title", None) for part in parts]
    m = re.search(rf":\s+\"?({TITLE_RUN})\"?\s*$", rest)
    if m and re.match(r"[A-Z][\w'-]*\s+[a-z]", rest):
        # "Love among the volcanoes: Fire of Love": a tagline, then the film
        out = [c for c in out if c[1] != "headline.title"]
        out.append((_clean(m.group(1)), "headline.title", None))
    return out


#: A numbered part after a title's colon: ": Part Two", ": Chapter 3", ": Vol. 1".
_PART = re.compile(
    r":\s+((?:Part|Chapter|Volume|Vol\.|Episode|Book|Act)\s+"
    r"(?:[A-Z][a-z]+|\d+|[IVX]+)\b)(?=\s*(?:$|[-–—|:,(]))"
)


def headline_titles(
    headline: str,
    offset: int,
    body: str,
    persons: frozenset[str],
    surnames: frozenset[str] = frozenset(),
) -> list[TitleFact]:
    """The films a headline names; each must recur in the body unless it is the
    whole headline or marked as reviewed ("Title review", "Title (2023)")."""
    low_body = body.casefold()
    prefix = _PREFIX.match(headline)
    label = _LABEL.match(headline)
    if prefix is None and label and not _recurs(label.group(1), low_body):
        prefix = label
    prefix = prefix or _REVIEW_OF.match(headline)
    start = prefix.end() if prefix else 0
    whole = re.match(
        r"\"[^\"\n]{2,80}?:[^\"\n]*\"\s*(?::\s|[-–—|]\s|$)", headline[start:]
    )
    while not whole and start < len(headline) and headline[start] in "'\"":
        start += 1  # "Review: 'The Zone of Interest' is..."
    rest = headline[start:]
    found = _quoted(headline, offset, low_body)
    weak: list[TitleFact] = []  # "Title: tagline" never repeated in the body
    for title, rule, director in _headline_candidates(rest):
        if any(fold(f.title).startswith(fold(title)) for f in found):
            continue  # "A Thousand" of "'A Thousand and One'": a part of a quoted title
        owner = re.search(rf"\s+(?:of|by|de)\s+({FULL_NAME})$", title)
        if owner:
            title, director = title[: owner.start()], owner.group(1)
        words = title.split()
        while (
            rule in {"headline.title", "headline.colon"}
            and len(words) > 1
            and (words[0].casefold() in _HEAD_LEAD)
        ):
            words.pop(0)
        title = re.sub(r"\s+at\s+\d+$", "", " ".join(words))  # "Title at 30: ..."
        timed = re.match(r"(?:Before|After|Since|Beyond)\s+(\S.*)$", title)
        if (
            rule == "headline.title"
            and timed
            and not _recurs(title, low_body)
            and _recurs(timed.group(1), low_body)
        ):
            continue  # "Before Parasite: why ...": a time, the film is elsewhere
        topic = re.match(r"(?:[A-Z][a-z]+\s+){1,2}(?:on|about)\s+(\S.*)$", title)
        if (
            rule == "headline.title"
            and topic
            and not _recurs(title, low_body)
            and _recurs(topic.group(1), low_body)
        ):
            title = topic.group(1)  # "Notes on Title, and on ...": the topic is
        dated = re.match(r"(.+?)\s+(?:19|20)\d\d$", title)
        if (
            rule == "headline.title"
            and dated
            and not _recurs(title, low_body)
            and _recurs(dated.group(1), low_body)
        ):
            title = dated.group(1)  # "Title 2023": a diary site's title and year
        if not title or re.fullmatch(r"(?:19|20)\d\d", title):
            continue
        double = rest.startswith(title) and bool(_OR_TAGLINE.match(rest[len(title) :]))
        # "'Nickel Boys' Review: ...": a quoted title the headline reviews
        double = double or (
            start > 0
            and headline[start - 1] in "'\""
            and rest.startswith(title)
            and bool(
                re.match(
                    r"['\"]\s+(?:[Rr]eview|REVIEW|[Cc]ritique)\b", rest[len(title) :]
                )
            )
        )
        if start > 0 and rest.strip() == title and fold(title) in _section_names():
            continue  # "VENICE 2022 | Competition": a kicker's section, no film
        if fold(title) in _FESTIVAL_WORDS or (
            rule in {"headline.title", "headline.colon"}
            and not double
            and (
                fold(title) in persons
                or (rule == "headline.colon" and fold(title) in surnames)
                or _surname_alone(title, body)
                or fold(title) in {p.split()[-1] for p in persons | surnames if p}
                or owner_surname(title, body)
            )
        ):
            continue  # "Trier returns: ...": a surname is no title
        if (
            double
            and rule == "headline.title"
            and re.fullmatch(FULL_NAME, title)
            and _surname_alone(title, body)
        ):
            continue  # "Sandra Doe, or the art of ...": a profile of a person
        if rule == "headline.title" and (
            _AWARD_WORDS.search(title) or is_report_label(title)
        ):
            continue
        if (
            rule == "headline.title"
            and re.fullmatch(FULL_NAME, title)
            and re.match(
                r"\s+(?:receives|wins|takes|scoops|lands|earns|collects|gets)\b",
                rest[rest.find(title) + len(title) :],
            )
        ):
            continue  # "Justine Triet receives the Palme for 'Title'": the winner
        if rule == "headline.title" and _COUNTED.match(
            rest[rest.find(title) + len(title) :]
        ):
            continue  # "Three Korean films for the weekend": a count, not a title
        if rule == "headline.watched":
            title = _full_title(title, body)
        marked = rule in {
            "headline.watched",
            "headline.year",
            "headline.colon",
            "headline.with",
            "headline.paren",
        } or bool(
            re.match(
                r"\W{0,3}(?:\([^()\n]{2,60}\)\s*)?(?:[Ff]ilm\s+)?(?:[Rr]eview(?:ed)?|"
                r"[Cc]ritique)\b",
                rest[len(title) :],
            )
        )
        # "Festival 2023: Title, tagline [critique]": the dispatch names its film first
        marked = marked or (
            prefix is not None
            and rule == "headline.title"
            and rest.lstrip('" ').startswith(title)
            and bool(re.search(r"\[(?:review|critique)\]|,", rest, re.I))
        )
        # "Review: 'Title'", "Second Look: Title, or the ...": named as the reviewed one
        marked = (
            marked
            or double
            or (
                prefix is not None
                and rule == "headline.title"
                and bool(re.search(r"review|critique", prefix.group(0), re.I))
                and rest.strip().strip("'\"").startswith(title)
            )
        )
        if rule == "headline.title" and not marked and is_loose_word(title, body):
            continue  # "Lido verdict: ...", "Fifty years in the water: ..."
        echoed = rule == "headline.title" and any(
            len(w) >= 5 and w.casefold() in low_body for w in title.split()
        )
        if not (_recurs(title, low_body) or marked or echoed or title == rest.strip()):
            after = re.sub(r"^\s*\([^()\n]*\)", "", rest[len(title) :])
            colon = bool(_SPLIT_MARK.match(after[:4]))  # "Title (2023): tagline"
            if rule == "headline.title" and colon and start == 0 and not weak:
                at = offset + max(rest.find(title), 0)
                weak.append(TitleFact(title, at, at + len(title), "headline.unechoed",
                                      0.6, "unknown"))  # fmt: skip
            continue
        original = None
        if rule == "headline.paren":
            paren = _PAREN_TITLE.match(rest)
            original = paren.group(2).strip() if paren else None
            maker = paren and re.match(
                rf"\s*,\s+(?:de|by|d')\s*({FULL_NAME})\s*(?:$|[:|-])",
                rest[paren.end() :],
            )
            director = trim_name(maker.group(1)) if maker else director
            if (
                len(title.split()) > 8
                or not original
                or len(original.split()) > 8
                or not is_second_title(original, body)
            ):
                continue  # "Title (Director)": a name, not a second title
        elif (
            rule != "headline.colon"
            and rule != "headline.year"
            and not looks_like_title(title)
        ):
            continue
        if any(fold(f.title) == fold(title) for f in found):
            continue
        at = offset + start + max(rest.find(title), 0)
        found.append(TitleFact(title, at, at + len(title), rule, 0.95, "subject",
                               original_title=original, director=director))  # fmt: skip
        if rule != "headline.title":
            break
    if found or weak:
        return found or weak
    # Fallback: the longest capitalised run (or its tail) recurring in the body.
    name_words = {w for p in persons for w in p.split()}
    best: tuple[str, int] | None = None
    for m in _rules()["headline.run"].finditer(headline):
        if re.search(r"\bthe\s$", headline[: m.start()]) and not re.match(
            r"\s+(?:film|movie|documentary)", headline[m.end() :]
        ):
            continue  # "a boat on the Seine": a place or thing, not a title
        if _COUNTED.match(headline[m.end() :]):
            continue  # "Three Danish films": a count, not a title
        words = _clean(m.group(1)).split()
        if re.search(
            r"\b(?:[Ll]oved|[Ll]iked|[Ee]njoyed|[Ll]ike)\s+$", headline[: m.start()]
        ) or re.match(r"(?:Loved|Liked|Enjoyed|Like)\s", m.group(1)):
            continue  # "Loved In the Mood for Love? Seven films to watch next"
        if words and words[0] in {"Before", "After", "Since", "Beyond"}:
            continue  # "Before Parasite: why ...": a time, the film is elsewhere
        for i in range(len(words)):
            title = " ".join(words[i:])
            if _surname_alone(title, body):
                break  # "Nan Goldin": a person, and "Goldin" no title either
            if (
                len(title) > 2
                and looks_like_title(title)
                and (is_name_like(words[i]) or words[i] in {"The", "A", "An"})
                and fold(title) not in persons
                and not owner_surname(title, body)
                and not (len(words) - i == 1 and fold(title) in name_words)
                and not is_loose_word(title, body)
                and not PLATFORM.search(title)
                and not any(p.endswith(fold(title)) for p in persons)
                and title not in REGIONS
                and fold(title) not in _FESTIVAL_WORDS
                and not _AWARD_WORDS.search(title)
                and not re.search(r"\d{4}", title)
                and _recurs(title, low_body)
                and (best is None or len(title) > len(best[0]))
            ):
                best = (title, m.start(1) + m.group(1).find(title))
                break
    if best is not None:
        at = offset + best[1]
        return [TitleFact(best[0], at, at + len(best[0]), "headline.recurring", 0.8)]
    return []


def _quoted(headline: str, offset: int, low_body: str) -> list[TitleFact]:
    """The headline's quoted titles that recur in the body or are marked as reviewed
    (a quoted title is one even when NER calls it a person), never a festival."""
    out: list[TitleFact] = []
    quoted = quoted_headline_titles(headline)
    for q in quoted:
        after = headline[q.start + len(q.title) :]
        reviewed = bool(
            re.match(r"\W{0,3}(?:\([^()\n]*\)\s*)?(?:[Rr]eview|REVIEW)", after)
        )
        if fold(q.title) in _FESTIVAL_WORDS:
            continue
        # the one quoted title of a headline names its film, echoed or not
        if not (reviewed or len(quoted) == 1 or _recurs(q.title, low_body)):
            continue
        at = offset + q.start
        out.append(TitleFact(q.title, at, at + len(q.title), "headline.quoted", 0.95,
                             "subject", original_title=q.original,
                             director=q.director))  # fmt: skip
    return out


_HEAD_LEAD = frozenset(
    "why how what when where watching rewatching revisiting remembering "
    "reviewing".split()
)
_NOT_OWNERS = frozenset(
    "people people's critics audience children women men world year today".split()
)
_AWARD_WORDS = re.compile(
    r"\b(?:Award|Prize|Palme|Lion|Bear|Leopard|Shell|Globe|Oscar)s?\b"
)


@lru_cache(maxsize=1)
def _section_names() -> frozenset[str]:
    """Folded festival section names ("competition", "un certain regard")."""
    from graph.extract_gazetteer import SECTIONS

    return frozenset(fold(n) for pair in SECTIONS for n in pair)


_FESTIVAL_WORDS = frozenset(
    {"cannes", "berlinale", "venice", "sundance", "tiff", "review"}
)
