"""Extract stage, headlines and subheads: which line names the reviewed film.

Contract: :func:`headline_of` picks the headline line of a review (the input's
headline, else a short first line over a body). :func:`find_subhead_titles` returns
:class:`~graph.extract_films.TitleFact` records for the numbered or bulleted subheads
of a round-up ("1. Title", "2) Title", "- Title", "**Title**", "Title (2019)",
"Title (Director, 2019)", "1. Title (Director)", "Title - Director"), each a short
title-like line of its own, never a sentence nor a section heading ("Verdict").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from functools import lru_cache

from graph.extract_films import TitleFact, looks_like_title, normalise_headline
from graph.extract_people import trim_name
from graph.extract_roundup import paragraph_maker
from graph.extract_text import FULL_NAME, fold, is_name_like

#: "Title - tagline", "Title: tagline": a first line ending in "?" or "!" is still a
#: headline when it is split like one.
_SPLIT_HEADLINE = re.compile(r"\S\s+[-–—]\s+\S|\S:\s+\S|\breview\b", re.I)


def headline_of(text: str, headline: str | None) -> tuple[str, int] | None:
    """The headline and its offset: ``Review.headline`` if given, else the first line
    when it reads like one (short, no final full stop, or split "Title - tagline").

    Args:
        text: the normalised review text.
        headline: the headline the input gives, if any.

    Returns:
        The headline and its character offset in ``text``, or None.
    """
    if headline:
        at = text.find(headline[:40])
        low = text.lower() if at < 0 else ""
        if at < 0 and len(low) == len(text):
            # a lower-case review re-capitalised for the rules: the text's own copy
            at = low.find(headline[:40].lower())
            if at >= 0:
                return text[at : at + len(headline)], at
        return headline, max(at, 0)
    stripped = text.lstrip()
    if not stripped:
        return None
    first = stripped.split("\n", 1)[0].strip()
    if "\n" not in stripped.strip():
        return None  # a one-line text is a snippet, not a headline over a body
    lines = [ln.strip() for ln in stripped.split("\n")[1:5] if ln.strip()]
    second = lines[0] if lines else ""
    if re.fullmatch(r"\[[^\]]*\]|\([^)]*\)", first) and second:
        # "[Translated automatically from French]": an editor's note, not the title
        first, lines = second, lines[1:]
        second = lines[0] if lines else ""
    tagged = re.search(r"\s[-–—|]\s", first) is not None  # "NAME — its tagline"
    if _is_masthead(first) and second and (tagged or not second.isupper()):
        first = second  # "THE LONG TAKE" over the headline: the column's name
        if first[:1].islower() and len(lines) > 1:
            first = lines[1]  # "a film diary, mostly old movies": its tagline
    if len(first) < 3 or len(first) > 160:
        return None
    if not first.endswith((".", "!", "?")) or "review" in first.lower():
        return first, text.find(first)
    quoted = re.search(r"(?:^|\s)['\"][A-Z][^'\"]{1,60}['\"](?:\s|$)", first)
    if first.endswith(("!", "?")) and (_SPLIT_HEADLINE.search(first) or quoted):
        return first, text.find(first)
    return None


#: A site's section after a column's name: "Repertory | Film", "X | Columns".
_SECTION_LABEL = re.compile(
    r"(?i)(?:films?|columns?|culture|arts|opinion|features?|cinema|movies|"
    r"entertainment|news|festivals?|awards|film (?:&|and) tv|tv (?:&|and) film)"
)
#: "BERLIN — Saturday 16 February 2019": a dateline over the headline.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]{1,30}(?:,\s*[A-Z][\w .]{1,20})?\s*[-–—,]\s*"
    r"(?:\w+,?\s+)?(?:\d{1,2}\s+\w+|\w+\.?\s+\d{1,2})(?:,?\s+(?:19|20)\d\d)?"
)


def _is_masthead(line: str) -> bool:
    """True for a blog's name over its posts: "THE LONG TAKE", or "MIDNIGHT SNACKS
    — horror reviews for ..." (a name in capitals, then a lower-case tagline), a
    column's name over its site section ("Repertory | Film") or a dateline."""
    parts = re.split(r"\s[-–—|]\s", line, maxsplit=1)
    name, tagline = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    if _DATELINE.fullmatch(line.strip()):
        return True
    if "|" in line and _SECTION_LABEL.fullmatch(tagline) and len(name.split()) <= 4:
        return True
    return (
        name.isupper()
        and len(name.split()) <= 4
        and (not tagline or tagline[:1].islower())
    )


