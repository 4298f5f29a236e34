"""Extract stage, people in parentheses: "Character (Actor)" and "Actor (Character)".

Contract: :func:`find_paren_cast` reads every parenthesis of the review that holds
names and returns :class:`~graph.extract_people.PersonFact` cast records: "Julie
(Renate Reinsve)" (``cast.paren``), "Kristen Stewart (Diana)"
(``cast.paren_character``), "Full Name (Full Name)" left for
:func:`~graph.extract_resolve.resolve_people` to order (``cast.paren_ambiguous``),
"(Tilda Swinton under make-up)" with the character looked back for
(``cast.paren_lookback``), "David (Eisenberg)" (``cast.paren_surname``) and
"(A, B and C)" lists in a casting sentence (``cast.paren_list``). Parentheses with a
year belong to the film rules.
"""

from __future__ import annotations

import re

from graph.extract_names import JOB_WORDS
from graph.extract_people import CAST_CUE, YEAR, PersonFact, trim_name
from graph.extract_text import ANY_NAME, FULL_NAME, NAME_WORD, STOPWORDS, TextIndex

_PAREN = re.compile(r"\(([^()\n]{1,240})\)")
#: A short line without sentence punctuation that ends in a parenthesis: a heading.
_HEADING = re.compile(r"[ \t]*(?:\d{1,2}[.)][ \t]+)?[^.!?;\n]{1,80}\([^()\n]+\)")


#: A family before a list of actors: "the Browns (A and B)".
_FAMILY_BEFORE = re.compile(r"\bthe\s+[A-Z][a-z]+s\s*$")


#: "Name xx Name" with a short foreign function word: an original title, no actor.
_TITLE_ASIDE = re.compile(
    rf"{FULL_NAME}\s+(?!(?:as|in|of|and|at|on|for|to|by)\s)[a-z]{{1,3}}\s+[A-Z]"
)
#: A rank or title that opens a character's name: "Detective Hae-jun".
_RANKED = re.compile(
    r"(?:Detective|Inspector|Captain|Sergeant|Officer|Agent|Colonel|General|"
    r"Lieutenant|Major|Cardinal|Sister|Brother|Father|Mother|Uncle|Aunt|King|Queen|"
    r"Prince|Princess|Doctor|Dr\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Miss)\s+\S"
)


def _name_before(text: str, end: int) -> tuple[str, int] | None:
    """The name (one to four words) that ends right before ``end`` (spaces allowed)."""
    window = text[max(0, end - 80) : end]
    m = re.search(rf"({ANY_NAME})\s*$", window)
    if not m:
        return None
    name = trim_name(m.group(1))
    if not name:
        return None
    return name, end - len(window) + m.start(1) + m.group(1).find(name)


def _character_lookback(text: str, sent_start: int, end: int) -> tuple[str, int] | None:
    """The nearest single capitalised word (a first name) before ``end``."""
    window_start = max(sent_start, end - 90)
    window = text[window_start:end]
    best = None
    for m in re.finditer(rf"(?<![\w'-])({NAME_WORD})(?![\w-]|\s+{NAME_WORD})", window):
        word = m.group(1)
        if word.casefold() in STOPWORDS or "." in word:
            continue
        before = window[: m.start()].rstrip()
        if (
            not before
            and window_start == sent_start
            and not re.match(r"\s*(?:,|'s\b)", window[m.end() :])
        ):
            continue  # a sentence-initial capital is a name only before "," or "'s"
        if re.search(rf"{NAME_WORD}\s*$", before):
            continue  # tail of a longer name
        if re.match(r"\s+(?:of|de)\s", window[m.end() :]):
            continue  # "the Republic of Zubrowka": an institution or a place
        if re.search(r"\b(?:of|in|at|from|to|into|near|for|de|à)\s*$", before):
            continue  # "the Republic of Zubrowka": a place, not a character
        if re.search(r"\b(?:a|an|the|his|her|their)\s*$", before) and re.match(
            r"\s+[a-z]", window[m.end() :]
        ):
            continue  # "a Newcastle carpenter (Dave Johns)": an adjective
        best = (word, window_start + m.start(1))
    return best


def _drop_epithet(item: str) -> str:
    """ "newcomer Tom Mercier", "the legendary James Hong" -> the name alone."""
    m = re.match(r"(?:the\s+)?([a-z][\w-]*)\s+(?=[A-Z])", item)
    if m and m.group(1) in JOB_WORDS:
        return item[m.end() :]
    return item


