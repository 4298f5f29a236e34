"""Extract stage, ownership: the film a person fact's sentence is about.

Contract: :func:`sentence_owner` gives a director or cast fact with no title of its
own to the film its sentence names last before it (outside a comparison), or to a
film it is set beside in apposition ("than The Babadook, Jennifer Kent's film",
"Old Joy (2006), in which ... played by Daniel London"); in a text of several
reviewed films, to the film its paragraph names last. A new clause, "this time",
or a reviewed film in the same sentence keeps the fact for the review's own film.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract_salience import owner_before, paragraph_start

if TYPE_CHECKING:
    from graph.extract_assemble import FilmDraft
    from graph.extract_people import PersonFact
    from graph.extract_text import TextIndex


#: A possessive right after a name: "Spielberg's ", "Reichardt’s \"".
_POSSESSIVE_AFTER = re.compile(r"(?:'s?|’s?)\s+[\"“]?")


def sentence_owner(
    text: str,
    index: TextIndex,
    fact: PersonFact,
    films: list[FilmDraft],
    named: dict[int, list[tuple[int, int]]],
    n_subjects: int,
) -> str | None:
    """The film a person fact's sentence is about: the film it names last before
    the fact ("First Cow (2019), in which a cook (John Magaro) ..."), or in a text
    of several reviewed films, the film its paragraph names last before it. A
    comparison ("unlike X") owns nothing, and a sentence that also names a reviewed
    film keeps its facts for it.

    Returns:
        The owning film's title, ``None`` when the usual attachment applies, or
        ``""`` when the fact belongs to a cited film that is not kept (drop it).
    """
    m = (
        _POSSESSIVE_AFTER.match(text, fact.start + len(fact.name))
        if text.startswith(fact.name, fact.start)
        else None
    )
    if m and any(a == m.end() for v in named.values() for a, _b in v):
        return None  # "Spielberg's The Fabelmans": the film named after it
    para = paragraph_start(text, fact.start)
    sentence = index.sentence_at(fact.start)
    since = max(para, sentence.start)
    nearest = max(
        ((b, key) for key, v in named.items() for a, b in v
         if since <= a and b <= fact.start),
        default=None,
    )  # fmt: skip
    if nearest is not None and _apposed(text[nearest[0] : fact.start]):
        # "than The Babadook, Jennifer Kent's film": even a comparison owns the
        # facts set right beside it
        near = next(f for f in films if id(f) == nearest[1])
        if near.subject or not any(
            f.subject and _sequel_of(f.title, near.title) for f in films
        ):
            return near.title
    ghost = max(
        ((m.start(), m.end()) for m in _GHOST.finditer(text, since, fact.start)),
        default=None,
    )
    if (
        ghost is not None
        and (nearest is None or not _TAIL.fullmatch(text, nearest[0], ghost[0]))
        and _apposed(text[ghost[1] : fact.start])
    ):
        # beside a cited title no rule kept as a film ("« Trois Mousquetaires »
        # de Richard Lester (1973) avec Michael York", "Night Moves (2013), with
        # Jesse Eisenberg"), not the tail of a known one ("Jeanne Dielman, 23
        # quai du Commerce, 1080 Bruxelles (1975)"): no fact of the review's
        return ""
    key = owner_before(text, fact.start, named, since=since)
    if key is None and n_subjects >= 2:
        key = owner_before(text, fact.start, named, since=para)
    film = next((f for f in films if id(f) == key), None)
    if film is None:
        return None
    if film.subject:
        return film.title
    if any(f.subject and _sequel_of(f.title, film.title) for f in films):
        # "Paddington 2" reviewed, "Paddington" cited: a bare "Paddington" in
        # its sentence is as likely the hero as the first film
        return None
    ends = [b for a, b in named[id(film)] if since <= a and b <= fact.start]
    if not ends:  # a mentioned film of an earlier sentence owns nothing
        return None
    last = max(ends)
    if (
        fact.start - last > _NEAR
        or _NOW.search(text, last, fact.start)
        or any(
            since <= a < sentence.end
            for f in films
            if f.subject
            for a, _b in named[id(f)]
        )
    ):
        return None  # far from it, back to "this time", or beside a reviewed film
    return film.title


def _sequel_of(title: str, first: str) -> bool:
    """True when ``title`` extends ``first`` ("Paddington 2", "Paddington")."""
    return title.casefold().startswith(first.casefold() + " ")


#: A cited title no rule kept: quoted and capitalised, or "Title Words (2013)".
_GHOST = re.compile(
    r"[\"“«]\s*[A-Z0-9][^\"”»\n]{0,60}?\s*[\"”»]"
    r"|\b[A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’-]*|of|the|and|a|in|on|to)){0,6}"
    r"\s+\((?:19|20)\d\d\)"
)


#: The rest of a known title's long form: ", 23 quai du Commerce, 1080 ".
_TAIL = re.compile(r"\s*[,:][^.;()\n]{0,45}")


def _apposed(gap: str) -> bool:
    """True for the text between a film and a fact set beside it: ", " (then
    "Jennifer Kent's film"), "(2017), d'Hubert Charuel, a rural drama, avec ",
    "» de Richard Lester (1973) avec "; not ", le cinéaste belge " before the
    subject of the main clause."""
    if (
        len(gap) > 100
        or _CLAUSE.search(gap)
        or _AND_CLAUSE.search(gap)
        or gap.count(")") > gap.count("(")
    ):
        # "(In the Bedroom, Todd Field, 2001), Field is back": the aside is closed
        return False
    lead = _LEAD.match(gap)
    rest = gap[lead.end() if lead else 0 :]
    if re.fullmatch(r",?\s*", rest):
        return True
    return bool(_LINK_OPEN.match(rest) and _LINK_CLOSE.search(rest))


#: Quotes and a parenthesis right after a title: '" (2011)', " » ".
_LEAD = re.compile(r"\s*[\"”»’']?\s*(?:\([^()]*\)\s*)?")
_LINK_OPEN = re.compile(r"(?:,|by\b|de\b|d'|d’|of\b|with\b|avec\b|starring\b)")
_LINK_CLOSE = re.compile(
    r"(?:\b(?:by|with|avec|starring|featuring|alongside|opposite|in which|where|où|"
    r"as|par)|d'|d’)\s*$"
)
#: A new clause in the gap hands the fact back to its own sentence's film.
_CLAUSE = re.compile(
    r"[;.!?]|\b(?:it|this|the film|le film|but|mais|while|whereas|though|"
    r"here|ici|now)\b",
    re.I,
)
#: "and" opening a new clause (", and ...", "and Sophie Wilde plays"), not "and"
#: inside a relative clause ("which premiered at Sundance and brought Williams").
_AND_CLAUSE = re.compile(
    r",\s*(?:and|et)\b|\b(?:and|et)\s+(?:[A-Z]|(?:it|she|he|they|we|you|i|il|"
    r"elle|ils|elles|on)\b)"
)
#: How far after a mentioned film's title its own cast may come in one sentence.
_NEAR = 200
#: Words that turn a sentence back to the reviewed film ("... she takes us this
#: time to the village, through Alice (Julia Piaton)", "After Tomboy (2011), this
#: is Sciamma's first period film").
_NOW = re.compile(
    r"\b(?:this (?:time|one|film|movie|is)|here|now|the new (?:film|one))\b", re.I
)
