"""Which found films a review is about, from its layout, on ``spacy.blank("en")``:
paragraph-topic films of a multi-film text are subjects, comparisons stay mentioned,
and a headline word is no film. Each text is invented here, with a near miss."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rules_helpers import run_rules as run

from graph.extract_salience import (
    film_spots,
    is_compared,
    is_prized,
    paragraph_topics,
)

if TYPE_CHECKING:
    from spacy.language import Language


def _roles(x: Any) -> dict[str, str]:
    return {f.title: f.role for f in x.films}


def test_comparison_words_mark_a_passing_film() -> None:
    text = (
        "I liked it more than Brandt's Salt Road. It owes something to Olsen's "
        "Harbour Lights. Her first feature, Quiet Hours, got her noticed. "
        "Olsen's new film, Cold Water, opens Friday."
    )
    assert is_compared(text, text.index("Salt Road"))
    assert is_compared(text, text.index("Harbour Lights"))
    assert is_compared(text, text.index("Quiet Hours"))
    assert not is_compared(text, text.index("Cold Water"))


def test_a_paragraph_is_about_the_first_film_it_names_then_casts() -> None:
    text = (
        "Head\n\nLike Salt Road, Cold Water is long. Ann Lee plays Mia.\n\n"
        "Harbour Lights is short.\n"
    )
    spots = {
        1: film_spots(text, ["Salt Road"]),
        2: film_spots(text, ["Cold Water"]),
        3: film_spots(text, ["Harbour Lights"]),
    }
    topics = paragraph_topics(text, spots, [text.index("Ann Lee")], body_start=5)
    assert [(t.key, t.followed) for t in topics] == [(2, True), (3, False)]


SEASON = (
    "Repertory | Film\n\n"
    "Four films back on the big screen this spring\n\n"
    "The season opens with Maria Olsen's Harbour Lights (1962), a ferry story. "
    "Ann Lee plays Mia, a singer who waits for news all afternoon.\n\n"
    "Next week brings Tomas Brandt's The Salt Road (1975), three hours in a "
    "kitchen. Eva Stone is Greta, a widow who peels potatoes.\n\n"
    "The season closes with Lena Park's Quiet Hours (1999), set among soldiers. "
    "Paul Dunn plays Marc, a sergeant undone by jealousy.\n"
)


def test_every_film_a_season_introduces_and_casts_is_a_subject(
    blank_nlp: Language,
) -> None:
    roles = _roles(run(blank_nlp, SEASON))
    assert roles.get("Harbour Lights") == "subject"
    assert roles.get("The Salt Road") == "subject"
    assert roles.get("Quiet Hours") == "subject"
    assert "Repertory" not in roles  # a column label, no film


COLUMN = (
    "The long view\n\n"
    "Maria Olsen's new film, Cold Water, opens Friday. Cold Water is her best. "
    "Ann Lee plays Mia, a ferry pilot.\n\n"
    "Her career began with The Ferry (1994), in which Eva Stone plays Greta, "
    "a widow.\n\n"
    "Then came The Salt Road (2006), in which Paul Dunn plays Marc, a soldier.\n\n"
    "Cold Water is at cinemas from Friday.\n"
)


def test_a_single_review_keeps_earlier_films_mentioned(blank_nlp: Language) -> None:
    roles = _roles(run(blank_nlp, COLUMN))
    assert roles.get("Cold Water") == "subject"
    assert roles.get("The Ferry") == "mentioned"
    assert roles.get("The Salt Road") == "mentioned"


OWNED = (
    "Cold Water review\n\n"
    "Maria Olsen's Cold Water opens Friday. Ann Lee plays Mia, a ferry pilot. "
    "Cold Water is her best film.\n\n"
    "Olsen began with The Ferry (1994), a quiet drama in which a widow, Greta "
    "(Eva Stone), runs a boat.\n\n"
    "It is gentler than The Salt Road (2006), a thriller, and Paul Dunn plays "
    "Marc, a soldier. Cold Water is at cinemas from Friday.\n"
)


def test_a_cast_fact_belongs_to_the_film_its_sentence_is_about(
    blank_nlp: Language,
) -> None:
    films = {f.title: f for f in run(blank_nlp, OWNED).films}
    cast = {c.actor for c in films["Cold Water"].cast}
    assert films["Cold Water"].role == "subject"
    assert "Eva Stone" not in cast  # The Ferry's, named before it in its sentence
    assert {"Ann Lee", "Paul Dunn"} <= cast  # "than The Salt Road" owns nothing


def test_this_time_turns_a_sentence_back_to_the_reviewed_film(
    blank_nlp: Language,
) -> None:
    text = OWNED.replace(
        "a quiet drama in which a widow, Greta (Eva Stone), runs a boat",
        "a quiet drama, and this time she gives a widow, Greta (Eva Stone), a boat",
    )
    films = {f.title: f for f in run(blank_nlp, text).films}
    assert "Eva Stone" in {c.actor for c in films["Cold Water"].cast}


LABEL = (
    "THE PERFORMANCE | Columns\n\nAnn Lee, or the art of not explaining\n\n"
    'There is a moment in "Cold Water", which opens on Friday, when Ann Lee looks '
    "away.\n\nI first saw her in Maria Olsen's The Ferry, years ago.\n\n"
    "Cold Water puts that calm on trial. Paul Dunn plays Marc, her lawyer.\n\n"
    "Cold Water is at cinemas from Friday.\n"
)


def test_a_column_label_gives_way_to_the_film_the_body_keeps_naming(
    blank_nlp: Language,
) -> None:
    roles = _roles(run(blank_nlp, LABEL))
    assert roles.get("Cold Water") == "subject"
    assert "THE PERFORMANCE" not in roles
    # named once and never said to open, the film is no match for the headline
    once = (
        LABEL.replace("Cold Water puts", "It puts")
        .replace("Cold Water is at", "It is at")
        .replace("which opens on Friday", "which I saw in May")
    )
    assert _roles(run(blank_nlp, once)).get("Cold Water") != "subject"


def test_a_paragraph_naming_no_film_goes_on_about_the_last_one(
    blank_nlp: Language,
) -> None:
    text = SEASON.replace("a ferry story. Ann Lee", "a ferry story.\n\nAnn Lee")
    assert _roles(run(blank_nlp, text)).get("Harbour Lights") == "subject"
    # a quoted phrase that opens a paragraph is no film to review
    quoted = text.replace(
        "Next week brings Tomas Brandt's The Salt Road (1975)",
        'Next week brings the "White Room"',
    )
    assert _roles(run(blank_nlp, quoted)).get("White Room") != "subject"


PRIZES = (
    'Cannes 2031: "Cold Water" of Maria Olsen, a Grand Prix that breaks the heart\n\n'
    'The young Maria Olsen received the Grand Prix for "Cold Water", ex-aequo with '
    '"Salt Houses" of the French Lena Park.\n\n'
    '"Cold Water" tells of two ferry pilots. Ann Lee is Mia.\n\n'
    'The Palme d\'Or, itself, went to "Quiet Hours" of the Swedish Tomas Brandt, '
    'his second after "The Ferry".\n'
)


def test_every_film_a_prize_report_hands_a_prize_is_a_subject(
    blank_nlp: Language,
) -> None:
    roles = _roles(run(blank_nlp, PRIZES))
    assert roles.get("Salt Houses") == "subject"
    assert roles.get("Quiet Hours") == "subject"
    assert roles.get("The Ferry") != "subject"  # "his second after"


def test_past_prizes_make_no_prize_report() -> None:
    text = (
        "Olsen's last two films were hits: the Palme went to Quiet Hours in 2019, "
        "and The Ferry won the Grand Prix in 2021."
    )
    assert not is_prized(text, text.index("Quiet"), text.index(" in 2019"))
    assert not is_prized(text, text.index("The Ferry"), text.index(" won"))


def test_a_fact_set_beside_a_compared_film_is_that_film_s(
    blank_nlp: Language,
) -> None:
    text = (
        "Cold Water review\n\n"
        "Maria Olsen's Cold Water opens Friday. Cold Water is a ghost story. "
        "It is much less arty than The Ferry, Lena Park's film that everyone will "
        "compare it to. Like The Ferry, it stars Paul Dunn as Marc.\n"
    )
    films = {f.title: f for f in run(blank_nlp, text).films}
    assert {d.name for d in films["Cold Water"].directors} == {"Maria Olsen"}
    assert "Paul Dunn" in {c.actor for c in films["Cold Water"].cast}


def test_a_described_name_opening_the_main_clause_is_no_apposition(
    blank_nlp: Language,
) -> None:
    text = (
        "Cold Water review\n\n"
        "Four years after The Ferry, the Danish director Lena Park returns with "
        "Cold Water. Cold Water is a ghost story, and Cold Water is good.\n"
    )
    films = {f.title: f for f in run(blank_nlp, text).films}
    assert "Lena Park" in {d.name for d in films["Cold Water"].directors}


LEDE = (
    "Venice 2031: a quiet triumph on the Lido\n\n"
    "Cold Water, Maria Olsen's first feature in twelve years, premiered on "
    "Thursday. Ann Lee plays Mia, a ferry pilot.\n\n"
    "Olsen made her name with The Salt Road (1989), in which Eva Stone plays Greta.\n\n"
    "Then came Quiet Hours (1993), with Paul Dunn as Marc, a soldier.\n\n"
    "Cold Water is slower than either, but it is the work of a master.\n"
)


def test_the_lede_s_film_back_in_the_close_makes_a_single_review(
    blank_nlp: Language,
) -> None:
    roles = _roles(run(blank_nlp, LEDE))
    assert roles.get("Cold Water") == "subject"
    assert roles.get("The Salt Road") == "mentioned"
    assert roles.get("Quiet Hours") == "mentioned"
    # without the closing paragraph, three parallel paragraphs: a season
    season = LEDE.replace("Cold Water is slower", "It is slower")
    assert _roles(run(blank_nlp, season)).get("Quiet Hours") == "subject"


def test_a_prize_sentence_hands_its_prize_to_each_film_it_links() -> None:
    text = (
        'The Grand Prix was shared between "Salt Houses" of Lena Park and "The '
        'Ferry" of Tomas Brandt. The prize of the jury goes to "Quiet Hours" and '
        'to "Cold Water". She is the second woman to win it, after Ann Lee for '
        '"Harbour" in 1993.'
    )
    for title in ("Salt Houses", "The Ferry", "Quiet Hours", "Cold Water"):
        at = text.index(title)
        assert is_prized(text, at, at + len(title)), title
    at = text.index("Harbour")
    assert not is_prized(text, at, at + len("Harbour"))


def test_a_lone_winner_whose_paragraph_gives_its_cast_is_a_subject(
    blank_nlp: Language,
) -> None:
    text = (
        'Annecy 2031: the cat of "Cold Water" sweeps the festival\n\n'
        '"Cold Water", the feature of Maria Olsen, left the big winner with four '
        "prizes. The film follows a cat in a flood.\n\n"
        'In the official competition, the top award went to "Salt Houses" of Lena '
        "Park, with Eva Stone (Greta) and Paul Dunn (Marc).\n"
    )
    assert _roles(run(blank_nlp, text)).get("Salt Houses") == "subject"
    bare = text.replace(", with Eva Stone (Greta) and Paul Dunn (Marc)", "")
    assert _roles(run(blank_nlp, bare)).get("Salt Houses") != "subject"


def test_a_title_case_subtitle_after_a_colon_is_part_of_the_title() -> None:
    from graph.extract_subjects import with_subtitle
    from graph.extract_title_base import TitleFact

    text = "The runner-up was Ann Lee's Cold Water: A Harbour Mystery, and more."
    at = text.index("Cold Water")
    fact = TitleFact("Cold Water", at, at + 10, "film.possessive", 0.8)
    assert with_subtitle(text, fact).title == "Cold Water: A Harbour Mystery"
    near = "I saw Ann Lee's Cold Water: Paul Dunn is superb in it."
    at = near.index("Cold Water")
    fact = TitleFact("Cold Water", at, at + 10, "film.possessive", 0.8)
    assert with_subtitle(near, fact).title == "Cold Water"


def test_a_possessive_describing_the_film_before_it_is_no_film() -> None:
    from graph.extract_subjects import drop_descriptors
    from graph.extract_title_base import TitleFact

    def facts(text: str) -> list[TitleFact]:
        a = text.index("Cold Water")
        b = text.index("Oslo")
        return [
            TitleFact("Cold Water", a, a + 10, "film.appositive", 0.8),
            TitleFact(text[b:].split(" and")[0].split(" comedy")[0], b,
                      b + 4, "film.possessive", 0.8),
        ]  # fmt: skip

    text = "Then Cold Water, Ann Lee's Oslo comedy about a woman."
    assert [x.title for x in drop_descriptors(text, facts(text))] == ["Cold Water"]
    listed = "The season has Cold Water, Ann Lee's Oslo and Tom Dunn's Quiet Hours."
    assert len(drop_descriptors(listed, facts(listed))) == 2


def test_old_prizes_of_a_career_column_make_no_palmares(blank_nlp: Language) -> None:
    text = (
        "Ann Lee, the enigma\n\nBy Jo Marsh | 3 April 2024\n\n"
        "In Cold Water, Maria Olsen's new film, which opens on Friday, Ann Lee "
        "plays Mia. Cold Water is a small film.\n\n"
        "She won the Silver Bear for The Ferry (2006) and the Golden Lion for "
        "Quiet Hours (2016), and she still takes the bus.\n\n"
        "Cold Water is at cinemas from Friday.\n"
    )
    roles = _roles(run(blank_nlp, text))
    assert roles.get("Cold Water") == "subject"
    assert roles.get("The Ferry") != "subject"
    assert roles.get("Quiet Hours") != "subject"


def test_a_mentioned_film_of_an_earlier_sentence_owns_nothing() -> None:
    from graph.extract_assemble import FilmDraft
    from graph.extract_owner import sentence_owner
    from graph.extract_people import PersonFact
    from graph.extract_text import Sentence, TextIndex
    from graph.extract_title_base import TitleFact

    text = "Cold Water and Salt Road.\n\nThe Ferry is old. Eva Stone is Greta."
    cold = FilmDraft(TitleFact("Cold Water", 0, 10, "film.list_line", 0.9))
    salt = FilmDraft(TitleFact("Salt Road", 15, 24, "film.list_line", 0.9))
    ferry = FilmDraft(TitleFact("The Ferry", 27, 36, "film.quoted", 0.5, "mentioned"))
    ferry.subject = False
    first, second = text.index("The Ferry"), text.index("Eva")
    index = TextIndex(
        text,
        [
            Sentence(0, 25, text[:25]),
            Sentence(first, second - 1, text[first : second - 1]),
            Sentence(second, len(text), text[second:]),
        ],
    )
    named = {id(cold): [(0, 10)], id(salt): [(15, 24)], id(ferry): [(27, 36)]}
    fact = PersonFact("cast", "Eva Stone", second, second + 9, "cast.is", 0.8)
    assert sentence_owner(text, index, fact, [cold, salt, ferry], named, 2) is None


def test_a_winner_whose_paragraph_gives_its_cast_is_no_passing_mention(
    blank_nlp: Language,
) -> None:
    text = (
        "Lido 2024: a Silver Bear for Lena Berg in Cold Water\n\n"
        "Lena Berg plays Anna in Tom Keane's Cold Water, and Cold Water is hers.\n\n"
        "The Golden Bear went to Mara Olsen's Blue Hour, a drama with Eva Stone "
        "(Greta) and Paul Dunn (Marc).\n"
    )
    roles = _roles(run(blank_nlp, text))
    assert roles.get("Blue Hour") == "subject"
    assert roles.get("Cold Water") == "subject"


def test_and_inside_a_relative_clause_keeps_the_apposition() -> None:
    from graph.extract_owner import _apposed

    assert _apposed(
        " (2016), which premiered at Cannes and brought Ann Lee back alongside "
    )
    assert not _apposed(", and Paul Dunn plays Marc opposite ")
    assert not _apposed(" (2016), which premiered at Cannes, and then starring ")


def test_an_other_makers_film_gives_the_review_s_film_no_director(
    blank_nlp: Language,
) -> None:
    text = (
        "Cold Water review\n\n"
        "Cold Water, directed by Maria Olsen, opens Friday. Ann Lee plays Mia.\n\n"
        "Lena Park's comedy, still one of the great films of the decade, cast her "
        "first. Olsen's film is gentler. Cold Water is a ghost story.\n"
    )
    films = {f.title: f for f in run(blank_nlp, text).films}
    assert {d.name for d in films["Cold Water"].directors} == {"Maria Olsen"}


def test_a_fact_beside_a_cited_title_no_rule_kept_is_dropped(
    blank_nlp: Language,
) -> None:
    text = (
        "Cold Water review\n\n"
        "Maria Olsen's Cold Water opens Friday. Ann Lee plays Mia. Cold Water is "
        "far from the lightness of Night Harbour (1973), with Paul Dunn as a "
        "sailor, and Cold Water is better.\n"
    )
    cast = {c.actor for f in run(blank_nlp, text).films for c in f.cast}
    assert "Ann Lee" in cast
    assert "Paul Dunn" not in cast
