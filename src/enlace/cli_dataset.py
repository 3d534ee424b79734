"""``enlace export``, ``import``, ``actors``, ``review`` and ``agreement``: the dataset commands.

Thin wrappers (STYLE habit 1): each parses its options, calls one library
function (:mod:`enlace.store.curation`, :mod:`enlace.review`) and turns domain
errors into a one-line ``error …`` on stderr with exit code 1. Document text
reaches the terminal only as :class:`rich.text.Text`, never as markup, so a
``[bold]`` or ``<h1>`` in a document is printed as written (STYLE habit 8).
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from enlace.cli_store import DbOption

console = Console(stderr=True, soft_wrap=True)  # one message, one line (greppable)
actors_app = typer.Typer(help="Canonical actors: list, merge, split, alias.", no_args_is_help=True)


def _who(given: str | None) -> str:
    """The name for the audit log: --who, else $ENLACE_WHO (via typer), else the login name."""
    if given and given.strip():
        return given.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers)
        return "unknown"


WhoOption = Annotated[str | None, typer.Option(
    "--who", envvar="ENLACE_WHO",
    help="Name recorded in the audit log (default: $ENLACE_WHO, else the login name).")]


def fail(message: str) -> NoReturn:
    """One line on stderr, exit code 1."""
    console.print(Text.assemble(("error", "red"), " ", " ".join(str(message).split())),
                  soft_wrap=True)
    raise typer.Exit(code=1)




# --------------------------------------------------------------------------- export


def export(
    output_format: Annotated[str, typer.Option(
        "--format", "-f", help="csv, jsonl, parquet, dta, xlsx, graphml, gexf or geojson.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
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
    text: Annotated[str | None, typer.Option(help="Words in a source document.")] = None,
    include_rejected: Annotated[bool, typer.Option(
        "--include-rejected", help="Keep rejected events (left out by default).")] = False,
) -> None:
    """Export stored events for Stata, R, pandas, Excel, Gephi or a GIS (graph: actor network)."""
    from enlace.cli_store import event_filter
    from enlace.store import open_engine
    from enlace.store.curation import export_store
    from enlace.store.review import ReviewError

    try:
        flt = event_filter(since, until, country, subdivision, channel, content, mechanism,
                           status, actor, text, None)
    except ValueError as error:
        fail(str(error))
    try:
        count = export_store(open_engine(db), output, output_format, flt, include_rejected)
    except (ReviewError, OSError) as error:
        fail(f"{output}: {error}" if isinstance(error, OSError) else str(error))
    unit = {"graphml": "ties", "gexf": "ties", "geojson": "subdivisions"}.get(
        output_format.lower(), "events")
    console.print(f"{count} {unit} -> {output}", highlight=False)


# --------------------------------------------------------------------------- import


def _pairs(values: list[str] | None, option: str) -> list[tuple[str, str]]:
    found = []
    for value in values or []:
        left, equals, right = value.rpartition("=")
        if not equals or not left.strip() or not right.strip():
            fail(f"{option} {value!r}: write LEFT=RIGHT")
        found.append((left.strip(), right.strip()))
    return found


def _mapping(values: list[str] | None) -> dict[str, str]:
    """``column=field`` pairs -> {field: column} (``field=column`` accepted when unambiguous)."""
    from enlace.io.importing import FIELDS

    mapping: dict[str, str] = {}
    for left, right in _pairs(values, "--mapping"):
        column, name = (right, left) if left in FIELDS and right not in FIELDS else (left, right)
        if name not in FIELDS:
            fail(f"--mapping {left}={right}: {name!r} is not a codebook field "
                 f"({', '.join(FIELDS)})")
        mapping[name] = column
    return mapping


def _read_gold(path: Path) -> tuple[list[Any], list[str]]:
    from enlace.evaluate import load_gold

    gold = load_gold(path)
    events = [event.model_copy(update={"doc_ids": [doc_id]})
              for doc_id, doc_events in gold.items() for event in doc_events]
    return events, list(gold)


def import_command(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="CSV/XLSX table or gold JSON Lines.")],
    db: DbOption = None,
    mapping: Annotated[list[str] | None, typer.Option(
        help="COLUMN=FIELD (repeatable); unmapped columns are guessed from EN/ES/PT headers.")]
    = None,
    default: Annotated[list[str] | None, typer.Option(
        help="FIELD=VALUE for fields the table lacks (repeatable), e.g. channel=party.")] = None,
    coder: Annotated[str | None, typer.Option(
        help="Who coded the file (for agreement) [default: the file name].")] = None,
    gold: Annotated[bool, typer.Option(
        "--gold", help="FILE is a gold JSON Lines file [default: when it ends in .jsonl].")] = False,
    skip_bad: Annotated[bool, typer.Option(
        "--skip-bad-rows", help="Import the valid rows even when some rows are invalid.")] = False,
) -> None:
    """Import hand-coded events (a spreadsheet or gold file) as verified events of a coder."""
    from enlace.codebook import CodebookError
    from enlace.io import import_table
    from enlace.store import open_engine
    from enlace.store.curation import import_events
    from enlace.store.review import ReviewError

    if not path.is_file():
        fail(f"{path}: no such file")
    negatives: list[str] = []
    try:
        if gold or path.suffix.lower() in (".jsonl", ".ndjson"):
            events, negatives = _read_gold(path)
        else:
            result = import_table(path, _mapping(mapping), dict(_pairs(default, "--default")))
            for warning in result.warnings:
                console.print(Text.assemble(("warning", "yellow"), " ", warning), soft_wrap=True)
            if result.errors:
                for message in result.errors:
                    console.print(Text.assemble(("error", "red"), " ", message), soft_wrap=True)
                if not skip_bad:
                    fail(f"{path}: {len(result.errors)} invalid rows, nothing imported "
                         "(fix them or use --skip-bad-rows)")
            events = result.events
    except (CodebookError, ValueError, OSError, UnicodeDecodeError) as error:
        text = str(error)
        fail(text if str(path) in text else f"{path}: {text}")
    try:
        report = import_events(open_engine(db), events, path.name, coder, negatives)
    except ReviewError as error:
        fail(str(error))
    console.print(f"{path}: {report.summary()}", highlight=False)


# --------------------------------------------------------------------------- actors


@actors_app.command("list")
def actors_list(
    db: DbOption = None,
    side: Annotated[str | None, typer.Option(help="cn or lac.")] = None,
    provisional: Annotated[bool | None, typer.Option(
        "--provisional/--gazetteer", help="Only provisional actors, or only gazetteer ones.")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Key, name or alias (part of).")]
    = None,
    limit: Annotated[int, typer.Option(help="At most this many (0: all).")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False,
) -> None:
    """List canonical actors with their event counts and spellings, most events first."""
    from sqlalchemy.orm import Session

    from enlace.store import open_engine
    from enlace.store.curation import list_actors
    from enlace.store.review import ReviewError

    try:
        with Session(open_engine(db)) as session:
            actors = list_actors(session, side, provisional, query, limit or None)
    except ReviewError as error:
        fail(str(error))
    if as_json:
        for actor in actors:
            typer.echo(json.dumps(actor.to_dict(), ensure_ascii=False))
        return
    out = Console()
    for actor in actors:
        flag = " (provisional)" if actor.provisional else ""
        out.print(Text(f"{actor.events:>6}  {actor.side:<3}  {actor.key}  {actor.name}{flag}"),
                  soft_wrap=True)
        if actor.aliases:
            out.print(Text("        aka " + "; ".join(actor.aliases), style="dim"), soft_wrap=True)
    console.print(f"{len(actors)} actors")


def _curate(db: str | None, work: Any) -> Any:
    from enlace.store import open_engine, transact
    from enlace.store.review import ReviewError

    try:
        return transact(open_engine(db), work)
    except ReviewError as error:
        fail(str(error))


@actors_app.command("merge")
def actors_merge(
    keep: Annotated[str, typer.Argument(help="Key of the actor to keep.")],
    drop: Annotated[str, typer.Argument(help="Key of the actor merged into it (deleted).")],
    db: DbOption = None,
    who: WhoOption = None,
) -> None:
    """Merge two actors: events and spellings move to KEEP; DROP's spellings become aliases."""
    from enlace.store.curation import merge_actors

    moved = _curate(db, lambda session: merge_actors(session, keep, drop, _who(who)))
    console.print(f"merged {drop} into {keep}: {moved} events relinked", highlight=False)


