"""Our numbers beside the seed studies' published figures (the starter dataset's
``reference_figures.csv``), where the two measure the same thing.

Why an explicit table of measures rather than guessing from the wording: a
figure such as Zhang's "at least 377 CPC–LAC exchanges, 2013–2022" only
compares with *party-channel* events of the same period, counted the same way;
a wrong comparison is worse than none, so a measure without a rule here is
shown without our value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from enlace.analysis.frame import EventFrames

Value = int | float | str | None


def _period(frames: EventFrames, row: dict[str, Any], cumulative: bool = False) -> pd.DataFrame:
    from enlace.store.convert import first_day, last_day

    events = frames.events[frames.events["date_start"].notna()]
    start, end = str(row.get("period_start") or ""), str(row.get("period_end") or "")
    if start and not cumulative:
        events = events[events["date_end"] >= first_day(start[:10])]
    if end:
        events = events[events["date_start"] <= last_day(end[:10])]
    return events


def _party(frames: EventFrames, row: dict[str, Any], cumulative: bool = False) -> pd.DataFrame:
    events = _period(frames, row, cumulative)
    return events[events["channel"] == "party"]


def _in_country(frames: EventFrames, events: pd.DataFrame, row: dict[str, Any]) -> pd.DataFrame:
    country = str(row.get("country") or "").upper()
    if not country:
        return events
    ids = frames.countries.loc[frames.countries["country"] == country, "event_id"]
    return events[events["event_id"].isin(ids)]


def _count(frames: EventFrames, row: dict[str, Any]) -> int:
    return len(_in_country(frames, _party(frames, row), row))


def _bilateral(frames: EventFrames, row: dict[str, Any]) -> int:
    events = _in_country(frames, _party(frames, row), row)
    return int((events["format"] == "bilateral").sum())


def _multilateral(frames: EventFrames, row: dict[str, Any]) -> int:
    return int((_party(frames, row)["format"] == "multilateral").sum())


def _lac_parties(frames: EventFrames, row: dict[str, Any]) -> int:
    ids = _party(frames, row)["event_id"]
    actors = frames.actors
    return actors[actors["event_id"].isin(ids) & (actors["side"] == "lac")
                  & (actors["type"] == "party")]["name"].nunique()


def _countries(frames: EventFrames, row: dict[str, Any]) -> int:
    ids = _party(frames, row)["event_id"]
    return frames.countries[frames.countries["event_id"].isin(ids)]["country"].nunique()


def _peak_year(frames: EventFrames, row: dict[str, Any]) -> Value:
    years = _party(frames, row)["year"].value_counts()
    return int(years.sort_index().idxmax()) if len(years) else None


def _ratio_since(frames: EventFrames, row: dict[str, Any]) -> Value:
    """Yearly rate in the figure's period over the yearly rate 2013 to the year before it."""
    start, end = int(str(row["period_start"])[:4]), int(str(row["period_end"])[:4])
    events = frames.events[frames.events["channel"] == "party"]
    after = events["year"].between(start, end).sum() / (end - start + 1)
    before = events["year"].between(2013, start - 1).sum() / max(1, start - 2013)
    return round(float(after / before), 2) if before else None


def _knowledge_share(frames: EventFrames, row: dict[str, Any]) -> Value:
    events = _in_country(frames, _party(frames, row), row)
    events = events[events["format"] == "bilateral"]
    return round(float((events["content"] == "knowledge_exchange").mean()), 2) if len(events) else None


def _seminars(frames: EventFrames, row: dict[str, Any]) -> int:
    events = _in_country(frames, _party(frames, row, cumulative=True), row)
    return int((events["activity"] == "seminar").sum())


def _twinnings(frames: EventFrames, row: dict[str, Any]) -> int:
    events = _period(frames, row, cumulative=True)
    return int(events["outcomes"].map(lambda o: "twinning" in o).sum())


RULES: dict[str, tuple[str, Callable[[EventFrames, dict[str, Any]], Value]]] = {
    "cpc_lac_exchanges": ("party-channel events in the period", _count),
    "cpc_lac_bilateral_exchanges": ("bilateral party-channel events with the country", _bilateral),
    "cpc_lac_multilateral_exchanges": ("multilateral party-channel events", _multilateral),
    "cpc_bilateral_exchanges_with_non_recognising_states": ("bilateral party-channel events",
                                                            _bilateral),
    "ild_lac_meetings": ("party-channel events in the period", _count),
    "ild_lac_parties_met": ("distinct LAC parties in party-channel events", _lac_parties),
    "ild_lac_countries_met": ("distinct LAC countries in party-channel events", _countries),
    "cpc_lac_exchanges_peak_year": ("year with most party-channel events", _peak_year),
    "cpc_lac_exchanges_ratio_since_2020_to_pre_pandemic": (
        "party-channel events per year in the period / per year 2013 to the year before", _ratio_since),
    "cpc_bilateral_knowledge_exchange_share": ("knowledge-exchange share of bilateral party events",
                                               _knowledge_share),
    "cpc_pcc_theoretical_seminars": ("party-channel seminars with the country, up to the end year",
                                     _seminars),
    "sister_city_agreements_lac": ("events with a twinning outcome, up to the end year", _twinnings),
}


def our_value(frames: EventFrames, row: dict[str, Any]) -> tuple[Value, str]:
    """(our value, how it was counted) for a reference figure; (None, "") when not comparable."""
    rule = RULES.get(str(row.get("measure") or ""))
    if rule is None:
        return None, ""
    how, compute = rule
    return compute(frames, row), how


def reference_comparison(frames: EventFrames, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The studies' figures, each with ``ours`` and ``ours_how`` ("" where not comparable)."""
    out = []
    for row in rows:
        ours, how = our_value(frames, row)
        clean = {k: ("" if v is None or (isinstance(v, float) and pd.isna(v)) else v)
                 for k, v in row.items()}
        out.append({**clean, "ours": "" if ours is None else ours, "ours_how": how})
    return out
