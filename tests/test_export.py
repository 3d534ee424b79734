"""Exports: every format reads back with the tool its users use, and writes are atomic."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from enlace.codebook import parse_event
from enlace.io import FORMATS, export_events
from enlace.io import export as export_module


def _event(**changes):
    base = {
        "date": "2019-03-25",
        "format": "bilateral",
        "lac_countries": ["AR"],
        "lac_subdivisions": ["AR-Y"],
        "lac_level": "subnational",
        "chinese_actors": [{"name": "Jiangsu Provincial Government", "type": "subnational"}],
        "lac_actors": [{"name": "Government of Jujuy", "type": "subnational_government", "country": "AR"}],
        "channel": "subnational",
        "content": "daily_interaction",
        "activity": "meeting",
        "mechanism": "bilateral",
        "leftist": False,
        "venue": "in_china",
        "fields": ["economic", "green"],
        "outcomes": ["mou"],
        "summary": "Jujuy's governor met Jiangsu officials.",
        "evidence": "El gobernador de Jujuy se reunió con autoridades de Jiangsu",
        "doc_ids": ["d1"],
    }
    base.update(changes)
    return parse_event(base)


@pytest.fixture
def events():
    cpc = {"name": "International Department of the CPC Central Committee", "type": "party"}
    jiangsu = {"name": "Jiangsu Provincial Government", "type": "subnational"}
    jujuy = {"name": "Government of Jujuy", "type": "subnational_government", "country": "AR"}
    return [
        _event(),
        _event(date="2019-06", summary="Second meeting, with a signing.", activity="signing", doc_ids=["d2"]),
        _event(
            date="2020",
            chinese_actors=[cpc, jiangsu],
            lac_actors=[jujuy, {"name": "Communist Party of Cuba", "type": "party", "country": "CU"}],
            lac_countries=["AR", "CU"],
            lac_subdivisions=["AR-Y", "CU-03"],
            format="multilateral",
            lac_level="subnational",
            channel="party",
            leftist=True,
            fields=[],
            outcomes=[],
            end_date="2020-02",
            doc_ids=["d3"],
        ),
        _event(
            date=None,
            lac_countries=["BR"],
            lac_subdivisions=[],
            lac_actors=[],
            lac_level="national",
            chinese_actors=[cpc],
            channel="party",
            summary="x" * 3000,
            doc_ids=[],
        ),
    ]


def test_jsonl_round_trip(tmp_path: Path, events):
    path = tmp_path / "events.jsonl"
    assert export_events(events, path, "jsonl") == 4
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [parse_event(json.loads(line)) for line in lines] == events


def test_jsonl_store_rows_keep_columns_apart(tmp_path: Path, events):
    path = tmp_path / "rows.jsonl"
    export_events([(e, {"id": i, "status": "accepted"}) for i, e in enumerate(events)], path, "jsonl")
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert first.pop("store") == {"id": 0, "status": "accepted"}
    assert parse_event(first) == events[0]


def test_csv_columns_and_cells(tmp_path: Path, events):
    path = tmp_path / "events.csv"
    rows_in = [
        (e, {"id": f"ev{i}", "status": "accepted", "sources": ["http://a", "http://b"]})
        for i, e in enumerate(events)
    ]
    assert export_events(rows_in, path, "csv") == 4
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames[:3] == ["id", "status", "sources"]
    assert reader.fieldnames[-1] == "doc_ids"
    assert rows[0]["sources"] == "http://a; http://b"
    assert rows[0]["fields"] == "economic; green"
    assert rows[2]["chinese_actors"] == (
        "International Department of the CPC Central Committee [party]; "
        "Jiangsu Provincial Government [subnational]"
    )
    assert (
        rows[2]["lac_actors"]
        == "Government of Jujuy [subnational_government]; Communist Party of Cuba [party]"
    )
    assert rows[3]["date"] == ""


def test_plain_events_csv_has_no_store_columns(tmp_path: Path, events):
    path = tmp_path / "plain.csv"
    export_events(events, path, "csv")
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[0] == "date" and "id" not in header


def test_parquet_read_back(tmp_path: Path, events):
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert export_events([(e, {"id": i}) for i, e in enumerate(events)], path, "parquet") == 4
    table = pq.read_table(path)
    assert table.num_rows == 4
    assert table.column("id").to_pylist() == [0, 1, 2, 3]
    assert table.column("lac_countries").to_pylist()[2] == ["AR", "CU"]
    assert table.column("chinese_actors").to_pylist()[0] == [
        {"name": "Jiangsu Provincial Government", "type": "subnational"}
    ]
    assert table.column("leftist").to_pylist() == [False, False, True, False]


def test_dta_read_back_with_labels(tmp_path: Path, events):
    import pandas as pd

    path = tmp_path / "events.dta"
    assert export_events(events, path, "dta") == 4
    frame = pd.read_stata(path)
    assert list(frame["date"]) == ["2019-03-25", "2019-06", "2020", ""]
    assert frame["date_td"].iloc[0] == pd.Timestamp("2019-03-25")
    assert frame["date_td"].iloc[1:].isna().all()
    assert list(frame["leftist"]) == [0, 0, 1, 0]
    assert len(frame["summary"].iloc[3].encode("utf-8")) <= 2045
    with pd.io.stata.StataReader(path) as reader:
        labels = reader.variable_labels()
    assert labels["channel"] == "Channel of the principal Chinese actor"
    assert labels["date_td"].startswith("Stata daily date")


def test_xlsx_two_sheets(tmp_path: Path, events):
    import pandas as pd

    path = tmp_path / "events.xlsx"
    assert export_events(events, path, "xlsx") == 4
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["events", "codebook"]
    assert len(sheets["events"]) == 4
    codebook = sheets["codebook"].set_index("field")
    assert "party" in codebook.loc["channel", "allowed_values"]
    assert "lac_countries" in codebook.index


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_read_back(tmp_path: Path, events, fmt):
    import networkx as nx

    path = tmp_path / f"events.{fmt}"
    edges = export_events(events, path, fmt)
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert edges == graph.number_of_edges() == 5
    jiangsu, jujuy = "cn:Jiangsu Provincial Government", "lac:Government of Jujuy"
    cpc = "cn:International Department of the CPC Central Committee"
    assert set(graph.nodes) == {jiangsu, jujuy, cpc, "lac:Communist Party of Cuba", "lac:BR"}
    assert int(graph[jiangsu][jujuy]["weight"]) == 3
    assert graph[jiangsu][jujuy]["channels"] == "party; subnational"
    assert int(graph[cpc]["lac:BR"]["weight"]) == 1
    assert graph.nodes[jujuy]["side"] == "lac" and graph.nodes[jujuy]["country"] == "AR"
    assert graph.nodes[cpc]["type"] == "party" and graph.nodes[cpc]["side"] == "china"
    assert graph.nodes["lac:BR"]["type"] == "country"


def test_geojson_counts(tmp_path: Path, events):
    path = tmp_path / "events.geojson"
    assert export_events(events, path, "geojson") == 2
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    by_code = {f["properties"]["code"]: f for f in data["features"]}
    jujuy = by_code["AR-Y"]
    assert jujuy["type"] == "Feature" and jujuy["geometry"]["type"] == "Point"
    lon, lat = jujuy["geometry"]["coordinates"]
    assert -25 < lat < -21 and -67.5 < lon < -64  # inside Jujuy
    props = jujuy["properties"]
    assert props["events"] == 3 and props["country"] == "AR" and props["name"] == "Jujuy"
    assert props["by_channel"] == {"party": 1, "subnational": 2}
    assert props["chinese_partners"] == [
        "International Department of the CPC Central Committee",
        "Jiangsu Provincial Government",
    ]
    assert by_code["CU-03"]["properties"]["events"] == 1
    assert by_code["CU-03"]["properties"]["location"] == "subdivision"


def test_centroid_table_covers_lac():
    from enlace.io.geo import centroids

    points = centroids()
    for code in ("AR-Y", "CL-BI", "BR-SP", "MX-CMX", "CU-03", "DO-01", "JM-01", "CU", "GF"):
        assert code in points, code
    for lat, lon in points.values():
        assert -60 < lat < 33 and -120 < lon < -30


def test_unknown_format(tmp_path: Path, events):
    with pytest.raises(ValueError, match="csv, jsonl, parquet, dta, xlsx, graphml, gexf, geojson"):
        export_events(events, tmp_path / "x.shp", "shp")
    assert not (tmp_path / "x.shp").exists()


def test_atomic_write_keeps_old_file(tmp_path: Path, events, monkeypatch):
    path = tmp_path / "events.csv"
    export_events(events[:1], path, "csv")
    before = path.read_bytes()

    def broken(records, temp):
        temp.write_text("half a fi", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setitem(export_module.WRITERS, "csv", broken)
    with pytest.raises(OSError, match="disk full"):
        export_events(events, path, "csv")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]  # no temp file left behind


def test_all_formats_write_gold(tmp_path: Path):
    gold = (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "gold.jsonl")
    if not gold.exists():
        pytest.skip("dev gold absent")
    from enlace.io import import_gold

    events = import_gold(gold)
    for fmt in FORMATS:
        assert export_events(events, tmp_path / f"gold.{fmt}", fmt) > 0
