"""Extract stage, learned title tagger (1/2): title candidates and their features.

Contract: :func:`find_candidates` lists the spans of a normalised review text that
could be film titles (quoted phrases, runs of capitalised words with inner function
words, and their sub-spans), at most :data:`MAX_CANDIDATES` per review;
:func:`features_of` describes one candidate by its context (words and punctuation
around it, its shape, spaCy's entity label, its position, film nouns nearby, how often
the text repeats it, whether it is a person's name or a known festival, place or
calendar word). No feature names the candidate's own words, so that what the model
learns carries over to titles it has never seen. :mod:`graph.title_model` scores the
candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from graph.extract_text import MONTHS, STOPWORDS, find_all, fold

#: The most candidates one review yields (the first ones in the text).
MAX_CANDIDATES = 400
#: The longest candidate, in capitalised words.
MAX_CAPS = 6

#: Lower-case words a title keeps inside ("Anatomy of a Fall", "La Chimera et ...").
FUNCTION_WORDS = frozenset(
    """of the a an and in on to for with at from by or as de la le les du des et à
    au aux en el los las il di da del der die das und y""".split()
)
_ARTICLES = frozenset("the a an le la les l' el il der die das".split())
_FILM_NOUNS = re.compile(
    r"\b(?:film|films|movie|movies|documentary|debut|feature|drama|comedy|thriller|"
    r"picture|sequel|remake|adaptation|short|animation|western|horror|biopic|"
    r"premiere|premiered|directed|starring|stars|follow-up|masterpiece|"
    r"long-métrage|documentaire|comédie)\b",
    re.I,
)
_TOKEN = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*(?:'(?!s\b)[^\W_]+)*|\S")
_YEAR_AFTER = re.compile(r"\s*\((?:[^()\n]{1,40},\s*)?(?:19|20)\d\d\)")
_PAREN_AFTER = re.compile(r"\s*\([^()\n]{1,60}\)")
_QUOTED = re.compile(r"\"([^\"\n]{1,80})\"")
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


@dataclass(frozen=True)
class Candidate:
    """A span of the text that could be a film title."""

    start: int
    end: int
    text: str
    quoted: bool = False
    maximal: bool = True  # the whole capitalised run, not a part of it


@dataclass(frozen=True)
class Context:
    """What the features of one review need besides the text."""

    entities: tuple[tuple[int, int, str], ...] = ()
    person_names: frozenset[str] = frozenset()  # folded
    character_names: frozenset[str] = frozenset()  # folded
    headline: tuple[int, int] | None = None
    language: str = "en"


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _is_word(word: str) -> bool:
    return word[:1].isalnum()


def find_candidates(text: str) -> list[Candidate]:
    """Title candidates of ``text``: quoted phrases, capitalised runs and sub-runs.

    Example:
        >>> [c.text for c in find_candidates("We saw Anatomy of a Fall.")]
        ['We', 'Anatomy of a Fall', 'Anatomy', 'Fall']
    """
    out: dict[tuple[int, int], Candidate] = {}
    for m in _QUOTED.finditer(text):
        inner = m.group(1)
        a = m.start(1) + len(inner) - len(inner.lstrip())
        b = m.end(1) - (len(inner) - len(inner.rstrip()))
        if b > a and len(inner.split()) <= 12:
            out[(a, b)] = Candidate(a, b, text[a:b], quoted=True)
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        if not (_is_word(tokens[i][2]) and _is_cap(tokens[i][2])):
            i += 1
            continue
        caps = [i]  # indexes of the run's capitalised tokens
        j = i + 1
        while j < len(tokens):
            gap = j
            while (
                gap < len(tokens)
                and gap - j < 2
                and tokens[gap][2] in FUNCTION_WORDS
                and "\n" not in text[tokens[gap - 1][1] : tokens[gap][0]]
            ):
                gap += 1
            if (
                gap < len(tokens)
                and _is_word(tokens[gap][2])
                and _is_cap(tokens[gap][2])
                and "\n" not in text[tokens[gap - 1][1] : tokens[gap][0]]
                and tokens[gap][0] - tokens[gap - 1][1] <= 1
            ):
                caps.append(gap)
                j = gap + 1
            else:
                break
        _add_run(text, tokens, caps, out)
        i = caps[-1] + 1
    found = sorted(out.values(), key=lambda c: (c.start, -c.end))
    return found[:MAX_CANDIDATES]


def _add_run(
    text: str,
    tokens: list[tuple[int, int, str]],
    caps: list[int],
    out: dict[tuple[int, int], Candidate],
) -> None:
    """The run of capitalised tokens ``caps`` and its sub-runs (up to MAX_CAPS)."""
    for x in range(len(caps)):
        for y in range(x, min(len(caps), x + MAX_CAPS)):
            a, b = tokens[caps[x]][0], tokens[caps[y]][1]
            if text[b - 1] == "." and not re.search(r"\b[A-Z]\.$", text[a:b]):
                b -= 1  # a sentence's full stop
            if b <= a or (a, b) in out:
                continue
            whole = x == 0 and y == len(caps) - 1
            out[(a, b)] = Candidate(a, b, text[a:b], maximal=whole)


@lru_cache(maxsize=1)
def _known_words() -> dict[str, str]:
    """Folded festival, section, place and calendar names -> their kind."""
    from graph.extract_gazetteer import FESTIVALS, REGIONS, SECTIONS

    known = {fold(r): "place" for r in REGIONS}
    known.update({fold(s): "section" for s, _label in SECTIONS})
    for _canon, strong, weak in FESTIVALS:
        known.update({fold(a): "festival" for a in strong + weak})
    known.update({m: "calendar" for m in MONTHS} | {d: "calendar" for d in _WEEKDAYS})
    return known


def _words_around(
    tokens: list[tuple[int, int, str]], first: int, last: int
) -> tuple[list[str], list[str]]:
    left = [t[2].casefold() for t in tokens[max(0, first - 3) : first]]
    right = [t[2].casefold() for t in tokens[last + 1 : last + 3]]
    return left, right


def _shape(words: list[str]) -> Iterable[str]:
    n = len(words)
    yield f"len={min(n, 5)}"
    if words[0].casefold() in _ARTICLES:
        yield "first=article"
    if words[0].casefold() in STOPWORDS:
        yield "first=stopword"
    if words[-1].casefold() in STOPWORDS:
        yield "last=stopword"
    for w in sorted({w for w in words[1:-1] if w in FUNCTION_WORDS}):
        yield f"inner={w}"
    if all(w.isupper() for w in words if w.isalpha()) and any(
        len(w) > 1 and w.isalpha() for w in words
    ):
        yield "all_caps"
    if any(w[:1].isdigit() for w in words):
        yield "digit"
    if n == 1 and re.fullmatch(r"(?:19|20)\d\d", words[0]):
        yield "year"
    if not _is_cap(words[0]):
        yield "lowercase_start"
    if any(w.endswith(".") for w in words):
        yield "initial_or_dot"


def features_of(text: str, candidate: Candidate, context: Context) -> list[str]:
    """The feature names of one candidate (binary features; see the module doc)."""
    return _features(text, candidate, context, _tokens(text))


def features_of_all(
    text: str, candidates: list[Candidate], context: Context
) -> list[list[str]]:
    """:func:`features_of` for every candidate (the text is tokenised once)."""
    tokens = _tokens(text)
    low = fold(text)
    repeats = {
        k: len(find_all(k, low)) for k in {fold(c.text) for c in candidates} if k
    }
    common = _common_words(tokens)
    starts = [t[0] for t in tokens]
    ends = [(m.start(), m.end()) for m in _SENT_END.finditer(text)]
    feats = [
        _features(text, c, context, tokens, repeats, common, starts, ends)
        for c in candidates
    ]
    lines: set[int] = set()
    for c, f in zip(candidates, feats, strict=True):
        line = text.rfind("\n", 0, c.start)
        if c.maximal and "line_start" not in f and line not in lines:
            lines.add(line)
            f.append("first_run_of_line")  # the first name a paragraph gives
    return _with_elsewhere(candidates, feats)


#: Features that, seen at one occurrence of a title, also describe the others.
_SPREAD = ("quoted", "paren_year_after", "in_headline", "after_possessive")


def _with_elsewhere(
    candidates: list[Candidate], feats: list[list[str]]
) -> list[list[str]]:
    """Each candidate's features plus what its other occurrences show ("quoted
    elsewhere", "in the headline elsewhere")."""
    seen: dict[str, set[str]] = {}
    for c, f in zip(candidates, feats, strict=True):
        seen.setdefault(fold(c.text), set()).update(x for x in f if x in _SPREAD)
    return [
        f + [f"elsewhere={x}" for x in sorted(seen[fold(c.text)]) if x not in f]
        for c, f in zip(candidates, feats, strict=True)
    ]


