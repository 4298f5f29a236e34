"""Ingest stage: review files -> :class:`graph.models.Review` records.

Reads ``.txt``, ``.md``, ``.html`` files (one review each) and ``.csv`` / ``.jsonl``
files (one review per row), and folders of them. Decoding happens here, before anything
else: UTF-8 (with or without BOM), UTF-16 (BOM), then cp1252. HTML loses its scripts,
styles and page furniture; Markdown loses its markup. Each problem becomes an
:class:`graph.models.IngestFailure` naming the file and the reason; the batch goes on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from graph.models import IngestFailure, Review

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
TABLE_SUFFIXES = frozenset({".csv", ".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | TABLE_SUFFIXES
NOT_REVIEWS = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING"})
"""File stems skipped when walking a folder (name such a file to ingest it anyway)."""
MAX_FILE_BYTES = 50_000_000
"""Files above this size are refused (a review is kilobytes; tables megabytes)."""
MAX_REVIEW_CHARS = 2_000_000
"""A single review above this many characters is refused with a clear message."""

TEXT_COLUMNS = ("text", "review", "review_text", "review_content", "content", "body")
META_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "movie_title", "film", "film_title"),
    "critic": ("critic", "critic_name", "author", "reviewer", "reviewer_name"),
    "publication": ("publication", "publisher", "publisher_name", "outlet"),
    "date": ("date", "review_date", "published"),
    "url": ("url", "link", "review_url"),
    "language": ("language", "lang"),
}


@dataclass(frozen=True)
class TableOptions:
    """How to read ``.csv`` / ``.jsonl`` inputs: which column holds the text."""

    text_column: str | None = None


def read_reviews(
    paths: Iterable[str | Path], *, table: TableOptions | None = None
) -> Iterator[Review | IngestFailure]:
    """Yield a Review per review found under ``paths``, or a failure per bad input.

    Folders are walked recursively (sorted, hidden files skipped) for known suffixes.

    Example:
        >>> [type(r).__name__ for r in read_reviews(["/no/such/file.txt"])]
        ['IngestFailure']
    """
    table = table or TableOptions()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and p.stem.upper() not in NOT_REVIEWS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                yield IngestFailure(
                    str(path),
                    "folder holds no reviews (looked for "
                    + ", ".join(sorted(SUFFIXES))
                    + ")",
                )
            for file in files:
                yield from _read_file(file, table)
        elif path.is_file():
            yield from _read_file(path, table)
        else:
            yield IngestFailure(str(path), "no such file or folder")


def _read_file(path: Path, table: TableOptions) -> Iterator[Review | IngestFailure]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield IngestFailure(
            str(path),
            f"unsupported file type '{suffix or '(none)'}'; use one of "
            + ", ".join(sorted(SUFFIXES)),
        )
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield IngestFailure(
                str(path), f"file is {size:,} bytes, above the {MAX_FILE_BYTES:,} limit"
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestFailure(str(path), f"cannot read: {exc.strerror or exc}")
        return
    text, problem = decode_bytes(data)
    if problem:
        yield IngestFailure(str(path), problem)
        return
    if suffix in TABLE_SUFFIXES:
        yield from _read_table(path, text, table)
        return
    meta: dict[str, str] = {}
    if suffix in {".html", ".htm"}:
        text, meta = html_to_text(text)
    elif suffix in {".md", ".markdown"}:
        text = markdown_to_text(text)
    yield make_review(text, source=str(path), review_id=slugify(path.stem), **meta)


def review_from_bytes(
    data: bytes, *, source: str = "<stdin>", review_id: str = "stdin"
) -> Review | IngestFailure:
    """One plain-text review from raw bytes (standard input, an upload).

    Example:
        >>> review_from_bytes("Amélie".encode("cp1252")).text
        'Amélie'
    """
    text, problem = decode_bytes(data)
    if problem:
        return IngestFailure(source, problem)
    return make_review(text, source=source, review_id=review_id)


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode review bytes; returns ``(text, problem)`` with ``problem`` None when fine.

    Example:
        >>> decode_bytes("café".encode("cp1252"))
        ('café', None)
        >>> decode_bytes(b"\\xef\\xbb\\xbfhello")
        ('hello', None)
        >>> decode_bytes(b"")[1]
        'empty file'
    """
    if not data:
        return "", "empty file"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_text(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            return "", f"broken UTF-16 at byte {exc.start}; re-save the file as UTF-8"
    elif (
        len(data) >= 4
        and max(data[0::2].count(0), data[1::2].count(0)) > len(data) // 4
    ):
        # UTF-16 without a BOM: every other byte of Latin text is NUL (the odd bytes
        # in little-endian, the even ones in big-endian).
        codec = (
            "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        )
        try:
            return _check_text(data.decode(codec))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        return "", "binary file (contains NUL bytes), not a review text"
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError as utf8_error:
        try:
            return _check_text(data.decode("cp1252"))
        except UnicodeDecodeError:
            return "", (
                f"undecodable bytes (not UTF-8, UTF-16 or cp1252; byte "
                f"0x{data[utf8_error.start]:02x} at offset {utf8_error.start}); "
                "re-save the file as UTF-8"
            )


def _check_text(text: str) -> tuple[str, str | None]:
    if not text.strip():
        return text, "file holds only whitespace"
    controls = sum(
        1
        for ch in text[:10_000]
        if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"
    )
    if controls > max(8, len(text[:10_000]) // 20):
        return "", "binary file (mostly control characters), not a review text"
    return text, None


def make_review(
    text: str,
    *,
    source: str,
    review_id: str,
    title: str | None = None,
    critic: str | None = None,
    publication: str | None = None,
    date: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Review | IngestFailure:
    """Normalise ``text`` and wrap it, with its context, in a :class:`Review`."""
    text = normalise_text(text)
    if not text.strip():
        return IngestFailure(source, "no text left after cleaning")
    if len(text) > MAX_REVIEW_CHARS:
        return IngestFailure(
            source,
            f"review is {len(text):,} characters, above the {MAX_REVIEW_CHARS:,} "
            "limit; split it into one file per review",
        )
    return Review(
        id=review_id or "review-" + _digest(text)[:12],
        text=text,
        source=source,
        content_hash=_digest(text),
        language=language or detect_language(text),
        headline=detect_headline(text),
        critic=critic or None,
        publication=publication or None,
        date=date or None,
        url=url or None,
        title=title or None,
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_text(text: str) -> str:
    """NFC, unified newlines, no zero-width or control characters, trimmed ends."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    text = "".join(
        ch if ch in "\n\t" or unicodedata.category(ch) != "Cc" else " " for ch in text
    )
    return text.strip()


def detect_headline(text: str) -> str | None:
    """The first line when it reads as a headline (short, no final full stop)."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if 0 < len(first) <= 200 and not first.endswith((".", "!", "?", ",")):
        rest = text.lstrip()[len(first) :]
        if rest.strip():
            return first
    return None


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to a in is that it with as for his her this by on was but film "
        "are an be from at its which who their have has not".split()
    ),
    "fr": frozenset(
        "le la les de des du et un une est que qui dans pour sur avec pas au aux ce "
        "cette il elle son sa ses film par plus ne se en".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine mit von zu den dem des auf für im sich "
        "auch als wie".split()
    ),
    "es": frozenset(
        "el la los las de y que en un una es por con para del se su al lo como más "
        "pero película".split()
    ),
    "it": frozenset(
        "il lo la gli le di e che un una è per con del della non si nel film sono "
        "come ma".split()
    ),
}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, by stopword share (default ``en``).

    Example:
        >>> detect_language("Le film est une comédie tendre sur la vie d'un village.")
        'fr'
        >>> detect_language("The film is a tender comedy about life in a village.")
        'en'
    """
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if not words:
        return "en"
    scores = {
        lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()
    }
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] > scores["en"] else "en"


# --- HTML and Markdown ---------------------------------------------------------------

_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "footer",
        "header",
        "aside",
        "form",
        "button",
        "svg",
        "iframe",
        "template",
        "select",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "tr",
        "article",
        "section",
        "blockquote",
        "title",
        "figcaption",
        "dd",
        "dt",
    }
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "meta":
            values = {k: v or "" for k, v in attrs}
            key = (values.get("property") or values.get("name") or "").lower()
            content = values.get("content", "").strip()
            if content and key in _HTML_META:
                self.meta.setdefault(_HTML_META[key], content)
        elif tag == "title":
            self._in_title = True
        elif tag == "html":
            lang = dict(attrs).get("lang")
            if lang:
                self.meta.setdefault("language", lang.split("-")[0].lower())
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skip:
            self.parts.append(data)


_HTML_META = {
    "author": "critic",
    "article:author": "critic",
    "og:site_name": "publication",
    "article:published_time": "date",
    "date": "date",
    "og:url": "url",
}


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Visible text of an HTML page, one paragraph per line, plus page metadata.

    Example:
        >>> html_to_text("<p>Hi &amp; bye</p><script>x()</script>")[0]
        'Hi & bye'
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [
        re.sub(r"[ \t\u00a0]+", " ", line).strip()
        for line in "".join(parser.parts).split("\n")
    ]
    text = "\n\n".join(line for line in lines if line)
    meta = dict(parser.meta)
    if "date" in meta:
        meta["date"] = meta["date"][:10]
    return text, meta


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown review: headings, emphasis and link targets removed.

    Example:
        >>> markdown_to_text("# Title\\n**Bold** and [a link](http://x.org).")
        'Title\\nBold and a link.'
    """
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", text)
    return re.sub(r"^\s*>\s?", "", text, flags=re.M)


# --- tables ---------------------------------------------------------------------------


def _read_table(
    path: Path, text: str, table: TableOptions
) -> Iterator[Review | IngestFailure]:
    is_csv = path.suffix.lower() == ".csv"
    rows = _csv_rows(text) if is_csv else _jsonl_rows(text)
    stem = slugify(path.stem)
    found = False
    for number, row, problem in rows:
        source = f"{path}#row={number}"
        if problem or row is None:
            yield IngestFailure(source, problem or "unreadable row")
            continue
        column = table.text_column or next((c for c in TEXT_COLUMNS if c in row), None)
        if column is None or column not in row:
            wanted = table.text_column or ", ".join(TEXT_COLUMNS)
            yield IngestFailure(
                str(path),
                f"no text column (looked for {wanted}; found {', '.join(row)}); "
                "pass --text-column NAME",
            )
            return
        body = str(row.get(column) or "")
        if not body.strip():
            yield IngestFailure(source, f"empty '{column}'")
            continue
        found = True
        row_id = str(row.get("id") or number)
        yield make_review(
            body, source=source, review_id=f"{stem}-{slugify(row_id)}", **_row_meta(row)
        )
    if not found:
        yield IngestFailure(str(path), "table holds no review rows")


def _row_meta(row: dict[str, object]) -> dict[str, str]:
    """Known context columns of a row: the first non-empty alias of each field."""
    meta: dict[str, str] = {}
    for key, names in META_COLUMNS.items():
        value = next((row[n] for n in names if row.get(n) not in (None, "")), None)
        if value is not None:
            meta[key] = str(value)
    if "title" in meta:
        meta["title"] = title_from_slug(meta["title"])
    return meta


_SLUG = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$")
_SMALL_WORDS = frozenset("a an and at by for in of on or the to vs with".split())


def title_from_slug(value: str) -> str:
    """A display title from a URL slug column ("ouija_origin_of_evil"); others as is.

    A trailing year, as sites add to tell remakes apart, is dropped.

    Example:
        >>> title_from_slug("ouija_origin_of_evil")
        'Ouija Origin of Evil'
        >>> title_from_slug("the_rental_2020")
        'The Rental'
        >>> title_from_slug("Past Lives")
        'Past Lives'
    """
    if not _SLUG.match(value):
        return value
    words = value.split("_")
    if len(words) > 1 and re.fullmatch(r"(18|19|20)\d\d", words[-1]):
        words = words[:-1]
    return " ".join(
        w if i and w in _SMALL_WORDS else w.capitalize() for i, w in enumerate(words)
    )


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, object] | None, str | None]]:
    reader = csv.DictReader(io.StringIO(text))
    for number, row in enumerate(reader, start=1):
        yield number, {k: v for k, v in row.items() if k is not None}, None


def _jsonl_rows(
    text: str,
) -> Iterator[tuple[int, dict[str, object] | None, str | None]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield (
                number,
                None,
                f"line {number} is not JSON ({exc.msg}; column {exc.colno})",
            )
            continue
        if not isinstance(value, dict):
            yield number, None, f"line {number} is not a JSON object"
            continue
        yield number, value, None


def slugify(value: str) -> str:
    """A readable, IRI-safe key: casefolded, accents dropped, non-word runs to ``-``.

    Letters of any script are kept; a value with no letters or digits becomes a hash.

    Example:
        >>> slugify("Les Petites Victoires")
        'les-petites-victoires'
        >>> slugify("Amélie (2001)")
        'amelie-2001'
    """
    folded = unicodedata.normalize("NFKD", value.casefold())
    folded = unicodedata.normalize(
        "NFC", "".join(ch for ch in folded if not unicodedata.combining(ch))
    )
    slug = re.sub(r"[\W_]+", "-", folded).strip("-")
    if not slug:
        slug = "x" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:12]
    return slug[:120]
