"""Local Wikidata mirror: Wikidata-shaped RDF in an on-disk Oxigraph store.

Contract: :func:`load_mirror` bulk-loads N-Triples / Turtle / N-Quads files
(optionally gzipped) into a folder and builds, once, a normalised-label index beside
the store (``labels.sqlite``: accent-, case-, punctuation- and article-insensitive key
-> the exact labels present). :class:`Mirror` opens such a folder read-only and answers
SPARQL with the same text the public query service gets, returning SPARQL JSON results
bytes, so that :mod:`graph.wikidata` treats a mirror and an HTTP endpoint alike. The
label index is an optimisation that only exists for mirrors: it turns a normalised
mention into the exact literals a ``VALUES`` lookup needs.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sqlite3
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from graph.errors import WikidataError

if TYPE_CHECKING:
    import pyoxigraph as ox

MANIFEST = "reelgraph-mirror.json"
STORE_DIR = "oxigraph"
LABEL_INDEX = "labels.sqlite"

_ARTICLES = frozenset(
    ("the a an le la les l un une des el los las il lo gli der das ein eine").split()
)
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE = re.compile(r"\s+")
_LABEL_PREDICATES = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#altLabel",
)


def fold_label(text: str) -> str:
    """Case-, accent- and punctuation-folded form of a label (articles kept).

    Example:
        >>> fold_label("Amélie  (film)")
        'amelie film'
        >>> fold_label("10,000 B.C.")
        '10 000 bc'
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # periods vanish ("B.C." = "BC"), other punctuation separates words
    folded = stripped.casefold().replace("&", " and ").replace(".", "")
    spaced = _PUNCT.sub(" ", folded)
    return _SPACE.sub(" ", spaced).strip()


def normalise_label(text: str) -> str:
    """The label index key: :func:`fold_label` without one leading article.

    Example:
        >>> normalise_label("The Intouchables")
        'intouchables'
        >>> normalise_label("L'Écume des jours")
        'ecume des jours'
        >>> normalise_label("La La Land")
        'la land'
    """
    words = fold_label(text).split()
    # one article only ("La La Land" is not "Land"); "i" and "die" are left out of
    # the list because English titles use them as words ("I, Monster")
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class MirrorReport:
    """What :func:`load_mirror` did."""

    path: Path
    files: tuple[str, ...]
    triples: int
    labels: int
    seconds: float


def _rdf_format(path: Path) -> ox.RdfFormat:
    import pyoxigraph as ox

    name = path.name.lower().removesuffix(".gz")
    formats = {
        ".nt": ox.RdfFormat.N_TRIPLES,
        ".ttl": ox.RdfFormat.TURTLE,
        ".nq": ox.RdfFormat.N_QUADS,
        ".trig": ox.RdfFormat.TRIG,
    }
    for suffix, fmt in formats.items():
        if name.endswith(suffix):
            return fmt
    raise WikidataError(
        f"Cannot load {path}: unknown RDF format. Use one of "
        f"{', '.join(s + '[.gz]' for s in formats)}."
    )


