"""Extract stage, the critic's verdict: positive, negative or mixed.

Contract: :func:`find_verdict` reads, in order: a rating ("★★★☆☆", "3/5", "7/10",
"Grade: B+", "Five stars."), a closing recommendation ("Go.", "Unmissable.", "À voir
absolument", "not for me"), then a vote of judgement words in which the closing
paragraph and the clause after a "but" weigh more, and hedges ("cleverer than it is
moving", "better than the film around her", "not his best", "too wise") pull towards
mixed. A review that judges nothing returns no verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.extract_text import TextIndex
from graph.models import Evidence

_POSITIVE = frozenset(
    """tender sensitive endearing luminous tasty moving touching beautiful beautifully
    brilliant brilliantly superb masterful masterpiece remarkable wonderful delightful
    charming funny hilarious gripping powerful stunning excellent great fine lovely
    engaging compelling poignant heartfelt witty elegant graceful magnificent
    outstanding terrific exhilarating fascinating impressive accomplished assured
    sublime triumph gem favourite favorite favorites favourites recommend recommended
    enjoyable entertaining smart clever warm empathy optimism joyful joy must-see
    success successful unique captivating radiant subtle nuanced rich astonishing
    extraordinary deserved deserves generous sweet tenderness funniest smartest best
    finest chilling heartbreaking wise glorious dazzling ravishing thrilling superbly
    perfect perfectly precise unforgettable irresistible gorgeous delicious loved
    humane necessary striking overwhelming unmissable insane amazing kindest
    magnifique bouleversant bouleversante réussi réussie formidable drôle émouvant
    émouvante superbe chef-d'œuvre impeccable impeccables lumineux lumineuse
    jubilatoire magistral magistrale brillant brillante sublime touchant touchante
    savoureux savoureuse tendre délicieux pépite généreux généreuse irrésistible
    sidérante sidérant inoubliable juste meilleur meilleurs admire cried fearless
    fruitful gleeful gleefully inventive bold daring audacious vivid vibrant playful
    riveting haunting mesmerising
    mesmerizing hypnotic absorbing affecting resonant rewarding satisfying
    crowd-pleaser crowd-pleasing masterclass joyous exquisite virtuoso fresh
    original""".split()
)
_NEGATIVE = frozenset(
    """boring dull tedious bland clumsy mess messy disappointing disappointment
    forgettable tiresome lifeless predictable cliched clichéd overlong pretentious
    shallow sloppy awful terrible worst misfire incoherent laughable unfunny lazy
    unconvincing hollow mediocre sentimental cutesy grating overwrought contrived inert
    uneven flawed sluggish ponderous bloated indulgent self-indulgent unfortunately alas
    drags overstuffed excessive numbing colder ennuyeux ennuyeuse raté ratée
    décevant décevante lourd lourde hélas malheureusement interminable longueurs
    boursouflé poussif poussive indigeste bancal bancale inégal inégale stale
    derivative shapeless muddled plodding dreary glib smug heavy-handed clunky tepid
    lacklustre lackluster underwhelming overcooked simplistic trite banal
    schematic""".split()
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|hardly|without|n't|nothing|jamais|pas|sans|ni)\b"
)
_CONTRAST = re.compile(r"\b(?:but|yet|though|however|anyway|mais|pourtant)\b", re.I)
_STARS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_GRADES = {"A": 0.95, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.1}


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    return {
        "rating": re.compile(
            r"(?<![\d./])(\d{1,2}(?:\.\d)?)\s*(?:/|out of|sur)\s*(5|10)\b(?![/\d])|"
            r"(★+)(☆*)|"
            r"\b[Gg]rade\s*:?\s*([A-F])([+-]?)(?![\w])|"
            r"(?im:^\W*(one|two|three|four|five)\s+stars?\b)"
        ),
        "recommend": re.compile(
            r"(?im:(?:^|[.!?:;]\s+)go(?:[.!,]|\s+and\b|\s+see\b)|"
            r"\b(?:go|run|rush)\s+(?:and\s+)?see\s+it\b|\bà voir en salles?\b|"
            r"\bunmissable\b|\bdon't miss\b|\bmust[- ]see\b|\bhighly recommended\b|"
            r"\bà voir absolument\b|\bà ne pas manquer\b|\bcourez[- ]y\b|"
            r"\bje (?:le |vous le )?(?:conseille|recommande)\b|"
            r"\bsee it on the biggest screen\b|"
            r"\b(?:want|wants) to see (?:it|them) again\b|"
            r"\benvie de (?:le |la |les )?revoir\b)"
        ),
        "pan": re.compile(
            r"(?i:\b(?:skip (?:it|this one)|avoid it|save your money|not for me|"
            r"pas pour moi|à éviter|passez votre chemin|a waste of)\b)"
        ),
        # faults: "too wise", "an hour too long", "trop sage"
        "fault": re.compile(
            r"(?i:\btoo (?:wise|neat|safe|tidy|cold|long|polished|much|slow|obvious|"
            r"sweet|literal|careful|grey|gray|dark|glossy|pink)\b|"
            r"\btrop\s+(?!de\b|d'|tôt\b|tard\b)[a-zà-ÿ]{3,})"
        ),
        "hedge": re.compile(
            r"(?i:\b\w+er than it is \w+|\bbetter than the (?:film|script|material|"
            r"story|movie)\b|\bnot (?:his|her|their|its|the director's) best\b|"
            r"\bnever quite\b|\bnot quite\b|\bthe film around (?:her|him|them|it)\b|"
            r"\bthe point and the problem\b|\bbrace yourself\b|"
            r"\bhit[- ]and[- ]miss\b|\bmixed bag\b|\bfor all its\b|"
            r"\bthe good\s*:.*\bthe bad\s*:)",
            re.S,
        ),
    }


def _rating(text: str) -> tuple[float, re.Match[str]] | None:
    m = _rules()["rating"].search(text)
    if not m:
        return None
    if m.group(3):
        return len(m.group(3)) / (len(m.group(3)) + len(m.group(4))), m
    if m.group(5):
        shift = {"+": 0.05, "-": -0.05}.get(m.group(6), 0.0)
        return _GRADES[m.group(5)] + shift, m
    if m.group(7):
        return _STARS[m.group(7).lower()] / 5, m
    score, scale = float(m.group(1)), float(m.group(2))
    return (score / scale, m) if score <= scale else None


def _closing_start(text: str) -> int:
    """Where the critic's closing judgement starts: a "Verdict:" line, else the last
    paragraph that is not a sign-off ("— Name, Publication") or a release notice."""
    marked = re.search(
        r"(?im)^\s*(?:verdict|bottom line|the verdict|en bref|notre avis)\s*:", text
    )
    if marked:
        return marked.start()
    paragraphs = [m.end() - 1 for m in re.finditer(r"(?:^|\n\s*\n)\s*\S", text)]
    ends = [*paragraphs[1:], len(text)]
    for start, end in reversed(list(zip(paragraphs, ends, strict=True))):
        block = text[start:end].strip()
        if len(block) < 80 and re.match(r"[—–-]\s*[A-Z]", block):
            continue
        if len(re.findall(r"(?:^|[.;]\s*)[A-Z][\w ]{1,20}\s?:\s", block)) >= 3:
            continue  # a credits block ("Producer: ... Camera: ...")
        if len(block) < 120 and re.search(
            r"\b(?:opens?|released?|out|sortie|sort|en salles|in (?:\w+ )?cinemas|"
            r"in (?:\w+ )?theat(?:er|re)s)\b",
            block,
            re.I,
        ):
            continue
        return start
    return 0


def _clause_before(text: str, at: int, span: int = 25) -> str:
    """The words of the clause before ``at``, at most ``span`` characters (for
    negation: "not an easy film. A great one" does not negate "great")."""
    lo = max(0, at - span)
    cut = max(text.rfind(c, lo, at) for c in ".;:!?,")
    return text[max(lo, cut + 1) : at].lower()


@dataclass
class _Tally:
    """Weighted judgement votes, overall and in the closing paragraph."""

    pos: float = 0.0
    neg: float = 0.0
    pos_c: float = 0.0
    neg_c: float = 0.0
    faults: int = 0

    def add(self, praise: float, blame: float, *, closing: bool) -> None:
        self.pos, self.neg = self.pos + praise, self.neg + blame
        self.faults += blame > 0
        if closing:
            self.pos_c, self.neg_c = self.pos_c + praise, self.neg_c + blame


def _weight(text: str, at: int, closing: int, contrasts: list[int]) -> float:
    """2 in the closing paragraph, else 1; times 1.5 after a "but" in its sentence."""
    weight = 2.0 if at >= closing > 0 else 1.0
    sentence_start = text.rfind(".", 0, at)
    if any(sentence_start < c <= at for c in contrasts):
        weight *= 1.5  # the clause after "but" is the one that counts
    return weight


def _vote(text: str, closing: int) -> _Tally:
    """Judgement words and phrases of the review. A capitalised word inside a
    sentence is a name ("Grand Prix"); a negation works within its clause."""
    tally = _Tally()
    contrasts = [m.end() for m in _CONTRAST.finditer(text)]
    hedged = [m.span() for m in _rules()["hedge"].finditer(text)]
    for m in re.finditer(r"[^\W\d_][\w'-]*", text):
        word = m.group(0).lower()
        if word not in _POSITIVE and word not in _NEGATIVE:
            continue
        if any(a <= m.start() < b for a, b in hedged):
            continue  # "cleverer than it is moving" is no praise of the feeling
        if m.group(0)[:1].isupper() and not re.search(
            r"(?:^|[.!?:\n\"(]\s*)$", text[max(0, m.start() - 3) : m.start()]
        ):
            continue
        negated = bool(_NEGATION.search(_clause_before(text, m.start())))
        weight = _weight(text, m.start(), closing, contrasts)
        good = (word in _POSITIVE) != negated
        tally.add(weight * good, weight * (not good), closing=m.start() >= closing > 0)
    # a hedge ("cleverer than it is moving") praises and faults at once; a phrase
    # says more than a word
    for name in ("hedge", "fault"):
        for m in _rules()[name].finditer(text):
            weight = 1.5 * _weight(text, m.start(), closing, contrasts)
            praise = weight if name == "hedge" else 0.0
            if name == "fault" and _NEGATION.search(
                _clause_before(text, m.start(), 40)
            ):
                praise = weight  # "never lets a scene run a second too long"
                weight = 0.0
            tally.add(praise, weight, closing=m.start() >= closing > 0)
    return tally


def find_verdict(
    text: str, index: TextIndex
) -> tuple[str | None, tuple[Evidence, ...]]:
    """``positive``/``negative``/``mixed`` from a rating, a closing recommendation or
    a weighted vote of judgement words (see the module docstring).

    Example:
        >>> from graph.extract_text import Sentence
        >>> text = "A bold film. Three out of five stars: cleverer than it is moving."
        >>> find_verdict(text, TextIndex(text, [Sentence(0, len(text), text)]))[0]
        'mixed'
    """
    rules = _rules()
    rated = _rating(text)
    if rated:
        score, rating = rated
        verdict = (
            "positive" if score >= 0.75 else "negative" if score < 0.45 else "mixed"
        )
        ev = index.evidence(rating.start(), rating.end(), "verdict.rating", 0.9)
        return verdict, (ev,)
    closing = _closing_start(text)
    qualified = rules["hedge"].search(text, closing) or rules["fault"].search(
        text, closing
    )
    for name, verdict in (("pan", "negative"), ("recommend", "positive")):
        cue = rules[name].search(text, closing)
        if cue:
            if verdict == "positive" and qualified:
                verdict = "mixed"  # "a bit too grey. À voir en salle"
            ev = index.evidence(cue.start(), cue.end(), f"verdict.{name}", 0.8)
            return verdict, (ev,)
    tally = _vote(text, closing)
    if tally.pos + tally.neg == 0:
        return None, ()
    share = tally.pos / (tally.pos + tally.neg)
    if tally.pos_c and tally.neg_c and 1 / 3 <= tally.pos_c / tally.neg_c <= 3:
        verdict = "mixed"  # "Un film généreux et bancal."
    elif share >= 0.65:
        verdict = "positive"
    elif share <= 0.3 and (tally.faults >= 2 or tally.pos == 0):
        verdict = "negative"
    else:
        verdict = "mixed"
    conf = min(0.9, 0.5 + 0.05 * abs(tally.pos - tally.neg))
    at = closing if tally.pos_c + tally.neg_c else 0
    sentence = index.sentence_at(at)
    return verdict, (
        index.evidence(sentence.start, sentence.end, "verdict.lexicon", conf),
    )