@actors_app.command("split")
def actors_split(
    key: Annotated[str, typer.Argument(help="Key of the actor that lumps two organisations.")],
    new_name: Annotated[str, typer.Argument(help="Name of the actor the events really involve.")],
    event: Annotated[list[int], typer.Option("--event", "-e", help="Event id to move (repeatable).")],
    db: DbOption = None,
    who: WhoOption = None,
) -> None:
    """Move some events of an actor to another (existing or new) actor."""
    from enlace.store.curation import split_actor

    target = _curate(db, lambda session: split_actor(session, key, new_name, event,
                                                             _who(who)))
    console.print(f"{len(set(event))} events moved from {key} to {target}", highlight=False)


@actors_app.command("alias")
def actors_alias(
    key: Annotated[str, typer.Argument(help="Key of the actor.")],
    alias: Annotated[str, typer.Argument(help="A spelling that means this actor.")],
    db: DbOption = None,
    who: WhoOption = None,
) -> None:
    """Teach the resolver a spelling: later ingests resolve ALIAS to the actor KEY."""
    from enlace.store.curation import add_alias

    _curate(db, lambda session: add_alias(session, key, alias, _who(who)))
    console.print(Text(f"{alias!r} -> {key}"))


# --------------------------------------------------------------------------- review


def _render(out: Console, item: Any) -> None:
    """An event and its evidence in context, all document text as plain Text (no markup)."""
    event = item.event
    out.rule(Text(f"event {item.id} · {item.status} · {item.remaining} in queue"))
    for name in ("date", "end_date", "format", "lac_countries", "lac_subdivisions", "lac_level",
                 "channel", "content", "activity", "mechanism", "leftist", "venue", "fields",
                 "outcomes", "occasion", "summary"):
        value = getattr(event, name)
        if isinstance(value, list):
            value = ", ".join(map(str, value)) or "-"
        elif value is None:
            value = "-"
        out.print(Text.assemble((f"{name:>16} ", "bold"), str(value)))
    for label, actors in (("chinese_actors", event.chinese_actors), ("lac_actors", event.lac_actors)):
        names = "; ".join(f"{a.name} [{a.type}]" + (f" ({a.country})" if getattr(a, "country", None)
                                                      else "") for a in actors)
        out.print(Text.assemble((f"{label:>16} ", "bold"), names or "-"))
    for source in item.sources:
        out.print(Text.assemble(("\n" + source.doc_id, "cyan"), f"  {source.title or ''}"))
        body = Text(source.before)
        body.append(source.evidence, style="bold black on yellow")
        body.append(source.after)
        if not source.found:
            body.append("  (evidence not found in the text)", style="dim")
        out.print(body)


