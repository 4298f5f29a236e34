"""Extract stage, viewing diaries: one film a day, each entry opened by its day.

Contract: :func:`find_diary_titles` returns subject
:class:`~graph.extract_title_base.TitleFact` records (rule ``film.intro_diary``) for
a text with at least three paragraphs opened by a day ("Monday.", "Tuesday:",
"Day 3 -"): in each such paragraph, the film it watches ("Finally watched Jo Doe's
Cold Water", "put on Cold Water again") or the title that opens it with its year
("Thursday. Cold Water (2000), because ..."). A paragraph with no such film ("Work.
Nothing.") gives none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_people import trim_name
from graph.extract_text import FULL_NAME, TITLE_RUN, is_name_like
from graph.extract_title_base import TitleFact, clean_title, looks_like_title

_DAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Day\s+\d{1,2})"
    r"(?:\s+\d{1,2}(?:\s+[A-Z][a-z]+)?)?"
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    return {
        "day": re.compile(rf"(?m)^[ \t]*{_DAY}\s*[.:,-]\s+"),
        "watched": re.compile(
            r"\b(?:watched|rewatched|saw|put on|caught|went to see)\s+(?:again\s+)?"
            rf"(?:(?P<owner>{FULL_NAME})'s?\s+)?\"?(?P<t>{TITLE_RUN})\"?"
        ),
        "dated": re.compile(rf"\"?(?P<t>{TITLE_RUN})\"?\s*\((?:19|20)\d\d\)"),
    }


def find_diary_titles(text: str) -> list[TitleFact]:
    """The film of each day of a viewing diary (see the module docstring).

    Args:
        text: the normalised review text.
    """
    rules = _rules()
    days = list(rules["day"].finditer(text))
    if len(days) < 3:
        return []
    out: list[TitleFact] = []
    for day in days:
        end = text.find("\n", day.end())
        end = end if end >= 0 else len(text)
        found = rules["watched"].search(text, day.end(), end)
        dated = rules["dated"].match(text, day.end())
        m = found or dated
        if m is None:
            continue
        title = clean_title(m.group("t"))
        lead = title.split()[0] if title else ""
        if not (
            looks_like_title(title)
            and (is_name_like(lead) or lead in {"The", "A", "An", "In"})
        ):
            continue
        start = m.start("t") + m.group("t").find(title)
        owner = m.groupdict().get("owner")
        out.append(TitleFact(title, start, start + len(title), "film.intro_diary",
                             0.7, "subject",
                             director=trim_name(owner) if owner else None))  # fmt: skip
    return out
