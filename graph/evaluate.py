"""Evaluate stage: score the extractor against a gold file, per field (P/R/F1).

Contract: a gold file is JSON Lines, one ``{"id", "text", "gold"}`` object per review,
``gold`` in the shape of ``reelgraph extract --format json`` (optional keys ``title``,
``headline``, ``critic``, ``publication``, ``date``, ``language`` give the input's
known context). :func:`evaluate_gold` extracts every review and counts, per field,
true positives, false positives and false negatives summed over reviews (micro
average), then reports the macro F1 over the core fields. Names match case- and
accent-insensitively; festivals match through their aliases; themes match when the
content words of one contain the other's.

Fields: ``films_about`` (titles or original titles of the films the review is about),
``directors`` and ``cast`` (of those films), ``pairs`` (actor with character),
``festival_year`` (festival with edition year, when gold gives the year); and, where
the gold has any, ``release_date``, ``themes``, ``places``, ``verdict``, and the
review's ``critic``, ``publication`` and ``review_date``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import GraphError
from graph.extract_festivals import canonical_festival
from graph.extract_text import fold
from graph.models import Review

if TYPE_CHECKING:
    from graph.extract import Extractor

CORE_FIELDS = ("films_about", "directors", "cast", "pairs", "festival_year")
EXTRA_FIELDS = (
    "release_date", "themes", "places", "verdict", "critic", "publication",
    "review_date",
)  # fmt: skip
_STOP = {"the", "a", "an", "of", "in", "and", "le", "la", "les", "de", "du", "des"}


@dataclass(frozen=True)
class FieldScore:
    """Counts and scores of one field."""

    name: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """How many gold items the field has."""
        return self.tp + self.fn


@dataclass(frozen=True)
class Miss:
    """One review's disagreement on one field (for error analysis)."""

    review_id: str
    field: str
    missing: tuple[str, ...]
    extra: tuple[str, ...]


