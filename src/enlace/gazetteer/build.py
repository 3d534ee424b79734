"""Turn the reference CSVs into (alias, entity) pairs for the matcher."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from pathlib import Path

import pycountry

from enlace.gazetteer.entities import (
    DATA_DIR,
    Entity,
    english_country_name,
    read_rows,
    split_cell,
)
from enlace.gazetteer.text import fold

Alias = tuple[str, Entity]

_PROVINCE_GOVERNMENT = {
    "province": "{} Provincial Government",
    "municipality": "{} Municipal Government",
    "autonomous_region": "{} Regional Government",
    "sar": "{} SAR Government",
}
_CITY_GOVERNMENT = {
    "city": "{} Municipal Government",
    "county": "{} County Government",
    "district": "{} District Government",
}
_PLACE_SUFFIXES = {
    "province": ("Province", "省"),
    "municipality": ("Municipality", "市"),
    "autonomous_region": ("Autonomous Region", "自治区"),
    "sar": ("SAR", "特别行政区"),
    "city": ("City", "市"),
    "county": ("County", "县"),
    "district": ("District", "区"),
}


def lac_states(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """LAC ISO codes mapped to their status (state or territory)."""
    return {row["iso2"]: row["status"] for row in read_rows("lac_countries.csv", data_dir)}


def country_words(data_dir: Path = DATA_DIR) -> dict[str, frozenset[str]]:
    """Folded names and demonyms of each LAC country, stems of four letters or more."""
    words: dict[str, set[str]] = {}
    for row in read_rows("lac_countries.csv", data_dir):
        alias = fold(row["alias"])
        if len(alias) >= 4 or not alias.isascii():
            words.setdefault(row["iso2"], set()).add(alias)
    return {iso2: frozenset(found) for iso2, found in words.items()}


def country_aliases(data_dir: Path = DATA_DIR) -> Iterator[Alias]:
    for row in read_rows("lac_countries.csv", data_dir):
        iso2 = row["iso2"]
        kind = "demonym" if row["kind"] == "demonym" else "country"
        entity = Entity(kind=kind, key=iso2, name=english_country_name(iso2), country=iso2)
        yield row["alias"], entity


def subdivision_aliases(countries: set[str], data_dir: Path = DATA_DIR) -> Iterator[Alias]:
    """ISO 3166-2 names from pycountry, then the listed variants and cities."""
    names: dict[str, str] = {}
    for iso2 in sorted(countries):
        for sub in pycountry.subdivisions.get(country_code=iso2) or []:
            if sub.parent_code:
                continue  # first-level units only
            names[sub.code] = sub.name
            yield sub.name, _subdivision(sub.code, sub.name)
    for row in read_rows("lac_subdivision_aliases.csv", data_dir):
        code = row["code"]
        yield row["alias"], _subdivision(code, names.get(code, row["alias"]))
    for row in read_rows("lac_cities.csv", data_dir):
        code = row["subdivision"]
        entity = Entity(
            kind="lac_city",
            key=code,
            name=row["city"],
            country=row["country"],
            subdivision=code,
        )
        yield row["alias"], entity


def _subdivision(code: str, name: str) -> Entity:
    return Entity(kind="subdivision", key=code, name=name, country=code[:2], subdivision=code)


def chinese_actor_aliases(data_dir: Path = DATA_DIR) -> Iterator[Alias]:
    for row in read_rows("chinese_actors.csv", data_dir):
        entity = Entity(kind="cn_actor", key=row["canonical"], name=row["canonical"],
                        actor_type=row["type"])
        yield row["alias"], entity


def chinese_place_aliases(data_dir: Path = DATA_DIR) -> Iterator[Alias]:
    """Provinces and cities: places, and through them their governments."""
    for row in read_rows("chinese_provinces.csv", data_dir):
        template = _PROVINCE_GOVERNMENT.get(row["kind"])
        if template is None:  # Taiwan: not a Chinese actor under the codebook
            continue
        yield from _place(row, row["kind"], template.format(row["name_en"]), row["name_en"])
    for row in read_rows("chinese_cities.csv", data_dir):
        template = _CITY_GOVERNMENT.get(row["kind"], "{} Municipal Government")
        yield from _place(row, row["kind"], template.format(row["name_en"]), row["province"])


def _place(row: dict[str, str], kind: str, government: str, province: str) -> Iterator[Alias]:
    entity = Entity(
        kind="cn_place",
        key=government,
        name=row["name_en"],
        actor_type="subnational",
        extra=(("place_kind", kind), ("province", province)),
    )
    suffix_en, suffix_zh = _PLACE_SUFFIXES.get(kind, ("", ""))
    names = [row["name_en"], *split_cell(row["aliases"])]
    for name in names:
        yield name, entity
        if suffix_en:
            yield f"{name} {suffix_en}", entity
    if row["name_zh"]:
        yield row["name_zh"], entity
        if suffix_zh and not row["name_zh"].endswith(suffix_zh):
            yield row["name_zh"] + suffix_zh, entity


def embassy_aliases(data_dir: Path = DATA_DIR) -> Iterator[Alias]:
    """"Embassy of China in <state>" for every LAC state, in the four languages."""
    names: dict[str, dict[str, list[str]]] = {}
    for row in read_rows("lac_countries.csv", data_dir):
        if row["status"] == "state" and row["kind"] == "name":
            names.setdefault(row["iso2"], {}).setdefault(row["lang"], []).append(row["alias"])
    for iso2, by_lang in sorted(names.items()):
        canonical = f"Embassy of China in {english_country_name(iso2)}"
        entity = Entity(kind="cn_actor", key=canonical, name=canonical, actor_type="state",
                        country=iso2, extra=(("role", "embassy"),))
        for name in by_lang.get("en", []):
            for pattern in (
                "Embassy of China in {}", "Chinese Embassy in {}", "Chinese Embassy to {}",
                "Embassy of the People's Republic of China in {}", "Chinese Ambassador to {}",
                "Ambassador of China to {}", "China's Ambassador to {}",
                "Chinese Ambassador in {}", "ambassador to {}",
            ):
                yield pattern.format(name), entity
        for name in by_lang.get("es", []):
            for pattern in (
                "Embajada de China en {}", "Embajada china en {}",
                "Embajada de la República Popular China en {}", "embajador de China en {}",
                "embajador chino en {}", "embajadora de China en {}",
                "embajador de la República Popular China en {}",
            ):
                yield pattern.format(name), entity
        for name in by_lang.get("pt", []):
            for pattern in (
                "Embaixada da China em {}", "Embaixada da China no {}", "Embaixada da China na {}",
                "Embaixada chinesa em {}", "Embaixada chinesa no {}",
                "embaixador da China em {}", "embaixador da China no {}",
                "embaixador chinês em {}", "embaixador chinês no {}",
            ):
                yield pattern.format(name), entity
        for name in by_lang.get("zh", []):
            for pattern in ("中国驻{}大使馆", "驻{}使馆", "中国驻{}大使", "驻{}大使"):
                yield pattern.format(name), entity


def lac_party_aliases(data_dir: Path = DATA_DIR) -> Iterator[Alias]:
    for row in read_rows("lac_parties.csv", data_dir):
        entity = Entity(
            kind="lac_party",
            key=row["canonical"],
            name=row["canonical"],
            actor_type="party",
            country=row["country"] or None,
            leftist=row["leftist"].lower() == "true",
            extra=(("ideology", row["ideology"]), ("acronym", row["acronym"])),
        )
        names = [row["canonical"], row["original_name"], *split_cell(row["aliases"])]
        for name in names:
            if name:
                yield name, entity
        if row["acronym"]:
            yield row["acronym"], Entity(**{**entity.__dict__, "extra": entity.extra + (
                ("is_acronym", "1"),)})


def lac_organisation_aliases(data_dir: Path = DATA_DIR) -> Iterator[Alias]:
    for row in read_rows("lac_organisations.csv", data_dir):
        leftist = "sao paulo" in row["canonical"].lower() or "são paulo" in row["canonical"].lower()
        entity = Entity(kind="lac_org", key=row["canonical"], name=row["canonical"],
                        actor_type=row["type"], country=row["country"] or None, leftist=leftist)
        yield row["alias"], entity


def foreign_country_aliases(lac: set[str]) -> Iterator[Alias]:
    """Countries outside LAC and China, in the four languages (pycountry's translations).

    A sentence about Spain or South Africa is not about the LAC country the
    document mentions elsewhere; knowing these names lets extraction tell.
    """
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("es", "pt", "zh_CN")
    ]
    for country in pycountry.countries:
        if country.alpha_2 in lac or country.alpha_2 in ("CN", "HK", "MO", "TW"):
            continue
        entity = Entity(kind="foreign_country", key=country.alpha_2, name=country.name,
                        country=country.alpha_2)
        names = {country.name, getattr(country, "common_name", country.name)}
        names |= {t.gettext(country.name) for t in translations}
        for name in names:
            if len(name) >= 4 and "," not in name:
                yield name, entity


def all_aliases(data_dir: Path = DATA_DIR) -> Iterator[Alias]:
    states = lac_states(data_dir)
    yield from foreign_country_aliases(set(states))
    yield from country_aliases(data_dir)
    yield from subdivision_aliases(set(states), data_dir)
    yield from chinese_actor_aliases(data_dir)
    yield from chinese_place_aliases(data_dir)
    yield from embassy_aliases(data_dir)
    yield from lac_party_aliases(data_dir)
    yield from lac_organisation_aliases(data_dir)
