"""Write events in the formats researchers' tools read.

One entry point, :func:`export_events`, so the CLI and notebooks need not know
the writers. Every format is written atomically (see :mod:`enlace.io.atomic`):
an interrupted export leaves the previous file untouched.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from enlace.codebook import CODEBOOK_VERSION
from enlace.io.atomic import atomic_path
from enlace.io.geo import subdivision_features
from enlace.io.labels import FIELD_LABELS, codebook_table
from enlace.io.network import actor_graph
from enlace.io.records import EventOrRow, Record, as_records
from enlace.io.tabular import cell, columns, flat_rows

STATA_STRING_BYTES = 2045  # longest fixed-width string Stata 118 `str#` holds


def _write_csv(records: list[Record], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns(records))
        writer.writeheader()
        writer.writerows(flat_rows(records))


def _write_jsonl(records: list[Record], path: Path) -> None:
    """Interchange objects; store columns, if any, under ``"store"`` so the event still parses."""
    with path.open("w", encoding="utf-8") as handle:
        for event, extra in records:
            data = event.interchange()
            if extra:
                data["store"] = extra
            handle.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def _parquet_table(records: list[Record]) -> Any:
    """Typed columns: lists stay lists, actors stay structs (parquet needs no flattening)."""
    import pyarrow as pa

    text = pa.string()
    strings = pa.list_(text)
    event_schema = {
        "date": text,
        "end_date": text,
        "format": text,
        "lac_countries": strings,
        "lac_subdivisions": strings,
        "lac_level": text,
        "chinese_actors": pa.list_(pa.struct([("name", text), ("type", text)])),
        "lac_actors": pa.list_(pa.struct([("name", text), ("type", text), ("country", text)])),
        "channel": text,
        "content": text,
        "activity": text,
        "mechanism": text,
        "leftist": pa.bool_(),
        "venue": text,
        "fields": strings,
        "outcomes": strings,
        "occasion": text,
        "summary": text,
        "evidence": text,
        "doc_ids": strings,
    }
    dumped = [event.interchange() for event, _ in records]
    arrays: dict[str, Any] = {}
    for name in columns(records):
        if name in event_schema:
            arrays[name] = pa.array([data[name] for data in dumped], type=event_schema[name])
        else:
            values = [extra.get(name) for _, extra in records]
            try:
                arrays[name] = pa.array(values)
            except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types: keep them readable
                arrays[name] = pa.array([None if v is None else str(cell(v)) for v in values], type=text)
    table = pa.table(arrays)
    return table.replace_schema_metadata({"enlace.codebook_version": CODEBOOK_VERSION})


def _write_parquet(records: list[Record], path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(_parquet_table(records), path)


def _stata_text(value: Any) -> str:
    """Stata strings have no missing value and a byte limit: "" for None, cut at a UTF-8 boundary."""
    if value is None:
        return ""
    encoded = str(value).encode("utf-8")[:STATA_STRING_BYTES]
    return encoded.decode("utf-8", errors="ignore")


def _stata_name(name: str, taken: set[str]) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in name)[:32] or "var"
    if cleaned[0].isdigit():
        cleaned = ("v" + cleaned)[:32]
    candidate, number = cleaned, 1
    while candidate in taken:
        suffix = f"_{number}"
        candidate, number = cleaned[: 32 - len(suffix)] + suffix, number + 1
    taken.add(candidate)
    return candidate


def _write_dta(records: list[Record], path: Path) -> None:
    import pandas as pd

    rows = flat_rows(records)
    names = columns(records)
    frame = pd.DataFrame(index=range(len(rows)))
    for name in names:  # built from the python values: pandas would turn None into NaN, then "nan"
        values = [row[name] for row in rows]
        if name == "leftist":
            frame[name] = pd.Series([int(bool(v)) for v in values], dtype="int8")
        elif values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
            frame[name] = pd.Series(values)
        else:
            frame[name] = pd.Series([_stata_text(v) for v in values], dtype=object)
    day = frame["date"].where(frame["date"].str.len() == 10)
    position = names.index("date") + 1
    frame.insert(position, "date_td", pd.to_datetime(day, format="%Y-%m-%d", errors="coerce"))
    taken: set[str] = set()
    renamed = {name: _stata_name(name, taken) for name in frame.columns}
    frame = frame.rename(columns=renamed)
    labels = {renamed[name]: FIELD_LABELS.get(name, name)[:80] for name in renamed}
    frame.to_stata(
        path,
        version=118,
        write_index=False,
        convert_dates={"date_td": "td"},
        variable_labels=labels,
        data_label=f"enlace China-LAC events, codebook {CODEBOOK_VERSION}"[:80],
    )


def _write_xlsx(records: list[Record], path: Path) -> None:
    import pandas as pd

    frame = pd.DataFrame(flat_rows(records), columns=columns(records))
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="events", index=False)
        pd.DataFrame(codebook_table()).to_excel(writer, sheet_name="codebook", index=False)


def _write_graphml(records: list[Record], path: Path) -> None:
    import networkx as nx

    nx.write_graphml(actor_graph(event for event, _ in records), path)


def _write_gexf(records: list[Record], path: Path) -> None:
    import networkx as nx

    nx.write_gexf(actor_graph(event for event, _ in records), path)


def _write_geojson(records: list[Record], path: Path) -> None:
    collection = subdivision_features(event for event, _ in records)
    with path.open("w", encoding="utf-8") as handle:
        json.dump(collection, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


WRITERS: dict[str, Callable[[list[Record], Path], None]] = {
    "csv": _write_csv,
    "jsonl": _write_jsonl,
    "parquet": _write_parquet,
    "dta": _write_dta,
    "xlsx": _write_xlsx,
    "graphml": _write_graphml,
    "gexf": _write_gexf,
    "geojson": _write_geojson,
}
FORMATS: tuple[str, ...] = tuple(WRITERS)


def export_events(events: Iterable[EventOrRow], path: Path, format: str) -> int:
    """Write ``events`` (``Event`` or ``(Event, store_columns)``) to ``path``; return the rows written.

    The count is events for the tabular formats and jsonl, edges for graphml/gexf
    and features (subdivisions) for geojson: what a reader of the file will count.
    """
    key = format.lower().lstrip(".")
    writer = WRITERS.get(key)
    if writer is None:
        raise ValueError(f"unknown export format {format!r}; choose one of: {', '.join(FORMATS)}")
    records = as_records(events)
    with atomic_path(Path(path)) as temp:
        writer(records, temp)
    if key in ("graphml", "gexf"):
        return actor_graph(event for event, _ in records).number_of_edges()
    if key == "geojson":
        return len(subdivision_features(event for event, _ in records)["features"])
    return len(records)
