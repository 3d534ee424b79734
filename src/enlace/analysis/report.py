"""``enlace report``: the whole dataset (or a filtered part) as one offline HTML file.

Why one self-contained file: analysts mail it, archive it and open it on a
train; so figures are embedded as base64 PNG and the CSS is inline — no
scripts, fonts or images from anywhere else. Why autoescape and no ``|safe``:
summaries, evidence and actor names come from untrusted documents; every value
reaches the page through Jinja's escaping (the figures are images, not markup).

Stages, in order: analyses (tables) → figures (PNG) → reference figures of the
seed studies beside our counts → method notes (codebook, extractors, review
status, measured accuracy) → render.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape

from enlace.analysis import figures as fig
from enlace.analysis import network, subnational, tables
from enlace.analysis.compare import reference_comparison
from enlace.analysis.frame import EventFrames
from enlace.analysis.timeline import timeline
from enlace.codebook import CODEBOOK_VERSION

ACCURACY_FILE = Path(__file__).resolve().parents[3] / "benchmarks" / "accuracy_floor.json"


@dataclass
class ReportOptions:
    """What the report covers and how it is labelled."""

    title: str = "enlace: China–LAC engagement events"
    filters: dict[str, str] = field(default_factory=dict)  # shown under the title
    change_at: str = "2020-01-01"  # the before/after split (the pandemic drop in the studies)
    timeline_query: str | None = None  # default: the subdivision with most events
    reference: list[dict[str, Any]] | None = None  # None: the starter dataset's, if installed
    method: dict[str, Any] = field(default_factory=dict)  # from :func:`store_facts`
    accuracy: dict[str, float] | None = None  # None: the CI floor file, if present


def store_facts(engine: Any) -> dict[str, Any]:
    """Provenance numbers for the method notes: documents, sources, extractors, review status."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from enlace.store.models import DocumentRecord, EventRecord, EventSource

    with Session(engine) as session:
        statuses = dict(session.execute(select(EventRecord.status, func.count())
                                        .group_by(EventRecord.status)).all())
        extractors = dict(session.execute(select(EventSource.extractor, func.count())
                                          .group_by(EventSource.extractor)).all())
        documents = session.scalar(select(func.count()).select_from(DocumentRecord))
    return {"statuses": statuses, "extractors": extractors, "documents": documents,
            "database": engine.url.render_as_string(hide_password=True)}


def _accuracy(options: ReportOptions) -> dict[str, float]:
    if options.accuracy is not None:
        return options.accuracy
    try:
        return json.loads(ACCURACY_FILE.read_text(encoding="utf-8"))["floors"]
    except (OSError, ValueError, KeyError):
        return {}


def _reference_rows(options: ReportOptions) -> list[dict[str, Any]]:
    if options.reference is not None:
        return options.reference
    try:
        from enlace.starter import reference_figures
    except ImportError:
        return []
    try:
        return list(reference_figures())
    except (OSError, ValueError):
        return []


def _records(table: pd.DataFrame, limit: int | None = None) -> dict[str, Any]:
    """A table for the template: column names and rows of plain values (escaped there)."""
    table = table.head(limit) if limit else table
    clean = table.astype(object).where(table.notna(), "")
    return {"columns": [str(c) for c in clean.columns], "rows": clean.values.tolist(),
            "more": max(0, len(table) - len(clean))}


def _key_numbers(frames: EventFrames) -> list[tuple[str, Any]]:
    events = frames.events
    dated = events["date_start"].dropna()
    span = f"{dated.min()[:4]}–{dated.max()[:4]}" if len(dated) else "–"
    return [("events", len(events)), ("years covered", span),
            ("LAC countries", frames.countries["country"].nunique()),
            ("LAC subdivisions", frames.subdivisions["subdivision"].nunique()),
            ("Chinese actors", frames.actors.loc[frames.actors["side"] == "china", "name"].nunique()),
            ("LAC actors", frames.actors.loc[frames.actors["side"] == "lac", "name"].nunique()),
            ("undated events", int(events["date"].isna().sum())),
            ("source links", int(events["n_sources"].sum()))]


