"""Read events that researchers keep by hand (CSV/XLSX) and hand-coded gold files.

Existing datasets (Zhang's table of CPC exchanges, a student's spreadsheet of
provincial visits) are the cheapest source of reviewed events, but they come
with their own headers, languages and date habits. :func:`import_table` maps
columns to codebook fields (given or guessed), normalises every cell, fills
what the table lacks (saying so in warnings) and validates each row with the
codebook, reporting bad rows by number instead of stopping at the first one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from enlace.codebook import CodebookError, Event, parse_event, parse_gold_line
from enlace.io import normalise as norm

# Folded header words per codebook field, most specific first; EN / ES / PT.
HEADERS: dict[str, tuple[str, ...]] = {
    "end_date": (
        "end date",
        "end_date",
        "fecha fin",
        "fecha final",
        "fecha de termino",
        "data final",
        "data fim",
        "hasta",
        "until",
    ),
    "date": (
        "date",
        "fecha",
        "data",
        "start date",
        "fecha inicio",
        "fecha de inicio",
        "dia",
        "day",
        "year",
        "ano",
    ),
    "lac_subdivisions": (
        "lac subdivisions",
        "lac_subdivisions",
        "subdivisions",
        "subdivision",
        "provincia",
        "province",
        "estado",
        "state",
        "region",
        "departamento",
    ),
    "lac_countries": (
        "lac countries",
        "lac_countries",
        "lac country",
        "countries",
        "country",
        "paises",
        "pais",
        "pais alc",
        "latin american country",
    ),
    "format": (
        "format",
        "formato",
        "bilateral multilateral",
        "bilateral or multilateral",
        "tipo de contacto",
        "type of contact",
    ),
    "lac_level": ("lac level", "lac_level", "level", "nivel"),
    "chinese_actors": (
        "chinese actors",
        "chinese_actors",
        "chinese actor",
        "chinese side",
        "chinese party",
        "lado chino",
        "parte china",
        "actor chino",
        "actores chinos",
        "contraparte china",
        "lado chines",
        "ator chines",
    ),
    "lac_actors": (
        "lac actors",
        "lac_actors",
        "lac actor",
        "lac side",
        "party",
        "parties",
        "partido",
        "partidos",
        "counterpart",
        "contraparte",
        "contact",
        "contacto",
        "contato",
        "organization",
        "organisation",
        "organizacion",
        "organizacao",
        "actor alc",
        "actores alc",
    ),
    "channel": ("channel", "canal"),
    "content": ("content", "contenido", "conteudo", "content type", "tipo de contenido"),
    "activity": (
        "activity",
        "actividad",
        "atividade",
        "type of exchange",
        "tipo de intercambio",
        "tipo de actividad",
        "tipo de atividade",
        "type",
        "tipo",
    ),
    "mechanism": ("mechanism", "mecanismo"),
    "leftist": ("leftist", "izquierda", "esquerda", "left"),
    "venue": ("venue", "lugar", "sede", "local", "place", "location"),
    "fields": ("fields", "field", "campos", "areas", "topics", "temas", "sectors", "sectores"),
    "outcomes": ("outcomes", "outcome", "resultados", "resultado", "results"),
    "occasion": ("occasion", "ocasion", "ocasiao", "trip", "viaje"),
    "summary": (
        "summary",
        "resumen",
        "resumo",
        "description",
        "descripcion",
        "descricao",
        "event",
        "evento",
        "exchange",
        "intercambio",
    ),
    "evidence": ("evidence", "evidencia", "quote", "cita", "citacao"),
    "doc_ids": ("doc ids", "doc_ids", "doc id", "source", "sources", "fuente", "fuentes", "fonte", "url"),
}
FIELDS = tuple(Event.model_fields)


@dataclass
class ImportResult:
    """What a table yielded: valid events, one message per bad row, and what was filled in or ignored."""

    events: list[Event] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # codebook field -> column used


def guess_columns(headers: list[str], taken: dict[str, str] | None = None) -> dict[str, str]:
    """Codebook field -> header, by exact folded match first, then by a synonym inside the header."""
    chosen = dict(taken or {})
    free = [h for h in headers if h not in chosen.values()]
    for exact in (True, False):
        for name, words in HEADERS.items():
            if name in chosen:
                continue
            for header in free:
                folded = norm.key(header).replace("_", " ")
                hit = (
                    folded in words
                    if exact
                    else any(re.search(rf"\b{re.escape(word)}\b", folded) for word in words if len(word) > 3)
                )
                if hit:
                    chosen[name] = header
                    free.remove(header)
                    break
    return chosen


def read_table(path: Path, sheet: str | int = 0) -> list[dict[str, Any]]:
    """Rows of a CSV/TSV (delimiter sniffed) or Excel sheet as dicts; blanks become None."""
    import pandas as pd

    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        frame = pd.read_excel(path, sheet_name=sheet, dtype=object)
    elif suffix in (".csv", ".tsv", ".txt"):
        frame = pd.read_csv(
            path, sep=None, engine="python", dtype=str, keep_default_na=False, encoding="utf-8-sig"
        )
    else:
        raise ValueError(f"{path}: cannot import {suffix or 'files without an extension'}; use .csv or .xlsx")
    frame.columns = [str(c).strip() for c in frame.columns]
    records = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
    return [{k: (None if norm.is_blank(v) else v) for k, v in row.items()} for row in records]


class _Filled:
    """Collects "field filled with value" per row so warnings come out one line per field and value."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str, str], list[int]] = {}

    def add(self, name: str, value: Any, origin: str, row: int) -> None:
        self.rows.setdefault((name, repr(value), origin), []).append(row)

    def messages(self, where: str) -> list[str]:
        out = []
        for (name, value, origin), rows in self.rows.items():
            listed = ", ".join(str(r) for r in rows[:10]) + (
                f" … ({len(rows)} rows)" if len(rows) > 10 else ""
            )
            out.append(f"{where}: {name} missing, filled with {value} ({origin}) in rows {listed}")
        return out


