"""``enlace analyze …`` and ``enlace report``: thin wrappers over :mod:`enlace.analysis`.

Each command loads the (filtered) events of a store, calls one analysis, and
prints a table — or JSON with ``--json`` — and saves the matching chart with
``--figure out.png|svg``. Imports of pandas, matplotlib and the store happen
inside the commands so that ``enlace --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

DbOption = Annotated[str | None, typer.Option(
    "--db", envvar="ENLACE_DB",
    help="SQLite file or postgresql:// URL [env ENLACE_DB; default ./enlace.db].")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the table as JSON records.")]
FigureOption = Annotated[Path | None, typer.Option(
    "--figure", help="Save the chart to this .png or .svg file.")]
SinceOption = Annotated[str | None, typer.Option(help="Events on or after this date (YYYY[-MM[-DD]]).")]
UntilOption = Annotated[str | None, typer.Option(help="Events on or before this date (YYYY[-MM[-DD]]).")]
CountryOption = Annotated[list[str] | None, typer.Option(
    "--country", help="LAC country (ISO alpha-2); repeat for several.")]
ChannelOption = Annotated[list[str] | None, typer.Option(
    "--channel", help="Chinese channel (party, state, …); repeat for several.")]

analyze_app = typer.Typer(help="Analyses of the stored events: tables, network, ties, timelines.",
                          no_args_is_help=True)
err = Console(stderr=True)


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error[/red] {message}", highlight=False)
    return typer.Exit(code=2)


def _frames(db: str | None, since: str | None = None, until: str | None = None,
            country: list[str] | None = None, channel: list[str] | None = None) -> Any:
    from enlace.analysis import load_frames
    from enlace.codebook import check_partial_date
    from enlace.store import EventFilter

    try:
        for value in (since, until):
            check_partial_date(value)
    except ValueError as error:
        raise _fail(str(error)) from None
    flt = EventFilter(since=since, until=until, countries=[c.upper() for c in country or []],
                      channels=list(channel or []))
    return load_frames(db, flt)


def _print(table: Any, as_json: bool, title: str, index: bool = False) -> None:
    if index:
        table = table.reset_index()
    if as_json:
        typer.echo(table.to_json(orient="records", force_ascii=False, indent=2))
        return
    out = Table(title=f"{title} ({len(table)} rows)")
    for column in table.columns:
        out.add_column(str(column), overflow="fold")
    for row in table.astype(object).where(table.notna(), "").itertuples(index=False):
        out.add_row(*(Text(str(value)) for value in row))  # document text is not markup
    Console().print(out)


def _figure(path: Path | None, make: Callable[[], Any]) -> None:
    if path is None:
        return
    from enlace.analysis.figures import save_figure

    try:
        save_figure(make(), path)
    except ValueError as error:
        raise _fail(str(error)) from None
    err.print(f"figure written to {path}", highlight=False)


@analyze_app.command("countries")
def countries(db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
              since: SinceOption = None, until: UntilOption = None, country: CountryOption = None,
              channel: ChannelOption = None) -> None:
    """Events per LAC country, bilateral and multilateral (Zhang's Figure 1)."""
    from enlace.analysis import counts_by_country, figures

    table = counts_by_country(_frames(db, since, until, country, channel))
    _print(table, as_json, "Events by country")
    _figure(figure, lambda: figures.countries_figure(table))


@analyze_app.command("subdivisions")
def subdivisions(db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
                 since: SinceOption = None, until: UntilOption = None, country: CountryOption = None,
                 channel: ChannelOption = None) -> None:
    """Events per LAC first-level subdivision; --figure draws the choropleth map."""
    from enlace.analysis import counts_by_subdivision, figures

    table = counts_by_subdivision(_frames(db, since, until, country, channel))
    _print(table, as_json, "Events by subdivision")
    _figure(figure, lambda: figures.map_figure(table))


@analyze_app.command("years")
def years(db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
          since: SinceOption = None, until: UntilOption = None, country: CountryOption = None,
          channel: ChannelOption = None) -> None:
    """Dated events per year (Zhang's Figure 2)."""
    from enlace.analysis import counts_by_year, figures

    table = counts_by_year(_frames(db, since, until, country, channel))
    _print(table, as_json, "Events by year")
    _figure(figure, lambda: figures.years_figure(table))


@analyze_app.command("months")
def months(db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
           since: SinceOption = None, until: UntilOption = None, country: CountryOption = None,
           channel: ChannelOption = None) -> None:
    """Events dated to the month or day, per month."""
    from enlace.analysis import counts_by_month, figures

    table = counts_by_month(_frames(db, since, until, country, channel))
    _print(table, as_json, "Events by month")
    _figure(figure, lambda: figures.months_figure(table))


@analyze_app.command("content")
def content(db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
            top: Annotated[int, typer.Option(help="Countries to show.")] = 6,
            since: SinceOption = None, until: UntilOption = None, country: CountryOption = None,
            channel: ChannelOption = None) -> None:
    """Daily interaction vs knowledge exchange: multilateral and top countries (Zhang's Figure 3)."""
    from enlace.analysis import content_by_country, figures

    table = content_by_country(_frames(db, since, until, country, channel), top=top)
    _print(table, as_json, "Content by country")
    _figure(figure, lambda: figures.content_figure(table))


@analyze_app.command("shares")
def shares_command(db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
                   since: SinceOption = None, until: UntilOption = None,
                   country: CountryOption = None, channel: ChannelOption = None) -> None:
    """Mechanism (bilateral/regional/global) and "+leftist" shares."""
    from enlace.analysis import figures, shares

    table = shares(_frames(db, since, until, country, channel))
    _print(table, as_json, "Mechanism and leftist shares")
    _figure(figure, lambda: figures.shares_figure(table))


@analyze_app.command("channels")
def channels(db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
             since: SinceOption = None, until: UntilOption = None, country: CountryOption = None,
             channel: ChannelOption = None) -> None:
    """Events by Chinese channel × LAC level (a heat map with --figure)."""
    from enlace.analysis import channel_level, figures

    matrix = channel_level(_frames(db, since, until, country, channel))
    _print(matrix, as_json, "Channel × LAC level", index=True)
    _figure(figure, lambda: figures.heatmap_figure(matrix))


@analyze_app.command("actors")
def actors(db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
           side: Annotated[str | None, typer.Option(help="china or lac.")] = None,
           top: Annotated[int, typer.Option(help="How many actors.")] = 20,
           since: SinceOption = None, until: UntilOption = None, country: CountryOption = None,
           channel: ChannelOption = None) -> None:
    """The actors in most events."""
    from enlace.analysis import figures, top_actors

    if side not in (None, "china", "lac"):
        raise _fail("--side is china or lac")
    table = top_actors(_frames(db, since, until, country, channel), side=side, n=top)
    _print(table, as_json, "Top actors")
    _figure(figure, lambda: figures.actors_figure(table))


@analyze_app.command("network")
def network_command(db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
                    since: SinceOption = None, until: UntilOption = None,
                    country: CountryOption = None, channel: ChannelOption = None) -> None:
    """The actor network: degree, weight, betweenness and community of every actor."""
    from enlace.analysis import actor_network, centrality, figures

    graph = actor_network(_frames(db, since, until, country, channel))
    _print(centrality(graph).drop(columns=["node"]), as_json, "Actor network")
    _figure(figure, lambda: figures.network_figure(graph))


@analyze_app.command("ego")
def ego(actor: Annotated[str, typer.Argument(help="Actor name, or a unique part of it.")],
        db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
        radius: Annotated[int, typer.Option(help="Steps from the actor.")] = 1,
        since: SinceOption = None, until: UntilOption = None, country: CountryOption = None,
        channel: ChannelOption = None) -> None:
    """The ego network of one actor: its partners (and theirs with --radius 2)."""
    from enlace.analysis import ActorNotFound, actor_network, centrality, ego_network, figures

    try:
        graph = ego_network(actor_network(_frames(db, since, until, country, channel)), actor,
                            radius=radius)
    except ActorNotFound as error:
        raise _fail(str(error)) from None
    _print(centrality(graph).drop(columns=["node", "betweenness", "community"]), as_json,
           f"Ego network of {actor}")
    _figure(figure, lambda: figures.network_figure(graph, labels=30))


@analyze_app.command("ties")
def ties_command(db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
                 twinning: Annotated[bool, typer.Option(help="Only twinning pairs.")] = False,
                 since: SinceOption = None, until: UntilOption = None,
                 country: CountryOption = None, channel: ChannelOption = None) -> None:
    """Chinese province/city ↔ LAC subdivision ties, with twinning pairs."""
    from enlace.analysis import figures, ties, twinning_pairs

    frames = _frames(db, since, until, country, channel)
    table = twinning_pairs(frames) if twinning else ties(frames)
    _print(table, as_json, "Subnational ties")
    _figure(figure, lambda: figures.ties_figure(table))


@analyze_app.command("timeline")
def timeline_command(
    query: Annotated[str, typer.Argument(help="Subdivision code/name (AR-Y, Jujuy) or actor name.")],
    db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
    since: SinceOption = None, until: UntilOption = None, country: CountryOption = None,
    channel: ChannelOption = None,
) -> None:
    """Every event of an actor or LAC subdivision in date order (the Jujuy case view)."""
    from enlace.analysis import figures, timeline

    table = timeline(_frames(db, since, until, country, channel), query)
    narrow = table.drop(columns=["evidence", "end_date", "subdivisions", "summary"])
    _print(table if as_json else narrow, as_json, f"Timeline of {query}")
    _figure(figure, lambda: figures.timeline_figure(table, f"Timeline: {query}"))


@analyze_app.command("change")
def change_command(
    at: Annotated[str, typer.Option(help="First day of 'after' (YYYY[-MM[-DD]]), e.g. 2020-01-01.")],
    db: DbOption = None, as_json: JsonOption = False, figure: FigureOption = None,
    by: Annotated[str, typer.Option(help="Break down by this column.")] = "channel",
    since: SinceOption = None, until: UntilOption = None, country: CountryOption = None,
    channel: ChannelOption = None,
) -> None:
    """Events per year before and after a date, overall and by channel."""
    from enlace.analysis import change, figures
    from enlace.codebook import check_partial_date

    if by not in ("channel", "content", "mechanism", "format", "lac_level", "activity", "venue"):
        raise _fail(f"--by {by!r}: use channel, content, mechanism, format, lac_level, activity or venue")
    try:
        check_partial_date(at)
    except ValueError as error:
        raise _fail(str(error)) from None
    table = change(_frames(db, since, until, country, channel), at, since=since, until=until, by=by)
    _print(table, as_json, f"Before and after {at}")
    _figure(figure, lambda: figures.change_figure(table, at))


def report(
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")]
    = Path("report.html"),
    db: DbOption = None, since: SinceOption = None, until: UntilOption = None,
    country: CountryOption = None, channel: ChannelOption = None,
    title: Annotated[str | None, typer.Option(help="Report title.")] = None,
    change_at: Annotated[str, typer.Option("--change-at", help="Before/after split date.")]
    = "2020-01-01",
) -> None:
    """Write one self-contained, offline HTML report of the (filtered) dataset."""
    from enlace.analysis import write_report
    from enlace.analysis.report import ReportOptions, store_facts
    from enlace.store import open_engine

    frames = _frames(db, since, until, country, channel)
    filters = {name: value for name, value in (
        ("since", since), ("until", until), ("country", ", ".join(country or [])),
        ("channel", ", ".join(channel or []))) if value}
    options = ReportOptions(filters=filters, change_at=change_at, method=store_facts(open_engine(db)))
    if title:
        options.title = title
    path = write_report(frames, output, options)
    err.print(f"{len(frames)} events -> {path}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``analyze`` and ``report`` to the main ``enlace`` command."""
    app.add_typer(analyze_app, name="analyze")
    app.command("report")(report)

