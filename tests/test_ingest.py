"""Ingest: decoding, cleaning, tables, and one clear failure per bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.ingest import (
    TableOptions,
    decode_bytes,
    detect_headline,
    detect_language,
    html_to_text,
    read_reviews,
    slugify,
)
from graph.models import IngestFailure, Review

TEXT = "Headline: a film\n\nJulia Piaton plays Alice in a village comedy, and it works."


def _one(path: Path) -> Review | IngestFailure:
    items = list(read_reviews([path]))
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(TEXT.encode("utf-8"), TEXT, id="utf8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT, id="utf8-bom"),
        pytest.param(TEXT.encode("utf-16"), TEXT, id="utf16-bom"),
        pytest.param("Amélie, café".encode("cp1252"), "Amélie, café", id="cp1252"),
    ],
)
def test_decode_bytes_reads_common_encodings(data: bytes, expected: str) -> None:
    text, problem = decode_bytes(data)
    assert problem is None
    assert text == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b"  \n\t  ", "only whitespace", id="whitespace"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="binary"),
        pytest.param(b"abc \x81\x8d\x8f\x90 def", "undecodable", id="undecodable"),
    ],
)
def test_bad_files_fail_with_named_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    item = _one(path)
    assert isinstance(item, IngestFailure)
    assert item.source == str(path)
    assert reason in item.reason


def test_missing_path_and_empty_folder_fail(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    items = list(read_reviews([tmp_path / "nope.txt", empty]))
    assert [type(i) for i in items] == [IngestFailure, IngestFailure]
    assert "no such file" in items[0].reason  # type: ignore[union-attr]
    assert "no reviews" in items[1].reason  # type: ignore[union-attr]


def test_batch_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.md").write_text(
        "# Title\n\n*Amélie* is **great**.", encoding="utf-8"
    )
    items = list(read_reviews([tmp_path]))
    kinds = [(type(i).__name__, Path(getattr(i, "source", "")).name) for i in items]
    assert kinds == [
        ("Review", "a.txt"),
        ("IngestFailure", "b.txt"),
        ("Review", "c.md"),
    ]
    assert items[2].text == "Title\n\nAmélie is great."  # type: ignore[union-attr]


def test_html_loses_scripts_and_keeps_metadata() -> None:
    html = """<html lang="fr"><head><title>t</title>
    <meta name="author" content="Ann Critic">
    <meta property="og:site_name" content="Le Site">
    <script>alert("x")</script><style>p{}</style></head>
    <body><nav>Menu</nav><p>Un film &eacute;mouvant &amp; dr&ocirc;le.</p>
    <footer>Leave a comment</footer></body></html>"""
    text, meta = html_to_text(html)
    assert text == "Un film émouvant & drôle."
    assert meta == {"language": "fr", "critic": "Ann Critic", "publication": "Le Site"}


def test_csv_rows_become_reviews_with_context(tmp_path: Path) -> None:
    path = tmp_path / "rt.csv"
    path.write_text(
        "id,critic_name,publisher_name,review_date,review_content\n"
        'r1,Ann,Daily,2020-01-02,"Good, really."\n'
        "r2,Bob,Weekly,2020-01-03,\n",
        encoding="utf-8",
    )
    items = list(read_reviews([path]))
    first = items[0]
    assert isinstance(first, Review)
    assert (first.id, first.critic, first.publication, first.date) == (
        "rt-r1",
        "Ann",
        "Daily",
        "2020-01-02",
    )
    assert isinstance(items[1], IngestFailure)
    assert items[1].source.endswith("#row=2")


def test_jsonl_with_text_column_option(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [{"id": "a", "body_text": "One review."}, {"id": "b", "body_text": "Two."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", "utf-8")
    items = list(read_reviews([path], table=TableOptions(text_column="body_text")))
    assert [getattr(i, "id", None) for i in items[:2]] == ["gold-a", "gold-b"]
    assert isinstance(items[2], IngestFailure)
    assert "line 3 is not JSON" in items[2].reason


def test_jsonl_without_text_column_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": 1, "words": "x"}\n', "utf-8")
    (item,) = list(read_reviews([path]))
    assert isinstance(item, IngestFailure)
    assert "--text-column" in item.reason


def test_review_id_is_stable_and_content_hash_tracks_text(tmp_path: Path) -> None:
    path = tmp_path / "Les Petites Victoires.txt"
    path.write_text(TEXT, encoding="utf-8")
    first = _one(path)
    path.write_text(TEXT + " More.", encoding="utf-8")
    second = _one(path)
    assert isinstance(first, Review) and isinstance(second, Review)
    assert first.id == second.id == "les-petites-victoires"
    assert first.content_hash != second.content_hash


def test_language_and_headline() -> None:
    assert (
        detect_language("Un film tendre et drôle, avec une actrice lumineuse.") == "fr"
    )
    assert detect_language("A tender film with a luminous actress.") == "en"
    assert (
        detect_headline("Cannes 2023: a verdict\n\nBody.") == "Cannes 2023: a verdict"
    )
    assert detect_headline("Just one sentence.\nAnother.") is None


def test_slugify_keeps_non_latin_letters() -> None:
    assert slugify("Parasite (기생충)") == "parasite-기생충"
    assert slugify("!!!").startswith("x")


def test_issue_2_folder_walk_skips_readme_and_licence(tmp_path: Path) -> None:
    (tmp_path / "review.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Samples\n\nTitle (year) list.", "utf-8")
    (tmp_path / "LICENSE.txt").write_text("MIT licence text.", "utf-8")
    items = list(read_reviews([tmp_path]))
    assert [Path(i.source).name for i in items] == ["review.txt"]
    # Named explicitly, a README is read like any review.
    assert isinstance(_one(tmp_path / "README.md"), Review)


def test_utf16_without_bom_in_either_byte_order() -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        text, problem = decode_bytes(TEXT.encode(codec))
        assert problem is None, codec
        assert text == TEXT


def test_slug_title_columns_become_display_titles(tmp_path: Path) -> None:
    path = tmp_path / "audience.csv"
    path.write_text(
        'title,review_text\nouija_origin_of_evil,"Scary."\nthe_rental_2020,"Tense."\n',
        encoding="utf-8",
    )
    titles = [getattr(r, "title", None) for r in read_reviews([path])]
    assert titles == ["Ouija Origin of Evil", "The Rental"]