def _build(
    cells: dict[str, Any],
    defaults: dict[str, Any],
    filled: Callable[[str, Any, str], None],
    party_column: bool,
    uses_marks: bool,
) -> dict[str, Any]:
    """One row's cells (keyed by codebook field) -> an interchange dict ready for parse_event."""
    data: dict[str, Any] = {}

    def given(name: str) -> tuple[Any, bool]:
        """The cell, else the caller's default (recorded); second item: whether anything was found."""
        if not norm.is_blank(cells.get(name)):
            return cells[name], True
        if name in defaults:
            filled(name, defaults[name], "from defaults")
            return defaults[name], True
        return None, False

    for name in ("date", "end_date"):
        value, found = given(name)
        data[name] = norm.partial_date(value) if found else None
        if name == "date" and not found:
            filled("date", None, "no date column")

    raw_countries, _ = given("lac_countries")
    countries = raw_countries if isinstance(raw_countries, list) else norm.countries(raw_countries)
    regional_cell = (
        norm.key(raw_countries or "") in norm.REGIONAL_WORDS if isinstance(raw_countries, str) else False
    )
    data["lac_countries"] = countries

    raw_subs, _ = given("lac_subdivisions")
    data["lac_subdivisions"] = (
        raw_subs if isinstance(raw_subs, list) else norm.subdivisions(raw_subs, countries)
    )

    mechanism_cell, marked = norm.split_leftist_mark(cells.get("mechanism"))
    value, found = given("format")
    if found:
        data["format"] = norm.enum_value("format", value)
    else:
        data["format"] = "multilateral" if len(countries) > 1 or regional_cell else "bilateral"
        filled("format", data["format"], "from the number of countries")
    multilateral = data["format"] == "multilateral"

    value, found = given("lac_level")
    if found:
        data["lac_level"] = norm.enum_value("lac_level", value)
    else:
        data["lac_level"] = (
            "subnational" if data["lac_subdivisions"] else "regional" if multilateral else "national"
        )
        filled("lac_level", data["lac_level"], "from subdivisions and format")

    channel_value, channel_found = given("channel")
    channel = norm.enum_value("channel", channel_value) if channel_found else None
    value, found = given("chinese_actors")
    data["chinese_actors"] = value if isinstance(value, list) else norm.chinese_actors(value, channel)
    if channel is None:
        if not data["chinese_actors"]:
            raise ValueError("no channel and no Chinese actor: map a column or give defaults['channel']")
        channel = str(data["chinese_actors"][0]["type"])
        filled("channel", channel, "from the first Chinese actor")
    data["channel"] = channel

    value, _ = given("lac_actors")
    lac_type = defaults.get("lac_actor_type") or ("party" if party_column else None)
    data["lac_actors"] = value if isinstance(value, list) else norm.lac_actors(value, countries, lac_type)

    sensible = {"content": "daily_interaction", "activity": "meeting", "venue": "unknown"}
    for name, fallback in sensible.items():
        value, found = given(name)
        if found:
            data[name] = norm.enum_value(name, value)
        else:
            data[name] = fallback
            filled(name, fallback, "codebook default")

    if mechanism_cell:
        data["mechanism"] = norm.enum_value("mechanism", mechanism_cell)
    else:
        value, found = given("mechanism")
        if found:
            data["mechanism"] = norm.enum_value("mechanism", value)
        else:
            data["mechanism"] = "regional" if multilateral else "bilateral"
            filled("mechanism", data["mechanism"], "from format")

    value, found = given("leftist")
    if found:
        data["leftist"] = norm.boolean(value)
    elif marked or uses_marks:
        data["leftist"] = marked  # the table's "+leftist" convention says yes or no
    else:
        data["leftist"] = False
        filled("leftist", False, "codebook default")

    for name in ("fields", "outcomes"):
        value, _ = given(name)
        data[name] = value if isinstance(value, list) else norm.enum_list(name, value)
    for name in ("occasion", "summary", "evidence"):
        value, _ = given(name)
        if value is not None:
            data[name] = str(value).strip()
    value, _ = given("doc_ids")
    data["doc_ids"] = value if isinstance(value, list) else norm.text_list(value)
    return data


