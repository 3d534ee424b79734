"""``enlace demo``: show the extraction working on documents we wrote ourselves.

The demo documents (``documents.jsonl``) are invented and marked as such in
their text; they never leave the package and the demo never uses the network.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.table import Table

from enlace.documents import read_document
from enlace.extract.pipeline import Pipeline


def demo_documents_path() -> Path:
    return Path(str(resources.files("enlace.demo") / "documents.jsonl"))


def run_demo(console: Console, out_dir: Path = Path("enlace-demo")) -> Path:
    """Extract the demo documents, write their events and print a table of them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    events = [e for doc in read_document(demo_documents_path()) for e in pipeline.extract(doc)]
    target = out_dir / "events.jsonl"
    with target.open("w", encoding="utf-8") as handle:
        for event in events:
            handle.write(json.dumps(event.interchange(), ensure_ascii=False) + "\n")
    table = Table(title=f"enlace demo: {len(events)} events from the demo documents")
    for column in ("date", "countries", "channel", "activity", "chinese side", "evidence"):
        table.add_column(column, overflow="fold")
    for event in events:
        table.add_row(
            event.date or "–", ", ".join(event.lac_countries), event.channel, event.activity,
            ", ".join(a.name for a in event.chinese_actors), event.evidence[:80],
        )
    console.print(table)
    console.print(f"events written to {target}")
    return target
