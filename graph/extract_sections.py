"""Extract stage, people of multi-film texts: the director who opens a film's section.

Contract: in round-ups, prize lists and festival diaries each film gets its own
section, opened by a heading line ("1. Marriage Story", "BROKER.") or by a line that
starts with the title ("Happening (L'Événement), Golden Lion. ..."). Such a section
names its director first, as the subject of one of its first sentences: "Noah
Baumbach has been circling divorce since ...", "Audrey Diwan adapts ...",
"Jerzy Skolimowski, who is 84, follows a donkey ...", or later, with a verb of
film-making ("Pedro Almodóvar ties their story to ..."). :func:`find_section_directors`
returns those directors as :class:`~graph.extract_people.PersonFact` records with the
section's title as ``title_hint``; it only fires when the text has at least two
sections, and a name another rule makes an actor loses the director reading in
:func:`~graph.extract_resolve.resolve_people` (lower confidence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.extract_films import TitleFact
from graph.extract_people import PersonFact, trim_name
from graph.extract_text import FULL_NAME, NAME_WORD

#: Verbs that say what a performer does: their subject is cast, not a director.
_PERFORMER_VERBS = frozenset(
    """plays played portrays portrayed is was are were stars starred co-stars gives
    gave delivers delivered won wins took takes shines shone steals stole turns
    embodies voices sings dances appears appeared seems looks gets got
    joue incarne est campe""".split()
)
#: Verbs of film-making: beyond a section's first two sentences only these count.
_DIRECTOR_VERBS = frozenset(
    """directs directed adapts adapted films filmed shoots shot crafts crafted makes
    made stages staged ties frames observes follows explores chronicles depicts
    examines captures revisits tells orchestrates paints builds sets sends keeps
    lets returns tackles imagines""".split()
)
_SUBJECT = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?P<first>{NAME_WORD})\s+(?:and|&)\s+)?"
    rf"(?P<name>{FULL_NAME})(?:,\s+(?:who|a|an|the)\s+[^,.;()]{{1,80}},)?"
    r"\s+(?:(?:once again|finally|here|now|again|also|still|then)\s+)?"
    r"(?P<verb>[a-z][\w-]*)\b",
    re.M,
)
_HEADING_DIRECTOR = re.compile(
    r"\b(?:[Dd]ir\.|[Dd]ir:|[Dd]irector:|directed by|réalisé par)\s*[A-Z]"
)
_PERFORMANCE = re.compile(r"\b(?:performance|role|turn|portrayal)s?\b", re.I)
_NUMBERING = re.compile(r"\s*(?:\d{1,2}[.)]\s+|[-*•]\s+)?")


def _section_starts(text: str, titles: Iterable[TitleFact]) -> list[tuple[int, str]]:
    """``(offset of the title, title)`` for every line that opens with a title."""
    starts: dict[int, str] = {}
    for t in titles:
        line_start = text.rfind("\n", 0, t.start) + 1
        lead = _NUMBERING.match(text, line_start)
        if lead and lead.end() == t.start and line_start > 0:
            starts.setdefault(t.start, t.title)
    return sorted(starts.items())


def _body_span(text: str, at: int, end: int) -> tuple[int, int]:
    """The first two sentences of a section, after its heading (up to the first
    full stop or the end of the line)."""
    head = re.compile(r"[^\n]*?(?:[.!?](?=\s)|\n|$)").match(text, at, end)
    body_at = head.end() if head else at
    stops = [m.end() for m in re.finditer(r"[.!?](?=\s)", text[body_at:end])]
    limit = body_at + stops[1] if len(stops) > 1 else end
    return body_at, limit


def find_section_directors(text: str, titles: list[TitleFact]) -> list[PersonFact]:
    """Directors that open the film sections of a multi-film text (module docstring).

    Args:
        text: the normalised review text.
        titles: the title facts of the review.
    """
    starts = section_titles(text, titles)
    if not starts:
        return []
    out: list[PersonFact] = []
    bounds = [at for at, _t in starts[1:]] + [len(text)]
    for (at, title), end in zip(starts, bounds, strict=True):
        body_at, limit = _body_span(text, at, end)
        credit_end = text.find("\n", body_at + 1)  # or the credit line under it
        if _HEADING_DIRECTOR.search(text, at, credit_end if credit_end > 0 else end):
            continue  # "7. Title (dir. X)", "Title\nDir: X": the heading names it
        for m in _SUBJECT.finditer(text, body_at, end):
            sentence = text[m.start() : text.find(".", m.end(), end + 1)]
            if m.group("verb") in _PERFORMER_VERBS or _PERFORMANCE.search(sentence):
                continue  # an actor, or a sentence about a performance
            if m.group("verb") in {"and", "with", "as"}:
                continue  # "A and B are the brothers ...": a list of people
            if m.start() >= limit and m.group("verb") not in _DIRECTOR_VERBS:
                continue  # later in the section, only a film-making verb will do
            name = trim_name(m.group("name"))
            if len(name.split()) < 2:
                continue
            names = [(name, m.start("name"))]
            if m.group("first"):  # "Josh and Benny Safdie": siblings share a surname
                names.append((f"{m.group('first')} {name.split()[-1]}", m.start()))
            confidence = 0.55 if m.start() < limit else 0.5
            for person, start in names:
                out.append(PersonFact("director", person, start, start + len(person),
                                      "director.section", confidence,
                                      title_hint=title))  # fmt: skip
            break
    return out


def section_titles(text: str, titles: list[TitleFact]) -> list[tuple[int, str]]:
    """``(start, title)`` of the film sections of a multi-film text, in text order
    (empty unless two or more films open sections)."""
    starts = _section_starts(text, titles)
    if len({title.casefold() for _at, title in starts}) < 2:
        return []
    return starts


def section_title_at(sections: list[tuple[int, str]], offset: int) -> str | None:
    """The title of the section that holds ``offset`` (None before the first)."""
    current = None
    for at, title in sections:
        if at > offset:
            break
        current = title
    return current
