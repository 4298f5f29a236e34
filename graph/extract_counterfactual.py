"""Extract stage, people: credits said in a counterfactual or negated clause.

A review can name a director the film does not have: "you'd swear it had been
directed by X", "the dullest thriller that wasn't directed by X", "it plays as if
directed by X". :func:`is_counterfactual` tells whether the words just before a
credit phrase (in the same sentence) make it such a clause, so the credit is dropped.
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
