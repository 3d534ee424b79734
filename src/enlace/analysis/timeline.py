"""A case timeline: every event of one actor or one LAC subdivision, in date order.

Why: Myers (2020) tells the Jujuy and Coquimbo stories as dated sequences of
visits, signings and investments; an analyst checking such a case needs the
same view from the data, with the evidence to verify each step. The query is
an ISO 3166-2 code ("AR-Y"), a subdivision name ("Jujuy"), or part of an
actor's name ("Guizhou").
"""

from __future__ import annotations

import re

import pandas as pd

from enlace.analysis.frame import EventFrames

_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
COLUMNS = ["event_id", "date", "end_date", "channel", "activity", "chinese", "lac", "subdivisions",
           "outcomes", "summary", "evidence"]


def _subdivision_codes(query: str, frames: EventFrames) -> set[str]:
    """Codes whose ISO name equals the query (case-insensitive), among those in the data."""
    from enlace.io.geo import subdivision_name

    wanted = query.casefold()
    return {code for code in frames.subdivisions["subdivision"].unique()
            if subdivision_name(code).casefold() == wanted}


def matching_event_ids(frames: EventFrames, query: str) -> set[int]:
    """Events of a subdivision (by code or name) or of an actor (by part of its name)."""
    query = query.strip()
    codes = {query.upper()} if _CODE.match(query.upper()) else _subdivision_codes(query, frames)
    ids = set(frames.subdivisions.loc[frames.subdivisions["subdivision"].isin(codes), "event_id"])
    names = frames.actors["name"].str.casefold()
    ids |= set(frames.actors.loc[names.str.contains(query.casefold(), regex=False), "event_id"])
    return ids


def timeline(frames: EventFrames, query: str) -> pd.DataFrame:
    """The matching events oldest first (undated ones last), one row each."""
    ids = matching_event_ids(frames, query)
    events = frames.events[frames.events["event_id"].isin(ids)].copy()
    if events.empty:
        return pd.DataFrame(columns=COLUMNS)
    events["undated"] = events["date_start"].isna()
    events = events.sort_values(["undated", "date_start", "event_id"])
    for column in ("chinese", "lac", "outcomes"):
        events[column] = events[column].map("; ".join)
    events["subdivisions"] = events["lac_subdivisions"].map(", ".join)
    return events[COLUMNS].reset_index(drop=True)
