"""Extract stage, people resolution: one name per person, no contradictions.

Contract: :func:`resolve_people` takes the raw :class:`~graph.extract_people.PersonFact`
records of a review and returns them with surname-only mentions mapped to the full name
used elsewhere in the review ("Triet's film" -> "Justine Triet"), unresolved surnames
from weak rules dropped, names that are critics, festivals, places, titles or
characters removed, and cast-versus-director conflicts settled by confidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from graph.extract_people import PersonFact
from graph.extract_text import fold

_WEAK_SINGLE = frozenset(
    {
        "director.possessive",
        "director.verb",
        "director.appositive",
        "cast.paren_lookback",
        "cast.paren_surname",
        "cast.plays_surname",
    }
)


def resolve_people(
    facts: Iterable[PersonFact],
    *,
    known_full: Iterable[str] = (),
    not_people: Iterable[str] = (),
    banned: frozenset[str] = frozenset(),
    titles: Iterable[str] = (),
) -> list[PersonFact]:
    """Resolve surnames, drop non-people, settle cast-vs-director conflicts.

    Args:
        facts: the rule output.
        known_full: full names seen elsewhere (e.g. NER persons), for surname lookup.
        not_people: names that are never cast or crew (critic, festivals, titles).
        banned: already folded names that are never cast or crew (gazetteers).
        titles: film titles: never people, but a character may share a film's name
            ("Cillian Murphy as Oppenheimer").
    """
    facts = list(facts)
    banned = frozenset(fold(n) for n in not_people) | banned
    named_films = frozenset(fold(t) for t in titles)
    banned_characters = banned - named_films
    banned |= named_films
    full_names = {fold(f.name): f.name for f in facts if len(f.name.split()) >= 2}
    for name in known_full:
        if len(name.split()) >= 2:
            full_names.setdefault(fold(name), name)

    def resolve(name: str) -> str:
        if len(name.split()) >= 2:
            return full_names.get(fold(name), name)
        key = fold(name)
        hits = {v for k, v in full_names.items() if k.split()[-1] == key}
        if len(hits) != 1:
            hits = {v for k, v in full_names.items() if k.split()[0] == key}
        return hits.pop() if len(hits) == 1 else name

    resolved = [replace(f, name=resolve(f.name)) for f in facts]
    # an unresolved surname from a weak rule ("Lumet's film") names nobody precisely
    resolved = [
        f for f in resolved
        if len(f.name.split()) >= 2 or f.rule not in _WEAK_SINGLE
    ]  # fmt: skip
    resolved = [
        f for f in resolved
        if fold(f.name) not in banned
        and not _PRIZE_WORDS & set(f.name.split())
        and f.name.split()[-1] not in _PRIZE_NOUNS
    ]  # fmt: skip
    # "Veronika Franz and Severin Fiala (Goodnight Mommy)": a director and a title
    crew = {
        fold(f.name) for f in resolved if f.role == "director" and f.confidence >= 0.8
    }
    resolved = [
        f for f in resolved
        if f.rule != "cast.paren_ambiguous"
        or not {fold(f.name), fold(f.character or "")} & crew
    ]  # fmt: skip
    characters = {fold(f.character) for f in resolved if f.character}
    # a weak list rule ("elopes with Duncan Wedderburn, a lawyer played by X") does
    # not make a character an actor
    actors = {
        fold(f.name)
        for f in resolved
        if f.role == "cast"
        and f.rule != "cast.paren_ambiguous"
        and (f.confidence >= 0.75 or f.character)
    }
    # "Full Name (Full Name)" follows the order the review uses elsewhere.
    outside = sum(f.rule == "cast.paren_character" for f in resolved)
    inside = sum(f.rule in {"cast.paren", "cast.paren_lookback"} for f in resolved)
    out: list[PersonFact] = []
    for f in resolved:
        if fold(f.name) in characters and fold(f.name) not in actors:
            continue
        near = _nearest_order(f, resolved)
        flip = (near if near is not None else outside > inside) or bool(
            f.character and fold(f.character) in actors
        )
        if f.rule == "cast.paren_ambiguous" and f.character and flip:
            # "Actor (Character)": the name outside the parentheses is the actor.
            f = replace(f, name=f.character, character=f.name, rule="cast.paren")
        if f.character and (
            fold(f.character) in banned_characters or fold(f.character) == fold(f.name)
        ):
            f = replace(f, character=None)
        out.append(f)
    # "Su-jin (Bae Doona) and her partner (Lee Joo-young)": a character another actor
    # already plays by a stronger rule is not the lookback's character
    claimed = {
        fold(f.character): fold(f.name)
        for f in out
        if f.character and f.rule != "cast.paren_lookback"
    }
    out = [
        replace(f, character=None)
        if f.rule == "cast.paren_lookback"
        and f.character
        and claimed.get(fold(f.character), fold(f.name)) != fold(f.name)
        else f
        for f in out
    ]
    best_director = {fold(f.name): f.confidence for f in out if f.role == "director"}
    best_cast = {fold(f.name): f.confidence for f in out if f.role == "cast"}
    played = {fold(f.name) for f in out if f.role == "cast" and f.character}
    # only an explicit credit ("directed by", "the directorial debut of") makes an
    # actor-director; a job label ("Filmmaker X makes a cameo") or a possessive
    # ("X's Title co-star Y") does not
    credited: dict[str, float] = {}
    for f in out:
        if f.role == "director" and f.rule in _CREDIT_RULES:
            credited[fold(f.name)] = max(credited.get(fold(f.name), 0), f.confidence)
    kept = []
    for f in out:
        key = fold(f.name)
        # two strong statements ("the directorial debut of X, who also co-stars
        # as ...") make an actor-director, listed in both places
        both = best_cast.get(key, 0) >= 0.85 and credited.get(key, 0) >= 0.85
        if (
            f.role == "director"
            and best_cast.get(key, 0) >= f.confidence
            and not (f.confidence >= 0.8 and key in played)
            and not both
        ):
            continue  # an actor with a named role may also direct (here or elsewhere)
        if (
            f.role == "cast"
            and best_director.get(key, 0) > f.confidence
            and not f.character
            and not both
        ):
            continue  # an actor-director keeps the role the review gives him
        kept.append(f)
    return kept


#: Words of prize and festival names: "Best Screenplay" is nobody.
_PRIZE_WORDS = frozenset(
    "Best Prize Award Awards Jury Palme Festival Competition Prix Meilleur".split()
)
#: Last words of prize names: "Golden Lion", "Volpi Cup" won by somebody.
_PRIZE_NOUNS = frozenset(
    "Lion Lions Bear Bears Cup Leopard Shell Globe Globes Palm Camera Medal Osella "
    "Trophy Statuette Oscar Oscars César Césars Goya Bafta BAFTA".split()
)
_CREDIT_RULES = frozenset(
    """director.by director.credit director.debut_of director.collective
    director.hyphen director.film_de director.title_of director.directs_self
    director.who director.who_directed director.did_it director.nth_feature
    director.feature_of""".split()
)
_ORDER_RULES = {"cast.paren_character": True, "cast.paren": False}


def _nearest_order(fact: PersonFact, facts: list[PersonFact]) -> bool | None:
    """For "Full Name (Full Name)": True when the nearest unambiguous parenthesis
    within 200 characters puts the actor outside ("Rachel Weisz (Sarah Churchill)
    and Emma Stone (Abigail)"), False when inside, None when there is none."""
    best: tuple[int, bool] | None = None
    for other in facts:
        order = _ORDER_RULES.get(other.rule)
        distance = abs(other.start - fact.start)
        if (
            order is not None
            and distance <= 200
            and (best is None or distance < best[0])
        ):
            best = (distance, order)
    return best[1] if best else None
