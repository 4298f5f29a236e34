"""Extract stage, titles in capitals: the house style of magazines that print the
reviewed film's title in capitals inside the standfirst.

Contract: :func:`find_caps_titles` reads the first lines after the headline and
returns a subject :class:`~graph.extract_title_base.TitleFact` for each run of
capitalised words inside a sentence ("Coralie Fargeat's gleefully repulsive THE
SUBSTANCE was ...") that the body repeats in ordinary case ("The Substance, which
premiered ..."). An acronym the body never writes otherwise ("BBC") is no title.
"""

from __future__ import annotations

import re

from graph.extract_people import trim_name
from graph.extract_text import FULL_NAME, fold
from graph.extract_title_base import TitleFact, looks_like_title

#: How far after the headline the standfirst may run.
_WINDOW = 700
_CAPS_RUN = re.compile(
    r"(?<![\w'])([A-Z0-9\u00c0-\u00de][A-Z0-9\u00c0-\u00de'&-]*[A-Z\u00c0-\u00de]"
    r"(?:[ :]+[A-Z0-9\u00c0-\u00de][A-Z0-9\u00c0-\u00de'&-]*){0,6})(?![\w'])"
)


def find_caps_titles(
    text: str, *, body_start: int, not_titles: set[str] | frozenset[str]
) -> list[TitleFact]:
    """Titles printed in capitals inside the standfirst (see module docstring).

    Args:
        text: the normalised review text.
        body_start: where the body starts (after the headline).
        not_titles: folded names that are never titles (people, festivals).
    """
    out: list[TitleFact] = []
    window = text[body_start : body_start + _WINDOW]
    for line_m in re.finditer(r"[^\n]+", window):
        line = line_m.group(0)
        if sum(c.islower() for c in line) < 20:
            continue  # "FESTIVALS | CANNES": a label line, not a sentence
        for m in _CAPS_RUN.finditer(line):
            caps = m.group(1).strip(" :")
            if len(caps.replace(" ", "")) < 3 or fold(caps) in not_titles:
                continue
            if not line[: m.start(1)].strip() and re.match(
                r"\s*(?:,|[-–—]\s)", line[m.end(1) :]
            ):
                continue  # "VENICE, 8 September", "CANNES — The jury": a dateline
            at = body_start + line_m.start() + m.start(1)
            echo = _echo(text, caps, at)
            if echo is None or not looks_like_title(echo):
                continue
            if any(fold(t.title) == fold(echo) for t in out):
                continue
            owner = re.search(
                rf"({FULL_NAME})'s?\s+(?:[a-z][\w-]*,?\s+){{0,3}}$", line[: m.start(1)]
            )
            director = trim_name(owner.group(1)) if owner else None
            out.append(TitleFact(echo, at, at + len(caps), "film.caps", 0.9,
                                 director=director))  # fmt: skip
    return out


def _echo(text: str, caps: str, at: int) -> str | None:
    """The body's ordinary-case spelling of ``caps`` ("The Substance"), or None."""
    words = [re.escape(w) for w in caps.split()]
    pattern = r"(?<![\w'])" + r"\s+".join(words) + r"(?![\w'])"
    for m in re.finditer(pattern, text, re.I):
        found = m.group(0)
        opener = re.search(
            r"(?:^|[.!?]\s+|\n\s*)$", text[max(0, m.start() - 3) : m.start()]
        )
        marked = text[at + len(caps) : at + len(caps) + 2] == " (" or text[
            max(0, at - 3) : at
        ].endswith("'s ")
        if len(words) == 1 and opener and not marked:
            continue  # "Really, ..." opening a sentence: no sign of a title
        if m.start() != at and not found.isupper() and found[:1].isupper():
            return found
    return None
