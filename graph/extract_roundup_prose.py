"""Extract stage, round-up prose: films a diary or dispatch introduces without quotes.

Contract: in a review whose headline announces several films (a round-up, diary or
palmarès), :func:`find_prose_titles` returns subject
:class:`~graph.extract_title_base.TitleFact` records for a capitalised run that

* opens a sentence and is followed by a plot verb ("EO follows a grey donkey ...",
  "Mud Road tells the story of ..."), also after a short scene-setting phrase or its
  maker's possessive ("Over in Un Certain Regard, Mud Road follows ...", "Jo Doe's
  Club Zero follows ...": the possessive outweighs an NER person tag), or
* is announced as one of the films seen ("The other was Tori and Lokita, and ...",
  "The day began with Mud Road.", "Then came Red Dog, ...", "Finally, Holy Spider.",
  "Monday: Perfect Days.", "returned with Fallen Leaves, a romance", "I also
  caught Perfect Days, in which ..."; a return or a viewing outweighs a people
  rule's "with X" guess, not an NER person tag), or
* is shown or owned and called a film by a genre noun ("Wim Wenders brought Perfect
  Days, a gentle portrait ...", "His The Zone of Interest, a Holocaust drama").

A person's name or surname, a pronoun, a generic opener ("The film follows") and
the sentence right after a paragraph head in capitals ("BLUE HOUR. Tom Keane follows")
never count. Outside a round-up nothing is returned: a single review's subject is
found by the headline rules.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from graph.extract_text import ANY_NAME, STOPWORDS, TITLE_RUN, fold
from graph.extract_title_base import TitleFact, clean_title, looks_like_title

#: Verbs that open a film's synopsis.
_PLOT_VERBS = (
    r"follows|tells(?:\s+the\s+story\s+of)?|cent(?:re|er)s\s+on|chronicles|traces|"
    r"imagines|observes|is\s+set\s+in|unfolds|stars"
)
#: Nouns that call the run before them a film: "Title, a Holocaust drama".
_GENRES = (
    r"drama|comedy|thriller|documentary|portrait|satire|fable|romance|western|musical|"
    r"horror|film|debut|feature|epic|melodrama|biopic|road\s+movie|tale|odyssey|"
    r"adaptation|animation|mystery|fantasy|parable|character\s+study"
)
#: Words that open a synopsis sentence but are never a title.
_GENERIC = frozenset(
    "film movie story picture documentary drama it this that which everything "
    "nothing everyone".split()
)


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    start = r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\"\s)|(?<=\n))"
    # "Over in Un Certain Regard, How to Have Sex follows", "Todd Haynes's May
    # December stars": a short scene-setting phrase or a maker's possessive first
    lead = (
        r"(?:(?:Over|Also|Elsewhere|Meanwhile|Back|Out|Closer|In|At|On|After|Earlier|"
        r"Across|Away|Finally|Then|Next|Lastly|Later)\b[^,.;\n]{0,40},\s+)?"
        rf"(?:{ANY_NAME}'s?\s+)?"
    )
    plot = re.compile(rf"{start}{lead}({TITLE_RUN})\s+(?:{_PLOT_VERBS})\s+\w")
    other = re.compile(
        rf"{start}(?:The\s+(?:other|first|second|third|last|best|next)|Another)\s+"
        r"(?:(?:one|standout|highlight|discovery|surprise|revelation|favourite|"
        r"favorite|gem|film)\s+)?"
        rf"(?:was|is)\s+({TITLE_RUN})(?=\s*[,.;:]|\s+and\s+[a-z])"
    )
    seen = re.compile(
        rf"(?:\b(?:began|begins|started|starts|opened|opens|ended|ends|closed|closes|"
        r"returned|returns|came\s+back|comes\s+back|is\s+back|was\s+back)\s+with|"
        r"\bI\s+(?:also\s+)?(?:caught|saw|watched)|"
        rf"{start}(?:Then|Next|Finally|Lastly|Later)\s*,?\s+(?:came\s+)?)"
        rf"\s*[\"“]?({TITLE_RUN})[\"”]?(?=\s*[.,;:]\s)"
    )
    day = re.compile(
        rf"(?:^|\n)\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*[:—–-]\s+"
        rf"(?:(?:re)?watched\s+|saw\s+)?({TITLE_RUN})(?=\s*[.,;:]\s)"
    )
    genre = re.compile(
        r"(?:\b(?:His|Her|Their)\s+|\b(?:brought|showed|unveiled|premiered|presented|"
        rf"delivered|offered)\s+)({TITLE_RUN}),\s+(?:a|an)\s+(?:[\w-]+\s+){{0,4}}?"
        rf"(?:{_GENRES})s?\b"
    )
    return {"plot": plot, "other": other, "seen": seen, "day": day, "genre": genre}


def find_prose_titles(
    text: str,
    *,
    body_start: int,
    round_up: bool,
    not_titles: Collection[str] = (),
    persons: Collection[str] = (),
) -> list[TitleFact]:
    """Round-up films introduced in prose (see module docstring).

    Args:
        text: the normalised review text.
        body_start: offset where the body starts.
        round_up: the headline announces several films.
        not_titles: folded names that are never titles (people, festivals).
        persons: folded NER person names: a title only when the text repeats it.
    """
    if not round_up:
        return []
    surnames = {n.split()[-1] for n in not_titles if n}
    out: list[TitleFact] = []
    for name, rule in _rules().items():
        # a film seen or brought back ("returned with Cold Water, a romance")
        # outweighs a people rule's "with X" guess; an NER person tag still vetoes
        cued = name == "seen"
        for m in rule.finditer(text, body_start):
            # "Jo Doe's Club Zero follows": the maker's possessive makes the run a
            # film even when NER tags it as a person
            owned = name == "plot" and bool(
                re.search(r"\w's?\s+\Z", text[m.start() : m.start(1)])
            )
            title = clean_title(m.group(1))
            words = title.split()
            key = fold(title)
            if (
                not words
                or not looks_like_title(title)
                or (key in not_titles and not cued)
                or (key in persons and not owned and (cued or text.count(title) < 2))
                or key in surnames
                or words[-1].casefold() in _GENERIC
                or (len(words) == 1 and key in STOPWORDS)
                or words[0].casefold() in {"he", "she", "they", "it", "this", "his"}
                or any(n.endswith(" " + key) for n in not_titles)
            ):
                continue
            head = text[text.rfind("\n", 0, m.start(1)) + 1 : m.start(1)]
            if re.fullmatch(r"[^a-z\n]*[A-Z]{2}[^a-z\n]*[.:]\s*", head):
                continue  # "BLUE HOUR. Tom Keane follows ...": the head is the title
            start = m.start(1) + m.group(1).find(title)
            out.append(TitleFact(title, start, start + len(title),
                                 "film.prose_intro", 0.7))  # fmt: skip
    return out