def sections(frames: EventFrames, options: ReportOptions) -> list[dict[str, Any]]:
    """Every analysis as a report section: title, why it matters, figure, table."""
    by_subdivision = tables.counts_by_subdivision(frames)
    graph = network.actor_network(frames)
    query = options.timeline_query or (by_subdivision["subdivision"].iat[0]
                                       if len(by_subdivision) else None)
    line = timeline(frames, query) if query else pd.DataFrame(columns=["date"])
    change = tables.change(frames, options.change_at)
    matrix = tables.channel_level(frames)
    ties = subnational.ties(frames)
    items = [
        ("Events by LAC country", "Zhang (2024) Figure 1: bilateral and multilateral contacts.",
         fig.countries_figure(tables.counts_by_country(frames)), tables.counts_by_country(frames)),
        ("Events by year", "Zhang (2024) Figure 2.", fig.years_figure(tables.counts_by_year(frames)),
         tables.counts_by_year(frames)),
        ("Events by month", "Events dated to the month or day.",
         fig.months_figure(tables.counts_by_month(frames)), None),
        ("Content by country", "Zhang (2024) Figure 3: daily interaction vs knowledge exchange.",
         fig.content_figure(tables.content_by_country(frames)), tables.content_by_country(frames)),
        ("Mechanism and “+leftist” shares", "Zhang's mechanism and leftist counterpart shares.",
         fig.shares_figure(tables.shares(frames)), tables.shares(frames)),
        ("Channel × LAC level", "Myers' avenues: who on the Chinese side meets which LAC level.",
         fig.heatmap_figure(matrix), matrix.reset_index()),
        ("Top actors", "The organisations in most events.",
         fig.actors_figure(tables.top_actors(frames, n=15)), tables.top_actors(frames, n=15)),
        ("Actor network", "Bipartite Chinese–LAC network; weight = events; Louvain communities.",
         fig.network_figure(graph), network.centrality(graph).drop(columns=["node"])),
        ("Map of LAC subdivisions", "Events whose LAC counterpart is a state, province or city.",
         fig.map_figure(by_subdivision), by_subdivision),
        ("Subnational ties", "Chinese province or city with LAC subdivision; hatched = twinning.",
         fig.ties_figure(ties), ties),
        (f"Timeline: {query or '—'}", "The case view (Myers' Jujuy and Coquimbo timelines).",
         fig.timeline_figure(line, f"Timeline: {query or '—'}"),
         line.drop(columns=["evidence"], errors="ignore")),
        (f"Change before/after {options.change_at}", "Events per year, overall and by channel.",
         fig.change_figure(change, options.change_at), change),
    ]
    out = []
    for title, note, figure, table in items:
        out.append({"title": title, "note": note, "png": fig.png_base64(figure),
                    "table": _records(table, 40) if table is not None else None})
        figure.clear()
    return out


def build_report(frames: EventFrames, options: ReportOptions | None = None) -> str:
    """The report's HTML text."""
    options = options or ReportOptions()
    env = Environment(loader=PackageLoader("enlace.analysis", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.get_template("report.html.j2")
    examples = frames.events.sort_values("date_start", na_position="last").head(50)
    return template.render(
        title=options.title, filters=options.filters,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        key_numbers=_key_numbers(frames), sections=sections(frames, options),
        reference=reference_comparison(frames, _reference_rows(options)),
        events=examples[["event_id", "status", "date", "channel", "activity", "lac_countries",
                         "summary", "evidence"]].to_dict("records"),
        codebook_version=CODEBOOK_VERSION, method=options.method, accuracy=_accuracy(options),
        statuses=frames.events["status"].value_counts().to_dict(),
    )


def write_report(frames: EventFrames, path: str | Path, options: ReportOptions | None = None) -> Path:
    """Write the report (UTF-8) and return its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_report(frames, options), encoding="utf-8")
    return path