@lru_cache(maxsize=1)
def _subhead() -> re.Pattern[str]:
    return re.compile(
        r"(?m)^[ \t]*(?:(?P<num>\d{1,2}[.)]|[-*•])[ \t]+)?"
        r"(?P<q>\"|\*\*|__)?(?P<title>[^\n\"()*]{2,70}?)(?:\"|\*\*|__)?[ \t]*"
        r"(?:\((?P<cert>U|PG|12A?|15|18|R|PG-13|NC-17)\)[ \t]*)?"
        r"(?:\((?:(?P<dir>[^()\n]{2,60}?)[ \t]*,[ \t]*)?(?P<year>(?:19|20)\d\d)\)"
        rf"|\((?P<dir2>{FULL_NAME})\)|[ \t]+[-–—][ \t]+(?P<dir3>{FULL_NAME})"
        # "6. 120 BPM (120 battements par minute)": a numbered entry's second title
        r"|\((?P<orig>[^()\n]{2,60})\))?[ \t]*"
        # "Title (12A) ★★★★★", "Title, Netflix ★★★★": a what-to-watch entry
        r"(?:(?:,[ \t]+(?P<where>[A-Z][\w+.]*(?:[ \t][A-Z][\w+.]*){0,2})[ \t]+)?"
        r"(?P<stars>[★☆½]{1,6}))?"
        r"[ \t]*$"
    )


#: Section headings of a review that are never films.
_SECTIONS = frozenset(
    (
        "verdict|the verdict|plot|story|the story|cast|the cast|conclusion|summary|"
        "overview|review|rating|final thoughts|pros|cons|synopsis|trailer|update|"
        "details|credits|where to watch"
    ).split("|")
)


#: The credit line under a list entry: "Dir: Jo Doe", "Directed by Jo Doe".
_CREDIT_LINE = re.compile(
    rf"\n[ \t]*(?:[Dd]ir\.?|[Dd]irector|[Dd]irected by|[Rr]éalisation)[ \t]*:?[ \t]*"
    rf"({FULL_NAME})[ \t]*(?:\n|$)"
)


def find_subhead_titles(
    text: str,
    *,
    body_start: int,
    not_titles: Collection[str] = (),
    round_up: bool = False,
) -> list[TitleFact]:
    """The films a round-up's subheads name, each a reviewed film.

    A subhead is a short title-like line of its own: numbered ("1. Title",
    "2) Title") or bulleted ("- Title"), or carrying its year ("Title (2019)",
    "Title (Director, 2019)"). Numbered, bulleted and "Title - Director" lines
    count only when the review has at least two of them, so a lone line is no list.
    Under a round-up headline, bare title lines that head a paragraph count too
    (at least two of them).

    Args:
        text: the normalised review text.
        body_start: offset where the body starts (the headline is not a subhead).
        not_titles: folded names that are never titles (people, festivals).
        round_up: the headline announces several films.

    Returns:
        One subject :class:`TitleFact` per subhead, in text order.
    """
    marked: list[TitleFact] = []
    dated: list[TitleFact] = []
    bare: list[TitleFact] = []
    for m in _subhead().finditer(text, body_start):
        title = m.group("title").strip().rstrip(":")
        plain = not (
            m.group("num")
            or m.group("q")
            or m.group("year")
            or m.group("dir3")
            or m.group("stars")
        )
        orig = (m.group("orig") or "").strip()
        if orig and not (m.group("num") and _is_second_title(orig)):
            continue  # "Title (something)": only a numbered entry's second title
        numeric = bool(orig) and bool(re.fullmatch(r"\d[\d,.]*\s+[A-Z][\w-]+", title))
        if (
            not (looks_like_title(title) or numeric)  # "120 BPM"
            or title.endswith(".")
            or fold(title) in not_titles
            or fold(title) in _SECTIONS
            or plain
            and not (round_up and _heads_paragraph(text, m.start(), m.end(), title))
            or m.group("dir3")
            and not is_name_like(m.group("dir3"))
            or m.group("dir2")
            and not (m.group("num") or m.group("q"))
        ):
            continue
        start = m.start("title")
        year = int(m.group("year")) if m.group("year") else None
        director = (m.group("dir") or m.group("dir2") or m.group("dir3") or "").strip()
        if not re.fullmatch(FULL_NAME, director):
            director = ""  # "Josh and Benny Safdie": no single director to attach
        credit = _CREDIT_LINE.match(text, m.end())
        if credit and not director:  # "5. Title\nDir: Jo Doe": the entry's credit
            director = trim_name(credit.group(1))
        fact = TitleFact(title, start, start + len(title), "film.list_line", 0.8,
                         year=year, director=director or None,
                         original_title=orig or None)  # fmt: skip
        # "Title - Director" lines count like numbered ones: two make a list
        marked_line = (
            m.group("num") or m.group("q") or m.group("dir3") or m.group("stars")
        )
        if plain:  # "Title\nX's debut won ...": the paragraph names its maker
            fact = replace(fact, director=paragraph_maker(text, m.end()))
        elif m.group("stars") and not director:
            # "Title (12A) ★★★★★\nIn cinemas from Friday\n\nX's debut ...": the
            # entry's first paragraph of prose names its maker
            prose = re.compile(r"(?m)^(?=(?:\S+[ \t]+){8})")
            para = prose.search(text, m.end())
            if para and "\n\n" not in text[m.end() : para.start()].strip("\n")[:200]:
                fact = replace(fact, director=paragraph_maker(text, para.start()))
        (bare if plain else marked if marked_line else dated).append(fact)
    lists = marked if len(marked) >= 2 else []
    return lists + dated + (bare if len(bare) >= 2 and not lists else [])