def review(
    db: DbOption = None,
    who: WhoOption = None,
) -> None:
    """Walk the machine events: a accept, e FIELD=VALUE edit, r reject, s skip, q quit."""
    from rich.prompt import Prompt
    from sqlalchemy.orm import Session

    from enlace.review.walk import HELP, apply_action, load_item, next_event, parse_action
    from enlace.store import open_engine, transact
    from enlace.store.actors import make_resolver
    from enlace.store.review import ReviewError

    who = _who(who)
    engine = open_engine(db)
    out = Console()
    resolver = None
    after: int | None = None
    done = 0
    out.print(Text(HELP, style="dim"))
    while True:
        with Session(engine) as session:
            event_id = next_event(session, after)
            if event_id is None:
                out.print("nothing left to review")
                break
            item = load_item(session, event_id)
        _render(out, item)
        try:
            line = Prompt.ask(Text(f"[{who}] event {event_id}"), console=out, default="",
                              show_default=False)
        except EOFError:
            break
        try:
            action = parse_action(line, item.event)
        except ReviewError as error:
            out.print(Text(str(error), style="red"))
            after = event_id - 1  # show the same event again
            continue
        if action.kind == "quit":
            break
        if action.kind != "skip":
            if action.kind == "edit" and resolver is None:
                with Session(engine) as session:
                    resolver = make_resolver(session)
            try:
                message = transact(engine, lambda s, a=action, e=event_id, r=resolver: apply_action(
                    s, e, a, who, r))
            except ReviewError as error:
                out.print(Text(str(error), style="red"))
                after = event_id - 1
                continue
            out.print(Text(message, style="green"))
            done += 1
        after = event_id
    console.print(f"{done} events reviewed", highlight=False)


# --------------------------------------------------------------------------- agreement


def agreement_command(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Krippendorff's alpha per codebook field: between coders, and machine vs coders."""
    from sqlalchemy.orm import Session

    from enlace.review.agreement import store_agreement
    from enlace.store import open_engine

    with Session(open_engine(db)) as session:
        report = store_agreement(session)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    if not report.coders:
        fail("no hand codings in the store: import some with `enlace import FILE --coder NAME`")
    table = Table(title=f"Krippendorff's alpha · coders: {', '.join(report.coders)} · "
                        f"{report.documents} documents coded twice or more, "
                        f"{report.machine_documents} by the machine and a coder")
    for column in ("field", "metric", "coders α", "units", "machine α", "units"):
        table.add_column(column, justify="left" if column in ("field", "metric") else "right")

    def show(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    for name, between in report.between_coders.items():
        machine = report.machine[name]
        table.add_row(name, between.metric, show(between.alpha), str(between.units),
                      show(machine.alpha), str(machine.units))
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``export``, ``import``, ``actors``, ``review`` and ``agreement`` to ``enlace``."""
    app.command("export")(export)
    app.command("import")(import_command)
    app.add_typer(actors_app, name="actors")
    app.command("review")(review)
    app.command("agreement")(agreement_command)
