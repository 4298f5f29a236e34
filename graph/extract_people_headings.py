"""Extract stage, directors in a list heading's parenthesis.

Contract: :func:`find_heading_directors` returns director
:class:`~graph.extract_people.PersonFact` records (rule ``director.heading_paren``,
the heading's title as ``title_hint``) for the parentheses of list headings that
the list rules leave out: co-directors ("6. Title (Josh and Benny Doe)", "Title
(Ann Roe and Jo Moe)") and a director after an original title ("5. Title (Dolor y
gloria, Pedro Doe)"). A heading is a short line, optionally numbered, that ends
with its parenthesis; a parenthesis with a year, a service ("Netflix") or a lone
name is left to the list rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_names import NOT_PEOPLE
from graph.extract_people import PersonFact, trim_name
from graph.extract_text import FULL_NAME, NAME_WORD


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    """Compiled patterns (compiled on first use, never at import)."""
    return {
        "heading": re.compile(
            r"^[ \t]*(?:\d{1,2}[.)][ \t]+)?(?P<title>[^\n()]{1,80}?)[ \t]*"
            r"\((?P<paren>[^()\n]{3,80})\)[ \t]*$",
            re.M,
        ),
        "pair": re.compile(
            rf"(?P<a>{FULL_NAME}|{NAME_WORD})\s+(?:and|&|et)\s+(?P<b>{FULL_NAME})"
        ),
        "full": re.compile(FULL_NAME),
    }


def find_heading_directors(text: str) -> list[PersonFact]:
    """Director facts of list headings (see the module docstring).

    Args:
        text: the normalised review text.
    """
    if "(" not in text:
        return []
    rules = _rules()
    out: list[PersonFact] = []
    for m in rules["heading"].finditer(text):
        title = m.group("title").strip().rstrip(",;:")
        parts = [p.strip() for p in m.group("paren").split(",")]
        last = parts[-1]
        at = m.start("paren") + m.group("paren").rfind(last)
        if not title or re.search(r"\d", last) or last.casefold() in NOT_PEOPLE:
            continue
        pair = rules["pair"].fullmatch(last)
        names: list[tuple[str, int]] = []
        if pair:
            b = trim_name(pair.group("b"))
            a = trim_name(pair.group("a"))
            if len(a.split()) == 1:  # "Josh and Benny Safdie": siblings
                a = f"{a} {b.split()[-1]}"
            names = [(a, at + pair.start("a")), (b, at + pair.start("b"))]
        elif len(parts) >= 2 and rules["full"].fullmatch(last):
            names = [(trim_name(last), at)]  # "(Dolor y gloria, Pedro Doe)"
        for name, start in names:
            if len(name.split()) >= 2:
                out.append(PersonFact("director", name, start, start + len(name),
                                      "director.heading_paren", 0.85,
                                      title_hint=title))  # fmt: skip
    return out
