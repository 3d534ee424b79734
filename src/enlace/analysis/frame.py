"""Events as pandas tables: the one shape every analysis, figure and the report read.

Why a frame layer: the same counts must come out whether the events live in a
SQLite file, PostgreSQL or a list in a test, so every analysis takes an
:class:`EventFrames` and nothing else. Codebook lists (countries,
subdivisions, actors) are exploded into long tables keyed by ``event_id``,
because "events per country" must count an event once per country it names,
while "events per year" must count it once.

Rejected events are left out when loading from a store: a reviewer said they
are not events, and a published figure must not count them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from enlace.codebook import Event

EVENT_COLUMNS = ("event_id", "status", "date", "end_date", "date_start", "date_end", "year", "month",
                 "format", "lac_level", "channel", "content", "activity", "mechanism", "leftist",
                 "venue", "occasion", "summary", "evidence", "n_sources", "lac_countries",
                 "lac_subdivisions", "chinese", "lac", "fields", "outcomes")


@dataclass
class EventFrames:
    """One row per event (``events``) plus long tables for its lists.

    ``records`` keeps the codebook events in the row order of ``events``, for
    the analyses that need an event whole (the actor network).
    """

    events: pd.DataFrame
    countries: pd.DataFrame  # event_id, country
    subdivisions: pd.DataFrame  # event_id, subdivision, country
    actors: pd.DataFrame  # event_id, side ("china" | "lac"), name, type, country
    records: list[Event] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.events)

    def dated(self) -> pd.DataFrame:
        """Events with a date (time analyses cannot place the others)."""
        return self.events[self.events["date"].notna()]


def _row(event_id: int, status: str, event: Event) -> dict[str, Any]:
    from enlace.store.convert import date_bounds

    start, end = date_bounds(event.date, event.end_date)
    return {
        "event_id": event_id, "status": status, "date": event.date, "end_date": event.end_date,
        "date_start": start, "date_end": end,
        "year": int(event.date[:4]) if event.date else None,
        "month": event.date[:7] if event.date and len(event.date) >= 7 else None,
        "format": event.format, "lac_level": event.lac_level, "channel": event.channel,
        "content": event.content, "activity": event.activity, "mechanism": event.mechanism,
        "leftist": bool(event.leftist), "venue": event.venue, "occasion": event.occasion,
        "summary": event.summary, "evidence": event.evidence, "n_sources": len(event.doc_ids),
        "lac_countries": list(event.lac_countries), "lac_subdivisions": list(event.lac_subdivisions),
        "chinese": [a.name for a in event.chinese_actors], "lac": [a.name for a in event.lac_actors],
        "fields": list(event.fields), "outcomes": list(event.outcomes),
    }


def frames_from_events(events: Iterable[Event], ids: Sequence[int] | None = None,
                       statuses: Sequence[str] | None = None) -> EventFrames:
    """Frames of a list of codebook events (ids default to 1, 2, …; status to "machine")."""
    records = list(events)
    ids = list(ids) if ids is not None else list(range(1, len(records) + 1))
    statuses = list(statuses) if statuses is not None else ["machine"] * len(records)
    rows, countries, subdivisions, actors = [], [], [], []
    for event_id, status, event in zip(ids, statuses, records, strict=True):
        rows.append(_row(event_id, status, event))
        countries += [{"event_id": event_id, "country": c} for c in dict.fromkeys(event.lac_countries)]
        subdivisions += [{"event_id": event_id, "subdivision": s, "country": s.split("-")[0]}
                         for s in dict.fromkeys(event.lac_subdivisions)]
        actors += [{"event_id": event_id, "side": "china", "name": a.name, "type": str(a.type),
                    "country": "CN"} for a in event.chinese_actors]
        actors += [{"event_id": event_id, "side": "lac", "name": a.name, "type": str(a.type),
                    "country": a.country} for a in event.lac_actors]
    events_df = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    events_df["year"] = events_df["year"].astype("Int64")
    return EventFrames(
        events=events_df,
        countries=pd.DataFrame(countries, columns=["event_id", "country"]),
        subdivisions=pd.DataFrame(subdivisions, columns=["event_id", "subdivision", "country"]),
        actors=pd.DataFrame(actors, columns=["event_id", "side", "name", "type", "country"]),
        records=records,
    )


def load_frames(db: Any = None, flt: Any = None, include_rejected: bool = False) -> EventFrames:
    """Frames of the events in a store (``db``: an Engine, a URL/path, or None for the default).

    ``flt`` is an :class:`enlace.store.EventFilter`; its ``limit`` is ignored
    (an analysis counts everything that matches).
    """
    from dataclasses import replace

    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from enlace.store import EventFilter, list_events, open_engine

    engine = db if isinstance(db, Engine) else open_engine(db)
    flt = replace(flt or EventFilter(), limit=None, offset=0)
    with Session(engine) as session:
        stored = list_events(session, flt)
    if not include_rejected and not flt.statuses:
        stored = [item for item in stored if item.status != "rejected"]
    from enlace.store.convert import first_day

    # oldest first reads naturally in tables and timelines; undated events last
    stored.sort(key=lambda s: (s.event.date is None, first_day(s.event.date or ""), s.id))
    return frames_from_events([s.event for s in stored], [s.id for s in stored],
                              [s.status for s in stored])
