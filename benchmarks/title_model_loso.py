"""Benchmark: the learned title tagger measured leave-one-set-out (LOSO).

For each open gold set S: train the tagger on the other open sets, run the full
extractor on S with that model, and compare the core F1 with the tagger off. Also
prints the model's own candidate-level precision/recall on S (over the candidates no
rule title covers; label = the candidate folds to a gold title of the review). Each
review is parsed once; only the assembly runs again per model and threshold.

Usage:
    python benchmarks/title_model_loso.py [--thresholds 0.6,0.7] [--sets dev,blind5]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from graph.evaluate import read_gold, score_reviews
from graph.extract import Extractor, assemble
from graph.title_model import TitleModel
from graph.title_train import (
    EVAL_DIR,
    LOSO_SETS,
    THRESHOLD,
    Example,
    collect,
    parse_reviews,
    train,
)

FIELDS = ("films_about", "directors", "cast", "pairs", "festival_year")


def scores(rows, parsed, model: TitleModel | None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    report = score_reviews(
        (review.id, gold, assemble(review, doc, model).to_json())
        for (review, gold), doc in zip(rows, parsed, strict=True)
    )
    out = {f.name: f.f1 for f in report.fields if f.name in FIELDS}
    out["macro"] = report.macro_f1
    return out


def candidate_pr(examples: list[Example], model: TitleModel) -> tuple[float, float]:
    """Precision and recall of the model on the candidates no rule covers."""
    open_ = [e for e in examples if not e.covered]
    picked = [e for e in open_ if model.probability(e.features) >= model.threshold]
    tp = sum(e.label for e in picked)
    pos = sum(e.label for e in open_)
    return (tp / len(picked) if picked else 1.0), (tp / pos if pos else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--thresholds", default=str(THRESHOLD))
    parser.add_argument(
        "--uncovered", action="store_true", help="train only on what no rule covers"
    )
    parser.add_argument("--extra", default="", help="more gold files: name=path,...")
    parser.add_argument("--sets", default=",".join(LOSO_SETS))
    args = parser.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    extractor = Extractor()
    data = {}
    t0 = time.perf_counter()
    paths = {name: EVAL_DIR / f"{name}.jsonl" for name in args.sets.split(",")}
    paths.update(
        {x.split("=")[0]: Path(x.split("=")[1]) for x in args.extra.split(",") if x}
    )
    for name, path in paths.items():
        if not path.exists():
            continue
        rows = read_gold(path)
        parsed = parse_reviews(extractor, [r for r, _g in rows])
        data[name] = (rows, parsed, collect(rows, parsed))
    print(f"parsed {len(data)} sets in {time.perf_counter() - t0:.0f}s")
    sums: dict[float, dict[str, list[float]]] = {t: {} for t in thresholds}
    for name, (rows, parsed, examples) in data.items():
        base = scores(rows, parsed, None)
        others = [e for other in data if other != name for e in data[other][2]]
        trained = train(others, uncovered=args.uncovered)
        for t in thresholds:
            model = replace(trained, threshold=t)
            on = scores(rows, parsed, model)
            p, r = candidate_pr(examples, model)
            cells = " ".join(
                f"{k[:5]} {base[k]:.3f}>{on[k]:.3f}"
                for k in ("films_about", "directors", "cast", "pairs", "macro")
            )
            print(f"{name:8s} t={t:.2f} {cells} | cand P {p:.2f} R {r:.2f}")
            for k in ("films_about", "directors", "cast", "macro"):
                sums[t].setdefault(k, []).append(on[k] - base[k])
    for t, fields in sums.items():
        mean = " ".join(f"{k[:5]} {sum(d) / len(d):+.4f}" for k, d in fields.items())
        print(f"mean delta t={t:.2f}: {mean}")


if __name__ == "__main__":
    main()
