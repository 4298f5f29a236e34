"""Extract stage, learned title tagger (2/2): score candidates, add the titles found.

Contract: a :class:`TitleModel` is a logistic regression over the binary features of
:mod:`graph.title_features` (weights in ``graph/data/title_model.json``, rebuilt by
``python -m graph.title_train``). :meth:`TitleModel.tag` scores every candidate of a
review and returns, as :class:`~graph.extract_title_base.TitleFact` with rule
``title_model`` and the model's probability as confidence, the best non-overlapping
candidates above the threshold that no rule title covers; the assembler then treats
them like rule titles (subject or mentioned, people attached).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from graph.extract_nlp import Parsed
from graph.extract_people import PersonFact
from graph.extract_salience import is_prized
from graph.extract_text import fold
from graph.extract_title_base import TitleFact
from graph.title_features import (
    Candidate,
    Context,
    features_of_all,
    find_candidates,
)

#: Where the committed weights live (package data).
MODEL_PATH = Path(__file__).resolve().parent / "data" / "title_model.json"
RULE = "title_model"
_PAREN = re.compile(r"[\"']?\s*\(\s*[\"']?")
#: "(Original title: 'Das Lehrerzimmer')", "titre original : ...", "aka Title": the
#: reviewed film's other title, never a film of its own.
_OTHER_TITLE = re.compile(
    r"(?:\b(?:original|french|english|international|us|uk)\s+title|"
    r"\btitre\s+original|\baka|\ba\.k\.a\.|\balso\s+known\s+as)"
    r"\s*[:=-]?\s*[\"'“‘«]?\s*$",
    re.I,
)


@dataclass(frozen=True)
class TitleModel:
    """Logistic-regression weights of the title tagger and its decision threshold."""

    weights: dict[str, float] = field(default_factory=dict)
    threshold: float = 0.5
    #: a second head: is a title the review's subject (rather than a film it cites)?
    subject_weights: dict[str, float] = field(default_factory=dict)
    subject_threshold: float = 0.5

    def probability(self, features: list[str]) -> float:
        """The model's probability that a candidate with ``features`` is a title."""
        return _logistic(self.weights, features)

    def subject_probability(self, features: list[str]) -> float:
        """The probability that a title with ``features`` is a film reviewed."""
        return _logistic(self.subject_weights, features)

    def scored(
        self, text: str, context: Context
    ) -> list[tuple[Candidate, list[str], float]]:
        """Every candidate of ``text`` with its features and probability."""
        candidates = find_candidates(text)
        feats = features_of_all(text, candidates, context)
        return [
            (c, f, self.probability(f)) for c, f in zip(candidates, feats, strict=True)
        ]

    def tag(
        self, text: str, context: Context, found: list[TitleFact]
    ) -> list[TitleFact]:
        """The rule titles ``found`` and the titles the model finds that they miss.

        Args:
            text: the normalised review text the rules read.
            context: entities, person names, headline span, language.
            found: the rule titles (their spans and titles are not proposed again).
        """
        scored = self.scored(text, context)
        # a person's or character's name is never proposed: it would take their facts
        names = context.person_names | context.character_names
        names |= {w for n in names for w in n.split() if len(w) > 2}  # "Olsen" alone
        picked = pick_titles(
            [s for s in scored if fold(s[0].text) not in names],
            found,
            self.threshold,
            text,
        )
        feats = {(c.start, c.end): f for c, f, _p in scored}
        # a title handed a prize is left to the assembler's prize rules (a prize
        # report's winners are its subjects), never marked a mere mention
        return found + [
            t
            if self.subject_probability(feats[(t.start, t.end)])
            >= self.subject_threshold
            or is_prized(text, t.start, t.end)
            else replace(t, role="mentioned")
            for t in picked
        ]

    def to_json(self) -> dict[str, object]:
        """The JSON form stored in ``graph/data/title_model.json``."""
        return {
            "threshold": self.threshold,
            "weights": {k: self.weights[k] for k in sorted(self.weights)},
            "subject_threshold": self.subject_threshold,
            "subject_weights": {
                k: self.subject_weights[k] for k in sorted(self.subject_weights)
            },
        }


def pick_titles(
    scored: list[tuple[Candidate, list[str], float]],
    found: list[TitleFact],
    threshold: float,
    text: str = "",
) -> list[TitleFact]:
    """The best non-overlapping candidates above ``threshold``, away from ``found``."""
    taken = [(t.start, t.end) for t in found]
    known = {fold(t.title) for t in found}
    known |= {fold(t.original_title) for t in found if t.original_title}
    out: list[TitleFact] = []
    ranked = sorted(scored, key=lambda s: (-s[2], s[0].start, -s[0].end))
    ends = {t.end for t in found}
    for cand, _feats, p in ranked:
        if p < threshold:
            break
        key = fold(cand.text)
        if key in known or any(a < cand.end and cand.start < b for a, b in taken):
            continue
        if _after_paren_of(cand, ends, text) or _OTHER_TITLE.search(
            text, max(0, cand.start - 30), cand.start
        ):
            continue  # "Title (Original Title)": the found film's other title
        taken.append((cand.start, cand.end))
        known.add(key)
        out.append(
            TitleFact(cand.text, cand.start, cand.end, RULE, round(p, 3), "unknown")
        )
    return sorted(out, key=lambda t: t.start)


def _after_paren_of(cand: Candidate, ends: set[int], text: str) -> bool:
    """True when ``cand`` opens a parenthesis right after a found title's end."""
    return any(
        0 < cand.start - e <= 6 and _PAREN.fullmatch(text, e, cand.start) is not None
        for e in ends
    )


def model_from_json(data: dict[str, object]) -> TitleModel:
    """A model from its JSON form (see :meth:`TitleModel.to_json`)."""
    weights = data.get("weights") or {}
    assert isinstance(weights, dict)
    threshold = data.get("threshold", 0.5)
    assert isinstance(threshold, int | float)
    subject = data.get("subject_weights") or {}
    assert isinstance(subject, dict)
    subject_threshold = data.get("subject_threshold", 0.5)
    assert isinstance(subject_threshold, int | float)
    return TitleModel(
        {str(k): float(v) for k, v in weights.items()},
        float(threshold),
        {str(k): float(v) for k, v in subject.items()},
        float(subject_threshold),
    )


def _logistic(weights: dict[str, float], features: list[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model() -> TitleModel:
    """The committed model (read once)."""
    return model_from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def review_context(
    parsed: Parsed, people: list[PersonFact], headline: tuple[int, int] | None
) -> Context:
    """The :class:`Context` of a parsed review whose person rules found ``people``."""
    return Context(
        entities=parsed.entities,
        person_names=frozenset(fold(p.name) for p in people),
        character_names=frozenset(fold(p.character) for p in people if p.character),
        headline=headline,
        language=parsed.language,
    )
