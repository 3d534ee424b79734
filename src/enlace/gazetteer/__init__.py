"""Reference data: LAC countries and subdivisions, Chinese actors, LAC parties.

Loaded once per process (:func:`load_gazetteer`) and matched in one pass over
a text (:class:`Matcher`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from enlace.gazetteer.build import all_aliases, country_words, lac_states
from enlace.gazetteer.entities import DATA_DIR, Entity, GazetteerError, english_country_name
from enlace.gazetteer.matcher import Match, Matcher

__all__ = [
    "Entity",
    "Gazetteer",
    "GazetteerError",
    "Match",
    "Matcher",
    "english_country_name",
    "load_gazetteer",
]


@dataclass
class Gazetteer:
    matcher: Matcher
    lac_countries: dict[str, str]  # iso2 -> state | territory
    country_words: dict[str, frozenset[str]] = field(default_factory=dict)  # folded names

    def names_country(self, folded: str, iso2: str | None) -> bool:
        """Does a (folded) name say which country it belongs to ("Câmara dos Deputados" does not)?"""
        return any(word in folded for word in self.country_words.get(iso2 or "", ()))

    def find(self, text: str, folded: str | None = None) -> list[Match]:
        return self.matcher.find(text, folded)

    def is_lac(self, iso2: str | None) -> bool:
        return iso2 in self.lac_countries


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Build the matcher from the CSV files (cached: build once per process)."""
    return Gazetteer(
        matcher=Matcher(all_aliases(data_dir)),
        lac_countries=lac_states(data_dir),
        country_words=country_words(data_dir),
    )
