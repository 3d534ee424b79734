"""Subnational ties: which Chinese province or city engages which LAC subdivision.

Why: Myers (2020) shows that much of China's presence in LAC runs through
provinces and cities — Henan with Coquimbo, Guizhou with Jujuy — via
provincial governments, provincial CCPIT committees and twinning. A tie is a
(Chinese unit, LAC unit) pair with the events linking them; the Chinese unit
is read from the names of the Chinese actors ("Henan Provincial Government",
"Hunan CCPIT", "Xiamen Municipal Government") using the gazetteer's province
and city lists, the LAC unit is the event's subdivision (or, when a Chinese
province meets a LAC national actor, the country).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from enlace.analysis.frame import EventFrames
from enlace.analysis.tables import country_name, subdivision_label

_SUBNATIONAL_NAME = re.compile(r"Provincial|Municipal|CCPIT|People's Congress|Province|City",
                               re.IGNORECASE)
COLUMNS = ["chinese_unit", "chinese_kind", "chinese_province", "lac_unit", "lac_name", "lac_country",
           "lac_kind", "events", "twinning", "first", "last"]


@lru_cache(maxsize=1)
def chinese_units() -> list[tuple[str, str, str]]:
    """(English name, kind "province"|"city", province) of every Chinese unit in the gazetteer,
    longest name first so "Hohhot" is not read as a shorter name inside it."""
    from enlace.gazetteer.entities import read_rows

    units = [(row["name_en"], "province", row["name_en"]) for row in read_rows("chinese_provinces.csv")]
    units += [(row["name_en"], "city", row.get("province", "")) for row in read_rows("chinese_cities.csv")]
    return sorted(units, key=lambda unit: -len(unit[0]))


def chinese_unit(name: str) -> tuple[str, str, str] | None:
    """The Chinese province or city an actor name belongs to, if it names one as a word."""
    for unit, kind, province in chinese_units():
        if re.search(rf"\b{re.escape(unit)}\b", name, re.IGNORECASE):
            return unit, kind, province
    return None


def ties(frames: EventFrames) -> pd.DataFrame:
    """One row per (Chinese unit, LAC unit) pair: events, whether any was a twinning, first and
    last date. Events count when their channel is subnational or a Chinese actor is
    a provincial/municipal body (government, people's congress, CCPIT committee)."""
    rows = []
    for record, row in zip(frames.records, frames.events.itertuples(index=False), strict=True):
        chinese = []
        for actor in record.chinese_actors:
            unit = chinese_unit(actor.name)
            if unit and (record.channel == "subnational" or str(actor.type) == "subnational"
                         or _SUBNATIONAL_NAME.search(actor.name)):
                chinese.append(unit)
        if not chinese:
            continue
        lac = [(code, "subdivision") for code in record.lac_subdivisions]
        lac = lac or [(code, "country") for code in record.lac_countries]
        for unit, kind, province in dict.fromkeys(chinese):
            for code, lac_kind in lac:
                rows.append({"chinese_unit": unit, "chinese_kind": kind, "chinese_province": province,
                             "lac_unit": code, "lac_kind": lac_kind, "event_id": row.event_id,
                             "date_start": row.date_start, "twinning": "twinning" in record.outcomes})
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    long = pd.DataFrame(rows).drop_duplicates(["chinese_unit", "lac_unit", "event_id"])
    table = long.groupby(["chinese_unit", "chinese_kind", "chinese_province", "lac_unit", "lac_kind"]
                         ).agg(events=("event_id", "nunique"), twinning=("twinning", "any"),
                               first=("date_start", "min"), last=("date_start", "max")).reset_index()
    table["lac_country"] = table["lac_unit"].str.split("-").str[0]
    table["lac_name"] = [subdivision_label(code) if kind == "subdivision" else country_name(code)
                         for code, kind in zip(table["lac_unit"], table["lac_kind"], strict=True)]
    table = table.sort_values(["events", "chinese_unit", "lac_unit"], ascending=[False, True, True])
    return table[COLUMNS].reset_index(drop=True)


def twinning_pairs(frames: EventFrames) -> pd.DataFrame:
    """The ties with a twinning (sister-city or sister-province) outcome."""
    table = ties(frames)
    return table[table["twinning"].astype(bool)].reset_index(drop=True)
