"""Shared helper for the rule tests: run the film-domain rules on one short text.

The rule tests parse with ``spacy.blank`` plus a sentencizer (the ``blank_nlp``
fixture), so they check the rules themselves, not a statistical model.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from graph.extract import assemble
from graph.extract_nlp import parse_docs
from graph.models import Extraction, Review

if TYPE_CHECKING:
    from spacy.language import Language


def run_rules(
    nlp: Language, text: str, *, language: str = "en", **fields: Any
) -> Extraction:
    """The extraction of ``text`` as review "t" (``fields``: date, title, critic...)."""
    review = Review(
        id="t", text=text, source="test",
        content_hash=hashlib.sha256(text.encode()).hexdigest(), language=language,
        **fields,
    )  # fmt: skip
    return assemble(review, parse_docs(nlp, [review.text], language)[0])
