"""``enlace ingest`` and ``enlace events list/show``: thin wrappers over ``enlace.store``.

Why a module of its own: the store commands share the ``--db`` option and the
store's imports (SQLAlchemy, Alembic), which the other commands do not need.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

if TYPE_CHECKING:
    from enlace.store import EventFilter

DbOption = Annotated[str | None, typer.Option(
    "--db", envvar="ENLACE_DB",
    help="SQLite file or postgresql:// URL [env ENLACE_DB; default ./enlace.db].")]
console = Console(stderr=True)
_ROW = "{:>7}  {:<10}  {:<9}  {:<18}  {:<15}  {:<9}  {:>3}  {}"
events_app = typer.Typer(help="Browse the stored events.", no_args_is_help=True)


def _progress(enabled: bool) -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, disable=not enabled, transient=True)


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")],
    db: DbOption = None,
    backend: Annotated[str, typer.Option(help="Extraction backend.")] = "rules",
    max_chars: Annotated[int, typer.Option(help="Skip (and report) longer documents.")] = 500_000,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", help="Progress bar [default: when stderr is a terminal].")]
    = None,
) -> None:
    """Read documents, store them, extract and de-duplicate their events (re-runs are no-ops)."""
    from enlace.documents import expand_paths
    from enlace.store import Ingestor, open_engine

    files = expand_paths(paths)
    engine = open_engine(db)
    ingestor = Ingestor(engine, backend=backend, max_chars=max_chars)
    with _progress(sys.stderr.isatty() if progress is None else progress) as bar:
        task = bar.add_task("ingesting", total=len(files))

        def on_file(_path: Path, failure: Exception | None) -> None:
            bar.advance(task)
            if failure is not None:
                console.print(f"[red]error[/red] {failure}", highlight=False)

        report = ingestor.ingest_paths(files, on_file)
    console.print(report.summary(), highlight=False)
    if report.failures:
        raise typer.Exit(code=1)


def split_values(values: list[str] | None) -> list[str]:
    """Repeatable options that also accept comma lists: --country CU,VE --country BR."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def event_filter(since: str | None, until: str | None, country: list[str] | None,
                 subdivision: list[str] | None, channel: list[str] | None,
                 content: list[str] | None, mechanism: list[str] | None,
                 status: list[str] | None, actor: str | None, text: str | None,
                 limit: int | None) -> EventFilter:
    """The store filter from the command-line filter options; ValueError on a bad date."""
    from enlace.codebook import check_partial_date
    from enlace.store import EventFilter

    check_partial_date(since)
    check_partial_date(until)
    return EventFilter(since=since, until=until,
                       countries=[c.upper() for c in split_values(country)],
                       subdivisions=[s.upper() for s in split_values(subdivision)],
                       channels=split_values(channel), contents=split_values(content),
                       mechanisms=split_values(mechanism), statuses=split_values(status),
                       actor=actor, text=text, limit=limit)


@events_app.command("list")
def list_command(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY[-MM[-DD]]).")] = None,
    country: Annotated[list[str] | None, typer.Option(help="LAC country (ISO alpha-2).")] = None,
    subdivision: Annotated[list[str] | None, typer.Option(help="LAC subdivision (ISO 3166-2).")]
    = None,
    channel: Annotated[list[str] | None, typer.Option(help="Channel (party, state, ...).")] = None,
    content: Annotated[list[str] | None, typer.Option(help="Content type.")] = None,
    mechanism: Annotated[list[str] | None, typer.Option(help="Mechanism.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor key, name or alias (part of).")] = None,
    status: Annotated[list[str] | None, typer.Option(help="Review status.")] = None,
    text: Annotated[str | None, typer.Option(help="Words in a source document (any script).")]
    = None,
    limit: Annotated[int, typer.Option(help="At most this many events (0: all).")] = 50,
    output_format: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
) -> None:
    """List stored events, newest first, with the filters given (all must hold)."""
    from sqlalchemy.orm import Session

    from enlace.store import list_events, open_engine

    if output_format not in ("table", "jsonl"):
        raise typer.BadParameter("--format must be table or jsonl")
    try:
        flt = event_filter(since, until, country, subdivision, channel, content, mechanism,
                           status, actor, text, limit or None)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    with Session(open_engine(db)) as session:
        events = list_events(session, flt)
    if output_format == "jsonl":
        for item in events:
            typer.echo(json.dumps(item.to_dict(), ensure_ascii=False, default=str))
        return
    typer.echo(_ROW.format("id", "date", "countries", "channel", "activity", "status", "src",
                           "summary").rstrip())
    for item in events:
        event = item.event
        typer.echo(_ROW.format(item.id, event.date or "-", ",".join(event.lac_countries) or "-",
                               event.channel, event.activity, item.status, len(event.doc_ids),
                               event.summary[:90]).rstrip())
    console.print(f"{len(events)} events")


@events_app.command("show")
def show_command(
    event_id: Annotated[int, typer.Argument(metavar="ID", help="Event id (from events list).")],
    db: DbOption = None,
) -> None:
    """Print one event with its sources, canonical actors and review history (JSON)."""
    from sqlalchemy.orm import Session

    from enlace.store import get_event, open_engine

    with Session(open_engine(db)) as session:
        detail = get_event(session, event_id)
    if detail is None:
        console.print(f"[red]error[/red] no event with id {event_id}", highlight=False)
        raise typer.Exit(code=1)
    typer.echo(json.dumps(detail.to_dict(), ensure_ascii=False, indent=2, default=str))


def register(app: typer.Typer) -> None:
    """Add ``ingest`` and ``events`` to the main ``enlace`` command."""
    app.command("ingest")(ingest)
    app.add_typer(events_app, name="events")
