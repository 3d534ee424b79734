"""The starter dataset: events and published figures hand-coded from the seed studies.

The five seed studies (../shared/seeds) are where the codebook comes from;
their own event lists (Zhang's Graphic 1, Myers' records and Appendix A,
the ILD meetings Zhang & Berg describe) are the first ground truth we have
outside the gold corpus, and their aggregate figures (377 CPC-LAC exchanges,
283 ILD meetings, 175 twinnings...) are what our own counts should be shown
beside. This module loads both from ``data/starter/`` and refuses a bad row
with the file and line, so a hand edit that breaks the codebook is caught
where it was made.

Where the files are: the repository checkout's ``data/starter`` (two levels
above this package's ``src/enlace``). The data is not packaged in the wheel,
so an installed enlace outside a checkout finds it through the
``ENLACE_STARTER_DIR`` environment variable instead.
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from enlace.codebook import CodebookError, Event, parse_event
from enlace.errors import EnlaceError

__all__ = [
    "FIGURE_COLUMNS",
    "STARTER_DIR",
    "StarterDataError",
    "StarterEvent",
    "load_starter",
    "reference_figures",
    "starter_dir",
]

ENV_VAR = "ENLACE_STARTER_DIR"
EVENTS_FILE = "events.jsonl"
FIGURES_FILE = "reference_figures.csv"
FIGURE_COLUMNS = (
    "figure_id", "seed", "citation", "measure", "value", "unit",
    "period_start", "period_end", "country", "breakdown", "note",
)
_REQUIRED_FIGURE_CELLS = ("figure_id", "seed", "citation", "measure", "value")
_LINE_KEYS = {"starter_id", "event", "citation", "source_url", "seed"}
_STARTER_ID = re.compile(r"^s(\d{3})-\d{4}$")
_SEED = re.compile(r"^\d{3}$")
_REPO_DIR = Path(__file__).resolve().parents[2] / "data" / "starter"


class StarterDataError(EnlaceError, ValueError):
    """A starter file is missing or a row breaks its format; the message names file and line."""


@dataclass(frozen=True)
class StarterEvent:
    """One hand-coded event, with the study that states it.

    ``event.doc_ids`` is ``[starter_id]`` so that starter events can go
    through the same store, dedupe and comparison code as extracted ones.
    """

    starter_id: str
    event: Event
    citation: str
    source_url: str | None
    seed: str


def starter_dir() -> Path:
    """The checkout's data/starter if present, else $ENLACE_STARTER_DIR, else the checkout path.

    Resolved on each call so that tests (and users) can point the variable
    elsewhere after import; the last fallback keeps error messages naming
    the place we looked first.
    """
    if _REPO_DIR.is_dir():
        return _REPO_DIR
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return _REPO_DIR


STARTER_DIR: Path = starter_dir()


def _file(directory: Path | None, name: str) -> Path:
    path = (directory if directory is not None else starter_dir()) / name
    if not path.is_file():
        raise StarterDataError(
            f"{path}: not found (set {ENV_VAR} to the data/starter directory of an enlace checkout)")
    return path


def _parse_line(raw: str, where: str) -> StarterEvent:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise StarterDataError(f"{where}: not JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise StarterDataError(f"{where}: expected a JSON object")
    keys = set(data)
    if keys != _LINE_KEYS:
        missing, extra = sorted(_LINE_KEYS - keys), sorted(keys - _LINE_KEYS)
        raise StarterDataError(f"{where}: keys differ from {sorted(_LINE_KEYS)} "
                               f"(missing {missing}, unexpected {extra})")
    starter_id, seed = data["starter_id"], data["seed"]
    match = _STARTER_ID.match(starter_id) if isinstance(starter_id, str) else None
    if match is None:
        raise StarterDataError(f"{where}: starter_id {starter_id!r} is not like 's001-0001'")
    if seed != match.group(1):
        raise StarterDataError(f"{where}: seed {seed!r} does not match starter_id {starter_id}")
    citation = data["citation"]
    if not isinstance(citation, str) or "seed" not in citation or "," not in citation:
        raise StarterDataError(f"{where}: citation must name the seed study and a section")
    url = data["source_url"]
    if url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
        raise StarterDataError(f"{where}: source_url must be an http(s) URL or null")
    event_data: Any = data["event"]
    if not isinstance(event_data, dict):
        raise StarterDataError(f"{where}: event must be a JSON object")
    try:
        event = parse_event({**event_data, "doc_ids": [starter_id]}, where=where)
    except CodebookError as error:
        raise StarterDataError(str(error)) from None
    return StarterEvent(starter_id=starter_id, event=event, citation=citation, source_url=url, seed=seed)


def load_starter(directory: Path | None = None) -> list[StarterEvent]:
    """Every starter event, validated against the codebook, in file order."""
    path = _file(directory, EVENTS_FILE)
    events: list[StarterEvent] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            item = _parse_line(raw, where)
            if item.starter_id in seen:
                raise StarterDataError(
                    f"{where}: starter_id {item.starter_id} already used on line {seen[item.starter_id]}")
            seen[item.starter_id] = number
            events.append(item)
    return events


def reference_figures(directory: Path | None = None) -> list[dict[str, str]]:
    """The studies' published aggregate figures, one dict per CSV row (all cells as text).

    Values stay text because some are categories ("knowledge_exchange") or
    years; the ``note`` says when a number is a bound or an approximation.
    """
    path = _file(directory, FIGURES_FILE)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != FIGURE_COLUMNS:
            raise StarterDataError(f"{path}:1: header must be {','.join(FIGURE_COLUMNS)}")
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if None in row or any(value is None for value in row.values()):
                raise StarterDataError(f"{where}: expected {len(FIGURE_COLUMNS)} cells")
            empty = [name for name in _REQUIRED_FIGURE_CELLS if not row[name].strip()]
            if empty:
                raise StarterDataError(f"{where}: empty {', '.join(empty)}")
            if not _SEED.match(row["seed"]):
                raise StarterDataError(f"{where}: seed {row['seed']!r} is not three digits")
            if row["figure_id"] in seen:
                raise StarterDataError(f"{where}: figure_id {row['figure_id']} repeated")
            seen.add(row["figure_id"])
            rows.append(dict(row))
    return rows