def _open_input(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        # typeshed types GzipFile as a BufferedIOBase, not IO[bytes]; it is one.
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def load_mirror(files: Sequence[str | Path], *, mirror: str | Path) -> MirrorReport:
    """Bulk-load Wikidata-shaped RDF files into the mirror folder ``mirror``.

    Loading into an existing mirror adds to it; the label index is rebuilt at the end.
    Nothing is left half-done: a new mirror is built in a temporary folder beside
    ``mirror`` and moved into place only when every file has loaded, and files added to
    an existing mirror are parsed once in full before the store is touched.

    Args:
        files: ``.nt``, ``.ttl``, ``.nq`` or ``.trig`` files, each optionally ``.gz``.
        mirror: the mirror folder (created when missing).

    Returns:
        The report: triple count, label index size, seconds.

    Raises:
        WikidataError: a file is missing, has an unknown format or does not parse,
            or ``mirror`` is a folder with other content.
    """
    started = time.perf_counter()
    root = Path(mirror)
    paths = [Path(f) for f in files]
    for path in paths:
        if not path.is_file():
            raise WikidataError(f"Cannot load {path}: no such file.")
        _rdf_format(path)
    if is_mirror(root):
        for path in paths:
            _check_parses(path, root)
        triples, labels = _load_into(root, paths)
    else:
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise WikidataError(
                f"Cannot create a mirror in {root}: it exists and is not a mirror. "
                "Choose a new or empty folder with --mirror, or remove that one."
            )
        building = root.with_name(f".{root.name}.loading")
        shutil.rmtree(building, ignore_errors=True)
        try:
            triples, labels = _load_into(building, paths)
            if root.exists():
                root.rmdir()
            building.replace(root)
        finally:
            shutil.rmtree(building, ignore_errors=True)
    earlier = _manifest_files(root)
    manifest = {
        "files": earlier + [str(p) for p in paths if str(p) not in earlier],
        "triples": triples,
        "labels": labels,
        "loaded": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    (root / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return MirrorReport(
        path=root,
        files=tuple(str(p) for p in paths),
        triples=triples,
        labels=labels,
        seconds=time.perf_counter() - started,
    )


def _manifest_files(root: Path) -> list[str]:
    """The files an existing mirror was loaded from ([] for a new one)."""
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    files = data.get("files") if isinstance(data, dict) else None
    return [str(f) for f in files] if isinstance(files, list) else []


def _check_parses(path: Path, root: Path) -> None:
    """Parse ``path`` in full (nothing stored), so a bad file never half-loads."""
    import pyoxigraph as ox

    try:
        with _open_input(path) as stream:
            for _quad in ox.parse(stream, _rdf_format(path)):
                pass
    except (SyntaxError, OSError, ValueError) as exc:
        raise WikidataError(
            f"Cannot load {path} into {root}: {exc}. The mirror is unchanged."
        ) from exc


def _load_into(folder: Path, paths: list[Path]) -> tuple[int, int]:
    """Bulk-load ``paths`` into the store in ``folder``; (triples, labels indexed)."""
    import pyoxigraph as ox

    folder.mkdir(parents=True, exist_ok=True)
    try:
        store = ox.Store(str(folder / STORE_DIR))
    except OSError as exc:
        raise WikidataError(
            f"Cannot open the mirror store in {folder}: {exc}. "
            "Is another process using it?"
        ) from exc
    for path in paths:
        try:
            with _open_input(path) as stream:
                store.bulk_load(stream, _rdf_format(path))
        except (SyntaxError, OSError, ValueError) as exc:
            raise WikidataError(
                f"Cannot load {path}: {exc}. Nothing was stored."
            ) from exc
    store.flush()
    triples = len(store)
    labels = _build_label_index(store, folder / LABEL_INDEX)
    del store
    return triples, labels


def _label_rows(store: ox.Store) -> Iterable[tuple[str, str]]:
    values = " ".join(f"<{p}>" for p in _LABEL_PREDICATES)
    query = f"SELECT DISTINCT ?l WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?l }}"
    # A SELECT always answers with solutions; the stub cannot see the query form.
    solutions = cast("ox.QuerySolutions", store.query(query))
    for solution in solutions:
        text: str = solution["l"].value
        key = normalise_label(text)
        if key:
            yield key, text


def _build_label_index(store: ox.Store, path: Path) -> int:
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE labels (norm TEXT NOT NULL, label TEXT NOT NULL)")
        con.executemany("INSERT INTO labels VALUES (?, ?)", _label_rows(store))
        con.execute("CREATE INDEX labels_norm ON labels (norm)")
        count = int(con.execute("SELECT COUNT(*) FROM labels").fetchone()[0])
        con.commit()
    finally:
        con.close()
    tmp.replace(path)
    return count


def is_mirror(path: str | Path) -> bool:
    """Whether ``path`` is a folder made by :func:`load_mirror`."""
    return (Path(path) / MANIFEST).is_file()


class Mirror:
    """A mirror folder opened read-only: SPARQL in-process plus the label index."""

    def __init__(self, path: str | Path) -> None:
        """Open the mirror at ``path``.

        Raises:
            WikidataError: the folder is not a mirror or cannot be opened.
        """
        import pyoxigraph as ox

        self.path = Path(path)
        if not is_mirror(self.path):
            raise WikidataError(
                f"{self.path} is not a Wikidata mirror: create it with "
                f"'reelgraph wikidata mirror load FILE... --mirror {self.path}'."
            )
        try:
            self._store = ox.Store.read_only(str(self.path / STORE_DIR))
        except OSError as exc:
            raise WikidataError(f"Cannot open the mirror {self.path}: {exc}") from exc
        self._labels = sqlite3.connect(
            f"file:{self.path / LABEL_INDEX}?mode=ro", uri=True, check_same_thread=False
        )

    def select_json(self, query: str) -> bytes:
        """Run a SELECT query and return SPARQL 1.1 JSON results.

        Raises:
            WikidataError: the query does not parse or is not a SELECT.
        """
        import pyoxigraph as ox

        try:
            result = self._store.query(query)
        except SyntaxError as exc:
            raise WikidataError(
                f"Mirror {self.path} rejected the query: {exc}"
            ) from exc
        if not isinstance(result, ox.QuerySolutions):
            raise WikidataError(
                f"Mirror {self.path}: only SELECT queries are supported."
            )
        body = result.serialize(format=ox.QueryResultsFormat.JSON)
        return bytes(body or b"")

    def lookup_labels(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """Exact labels in the mirror for each normalised key (missing keys omitted)."""
        wanted = sorted({k for k in keys if k})
        found: dict[str, list[str]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._labels.execute(
                f"SELECT norm, label FROM labels WHERE norm IN ({marks})", chunk
            )
            for norm, label in rows:
                found.setdefault(norm, []).append(label)
        return {k: sorted(set(v)) for k, v in found.items()}

    def close(self) -> None:
        """Release the label index (the store closes when garbage collected)."""
        self._labels.close()