def import_table(
    path: Path,
    mapping: dict[str, str] | None = None,
    defaults: dict[str, Any] | None = None,
    sheet: str | int = 0,
) -> ImportResult:
    """Import a hand-kept CSV/XLSX table of events.

    ``mapping`` maps codebook fields to column names; fields it leaves out are
    guessed from the remaining headers (EN/ES/PT). ``defaults`` gives values for
    fields a table lacks or leaves blank (codebook values, plus
    ``lac_actor_type`` for bare LAC names); otherwise codebook defaults apply.
    Rows are numbered as in a spreadsheet (the header is row 1).
    """
    path = Path(path)
    defaults = dict(defaults or {})
    unknown = sorted(set(mapping or {}) - set(FIELDS))
    if unknown:
        raise ValueError(f"mapping names fields the codebook lacks: {unknown}")
    unknown_defaults = sorted(set(defaults) - set(FIELDS) - {"lac_actor_type"})
    if unknown_defaults:
        raise ValueError(f"defaults name fields the codebook lacks: {unknown_defaults}")
    rows = read_table(path, sheet)
    headers = list(rows[0]) if rows else []
    if not rows:
        import pandas as pd

        headers = [
            str(c)
            for c in (
                pd.read_excel(path, sheet_name=sheet, nrows=0)
                if path.suffix.lower().startswith(".xls")
                else pd.read_csv(path, sep=None, engine="python", nrows=0)
            ).columns
        ]
    missing = sorted({column for column in (mapping or {}).values() if column not in headers})
    if missing:
        raise ValueError(f"{path}: mapping names columns not in the file: {missing}; columns are {headers}")
    columns = guess_columns(headers, mapping)
    result = ImportResult(columns=columns)
    ignored = [h for h in headers if h not in columns.values()]
    if ignored:
        result.warnings.append(f"{path}: columns not used: {', '.join(ignored)}")
    party_column = "lac_actors" in columns and bool(re.search(r"\bpart", norm.key(columns["lac_actors"])))
    uses_marks = "mechanism" in columns and any(
        norm.split_leftist_mark(row.get(columns["mechanism"]))[1] for row in rows
    )
    filled = _Filled()
    for number, row in enumerate(rows, start=2):
        if all(value is None for value in row.values()):
            continue
        cells = {name: row.get(column) for name, column in columns.items()}
        where = f"{path}: row {number}"
        try:
            data = _build(
                cells, defaults, lambda n, v, o, r=number: filled.add(n, v, o, r), party_column, uses_marks
            )
            result.events.append(parse_event(data, where=where))
        except CodebookError as error:
            result.errors.append(str(error))
        except ValueError as error:
            result.errors.append(f"{where}: {error}")
    result.warnings.extend(filled.messages(str(path)))
    return result


def import_gold(path: Path) -> list[Event]:
    """Events of a gold JSON Lines file, each carrying its document id in ``doc_ids``."""
    path = Path(path)
    events: list[Event] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            document = parse_gold_line(line, where=f"{path}:{number}")
            for event in document.events:
                ids = event.doc_ids or [document.doc_id]
                events.append(event.model_copy(update={"doc_ids": ids}))
    return events
