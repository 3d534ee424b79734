"""Find every gazetteer name in a text in one pass (Aho–Corasick automaton).

Names are matched on folded text (case, accents and quotes ignored). Latin
names must stand between word boundaries; Chinese names need none. Where
matches overlap the longest wins, so "Partido Comunista de Cuba" beats "Cuba".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from enlace.gazetteer.entities import Entity
from enlace.gazetteer.text import fold, is_cjk, is_word_char

# Aliases too short or too common to match safely on their own, folded.
_MIN_LATIN_LENGTH = 2


@dataclass(frozen=True, slots=True)
class Match:
    """A stretch of text naming one or more entities (several when ambiguous)."""

    start: int
    end: int
    text: str
    entities: tuple[Entity, ...]


class Matcher:
    """Compiled automaton over all aliases; build once, use on many texts."""

    def __init__(self, aliases: Iterable[tuple[str, Entity]]) -> None:
        table: dict[str, list[Entity]] = {}
        acronyms: set[str] = set()
        for alias, entity in aliases:
            key = fold(alias.strip())
            if not key or (len(key) < _MIN_LATIN_LENGTH and not is_cjk(key[0])):
                continue
            bucket = table.setdefault(key, [])
            if entity not in bucket:
                bucket.append(entity)
            if alias.isupper() and len(alias) <= 8:
                acronyms.add(key)
        self._automaton = ahocorasick.Automaton()
        for key, entities in table.items():
            self._automaton.add_word(key, (key, tuple(entities), key in acronyms))
        self._automaton.make_automaton()
        self.size = len(table)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, longest first, in text order."""
        folded = fold(text)
        candidates: list[tuple[int, int, tuple[Entity, ...]]] = []
        for end_index, (key, entities, acronym) in self._automaton.iter(folded):
            start = end_index - len(key) + 1
            end = end_index + 1
            if not _bounded(folded, start, end, key):
                continue
            if acronym and not _is_upper(text[start:end]):
                continue  # "pt" in running text is not the Workers' Party
            candidates.append((start, end, entities))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int, tuple[Entity, ...]]] = []
        occupied = bytearray(len(text) + 1)
        for start, end, entities in candidates:
            if any(occupied[start:end]):
                continue
            occupied[start:end] = b"\x01" * (end - start)
            taken.append((start, end, entities))
        taken.sort()
        return [Match(s, e, text[s:e], ents) for s, e, ents in taken]


def _bounded(folded: str, start: int, end: int, key: str) -> bool:
    if not is_cjk(key[0]) and start > 0 and is_word_char(folded[start - 1]):
        return False
    return not (not is_cjk(key[-1]) and end < len(folded) and is_word_char(folded[end]))


def _is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= len(letters) - 1
