"""Training of the learned title tagger: gold sets -> ``graph/data/title_model.json``.

Contract: :func:`collect` runs the extractor's own assembly on every review of the
given gold files with a recording tagger, so the candidates and features it learns
from are exactly those it sees when extracting; a candidate is a positive example when
its text folds to a title or original title of one of the review's gold films (any
role). :func:`train` fits an L2-regularised logistic regression by SGD with a fixed
seed and shuffle, so the same examples give the same weights. Run
``python -m graph.title_train`` to rebuild the committed weights from the open gold
sets (never the sealed ones).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.extract_text import fold
from graph.title_features import Candidate, Context
from graph.title_model import MODEL_PATH, TitleModel

if TYPE_CHECKING:
    from graph.extract import Extractor
    from graph.extract_nlp import Parsed
    from graph.extract_title_base import TitleFact
    from graph.models import Review

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval"
#: The open gold sets the committed model learns from (the sealed ones never).
OPEN_SETS = (
    "dev", "holdout", "samples", "blind", "dev2",
    "blind2", "blind3", "blind4", "blind5", "dev3", "dev4", "dev5",
)  # fmt: skip
#: Sets the leave-one-set-out benchmark also measures (never trained on by default).
LOSO_SETS = OPEN_SETS
THRESHOLD = 0.65
SUBJECT_THRESHOLD = 0.65
UNCOVERED = False
EPOCHS = 12
RATE = 0.3
L2 = 1e-3
MIN_COUNT = 2
SEED = 13


@dataclass
class Example:
    """One candidate of one review, with its features and its gold label."""

    review_id: str
    candidate: Candidate
    features: list[str]
    label: bool
    subject: bool = False  # the title of a film the review is about
    covered: bool = False  # a rule title already holds this span or title


@dataclass(frozen=True)
class Recorder(TitleModel):
    """A tagger that adds no title but keeps what it was shown (for training)."""

    seen: list[tuple[str, list[tuple[Candidate, list[str], float]], list[Any]]] = field(
        default_factory=list
    )

    def tag(
        self, text: str, context: Context, found: list[TitleFact]
    ) -> list[TitleFact]:
        self.seen.append((text, self.scored(text, context), list(found)))
        return found


def title_key(title: str | None) -> str:
    """The key titles are compared by (as the evaluation does)."""
    return re.sub(r"[^\w ]", "", fold(title or "")).strip()


def gold_keys(gold: dict[str, Any], *, subjects: bool = False) -> set[str]:
    """The keys of every gold title and original title of a review (``subjects``:
    of the films it is about only)."""
    films = gold.get("films") or []
    if subjects:
        films = [f for f in films if f.get("role", "subject") == "subject"]
    keys = {title_key(f.get(k)) for f in films for k in ("title", "original_title")}
    return keys - {""}


def parse_reviews(extractor: Extractor, reviews: list[Review]) -> list[Parsed]:
    """The spaCy parse of each review, as :meth:`Extractor.extract_batch` makes it."""
    from graph.extract_nlp import Parsed, detect_language, parse_docs

    langs = [r.language or detect_language(r.text) for r in reviews]
    out = [Parsed((), (), lang) for lang in langs]
    for lang in sorted(set(langs)):
        idx = [
            i for i, lg in enumerate(langs) if lg == lang and reviews[i].text.strip()
        ]
        docs = parse_docs(
            extractor.pipeline(lang), [reviews[i].text for i in idx], lang
        )
        for i, doc in zip(idx, docs, strict=True):
            out[i] = doc
    return out


def collect(
    rows: list[tuple[Review, dict[str, Any]]], parsed: list[Parsed]
) -> list[Example]:
    """The labelled candidates of the gold ``rows`` (with their parses)."""
    from graph.extract import assemble

    examples = []
    for (review, gold), doc in zip(rows, parsed, strict=True):
        recorder = Recorder()
        assemble(review, doc, recorder)
        keys, subjects = gold_keys(gold), gold_keys(gold, subjects=True)
        for _text, scored, found in recorder.seen:
            spans = [(t.start, t.end) for t in found]
            titles = {fold(t.title) for t in found}
            for cand, feats, _p in scored:
                covered = fold(cand.text) in titles or any(
                    a < cand.end and cand.start < b for a, b in spans
                )
                key = title_key(cand.text)
                examples.append(
                    Example(
                        review.id, cand, feats, key in keys, key in subjects, covered
                    )
                )
    return examples


def train(
    examples: list[Example],
    *,
    epochs: int = EPOCHS,
    threshold: float = THRESHOLD,
    uncovered: bool = UNCOVERED,
) -> TitleModel:
    """Fit the logistic regression (deterministic: fixed seed, fixed order); with
    ``uncovered``, only on the candidates no rule title covers (the ones the tagger
    adds at run time)."""
    if uncovered:
        examples = [e for e in examples if not e.covered]
    films = [e for e in examples if e.label]
    return TitleModel(
        fit([(e.features, e.label) for e in examples], epochs),
        threshold,
        fit([(e.features, e.subject) for e in films], epochs),
        SUBJECT_THRESHOLD,
    )


def fit(examples: list[tuple[list[str], bool]], epochs: int) -> dict[str, float]:
    """Logistic-regression weights by SGD with L2 (features seen < MIN_COUNT times
    are left out); deterministic: fixed seed, fixed order."""
    counts = Counter(f for feats, _y in examples for f in set(feats))
    kept = {f for f, n in counts.items() if n >= MIN_COUNT}
    rows = [([f for f in feats if f in kept], 1.0 if y else 0.0)
            for feats, y in examples]  # fmt: skip
    weights: dict[str, float] = dict.fromkeys(sorted(kept), 0.0)
    order = list(range(len(rows)))
    rng = random.Random(SEED)
    for epoch in range(epochs):
        rng.shuffle(order)
        rate = RATE / math.sqrt(1 + epoch)
        for i in order:
            feats, y = rows[i]
            z = sum(weights[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            step = rate * (y - p)
            for f in feats:
                weights[f] += step - rate * L2 * weights[f]
    return {f: round(w, 4) for f, w in weights.items() if abs(w) >= 1e-4}


def load_sets(names: tuple[str, ...], extractor: Extractor) -> dict[str, list[Example]]:
    """The labelled examples of each open gold set that exists, by name."""
    from graph.evaluate import read_gold

    out = {}
    for name in names:
        path = EVAL_DIR / f"{name}.jsonl"
        if path.exists():
            rows = read_gold(path)
            parsed = parse_reviews(extractor, [r for r, _g in rows])
            out[name] = collect(rows, parsed)
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m graph.title_train [--out PATH]``: rebuild the committed weights."""
    from graph.extract import Extractor

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    sets = load_sets(OPEN_SETS, Extractor())
    model = train([e for name in sorted(sets) for e in sets[name]])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model.to_json(), indent=0, sort_keys=True, ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
