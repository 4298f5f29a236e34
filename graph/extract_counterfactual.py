"""Extract stage, people: credits said in a counterfactual or negated clause.

A review can name a director the film does not have: "you'd swear it had been
directed by X", "the dullest thriller that wasn't directed by X", "it plays as if
directed by X". :func:`is_counterfactual` tells whether the words just before a
credit phrase (in the same sentence) make it such a clause, so the credit is dropped.
:func:`is_source_author` tells a possessive that names a source's author: "made
from X's novel".
"""

from __future__ import annotations

import re

_HEDGE = re.compile(
    r"(?:n't|\bnot|\bnever|\bswear|\bas\s+if|\bas\s+though|\bwould|\bshould|"
    r"\b(?:you|we|i|they)'d|\bpretend\w*|\bimagine\w*)"
    r"(?:\s+(?:have|has|had|been|be|it|this|that|he|she|they|was|were|is|just|"
    r"actually|really|ever|also|even|quite|somehow))*\s*$",
    re.I,
)


def is_counterfactual(text: str, start: int) -> bool:
    """True when the credit at ``start`` sits in a negated or wished-for clause."""
    before = text[max(0, start - 60) : start]
    before = re.split(r"[.!?;:\n]", before)[-1]
    return bool(_HEDGE.search(before))


_ADAPTED_FROM = re.compile(
    r"\b(?:made|adapted|based|taken|drawn)\s+(?:on|from)\s+$", re.I
)


def is_source_author(text: str, start: int) -> bool:
    """True when the possessive name at ``start`` follows "adapted from", "based on"."""
    return bool(_ADAPTED_FROM.search(text[max(0, start - 30) : start]))
