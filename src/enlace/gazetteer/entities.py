"""Reference entities built from the CSV files in ``data/``.

Each CSV row becomes one alias of one :class:`Entity`. Some entities are
generated rather than listed (an embassy per LAC state, a government per
Chinese province or city) because their names follow one pattern.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from enlace.errors import EnlaceError

DATA_DIR = Path(__file__).parent / "data"


class GazetteerError(EnlaceError, ValueError):
    """A reference-data file is malformed; the message names file and row."""


@dataclass(frozen=True)
class Entity:
    """Something the text can name: a country, a place, an organisation."""

    kind: str  # country | demonym | subdivision | lac_city | cn_actor | cn_place | lac_party | lac_org
    key: str  # ISO code or canonical name: what the entity resolves to
    name: str  # display / canonical name
    actor_type: str | None = None  # Channel for Chinese actors, LacActorType for LAC actors
    country: str | None = None  # LAC ISO 3166-1 alpha-2 where relevant
    subdivision: str | None = None  # LAC ISO 3166-2 where relevant
    leftist: bool = False
    extra: tuple[tuple[str, str], ...] = field(default=())

    def get(self, name: str, default: str = "") -> str:
        return dict(self.extra).get(name, default)


def read_rows(name: str, data_dir: Path = DATA_DIR) -> Iterator[dict[str, str]]:
    """Rows of one reference CSV; a missing file yields nothing, a bad row raises."""
    path = data_dir / name
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for number, row in enumerate(reader, start=2):
            if None in row or any(value is None for value in row.values()):
                raise GazetteerError(f"{path}:{number}: wrong number of cells")
            yield {key: (value or "").strip() for key, value in row.items()}


def split_cell(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def english_country_name(iso2: str) -> str:
    """The short English name users write ("Venezuela", not "Venezuela, Bolivarian Republic of")."""
    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return iso2
    name = getattr(country, "common_name", None) or country.name
    return name.split(",")[0].strip()
