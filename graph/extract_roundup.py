"""Extract stage, round-ups: films whose quoted title opens a paragraph.

Contract: :func:`find_paragraph_titles` returns subject
:class:`~graph.extract_title_base.TitleFact` records for the paragraphs of a
round-up that open with a quoted (or bold, turned into quotes upstream) title
followed by their text: ``"Cold Water" follows a fisherwoman ...``, with the
director a sentence of the paragraph leads with ("Mara Olsen shoots it ..."). Two
such paragraphs make a list; a lone quoted opener is left to the other rules. A
diary's paragraphs that open with a title in capitals ("BROKER. Hirokazu ...") count
the same way.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from graph.extract_awards import MAKER_SENTENCE
from graph.extract_people import trim_name
from graph.extract_text import FULL_NAME, STOPWORDS, UP, fold, is_name_like
from graph.extract_title_base import TitleFact, clean_title, looks_like_title


@lru_cache(maxsize=1)
def _opener() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|\n[ \t]*\n)[ \t]*(?:\d{1,2}[.)][ \t]+|[-*•][ \t]+)?"
        r"\"(?P<title>[^\"\n]{2,70})\"(?=[ \t]*[,:;(]?[ \t]*[\w(])"
    )


def find_paragraph_titles(
    text: str, *, body_start: int, not_titles: Collection[str] = ()
) -> list[TitleFact]:
    """The films of a round-up whose quoted title opens a paragraph.

    Args:
        text: the normalised review text (emphasis already turned into quotes).
        body_start: offset where the body starts (the headline is no paragraph).
        not_titles: folded names that are never titles (people, festivals).

    Returns:
        One subject fact per opening title, or nothing when fewer than two
        paragraphs open with one.
    """
    out: list[TitleFact] = []
    for m in _opener().finditer(text, body_start):
        title = clean_title(m.group("title"))
        first = title.split()[0] if title else ""
        if (
            not looks_like_title(title)
            or re.search(r"[.!?]\s|[,.!?]$", m.group("title"))  # a line of dialogue
            or fold(title) in not_titles
            or not (is_name_like(first) or first in {"The", "A", "An"})
        ):
            continue
        start = m.start("title") + m.group("title").find(title)
        director = paragraph_maker(text, m.end())
        out.append(TitleFact(title, start, start + len(title), "film.list_line", 0.75,
                             director=director))  # fmt: skip
    out = out if len({fold(f.title) for f in out}) >= 2 else []
    caps = [
        f for f in _capital_openers(text, body_start) if fold(f.title) not in not_titles
    ]
    return out + (caps if len({fold(f.title) for f in caps}) >= 2 else [])


@lru_cache(maxsize=1)
def _capital() -> re.Pattern[str]:
    word = rf"[{UP}0-9][{UP}0-9'&-]*"
    return re.compile(
        rf"(?:^|\n[ \t]*\n)[ \t]*(?P<title>{word}(?:[ ]+{word}){{0,7}})[.:][ \t]+[{UP}]"
    )


def _capital_openers(text: str, body_start: int) -> list[TitleFact]:
    """ "BROKER. Hirokazu Kore-eda made ...": a diary's capitalised paragraph heads."""
    out: list[TitleFact] = []
    for m in _capital().finditer(text, body_start):
        title = m.group("title")
        if sum(c.isalpha() for c in title) < 2 or fold(title) in STOPWORDS:
            continue
        start = m.start("title")
        maker = paragraph_maker(text, m.end("title"))
        out.append(TitleFact(title, start, start + len(title), "film.list_line", 0.75,
                             director=maker))  # fmt: skip
    return out


#: "Charlotte Regan's funny, sad and very British first feature": the maker's work.
_OWNER_WORK = re.compile(
    rf"({FULL_NAME})'s?\s+(?:[\w-]+,?\s+){{0,6}}?(?:debut|film|feature|documentary|"
    r"drama|comedy|romcom|thriller|western|musical|satire|fable|melodrama|horror|"
    r"biopic|portrait|triangle|odyssey|epic|adaptation|classic|romance|tale|"
    r"chronicle)\b"
)


def paragraph_maker(text: str, start: int) -> str | None:
    """The director a round-up paragraph names: "X's debut", "X's deadpan comedy",
    or a sentence led by X and a maker verb ("X made ...", "X returns ...").

    Args:
        text: the normalised review text.
        start: where the paragraph (after its title) starts.
    """
    end = text.find("\n\n", start)
    end = end if end >= 0 else len(text)
    owner = _OWNER_WORK.search(text, start, end)
    maker = MAKER_SENTENCE.search(text, start, end)
    found = min(
        (m for m in (owner, maker) if m is not None),
        key=lambda m: m.start(),
        default=None,
    )
    return trim_name(found.group(1)) if found else None
