"""Every figure draws what its table says (bars, lines, cells, polygons) and saves PNG and SVG."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.colors import to_hex
from test_analysis_data import sample_frames

from enlace import analysis
from enlace.analysis import figures


@pytest.fixture(scope="module")
def frames():
    return sample_frames()


def _bars(fig) -> list:
    return list(fig.axes[0].patches)


def _saves(fig, tmp_path: Path, name: str) -> None:
    for suffix in (".png", ".svg"):
        path = figures.save_figure(fig, tmp_path / f"{name}{suffix}")
        assert path.stat().st_size > 1000
    assert (tmp_path / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (tmp_path / f"{name}.svg").read_bytes()[:2000]


def test_countries_bars(frames, tmp_path) -> None:
    fig = figures.countries_figure(analysis.counts_by_country(frames))
    bars = _bars(fig)
    assert len(bars) == 10  # 5 countries × (bilateral, multilateral)
    assert [b.get_width() for b in bars[:5]] == [3, 1, 1, 1, 1]  # bilateral part
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][0] == "Argentina"
    _saves(fig, tmp_path, "countries")


def test_years_and_months_lines(frames, tmp_path) -> None:
    fig = figures.years_figure(analysis.counts_by_year(frames))
    (line,) = fig.axes[0].get_lines()
    assert list(line.get_xdata()) == [2018, 2019, 2020, 2021]
    assert list(line.get_ydata()) == [2, 2, 1, 2]
    _saves(fig, tmp_path, "years")
    months = figures.months_figure(analysis.counts_by_month(frames))
    assert len(months.axes[0].get_lines()[0].get_ydata()) == 38


def test_content_subdivisions_actors_ties_bars(frames, tmp_path) -> None:
    content = figures.content_figure(analysis.content_by_country(frames))
    assert len(_bars(content)) == 2 * 6  # two content types × 6 rows
    subdivisions = figures.subdivisions_figure(analysis.counts_by_subdivision(frames))
    assert [b.get_width() for b in _bars(subdivisions)] == [3, 1]
    actors = figures.actors_figure(analysis.top_actors(frames, n=5))
    assert len(_bars(actors)) == 5
    assert to_hex(_bars(actors)[0].get_facecolor()) == figures.SIDE_COLOURS["lac"]  # Jujuy first
    ties = figures.ties_figure(analysis.ties(frames))
    assert len(_bars(ties)) == 2 and _bars(ties)[0].get_hatch() == "//"  # Guizhou–Jujuy twinning
    shares = figures.shares_figure(analysis.shares(frames))
    assert [b.get_height() for b in shares.axes[1].patches] == [37.5, 62.5]
    _saves(content, tmp_path, "content")


def test_channel_heatmap_cells(frames, tmp_path) -> None:
    fig = figures.heatmap_figure(analysis.channel_level(frames))
    ax = fig.axes[0]
    assert ax.images[0].get_array().shape == (7, 3)
    cells = {(t.get_position()): t.get_text() for t in ax.texts}
    assert len(cells) == 21
    assert cells[(0, 0)] == "2" and cells[(2, 0)] == "1"  # party×national, party×regional
    _saves(fig, tmp_path, "heatmap")


def test_network_drawing(frames, tmp_path) -> None:
    graph = analysis.actor_network(frames)
    fig = figures.network_figure(graph)
    collections = fig.axes[0].collections
    nodes = [c for c in collections if c.get_offsets().shape[0] == 12]
    assert nodes, "one scatter of the 12 actors"
    small = figures.network_figure(graph, max_nodes=4)
    assert any(c.get_offsets().shape[0] == 4 for c in small.axes[0].collections)
    _saves(fig, tmp_path, "network")


def test_choropleth_colours_the_right_subdivisions(frames, tmp_path) -> None:
    fig = figures.map_figure(analysis.counts_by_subdivision(frames))
    patches = fig.axes[0].patches
    assert len(patches) >= 600  # every LAC admin-1 polygon is drawn
    colour = {}
    for patch in patches:
        colour.setdefault(patch.get_gid(), set()).add(to_hex(patch.get_facecolor()))
    assert figures.NO_DATA not in colour["AR-Y"] and figures.NO_DATA not in colour["CL-CO"]
    assert colour["AR-Y"] != colour["CL-CO"]  # 3 events vs 1
    coloured = {gid for gid, faces in colour.items() if faces != {figures.NO_DATA}}
    assert coloured == {"AR-Y", "CL-CO"}
    assert colour["AR-B"] == {figures.NO_DATA}
    _saves(fig, tmp_path, "map")


def test_shipped_boundaries_are_small_and_cover_lac() -> None:
    assert figures.ADMIN1.stat().st_size < 2_000_000
    features = figures.admin1_features()
    countries = {f["properties"]["country"] for f in features}
    assert {"AR", "BR", "MX", "CU", "JM", "PR", "GF"} <= countries and len(countries) >= 33
    assert "AR-Y" in {f["properties"]["code"] for f in features}


def test_timeline_and_change(frames, tmp_path) -> None:
    line = analysis.timeline(frames, "AR-Y")
    fig = figures.timeline_figure(line, "Jujuy")
    assert fig.axes[0].collections[0].get_offsets().shape[0] == 3
    assert len(fig.axes[0].texts) == 3
    _saves(fig, tmp_path, "timeline")
    table = analysis.change(frames, "2020-01-01")
    bars = figures.change_figure(table, "2020-01-01")
    assert len(_bars(bars)) == 2 * len(table)
    assert _bars(bars)[0].get_height() == 2.0 and _bars(bars)[len(table)].get_height() == 1.5


def test_empty_data_gives_a_figure_not_an_error(tmp_path) -> None:
    empty = analysis.frames_from_events([])
    for fig in (figures.countries_figure(analysis.counts_by_country(empty)),
                figures.years_figure(analysis.counts_by_year(empty)),
                figures.map_figure(analysis.counts_by_subdivision(empty)),
                figures.network_figure(analysis.actor_network(empty))):
        _saves(fig, tmp_path, "empty")
    with pytest.raises(ValueError):
        figures.save_figure(figures.years_figure(analysis.counts_by_year(empty)), tmp_path / "x.gif")
