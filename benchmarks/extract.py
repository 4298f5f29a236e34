"""Benchmark: extraction throughput against the bare spaCy pipeline, plus weak labels.

Measures reviews/s and words/s of the full extractor (1 and 2 worker processes) and of
the bare spaCy pipeline (``nlp.pipe``, all its components) on the same texts in the
same run, on Rotten Tomatoes critic reviews from ``../shared/reviews`` and on the dev
set. Also prints the weak-label precision: the share of extracted directors/actors of
RT reviews that are among the film's listed ``movie_directors``/``movie_actors``.

Usage:
    python benchmarks/extract.py [--rt N] [--dev tests/data/eval/dev.jsonl]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import time
from pathlib import Path

from graph.config import Settings
from graph.extract import extract_many
from graph.extract_nlp import FALLBACK_EN
from graph.extract_text import fold
from graph.models import Review

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def load_rt(limit: int) -> tuple[list[Review], list[dict[str, str]]]:
    reviews, rows = [], []
    with gzip.open(
        SHARED / "reviews" / "rt_critic_reviews_joined.jsonl.gz", "rt"
    ) as fh:
        for line in fh:
            row = json.loads(line)
            if not row.get("text"):
                continue
            text = row["text"]
            reviews.append(
                Review(
                    id=row["id"],
                    text=text,
                    source="rt",
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    language="en",
                    critic=row.get("critic_name"),
                    publication=row.get("publisher_name"),
                    date=row.get("review_date"),
                    title=row.get("movie_title"),
                )  # fmt: skip
            )
            rows.append(row)
            if len(reviews) >= limit:
                break
    return reviews, rows


def load_dev(path: Path) -> list[Review]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            text = row["text"]
            out.append(
                Review(
                    id=row["id"],
                    text=text,
                    source=str(path),
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                )
            )
    return out


def cpu_seconds() -> float:
    """User+system CPU time of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def time_bare(settings: Settings, texts: list[str]) -> tuple[float, float]:
    import spacy

    try:
        nlp = spacy.load(settings.spacy_en)
    except OSError:
        nlp = spacy.load(FALLBACK_EN)
    list(nlp.pipe(texts[:20]))  # warm-up
    start, cpu = time.perf_counter(), cpu_seconds()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start, cpu_seconds() - cpu


def time_extract(
    settings: Settings, reviews: list[Review], workers: int
) -> tuple[float, float]:
    list(extract_many(reviews[:20], settings=settings, workers=1))  # warm-up (1 proc)
    start, cpu = time.perf_counter(), cpu_seconds()
    for _x in extract_many(reviews, settings=settings, workers=workers):
        pass
    return time.perf_counter() - start, cpu_seconds() - cpu


def _key(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch not in ". ")


def weak_label_precision(reviews: list[Review], rows: list[dict[str, str]]) -> str:
    settings = Settings.from_env()
    hits = {"director": [0, 0], "actor": [0, 0]}
    for x, row in zip(extract_many(reviews, settings=settings), rows, strict=True):
        directors = {_key(n) for n in (row.get("movie_directors") or "").split(",")}
        actors = {_key(n) for n in (row.get("movie_actors") or "").split(",")}
        for film in x.films:
            if film.role != "subject":
                continue
            for d in film.directors:
                hits["director"][1] += 1
                hits["director"][0] += _key(d.name) in directors
            for c in film.cast:
                hits["actor"][1] += 1
                hits["actor"][0] += _key(c.actor) in actors
    parts = []
    for kind, (good, total) in hits.items():
        share = good / total if total else 0.0
        parts.append(f"{kind}s {good}/{total} = {share:.3f}")
    return "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rt", type=int, default=3000, help="RT reviews to use")
    parser.add_argument("--dev", type=Path, default=ROOT / "tests/data/eval/dev.jsonl")
    args = parser.parse_args()
    settings = Settings.from_env()
    rt, rows = load_rt(args.rt)
    sets = [("rt-critic", rt)]
    if args.dev.exists():
        dev = load_dev(args.dev)
        sets.append(("dev x10", dev * 10))
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    print(
        f"{'set':<10} {'what':<18} {'reviews/s':>10} {'words/s':>10} {'ratio':>7} "
        f"{'cpu s':>7}"
    )
    for name, reviews in sets:
        texts = [r.text for r in reviews]
        words = sum(len(t.split()) for t in texts)
        bare, bare_cpu = time_bare(settings, texts)
        one, one_cpu = time_extract(settings, reviews, 1)
        two, two_cpu = time_extract(settings, reviews, 2)
        rows_out = [
            ("bare nlp.pipe", bare, 1.0, bare_cpu, ""),
            ("extract 1 worker", one, bare / one, one_cpu, "x bare"),
            ("extract 2 workers", two, one / two, two_cpu, "x 1 worker"),
        ]
        for what, secs, ratio, cpu, label in rows_out:
            print(
                f"{name:<10} {what:<18} {len(reviews) / secs:10.1f} "
                f"{words / secs:10.0f} {ratio:6.2f} {cpu:7.1f} {label}"
            )
    print(
        f"weak-label precision on {len(rt)} RT reviews: {weak_label_precision(rt, rows)}"
    )


if __name__ == "__main__":
    main()