@dataclass(frozen=True)
class EvalReport:
    """Per-field scores, the macro F1 over the core fields, and the disagreements."""

    fields: tuple[FieldScore, ...]
    reviews: int
    misses: tuple[Miss, ...] = field(default=(), compare=False)

    @property
    def macro_f1(self) -> float:
        """Mean F1 of the core fields."""
        core = [f.f1 for f in self.fields if f.name in CORE_FIELDS]
        return sum(core) / len(core) if core else 0.0

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (``reelgraph evaluate --format json``)."""
        return {
            "reviews": self.reviews,
            "macro_f1": round(self.macro_f1, 4),
            "fields": {
                f.name: {
                    "precision": round(f.precision, 4),
                    "recall": round(f.recall, 4),
                    "f1": round(f.f1, 4),
                    "tp": f.tp,
                    "fp": f.fp,
                    "fn": f.fn,
                }
                for f in self.fields
            },
            "misses": [
                {
                    "id": m.review_id,
                    "field": m.field,
                    "missing": m.missing,
                    "extra": m.extra,
                }
                for m in self.misses
            ],
        }


def _title_key(title: str | None) -> str:
    return re.sub(r"[^\w ]", "", fold(title or "")).strip()


def _name(name: str) -> str:
    return fold(name).replace(".", "").strip()


def _content(label: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(label)) if w not in _STOP}


def _theme_match(a: str, b: str) -> bool:
    x, y = _content(a), _content(b)
    return bool(x and y) and (x <= y or y <= x or len(x & y) / len(x | y) >= 0.5)


def _subjects(films: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in films if f.get("role", "subject") == "subject"]


def _items(data: dict[str, Any], name: str) -> list[Any]:
    films = _subjects(data.get("films") or [])
    if name == "films_about":
        return [
            frozenset(
                k
                for k in (
                    _title_key(f.get("title")),
                    _title_key(f.get("original_title")),
                )
                if k
            )
            for f in films
        ]
    if name == "directors":
        return sorted(
            {_name(d["name"]) for f in films for d in f.get("directors") or []}
        )
    if name == "cast":
        return sorted({_name(c["actor"]) for f in films for c in f.get("cast") or []})
    if name == "pairs":
        return sorted(
            {(_name(c["actor"]), _name(c["character"])) for f in films
             for c in f.get("cast") or [] if c.get("character")}
        )  # fmt: skip
    if name == "festival_year":
        return sorted(
            {(fold(canonical_festival(x["name"])), x["year"]) for f in films
             for x in f.get("festivals") or [] if x.get("year")}
        )  # fmt: skip
    if name == "release_date":
        return sorted({f["release_date"] for f in films if f.get("release_date")})
    if name == "themes":
        return sorted({t for f in films for t in f.get("themes") or []})
    if name == "places":
        return sorted({fold(p if isinstance(p, str) else p["name"]) for f in films
                       for p in f.get("places") or []})  # fmt: skip
    if name in {"verdict", "critic", "publication", "review_date"}:
        key = "date" if name == "review_date" else name
        value = (data.get("review") or {}).get(key)
        return (
            [fold(value) if name in {"critic", "publication"} else value]
            if value
            else []
        )
    raise ValueError(f"unknown field {name!r}")


def _match(name: str) -> Callable[[Any, Any], bool]:
    if name == "films_about":
        return lambda g, p: bool(g & p)
    if name == "themes":
        return _theme_match
    if name == "pairs":
        return lambda g, p: g[0] == p[0] and (
            g[1] == p[1] or set(p[1].split()) <= set(g[1].split())
            or set(g[1].split()) <= set(p[1].split())
        )  # fmt: skip
    return lambda g, p: g == p


def score_pair(
    gold: dict[str, Any], predicted: dict[str, Any], name: str
) -> tuple[int, list[Any], list[Any]]:
    """Greedy one-to-one matching: ``(tp, missing gold, extra predicted)``."""
    gold_items, pred_items = _items(gold, name), _items(predicted, name)
    match = _match(name)
    left = list(pred_items)
    missing = []
    tp = 0
    for g in gold_items:
        hit = next((p for p in left if match(g, p)), None)
        if hit is None:
            missing.append(g)
        else:
            left.remove(hit)
            tp += 1
    return tp, missing, left


def read_gold(path: str | Path) -> list[tuple[Review, dict[str, Any]]]:
    """Read a gold JSONL file into ``(Review, gold dict)`` pairs.

    Raises:
        GraphError: the file is missing or empty, or a line is not a gold object
            (names the line).
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GraphError(f"cannot read gold file {path}: {exc.strerror}") from exc
    out = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text, gold = row["text"], row["gold"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GraphError(
                f"{path}:{number}: not a gold line ({exc}); expected an object with "
                '"id", "text" and "gold"'
            ) from exc
        review = Review(
            id=str(row.get("id", f"line-{number}")),
            text=text,
            source=f"{path}#line={number}",
            content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            language=row.get("language"),
            headline=row.get("headline"),
            critic=row.get("critic"),
            publication=row.get("publication"),
            date=row.get("date"),
            title=row.get("title"),
        )
        out.append((review, gold))
    if not out:
        raise GraphError(
            f"{path} holds no gold reviews; expected one JSON object per line with "
            '"id", "text" and "gold"'
        )
    return out


def score_reviews(
    pairs: Iterable[tuple[str, dict[str, Any], dict[str, Any]]],
) -> EvalReport:
    """Score ``(review id, gold, predicted)`` triples (extract JSON shape)."""
    counts = {n: [0, 0, 0] for n in CORE_FIELDS + EXTRA_FIELDS}
    misses: list[Miss] = []
    reviews = 0
    for review_id, gold, predicted in pairs:
        reviews += 1
        for name in counts:
            tp, missing, extra = score_pair(gold, predicted, name)
            counts[name][0] += tp
            counts[name][1] += len(extra)
            counts[name][2] += len(missing)
            if missing or extra:
                misses.append(
                    Miss(
                        review_id,
                        name,
                        tuple(map(_show, missing)),
                        tuple(map(_show, extra)),
                    )
                )
    fields = tuple(
        FieldScore(n, *counts[n]) for n in CORE_FIELDS + EXTRA_FIELDS
        if n in CORE_FIELDS or counts[n][0] + counts[n][2] > 0
    )  # fmt: skip
    return EvalReport(fields, reviews, tuple(misses))


def _show(item: Any) -> str:
    if isinstance(item, frozenset):
        return " / ".join(sorted(item))
    if isinstance(item, tuple):
        return " as ".join(str(x) for x in item)
    return str(item)


def evaluate_gold(
    path: str | Path | Sequence[str | Path], *, extractor: Extractor
) -> EvalReport:
    """Extract every review of one or more gold files and score them per field.

    Several files are pooled: their reviews are counted together, so the scores are
    those of one file holding all of them (review ids should differ across files).

    Args:
        path: a JSONL gold file (see the module docstring), or a sequence of them.
        extractor: the extractor to score.

    Returns:
        The report: per-field P/R/F1, macro F1 over the core fields, disagreements.
    """
    paths = [path] if isinstance(path, str | Path) else list(path)
    rows = [row for p in paths for row in read_gold(p)]
    extractions = extractor.extract_batch([review for review, _gold in rows])
    return score_reviews(
        (review.id, gold, x.to_json())
        for (review, gold), x in zip(rows, extractions, strict=True)
    )