def _common_words(tokens: list[tuple[int, int, str]]) -> frozenset[str]:
    """The words the text writes in lower case somewhere (common words, not names)."""
    return frozenset(t[2] for t in tokens if t[2][:1].islower())


def _features(
    text: str,
    c: Candidate,
    context: Context,
    tokens: list[tuple[int, int, str]],
    repeats: dict[str, int] | None = None,
    common: frozenset[str] | None = None,
    starts: list[int] | None = None,
    sentence_ends: list[tuple[int, int]] | None = None,
) -> list[str]:
    starts = [t[0] for t in tokens] if starts is None else starts
    first = _index_at(starts, c.start)
    last = _index_at(starts, c.end - 1)
    words = [t[2] for t in tokens[first : last + 1] if _is_word(t[2])] or [c.text]
    left, right = _words_around(tokens, first, last)
    l1, r1 = (left[-1] if left else "<s>"), (right[0] if right else "</s>")
    out = ["bias", *(_shape(words)), f"L1={l1}", f"R1={r1}", f"L1R1={l1}_{r1}"]
    out += [f"L2={' '.join(left[-2:])}" if len(left) >= 2 else "L2=<s>"]
    out += [f"L3={left[0]}" if len(left) == 3 else "L3=<s>"]
    out += [f"R2={' '.join(right)}" if len(right) == 2 else "R2=</s>"]
    before = text[max(0, c.start - 2) : c.start]
    after = text[c.end : c.end + 2]
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start : c.start].strip(" \"'*#-•0123456789.)"):
        out.append("line_start")
        if not text[c.end : line_end].strip(" \"'*.:!?"):
            out.append("whole_line")
    elif re.search(r"[.!?]\s*[\"']?\s*$", text[max(0, c.start - 4) : c.start]):
        out.append("sentence_start")
    if c.quoted or (before.endswith('"') and after.startswith('"')):
        out.append("quoted")
    if not c.maximal:
        prev_cap = first > 0 and _is_cap(tokens[first - 1][2])
        out.append("part_after_cap" if prev_cap else "part")
    if _YEAR_AFTER.match(text, c.end):
        out.append("paren_year_after")
    elif _PAREN_AFTER.match(text, c.end):
        out.append("paren_after")
    if re.search(r"'s?\s*$", text[max(0, c.start - 3) : c.start]) and left[-1:] != [
        '"'
    ]:
        out.append("after_possessive")
    if after.startswith("'s") or after.startswith("' "):
        out.append("possessive")
    window = text[max(0, c.start - 60) : c.end + 40]
    if _FILM_NOUNS.search(window):
        out.append("film_noun_near")
    out += _entity_features(c, context)
    key = fold(c.text)
    if repeats is None:
        found = len(find_all(key, fold(text))) if key else 0
    else:
        found = repeats.get(key, 0)
    out.append(f"repeats={min(found, 3)}")
    if key in context.person_names:
        out.append("is_person_name")
    elif any(fold(w) in context.person_names for w in words if len(w) > 2):
        out.append("has_person_word")
    if key in context.character_names:
        out.append("is_character")
    kind = _known_words().get(key)
    if kind:
        out.append(f"known={kind}")
    elif any(_known_words().get(fold(w)) for w in words):
        out.append("has_known_word")
    if context.headline and context.headline[0] <= c.start < context.headline[1]:
        out.append("in_headline")
    common = _common_words(tokens) if common is None else common
    content = [w for w in words if w.casefold() not in FUNCTION_WORDS]
    lower = sum(w.casefold() in common for w in content)
    share = "all" if lower == len(content) else "some" if lower else "none"
    out.append(f"common={share}")
    if context.language == "fr":
        out.append("french")
    out += _sentence_features(text, c, line_start, line_end, sentence_ends)
    where = next(
        (x for x in out if x in {"line_start", "sentence_start", "quoted"}), "mid"
    )
    out += [f"{where}&L1={l1}", f"{where}&R1={r1}"]
    return out


