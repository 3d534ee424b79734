"""Find every gazetteer name in a text in one pass (Aho–Corasick automaton).

Names are matched on folded text (case, accents and quotes ignored). Latin
names must stand between word boundaries; Chinese names need none. Where
matches overlap the longest wins, so "Partido Comunista de Cuba" beats "Cuba":
the automaton itself returns leftmost-longest matches (``iter_long``), which
keeps the pass in C; the price is that a longest match cut by a word boundary
hides a shorter one at the same place, which no alias list here relies on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from enlace.gazetteer.entities import Entity
from enlace.gazetteer.text import fold, is_cjk, is_word_char

_MIN_LATIN_LENGTH = 2
# Folded forms that are everyday words: an accented name that folds to one of
# these ("Pará" -> "para") must match with its accents.
_COMMON_WORDS = frozenset(
    "para sur norte este oeste centro union san santa la el los las de del da do das dos a o "
    "e y en em no na con com por sin paz leon rio mar sol costa isla ilha bahia lima cruz "
    "colon merida parana amapa goias piaui ceara maranhao mexico panama peru canada".split()
)


@dataclass(frozen=True, slots=True)
class Match:
    """A stretch of text naming one or more entities (several when ambiguous)."""

    start: int
    end: int
    text: str
    entities: tuple[Entity, ...]


# Words that some gazetteer lists as a place name ("Central" department of
# Paraguay, "Capital" district) but that running text uses as plain words.
_PLACE_KINDS = frozenset({"subdivision", "lac_city", "cn_place", "country"})
_GENERIC_NAMES = frozenset(
    "central capital norte sur este oeste oriente occidente centro litoral nacional federal "
    "national interior metropolitana metropolitan distrito district region provincia province "
    "estado state ciudad city municipio".split()
)


class Matcher:
    """Compiled automaton over all aliases; build once, use on many texts."""

    def __init__(self, aliases: Iterable[tuple[str, Entity]]) -> None:
        table: dict[str, list[tuple[str, Entity]]] = {}
        for alias, entity in aliases:
            alias = alias.strip()
            key = fold(alias)
            if not key or (len(key) < _MIN_LATIN_LENGTH and not is_cjk(key[0])):
                continue
            if key in _GENERIC_NAMES and entity.kind in _PLACE_KINDS:
                continue
            bucket = table.setdefault(key, [])
            if (alias, entity) not in bucket:
                bucket.append((alias, entity))
        self._automaton = ahocorasick.Automaton()
        for key, readings in table.items():
            check_left, check_right = not is_cjk(key[0]), not is_cjk(key[-1])
            self._automaton.add_word(key, (key, len(key), check_left, check_right,
                                           tuple(readings)))
        self._automaton.make_automaton()
        self.size = len(table)

    def find(self, text: str, folded: str | None = None) -> list[Match]:
        """Non-overlapping matches, longest first, in text order.

        ``folded`` is ``fold(text)`` when the caller has it already.
        """
        folded = fold(text) if folded is None else folded
        size = len(folded)
        found: list[Match] = []
        # iter_long yields leftmost-longest matches that do not overlap, in text order
        for end_index, (key, length, check_left, check_right, readings) in \
                self._automaton.iter_long(folded):
            start = end_index - length + 1
            end = end_index + 1
            if check_left and start > 0 and is_word_char(folded[start - 1]):
                continue
            if check_right and end < size and is_word_char(folded[end]):
                continue
            surface = text[start:end]
            if len(readings) == 1:
                alias, entity = readings[0]
                entities = (entity,) if _plausible(alias, surface, key) else ()
            else:
                entities = tuple(dict.fromkeys(
                    entity for alias, entity in readings if _plausible(alias, surface, key)))
            if entities:
                found.append(Match(start, end, surface, entities))
        return found


def _plausible(alias: str, surface: str, key: str) -> bool:
    """Case and accents matter where they tell a name from a word.

    An acronym must be written in capitals ("pt" in running text is not the
    Workers' Party); a capitalised name must be capitalised in the text; an
    accented name whose folded form is a common word must keep its accents.
    """
    if is_cjk(key[0]):
        return True
    if alias.isupper() and len(alias) <= 8:
        return _is_upper(surface)
    if alias[:1].isupper() and not surface[:1].isupper():
        return False
    return not (key in _COMMON_WORDS and alias.lower() != key and surface.lower() != alias.lower())


def _is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= len(letters) - 1
