"""The counts the source studies publish, computed on any set of events.

Why these tables: they are the views of Zhang (2024) — exchanges by country
(Figure 1), by year (Figure 2), content by country (Figure 3), mechanism and
"+leftist" shares — and of Myers (2020) — channels (avenues) by level, the
actors — plus the before/after comparison both studies make about the
pandemic. Each function takes :class:`EventFrames` and returns a plain
DataFrame, so the CLI can print it, the report can show it and a test can
check its numbers.

Counting rules: an event counts once per country or subdivision it names (a
multilateral event with Cuba and Brazil is one for each), once per year, and
undated events are left out of every time table.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from enlace.analysis.frame import EventFrames
from enlace.codebook import Channel, Content, LacLevel, Mechanism

MULTILATERAL = "Multilateral"


def country_name(code: str) -> str:
    from enlace.gazetteer.entities import english_country_name

    try:
        return english_country_name(code)
    except Exception:  # an unknown code is shown as itself
        return code


def subdivision_label(code: str) -> str:
    from enlace.io.geo import subdivision_name

    return subdivision_name(code)


def counts_by_country(frames: EventFrames) -> pd.DataFrame:
    """Events per LAC country (country, name, events, bilateral, multilateral), most first."""
    columns = ["country", "name", "events", "bilateral", "multilateral"]
    if frames.countries.empty:
        return pd.DataFrame(columns=columns)
    merged = frames.countries.merge(frames.events[["event_id", "format"]], on="event_id")
    table = (merged.groupby("country")["format"].value_counts().unstack(fill_value=0)
             .reindex(columns=["bilateral", "multilateral"], fill_value=0))
    table["events"] = table["bilateral"] + table["multilateral"]
    table = table.reset_index()
    table["name"] = table["country"].map(country_name)
    table = table.sort_values(["events", "country"], ascending=[False, True])
    return table[columns].reset_index(drop=True).astype({c: int for c in columns[2:]})


def counts_by_subdivision(frames: EventFrames) -> pd.DataFrame:
    """Events per LAC first-level subdivision (subdivision, name, country, events), most first."""
    columns = ["subdivision", "name", "country", "events"]
    if frames.subdivisions.empty:
        return pd.DataFrame(columns=columns)
    table = (frames.subdivisions.groupby(["subdivision", "country"]).size()
             .rename("events").reset_index())
    table["name"] = table["subdivision"].map(subdivision_label)
    table = table.sort_values(["events", "subdivision"], ascending=[False, True])
    return table[columns].reset_index(drop=True)


def counts_by_year(frames: EventFrames, fill: bool = True) -> pd.DataFrame:
    """Dated events per year (year, events); ``fill`` adds the empty years in between as 0."""
    dated = frames.dated()
    if dated.empty:
        return pd.DataFrame(columns=["year", "events"])
    counts = dated.groupby("year").size()
    if fill:
        counts = counts.reindex(range(int(counts.index.min()), int(counts.index.max()) + 1),
                                fill_value=0)
    return counts.rename("events").rename_axis("year").reset_index().astype(int)


def counts_by_month(frames: EventFrames, fill: bool = True) -> pd.DataFrame:
    """Events dated at least to the month, per month (month "YYYY-MM", events)."""
    months = frames.events["month"].dropna()
    if months.empty:
        return pd.DataFrame(columns=["month", "events"])
    counts = months.value_counts().sort_index()
    if fill:
        span = pd.period_range(counts.index.min(), counts.index.max(), freq="M").strftime("%Y-%m")
        counts = counts.reindex(list(span), fill_value=0)
    return counts.rename("events").rename_axis("month").reset_index()


def content_by_country(frames: EventFrames, top: int = 6) -> pd.DataFrame:
    """Zhang's Figure 3: content of multilateral events and of bilateral events with the
    ``top`` most frequent countries (row, daily_interaction, knowledge_exchange, total,
    knowledge_share)."""
    columns = ["row", Content.DAILY_INTERACTION.value, Content.KNOWLEDGE_EXCHANGE.value]
    events = frames.events
    multi = events[events["format"] == "multilateral"]["content"].value_counts()
    rows = [{"row": MULTILATERAL, **{c: int(multi.get(c, 0)) for c in columns[1:]}}]
    bilateral = frames.countries.merge(events[events["format"] == "bilateral"][["event_id", "content"]],
                                       on="event_id")
    if not bilateral.empty:
        table = bilateral.groupby("country")["content"].value_counts().unstack(fill_value=0)
        table = table.reindex(columns=columns[1:], fill_value=0)
        table["total"] = table.sum(axis=1)
        table = table.reset_index().sort_values(["total", "country"], ascending=[False, True])
        for record in table.head(top).to_dict("records"):
            rows.append({"row": country_name(record["country"]),
                         **{c: int(record[c]) for c in columns[1:]}})
    out = pd.DataFrame(rows, columns=columns)
    out["total"] = out[columns[1]] + out[columns[2]]
    out["knowledge_share"] = (out[columns[2]] / out["total"].where(out["total"] > 0)).round(3)
    return out


def shares(frames: EventFrames) -> pd.DataFrame:
    """Mechanism shares and the "+leftist" share (measure, value, events, share of all events)."""
    total = len(frames.events)
    rows = []
    counts = frames.events["mechanism"].value_counts()
    for mechanism in Mechanism:
        rows.append(("mechanism", mechanism.value, int(counts.get(mechanism.value, 0))))
    leftist = int(frames.events["leftist"].sum()) if total else 0
    rows += [("leftist", "leftist", leftist), ("leftist", "not leftist", total - leftist)]
    out = pd.DataFrame(rows, columns=["measure", "value", "events"])
    out["share"] = (out["events"] / total).round(3) if total else 0.0
    return out


def channel_level(frames: EventFrames) -> pd.DataFrame:
    """Events by Chinese channel (rows, codebook order) × LAC level (columns)."""
    table = pd.crosstab(frames.events["channel"], frames.events["lac_level"])
    return table.reindex(index=[c.value for c in Channel], columns=[lv.value for lv in LacLevel],
                         fill_value=0).rename_axis(index="channel", columns="lac_level").astype(int)


def top_actors(frames: EventFrames, side: str | None = None, n: int = 20) -> pd.DataFrame:
    """The actors in most events (name, side, type, events); ``side`` "china" or "lac"."""
    actors = frames.actors if side is None else frames.actors[frames.actors["side"] == side]
    if actors.empty:
        return pd.DataFrame(columns=["name", "side", "type", "events"])
    unique = actors.drop_duplicates(["event_id", "side", "name"])
    table = unique.groupby(["name", "side"]).agg(
        type=("type", lambda s: s.mode().iat[0]), events=("event_id", "nunique")).reset_index()
    table = table.sort_values(["events", "name"], ascending=[False, True]).head(n)
    return table[["name", "side", "type", "events"]].reset_index(drop=True)


def _years(first: str, last: str) -> float:
    """Length of a closed day range in years (365.25 days)."""
    return ((date.fromisoformat(last) - date.fromisoformat(first)).days + 1) / 365.25


def change(frames: EventFrames, at: str, since: str | None = None, until: str | None = None,
           by: str = "channel") -> pd.DataFrame:
    """Events before and after ``at`` (an ISO day; the first day of "after"), overall and by ``by``.

    Periods run from ``since`` (default: 1 January of the first dated year) to
    the day before ``at``, and from ``at`` to ``until`` (default: 31 December
    of the last dated year); rates are events per year so that periods of
    unequal length compare. Columns: group, before, after, before_per_year,
    after_per_year, change (relative change of the yearly rate).
    """
    from enlace.store.convert import first_day, last_day

    at = first_day(at)
    dated = frames.dated()
    columns = ["group", "before", "after", "before_per_year", "after_per_year", "change"]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    start = first_day(since) if since else f"{int(dated['year'].min())}-01-01"
    end = last_day(until) if until else f"{int(dated['year'].max())}-12-31"
    inside = dated[(dated["date_start"] >= start) & (dated["date_start"] <= end)]
    years_before = _years(start, (date.fromisoformat(at) - timedelta(days=1)).isoformat())
    years_after = _years(at, end)
    groups = [("all", inside)] + [(str(key), part) for key, part in inside.groupby(by, sort=True)]
    rows = []
    for name, part in groups:
        later = part["date_start"] >= at
        n_before, n_after = int((~later).sum()), int(later.sum())
        rate_before = n_before / years_before if years_before > 0 else float("nan")
        rate_after = n_after / years_after if years_after > 0 else float("nan")
        rel = (rate_after - rate_before) / rate_before if rate_before else float("nan")
        rows.append([name, n_before, n_after, round(rate_before, 2), round(rate_after, 2),
                     round(rel, 3)])
    return pd.DataFrame(rows, columns=columns)