_SENT_END = re.compile(r"[.!?][\"')\]]*\s")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_COMPARE = re.compile(
    r"\b(?:compar\w*|remind\w*|recall\w*|echo\w*|evok\w*|like|unlike|since|"
    r"earlier|previous|former|ago|before|after|follow-up to|same year)\b",
    re.I,
)
_APPOSITION = re.compile(
    r",\s+(?:(?:a|an|the|his|her|their)\s|(?:[A-Z][\w.-]+\s+){0,3}[A-Z][\w.-]*'s?\s)"
)


def _sentence_features(
    text: str,
    c: Candidate,
    line_start: int,
    line_end: int,
    spans: list[tuple[int, int]] | None = None,
) -> list[str]:
    """Where the candidate sits in its sentence and paragraph, and what the
    sentence says around it (another year, a comparison, an apposition after)."""
    out = []
    if spans is None:
        spans = [(m.start(), m.end()) for m in _SENT_END.finditer(text)]
    # the last sentence end between the line start and the candidate
    i = bisect_right(spans, (c.start, c.start)) - 1
    while i >= 0 and spans[i][1] > c.start:
        i -= 1
    last = spans[i] if i >= 0 and spans[i][0] >= line_start else None
    out.append("sent_first" if last is None else "sent_later")
    sent_start = last[1] if last else line_start
    stop = _SENT_END.search(text, c.end, line_end)
    sent_end = stop.start() + 1 if stop else line_end
    before, after = text[sent_start : c.start], text[c.end : sent_end]
    paren = _YEAR_AFTER.match(after)
    rest = after[paren.end() :] if paren else after
    if _YEAR.search(before) or _YEAR.search(rest):
        out.append("sent_year")
    if _COMPARE.search(before) or _COMPARE.search(after):
        out.append("sent_compare")
    if _APPOSITION.match(text, c.end):
        out.append("apposition")
    return out


def _index_at(starts: list[int], offset: int) -> int:
    """The index of the token holding ``offset``."""
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)


def _entity_features(c: Candidate, context: Context) -> list[str]:
    out = []
    for a, b, label in context.entities:
        if a == c.start and b == c.end:
            out.append(f"ner_exact={label}")
        elif a < c.end and c.start < b:
            out.append(f"ner_overlap={label}")
    return sorted(set(out)) or ["ner=none"]
