"""Events as flat rows: one row per event, one scalar per cell.

CSV, Excel and Stata users want a rectangle. Lists are joined with "; " and
actors written "name [type]" so that a cell stays readable and splittable; the
store's columns (id, status, sources ...) come first so a reviewer sees them.
"""

from __future__ import annotations

import json
from typing import Any

from enlace.io.records import EVENT_FIELDS, Record, extra_columns

SEPARATOR = "; "


def format_actor(actor: dict[str, Any]) -> str:
    """``name [type]`` — compact, and the importer reads it back."""
    return f"{actor['name']} [{actor['type']}]"


def cell(value: Any) -> Any:
    """A scalar for one cell: lists joined, mappings as JSON, None kept as None."""
    if isinstance(value, list | tuple | set):
        return SEPARATOR.join(str(cell(item)) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def columns(records: list[Record]) -> list[str]:
    """Store columns first, then the codebook fields in codebook order (doc_ids last)."""
    return extra_columns(records) + list(EVENT_FIELDS)


def flat_rows(records: list[Record]) -> list[dict[str, Any]]:
    """One dict per event with every column of :func:`columns`, in that order."""
    names = columns(records)
    rows = []
    for event, extra in records:
        data = event.interchange()
        data["chinese_actors"] = [format_actor(actor) for actor in data["chinese_actors"]]
        data["lac_actors"] = [format_actor(actor) for actor in data["lac_actors"]]
        if "doc_ids" in extra:  # the store's list of sources wins over the event's own
            data["doc_ids"] = list(extra["doc_ids"] or [])
        merged = {**{k: v for k, v in extra.items() if k != "doc_ids"}, **data}
        rows.append({name: cell(merged.get(name)) for name in names})
    return rows
