"""``enlace demo``: the whole system on a fresh machine, offline, in well under a minute.

Stages, in order: a fresh SQLite store in ``enlace-demo/enlace.db`` → the
starter dataset (hand-coded events with citations, stored as verified) → the
demo documents (``documents.jsonl``: short texts we invented, marked as such,
in English, Spanish, Portuguese and Chinese) ingested through the real
extraction pipeline → the HTML report and a few PNG figures → a summary of
what is where. Nothing touches the network; a missing starter dataset is
reported and skipped so the demo still shows extraction and analysis.
"""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


def demo_documents_path() -> Path:
    return Path(str(resources.files("enlace.demo") / "documents.jsonl"))


def _fresh_database(out_dir: Path) -> Path:
    """A new, empty database file (the demo's numbers must not depend on a previous run)."""
    db = out_dir / "enlace.db"
    for path in (db, db.with_name("enlace.db-wal"), db.with_name("enlace.db-shm")):
        path.unlink(missing_ok=True)
    return db


def load_starter_items() -> tuple[list[Any], str | None]:
    """The starter dataset as cited events, or ([], why not) when it is not installed."""
    from enlace.store.seed import CitedEvent

    try:
        from enlace.starter import load_starter

        starter = load_starter()
    except (ImportError, OSError) as error:
        return [], f"starter dataset not available ({type(error).__name__}: {error})"
    items = [CitedEvent(event=item.event, citation=item.citation, source_url=item.source_url,
                        doc_id=f"starter:{item.seed}" if getattr(item, "seed", None) else None)
             for item in starter]
    return items, None


FIGURES = {
    "events_by_year.png": ("counts_by_year", "years_figure"),
    "events_by_country.png": ("counts_by_country", "countries_figure"),
    "content_by_country.png": ("content_by_country", "content_figure"),
    "subdivisions_map.png": ("counts_by_subdivision", "map_figure"),
}


def write_figures(frames: Any, out_dir: Path) -> list[Path]:
    """The demo's PNGs: the studies' three views, the map and the actor network."""
    from enlace import analysis
    from enlace.analysis import figures

    paths = []
    for name, (table_name, figure_name) in FIGURES.items():
        table = getattr(analysis, table_name)(frames)
        paths.append(figures.save_figure(getattr(figures, figure_name)(table), out_dir / name))
    graph = analysis.actor_network(frames)
    paths.append(figures.save_figure(figures.network_figure(graph), out_dir / "actor_network.png"))
    return paths


def run_demo(console: Console, out_dir: Path = Path("enlace-demo")) -> Path:
    """Build the demo database, extract the demo documents, write the report; return its path."""
    from enlace.analysis import load_frames
    from enlace.analysis.report import ReportOptions, store_facts, write_report
    from enlace.store import Ingestor, open_engine
    from enlace.store.seed import insert_cited_events

    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    db = _fresh_database(out_dir)
    engine = open_engine(str(db))

    items, missing = load_starter_items()
    starter_events = insert_cited_events(engine, items) if items else 0
    if missing:
        console.print(f"[yellow]note[/yellow] {missing}", highlight=False)

    ingest = Ingestor(engine).ingest_paths([demo_documents_path()])
    frames = load_frames(engine)
    facts = store_facts(engine)
    report = write_report(frames, out_dir / "report.html",
                          ReportOptions(title="enlace demo: China–LAC engagement events",
                                        method=facts))
    pngs = write_figures(frames, out_dir)
    engine.dispose()

    table = Table(title="enlace demo", show_header=False)
    table.add_column("what")
    table.add_column("value", overflow="fold")
    rows = [
        ("starter events (verified, cited)", str(starter_events)),
        ("demo documents ingested", f"{ingest.documents_new} ({ingest.files} file)"),
        ("events extracted from them", f"{ingest.events_new} new, {ingest.events_attached} merged"),
        ("events in the database", str(len(frames))),
        ("LAC countries", str(frames.countries["country"].nunique())),
        ("review status", ", ".join(f"{k} {v}" for k, v in sorted(facts["statuses"].items()))),
        ("database", str(db.resolve())),
        ("report", str(report.resolve())),
        ("figures", "\n".join(str(p.resolve()) for p in pngs)),
        ("time", f"{time.perf_counter() - started:.1f} s"),
    ]
    for row in rows:
        table.add_row(*row)
    console.print(table)
    console.print(f"Open {report} in a browser; explore with "
                  f"`enlace analyze countries --db {db}` or `enlace events list --db {db}`.",
                  highlight=False)
    return report