def find_paren_cast(text: str, index: TextIndex) -> list[PersonFact]:
    """Cast facts from parentheses (see the module docstring).

    Args:
        text: the normalised review text.
        index: sentence lookup.
    """
    out: list[PersonFact] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        if YEAR.search(inner):
            continue  # "(Title, Director, 2023)" and "(2023)" belong to the film rules
        if _HEADING.match(text, text.rfind("\n", 0, m.start()) + 1, m.end()) and (
            re.match(r"[ \t]*(?:\n|$)", text[m.end() :])
        ):
            continue  # "1. Roma (Alfonso Cuarón)": a heading line names a director
        items = [
            p.strip()
            for p in re.split(r"\s*,\s*|\s+(?:and|&|et)\s+(?:even\s+)?", inner)
        ]
        items = [
            _drop_epithet(re.sub(r"^(?:and|even|also|played by|as)\s+", "", p))
            for p in items
            if p
        ]
        if items and not re.fullmatch(ANY_NAME, items[-1]):
            # "Tilda Swinton under a mountain of make-up": keep the leading name
            lead = re.match(rf"({FULL_NAME})\s+[a-z]", items[-1])
            if _TITLE_ASIDE.match(items[-1]):
                continue  # "(Jodaeiye Nader az Simin)": an original title
            if lead and len(items) == 1:
                items = [lead.group(1), "described"]
        names = []
        for item in items:
            if re.fullmatch(ANY_NAME, item) and trim_name(item) == item:
                names.append(item)
            else:
                break
        rest = items[len(names) :]
        described = bool(rest) and rest[0][:1].islower()
        if not names or (len(rest) > 1 and not described) or (rest and not described):
            continue
        sentence = index.sentence_at(m.start())
        full = [n for n in names if len(n.split()) >= 2]
        if len(names) >= 2:
            family = _FAMILY_BEFORE.search(text, max(0, m.start() - 30), m.start())
            praised = bool(rest) and re.match(r"(?:both|all|each)\b", rest[0])
            cue = CAST_CUE.search(sentence.text) or family or praised
            if len(full) == len(names) and cue:
                for name in names:
                    at = m.start(1) + inner.find(name)
                    out.append(
                        PersonFact(
                            "cast", name, at, at + len(name), "cast.paren_list", 0.85
                        )
                    )
            continue
        name = names[0]
        at = m.start(1) + inner.find(name)
        before = _name_before(text, m.start())
        prev_word = text[max(0, m.start() - 20) : m.start()].split()[-1:] or [""]
        if prev_word[0].lower().strip(",") in {
            "director",
            "filmmaker",
            "by",
            "réalisatrice",
        }:
            continue
        if len(name.split()) >= 2:
            if before and _RANKED.match(before[0]):
                # "Detective Hae-jun (Park Hae-il)": a rank names the part outside
                out.append(PersonFact("cast", name, at, at + len(name), "cast.paren",
                                      0.85, before[0]))  # fmt: skip
            elif before and len(before[0].split()) == 1:
                out.append(
                    PersonFact(
                        "cast", name, at, at + len(name), "cast.paren", 0.85, before[0]
                    )
                )
            elif before:
                # "Full Name (Full Name)": decided later from the other rules' evidence.
                out.append(
                    PersonFact(
                        "cast",
                        name,
                        at,
                        at + len(name),
                        "cast.paren_ambiguous",
                        0.6,
                        before[0],
                    )
                )
            else:
                look = _character_lookback(text, sentence.start, m.start())
                char = look[0] if look else None
                aside = m.start() - sentence.start < 3
                if aside and not (char or described or CAST_CUE.search(sentence.text)):
                    continue  # "(Alien Quadrilogy)": a bare name-like aside
                out.append(
                    PersonFact(
                        "cast",
                        name,
                        at,
                        at + len(name),
                        "cast.paren_lookback",
                        0.7,
                        char,
                    )
                )
        elif before and len(before[0].split()) >= 2:
            label = text[max(0, before[1] - 30) : before[1]]
            if re.search(
                r"(?i)\b(?:director|réalisat\w+|mise en scène)\s*:\s*$", label
            ):
                continue  # "Best Director: X (Title)": a prize line, no part
            out.append(
                PersonFact(
                    "cast",
                    before[0],
                    before[1],
                    before[1] + len(before[0]),
                    "cast.paren_character",
                    0.8,
                    name,
                )
            )
        elif before and len(before[0].split()) == 1:
            # "David (Eisenberg)": a surname, resolved later against the full names
            out.append(
                PersonFact("cast", name, at, at + len(name), "cast.paren_surname", 0.7,
                           before[0])
            )  # fmt: skip
    return out
