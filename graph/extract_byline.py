"""Extract stage, the byline: the critic and the date a review's opening lines give.

Contract: :func:`read_byline` reads the critic and the publication of the byline lines
("By Ann Lee | The Long Take", "Reviewed by", "Par", "posted by user_42 on Second
Reel"), :func:`date_from_text` the first full date of the opening lines as ISO, and
:func:`dateline_month` a "July 2023" dateline without a day as ``YYYY-MM``. The
extractor uses them when the input gives no critic or date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract_festivals import strong_festival_names
from graph.extract_gazetteer import FESTIVALS
from graph.extract_text import ANY_NAME, FULL_NAME, MONTHS, UP, fold, normalise_text

#: Month names, longest first, for the byline patterns.
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))


def dateline_month(text: str) -> str | None:
    """'YYYY-MM' from a dateline without a day ("Posted on my diary, July 2023")."""
    m = re.search(
        rf"(?im)^[^\n]{{0,60}}?\b({_MONTHS})\s+((?:19|20)\d\d)\s*$",
        normalise_text(text[:400]),
    )
    if not m:
        return None
    return f"{int(m.group(2)):04d}-{MONTHS[m.group(1).lower()]:02d}"


#: Words that open a byline before the critic's name.
_BY = (
    r"(?:[Bb]y|[Pp]ar|[Ww]ords:|[Rr]eviewed by|[Rr]eview by|[Pp]osted by|[Ww]atched by|"
    r"[Rr]eporting by|[Nn]otes by|[Cc]ritique de|(?:our )?[Ss]pecial envoy|"
    r"[Ee]nvoy[ée]e? spéciale?|[Cc]orrespondent|a film diary by|user review by)\s+"
)
#: A user name as review sites print it: "dave_k83", "moss_and_static", "jakeyboi".
_USER = r"(?:[A-Za-z][\w.]*[_\d][\w.]*|[a-z]{4,})"
_CRITIC_RULES = (
    # "By Ann Lee", "posted by kaiju_kat", "(from our special envoy X)": at the
    # start of the line or of one of its parts
    re.compile(rf"(?:^|[|·•(]\s*|\s[—–-]\s|,\s|\d\s|★\s*|\s\s)(?:from\s+)?{_BY}"
               rf"({ANY_NAME}|{_USER})(?![\w'])"),
    # "Ann Lee reports for Frame Rate", "Markus Feld reporting for Film Ledger"
    re.compile(rf"(?:^|\.\s)({FULL_NAME})\s+report(?:s|ing)\s+for\s"),
)  # fmt: skip
#: "for The Long Take", "on Second Reel", "posted on The Velvet Rope", "(Reelwire)".
_PUBLICATION_CUE = re.compile(
    r"(?:(?:\bfor|^[Pp]osted on|\bon)\s+|^[Ff]rom the blog\s+)[\"“]?"
    r"(?!the \d|\d)([^\s,|·•—–\"”.(][^,|·•—–\"”(.]*)"
)
_WIRE = re.compile(r"^[A-Z][A-Z .]{2,},[^()\n]{0,30}\(([A-Z][\w .&'-]+)\)\s*[—–-]")
_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s*\|\s*|\s+[—–-]\s+|,\s+|\.\s+(?=[A-Z])")
_ROLE = re.compile(
    r"(?i)\b(?:critic|editor|correspondent|envoy|envoyée?|columnist|contributor|"
    r"reporter|writer|team|staff|reviewer|chief|special|spécial)\b"
)
_NOISE = re.compile(
    r"(?i)^(?:\d+\s+comments?|\d+\s+min(?:ute)?s?\s+read|(?:user\s+)?reviews?|"
    r"new releases|features?|news|columns?|opinion|analysis|awards|interviews?|"
    r"dispatch(?:es)?|film|films|cinema|blog|festival reviews|updated.*|published.*|"
    r"posted.*|watched.*|reviewed.*|screened.*|seen.*|running.*|le\s+\d.*|the\s\d.*|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|share this.*|related.*|photo.*)$"
)
_DATE_WORDS = re.compile(
    rf"(?i)\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\b|"
    r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b"
)
#: Small words a publication's name keeps in lower case ("Reel Talk with Sunil").
_SMALL = frozenset(
    "a an and at by de des du en et for from in into la le les of on or the to with"
    " about over".split()
)


def read_byline(text: str) -> tuple[str | None, str | None]:
    """The critic and the publication of a review's byline lines.

    Byline lines are short lines under the headline (or a sign-off at the end, "—
    Ann Lee, Northern Screens") that name the critic after "By", "Par", "posted
    by", "Words:", or give a date between separators, or follow such a line
    ("Chief Film Critic, The Marquee Ledger"). Their parts, cut at "|", "·",
    dashes and commas, are the critic, the date, a role ("film editor"), a place
    ("Berlin") and the publication: a part after "for" or "on", else the first
    other part written as a name.

    Example:
        >>> read_byline("By Marta Olsen | Screen Notes | 26 May 2024")
        ('Marta Olsen', 'Screen Notes')
    """
    raw = [ln.strip() for ln in normalise_text(text[:5000]).split("\n")]
    raw = [ln for ln in raw if ln]
    # the byline is over once the body starts (a very long paragraph, or the
    # second long one after a standfirst) ...
    long = [i for i, ln in enumerate(raw) if len(ln) > 200]
    body = min([i for i in long if len(raw[i]) > 300] + long[1:2] + [len(raw)])
    # ... but for a sign-off among the last lines: "— Ann Lee, Northern Screens",
    # "Reporting by Dana Whitcombe"
    signoffs = {
        i for i, ln in enumerate(raw)
        if i >= max(1, len(raw) - 3) and re.match(rf"[—–-]\s*[{UP}]|{_BY}", ln)
    }  # fmt: skip
    lines = sorted(set(range(min(9, body + 1, len(raw)))) | signoffs)
    candidates = [(i, raw[i], i in signoffs) for i in lines]
    critic: str | None = None
    publication: str | None = None
    previous = -2
    for number, line, signoff in candidates:
        line = line.strip(" \t—–-")
        if re.search(r"[a-zA-Z]", line) and line.upper() == line:
            line = line.title()  # "POSTED 22 JAN 2023 · BY JUNE OKAFOR"
        line = re.sub(r"(?i)\(?filed under:[^|·•)\n]*\)?", "", line).strip()
        wire = _WIRE.match(line)
        if len(line) > 160 and not wire and not _ENDS_WITH_BY.search(line):
            continue
        found = _critic_in(line, headline=number == 0) if critic is None else None
        dated = _dated_byline(line)
        follows = number == previous + 1 and (dated or bool(_ROLE.search(line)))
        name_line = (0 < number < 6 and critic is None and _is_name(line)) or (
            signoff and _is_name(_SEPARATOR.split(line)[0])
        )
        if not (found or dated or follows or name_line or wire):
            continue
        previous = number
        if found is None and critic is None and (name_line or dated or follows):
            found = line if _is_name(line) else _bare_name(line)
        critic = critic or found or None
        if publication is None:
            publication = _publication_in(line, critic)
    return critic, publication


#: A long standfirst that ends with its byline: "... Notes by Tomasz Wielgus".
_ENDS_WITH_BY = re.compile(rf"(?:^|\s){_BY}{FULL_NAME}\.?$")
#: A date at the end of a line: "The Weekend Ledger, 18 December 2019".
_DATE_AT_END = re.compile(
    rf"(?i)(?:(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}(?:er)?\s+(?:{_MONTHS}))"
    r"(?:,?\s+(?:19|20)\d\d)?\W*$"
)


def _dated_byline(line: str) -> bool:
    """A short line of separated parts with a date ("By X | 2 May 2024", "The Long
    Take, 2 May 2024", "Posted 9 May 2024 on Second Reel"), not a sentence that
    happens to hold a date ("Update, 24 February: the jury gave ...")."""
    if len(line) > 110 or not _DATE_WORDS.search(line):
        return False
    if re.search(r"\s[|·•—–-]\s|\|", line):
        return True
    if re.match(r"(?i)(?:posted|published|updated)\b", line):
        return True
    if len(line) > 80:
        return False
    parts = [p for p in re.split(r",\s+", line.rstrip(". ")) if p]
    return bool(_DATE_AT_END.search(line)) or (
        len(parts) >= 2 and all(len(p.split()) <= 5 for p in parts)
    )


def _is_name(part: str) -> bool:
    """A part that is only a person's name ("Helen Marchetti"), not a masthead."""
    part = part.strip(" .")
    if not re.fullmatch(FULL_NAME, part) or part.count(" ") > 2:
        return False
    words = part.split()
    return not (
        words[0] in {"The", "Le", "La", "Les"} or _ROLE.search(part)
        or _DATE_WORDS.search(part) or any(_NOISE.match(w) for w in words)
        or fold(part) in _places()
    )  # fmt: skip


#: A credit, not a byline: "played, in a stroke of casting genius, by David Lynch".
_CREDIT_BEFORE = re.compile(
    r"\b(?:played|directed|written|produced|voiced|shot|edited|composed|scored|"
    r"narrated|performed|made|adapted|created)\b[^|·•]{0,40}$"
)


def _critic_in(line: str, *, headline: bool = False) -> str | None:
    """The critic a byline marker names in ``line``; in the headline, only a
    marker that opens it ("Review by inesmarch ★★★★½")."""
    for rule in _CRITIC_RULES:
        m = rule.search(line)
        if m is None or (headline and m.start() > 0):
            continue
        if _CREDIT_BEFORE.search(line[: m.start(1)]):
            continue
        return m.group(1)
    return None


def _bare_name(line: str) -> str | None:
    """A part of a byline line that is only a name or a user name ("April 18, 2022
    · Nadia Osei · 7 min read", "jake_m_1987 | 14 January 2023")."""
    for part in _SEPARATOR.split(line):
        part = part.strip()
        if _is_name(part):
            return part
        m = re.match(rf"({_USER})(?:\s+\d|$)", part)
        if m and re.search(r"[_\d]", m.group(1)):
            return m.group(1)
    return None


def _publication_in(line: str, critic: str | None) -> str | None:
    m = _WIRE.match(line)
    if m:
        return m.group(1).strip()
    for m in _PUBLICATION_CUE.finditer(line):
        name = _clean_publication(m.group(1), critic)
        if name:
            return name
    for part in _SEPARATOR.split(line):
        name = _clean_publication(part, critic)
        if name:
            return name
    return None


def _clean_publication(part: str, critic: str | None) -> str | None:
    """``part`` as a publication name, or ``None`` when it is something else: the
    critic, a date, a role, a place, a festival, a tag, a count or a sentence."""
    blog = re.search(r"\((?:a\s+)?(?:film\s+)?blog\)", part, re.I)
    part = re.sub(r"\s*\([^)]*\)?", "", part).strip(" .:;\"“”'")
    if not part or (critic and (critic in part or part in critic)):
        return None
    if _DATE_WORDS.search(part) or _NOISE.match(part):
        return None
    if _ROLE.search(part) and not part.startswith("The "):
        return None
    if (
        re.search(r"\d|★|(?i:\bby\b|^par\b|^for\b|^on\b)", part)
        or len(part.split()) > 6
    ):
        return None
    folded = fold(part)
    if folded in _places() or any(
        f" {n} " in f" {folded} " for n in strong_festival_names()
    ):
        return None
    if part[0].islower():
        return part if blog and " " not in part else None
    if part.isupper() and len(part) > 5:
        return None
    if any(w[0].islower() and w not in _SMALL for w in part.split() if w[0].isalpha()):
        return None  # a sentence, not a name: "Released in theaters the same day"
    return part


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Festival names and their cities: a byline's place, never its publication."""
    names = {c for c, strong, weak in FESTIVALS for c in (c, *strong, *weak)}
    return frozenset(fold(n) for n in names) | {"lido", "park city", "utah"}


def date_from_text(text: str) -> str | None:
    """The first full date of the review's opening lines (a byline), as ISO.

    Written dates ("14 July 2023", "Feb. 19, 2023") come first, then numeric ones
    ("2022-10-12", "12/10/2022"); a numeric date whose day and month could be
    swapped follows the order the text writes its other dates in ("Wednesday 12
    October" is day first) and is left out when the text has none.

    Example:
        >>> date_from_text("Published 12/10/2022. Out on Wednesday 12 October.")
        '2022-10-12'
    """
    head = normalise_text(text[:600])
    m = re.search(
        rf"\b(\d{{1,2}})(?:er)?\s+({_MONTHS})\s+((?:19|20)\d\d)\b", head, re.I
    )
    if m:
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        return _iso(year, month, day)
    m = re.search(  # "September 6, 2023", "Feb. 19, 2023"
        rf"\b({_MONTHS})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", head, re.I
    )
    if m:
        day, month, year = int(m.group(2)), MONTHS[m.group(1).lower()], int(m.group(3))
        return _iso(year, month, day)
    return _numeric_date(head, text)


def _numeric_date(head: str, text: str) -> str | None:
    """ "2022-10-12", "12/10/2022", "12.10.2022" in the opening lines, as ISO."""
    m = re.search(r"(?<![\d/.-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d/-]|\.\d)", head)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(
        r"(?<![\d/.-])(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d\d)(?![\d/-]|\.\d)", head
    )
    if not m:
        return None
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if first > 12:
        day_first = True
    elif second > 12:
        day_first = False
    else:
        day_first_words = re.search(
            rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\b", text, re.I
        )
        month_first_words = re.search(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b", text, re.I)
        if bool(day_first_words) == bool(month_first_words):
            return None
        day_first = bool(day_first_words)
    day, month = (first, second) if day_first else (second, first)
    return _iso(year, month, day)


def _iso(year: int, month: int, day: int) -> str | None:
    return (
        f"{year:04d}-{month:02d}-{day:02d}"
        if 1 <= day <= 31 and 1 <= month <= 12
        else None
    )