def _is_second_title(inner: str) -> bool:
    """ "(120 battements par minute)", "(L'Empire)": a title, not a note ("(Netflix)",
    "(spoilers)") nor a person ("(Jo Doe)")."""
    from graph.extract_headline_titles import NOT_SECOND_TITLE

    return (
        not NOT_SECOND_TITLE.search(inner)
        and not re.fullmatch(FULL_NAME, inner)
        # "(Josh and Benny Safdie)", "(Jo Doe and Lena Berg)": the directors
        and not re.fullmatch(
            rf"(?:[A-Z][\w'-]+|{FULL_NAME}) (?:and|&) {FULL_NAME}", inner
        )
        and not re.search(r"[.!?;:]", inner)
        and len(inner.split()) <= 8
    )


def _heads_paragraph(text: str, start: int, end: int, title: str) -> bool:
    """A bare line after a blank line, over a paragraph, short and unpunctuated."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 3]
    return (
        (start == 0 or before.endswith("\n\n") or before == "\n")
        and bool(re.match(r"\n[^\s]", after))
        and len(title.split()) <= 8
        and not re.search(r"[|.,;!?]", title)
    )


_SLASH = re.compile(
    r"^(?:[^:\n]{2,60}?(?:(?:19|20)\d\d|'\d\d)[^:\n]{0,12}?:\s*|(?:[Ff]ilm\s+)?"
    r"(?:[Rr]eview|REVIEW|[Cc]ritique)\s*[:|-]\s*)?"
    r"\"?(?P<a>[^/\n:\"|]{2,60}?)\"?\s+/\s+\"?(?P<b>[^/\n:\"|,(\[]{2,60}?)\"?\s*"
    r"(?:$|[:,|(\[]|\s[-–—]\s|\b(?:[Rr]eview|REVIEW|[Cc]ritique)\b)"
)


def find_slash_titles(headline: tuple[str, int] | None) -> list[TitleFact]:
    """One film under two titles in a headline: "English Title / Original Title".

    Args:
        headline: the (normalised) headline and its offset, if any.

    Returns:
        A subject :class:`TitleFact` with ``original_title`` set, or nothing.
    """
    if headline is None:
        return []
    line, offset = headline
    m = _SLASH.match(normalise_headline(line))
    if not m:
        return []
    first, second = m.group("a").strip(), m.group("b").strip()
    if not (looks_like_title(first) or looks_like_title(second)):
        return []
    if not (first[:1].isupper() and second[:1].isupper()):
        return []  # "Anatomie d'une chute / Anatomy of a Fall": sentence case is fine
    if max(len(first.split()), len(second.split())) > 9 or second.endswith("."):
        return []
    start = offset + m.start("a")
    return [TitleFact(first, start, start + len(first), "headline.slash", 0.9,
                      original_title=second)]  # fmt: skip


def is_place_like(title: str, text: str) -> bool:
    """True when ``text`` writes "The X" mid-sentence only as "the X", the way a
    place or thing is written ("walks along the Seine"), never as a title.

    Args:
        title: a candidate title starting with "The ".
        text: the normalised review text.
    """
    if not title.startswith("The ") or len(title.split()) > 3:
        return False
    rest = re.escape(title[4:])
    lower = re.search(rf"(?<=[a-z,] )the {rest}\b", text)
    upper = re.search(rf"(?<=[a-z,] )The {rest}\b", text)
    return bool(lower) and not upper
