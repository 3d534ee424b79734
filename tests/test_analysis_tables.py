"""Every table of :mod:`enlace.analysis.tables` on the known sample (see test_analysis_data)."""

from __future__ import annotations

import math

import pytest
from test_analysis_data import IDCPC, JUJUY, sample_frames

import enlace.analysis as analysis
from enlace.analysis import (
    change,
    channel_level,
    content_by_country,
    counts_by_country,
    counts_by_month,
    counts_by_subdivision,
    counts_by_year,
    frames_from_events,
    shares,
    top_actors,
)


@pytest.fixture(scope="module")
def frames():
    return sample_frames()


def test_public_api_is_curated() -> None:
    assert analysis.__all__ == sorted(analysis.__all__)
    for name in analysis.__all__:
        assert getattr(analysis, name) is not None, name
    assert not {n for n in analysis.__all__ if n.startswith("_")}


def test_counts_by_country(frames) -> None:
    table = counts_by_country(frames)
    assert list(table["country"]) == ["AR", "BR", "CU", "CL", "MX"]
    assert list(table["events"]) == [3, 2, 2, 1, 1]
    row = table.set_index("country").loc["CU"]
    assert (row["bilateral"], row["multilateral"], row["name"]) == (1, 1, "Cuba")


def test_counts_by_subdivision(frames) -> None:
    table = counts_by_subdivision(frames)
    assert table.to_dict("records") == [
        {"subdivision": "AR-Y", "name": "Jujuy", "country": "AR", "events": 3},
        {"subdivision": "CL-CO", "name": "Coquimbo", "country": "CL", "events": 1}]


def test_counts_by_year_skip_undated_and_fill(frames) -> None:
    table = counts_by_year(frames)
    assert dict(zip(table["year"], table["events"], strict=True)) == {2018: 2, 2019: 2, 2020: 1, 2021: 2}
    sparse = frames_from_events([frames.records[0], frames.records[5]])  # 2018 and 2021
    assert list(counts_by_year(sparse)["events"]) == [1, 0, 0, 1]
    assert list(counts_by_year(sparse, fill=False)["year"]) == [2018, 2021]


def test_counts_by_month(frames) -> None:
    table = counts_by_month(frames)
    assert len(table) == 38  # 2018-03 .. 2021-04
    assert table["events"].sum() == 6  # the year-only and the undated event have no month
    assert table.set_index("month").loc["2018-07", "events"] == 1
    assert table.set_index("month").loc["2018-08", "events"] == 0


def test_content_by_country(frames) -> None:
    table = content_by_country(frames, top=2).set_index("row")
    assert list(table.index) == ["Multilateral", "Argentina", "Brazil"]
    assert table.loc["Multilateral", "knowledge_exchange"] == 1
    argentina = table.loc["Argentina"]
    assert (argentina["daily_interaction"], argentina["knowledge_exchange"]) == (2, 1)
    assert table.loc["Argentina", "knowledge_share"] == pytest.approx(0.333)


def test_shares(frames) -> None:
    table = shares(frames).set_index("value")
    assert table.loc["bilateral", "events"] == 7 and table.loc["regional", "events"] == 1
    assert table.loc["global", "events"] == 0
    assert table.loc["leftist", "share"] == pytest.approx(0.375)
    assert table.loc["not leftist", "events"] == 5


def test_channel_level_matrix(frames) -> None:
    matrix = channel_level(frames)
    assert matrix.shape == (7, 3)
    assert matrix.loc["party", "national"] == 2 and matrix.loc["party", "regional"] == 1
    assert matrix.loc["subnational", "subnational"] == 2
    assert matrix.loc["state", "subnational"] == 1 and matrix.loc["state", "national"] == 1
    assert matrix.loc["commercial", "subnational"] == 1
    assert matrix.to_numpy().sum() == 8


def test_top_actors(frames) -> None:
    table = top_actors(frames, n=4)
    assert list(table["name"][:2]) == [JUJUY, IDCPC]  # 3 events each, then by name
    assert list(table["events"]) == [3, 3, 2, 2]
    assert list(top_actors(frames, side="china", n=1)["name"]) == [IDCPC]


def test_change_before_after(frames) -> None:
    table = change(frames, "2020-01-01").set_index("group")
    assert (table.loc["all", "before"], table.loc["all", "after"]) == (4, 3)  # undated left out
    assert table.loc["all", "before_per_year"] == 2.0 and table.loc["all", "after_per_year"] == 1.5
    assert table.loc["all", "change"] == pytest.approx(-0.251, abs=0.001)
    assert (table.loc["party", "before"], table.loc["party", "after"]) == (3, 0)
    assert table.loc["party", "change"] == -1.0
    assert math.isnan(table.loc["state", "change"])  # nothing before: no rate to compare
    narrow = change(frames, "2019", since="2019", until="2019").set_index("group")
    assert (narrow.loc["all", "before"], narrow.loc["all", "after"]) == (0, 2)
