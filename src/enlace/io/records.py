"""One input shape for every exporter: an event plus the store's columns for it.

Exports are called with plain extracted events (nothing else known) and with
rows of the review store (an id, a review status, source URLs ...). Accepting
either ``Event`` or ``(Event, dict)`` and normalising here keeps the writers
free of that distinction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from enlace.codebook import Event

Record = tuple[Event, dict[str, Any]]
EventOrRow = Event | tuple[Event, Mapping[str, Any]]

EVENT_FIELDS: tuple[str, ...] = tuple(Event.model_fields)


def as_records(items: Iterable[EventOrRow]) -> list[Record]:
    """Pair every event with its (possibly empty) store columns, rejecting anything else."""
    records: list[Record] = []
    for index, item in enumerate(items):
        if isinstance(item, Event):
            records.append((item, {}))
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Event):
            extra = dict(item[1] or {})
            clash = sorted(set(extra) & set(EVENT_FIELDS) - {"doc_ids"})
            if clash:
                raise ValueError(f"item {index}: store columns {clash} shadow codebook fields")
            records.append((item[0], extra))
        else:
            raise TypeError(f"item {index}: expected an Event or (Event, dict), got {type(item).__name__}")
    return records


def extra_columns(records: Iterable[Record]) -> list[str]:
    """Store column names in first-seen order (they lead every tabular export)."""
    seen: dict[str, None] = {}
    for _, extra in records:
        for key in extra:
            if key != "doc_ids":
                seen.setdefault(key, None)
    return list(seen)
