"""Tests of the learned title tagger: candidates, features, picking, training."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from graph.config import Settings
from graph.extract_title_base import TitleFact
from graph.title_features import (
    Candidate,
    Context,
    features_of,
    features_of_all,
    find_candidates,
)
from graph.title_model import MODEL_PATH, TitleModel, load_model, pick_titles
from graph.title_train import Example, fit, gold_keys, title_key, train
from tests.rules_helpers import run_rules


def _features(text: str, span: str, context: Context | None = None) -> list[str]:
    start = text.index(span)
    cand = Candidate(start, start + len(span), span)
    return features_of(text, cand, context or Context())


# --- candidates ---------------------------------------------------------------------


def test_candidates_keep_inner_function_words_and_sub_runs() -> None:
    texts = [c.text for c in find_candidates("Then Anatomy of a Fall won.")]
    assert "Then Anatomy of a Fall" in texts
    assert "Anatomy of a Fall" in texts  # after the sentence-initial word
    assert "Fall" in texts


def test_candidates_include_quoted_phrases() -> None:
    found = find_candidates('She loved "the substance" most.')
    assert [(c.text, c.quoted) for c in found] == [
        ("She", False),
        ("the substance", True),
    ]


def test_candidates_stop_at_a_line_break_and_a_comma() -> None:
    texts = [c.text for c in find_candidates("Past Lives\nGreta Lee, Teo Yoo")]
    assert "Past Lives" in texts and "Greta Lee" in texts
    assert not any("\n" in t or "," in t for t in texts)


# --- features -----------------------------------------------------------------------


def test_features_of_a_title_followed_by_a_comma_and_a_possessive() -> None:
    text = "He returned with Fallen Leaves, Aki Kaurismäki's gentlest film."
    feats = _features(text, "Fallen Leaves")
    assert {"L1=with", "R1=,", "L2=returned with", "film_noun_near"} <= set(feats)
    assert "after_possessive" not in feats


def test_features_of_a_title_after_a_possessive_with_a_year() -> None:
    text = "Next came Aki Kaurismäki's Fallen Leaves (2023), a comedy."
    feats = _features(text, "Fallen Leaves")
    assert {"after_possessive", "paren_year_after", "len=2"} <= set(feats)


def test_features_name_the_shape_not_the_words() -> None:
    feats = _features("We saw The Zone of Interest twice.", "The Zone of Interest")
    assert {"first=article", "inner=of", "len=4"} <= set(feats)
    assert not any("zone" in f or "interest" in f for f in feats)


def test_features_know_people_festivals_and_positions() -> None:
    text = "Cannes opened.\nMara Olsen directs."
    ctx = Context(person_names=frozenset({"mara olsen"}), headline=(0, 14))
    assert {"known=festival", "line_start", "in_headline"} <= set(
        _features(text, "Cannes", ctx)
    )
    assert "is_person_name" in _features(text, "Mara Olsen", ctx)
    assert "in_headline" not in _features(text, "Mara Olsen", ctx)


def test_features_carry_what_another_occurrence_shows() -> None:
    from graph.title_features import features_of_all

    text = 'We loved "Cold Water". Cold Water is long.'
    cands = [c for c in find_candidates(text) if c.text == "Cold Water"]
    plain = features_of_all(text, cands, Context())[1]
    assert "elsewhere=quoted" in plain and "quoted" not in plain


# --- picking ------------------------------------------------------------------------


def test_features_of_the_sentence_and_paragraph() -> None:
    text = "Warm Rain opened.\nLater, Cold Water, Ana Lind's debut, echoes a 1990 film."
    feats = _features(text, "Cold Water")
    assert {"sent_first", "sent_year", "sent_compare", "apposition"} <= set(feats)
    near = _features(text, "Warm Rain")  # near miss: a plain first sentence
    assert not {"sent_year", "sent_compare", "apposition"} & set(near)
    text = "It rained.\nA year on, Cold Water beat Dry Land."
    found = find_candidates(text)
    feats = features_of_all(text, found, Context())
    first = dict(zip([c.text for c in found], feats, strict=True))
    assert "first_run_of_line" in first["Cold Water"]
    assert "first_run_of_line" not in first["Dry Land"]


def test_pick_titles_takes_the_best_non_overlapping_spans_away_from_rules() -> None:
    text = "Cold Water and Warm Rain"
    cands = [Candidate(0, 10, "Cold Water"), Candidate(0, 24, text),
             Candidate(15, 24, "Warm Rain")]  # fmt: skip
    scored = [(cands[0], [], 0.9), (cands[1], [], 0.7), (cands[2], [], 0.8)]
    picked = pick_titles(scored, [], 0.6)
    assert [(t.title, t.rule, t.role) for t in picked] == [
        ("Cold Water", "title_model", "unknown"), ("Warm Rain", "title_model", "unknown")
    ]  # fmt: skip
    rule = TitleFact("Warm Rain", 15, 24, "film.quoted", 0.9)
    assert [t.title for t in pick_titles(scored, [rule], 0.6)] == ["Cold Water"]
    assert pick_titles(scored, [], 0.95) == []


def test_tag_never_proposes_a_person_or_a_character() -> None:
    model = TitleModel({"bias": -5.0, "L1=<s>": 10.0, "R1=in": 10.0}, 0.5)
    text = "Mara Olsen plays Nora in Cold Water."
    assert {t.title for t in model.tag(text, Context(), [])} == {"Mara Olsen", "Nora"}
    ctx = Context(
        person_names=frozenset({"mara olsen"}), character_names=frozenset({"nora"})
    )
    assert model.tag(text, ctx, []) == []  # not even "Mara" alone


def test_tag_leaves_an_original_title_in_parentheses_to_its_film() -> None:
    model = TitleModel({"bias": -5.0, "L1=(": 10.0}, 0.5)
    text = 'We saw "Cold Water" (Kalt Wasser), then Dry Land (Trockenes Land).'
    rule = TitleFact("Cold Water", 8, 18, "film.quoted", 0.9)
    assert [t.title for t in model.tag(text, Context(), [rule])] == [
        "Cold Water",
        "Trockenes Land",  # near miss: "Dry Land" is no rule title
    ]


def test_tag_marks_a_title_the_subject_head_doubts_as_mentioned() -> None:
    model = TitleModel({"bias": -5.0, "L1=saw": 10.0}, 0.5, {"bias": -5.0})
    titles = model.tag("We saw Cold Water.", Context(), [])
    assert [(t.title, t.role) for t in titles] == [("Cold Water", "mentioned")]


def test_tag_never_makes_an_original_title_a_film_of_its_own() -> None:
    model = TitleModel({"bias": -5.0, "quoted": 10.0}, 0.5)
    text = 'Review of Cold Water.\n(Original title: "Kaltes Wasser")\nSee "Dry Land".'
    assert [t.title for t in model.tag(text, Context(), [])] == ["Dry Land"]


def test_tag_leaves_a_prize_winner_to_the_prize_rules() -> None:
    model = TitleModel({"bias": -5.0, "L1=<s>": 10.0}, 0.5, {"bias": -5.0})
    text = (
        "Cold Water, made by a collective of Ana Lind and Bo Berg, won the Jury Prize."
    )
    assert [(t.title, t.role) for t in model.tag(text, Context(), [])] == [
        ("Cold Water", "unknown")  # not "mentioned": a prize report's winner
    ]
    near = "Cold Water, made by Ana Lind, was shown on the last day of the festival."
    assert [(t.title, t.role) for t in model.tag(near, Context(), [])] == [
        ("Cold Water", "mentioned")
    ]


def test_is_prized_skips_an_apposition_but_not_an_old_win() -> None:
    from graph.extract_salience import is_prized

    text = "Dry Land, a first film by Ana Lind, won the Golden Bear on Saturday."
    assert is_prized(text, 0, 8)
    old = "Ana Lind, who already won the jury prize for Dry Land, is back."
    assert not is_prized(old, old.index("Dry"), old.index(", is"))


def test_assemble_with_a_tagger_adds_model_titles(blank_nlp) -> None:  # type: ignore[no-untyped-def]
    model = TitleModel({"bias": -9.0, "L1=with": 12.0}, 0.5, {"bias": 5.0})
    import hashlib

    from graph.extract import assemble
    from graph.extract_nlp import parse_docs
    from graph.models import Review

    text = "We spent a long evening with Cold Water and a pot of tea."
    review = Review("t", text, "test", hashlib.sha256(text.encode()).hexdigest(), "en")
    parsed = parse_docs(blank_nlp, [text], "en")[0]
    found = assemble(review, parsed, model)
    assert "Cold Water" in [f.title for f in found.films]
    # the same text without the tagger: the rules alone (near miss: no model title)
    plain = run_rules(blank_nlp, text)
    assert "Cold Water" not in [f.title for f in plain.films]


# --- model file, training, settings -------------------------------------------------


def test_the_committed_model_loads() -> None:
    model = load_model()
    assert 0 < model.threshold < 1 and len(model.weights) > 100
    assert model.subject_weights
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data == model.to_json()


def test_fit_is_deterministic_and_learns_a_clear_signal() -> None:
    rows = [(["bias", "quoted"], True), (["bias", "L1=the"], False)] * 20
    first, second = fit(rows, 5), fit(rows, 5)
    assert first == second
    assert first["quoted"] > 0 > first["L1=the"]


def test_train_fits_both_heads() -> None:
    cand = Candidate(0, 4, "Cold")
    examples = [
        Example("r", cand, ["bias", "quoted"], True, True),
        Example("r", cand, ["bias", "quoted", "L1=since"], True, False),
        Example("r", cand, ["bias", "L1=the"], False),
    ] * 10
    model = train(examples)
    assert model.probability(["bias", "quoted"]) > model.probability(["bias", "L1=the"])
    assert model.subject_weights["L1=since"] < 0


def test_gold_keys_fold_titles_and_original_titles() -> None:
    gold = {"films": [
        {"title": "Fallen Leaves", "original_title": "Kuolleet lehdet", "role": "subject"},
        {"title": "The Dead Don't Die", "role": "mentioned"},
    ]}  # fmt: skip
    assert gold_keys(gold) == {"fallen leaves", "kuolleet lehdet", "the dead dont die"}
    assert gold_keys(gold, subjects=True) == {"fallen leaves", "kuolleet lehdet"}
    assert title_key("Cléo from 5 to 7") == "cleo from 5 to 7"


def test_settings_switch_the_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REELGRAPH_TITLE_MODEL", raising=False)
    assert Settings.from_env().title_model
    monkeypatch.setenv("REELGRAPH_TITLE_MODEL", "0")
    assert not Settings.from_env().title_model


@pytest.mark.slow
def test_retraining_reproduces_the_committed_weights(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Rebuilding from the open gold sets gives the committed file exactly; when a
    rule or a gold set changes, run ``python -m graph.title_train`` and commit."""
    from graph.title_train import main

    out = tmp_path / "model.json"
    assert main(["--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == MODEL_PATH.read_text(encoding="utf-8")


def test_replace_keeps_the_heads() -> None:
    model = replace(load_model(), threshold=0.9)
    assert model.threshold == 0.9 and model.weights == load_model().weights
