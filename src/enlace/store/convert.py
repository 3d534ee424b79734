"""Between codebook ``Event`` objects and ``events`` rows.

Why a module of its own: ingest, queries and review all need the same mapping,
and the same notion of what calendar range a partial date covers (``2023-05``
means any day of May 2023), which drives both date filters and de-duplication.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from enlace.codebook import Event
from enlace.store.models import EventRecord

SCALARS = ("date", "end_date", "format", "lac_level", "channel", "content", "activity",
           "mechanism", "leftist", "venue", "occasion", "summary", "evidence")
LISTS = ("lac_countries", "lac_subdivisions", "chinese_actors", "lac_actors", "fields", "outcomes")
CODED_FIELDS = SCALARS + LISTS


def first_day(value: str) -> str:
    """First calendar day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean."""
    if len(value) == 4:
        return f"{value}-01-01"
    if len(value) == 7:
        return f"{value}-01"
    return value


def last_day(value: str) -> str:
    """Last calendar day a partial date can mean."""
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def date_bounds(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """(first, last) day covered by an event's date and optional end_date."""
    if not start:
        return None, None
    return first_day(start), last_day(end or start)


def shift(day: str, days: int) -> str:
    """An ISO day moved by ``days`` (the dedupe window's publication lag)."""
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def event_columns(event: Event) -> dict[str, Any]:
    """Column values of an ``events`` row for a codebook event (no status/timestamps)."""
    data = event.interchange()
    values = {name: data[name] for name in CODED_FIELDS}
    values["date_start"], values["date_end"] = date_bounds(event.date, event.end_date)
    return values


def record_event(record: EventRecord, doc_ids: list[str] | None = None) -> Event:
    """The codebook event a row stands for, naming its source documents."""
    data = {name: getattr(record, name) for name in CODED_FIELDS}
    data["doc_ids"] = list(doc_ids or [])
    return Event.model_validate(data)
